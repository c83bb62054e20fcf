import time

import pytest
from django.core.cache import cache

from lhh import sidebar, workercache
from lhh.workercache import Memory
from sitecontent.models import Link, SiteProfile
from tests.sitecontent.factories import LinkFactory

pytestmark = pytest.mark.django_db

# A page the whole-page cache leaves alone (it has a query string), so that
# only the sidebar's own caching is at work.
PAGE = "/tin-tuc/?page=1"


@pytest.fixture
def clock(monkeypatch):
    now = [time.time()]
    monkeypatch.setattr(workercache.time, "time", lambda: now[0])
    return now


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys each read of the shared cache asked for."""
    reads = []
    get, get_many = cache.get, cache.get_many

    def counted_get(key, *args, **kwargs):
        reads.append(key)
        return get(key, *args, **kwargs)

    def counted_get_many(keys, *args, **kwargs):
        reads.append(tuple(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counted_get)
    monkeypatch.setattr(cache, "get_many", counted_get_many)
    return reads


def test_a_value_is_kept_for_its_max_age_from_when_it_was_made(clock):
    memory = Memory()
    memory.set("a", "giá trị", made_at=clock[0] - 50)
    assert memory.get("a", 60) == "giá trị"
    clock[0] += 10
    assert memory.get("a", 60) is None


def test_a_full_memory_starts_again_rather_than_growing():
    memory = Memory(size=2)
    memory.set("a", 1)
    memory.set("b", 2)
    memory.set("c", 3)
    assert list(memory) == ["c"]


def test_a_warm_sidebar_reads_nothing_from_the_shared_cache(client, shared_reads):
    LinkFactory(title="Sở Khoa học và Công nghệ")
    client.get(PAGE)
    shared_reads.clear()
    assert "Sở Khoa học và Công nghệ" in client.get(PAGE).content.decode()
    # What is left is the page's own: its list count and the visit figures.
    assert not [key for key in shared_reads if "sidebar" in str(key) or "profile" in str(key)]


def test_an_edit_by_another_worker_shows_in_the_sidebar_within_the_local_seconds(client, clock):
    client.get(PAGE)
    # Another worker's save bumps the shared version; this one hears no signal.
    Link.objects.bulk_create([LinkFactory.build(title="Sở Y tế")])
    cache.incr(sidebar.VERSION_KEY)

    clock[0] += workercache.LOCAL_SECONDS - 0.5
    assert "Sở Y tế" not in client.get(PAGE).content.decode()
    clock[0] += 0.5
    assert "Sở Y tế" in client.get(PAGE).content.decode()


def test_an_edit_by_this_worker_shows_at_once(client):
    client.get(PAGE)
    LinkFactory(title="Sở Tài chính")
    assert "Sở Tài chính" in client.get(PAGE).content.decode()


def test_a_sidebar_read_from_the_shared_cache_expires_with_it(client, clock):
    client.get(PAGE)
    made_at = clock[0]
    # This worker forgets; the shared copy, made just now, is read back.
    workercache.forget()
    clock[0] += 30
    client.get(PAGE)
    Link.objects.bulk_create([LinkFactory.build(title="Sở Xây dựng")])
    # Kept here until the shared copy's SIDEBAR_CACHE_SECONDS end, not 60 s after reading it.
    clock[0] = made_at + sidebar.SIDEBAR_CACHE_SECONDS - 1
    assert "Sở Xây dựng" not in client.get(PAGE).content.decode()
    cache.delete_many([key for key in sidebar._memory if key.startswith("sidebar:")])
    clock[0] = made_at + sidebar.SIDEBAR_CACHE_SECONDS
    assert "Sở Xây dựng" in client.get(PAGE).content.decode()


def test_a_site_profile_saved_by_another_worker_shows_within_the_local_seconds(client, clock):
    SiteProfile(name="Liên hiệp Hội tỉnh cũ").save()
    client.get(PAGE)
    # Another worker saves the profile: the shared copy is dropped, this
    # worker's own is not.
    SiteProfile.objects.filter(pk=1).update(name="Liên hiệp Hội tỉnh Lâm Đồng")
    cache.delete(SiteProfile.CACHE_KEY)

    clock[0] += workercache.LOCAL_SECONDS - 0.5
    assert "Liên hiệp Hội tỉnh cũ" in client.get(PAGE).content.decode()
    clock[0] += 0.5
    assert "Liên hiệp Hội tỉnh Lâm Đồng" in client.get(PAGE).content.decode()


def test_a_column_rendered_from_older_data_expires_with_that_data(client, clock):
    client.get(PAGE)
    made_at = clock[0]
    # The rendered columns are gone, the blocks' data (made now) is not.
    columns = [key for key in sidebar._memory if key.startswith("sidebar:html:")]
    cache.delete_many(columns)
    for key in columns:
        sidebar._memory.delete(key)
    clock[0] += 30
    client.get(PAGE)
    Link.objects.bulk_create([LinkFactory.build(title="Sở Công Thương")])
    # The columns were rendered 30 s ago from data made 60 s ago: they go with it.
    clock[0] = made_at + sidebar.SIDEBAR_CACHE_SECONDS
    assert "Sở Công Thương" in client.get(PAGE).content.decode()


def test_a_value_stored_by_an_older_release_is_built_again(client):
    LinkFactory(title="Sở Nội vụ")
    # An older release held the bare column in the shared cache, not (made_at, html).
    cache.set(f"sidebar:html:right:{sidebar.content_version()}", "<p>Cũ</p>", 60)
    html = client.get(PAGE).content.decode()
    assert "Sở Nội vụ" in html and "<p>Cũ</p>" not in html

"""The site's caches (core.cache): what they keep, and how soon an edit shows.

"Another worker" is this process with its own memory (the "local" alias)
emptied, as LOCAL_SECONDS later; its shared cache is the same.
"""

import pytest
from django.apps import apps
from django.core.cache import caches

from core import cache as site_cache
from core.models import ContentQuerySet
from sitecontent.models import Link, SiteProfile
from tests.news.factories import ArticleFactory
from tests.sitecontent.factories import LinkFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
# A page the whole-page cache leaves alone (it has a query string), so that
# only the sidebar's caching is at work.
LIST = "/tin-tuc/?page=1"


def another_workers_edit():
    """What this worker learns of an edit saved by another: nothing but the
    shared version, moved on."""
    caches["default"].incr(site_cache.VERSION_KEY)


def local_seconds_later():
    caches["local"].delete(site_cache.VERSION_KEY)


@pytest.fixture
def shared_calls(monkeypatch):
    """The keys asked of the shared cache."""
    calls = []
    shared = caches["default"]
    for name in ("get", "get_many", "set", "add", "incr", "get_or_set"):
        method = getattr(shared, name)

        def counted(key, *args, _method=method, **kwargs):
            calls.append(key)
            return _method(key, *args, **kwargs)

        monkeypatch.setattr(shared, name, counted)
    return calls


def test_a_cached_home_page_costs_no_query(client, django_assert_num_queries):
    first = client.get("/").content.decode()
    with django_assert_num_queries(0):
        again = client.get("/").content.decode()
    assert again == first


def test_a_warm_page_makes_no_round_trip_to_the_shared_cache(client, shared_calls):
    for _ in range(2):
        client.get("/")
        client.get(LIST)
    shared_calls.clear()
    client.get("/")
    assert shared_calls == []
    # A list reads its count and the visit figures; its sidebar, profile and
    # the content version come from the worker's own memory.
    client.get(LIST)
    assert len(set(shared_calls)) == 2
    assert not [key for key in shared_calls if ":count:" not in key and key != "visits:stats"]


@pytest.mark.parametrize("served", ["made", "from the page cache"])
def test_an_anonymous_page_may_be_kept_by_shared_caches(client, served):
    if served != "made":
        client.get("/")
    page = client.get("/")
    cache_control = set(page["Cache-Control"].split(", "))
    assert cache_control == {"public", "max-age=0", "s-maxage=10", "stale-while-revalidate=30"}
    assert page.cookies == {} and not page.has_header("Vary")
    # A browser holding the page gets 304 while it has not changed.
    etag = page["ETag"]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    LinkFactory(title="Sở Giáo dục và Đào tạo")
    changed = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_staff_pages_are_not_for_shared_caches_lists_pages_are(client, staff_user):
    assert "public" in client.get("/?trang=1")["Cache-Control"]
    client.force_login(staff_user)
    page = client.get("/")
    assert "public" not in page.get("Cache-Control", "")
    assert "private" in page["Cache-Control"]


def test_an_edit_shows_at_once_on_the_worker_that_saved_it(client):
    client.get("/")
    client.get(LIST)
    LinkFactory(title="Sở Giáo dục và Đào tạo")
    assert "Sở Giáo dục và Đào tạo" in client.get("/").content.decode()
    assert "Sở Giáo dục và Đào tạo" in client.get(LIST).content.decode()


@pytest.mark.parametrize("url", ["/", LIST])
def test_an_edit_by_another_worker_shows_within_the_local_seconds(client, url):
    client.get(url)
    # Saved elsewhere: bulk_create sends no signal here.
    Link.objects.bulk_create([LinkFactory.build(title="Sở Y tế")])
    another_workers_edit()
    assert "Sở Y tế" not in client.get(url).content.decode()
    local_seconds_later()
    assert "Sở Y tế" in client.get(url).content.decode()


def test_a_site_profile_saved_by_another_worker_shows_within_the_local_seconds(client):
    SiteProfile(name="Liên hiệp Hội tỉnh cũ").save()
    client.get(LIST)
    # Saved elsewhere: the base manager tells nobody here.
    SiteProfile._base_manager.filter(pk=1).update(name="Liên hiệp Hội tỉnh Lâm Đồng")
    another_workers_edit()
    assert "Liên hiệp Hội tỉnh cũ" in client.get(LIST).content.decode()
    local_seconds_later()
    assert "Liên hiệp Hội tỉnh Lâm Đồng" in client.get(LIST).content.decode()


def test_a_bulk_update_shows_at_once(client):
    link = LinkFactory(title="Sở Tài chính")
    assert "Sở Tài chính" in client.get("/").content.decode()
    Link.objects.filter(pk=link.pk).update(is_active=False)
    assert "Sở Tài chính" not in client.get("/").content.decode()


def test_a_view_count_leaves_the_caches_alone():
    article = ArticleFactory()
    version = site_cache.content_version()
    type(article).objects.filter(pk=article.pk).update(view_count=5)
    assert site_cache.content_version() == version


def test_a_bump_is_made_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        before = site_cache.content_version()
        LinkFactory()
        at_once = site_cache.content_version()
    assert before < at_once < site_cache.content_version()
    assert len(callbacks) == 1


def test_every_content_model_tells_the_caches_of_its_bulk_updates():
    """update() sends no signal: each queryset a visitor's content is changed
    through is a ContentQuerySet, which bumps the version."""
    plain = []
    for config in apps.get_app_configs():
        if not hasattr(config, "private_models"):
            continue
        for model in config.get_models():
            if model._meta.model_name in config.private_models or model._meta.proxy:
                continue
            if not isinstance(model._default_manager.all(), ContentQuerySet):
                plain.append(model._meta.label)
    assert plain == []


def test_staff_always_get_a_fresh_page(client, staff_user, django_assert_max_num_queries):
    client.get("/")
    client.force_login(staff_user)
    html = client.get("/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    with django_assert_max_num_queries(20) as queries:
        client.get("/")
    assert len(queries) > 1


def test_a_query_string_is_never_served_from_the_cache(client, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(20) as queries:
        client.get("/?utm_source=bao-lam-dong")
    assert len(queries) > 1


@pytest.mark.parametrize("url", ["/tin-tuc/", "/tin-tuc/?page=1", "/van-ban/"])
def test_a_list_kept_by_this_worker_shows_a_new_item_at_once(
    client, url, django_assert_num_queries
):
    from tests.documents.factories import DocumentFactory

    ArticleFactory(title="Tin cũ trong danh sách")
    client.get(url)
    ArticleFactory(title="Tin mới đăng")
    DocumentFactory(summary="Quyết định mới ban hành")
    html = client.get(url).content.decode()
    assert ("Tin mới đăng" in html) if "tin-tuc" in url else ("Quyết định mới ban hành" in html)


def _page_kinds():
    """(what to make, its field a visitor reads) for every page the whole-page
    cache keeps, by the address of the object made."""
    from tests.documents.factories import DocumentFactory
    from tests.gallery.factories import AlbumFactory
    from tests.members.factories import OrganizationFactory, OrganizationGroupFactory
    from tests.news.factories import CategoryFactory
    from tests.qa.factories import PublishedQuestionFactory
    from tests.sitecontent.factories import PageFactory

    return {
        "category": (CategoryFactory, "name"),
        "organization group": (OrganizationGroupFactory, "name"),
        "organization": (OrganizationFactory, "name"),
        "document": (DocumentFactory, "summary"),
        "question": (PublishedQuestionFactory, "title"),
        "album": (AlbumFactory, "title"),
        "page": (PageFactory, "title"),
    }


@pytest.mark.parametrize("kind", list(_page_kinds()))
def test_every_content_page_is_kept_for_visitors_and_shows_an_edit_at_once(
    client, kind, django_assert_num_queries
):
    make, field = _page_kinds()[kind]
    made = make()
    url = made.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).content == first.content
    setattr(made, field, "Tên đã sửa lại")
    made.save()
    assert "Tên đã sửa lại" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "url", ["/tin-tuc/", "/to-chuc-thanh-vien/", "/van-ban/", "/hoi-dap/", "/thu-vien-anh/"]
)
def test_every_list_is_kept_for_visitors(client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).content == first.content


def test_a_page_not_found_is_not_kept(client, django_assert_max_num_queries):
    assert client.get("/thu-vien-anh/khong-co/").status_code == 404
    with django_assert_max_num_queries(20) as queries:
        assert client.get("/thu-vien-anh/khong-co/").status_code == 404
    assert len(queries) >= 1

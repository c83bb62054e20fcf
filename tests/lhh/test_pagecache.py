import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lhh import pagecache, sidebar, workercache
from sitecontent.models import Link, SiteProfile
from tests.sitecontent.factories import LinkFactory
from visits.models import VisitDay

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


def test_a_cached_home_page_costs_no_query(client, django_assert_num_queries):
    first = client.get("/").content.decode()
    with django_assert_num_queries(0):
        again = client.get("/").content.decode()
    assert again == first


def test_the_counter_on_a_cached_page_is_live():
    SiteProfile(visit_base=1000).save()
    Client(HTTP_USER_AGENT=BROWSER).get("/")
    html = Client(HTTP_USER_AGENT=BROWSER).get("/").content.decode()
    assert 'data-counter="total">1.002<' in html
    assert VisitDay.objects.get().count == 2


def test_an_edit_shows_at_once_on_the_cached_home_page(client):
    client.get("/")
    LinkFactory(title="Sở Giáo dục và Đào tạo")
    assert "Sở Giáo dục và Đào tạo" in client.get("/").content.decode()


def test_a_returning_visitor_sees_the_visit_just_counted_by_another():
    SiteProfile(visit_base=1000).save()
    returning = Client(HTTP_USER_AGENT=BROWSER)
    returning.get("/")
    Client(HTTP_USER_AGENT=BROWSER).get("/")
    html = returning.get("/").content.decode()
    assert 'data-counter="total">1.002<' in html


def test_an_edit_made_by_another_worker_shows_within_the_local_seconds(client, monkeypatch):
    clock = [time.time()]
    monkeypatch.setattr(workercache.time, "time", lambda: clock[0])
    client.get("/")
    # Another worker's save bumps the shared version; this one hears no signal.
    Link.objects.bulk_create([LinkFactory.build(title="Sở Y tế")])
    cache.incr(sidebar.VERSION_KEY)

    clock[0] += workercache.LOCAL_SECONDS - 0.5
    assert "Sở Y tế" not in client.get("/").content.decode()
    clock[0] += 0.5
    assert "Sở Y tế" in client.get("/").content.decode()


def test_a_cached_page_does_not_expire_when_a_minute_turns(
    client, monkeypatch, django_assert_num_queries
):
    clock = [time.time() // 60 * 60 + 59]  # a second before a minute turns
    monkeypatch.setattr(pagecache.time, "time", lambda: clock[0])
    client.get("/")
    clock[0] += 2
    with django_assert_num_queries(0):
        client.get("/")


def test_a_workers_own_copy_expires_with_the_shared_one(client, monkeypatch):
    clock = [time.time()]
    monkeypatch.setattr(pagecache.time, "time", lambda: clock[0])
    client.get("/")
    # The shared copy is gone, as its timeout ends; this worker still has its own.
    cache.delete_many(list(pagecache._local_pages))

    clock[0] += pagecache.PAGE_CACHE_SECONDS - 1
    with CaptureQueriesContext(connection) as still_cached:
        client.get("/")
    clock[0] += 1
    with CaptureQueriesContext(connection) as rebuilt:
        client.get("/")
    # Still cached: at most the counter's figures are read again (a cache
    # that goes by the patched clock finds them older than STATS_SECONDS);
    # rebuilt: the page's own content too.
    still, again = ({"visitday" in q["sql"] for q in c} for c in (still_cached, rebuilt))
    assert (still <= {True}, False in again) == (True, True)


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

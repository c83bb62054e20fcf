import threading
import types

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sitecontent.models import SiteProfile
from visits import middleware
from visits import stats as counter
from visits.models import VisitDay

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """A clock the visit counter reads, moved forward by the tests."""
    fake = types.SimpleNamespace(now=1_750_000_000.0)
    fake_time = types.SimpleNamespace(time=lambda: fake.now)
    monkeypatch.setattr(middleware, "time", fake_time)
    monkeypatch.setattr(counter, "time", fake_time)
    return fake


def visitor():
    return Client(HTTP_USER_AGENT=BROWSER)


def counted():
    return sum(VisitDay.objects.values_list("count", flat=True))


def test_a_new_visitor_is_counted_once_within_thirty_minutes(clock):
    browser = visitor()
    browser.get("/")
    clock.now += 10 * 60
    browser.get("/gioi-thieu/khong-co/")
    clock.now += 19 * 60
    browser.get("/")
    assert counted() == 1


def test_the_same_visitor_is_counted_again_after_thirty_minutes(clock):
    browser = visitor()
    browser.get("/")
    clock.now += 30 * 60 + 1
    browser.get("/")
    assert counted() == 2


def test_two_visitors_are_two_visits(clock):
    visitor().get("/")
    visitor().get("/")
    assert counted() == 2


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "facebookexternalhit/1.1",
        "",
    ],
)
def test_bots_are_never_counted(clock, user_agent):
    Client(HTTP_USER_AGENT=user_agent).get("/")
    assert counted() == 0


def test_a_returning_visitor_writes_nothing_to_the_database(clock):
    browser = visitor()
    browser.get("/")
    with CaptureQueriesContext(connection) as queries:
        browser.get("/")
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_no_session_row_is_created_for_a_visitor(clock):
    browser = visitor()
    browser.get("/")
    browser.get("/")
    assert Session.objects.count() == 0
    assert "sessionid" not in browser.cookies


def test_assets_and_the_admin_are_not_visits(clock):
    browser = visitor()
    browser.get("/robots.txt")
    browser.get("/healthz")
    browser.get("/admin/login/")
    assert counted() == 0


def test_a_forged_cookie_counts_as_a_new_visitor(clock):
    browser = visitor()
    browser.cookies["lhh_visit"] = "abc:9999999999:0"
    browser.get("/")
    assert counted() == 1


def test_total_adds_the_visits_carried_over_from_the_old_site(clock):
    SiteProfile(visit_base=538980).save()
    visitor().get("/")
    stats = counter.visit_stats()
    assert stats["total"] == 538981
    assert stats["today"] == 1


def test_counter_block_shows_total_today_and_online(clock):
    SiteProfile(visit_base=538980).save()
    visitor().get("/")
    html = visitor().get("/").content.decode()
    assert 'data-counter="total">538.982<' in html
    assert 'data-counter="today">2<' in html


def test_online_counts_guests_and_members_once_each(clock, staff_user):
    first, second = visitor(), visitor()
    first.get("/")
    first.get("/")
    second.get("/")
    member = visitor()
    member.force_login(staff_user)
    member.get("/")
    assert counter.online_counts() == {"members": 1, "guests": 2}


def test_online_visitor_seen_in_two_windows_is_counted_once(clock):
    browser = visitor()
    browser.get("/")
    clock.now += settings.ONLINE_WINDOW_MINUTES * 60
    browser.get("/")
    assert counter.online_counts() == {"members": 0, "guests": 1}


def test_online_visitor_gone_for_two_windows_is_no_longer_online(clock):
    visitor().get("/")
    clock.now += 2 * settings.ONLINE_WINDOW_MINUTES * 60
    assert counter.online_counts() == {"members": 0, "guests": 0}


@pytest.mark.django_db(transaction=True)
def test_concurrent_new_visits_are_all_counted():
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server shared by several connections (PostgreSQL)")

    def visit():
        try:
            for _ in range(10):
                counter.record_visit()
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counted() == 80


def test_a_counted_visit_refreshes_the_cached_figures_at_once(clock):
    counter.visit_stats()
    visitor().get("/")
    assert counter.visit_stats()["today"] == 1


def test_paths_not_counted_come_from_the_url_names_and_settings():
    prefixes = middleware.skipped_prefixes()
    assert {"/admin/", "/static/", "/media/", "/healthz", "/robots.txt"} <= set(prefixes)
    assert "/sitemap.xml" in prefixes and "/ckeditor5/image_upload/" in prefixes
    # The benchmark's own view is skipped by the benchmark's settings only.
    assert "/bench/" not in prefixes

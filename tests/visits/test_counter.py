import threading
import types

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sitecontent.models import SiteProfile
from visits import stats as counter
from visits import views
from visits.models import VisitDay

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """A clock the visit counter reads, moved forward by the tests."""
    fake = types.SimpleNamespace(now=1_750_000_000.0)
    fake_time = types.SimpleNamespace(time=lambda: fake.now)
    monkeypatch.setattr(views, "time", fake_time)
    monkeypatch.setattr(counter, "time", fake_time)
    return fake


HIT = "/luot-truy-cap/"


class Visitor(Client):
    """A browser whose page calls the counter's address, as visits.js does."""

    def visit(self, path="/"):
        page = self.get(path)
        self.get(HIT, HTTP_ACCEPT="application/json")
        return page


def visitor(user_agent=BROWSER):
    return Visitor(HTTP_USER_AGENT=user_agent)


def counted():
    return sum(VisitDay.objects.values_list("count", flat=True))


def test_a_new_visitor_is_counted_once_within_thirty_minutes(clock):
    browser = visitor()
    browser.visit("/")
    clock.now += 10 * 60
    browser.visit("/gioi-thieu/khong-co/")
    clock.now += 19 * 60
    browser.visit("/")
    assert counted() == 1


def test_the_same_visitor_is_counted_again_after_thirty_minutes(clock):
    browser = visitor()
    browser.visit("/")
    clock.now += 30 * 60 + 1
    browser.visit("/")
    assert counted() == 2


def test_two_visitors_are_two_visits(clock):
    visitor().visit("/")
    visitor().visit("/")
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
    visitor(user_agent).visit("/")
    assert counted() == 0


def test_a_returning_visitor_writes_nothing_to_the_database(clock):
    browser = visitor()
    browser.visit("/")
    with CaptureQueriesContext(connection) as queries:
        browser.visit("/")
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_no_session_row_is_created_for_a_visitor(clock):
    browser = visitor()
    browser.visit("/")
    browser.visit("/")
    assert Session.objects.count() == 0
    assert "sessionid" not in browser.cookies


def test_a_forged_cookie_counts_as_a_new_visitor(clock):
    browser = visitor()
    browser.cookies["lhh_visit"] = "abc:9999999999:0"
    browser.visit("/")
    assert counted() == 1


def test_total_adds_the_visits_carried_over_from_the_old_site(clock):
    SiteProfile(visit_base=538980).save()
    visitor().visit("/")
    stats = counter.visit_stats()
    assert stats["total"] == 538981
    assert stats["today"] == 1


def test_counter_block_shows_total_today_and_online(clock):
    SiteProfile(visit_base=538980).save()
    visitor().visit("/")
    browser = visitor()
    # The page, as it was cached before any visit was counted…
    html = browser.get("/").content.decode()
    assert 'data-counter="total">538.980<' in html
    assert 'data-counter="today">0<' in html
    # … then its script puts in the figures, this visit counted.
    figures = browser.get(HIT).json()["figures"]
    assert figures == {
        "total": "538.982",
        "today": "2",
        "members": "0",
        "guests": "2",
        "online": "2",
    }


def test_online_counts_guests_and_members_once_each(clock, staff_user):
    first, second = visitor(), visitor()
    first.visit("/")
    first.visit("/")
    second.visit("/")
    member = visitor()
    member.force_login(staff_user)
    member.visit("/")
    assert counter.online_counts() == {"members": 1, "guests": 2}


def test_online_visitor_seen_in_two_windows_is_counted_once(clock):
    browser = visitor()
    browser.visit("/")
    clock.now += settings.ONLINE_WINDOW_MINUTES * 60
    browser.visit("/")
    assert counter.online_counts() == {"members": 0, "guests": 1}


def test_online_visitor_gone_for_two_windows_is_no_longer_online(clock):
    visitor().visit("/")
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
    visitor().visit("/")
    assert counter.visit_stats()["today"] == 1


def test_a_page_counts_nothing_and_sets_no_cookie(clock):
    browser = visitor()
    page = browser.get("/")
    assert page.cookies == {} and "Vary" not in page
    assert counted() == 0
    assert 'data-visit-url="/luot-truy-cap/"' in page.content.decode()


def test_the_answer_says_when_to_call_again_and_is_never_cached(clock):
    browser = visitor()
    clock.now = 1_750_000_000.0  # 100 s into a five-minute window
    answer = browser.get(HIT)
    assert "no-store" in answer["Cache-Control"]
    assert answer.json()["again"] == 200
    assert "lhh_visit" in answer.cookies
    # Within the window nothing changes: no cookie, no write.
    clock.now += 60
    with CaptureQueriesContext(connection) as queries:
        again = browser.get(HIT)
    assert again.cookies == {} and again.json()["again"] == 140
    assert not [q for q in queries.captured_queries if "UPDATE" in q["sql"].upper()]


def test_without_javascript_the_picture_counts_the_visit(clock):
    browser = visitor()
    html = browser.get("/").content.decode()
    assert '<noscript><img class="visit-pixel" src="/luot-truy-cap/?anh=1"' in html
    picture = browser.get(HIT, {"anh": "1"})
    assert picture["Content-Type"] == "image/gif" and picture.content.startswith(b"GIF89a")
    assert counted() == 1


def test_a_crawler_is_answered_and_never_counted(clock):
    crawler = visitor("Googlebot/2.1")
    assert crawler.get(HIT).status_code == 200
    assert crawler.get(HIT, {"anh": "1"}).status_code == 200
    assert counted() == 0 and crawler.cookies == {}


@pytest.mark.parametrize("query", ["?bai=abc", "?bai=99999999999999999999999999", "?bai=", "?x=1"])
def test_odd_queries_are_answered(clock, query):
    assert visitor().get(HIT + query).status_code == 200


def test_only_get_is_answered(clock):
    assert visitor().post(HIT).status_code == 405
    assert counted() == 0

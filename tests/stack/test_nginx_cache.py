"""The shipped nginx block keeps anonymous pages as Django allows: a burst
of readers is served from nginx, staff never meet a kept page, an edit
shows within the stated seconds, and the visit counter is never kept."""

import time

import pytest

from core.cache import EDGE_SECONDS
from tests.news.factories import ArticleFactory
from tests.sitecontent.factories import LinkFactory
from tests.stack.conftest import fetch, staff_cookie
from visits.models import VisitDay

pytestmark = pytest.mark.stack

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0"}


def test_an_anonymous_page_is_served_by_nginx_after_the_first_request(nginx):
    article = ArticleFactory(title="Tin được báo tỉnh dẫn link")
    url = nginx + article.get_absolute_url()
    status, headers, first = fetch(url)
    assert status == 200 and headers["X-Cache"] == "MISS"
    for _ in range(3):
        status, headers, again = fetch(url)
        assert headers["X-Cache"] == "HIT" and again == first
    assert "Set-Cookie" not in headers
    # A browser holding the page is answered 304 by nginx itself.
    status, _, body = fetch(url, headers={"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_staff_are_never_served_a_kept_page_and_never_fill_the_cache(nginx):
    fetch(nginx + "/")
    cookie = staff_cookie()
    status, headers, _ = fetch(nginx + "/", cookie)
    assert status == 200 and headers["X-Cache"] == "BYPASS"
    assert "private" in headers["Cache-Control"]
    # What a staff member was shown is not what the next visitor gets.
    assert fetch(nginx + "/tin-tuc/", cookie)[1]["X-Cache"] == "BYPASS"
    assert fetch(nginx + "/tin-tuc/")[1]["X-Cache"] == "MISS"


def test_an_edit_shows_through_nginx_within_the_stated_seconds(nginx):
    fetch(nginx + "/")
    assert fetch(nginx + "/")[1]["X-Cache"] == "HIT"
    LinkFactory(title="Sở Giáo dục và Đào tạo")
    started = time.monotonic()
    while b"S\xe1\xbb\x9f Gi\xc3\xa1o d\xe1\xbb\xa5c" not in fetch(nginx + "/")[2]:
        assert time.monotonic() - started < EDGE_SECONDS + 3, "the edit did not show in time"
        time.sleep(0.5)


def test_the_visit_counter_is_never_kept(nginx):
    for _ in range(2):
        status, headers, _ = fetch(nginx + "/luot-truy-cap/", headers=BROWSER)
        assert status == 200 and headers["X-Cache"] != "HIT"
        assert "no-store" in headers["Cache-Control"]
    # Two browsers without the counter's cookie: two visits.
    assert sum(VisitDay.objects.values_list("count", flat=True)) == 2

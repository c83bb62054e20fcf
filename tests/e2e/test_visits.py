"""The visit counter in a real browser: pages count nothing, their script
(or, without JavaScript, a picture) calls the counter's address."""

import pytest
from playwright.sync_api import expect

from news.models import Article
from visits.models import VisitDay

# Headless Chromium says so in its User-Agent, and is not counted: these
# browsers say what a visitor's Chrome says.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "user_agent": BROWSER}


def counted():
    return sum(VisitDay.objects.values_list("count", flat=True))


def test_a_visit_is_counted_once_and_the_block_shows_it(page, site):
    page.goto(site.url + "/")
    today = page.locator('[data-counter="today"]')
    expect(today).to_have_text("1")
    expect(page.locator('[data-counter="guests"]')).to_have_text("1")
    assert counted() == 1
    # Browsing on within the half hour: no more calls, no more visits.
    calls = []
    page.on("request", lambda r: "/luot-truy-cap/" in r.url and calls.append(r.url))
    page.goto(site.url + "/tin-tuc/")
    page.goto(site.url + "/")
    expect(today).to_be_visible()
    assert calls == [] and counted() == 1


def test_every_article_read_is_a_view(page, site):
    article = Article.objects.published().order_by("-published_at").first()
    before = article.view_count
    for _ in range(2):
        with page.expect_response(lambda r: "/luot-truy-cap/?bai=" in r.url):
            page.goto(site.url + article.get_absolute_url())
    article.refresh_from_db()
    assert article.view_count == before + 2
    assert counted() == 1


def test_without_javascript_the_picture_counts(browser, site):
    context = browser.new_context(java_script_enabled=False, user_agent=BROWSER)
    page = context.new_page()
    article = Article.objects.published().order_by("-published_at").first()
    with page.expect_response(lambda r: "/luot-truy-cap/?anh=1&bai=" in r.url):
        page.goto(site.url + article.get_absolute_url())
    page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.view_count == 1
    assert counted() == 1
    context.close()

"""The bulletin shelf and an issue on a phone, and a video in an article.

There is no internet here: requests to the video players' hosts are
answered by the test (an empty page), so the browser never reaches
YouTube; what is checked is the player's frame and its attributes."""

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
PLAYER_HOSTS = "**/*{youtube-nocookie.com,facebook.com}/**"


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.route(PLAYER_HOSTS, lambda route: route.fulfill(body="", content_type="text/html"))
    page = context.new_page()
    yield page
    context.close()


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_reader_opens_the_latest_issue_from_the_shelf_on_a_phone(phone, site, screenshot):
    page = phone
    page.goto(site.url + "/")
    menu = page.get_by_role("navigation", name="Menu chính")
    menu.locator("summary", has_text="Danh mục").click()
    menu.get_by_role("link", name="Bản tin", exact=True).click()
    expect(page.get_by_role("heading", name="BẢN TIN")).to_be_visible()
    cards = page.locator(".issue-card")
    expect(cards).to_have_count(2)
    # Newest first, two covers across, nothing wider than the phone.
    expect(cards.first).to_contain_text("số 4/2026")
    boxes = [cards.nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]
    assert fits_the_width(page)
    screenshot(page, "bulletins-shelf-390")

    cards.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bản tin Trí thức với KH&CN số 4/2026"
    )
    expect(page.locator(".issue__cover")).to_be_visible()
    contents = page.locator(".contents-list__item")
    expect(contents).to_have_count(4)
    expect(contents.first).to_contain_text("Trang 2")
    read = page.get_by_role("link", name="Đọc bản tin (PDF)")
    expect(read).to_be_visible()
    assert fits_the_width(page)
    screenshot(page, "bulletins-issue-390")
    # The PDF itself answers, as a PDF.
    response = page.request.get(site.url + read.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    # A contents line with an article leads to it.
    page.locator(".contents-list__item a").first.click()
    expect(page.locator(".article__title")).to_be_visible()


def test_an_article_with_a_video_shows_the_player_16_9_on_a_phone(phone, site, screenshot):
    from news.demo import VIDEO_ARTICLE
    from news.models import Article

    article = Article.objects.get(title=VIDEO_ARTICLE["title"])
    page = phone
    page.goto(site.url + article.get_absolute_url())
    frame = page.locator(".article__body iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE")
    expect(frame).to_have_attribute("loading", "lazy")
    expect(frame).to_have_attribute("title", "Video YouTube")
    expect(frame).to_have_attribute("allowfullscreen", "")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    assert box["width"] <= PHONE["width"]
    assert abs(box["width"] / box["height"] - 16 / 9) < 0.02
    assert fits_the_width(page)
    screenshot(page, "video-article-390")

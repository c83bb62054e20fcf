import pytest
from playwright.sync_api import expect

ALBUM = "/thu-vien-anh/dai-hoi-dai-bieu-lien-hiep-hoi-lam-dong-lan-thu-v/"


@pytest.fixture
def album_page(page, site):
    page.goto(site.url + ALBUM)
    return page


def test_lightbox_opens_moves_with_arrows_and_closes_with_escape(album_page, screenshot):
    page = album_page
    links = page.locator(".photo-grid__link")
    total = links.count()
    links.nth(1).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(page.locator(".lightbox__counter")).to_have_text(f"Ảnh 2/{total}")
    expect(page.locator(".lightbox__caption")).to_have_text(
        "Đoàn Chủ tịch điều hành phiên làm việc thứ nhất"
    )
    page.keyboard.press("ArrowRight")
    expect(page.locator(".lightbox__counter")).to_have_text(f"Ảnh 3/{total}")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".lightbox__counter")).to_have_text(f"Ảnh 1/{total}")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".lightbox__counter")).to_have_text(f"Ảnh {total}/{total}")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # Focus is back on the thumbnail of the photo shown last.
    expect(links.nth(0)).to_be_focused()


def test_lightbox_keeps_focus_inside_and_closes_with_its_button(album_page):
    page = album_page
    page.locator(".photo-grid__link").nth(0).click()
    close = page.get_by_role("button", name="Đóng")
    expect(close).to_be_focused()
    for _ in range(5):
        page.keyboard.press("Tab")
        assert page.evaluate(
            "document.querySelector('[role=dialog]').contains(document.activeElement)"
        )
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.querySelector('[role=dialog]').contains(document.activeElement)")
    close.click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.locator(".photo-grid__link").nth(0)).to_be_focused()


def test_lightbox_shows_the_next_photo_on_swipe(album_page):
    page = album_page
    page.locator(".photo-grid__link").nth(0).click()
    # Measured once the picture has loaded: before, its box is not its size.
    page.wait_for_function(
        "() => { const i = document.querySelector('.lightbox__image');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    box = page.locator(".lightbox__image").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, y, steps=5)
    page.mouse.up()
    expect(page.locator(".lightbox__counter")).to_have_text("Ảnh 2/10")


def test_without_javascript_a_thumbnail_is_a_link_to_the_large_image(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + ALBUM)
    href = page.locator(".photo-grid__link").first.get_attribute("href")
    page.locator(".photo-grid__link").first.click()
    page.wait_for_url("**" + href)
    assert page.url.endswith(".jpg")
    context.close()


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_gallery_screenshots(browser, site, screenshot, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site.url + "/thu-vien-anh/")
    expect(page.locator(".album-card")).to_have_count(2)
    screenshot(page, f"gallery-albums-{width}")
    page.locator(".album-card__link").first.click()
    expect(page.locator(".photo-grid__item").first).to_be_visible()
    screenshot(page, f"gallery-album-{width}")
    page.locator(".photo-grid__link").nth(2).click()
    expect(page.locator(".lightbox__image")).to_have_js_property("complete", True)
    page.screenshot(path=str(screenshot(page, f"gallery-lightbox-{width}")), full_page=False)
    context.close()

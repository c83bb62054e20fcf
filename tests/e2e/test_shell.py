import re

import pytest
from playwright.sync_api import expect


def test_home_page_shows_every_block(page, site, screenshot):
    page.goto(site.url + "/")
    for title in [
        "THÔNG TIN CHÍNH",
        "TỔ CHỨC THÀNH VIÊN",
        "HỎI VÀ ĐÁP",
        "ĐẾM LƯỢT TRUY CẬP",
        "THÔNG BÁO",
        "VĂN BẢN MỚI",
        "HÌNH HOẠT ĐỘNG",
        "LIÊN KẾT",
        "QUẢNG CÁO",
    ]:
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(page.locator(".site-header__date")).to_have_text(
        re.compile(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d/\d\d/\d{4}$")
    )
    screenshot(page, "home-1280")


def test_pause_button_stops_the_welcome_line(page, site):
    page.goto(site.url + "/")
    text = page.locator(".welcome__text")
    button = page.get_by_role("button", name="Tạm dừng")
    button.click()
    expect(page.get_by_role("button", name="Tiếp tục")).to_have_attribute("aria-pressed", "true")
    # Move the pointer away so the hover pause does not mask the button's effect.
    page.mouse.move(0, 0)
    page.locator("body").focus()
    state = text.evaluate("el => getComputedStyle(el).animationPlayState")
    assert state == "paused"
    first = text.bounding_box()["x"]
    page.wait_for_timeout(600)
    assert text.bounding_box()["x"] == first


def test_welcome_line_stands_still_with_reduced_motion(browser, site):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site.url + "/")
    name = page.locator(".welcome__text").evaluate("el => getComputedStyle(el).animationName")
    assert name == "none"
    context.close()


def test_member_tree_block_is_reachable_by_keyboard(page, site):
    page.goto(site.url + "/")
    link = page.get_by_role("link", name="Xem tất cả tổ chức thành viên")
    for _ in range(300):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the member block's link was never reached with Tab")


def test_columns_stack_content_first_on_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + "/")
    content = page.locator("#content").bounding_box()
    left = page.locator(".layout__left").bounding_box()
    right = page.locator(".layout__right").bounding_box()
    assert content["y"] < right["y"] < left["y"]
    assert content["width"] > 300
    screenshot(page, "home-390")
    context.close()


def header_height(page):
    """From the top of the page to the bottom of the search box: logo,
    name, date, the menu button and search."""
    return page.locator(".search-box").evaluate("el => el.getBoundingClientRect().bottom")


def test_phone_header_fits_in_about_140_px_and_content_shows_in_the_first_screen(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + "/")
    assert header_height(page) <= 150
    expect(
        page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Tin tức")
    ).to_be_hidden()
    # The welcome line is read whole, not scrolled past a narrow window.
    welcome = page.locator(".welcome__text")
    assert welcome.evaluate("el => getComputedStyle(el).animationName") == "none"
    assert welcome.evaluate("el => el.getBoundingClientRect().right <= window.innerWidth")
    assert page.locator("#content").bounding_box()["y"] < 300
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_phone_menu_opens_and_closes_behind_its_button(browser, site, javascript, screenshot):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(site.url + "/van-ban/")
    menu = page.get_by_role("navigation", name="Menu chính")
    button = menu.locator("summary", has_text="Danh mục")
    expect(button).to_be_visible()
    link = menu.get_by_role("link", name="Tổ chức thành viên")
    expect(link).to_be_hidden()
    button.click()
    expect(link).to_be_visible()
    expect(menu.get_by_role("link", name="Văn bản")).to_have_attribute("aria-current", "page")
    screenshot(page, f"menu-open-390-{'js' if javascript else 'nojs'}")
    # The keyboard too: Enter on the focused button closes it again.
    button.focus()
    page.keyboard.press("Enter")
    expect(link).to_be_hidden()
    page.keyboard.press("Enter")
    link.click()
    expect(page).to_have_url(site.url + "/to-chuc-thanh-vien/")
    context.close()


def test_desktop_keeps_the_menu_in_a_row_without_a_button(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url + "/")
    menu = page.get_by_role("navigation", name="Menu chính")
    expect(menu.locator("summary")).to_be_hidden()
    links = menu.get_by_role("link")
    expect(links.first).to_be_visible()
    tops = {round(box["y"]) for box in (links.nth(i).bounding_box() for i in range(links.count()))}
    assert len(tops) == 1
    assert header_height(page) < 160


@pytest.mark.parametrize("width", [390, 1280])
def test_latest_documents_show_the_summary_across_the_block(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site.url + "/")
    block = page.locator("#block-documents").locator("..")
    summary = block.locator("tbody td:last-child").first
    assert summary.bounding_box()["width"] > 0.8 * block.bounding_box()["width"]
    context.close()


def test_escape_closes_the_phone_menu_and_returns_to_its_button(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + "/")
    button = page.locator(".main-nav__fold summary")
    button.click()
    link = page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Tin tức")
    expect(link).to_be_visible()
    page.keyboard.press("Escape")
    expect(link).to_be_hidden()
    assert button.evaluate("el => el === document.activeElement")
    context.close()

import re

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

import re

import pytest
from playwright.sync_api import expect

FIRST_MEMBER = "Hội Y học tỉnh Lâm Đồng"
PROFILE_PATH = "/to-chuc-thanh-vien/hoi-thanh-vien/hoi-y-hoc-tinh-lam-dong/"


def tab_to(page, locator, limit=120):
    """Press Tab until `locator` has the keyboard focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{locator} was never reached with Tab")


def tree(page):
    return page.locator('section[aria-labelledby="block-members"]')


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_keyboard_opens_a_group_and_follows_an_organization(
    browser, site, screenshot, width, height
):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site.url + "/")
    group = tree(page).locator("details", has=page.locator("summary", has_text="Hội thành viên"))
    summary = group.locator("summary")
    link = group.get_by_role("link", name=FIRST_MEMBER, exact=True)
    expect(link).to_be_hidden()

    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(group).to_have_attribute("open", "")
    expect(link).to_be_visible()
    screenshot(page, f"members-tree-open-{width}")

    page.keyboard.press("Tab")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(site.url + PROFILE_PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text(FIRST_MEMBER)
    # On the profile the tree shows where the visitor is: its group open, the entry marked.
    current = tree(page).locator('a[aria-current="page"]')
    expect(current).to_have_text(FIRST_MEMBER)
    expect(current).to_be_visible()
    screenshot(page, f"members-profile-{width}")
    context.close()


def test_space_opens_and_closes_a_group(page, site):
    page.goto(site.url + "/")
    group = tree(page).locator("details", has=page.locator("summary", has_text="Tổ chức KH&CN"))
    tab_to(page, group.locator("summary"))
    page.keyboard.press("Space")
    expect(group).to_have_attribute("open", "")
    page.keyboard.press("Space")
    expect(group).not_to_have_attribute("open", "")


def test_tree_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/")
    tree(page).locator("summary", has_text="Tổ chức trực thuộc LHH").click()
    tree(page).get_by_role("link", name="Trung tâm Tư vấn và Chuyển giao công nghệ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Trung tâm Tư vấn và Chuyển giao công nghệ"
    )
    context.close()


def test_directory_shows_the_reports_figures(page, site, screenshot):
    page.goto(site.url + "/to-chuc-thanh-vien/")
    expect(page.locator(".members-stats")).to_have_text(
        re.compile(r"42 tổ chức thành viên với\s+trên 15\.000 hội viên")
    )
    screenshot(page, "members-directory-1280")


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_group_page_filters_by_field(browser, site, screenshot, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site.url + "/to-chuc-thanh-vien/hoi-thanh-vien/")
    page.get_by_label("Lĩnh vực", exact=True).select_option(label="Công nghệ thông tin")
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"\?linh-vuc=cong-nghe-thong-tin$"))
    expect(page.locator(".org-card__name")).to_have_text(["Hội Tin học tỉnh Lâm Đồng"])
    page.goto(site.url + "/to-chuc-thanh-vien/hoi-thanh-vien/")
    screenshot(page, f"members-group-{width}")
    context.close()

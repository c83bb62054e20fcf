"""Staff drag a link above another in the admin; the home page's LIÊN KẾT
block shows the new order (django-admin-sortable2, under the site's CSP)."""

import pytest
from playwright.sync_api import expect

PASSWORD = "mat-khau-quan-tri-2026"
# The demo's links, in their order (lhh.demo.LINKS).
LINKS = [
    "Liên hiệp hội Việt Nam",
    "UBND tỉnh Lâm Đồng",
    "Sở KHCN Lâm Đồng",
    "Tỉnh đoàn Lâm Đồng",
    "Sở tư pháp Lâm Đồng",
]
DRAGGED = "Sở KHCN Lâm Đồng"
REORDERED = [DRAGGED, *(title for title in LINKS if title != DRAGGED)]


@pytest.fixture
def administrator(site, django_user_model):
    return django_user_model.objects.create_superuser("quantri", "q@example.com", PASSWORD)


def log_in(page, site, user):
    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def sidebar_links(page, site):
    page.goto(site.url + "/")
    return page.locator('section[aria-labelledby="block-links"] li a').all_inner_texts()


def row(page, title):
    return page.locator("#result_list tbody tr", has_text=title)


def drag_above(page, title, other):
    """Drag `title`'s handle onto the top half of `other`'s row, with the mouse.

    On a loaded machine SortableJS may see the drop before the row has moved
    (it then saves the old order): the drag is made again, as a person would.
    """
    titles = page.locator("#result_list tbody tr th")
    wanted = titles.all_inner_texts()
    wanted.remove(title)
    wanted.insert(wanted.index(other), title)
    for _attempt in range(3):
        handle = row(page, title).locator(".drag.handle").bounding_box()
        target = row(page, other).bounding_box()
        with page.expect_response(lambda r: "adminsortable2_update" in r.url) as answer:
            page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
            page.mouse.down()
            page.mouse.move(target["x"] + 40, target["y"] + target["height"] / 2, steps=12)
            page.mouse.move(target["x"] + 40, target["y"] + 2, steps=6)
            page.wait_for_timeout(150)
            page.mouse.up()
        assert answer.value.status == 200
        if titles.all_inner_texts() == wanted:
            return
    raise AssertionError(f"the drag left the rows as {titles.all_inner_texts()}")


def test_a_link_dragged_above_another_moves_up_in_the_links_block(page, site, administrator):
    assert sidebar_links(page, site) == LINKS
    log_in(page, site, administrator)
    page.goto(site.url + "/admin/sitecontent/link/")
    expect(page.get_by_role("columnheader", name="Kéo thả")).to_be_visible()

    drag_above(page, DRAGGED, LINKS[0])

    titles = page.locator("#result_list tbody tr th").all_inner_texts()
    assert titles == REORDERED
    # The typed-number column follows the drag.
    expect(row(page, DRAGGED).locator(".field-order input")).to_have_value("1")
    assert sidebar_links(page, site) == REORDERED


def test_saving_the_list_after_a_drag_keeps_the_new_order(page, site, administrator):
    log_in(page, site, administrator)
    page.goto(site.url + "/admin/sitecontent/link/")
    drag_above(page, DRAGGED, LINKS[0])
    # The list posts every row's number: they must be the dragged ones.
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu lại").click()
    expect(row(page, DRAGGED).locator(".field-order input")).to_have_value("1")
    assert sidebar_links(page, site) == REORDERED

"""Importing the register of documents from Excel in the admin: the preview
of what will change, row errors by line, and the confirmation."""

import datetime

import pytest

from tests.documents.factories import DocumentFactory, DocumentTypeFactory, IssuerFactory
from tests.spreadsheets import xlsx

PASSWORD = "mat-khau-van-thu-2026"
HEADINGS = ["Số/Ký hiệu", "Ngày ban hành", "Trích yếu", "Loại văn bản", "Cơ quan ban hành"]


@pytest.fixture
def clerk(site, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("vanthu2", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Văn thư"))
    decision = DocumentTypeFactory(name="Quyết định")
    province = IssuerFactory(name="Ủy ban nhân dân tỉnh")
    DocumentFactory(
        number="9582/QĐ-UBND",
        issued_on=datetime.date(2018, 3, 30),
        summary="Phê duyệt Điều lệ",
        type=decision,
        issuer=province,
    )
    return user


def log_in(page, site, user):
    page.goto(site.url + "/admin/documents/document/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def choose(page, tmp_path, rows):
    sheet = tmp_path / "so-van-ban.xlsx"
    sheet.write_bytes(xlsx(rows))
    page.get_by_label("Tệp cần nhập").set_input_files(str(sheet))
    page.get_by_label("Định dạng").select_option(label="xlsx")
    # The preview is a new page: read it only once it has come.
    with page.expect_navigation():
        page.get_by_role("button", name="Tiếp tục").click()


@pytest.mark.parametrize("width", [390, 1280])
def test_an_import_is_previewed_then_confirmed(page, site, clerk, tmp_path, screenshot, width):
    from documents.models import Document

    before = Document.objects.count()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site, clerk)
    page.get_by_role("link", name="Nhập từ bảng tính").click()
    choose(
        page,
        tmp_path,
        [
            HEADINGS,
            ["9582/QĐ-UBND", "30/03/2018", "Phê duyệt Điều lệ (sửa đổi)", "Quyết định",
             "Ủy ban nhân dân tỉnh"],
            ["901/KH-LHH", "02/01/2019", "Kế hoạch hoạt động năm 2019", "Quyết định",
             "Ủy ban nhân dân tỉnh"],
        ],
    )  # fmt: skip
    screenshot(page, f"admin-import-preview-{width}")
    preview = page.locator("table.import-preview")
    assert preview.locator("tr.new").count() == 1 and preview.locator("tr.update").count() == 1
    assert "Thêm mới" in preview.inner_text() and "Cập nhật" in preview.inner_text()
    assert preview.locator("tr.update ins").inner_text() == " (sửa đổi)"
    # The page itself never scrolls sideways; a phone scrolls the table.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert Document.objects.count() == before  # nothing saved yet
    page.get_by_role("button", name="Xác nhận nhập").click()
    message = page.locator(".messagelist").inner_text()
    assert "Đã nhập xong văn bản: 1 thêm mới, 1 cập nhật" in message
    assert Document.objects.count() == before + 1


def test_row_errors_are_shown_by_line_and_nothing_is_saved(page, site, clerk, tmp_path, screenshot):
    from documents.models import Document

    before = Document.objects.count()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site, clerk)
    page.goto(site.url + "/admin/documents/document/import/")
    choose(
        page,
        tmp_path,
        [
            HEADINGS,
            ["902/KH-LHH", "31/02/2019", "Ngày sai", "Quyết định", "Ủy ban nhân dân tỉnh"],
            ["903/TT-LHH", "03/01/2019", "Loại chưa có", "Tờ trình", "Ủy ban nhân dân tỉnh"],
        ],
    )
    errors = page.locator("table.import-preview tbody")
    assert errors.locator("th").all_inner_texts() == ["2", "3"]
    text = errors.inner_text()
    assert "Ngày “31/02/2019” không đúng hoặc không có thật" in text
    assert "Không có loại văn bản “Tờ trình”" in text
    assert page.get_by_role("button", name="Xác nhận nhập").count() == 0
    screenshot(page, "admin-import-errors-1280")
    assert Document.objects.count() == before


def test_the_export_page_selects_and_clears_every_column(page, site, clerk):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site, clerk)
    page.get_by_role("link", name="Xuất ra bảng tính").click()
    boxes = page.locator('.selectable-field-export-row input[type="checkbox"]')
    page.get_by_label("Chọn tất cả").uncheck()
    assert all(not boxes.nth(i).is_checked() for i in range(boxes.count()))
    page.get_by_label("Chọn tất cả").check()
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))

"""The register of documents in and out of Excel and CSV (the admin's
Nhập/Xuất bảng tính)."""

import datetime

import pytest
from django.contrib.auth.models import Group

from core.models import Status
from documents.models import Document
from tests.spreadsheets import (
    CSV,
    XLSX,
    confirm_import,
    csv_bytes,
    export,
    read_csv,
    read_xlsx,
    start_import,
    xlsx,
)

from .factories import DocumentFactory, DocumentTypeFactory, IssuerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/documents/document/"
HEADINGS = [
    "Số/Ký hiệu", "Ngày ban hành", "Trích yếu", "Loại văn bản", "Cơ quan ban hành",
    "Người ký", "Ngày có hiệu lực", "Tình trạng hiệu lực", "Trạng thái",
]  # fmt: skip


@pytest.fixture
def register(db):
    decision = DocumentTypeFactory(name="Quyết định")
    DocumentTypeFactory(name="Kế hoạch")
    province = IssuerFactory(name="Ủy ban nhân dân tỉnh")
    return [
        DocumentFactory(
            number="582/QĐ-UBND",
            issued_on=datetime.date(2018, 3, 30),
            summary="Phê duyệt Điều lệ Liên hiệp Hội",
            type=decision,
            issuer=province,
            signer="Nguyễn Văn Yên",
        ),
        DocumentFactory(
            number="2136/QĐ-UBND",
            issued_on=datetime.date(2016, 9, 28),
            summary="Quy chế phối hợp tư vấn, phản biện",
            type=decision,
            issuer=province,
            signer="",
        ),
    ]


def row(number, issued, summary, kind="Quyết định", issuer="Ủy ban nhân dân tỉnh"):
    return [number, issued, summary, kind, issuer, "", "", "Còn hiệu lực", "Đã đăng"]


def test_an_xlsx_export_has_vietnamese_headings_and_dates(admin_client, register):
    response = export(admin_client, CHANGELIST, XLSX)
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    rows = read_xlsx(response.content)
    assert rows[0] == HEADINGS
    assert sorted(rows[1:]) == [
        ["2136/QĐ-UBND", "28/09/2016", "Quy chế phối hợp tư vấn, phản biện", "Quyết định",
         "Ủy ban nhân dân tỉnh", "", "", "Còn hiệu lực", "Đã đăng"],
        ["582/QĐ-UBND", "30/03/2018", "Phê duyệt Điều lệ Liên hiệp Hội", "Quyết định",
         "Ủy ban nhân dân tỉnh", "Nguyễn Văn Yên", "", "Còn hiệu lực", "Đã đăng"],
    ]  # fmt: skip


def test_a_csv_export_opens_in_excel_with_its_accents(admin_client, register):
    response = export(admin_client, CHANGELIST, CSV)
    assert response.content.startswith("\ufeff".encode())  # Excel reads UTF-8 by it
    assert read_csv(response.content)[0] == HEADINGS


def test_an_export_follows_the_lists_filters(admin_client, register):
    response = export(admin_client, CHANGELIST, XLSX, query="?q=2136")
    assert [line[0] for line in read_xlsx(response.content)[1:]] == ["2136/QĐ-UBND"]


def test_an_xlsx_round_trip_changes_only_what_was_edited(admin_client, register):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    for line in rows[1:]:
        if line[0] == "582/QĐ-UBND":
            line[2] = "Phê duyệt Điều lệ (sửa đổi) Liên hiệp Hội"
    preview = start_import(admin_client, CHANGELIST, xlsx(rows), "so-van-ban.xlsx")
    page = preview.content.decode()
    assert "Xác nhận nhập" in page
    assert page.count('class="update"') == 1 and page.count('class="skip"') == 1
    # Nothing is saved before the confirmation.
    assert Document.objects.get(number="582/QĐ-UBND").summary == "Phê duyệt Điều lệ Liên hiệp Hội"
    done = confirm_import(admin_client, CHANGELIST, preview)
    assert done.status_code == 302
    assert Document.objects.get(number="582/QĐ-UBND").summary == (
        "Phê duyệt Điều lệ (sửa đổi) Liên hiệp Hội"
    )
    assert Document.objects.count() == 2


def test_a_csv_import_adds_published_documents(admin_client, register):
    content = csv_bytes(
        [HEADINGS, row("4171/KH-UBND", "14/08/2014", "Kế hoạch triển khai Chỉ thị 42", "Kế hoạch")]
    )
    preview = start_import(admin_client, CHANGELIST, content, "so-van-ban.csv", CSV)
    assert "Thêm mới" in preview.content.decode()
    confirm_import(admin_client, CHANGELIST, preview)
    added = Document.objects.get(number="4171/KH-UBND")
    assert added.issued_on == datetime.date(2014, 8, 14)
    assert (added.type.name, added.issuer.name) == ("Kế hoạch", "Ủy ban nhân dân tỉnh")
    assert added.status == Status.PUBLISHED and added.slug
    assert admin_client.get(added.get_absolute_url()).status_code == 200


def test_an_excel_date_cell_is_read(admin_client, register):
    content = xlsx([HEADINGS, row("01/KH-LHH", datetime.datetime(2019, 1, 2), "Kế hoạch năm")])
    confirm_import(
        admin_client, CHANGELIST, start_import(admin_client, CHANGELIST, content, "a.xlsx")
    )
    assert Document.objects.get(number="01/KH-LHH").issued_on == datetime.date(2019, 1, 2)


def test_a_wrong_date_is_named_with_its_line_and_nothing_is_saved(admin_client, register):
    content = xlsx(
        [
            HEADINGS,
            row("10/QĐ-LHH", "02/01/2019", "Một văn bản đúng"),
            row("11/QĐ-LHH", "31/02/2019", "Ngày không có thật"),
        ]
    )
    preview = start_import(admin_client, CHANGELIST, content, "so-van-ban.xlsx")
    page = preview.content.decode()
    assert "Một số dòng có lỗi; chưa có gì được lưu" in page
    assert '<th scope="row">3</th>' in page
    assert "<strong>Ngày ban hành</strong>: Ngày “31/02/2019” không đúng hoặc không có thật" in page
    assert "Xác nhận nhập" not in page
    assert Document.objects.count() == 2


def test_an_unknown_document_type_is_named_with_its_line(admin_client, register):
    content = csv_bytes([HEADINGS, row("12/CV-LHH", "03/01/2019", "Công văn", "Công văn")])
    page = start_import(admin_client, CHANGELIST, content, "so.csv", CSV).content.decode()
    assert '<th scope="row">2</th>' in page
    assert "<strong>Loại văn bản</strong>: Không có loại văn bản “Công văn”" in page
    assert not Document.objects.filter(number="12/CV-LHH").exists()


def test_a_failed_row_changes_nothing_stored(admin_client, register):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    for line in rows[1:]:
        line[2] = "Trích yếu đã sửa"
        if line[0] == "2136/QĐ-UBND":
            line[3] = "Loại không có"
    start_import(admin_client, CHANGELIST, xlsx(rows), "so.xlsx")
    assert set(Document.objects.values_list("summary", flat=True)) == {
        "Phê duyệt Điều lệ Liên hiệp Hội",
        "Quy chế phối hợp tư vấn, phản biện",
    }


def test_a_missing_summary_is_a_row_error_in_vietnamese(admin_client, register):
    content = csv_bytes([HEADINGS, row("13/QĐ-LHH", "03/01/2019", "")])
    page = start_import(admin_client, CHANGELIST, content, "so.csv", CSV).content.decode()
    assert "<strong>Trích yếu</strong>: Trường này không được để trắng." in page


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_vietnamese(admin_client, register):
    page = start_import(admin_client, CHANGELIST, b"%PDF-1.4 not a sheet", "so.xlsx").content
    assert "Không đọc được tệp" in page.decode()
    assert Document.objects.count() == 2


def test_a_sheet_without_the_headings_is_refused(admin_client, register):
    content = csv_bytes([["A", "B"], ["1", "2"]])
    page = start_import(admin_client, CHANGELIST, content, "so.csv", CSV).content.decode()
    assert "Tệp thiếu cột “Số/Ký hiệu”, “Ngày ban hành”, cần để nhận biết từng dòng" in page


def staff_in(django_user_model, group_name):
    user = django_user_model.objects.create_user("nhanvien", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_records_clerk_may_import_and_export_documents(client, django_user_model, register):
    client.force_login(staff_in(django_user_model, "Văn thư"))
    page = client.get(CHANGELIST).content.decode()
    assert "Nhập từ bảng tính" in page and "Xuất ra bảng tính" in page
    assert client.get(f"{CHANGELIST}import/").status_code == 200
    assert client.get(f"{CHANGELIST}export/").status_code == 200


@pytest.mark.parametrize("group_name", ["Biên tập viên", "Cộng tác viên", "Cán bộ hỏi đáp"])
def test_other_staff_may_not_import_or_export_documents(client, django_user_model, group_name):
    client.force_login(staff_in(django_user_model, group_name))
    assert client.get(f"{CHANGELIST}import/").status_code == 403
    assert client.get(f"{CHANGELIST}export/").status_code == 403


def test_the_export_page_has_no_inline_script_or_style(admin_client, register):
    page = admin_client.get(f"{CHANGELIST}export/").content.decode()
    assert "onchange=" not in page and 'style="' not in page
    assert "Chọn tất cả" in page and "js/admin-spreadsheets" in page

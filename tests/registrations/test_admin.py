"""Entries in the admin: the list by status, the answers, the files for
staff only, the consent record, status changes, and the export."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from registrations.models import Entry, EntryFile, EntryStatus
from tests.spreadsheets import CSV, XLSX, export, read_csv, read_xlsx

from .conftest import entry_data, make_form

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/registrations/entry/"


@pytest.fixture
def entries(reg_form, django_capture_on_commit_callbacks):
    # A visitor of their own: the tests' client may be logged in.
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(reg_form.get_absolute_url(), entry_data(reg_form))
        visitor.post(
            reg_form.get_absolute_url(),
            entry_data(reg_form, name="Trần Thị Hà", email="ha@example.com", consent_email=""),
        )
    mail.outbox.clear()
    return list(Entry.objects.order_by("pk"))


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_user("thidua", "thidua@example.com", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Cán bộ cuộc thi"))
    client.force_login(user)
    return user


def test_the_list_filters_by_status(admin_client, entries):
    Entry.objects.filter(pk=entries[0].pk).update(status=EntryStatus.AWARDED)
    html = admin_client.get(CHANGELIST, {"status__exact": "awarded"}).content.decode()
    assert entries[0].tracking_code in html
    assert entries[1].tracking_code not in html


def test_the_entry_shows_answers_files_and_consent(admin_client, entries):
    html = admin_client.get(f"{CHANGELIST}{entries[0].pk}/change/").content.decode()
    assert "Máy sấy cà phê năng lượng mặt trời" in html
    assert "mo-ta.pdf" in html
    assert "Xử lý đăng ký dự thi, dự sự kiện; Gửi email thông báo" in html


def test_files_are_for_staff_only(client, admin_client, entries):
    url = EntryFile.objects.first().file.url
    assert admin_client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404


def test_a_status_change_tells_the_entrant_who_agreed_to_notices(
    officer, client, entries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CHANGELIST,
            {"action": "mark_valid", "_selected_action": [e.pk for e in entries]},
        )
    assert response.status_code == 302
    assert set(Entry.objects.values_list("status", flat=True)) == {EntryStatus.VALID}
    # The second entrant did not agree to notices by email.
    (sent,) = mail.outbox
    assert sent.to == ["binh@example.com"]
    assert "Hợp lệ" in sent.subject


def test_export_has_one_column_per_field(admin_client, entries):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    assert rows[0] == [
        "Mã tra cứu", "Biểu mẫu", "Họ và tên", "Thư điện tử", "Trạng thái", "Gửi lúc",
        "Mục đích đã đồng ý", "Phiên bản chính sách", "Đồng ý lúc", "Rút lại đồng ý lúc",
        "Tên giải pháp", "Thư điện tử đơn vị", "Điện thoại",
        "Ngày sinh", "Lĩnh vực", "Bản mô tả",
    ]  # fmt: skip
    by_name = {row[2]: row for row in rows[1:]}
    assert by_name["Nguyễn Văn Bình"][8] and by_name["Nguyễn Văn Bình"][9] == ""
    assert by_name["Nguyễn Văn Bình"][10:] == [
        "Máy sấy cà phê năng lượng mặt trời", "htx@example.com", "0912 345 678",
        "12/05/1980", "Nông nghiệp", "mo-ta.pdf",
    ]  # fmt: skip
    assert by_name["Trần Thị Hà"][4] == "Đã nhận"


def test_csv_export_merges_the_fields_of_two_forms(admin_client, entries):
    other = make_form(title="Đăng ký tập huấn")
    other.fields.filter(label="Bản mô tả").delete()
    other.fields.create(label="Đơn vị công tác", position=50)
    Client().post(other.get_absolute_url(), entry_data(other, **{"Đơn vị công tác": "Sở KH&CN"}))
    rows = read_csv(export(admin_client, CHANGELIST, CSV).content)
    assert rows[0][10:] == [
        "Tên giải pháp", "Thư điện tử đơn vị", "Điện thoại", "Ngày sinh", "Lĩnh vực",
        "Bản mô tả", "Đơn vị công tác",
    ]  # fmt: skip
    training = next(row for row in rows if row[1] == "Đăng ký tập huấn")
    assert training[-1] == "Sở KH&CN" and training[-2] == ""


def test_the_contest_officer_may_export(officer, client, entries):
    assert len(read_csv(export(client, CHANGELIST, CSV).content)) == 3


def test_the_form_admin_counts_entries(admin_client, entries):
    html = admin_client.get("/admin/registrations/registrationform/").content.decode()
    assert f'?form__id__exact={entries[0].form_id}">2</a>' in html

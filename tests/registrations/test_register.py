"""The public registration form: every field kind, consent, refusals that
keep what was typed, files checked by content, the confirmation email."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.consent import Purpose
from mail.models import Email
from registrations.models import Entry, EntryFile, EntryStatus
from sitecontent.models import Page

from .conftest import entry_data, make_form, png_upload

pytestmark = pytest.mark.django_db


def post(client, form, data):
    return client.post(form.get_absolute_url(), data)


def test_the_form_shows_a_field_of_every_kind(client, reg_form):
    html = client.get(reg_form.get_absolute_url()).content.decode()
    for field in reg_form.fields.all():
        assert field.label in html
    assert 'type="email"' in html
    assert 'type="date"' in html
    assert 'type="file"' in html
    assert "<option value=\"Nông nghiệp\">Nông nghiệp</option>" in html
    assert 'enctype="multipart/form-data"' in html
    assert "Chính sách bảo vệ dữ liệu cá nhân" in html


def test_a_valid_entry_is_stored_with_its_answers_file_and_code(client, reg_form):
    response = post(client, reg_form, entry_data(reg_form))
    assert response.status_code == 302
    entry = Entry.objects.get()
    by_label = dict(entry.answer_rows())
    assert by_label == {
        "Tên giải pháp": "Máy sấy cà phê năng lượng mặt trời",
        "Thư điện tử đơn vị": "htx@example.com",
        "Điện thoại": "0912 345 678",
        "Ngày sinh": "12/05/1980",
        "Lĩnh vực": "Nông nghiệp",
        "Bản mô tả": "mo-ta.pdf",
    }
    assert (entry.name, entry.email, entry.status) == (
        "Nguyễn Văn Bình",
        "binh@example.com",
        EntryStatus.RECEIVED,
    )
    stored = EntryFile.objects.get()
    assert stored.original_name == "mo-ta.pdf"
    assert stored.file.name.startswith("dang-ky/") and stored.file.name.endswith(".pdf")
    thanks = client.get(response["Location"]).content.decode()
    assert entry.tracking_code in thanks


def test_an_image_is_accepted_as_a_file(client, reg_form):
    post(client, reg_form, entry_data(reg_form, **{"Bản mô tả": png_upload()}))
    assert EntryFile.objects.get().file.name.endswith(".png")


def test_consent_is_recorded_with_the_entry(client, reg_form):
    post(client, reg_form, entry_data(reg_form, consent_email=""))
    entry = Entry.objects.get()
    assert entry.consent_purposes == [Purpose.REGISTRATION]
    assert entry.consented_at is not None
    assert entry.consent_notice_version == Page.objects.privacy_notice_version() != ""


def test_no_consent_no_entry(client, reg_form):
    response = post(client, reg_form, entry_data(reg_form, consent=""))
    assert "Bạn cần đồng ý cho phép xử lý thông tin cá nhân" in response.content.decode()
    assert Entry.objects.count() == 0


def test_the_confirmation_email_is_queued_after_the_entry_is_stored(
    client, reg_form, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post(client, reg_form, entry_data(reg_form))
    entry = Entry.objects.get()
    # Stored with the entry, delivered only once the transaction commits.
    email = Email.objects.get()
    assert (email.about_id, email.kind) == (str(entry.pk), "registrations.receipt")
    assert mail.outbox == []
    assert callbacks
    for callback in callbacks:
        callback()
    (sent,) = mail.outbox
    assert sent.to == ["binh@example.com"]
    assert entry.tracking_code in sent.subject
    assert f"/dang-ky/tra-cuu/?ma={entry.tracking_code}" in sent.body
    assert "Tên giải pháp: Máy sấy cà phê năng lượng mặt trời" in sent.body


@pytest.mark.parametrize(
    ("label", "value", "message"),
    [
        ("Tên giải pháp", "", "Vui lòng điền mục “Tên giải pháp”."),
        ("Thư điện tử đơn vị", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ"),
        ("Điện thoại", "gọi tôi nhé", "Số điện thoại không hợp lệ"),
        ("Điện thoại", "123", "Số điện thoại không hợp lệ"),
        ("Ngày sinh", "31/02/1980", "Ngày không hợp lệ"),
        ("Lĩnh vực", "Thiên văn", "Lựa chọn không còn trong danh sách"),
        ("Lĩnh vực", "", "Vui lòng chọn mục “Lĩnh vực”."),
        ("Bản mô tả", None, "Vui lòng chọn tệp cho mục “Bản mô tả”."),
    ],
)
def test_each_field_kind_refuses_bad_input_keeping_the_rest(
    client, reg_form, label, value, message
):
    data = entry_data(reg_form, **{label: value})

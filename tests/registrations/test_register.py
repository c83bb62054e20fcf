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
    assert '<option value="Nông nghiệp">Nông nghiệp</option>' in html
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
    # None: the field left out of the post (no file chosen).
    data = entry_data(reg_form, **{label: value})
    response = post(client, reg_form, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Đăng ký chưa được gửi." in html
    # What was typed stays.
    assert 'value="Nguyễn Văn Bình"' in html
    if label != "Tên giải pháp":
        assert 'value="Máy sấy cà phê năng lượng mặt trời"' in html
    assert Entry.objects.count() == 0


def test_a_date_typed_the_vietnamese_way_is_accepted(client, reg_form):
    post(client, reg_form, entry_data(reg_form, **{"Ngày sinh": "12/05/1980"}))
    assert dict(Entry.objects.get().answer_rows())["Ngày sinh"] == "12/05/1980"


def test_an_optional_field_may_stay_empty(client, reg_form):
    reg_form.fields.filter(label="Thư điện tử đơn vị").update(is_required=False)
    post(client, reg_form, entry_data(reg_form, **{"Thư điện tử đơn vị": ""}))
    assert dict(Entry.objects.get().answer_rows())["Thư điện tử đơn vị"] == ""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("trang.html", b"<html><script>alert(1)</script></html>"),
        ("gia-mao.pdf", b"MZ\x90\x00 not a pdf at all"),
        ("anh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
    ],
)
def test_a_file_failing_the_content_checks_is_named(client, reg_form, name, content):
    upload = SimpleUploadedFile(name, content, "application/pdf")
    response = post(client, reg_form, entry_data(reg_form, **{"Bản mô tả": upload}))
    html = response.content.decode()
    assert f"Tệp “{name}”" in html
    assert 'value="Máy sấy cà phê năng lượng mặt trời"' in html
    assert Entry.objects.count() == 0
    assert EntryFile.objects.count() == 0


def test_a_document_named_with_the_wrong_extension_is_named(client, reg_form):
    from core.demofiles import make_pdf

    upload = SimpleUploadedFile("mo-ta.docx", make_pdf(["x"]), "application/pdf")
    html = post(client, reg_form, entry_data(reg_form, **{"Bản mô tả": upload})).content.decode()
    assert "Tệp “mo-ta.docx” có nội dung PDF" in html


def test_a_too_large_file_is_named(client, reg_form, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    html = post(client, reg_form, entry_data(reg_form)).content.decode()
    assert "Tệp “mo-ta.pdf” quá lớn" in html


def test_after_closing_the_entry_is_refused_keeping_what_was_typed(client, reg_form):
    data = entry_data(reg_form)
    reg_form.closes_at = timezone.now() - timedelta(minutes=1)
    reg_form.save()
    html = post(client, reg_form, data).content.decode()
    assert "Không nhận đăng ký." in html
    assert "Đã hết hạn đăng ký" in html
    assert "Những gì bạn đã nhập vẫn được giữ lại" in html
    assert 'value="Nguyễn Văn Bình"' in html
    assert 'value="Máy sấy cà phê năng lượng mặt trời"' in html
    assert Entry.objects.count() == 0


def test_a_closed_form_says_so_without_a_form(client, db):
    form = make_form(closes_in=timedelta(days=-1))
    html = client.get(form.get_absolute_url()).content.decode()
    assert "Đã hết hạn đăng ký" in html
    assert "Gửi đăng ký" not in html


def test_a_paused_form_refuses(client, reg_form):
    reg_form.is_open = False
    reg_form.save()
    html = post(client, reg_form, entry_data(reg_form)).content.decode()
    assert "Biểu mẫu này đang tạm dừng nhận đăng ký." in html
    assert Entry.objects.count() == 0


def test_a_full_form_refuses_keeping_what_was_typed(client, db):
    form = make_form(capacity=1)
    assert post(client, form, entry_data(form)).status_code == 302
    html = post(client, form, entry_data(form, name="Trần Thị Hà")).content.decode()
    assert "Đã đủ 1 người đăng ký" in html
    assert 'value="Trần Thị Hà"' in html
    assert Entry.objects.count() == 1


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, reg_form):
    response = post(client, reg_form, entry_data(reg_form, website="http://spam.example"))
    assert "Mã tra cứu:" in client.get(response["Location"]).content.decode()
    assert Entry.objects.count() == 0


def test_a_wrong_captcha_is_refused(client, reg_form):
    html = post(client, reg_form, entry_data(reg_form, captcha_1="SAI")).content.decode()
    assert "Mã xác nhận không đúng" in html
    assert Entry.objects.count() == 0


def test_the_hourly_limit_holds(client, reg_form, settings):
    settings.REGISTRATIONS_RATE_LIMIT_PER_HOUR = 1
    assert post(client, reg_form, entry_data(reg_form)).status_code == 302
    html = post(client, reg_form, entry_data(reg_form)).content.decode()
    assert "quá nhiều đăng ký" in html
    assert Entry.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "/dang-ky/khong-co-bieu-mau-nay/",
        "/dang-ky/%C4%91%C3%A2y/",
        "/dang-ky/cam-on/?t=gia-mao",
        "/dang-ky/tra-cuu/?ma=%00%FF",
        "/dang-ky/tra-cuu/?ma=" + "A" * 500,
        "/dang-ky/xoa-thong-tin/xac-nhan/?t=gia-mao",
    ],
)
def test_forged_addresses_never_answer_500(client, db, url):
    assert client.get(url).status_code in (200, 404)


def test_a_garbage_post_never_answers_500(client, reg_form):
    field = reg_form.fields.get(label="Bản mô tả")
    response = client.post(
        reg_form.get_absolute_url(), {field.name: "not a file", "name": ["a", "b"], "x": "\x00"}
    )
    assert response.status_code == 200


def test_the_form_page_runs_the_same_queries_with_more_fields_and_entries(
    client, reg_form, queries_for
):
    few = queries_for(reg_form.get_absolute_url())
    for n in range(5):
        post(client, reg_form, entry_data(reg_form, name=f"Người thứ {n}"))
    client.cookies.clear()
    for position in range(20):
        reg_form.fields.create(label=f"Thêm {position}", position=100 + position)
    assert queries_for(reg_form.get_absolute_url()) == few

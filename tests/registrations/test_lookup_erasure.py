"""Following an entry by its code; withdrawing consent and erasing one's
details with the code, the email and a confirmation link; anonymisation
after the retention period."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from registrations.models import ANONYMISED_NAME, Entry, EntryFile, EntryStatus
from registrations.views import erasure_token

from .conftest import entry_data

pytestmark = pytest.mark.django_db

LOOKUP = "/dang-ky/tra-cuu/"
ERASE = "/dang-ky/xoa-thong-tin/"
CONFIRM = "/dang-ky/xoa-thong-tin/xac-nhan/"


@pytest.fixture
def entry(client, reg_form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reg_form.get_absolute_url(), entry_data(reg_form))
    mail.outbox.clear()
    client.cookies.clear()
    return Entry.objects.get()


def test_lookup_by_code_shows_the_status(client, entry):
    entry.status = EntryStatus.SHORTLISTED
    entry.save()
    html = client.get(LOOKUP, {"ma": entry.tracking_code.lower()}).content.decode()
    assert "Vào chung khảo" in html
    assert "Hồ sơ được chọn vào vòng chung khảo." in html
    assert entry.form.title in html
    # Nothing personal for whoever holds the code.
    assert "binh@example.com" not in html
    assert "Máy sấy" not in html


def test_lookup_of_an_unknown_code_says_so(client, db):
    html = client.get(LOOKUP, {"ma": "ZZZZ2345"}).content.decode()
    assert "Không tìm thấy đăng ký nào có mã “ZZZZ2345”" in html


def test_lookup_guessing_is_limited(client, db, settings):
    settings.QA_LOOKUP_FAILURES_PER_HOUR = 2
    for _ in range(2):
        client.get(LOOKUP, {"ma": "ZZZZ2345"})
    html = client.get(LOOKUP, {"ma": "ZZZZ2345"}).content.decode()
    assert "quá nhiều lần" in html


def test_erasure_end_to_end(client, entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ERASE, {"ma": entry.tracking_code, "email": "BINH@example.com"})
    assert "Đã gửi thư xác nhận." in response.content.decode()
    (sent,) = mail.outbox
    assert sent.to == ["binh@example.com"]
    link = next(line for line in sent.body.splitlines() if CONFIRM in line).strip()
    page = client.get(link).content.decode()
    assert "Xác nhận xoá thông tin" in page
    # Opening the link erases nothing; the button does.
    assert Entry.objects.get().name == "Nguyễn Văn Bình"
    token = link.split("?t=", 1)[1]
    html = client.post(CONFIRM, {"t": token}).content.decode()
    assert "Đã xoá thông tin cá nhân của bạn." in html
    entry.refresh_from_db()
    assert (entry.name, entry.email, entry.answers) == (ANONYMISED_NAME, "", {})
    assert entry.consent_withdrawn_at is not None and entry.anonymised_at is not None
    assert EntryFile.objects.count() == 0
    # Asked again: said politely.
    html = client.post(CONFIRM, {"t": token}).content.decode()
    assert "đã được xoá trước đây" in html


def test_erasure_with_a_wrong_email_or_code_is_refused_without_saying_which(client, entry):
    for data in (
        {"ma": entry.tracking_code, "email": "khac@example.com"},
        {"ma": "ZZZZ2345", "email": "binh@example.com"},
    ):
        html = client.post(ERASE, data).content.decode()
        assert "không khớp với đăng ký nào" in html
    assert mail.outbox == []
    assert Entry.objects.get().name == "Nguyễn Văn Bình"


def test_a_forged_or_stale_confirmation_link_erases_nothing(client, entry):
    token = erasure_token(entry)
    Entry.objects.filter(pk=entry.pk).update(email="moi@example.com")
    html = client.post(CONFIRM, {"t": token}).content.decode()
    assert "không hợp lệ hoặc đã hết hạn" in html
    html = client.post(CONFIRM, {"t": token + "x"}).content.decode()
    assert "không hợp lệ hoặc đã hết hạn" in html
    assert Entry.objects.get().name == "Nguyễn Văn Bình"


def test_entries_are_anonymised_after_the_retention_period(entry, settings):
    settings.REGISTRATIONS_ANONYMISE_AFTER_MONTHS = 24
    form = entry.form
    form.closes_at = timezone.now() - timedelta(days=370)
    form.save()
    call_command("anonymise_entries", stdout=None)
    entry.refresh_from_db()
    assert entry.anonymised_at is None
    form.closes_at = timezone.now() - timedelta(days=740)
    form.save()
    call_command("anonymise_entries")
    entry.refresh_from_db()
    assert entry.name == ANONYMISED_NAME
    assert entry.consent_withdrawn_at is None
    # The code and status stay, for the organisers' records.
    assert entry.tracking_code and entry.status == EntryStatus.RECEIVED


def test_the_worker_runs_the_anonymisation_daily():
    from lhh import tasks

    assert callable(tasks.anonymise_old_entries)


def test_lookup_runs_the_same_queries_with_more_entries(
    client, reg_form, entry, queries_for, django_capture_on_commit_callbacks
):
    few = queries_for(LOOKUP, {"ma": entry.tracking_code})
    for n in range(5):
        client.post(reg_form.get_absolute_url(), entry_data(reg_form, name=f"Người {n}"))
    client.cookies.clear()
    assert queries_for(LOOKUP, {"ma": entry.tracking_code}) == few

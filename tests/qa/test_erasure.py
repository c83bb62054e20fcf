"""Withdrawal of consent and erasure of an asker's details, by tracking code
and email, confirmed through a link sent to that email."""

import re

import pytest
import reversion
from django.core import mail, signing
from django.core.mail.backends.base import BaseEmailBackend
from reversion.models import Version

from qa.models import ANONYMISED_NAME, Question

from .factories import PublishedQuestionFactory, QuestionFactory

URL = "/hoi-dap/xoa-thong-tin/"
CONFIRM = "/hoi-dap/xoa-thong-tin/xac-nhan/"
REFUSED = "Mã tra cứu và địa chỉ thư điện tử không khớp với câu hỏi nào."
pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP 421: dịch vụ không sẵn sàng")


@pytest.fixture
def question():
    with reversion.create_revision():
        question = PublishedQuestionFactory(
            asker_name="Nguyễn Văn An",
            email="An.Nguyen@example.com",
            consent_purposes=["qa-answer"],
        )
    return question


def request_erasure(client, capture, code, email):
    with capture(execute=True):
        return client.post(URL, {"ma": code, "email": email})


def link_in(message):
    return re.search(r"http://testserver(/hoi-dap/xoa-thong-tin/xac-nhan/\?t=\S+)", message.body)[1]


def test_the_request_page_explains_and_links_the_notice(client):
    html = client.get(URL).content.decode()
    assert "Rút lại đồng ý, xoá thông tin cá nhân" in html
    assert 'href="/gioi-thieu/chinh-sach-bao-ve-du-lieu-ca-nhan/"' in html


def test_the_right_code_and_email_send_a_confirmation_link(
    client, question, django_capture_on_commit_callbacks
):
    response = request_erasure(
        client,
        django_capture_on_commit_callbacks,
        question.tracking_code.lower(),
        " an.nguyen@EXAMPLE.com",
    )
    assert "Đã gửi thư xác nhận" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["An.Nguyen@example.com"]
    assert question.tracking_code in message.subject
    assert "24 giờ" in message.body
    # Nothing is erased before the asker confirms.
    question.refresh_from_db()
    assert question.email == "An.Nguyen@example.com"
    assert question.consent_withdrawn_at is None


def test_following_the_link_asks_first_and_confirming_erases(
    client, question, django_capture_on_commit_callbacks
):
    request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    link = link_in(mail.outbox[0])
    page = client.get(link).content.decode()
    assert "Xác nhận xoá thông tin" in page
    assert Question.objects.get().email  # a GET (a mail scanner) erases nothing
    token = link.split("?t=")[1]
    done = client.post(CONFIRM, {"t": token}).content.decode()
    assert "Đã xoá thông tin cá nhân của bạn" in done
    erased = Question.objects.get()
    assert (erased.asker_name, erased.email, erased.phone, erased.address) == (
        ANONYMISED_NAME,
        "",
        "",
        "",
    )
    assert erased.consent_withdrawn_at is not None
    assert erased.anonymised_at == erased.consent_withdrawn_at
    assert erased.consent_purposes == ["qa-answer"]  # the record of what was agreed stays
    assert not erased.has_consent("qa-answer")
    # The published question and answer stay, without the asker's name.
    public = client.get(erased.get_absolute_url()).content.decode()
    assert erased.title in public
    assert "Hồ sơ gồm đơn đề nghị" in public
    assert "Người hỏi: ẩn danh" in public
    assert "An" not in re.findall(r"Người hỏi: (\w+)", public)


def test_erasing_deletes_the_older_versions_that_hold_the_details(
    client, question, django_capture_on_commit_callbacks
):
    assert Version.objects.get_for_object(question).count() == 1
    question.erase_personal_data()
    assert Version.objects.get_for_object(question).count() == 0


@pytest.mark.parametrize("wrong", ["code", "email", "both"])
def test_a_wrong_code_or_email_is_refused_without_saying_which(
    client, question, django_capture_on_commit_callbacks, wrong
):
    code = "ZZZZ2345" if wrong in ("code", "both") else question.tracking_code
    email = "khac@example.com" if wrong in ("email", "both") else question.email
    response = request_erasure(client, django_capture_on_commit_callbacks, code, email)
    html = response.content.decode()
    assert response.status_code == 200
    assert REFUSED in html
    assert f'value="{code}"' in html and f'value="{email}"' in html  # kept as typed
    assert mail.outbox == []
    assert Question.objects.get().email == question.email


def test_a_question_sent_without_email_is_refused_the_same_way(
    client, django_capture_on_commit_callbacks
):
    question = QuestionFactory(email="")
    response = request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, ""
    )
    assert "Vui lòng nhập địa chỉ thư điện tử." in response.content.decode()
    response = request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, "ai@example.com"
    )
    assert REFUSED in response.content.decode()
    assert mail.outbox == []


def test_requests_are_rate_limited_per_address(
    client, question, settings, django_capture_on_commit_callbacks
):
    settings.QA_ERASURE_REQUESTS_PER_HOUR = 2
    for _ in range(2):
        request_erasure(client, django_capture_on_commit_callbacks, "ZZZZ2345", question.email)
    response = request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    assert "Bạn đã gửi quá nhiều yêu cầu trong một giờ qua" in response.content.decode()
    assert mail.outbox == []


def test_a_link_for_one_question_never_erases_another(client, question):
    other = QuestionFactory(email="binh@example.com")
    forged = signing.dumps({"q": other.pk, "e": "0" * 32}, salt="qa.erase")
    page = client.post(CONFIRM, {"t": forged}).content.decode()
    assert "Liên kết xác nhận không hợp lệ hoặc đã hết hạn" in page
    assert Question.objects.get(pk=other.pk).email == "binh@example.com"


@pytest.mark.parametrize("token", ["", "abc", "eyJxIjoxfQ:1abc:xyz", "%00<script>"])
def test_a_forged_or_broken_link_is_refused_politely(client, question, token):
    for response in (client.get(CONFIRM, {"t": token}), client.post(CONFIRM, {"t": token})):
        assert response.status_code == 200
        assert "Liên kết xác nhận không hợp lệ hoặc đã hết hạn" in response.content.decode()
    assert Question.objects.get().email == question.email


def test_an_expired_link_is_refused(client, question, settings, django_capture_on_commit_callbacks):
    request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    token = link_in(mail.outbox[0]).split("?t=")[1]
    settings.QA_ERASURE_LINK_HOURS = -1
    page = client.post(CONFIRM, {"t": token}).content.decode()
    assert "không hợp lệ hoặc đã hết hạn" in page
    assert Question.objects.get().email == question.email


def test_a_link_stops_working_once_staff_change_the_email(
    client, question, django_capture_on_commit_callbacks
):
    request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    token = link_in(mail.outbox[0]).split("?t=")[1]
    Question.objects.filter(pk=question.pk).update(email="moi@example.com")
    page = client.post(CONFIRM, {"t": token}).content.decode()
    assert "không hợp lệ hoặc đã hết hạn" in page
    assert Question.objects.get().email == "moi@example.com"


def test_an_already_anonymised_question_answers_politely(
    client, question, django_capture_on_commit_callbacks
):
    request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    token = link_in(mail.outbox[0]).split("?t=")[1]
    client.post(CONFIRM, {"t": token})
    erased_at = Question.objects.get().anonymised_at
    again = client.post(CONFIRM, {"t": token}).content.decode()
    assert "đã được xoá trước đây; bạn không cần làm gì thêm" in again
    response = request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    assert "đã được xoá trước đây; bạn không cần làm gì thêm" in response.content.decode()
    assert len(mail.outbox) == 1
    assert Question.objects.get().anonymised_at == erased_at


def test_a_failing_email_is_kept_for_a_retry_and_the_page_still_answers(
    client, question, settings, django_capture_on_commit_callbacks
):
    from mail.models import Email, EmailStatus

    settings.EMAIL_BACKEND = "tests.qa.test_erasure.FailingBackend"
    response = request_erasure(
        client, django_capture_on_commit_callbacks, question.tracking_code, question.email
    )
    assert response.status_code == 200
    email = Email.objects.get(kind="qa.erasure")
    assert email.status == EmailStatus.PENDING and email.last_error
    assert Question.objects.get().email == question.email


def test_erasing_an_unpublished_question_leaves_the_cached_pages(client):
    from core import cache

    question = QuestionFactory()
    before = cache.content_version()
    question.erase_personal_data()
    assert cache.content_version() == before

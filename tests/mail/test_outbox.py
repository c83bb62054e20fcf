"""The outbox: an email is a row written with the data, sent after the
commit by the worker, retried, and never lost while a service is down."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from mail import outbox
from mail.models import Email, EmailStatus
from mail.tasks import deliver, requeue_waiting
from qa.models import Question
from sitecontent.models import SiteProfile

ASK_URL = "/hoi-dap/dat-cau-hoi/"
CHANGELIST = "/admin/mail/email/"


def overdue():
    """Make every waiting row due now, as if its retry delay had passed."""
    Email.objects.filter(status=EmailStatus.PENDING).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


@pytest.mark.django_db
def test_send_stores_a_waiting_row_with_what_it_is_about(topic):
    question = Question.objects.create(
        topic=topic, asker_name="An", title="Hỏi về hồ sơ", body="Cần gì?"
    )
    email = outbox.send("Tiêu đề\r\nBcc: x@example.com", "Nội dung", "a@example.vn", question)
    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING
    assert email.subject == "Tiêu đề Bcc: x@example.com"
    assert email.recipient_list == ["a@example.vn"]
    assert email.about == question
    assert email.about_label == str(question)


@pytest.mark.django_db
def test_send_without_a_recipient_stores_nothing():
    assert outbox.send("Tiêu đề", "Nội dung", ["", "  "]) is None
    assert not Email.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_sends_nothing(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
        raise RuntimeError
    assert not Email.objects.exists()
    assert queue.run() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_the_email_waits_for_the_worker_and_leaves_with_it(queue):
    with transaction.atomic():
        email = outbox.send("Tiêu đề", "Nội dung", ["a@example.vn", "b@example.vn"])
    assert mail.outbox == []
    assert queue.huey.pending_count() == 1
    assert queue.run() == 1
    (message,) = mail.outbox
    assert message.to == ["a@example.vn", "b@example.vn"]
    assert message.body == "Nội dung"
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 1
    assert email.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_an_email_is_sent_once_even_when_queued_twice(queue):
    with transaction.atomic():
        email = outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
    deliver(email.pk)
    requeue_waiting()
    queue.run()
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_refused_mail_server_keeps_the_email_and_retries_later(queue, refused_smtp, settings):
    settings.MAIL_RETRY_MINUTES = [1, 5, 30]
    with transaction.atomic():
        email = outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
    before = timezone.now()
    queue.run()
    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING
    assert email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert before + timedelta(minutes=1) <= email.next_attempt_at
    assert email.next_attempt_at <= timezone.now() + timedelta(minutes=1)
    # The retry is in the worker's schedule, not run before its time.
    assert queue.huey.scheduled_count() == 1
    assert queue.run() == 0
    # The second failure waits longer.
    overdue()
    queue.run(timestamp=timezone.now().replace(tzinfo=None) + timedelta(minutes=2))
    email.refresh_from_db()
    assert email.attempts == 2
    assert email.next_attempt_at >= timezone.now() + timedelta(minutes=4)


@pytest.mark.django_db(transaction=True)
def test_the_email_leaves_when_the_mail_server_is_back(queue, refused_smtp, settings):
    with transaction.atomic():
        email = outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
    queue.run()
    assert Email.objects.get().status == EmailStatus.PENDING
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    overdue()
    requeue_waiting()
    queue.run()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.last_error == ""
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_after_the_last_attempt_the_email_is_marked_failed(queue, refused_smtp, settings):
    settings.MAIL_MAX_ATTEMPTS = 2
    with transaction.atomic():
        email = outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
    queue.run()
    overdue()
    requeue_waiting()
    queue.run()
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 2
    # A failed email is no longer swept: only staff send it again.
    assert requeue_waiting.call_local() == 0


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_was_down_sends_what_waited(queue):
    """The rows outlive the queue: even a queue emptied while the worker
    was down (a Redis restarted without its data) loses no email."""
    with transaction.atomic():
        outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
    queue.huey.flush()
    assert queue.run() == 0
    assert requeue_waiting.call_local() == 1
    queue.run()
    assert len(mail.outbox) == 1
    assert Email.objects.get().status == EmailStatus.SENT


@pytest.mark.django_db(transaction=True)
def test_a_queue_that_cannot_be_reached_loses_no_email(queue, closed_port):
    """Redis down when the question is posted: the row is stored, the
    request is not failed, and the sweep sends it once Redis is back."""
    from huey.storage import RedisStorage

    working = queue.huey.storage
    queue.huey.storage = RedisStorage(queue.huey.name, port=closed_port, socket_connect_timeout=0.2)
    try:
        with transaction.atomic():
            outbox.send("Tiêu đề", "Nội dung", ["a@example.vn"])
    finally:
        queue.huey.storage = working
    assert Email.objects.get().status == EmailStatus.PENDING
    requeue_waiting()
    queue.run()
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_question_posted_while_mail_is_down_is_stored_and_emailed_later(
    client, form_data, queue, refused_smtp, settings, captcha_test_mode
):
    SiteProfile(pk=1, name="LHH", staff_emails="vanphong@example.vn").save()
    response = client.post(ASK_URL, form_data)
    assert response.status_code == 302
    question = Question.objects.get()
    assert Email.objects.filter(status=EmailStatus.PENDING).count() == 2
    assert mail.outbox == []
    queue.run()
    question.refresh_from_db()
    assert question.is_email_sent is False
    assert "ConnectionRefusedError" in question.email_error
    assert "Thông báo cho cán bộ" in question.email_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    overdue()
    requeue_waiting()
    queue.run()
    assert sorted(message.to[0] for message in mail.outbox) == [
        form_data["email"],
        "vanphong@example.vn",
    ]
    question.refresh_from_db()
    assert question.is_email_sent is True
    assert question.email_error == ""


@pytest.mark.django_db
def test_outbox_list_shows_status_and_what_it_is_about(admin_client, topic):
    question = Question.objects.create(
        topic=topic, asker_name="An", title="Hỏi về hồ sơ", body="Cần gì?"
    )
    Email.objects.create(
        subject="Đã nhận câu hỏi",
        body="…",
        recipients="a@example.vn",
        status=EmailStatus.FAILED,
        last_error="SMTP 421",
    )
    outbox.send("Câu hỏi mới", "…", ["b@example.vn"], question)
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Thư đi" in html
    assert "Lỗi" in html
    assert "Chờ gửi" in html
    assert f"/admin/qa/question/{question.pk}/change/" in html
    assert "Gửi lại các thư đã chọn bị lỗi" in html


@pytest.mark.django_db
def test_send_again_action_queues_failed_emails_only(
    admin_client, django_capture_on_commit_callbacks
):
    failed = Email.objects.create(
        subject="Lỗi", body="…", recipients="a@example.vn", status=EmailStatus.FAILED, attempts=8
    )
    sent = Email.objects.create(
        subject="Đã gửi", body="…", recipients="b@example.vn", status=EmailStatus.SENT
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST,
            {"action": "send_again", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )
    html = response.content.decode()
    assert "Đã xếp lại 1 thư vào hàng gửi." in html
    assert "Bỏ qua 1 thư không ở trạng thái “Lỗi”." in html
    (message,) = mail.outbox
    assert message.to == ["a@example.vn"]
    failed.refresh_from_db()
    assert failed.status == EmailStatus.SENT

"""Plain-text emails about a question: to the asker and to the staff.

Each goes through the outbox (mail.outbox.send), written in the caller's
transaction and delivered by the worker after the commit: the asker never
waits for the mail server, and a failure is retried, never lost. What
happened to the asker's email is kept on the question by qa.receivers.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from mail import outbox
from mail.outbox import one_line
from sitecontent.models import SiteProfile

from .models import Question, QuestionStatus

__all__ = [
    "one_line",
    "send_to_asker",
    "notify_staff",
    "send_new_question_emails",
    "send_erasure_confirmation",
]

# The outbox's kinds of the emails of this app (mail.models.Email.kind).
ASKER = "qa.asker"
STAFF = "qa.staff"
ERASURE = "qa.erasure"


def _context(question, base_url):
    site = SiteProfile.load()
    return {
        "question": question,
        "site": site,
        "lookup_url": base_url + question.get_lookup_url(),
        "admin_url": base_url + reverse("admin:qa_question_change", args=[question.pk]),
    }


def send_to_asker(question, base_url):
    """Queue the email matching the question's state: the receipt (with the
    tracking code), the answer notice, or the refusal notice.

    Returns the outbox row, or None when there is no one to send to (no
    address, no consent to emails, or spam).
    """
    if not question.may_email_asker() or question.status == QuestionStatus.SPAM:
        return None
    context = _context(question, base_url)
    if question.has_answer:
        template = "qa/email/answered.txt"
        subject = f"Câu hỏi {question.tracking_code} đã được trả lời"
    elif question.status == QuestionStatus.REJECTED:
        template = "qa/email/rejected.txt"
        subject = f"Kết quả xử lý câu hỏi {question.tracking_code}"
    else:
        template = "qa/email/received.txt"
        subject = f"Đã nhận câu hỏi của bạn – mã tra cứu {question.tracking_code}"
    # Not sent yet: a new email's outcome replaces the previous one's.
    Question.objects.filter(pk=question.pk).update(is_email_sent=False, email_error="")
    question.is_email_sent, question.email_error = False, ""
    return outbox.send(
        f"[{context['site'].short_name or context['site'].name}] {subject}",
        render_to_string(template, context),
        [question.email],
        about=question,
        kind=ASKER,
    )


def notify_staff(question, base_url):
    recipients = SiteProfile.load().staff_email_list
    if not recipients:
        return None
    return outbox.send(
        f"Câu hỏi mới {question.tracking_code}: {question.title}",
        render_to_string("qa/email/staff_new.txt", _context(question, base_url)),
        recipients,
        about=question,
        kind=STAFF,
    )


def send_new_question_emails(question, base_url):
    send_to_asker(question, base_url)
    notify_staff(question, base_url)


def send_erasure_confirmation(pk, confirm_url):
    """The link that confirms a request to withdraw consent and erase the
    asker's details, to the address stored with the question (never one the
    requester typed). Sent whatever the consent to notices: the asker asked
    for it. Returns the outbox row, or None when there is no one to send to."""
    question = Question.objects.filter(pk=pk).first()
    if question is None or not question.email or question.is_anonymised:
        return None
    site = SiteProfile.load()
    context = {
        "question": question,
        "site": site,
        "confirm_url": confirm_url,
        "hours": settings.QA_ERASURE_LINK_HOURS,
    }
    subject = f"Xác nhận xoá thông tin cá nhân – câu hỏi {question.tracking_code}"
    return outbox.send(
        f"[{site.short_name or site.name}] {subject}",
        render_to_string("qa/email/erasure_confirm.txt", context),
        [question.email],
        about=question,
        kind=ERASURE,
    )

"""Plain-text emails about a question: to the asker and to the staff.

Each function is safe to call from `transaction.on_commit`: a failure is
logged and written on the question, never raised, so the asker never sees
an error and nothing stored is lost.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.template.loader import render_to_string
from django.urls import reverse

from sitecontent.models import SiteProfile

from .models import Question, QuestionStatus

logger = logging.getLogger(__name__)


def one_line(text, limit=150):
    """A header-safe subject: no newlines (header injection), bounded length."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _context(question, base_url):
    site = SiteProfile.load()
    return {
        "question": question,
        "site": site,
        "lookup_url": base_url + question.get_lookup_url(),
        "admin_url": base_url + reverse("admin:qa_question_change", args=[question.pk]),
    }


def _mark(question, error=""):
    # update(), not save(): no new revision, no race with a staff edit.
    Question.objects.filter(pk=question.pk).update(
        is_email_sent=not error, email_error=error[:1000]
    )
    question.is_email_sent, question.email_error = not error, error[:1000]


def send_to_asker(question, base_url):
    """The email matching the question's state: the receipt (with the
    tracking code), the answer notice, or the refusal notice.

    Returns True when the email left, False when it failed or there is no
    one to send to (no address, no consent to emails, or spam).
    """
    if not question.may_email_asker() or question.status == QuestionStatus.SPAM:
        return False
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
    try:
        send_mail(
            one_line(f"[{context['site'].short_name or context['site'].name}] {subject}"),
            render_to_string(template, context),
            None,
            [question.email],
        )
    except Exception as exc:  # SMTP, DNS, refused address…: any of them
        logger.exception("Could not email the asker of question %s", question.tracking_code)
        _mark(question, f"{type(exc).__name__}: {exc}")
        return False
    _mark(question)
    return True


def notify_staff(question, base_url):
    recipients = SiteProfile.load().staff_email_list
    if not recipients:
        return False
    try:
        send_mail(
            one_line(f"Câu hỏi mới {question.tracking_code}: {question.title}"),
            render_to_string("qa/email/staff_new.txt", _context(question, base_url)),
            None,
            recipients,
        )
    except Exception as exc:
        logger.exception("Could not notify staff of question %s", question.tracking_code)
        # Appended, so it never hides the outcome of the asker's email.
        note = f"Thông báo cho cán bộ: {type(exc).__name__}: {exc}"[:500]
        separator = Value("\n" if question.email_error else "")
        Question.objects.filter(pk=question.pk).update(
            email_error=Concat(F("email_error"), separator, Value(note), output_field=TextField())
        )
        return False
    return True


def send_new_question_emails(pk, base_url):
    question = Question.objects.select_related("topic").filter(pk=pk).first()
    if question is None:
        return
    send_to_asker(question, base_url)
    notify_staff(question, base_url)


def send_erasure_confirmation(pk, confirm_url):
    """The link that confirms a request to withdraw consent and erase the
    asker's details, to the address stored with the question (never one the
    requester typed). Sent whatever the consent to notices: the asker asked
    for it. Returns whether it left; a failure is logged, never raised."""
    question = Question.objects.filter(pk=pk).first()
    if question is None or not question.email or question.is_anonymised:
        return False
    site = SiteProfile.load()
    context = {
        "question": question,
        "site": site,
        "confirm_url": confirm_url,
        "hours": settings.QA_ERASURE_LINK_HOURS,
    }
    subject = f"Xác nhận xoá thông tin cá nhân – câu hỏi {question.tracking_code}"
    try:
        send_mail(
            one_line(f"[{site.short_name or site.name}] {subject}"),
            render_to_string("qa/email/erasure_confirm.txt", context),
            None,
            [question.email],
        )
    except Exception:  # SMTP, DNS, refused address…: any of them
        logger.exception("Could not email the erasure link of question %s", question.tracking_code)
        return False
    return True

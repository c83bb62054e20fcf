"""What happened to a question's emails, kept on the question for the Q&A
officer's list (Question.is_email_sent, email_error)."""

from django.db.models import Case, F, TextField, Value, When
from django.db.models.functions import Concat

from mail.models import EmailStatus

from .emails import ASKER, STAFF
from .models import Question


def record_email_outcome(sender, email, error, **kwargs):
    if email.kind not in (ASKER, STAFF) or not email.about_id.isdigit():
        return
    # update(), not save(): no new revision, no race with a staff edit.
    questions = Question.objects.filter(pk=int(email.about_id))
    if email.kind == ASKER:
        questions.update(is_email_sent=email.status == EmailStatus.SENT, email_error=error[:1000])
    elif error and email.attempts == 1:
        # Appended once, so it never hides the outcome of the asker's email.
        note = f"Thông báo cho cán bộ: {error}"[:500]
        separator = Case(When(email_error="", then=Value("")), default=Value("\n"))
        questions.update(
            email_error=Concat(F("email_error"), separator, Value(note), output_field=TextField())
        )

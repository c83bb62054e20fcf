"""The one way the site sends an email.

An email is a row of the outbox (Email, "thư đi"), written in the caller's
transaction, so it exists exactly when the data it is about does; once that
transaction commits, the worker is asked to deliver it (mail.tasks). A mail
server, a worker or a Redis that is down loses nothing: the row waits, is
retried with growing delays (MAIL_RETRY_MINUTES) up to MAIL_MAX_ATTEMPTS,
and the periodic sweep queues again any row still waiting. Staff see every
row, and send a failed one again, in the admin (Thư đi).
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Email

logger = logging.getLogger(__name__)


def one_line(text, limit=150):
    """A header-safe subject: no newlines (header injection), bounded length."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def send(subject, body, recipients, about=None, *, kind="", from_email=""):
    """Queue a plain-text email and return its outbox row (mail.models.Email).

    Call it inside the transaction that stores what the email is about: the
    row is written there and the worker is asked to deliver it only after a
    commit (nothing is sent for a rolled-back change). The request never
    waits for the mail server, and nothing is raised when it fails later.

    - `subject`: made one line (no header injection), at most 150 characters.
    - `body`: plain text, sent as it is (never rendered as HTML).
    - `recipients`: an address or a list of addresses; empty ones are left
      out. With none left, nothing is stored and None is returned.
    - `about`: optionally the model instance the email concerns (a question,
      an article under review…); the admin links to it, and the receivers of
      `mail.signals.email_attempted` recognise their own emails by it.
    - `kind`: a short label of the sender's own ("qa.asker", "news.review"),
      for the admin's filter and the signal's receivers.
    - `from_email`: the sender; empty means DEFAULT_FROM_EMAIL.
    """
    if isinstance(recipients, str):
        recipients = [recipients]
    recipients = [address.strip() for address in recipients if address and address.strip()]
    if not recipients:
        return None
    email = Email(
        subject=one_line(subject),
        body=str(body),
        recipients="\n".join(recipients),
        from_email=from_email,
        kind=kind,
    )
    if about is not None:
        email.about_type = ContentType.objects.get_for_model(about)
        email.about_id = str(about.pk)
        email.about_label = one_line(str(about), 255)
    email.save()
    queue(email.pk)
    return email


def queue(pk):
    """Ask the worker to deliver row `pk` once the current transaction
    commits. A queue that cannot be reached (Redis down) is only logged:
    the periodic sweep (mail.tasks.requeue_waiting) queues the row later."""
    transaction.on_commit(lambda: _enqueue(pk), robust=True)


def _enqueue(pk):
    from .tasks import deliver

    try:
        deliver(pk)
    except Exception:
        logger.exception("Could not queue email %s; the sweep will queue it again", pk)

"""Delivering the outbox (mail.outbox), in the worker."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .models import Email, EmailStatus
from .signals import email_attempted

logger = logging.getLogger(__name__)


@db_task()
def deliver(pk):
    """Send row `pk` if it is (still) due. The row is claimed with one
    conditional UPDATE, so two workers (or a retry and the sweep) never send
    it twice; the mail server is talked to outside any transaction."""
    now = timezone.now()
    claimed = (
        Email.objects.due(now).filter(pk=pk).update(status=EmailStatus.SENDING, claimed_at=now)
    )
    if not claimed:
        return None
    email = Email.objects.get(pk=pk)
    try:
        EmailMessage(
            email.subject,
            email.body,
            email.from_email or None,
            email.recipient_list,
        ).send()
    except Exception as exc:  # SMTP, DNS, a refused address, a timeout…
        logger.warning("Email %s could not be sent (attempt %s): %s", pk, email.attempts + 1, exc)
        error = f"{type(exc).__name__}: {exc}"[:2000] or type(exc).__name__
        email.attempts += 1
        email.last_error = error
        email.claimed_at = None
        if email.attempts >= settings.MAIL_MAX_ATTEMPTS:
            email.status = EmailStatus.FAILED
        else:
            email.status = EmailStatus.PENDING
            email.next_attempt_at = timezone.now() + email.retry_delay()
        email.save(
            update_fields=["attempts", "last_error", "claimed_at", "status", "next_attempt_at"]
        )
        if email.status == EmailStatus.PENDING:
            transaction.on_commit(
                lambda: deliver.schedule((pk,), eta=email.next_attempt_at), robust=True
            )
    else:
        error = ""
        email.attempts += 1
        email.status = EmailStatus.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.claimed_at = None
        email.save(update_fields=["attempts", "status", "sent_at", "last_error", "claimed_at"])
    email_attempted.send(sender=Email, email=email, error=error)
    return email.status


@db_periodic_task(crontab(minute="*/5"))
def requeue_waiting():
    """Queue again every row still due: written while the worker or Redis
    was down, or whose scheduled retry was lost with the queue."""
    pks = list(Email.objects.due().values_list("pk", flat=True)[:500])
    for pk in pks:
        deliver(pk)
    return len(pks)


# 20:45 UTC, 03:45 in Việt Nam: at night.
@db_periodic_task(crontab(minute="45", hour="20"))
def delete_old_sent():
    """Sent emails carry addresses and questions (personal data): kept
    MAIL_RETENTION_DAYS, then deleted. Failed ones stay for staff."""
    cutoff = timezone.now() - timedelta(days=settings.MAIL_RETENTION_DAYS)
    deleted, _ = Email.objects.filter(status=EmailStatus.SENT, sent_at__lt=cutoff).delete()
    return deleted

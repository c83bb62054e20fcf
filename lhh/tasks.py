"""Periodic maintenance, run by the worker (manage.py run_huey).

Each job is the library's own management command, so the same work can be
done by hand: clearsessions, captcha_clean, axes_reset_logs,
deleterevisions, anonymise_questions, anonymise_entries, and backup (the nightly archive).
"""

import datetime
import io
import logging

from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, on_startup, periodic_task

from . import worker

logger = logging.getLogger(__name__)


def at_local_time(hour, minute):
    """A huey schedule: once a day at `hour`:`minute` in TIME_ZONE (huey's
    crontab reads UTC). Each is a callable, so settings are read when the
    worker checks the schedule, not at import time."""

    def validate(moment):
        local = timezone.localtime(moment.replace(tzinfo=datetime.UTC))
        return (local.hour, local.minute) == (hour(), minute())

    return validate


@periodic_task(crontab(minute="*"))
def heartbeat():
    worker.beat()


@on_startup()
def heartbeat_at_start():
    """A worker just (re)started is alive now, not at the next minute:
    /healthz says so as soon as the service is up."""
    worker.beat()


@db_periodic_task(crontab(minute="17"))
def clear_expired_sessions():
    call_command("clearsessions")


@db_periodic_task(crontab(minute="*/10"))
def clear_expired_captchas():
    call_command("captcha_clean", verbosity=0)


@db_periodic_task(at_local_time(lambda: 3, lambda: 15))
def clear_old_login_logs():
    """django-axes' records of admin logins and failures, beyond
    AXES_LOG_RETENTION_DAYS."""
    days = settings.AXES_LOG_RETENTION_DAYS
    call_command("axes_reset_logs", age=days, stdout=_quiet())
    call_command("axes_reset_failure_logs", age=days, stdout=_quiet())


@db_periodic_task(at_local_time(lambda: 3, lambda: 30))
def clear_old_versions():
    """django-reversion's history beyond REVISION_RETENTION_DAYS (0: keep all)."""
    days = settings.REVISION_RETENTION_DAYS
    if days > 0:
        call_command("deleterevisions", days=days, verbosity=0)


backup_time = at_local_time(lambda: settings.BACKUP_HOUR, lambda: settings.BACKUP_MINUTE)


def backup_is_due(moment):
    """The backup's time, unless a systemd timer runs it instead
    (BACKUP_BY_WORKER=0: deploy/systemd/lhh-backup.timer)."""
    return settings.BACKUP_BY_WORKER and backup_time(moment)


@db_periodic_task(backup_is_due)
def nightly_backup():
    """manage.py backup, every night; a failure is logged, and tried again
    the next night."""
    try:
        call_command("backup")
    except CommandError:
        logger.exception("The nightly backup failed")


@db_periodic_task(at_local_time(lambda: 3, lambda: 45))
def anonymise_old_questions():
    """Askers' details, QA_ANONYMISE_AFTER_MONTHS after the answer (the
    published question and answer stay)."""
    call_command("anonymise_questions", stdout=_quiet())


@db_periodic_task(at_local_time(lambda: 3, lambda: 50))
def anonymise_old_entries():
    """Entrants' details (registrations), REGISTRATIONS_ANONYMISE_AFTER_MONTHS
    after their form closed."""
    call_command("anonymise_entries", stdout=_quiet())


def _quiet():
    return io.StringIO()

"""The worker's periodic maintenance, each job run as the worker runs it."""

import datetime
from datetime import timedelta

import pytest
from axes.models import AccessFailureLog, AccessLog
from captcha.models import CaptchaStore
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from huey.contrib.djhuey import HUEY
from reversion.models import Revision

from lhh import tasks
from mail import tasks as mail_tasks
from mail.models import Email, EmailStatus
from tests.qa.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_expired_sessions_are_deleted_and_live_ones_kept():
    expired, live = SessionStore(), SessionStore()
    expired.set_expiry(-60)
    expired.create()
    live.create()
    tasks.clear_expired_sessions.call_local()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_expired_captchas_are_deleted_and_live_ones_kept():
    live = CaptchaStore.objects.create(challenge="ABCDE", response="abcde")
    expired = CaptchaStore.objects.create(challenge="FGHJK", response="fghjk")
    CaptchaStore.objects.filter(pk=expired.pk).update(
        expiration=timezone.now() - timedelta(minutes=1)
    )
    tasks.clear_expired_captchas.call_local()
    assert list(CaptchaStore.objects.all()) == [live]


def test_login_logs_older_than_the_retention_are_deleted(settings):
    settings.AXES_LOG_RETENTION_DAYS = 30
    old = AccessLog.objects.create(username="cu", ip_address="10.0.0.1", user_agent="x")
    recent = AccessLog.objects.create(username="moi", ip_address="10.0.0.2", user_agent="x")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - timedelta(days=31))
    old_failure = AccessFailureLog.objects.create(
        username="cu", ip_address="10.0.0.1", user_agent="x", locked_out=False
    )
    AccessFailureLog.objects.filter(pk=old_failure.pk).update(
        attempt_time=timezone.now() - timedelta(days=31)
    )
    tasks.clear_old_login_logs.call_local()
    assert list(AccessLog.objects.all()) == [recent]
    assert not AccessFailureLog.objects.exists()


def test_versions_older_than_the_retention_are_deleted(settings, admin_client):
    import reversion

    settings.REVISION_RETENTION_DAYS = 365
    topic = TopicFactory()
    for name in ("Bản cũ", "Bản mới"):
        with reversion.create_revision():
            topic.name = name
            topic.save()
    old, new = Revision.objects.order_by("pk")
    Revision.objects.filter(pk=old.pk).update(date_created=timezone.now() - timedelta(days=400))
    tasks.clear_old_versions.call_local()
    assert list(Revision.objects.all()) == [new]


def test_a_retention_of_zero_keeps_every_version(settings):
    import reversion

    settings.REVISION_RETENTION_DAYS = 0
    with reversion.create_revision():
        TopicFactory()
    Revision.objects.update(date_created=timezone.now() - timedelta(days=4000))
    tasks.clear_old_versions.call_local()
    assert Revision.objects.count() == 1


def test_sent_emails_are_deleted_after_the_retention_and_failed_ones_kept(settings):
    settings.MAIL_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    Email.objects.create(subject="Cũ", body="…", recipients="a@example.vn",
                         status=EmailStatus.SENT, sent_at=old)  # fmt: skip
    recent = Email.objects.create(subject="Mới", body="…", recipients="a@example.vn",
                                  status=EmailStatus.SENT, sent_at=timezone.now())  # fmt: skip
    failed = Email.objects.create(subject="Lỗi", body="…", recipients="a@example.vn",
                                  status=EmailStatus.FAILED, created_at=old)  # fmt: skip
    mail_tasks.delete_old_sent.call_local()
    assert set(Email.objects.all()) == {recent, failed}


def due_at(utc_hour, utc_minute):
    """Names of the periodic tasks the worker starts at that UTC minute."""
    moment = datetime.datetime(2026, 12, 3, utc_hour, utc_minute)
    return {task.name for task in HUEY.read_periodic(moment)}


def test_the_nightly_backup_runs_at_its_local_time(settings):
    settings.BACKUP_HOUR, settings.BACKUP_MINUTE = 2, 30
    # huey reads its schedule in UTC: 02:30 in Việt Nam is 19:30 UTC.
    assert "nightly_backup" in due_at(19, 30)
    assert "nightly_backup" not in due_at(2, 30)


def test_the_nightly_backup_is_left_to_the_timer_when_the_worker_should_not_run_it(settings):
    settings.BACKUP_HOUR, settings.BACKUP_MINUTE = 2, 30
    settings.BACKUP_BY_WORKER = False
    assert "nightly_backup" not in due_at(19, 30)


def test_a_starting_worker_beats_at_once():
    from django.core.cache import cache

    from lhh import worker

    cache.delete(worker.KEY)
    tasks.heartbeat_at_start()
    assert cache.get(worker.KEY) is not None


def test_the_heartbeat_is_due_every_minute():
    assert "heartbeat" in due_at(19, 31)
    assert "heartbeat" in due_at(4, 2)


@pytest.mark.django_db(transaction=True)
def test_the_nightly_backup_writes_an_archive(settings, tmp_path):
    from core.backup import archives

    settings.BACKUP_DIR = tmp_path / "sao-luu"
    tasks.nightly_backup.call_local()
    assert len(archives(settings.BACKUP_DIR)) == 1


def test_a_failed_nightly_backup_is_logged_not_raised(settings, tmp_path, caplog):
    blocked = tmp_path / "tep"
    blocked.write_text("not a folder")
    settings.BACKUP_DIR = blocked
    tasks.nightly_backup.call_local()
    assert "The nightly backup failed" in caplog.text
    assert "Không ghi được bản sao lưu" in caplog.text

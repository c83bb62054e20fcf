"""`manage.py anonymise_questions`: askers' details erased a configurable
time after the answer, the published question and answer kept."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.consent import months_before
from qa.models import ANONYMISED_NAME, Question, QuestionStatus

from .factories import PublishedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def months_ago(months, days=0):
    return months_before(timezone.now(), months) - timezone.timedelta(days=days)


def run(*args):
    out = StringIO()
    call_command("anonymise_questions", *args, stdout=out)
    return out.getvalue()


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(datetime(2026, 3, 31, 9, tzinfo=VN), 1) == datetime(
        2026, 2, 28, 9, tzinfo=VN
    )
    assert months_before(datetime(2026, 12, 3, tzinfo=VN), 24) == datetime(2024, 12, 3, tzinfo=VN)
    assert months_before(datetime(2026, 1, 15, tzinfo=VN), 13) == datetime(2024, 12, 15, tzinfo=VN)


def test_an_answer_older_than_the_setting_loses_the_askers_details(client):
    old = PublishedQuestionFactory(answered_at=months_ago(24, days=1))
    output = run()
    assert "Đã ẩn danh hoá 1 câu hỏi (quá 24 tháng sau khi trả lời)." in output
    old.refresh_from_db()
    assert (old.asker_name, old.email, old.phone, old.address) == (ANONYMISED_NAME, "", "", "")
    assert old.anonymised_at is not None
    assert old.consent_withdrawn_at is None  # anonymised, not withdrawn
    # The published question and answer are still there.
    assert old.is_public
    page = client.get(old.get_absolute_url()).content.decode()
    assert old.title in page
    assert "Hồ sơ gồm đơn đề nghị và Điều lệ của hội." in page
    assert "Người hỏi: ẩn danh" in page


def test_recent_answers_and_open_questions_are_kept():
    recent = PublishedQuestionFactory(answered_at=months_ago(23))
    waiting = QuestionFactory(received_at=months_ago(30))
    assert "Đã ẩn danh hoá 0 câu hỏi" in run()
    for question in (recent, waiting):
        question.refresh_from_db()
        assert question.email == "an.nguyen@example.com"
        assert question.anonymised_at is None


def test_refused_and_spam_questions_count_from_their_arrival():
    refused = QuestionFactory(status=QuestionStatus.REJECTED, received_at=months_ago(25))
    spam = QuestionFactory(status=QuestionStatus.SPAM, received_at=months_ago(25))
    new_refused = QuestionFactory(status=QuestionStatus.REJECTED, received_at=months_ago(2))
    run()
    assert set(Question.objects.filter(anonymised_at__isnull=False)) == {refused, spam}
    new_refused.refresh_from_db()
    assert new_refused.anonymised_at is None


def test_the_period_comes_from_the_setting(settings):
    settings.QA_ANONYMISE_AFTER_MONTHS = 6
    question = PublishedQuestionFactory(answered_at=months_ago(7))
    assert "quá 6 tháng" in run()
    question.refresh_from_db()
    assert question.is_anonymised


def test_months_on_the_command_line_win(settings):
    question = PublishedQuestionFactory(answered_at=months_ago(7))
    run("--months", "12")
    question.refresh_from_db()
    assert not question.is_anonymised


def test_a_dry_run_counts_and_changes_nothing():
    question = PublishedQuestionFactory(answered_at=months_ago(25))
    assert "Có 1 câu hỏi sẽ được ẩn danh hoá (quá 24 tháng)." in run("--dry-run")
    question.refresh_from_db()
    assert question.email


def test_running_again_changes_nothing_more():
    question = PublishedQuestionFactory(answered_at=months_ago(25))
    run()
    first = Question.objects.get(pk=question.pk).anonymised_at
    assert "Đã ẩn danh hoá 0 câu hỏi" in run()
    assert Question.objects.get(pk=question.pk).anonymised_at == first


def test_anonymising_a_published_answer_refreshes_the_cached_pages():
    from core import cache

    PublishedQuestionFactory(answered_at=months_ago(25))
    before = cache.content_version()
    run()
    assert cache.content_version() != before


def test_the_worker_runs_it_every_night_and_the_outbox_forgets_the_asker():
    from lhh import tasks
    from mail import outbox
    from mail.models import Email

    old = PublishedQuestionFactory(answered_at=months_ago(24, days=1))
    outbox.send("Câu hỏi đã được trả lời", f"Kính gửi {old.asker_name}", [old.email], about=old)
    assert Email.objects.about(old).exists()
    tasks.anonymise_old_questions.call_local()
    old.refresh_from_db()
    assert old.asker_name == ANONYMISED_NAME and old.email == ""
    assert not Email.objects.about(old).exists()

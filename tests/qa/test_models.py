from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from qa import models
from qa.models import (
    TRACKING_ALPHABET,
    Question,
    QuestionStatus,
    WorkCalendar,
    add_working_days,
    given_name,
    is_valid_tracking_code,
    normalize_tracking_code,
)

from .factories import AnsweredQuestionFactory, QuestionFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2024, 6, 17), date(2024, 7, 8)),  # Monday → Monday three weeks on
        (date(2024, 6, 19), date(2024, 7, 10)),  # Wednesday
        (date(2024, 6, 21), date(2024, 7, 12)),  # Friday: counting starts Monday
        (date(2024, 6, 22), date(2024, 7, 12)),  # Saturday: as if received Friday
        (date(2024, 6, 23), date(2024, 7, 12)),  # Sunday: same
    ],
)
def test_due_date_is_15_working_days_skipping_weekends(received, expected):
    assert add_working_days(received, 15, WorkCalendar()) == expected


def test_one_working_day_after_friday_is_monday():
    assert add_working_days(date(2024, 6, 21), 1, WorkCalendar()) == date(2024, 6, 24)


def test_due_date_never_falls_on_a_weekend():
    for day in range(1, 29):
        assert add_working_days(date(2024, 2, day), 15, WorkCalendar()).weekday() < 5


@pytest.mark.django_db
def test_due_on_is_set_from_the_local_receipt_date():
    # 23:30 on Friday in Vietnam is still Friday locally (16:30 UTC).
    received = datetime(2024, 6, 21, 23, 30, tzinfo=VN)
    question = QuestionFactory(received_at=received)
    assert question.due_on == date(2024, 7, 12)


@pytest.mark.django_db
def test_tracking_codes_are_unique_and_use_the_readable_alphabet():
    codes = [QuestionFactory().tracking_code for _ in range(200)]
    assert len(set(codes)) == 200
    for code in codes:
        assert len(code) == 8
        assert set(code) <= set(TRACKING_ALPHABET)
        assert not set(code) & set("0O1IL")


@pytest.mark.django_db
def test_tracking_code_collision_is_retried(monkeypatch):
    first = QuestionFactory()
    drawn = iter([first.tracking_code, first.tracking_code, "ABCD2345"])
    monkeypatch.setattr(models, "new_tracking_code", lambda: next(drawn))
    second = QuestionFactory()
    assert second.tracking_code == "ABCD2345"
    assert Question.objects.count() == 2


def test_typed_codes_are_normalized():
    assert normalize_tracking_code(" ab3k-7mpq ") == "AB3K7MPQ"
    assert normalize_tracking_code("AB3K 7MPQ") == "AB3K7MPQ"
    assert is_valid_tracking_code("AB3K7MPQ")
    assert not is_valid_tracking_code("AB3K7MP0")
    assert not is_valid_tracking_code("AB3K")


@pytest.mark.parametrize(
    ("full", "given"),
    [("Nguyễn Văn An", "An"), ("  Trần   Thị Bích Hạnh ", "Hạnh"), ("Lan", "Lan"), ("", "")],
)
def test_given_name_is_the_last_word(full, given):
    assert given_name(full) == given


@pytest.mark.django_db
def test_publishing_without_an_answer_is_refused():
    question = QuestionFactory(is_published_as_faq=False)
    question.is_published_as_faq = True
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "Chưa có câu trả lời" in str(error.value)


@pytest.mark.django_db
def test_answered_status_needs_an_answer():
    question = QuestionFactory(status=QuestionStatus.ANSWERED, answer="<p> </p>")
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "Hãy nhập câu trả lời" in str(error.value)


@pytest.mark.django_db
def test_answer_is_sanitized_on_save():
    question = AnsweredQuestionFactory(answer='<p onclick="x()">Đáp</p><script>alert(1)</script>')
    question.refresh_from_db()
    assert "<script" not in question.answer
    assert "onclick" not in question.answer
    assert "Đáp" in question.answer


@pytest.mark.django_db
def test_published_at_is_set_when_first_published():
    question = AnsweredQuestionFactory()
    assert question.published_at is None
    question.is_published_as_faq = True
    question.save()
    assert question.published_at is not None
    assert Question.objects.published().get() == question


@pytest.mark.django_db
def test_overdue_are_open_questions_past_their_due_date():
    old = datetime(2024, 1, 2, 9, tzinfo=VN)
    overdue = QuestionFactory(received_at=old)
    AnsweredQuestionFactory(received_at=old)
    QuestionFactory(received_at=old, status=QuestionStatus.SPAM)
    QuestionFactory()
    assert list(Question.objects.overdue()) == [overdue]


@pytest.mark.django_db
def test_days_left_counts_down_and_goes_negative():
    question = QuestionFactory(received_at=datetime(2024, 6, 17, 9, tzinfo=VN))
    assert question.days_left(today=date(2024, 7, 1)) == 7
    assert question.days_left(today=date(2024, 7, 10)) == -2


@pytest.mark.django_db
def test_qa_officer_group_exists_with_qa_permissions():
    group = Group.objects.get(name="Cán bộ hỏi đáp")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_question", "change_question", "view_topic", "change_topic"} <= codenames
    assert "delete_question" not in codenames

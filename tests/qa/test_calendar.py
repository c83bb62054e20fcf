"""The 15-working-day deadline: weekends, Vietnam's public holidays (Tết
included, from the holidays library) and the days staff enter."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qa.models import (
    CalendarDay,
    DayKind,
    WorkCalendar,
    add_working_days,
    public_holidays,
)

from .factories import QuestionFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at_noon(day):
    return datetime(day.year, day.month, day.day, 12, tzinfo=VN)


def test_tet_2027_is_a_public_holiday_from_the_library():
    # Tết Đinh Mùi: 29 Tết (04/02/2027) to mùng 5 (10/02/2027).
    holidays = public_holidays(2027)
    tet = [date(2027, 2, 4) + timedelta(days=n) for n in range(7)]
    assert all(day in holidays for day in tet)
    assert holidays[date(2027, 2, 6)] == "Tết Nguyên Đán"


def test_deadline_across_tet_skips_the_holidays():
    # Received Monday 25/01/2027: without Tết the 15th working day is 15/02;
    # Tết takes Thursday 04/02 to Wednesday 10/02, five of them working days.
    received = date(2027, 1, 25)
    assert add_working_days(received, 15, WorkCalendar({})) == date(2027, 2, 22)
    without_holidays = received
    count = 0
    while count < 15:
        without_holidays += timedelta(days=1)
        count += without_holidays.weekday() < 5
    assert without_holidays == date(2027, 2, 15)


@pytest.mark.django_db
def test_question_received_before_tet_is_due_after_it():
    question = QuestionFactory(received_at=at_noon(date(2027, 1, 25)))
    assert question.due_on == date(2027, 2, 22)


@pytest.mark.django_db
def test_entered_day_off_moves_the_deadline_a_day():
    # Received Monday 01/03/2027, plain weeks: due Monday 22/03.
    received = at_noon(date(2027, 3, 1))
    assert QuestionFactory(received_at=received).due_on == date(2027, 3, 22)
    CalendarDay.objects.create(day_on=date(2027, 3, 10), kind=DayKind.DAY_OFF, note="Nghỉ bù")
    assert QuestionFactory(received_at=received).due_on == date(2027, 3, 23)


@pytest.mark.django_db
def test_entered_make_up_day_counts_a_saturday():
    # A make-up Saturday (ngày làm bù) inside the window: due a day earlier.
    received = at_noon(date(2027, 3, 1))
    CalendarDay.objects.create(day_on=date(2027, 3, 13), kind=DayKind.WORKING, note="Làm bù")
    assert QuestionFactory(received_at=received).due_on == date(2027, 3, 19)


@pytest.mark.django_db
def test_make_up_day_across_tet_2026_counts_as_a_working_day():
    # Tết Bính Ngọ 2026 is 16–20/02 in the library; staff enter the
    # government's extra day off before it and a make-up Saturday after.
    received = at_noon(date(2026, 2, 9))
    assert QuestionFactory(received_at=received).due_on == date(2026, 3, 9)
    CalendarDay.objects.create(day_on=date(2026, 2, 13), kind=DayKind.DAY_OFF)
    CalendarDay.objects.create(day_on=date(2026, 2, 28), kind=DayKind.WORKING)
    assert QuestionFactory(received_at=received).due_on == date(2026, 3, 9)
    CalendarDay.objects.filter(day_on=date(2026, 2, 13)).delete()
    assert QuestionFactory(received_at=received).due_on == date(2026, 3, 6)


@pytest.mark.django_db
def test_entering_a_day_off_moves_open_questions_it_falls_within():
    open_question = QuestionFactory(received_at=at_noon(date(2027, 3, 1)))
    later = QuestionFactory(received_at=at_noon(date(2027, 3, 15)))
    answered = QuestionFactory(received_at=at_noon(date(2027, 3, 1)), status="answered")
    CalendarDay.objects.create(day_on=date(2027, 3, 10), kind=DayKind.DAY_OFF)
    open_question.refresh_from_db()
    later.refresh_from_db()
    answered.refresh_from_db()
    assert open_question.due_on == date(2027, 3, 23)
    assert later.due_on == date(2027, 4, 5)  # received after the day off
    assert answered.due_on == date(2027, 3, 22)  # closed: left as it was


@pytest.mark.django_db
def test_deleting_the_day_off_moves_them_back():
    day = CalendarDay.objects.create(day_on=date(2027, 3, 10), kind=DayKind.DAY_OFF)
    question = QuestionFactory(received_at=at_noon(date(2027, 3, 1)))
    assert question.due_on == date(2027, 3, 23)
    day.delete()
    question.refresh_from_db()
    assert question.due_on == date(2027, 3, 22)


@pytest.mark.django_db
def test_staff_enter_a_make_up_day_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/qa/calendarday/add/",
        {"day_on": "13/03/2027", "kind": "working", "note": "Làm bù cho ngày nghỉ 10/03"},
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get().kind == DayKind.WORKING
    page = admin_client.get("/admin/qa/calendarday/").content.decode()
    assert "Ngày làm bù" in page
    assert "Thứ Bảy" in page


@pytest.mark.django_db
def test_the_same_day_twice_gets_a_vietnamese_message(admin_client):
    CalendarDay.objects.create(day_on=date(2027, 3, 10), kind=DayKind.DAY_OFF)
    response = admin_client.post(
        "/admin/qa/calendarday/add/", {"day_on": "10/03/2027", "kind": "working"}
    )
    assert response.status_code == 200
    assert "đã tồn tại" in response.content.decode()
    assert CalendarDay.objects.count() == 1


@pytest.mark.django_db
def test_deleting_days_in_bulk_in_the_admin_moves_the_deadlines_back(admin_client):
    day = CalendarDay.objects.create(day_on=date(2027, 3, 10), kind=DayKind.DAY_OFF)
    question = QuestionFactory(received_at=at_noon(date(2027, 3, 1)))
    assert question.due_on == date(2027, 3, 23)
    admin_client.post(
        "/admin/qa/calendarday/",
        {"action": "delete_selected", "_selected_action": [day.pk], "post": "yes"},
    )
    assert not CalendarDay.objects.exists()
    question.refresh_from_db()
    assert question.due_on == date(2027, 3, 22)

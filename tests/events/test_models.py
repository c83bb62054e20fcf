from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Event

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db


def test_an_event_ending_before_it_starts_is_refused_in_vietnamese():
    event = EventFactory.build(
        starts_at=local(date(2026, 7, 14), 8),
        ends_at=local(
            date(
                2026,
                7,
                14,
            ),
            7,
        ),
    )
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert refused.value.message_dict["ends_at"] == [
        "Thời điểm kết thúc phải sau thời điểm bắt đầu (hoặc cùng ngày với sự kiện cả ngày)."
    ]


def test_an_all_day_event_may_end_on_the_day_it_starts():
    event = EventFactory.build(
        is_all_day=True, starts_at=local(date(2026, 7, 14), 9), ends_at=local(date(2026, 7, 14), 8)
    )
    event.full_clean()


def test_an_all_day_event_is_stored_as_local_midnight_of_its_days():
    event = EventFactory(
        is_all_day=True,
        starts_at=local(date(2026, 7, 14), 15),
        ends_at=local(date(2026, 7, 16), 10),
    )
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at) == local(date(2026, 7, 14))
    assert timezone.localtime(event.ends_at) == local(date(2026, 7, 16))
    assert list(event.days()) == [date(2026, 7, 14), date(2026, 7, 15), date(2026, 7, 16)]


def test_the_slug_comes_from_the_title_and_stays_when_it_is_edited():
    event = EventFactory(title="Đại hội đại biểu lần thứ VI")
    assert event.slug == "dai-hoi-dai-bieu-lan-thu-vi"
    event.title = "Đại hội đại biểu Liên hiệp Hội lần thứ VI"
    event.save()
    assert event.slug == "dai-hoi-dai-bieu-lan-thu-vi"


@pytest.mark.parametrize("title", ["Lịch", "Đã diễn ra"])
def test_an_event_never_takes_the_address_of_a_list(title):
    event = EventFactory(title=title)
    assert event.slug not in ("lich", "da-dien-ra")
    assert event.get_absolute_url() == f"/su-kien/{event.slug}/"


def test_the_body_is_sanitized_on_save():
    event = EventFactory(body='<p onclick="x()">Nội dung</p><script>alert(1)</script>')
    event.refresh_from_db()
    assert "script" not in event.body and "onclick" not in event.body
    assert "Nội dung" in event.body


@pytest.mark.parametrize(
    ("start", "end", "all_day", "words"),
    [
        ((14, 8, 0), (14, 11, 30), False, "Thứ Ba, 14/07/2026, 08:00 – 11:30"),
        ((14, 0, 0), (16, 0, 0), True, "Thứ Ba, 14/07/2026 – Thứ Năm, 16/07/2026 (cả ngày)"),
        ((14, 0, 0), (14, 0, 0), True, "Thứ Ba, 14/07/2026 (cả ngày)"),
        ((14, 7, 30), (15, 16, 30), False, "07:30 Thứ Ba, 14/07/2026 – 16:30 Thứ Tư, 15/07/2026"),
    ],
)
def test_the_time_is_written_in_vietnamese(start, end, all_day, words):
    event = EventFactory.build(
        is_all_day=all_day,
        starts_at=local(date(2026, 7, start[0]), *start[1:]),
        ends_at=local(date(2026, 7, end[0]), *end[1:]),
    )
    assert event.when_in_words == words


def test_upcoming_keeps_events_still_running_and_past_those_over():
    now = timezone.now()
    running = EventFactory(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    later = EventFactory(starts_at=now + timedelta(days=2))
    over = EventFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    EventFactory(draft=True)
    assert list(Event.objects.upcoming()) == [running, later]
    assert list(Event.objects.past()) == [over]

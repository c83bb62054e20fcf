"""The .ics files, parsed back with the icalendar library."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def test_a_timed_event_has_its_local_times_in_asia_ho_chi_minh(client):
    event = EventFactory(
        title="Hội thảo công nghệ số",
        starts_at=local(date(2026, 7, 14), 8),
        ends_at=local(date(2026, 7, 14), 11, 30),
        place="Hội trường Liên hiệp Hội, Đà Lạt",
    )
    response, calendar = parse(client, f"/su-kien/{event.slug}.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    (vevent,) = calendar.walk("VEVENT")
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert start == datetime(2026, 7, 14, 8, 0, tzinfo=ZONE)
    assert end == datetime(2026, 7, 14, 11, 30, tzinfo=ZONE)
    assert vevent["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert start.utcoffset() == timedelta(hours=7)
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["tzid"] == "Asia/Ho_Chi_Minh"
    assert str(vevent["summary"]) == "Hội thảo công nghệ số"
    assert str(vevent["location"]) == "Hội trường Liên hiệp Hội, Đà Lạt"
    assert str(vevent["url"]) == f"http://testserver/su-kien/{event.slug}/"
    assert vevent.decoded("dtstamp").tzinfo is not None


def test_an_all_day_event_has_date_values_and_an_exclusive_end(client):
    event = EventFactory(
        is_all_day=True, starts_at=local(date(2026, 7, 30)), ends_at=local(date(2026, 8, 1))
    )
    _, calendar = parse(client, event.get_ical_url())
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == date(2026, 7, 30)
    assert vevent.decoded("dtend") == date(2026, 8, 2)
    assert vevent["dtstart"].params["VALUE"] == "DATE"


def test_the_uid_is_stable_across_edits_and_downloads(client):
    event = EventFactory()
    _, first = parse(client, event.get_ical_url())
    event.title = "Tên mới của sự kiện"
    event.save()
    _, second = parse(client, event.get_ical_url())
    (one,), (two,) = first.walk("VEVENT"), second.walk("VEVENT")
    assert str(one["uid"]) == str(two["uid"]) == f"su-kien-{event.pk}@testserver"


def test_the_calendar_feed_holds_published_events_to_come_and_of_the_last_year(client):
    coming = EventFactory(title="Sắp diễn ra")
    recent = EventFactory(
        title="Đã qua gần đây",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )
    EventFactory(
        title="Đã qua lâu rồi",
        starts_at=timezone.now() - timedelta(days=800),
        ends_at=timezone.now() - timedelta(days=800) + timedelta(hours=2),
    )
    EventFactory(title="Bản nháp", draft=True)
    _, calendar = parse(client, "/su-kien/lich.ics")
    titles = {str(vevent["summary"]) for vevent in calendar.walk("VEVENT")}
    assert titles == {coming.title, recent.title}
    assert str(calendar["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
    assert str(calendar["version"]) == "2.0"


def test_the_calendar_feed_is_kept_until_an_event_changes(client, django_assert_num_queries):
    event = EventFactory(title="Hội thảo trước khi sửa")
    parse(client, "/su-kien/lich.ics")
    with django_assert_num_queries(0):
        parse(client, "/su-kien/lich.ics")
    event.title = "Hội thảo sau khi sửa"
    event.save()
    _, calendar = parse(client, "/su-kien/lich.ics")
    assert {str(vevent["summary"]) for vevent in calendar.walk("VEVENT")} == {event.title}


def test_the_calendar_feed_links_to_the_address_it_was_asked_at(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "lhh.example"]
    EventFactory(slug="hoi-thao")
    parse(client, "/su-kien/lich.ics")
    response = client.get("/su-kien/lich.ics", HTTP_HOST="lhh.example")
    assert b"http://lhh.example/su-kien/hoi-thao/" in response.content.replace(b"\r\n ", b"")

"""iCalendar (RFC 5545) for events, written with the icalendar library.

Timed events carry their local times with TZID=Asia/Ho_Chi_Minh and the
zone's VTIMEZONE, so a phone shows the right hour wherever it is; all-day
events are DATE values, their DTEND the day after the last (exclusive, as
the RFC has it). An event's UID is made from its id and never changes.
"""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

PRODID = "-//Cổng thông tin LHH//Sự kiện//VI"


def calendar(events, *, name, request):
    """The events as one VCALENDAR, as bytes."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_current_timezone_name())
    for event in events:
        cal.add_component(vevent(event, request))
    cal.add_missing_timezones()
    return cal.to_ical()


def vevent(event, request):
    item = VEvent()
    item.add("uid", f"su-kien-{event.pk}@{request.get_host().split(':')[0]}")
    item.add("dtstamp", event.updated_at or timezone.now())
    if event.is_all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", event.end_date + timedelta(days=1))
    else:
        item.add("dtstart", timezone.localtime(event.starts_at))
        item.add("dtend", timezone.localtime(event.ends_at))
    item.add("summary", event.title)
    url = request.build_absolute_uri(event.get_absolute_url())
    lines = [event.summary, f"Đơn vị tổ chức: {event.organiser}" if event.organiser else "", url]
    item.add("description", "\n\n".join(line for line in lines if line))
    if event.place:
        item.add("location", event.place)
    item.add("url", url)
    item.add("status", "CONFIRMED")
    if event.updated_at:
        item.add("last-modified", event.updated_at)
    return item

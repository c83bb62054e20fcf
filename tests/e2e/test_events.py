"""A visitor on a phone finds the next event in the month calendar, opens
it and adds it to their calendar (.ics); the events pages at both widths."""

from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def next_event():
    from events.models import Event

    return Event.objects.upcoming().first()


def test_a_phone_visitor_finds_the_next_event_in_the_calendar_and_adds_it(
    browser, site, screenshot
):
    event = next_event()
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.goto(site.url + "/")
    # The menu folds behind "Danh mục" on a phone; the block links the calendar.
    page.get_by_role("link", name="Lịch sự kiện").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("LỊCH SỰ KIỆN THÁNG")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    link = page.locator(".calendar").get_by_role("link", name=event.title).first
    for _ in range(3):
        if link.count():
            break
        page.get_by_role("link", name="Tháng", exact=False).filter(has_text="»").click()
    screenshot(page, "events-calendar-phone")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    expect(page.get_by_text(event.when_in_words)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Thêm vào lịch").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart") in (event.start_date, event.starts_at)
    screenshot(page, "events-event-phone")
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_events_pages_screenshots(browser, site, screenshot, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    event = next_event()
    for name, path in [
        ("list", "/su-kien/"),
        ("past", "/su-kien/da-dien-ra/"),
        ("calendar", f"/su-kien/lich/{event.start_date.year}/{event.start_date.month}/"),
        ("event", event.get_absolute_url()),
        ("home", "/"),
    ]:
        page.goto(site.url + path)
        expect(page.locator("#content")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        page.wait_for_load_state("networkidle")
        screenshot(page, f"events-{name}-{width}")
    context.close()

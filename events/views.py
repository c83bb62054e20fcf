import calendar as calendar_module
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView, ListView

from core.cache import PAGE_SECONDS, cache_page_for_visitors, cached
from core.paginator import CachedCountMixin
from core.text import WEEKDAYS
from core.views import StaffPreviewMixin
from documents.models import Document
from sitecontent.models import SiteProfile

from . import ical
from .models import Event

# The months the calendar answers for: outside them, 404 (a crawler
# following "Tháng sau" never walks into the year 99999).
MIN_YEAR = 2000
MAX_YEAR = 2100
# The calendar feed: what ended in the last year, and everything to come.
FEED_DAYS_BACK = 366
FEED_SIZE = 500


class UpcomingEventListView(CachedCountMixin, ListView):
    """Sự kiện sắp diễn ra: not over yet, the soonest first."""

    model = Event
    paginate_by = 10
    is_past = False

    def get_queryset(self):
        return Event.objects.upcoming().select_related("organization").defer("body")

    def count_key(self):
        return "events:upcoming"

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_past=self.is_past, **kwargs)


class PastEventListView(UpcomingEventListView):
    """Sự kiện đã diễn ra: the latest first."""

    is_past = True

    def get_queryset(self):
        return Event.objects.past().select_related("organization").defer("body")

    def count_key(self):
        return "events:past"


class EventDetailView(StaffPreviewMixin, DetailView):
    """An event; staff who may edit events also see drafts and scheduled ones."""

    model = Event

    def public_queryset(self, queryset):
        # Past its end date ("hiển thị đến") it leaves the lists, but its
        # address answers.
        return queryset.reachable()

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            # The organization's address reads its group.
            .select_related("organization__group", "registration_form")
            .prefetch_related(
                Prefetch(
                    "documents",
                    queryset=Document.objects.published().select_related("type"),
                    to_attr="published_documents",
                )
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            canonical_url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            **kwargs,
        )


def month_or_404(year, month):
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise Http404("Không có tháng này trong lịch sự kiện.")
    return date(year, month, 1)


def calendar_view(request, year=None, month=None):
    """The month calendar (lịch sự kiện): an HTML table, Monday first, each
    day with the events that take place on it, and links to the months
    before and after; no JavaScript. One query, whatever the month holds."""
    today = timezone.localdate()
    first = month_or_404(year, month) if year is not None else today.replace(day=1)
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    zone = timezone.get_current_timezone()
    grid_start = datetime.combine(weeks[0][0], time(), tzinfo=zone)
    grid_end = datetime.combine(weeks[-1][-1] + timedelta(days=1), time(), tzinfo=zone)
    events = list(
        Event.objects.published()
        .between(grid_start, grid_end)
        .order_by("starts_at", "id")
        .only("title", "slug", "starts_at", "ends_at", "is_all_day")
    )
    by_day = {}
    for event in events:
        for day in event.days():
            by_day.setdefault(day, []).append(event)
    rows = [
        [
            {
                "date": day,
                "weekday": WEEKDAYS[day.weekday()],
                "is_other_month": day.month != first.month,
                "is_today": day == today,
                "events": by_day.get(day, []),
            }
            for day in week
        ]
        for week in weeks
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    month_events = [
        event for event in events if event.start_date <= last_day(first) and event.end_date >= first
    ]
    return render(
        request,
        "events/event_calendar.html",
        {
            "month": first,
            "weeks": rows,
            "weekdays": WEEKDAYS,
            "month_events": month_events,
            "previous_month": previous if previous.year >= MIN_YEAR else None,
            "next_month": following if following.year <= MAX_YEAR else None,
            "this_month": today.replace(day=1),
        },
    )


def last_day(first):
    return first.replace(day=calendar_module.monthrange(first.year, first.month)[1])


def ical_response(content, filename=None):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ical(request, slug):
    """One event as a .ics file ("Thêm vào lịch")."""
    event = get_object_or_404(Event.objects.reachable().select_related("organization"), slug=slug)
    name = f"{event.title} – {SiteProfile.load().name}"
    return ical_response(ical.calendar([event], name=name, request=request), f"{slug}.ics")


def calendar_ical(request):
    """The whole calendar, for a calendar app to subscribe to. Hundreds of
    events to write out: kept until the content changes (and PAGE_SECONDS,
    for a scheduled event's time), per address the links are made for."""

    def build():
        since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
        events = (
            Event.objects.published()
            .filter(ends_at__gte=since)
            .select_related("organization")
            .order_by("starts_at", "id")[:FEED_SIZE]
        )
        name = f"Sự kiện – {SiteProfile.load().name}"
        return ical.calendar(events, name=name, request=request)

    site = f"{request.scheme}://{request.get_host()}"
    return ical_response(cached(f"events:calendar.ics:{site}", build, timeout=PAGE_SECONDS))


upcoming_list = cache_page_for_visitors(UpcomingEventListView.as_view())
past_list = cache_page_for_visitors(PastEventListView.as_view())
event_detail = cache_page_for_visitors(EventDetailView.as_view())
month_calendar = cache_page_for_visitors(calendar_view)
# The .ics answers are not page-cached: the page cache keeps only HTML
# (its copy has no Content-Type or Content-Disposition); each is one query.

"""The ĐẾM LƯỢT TRUY CẬP figures: visits per day in the database (VisitDay),
"online now" in the shared cache only: per window, a marker per visitor and
a counter per kind."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from sitecontent.models import SiteProfile

from .models import VisitDay

STATS_KEY = "visits:stats"
STATS_SECONDS = 5


def online_window(now=None):
    return int((now or time.time()) // (settings.ONLINE_WINDOW_MINUTES * 60))


def record_visit(day=None):
    """Add one visit to `day` (today by default) in a single atomic statement."""
    day = day or timezone.localdate()
    cache.delete(STATS_KEY)
    if VisitDay.objects.filter(day=day).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            VisitDay.objects.create(day=day, count=1)
    except IntegrityError:
        # Another worker created today's row between our two statements.
        VisitDay.objects.filter(day=day).update(count=F("count") + 1)


def mark_online(visitor_id, kind, window):
    """Count the visitor once in this window, `kind` being "member" or "guest"."""
    timeout = settings.ONLINE_WINDOW_MINUTES * 60 * 3
    if not cache.add(f"online:seen:{window}:{visitor_id}", kind, timeout):
        return
    _incr(f"online:count:{window}:{kind}", timeout)
    # Seen in the previous window too: remember the overlap so the union of
    # the two windows counts this visitor once.
    if cache.get(f"online:seen:{window - 1}:{visitor_id}") == kind:
        _incr(f"online:both:{window}:{kind}", timeout)


def _incr(key, timeout):
    if cache.add(key, 1, timeout):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout)


def online_counts():
    """Visitors seen in the current or the previous window, by kind."""
    window = online_window()
    keys = [
        f"online:{part}:{w}:{kind}"
        for kind in ("member", "guest")
        for part, w in (("count", window), ("count", window - 1), ("both", window))
    ]
    values = cache.get_many(keys)

    def union(kind):
        now = values.get(f"online:count:{window}:{kind}", 0)
        before = values.get(f"online:count:{window - 1}:{kind}", 0)
        both = values.get(f"online:both:{window}:{kind}", 0)
        return max(now + before - both, 0)

    return {"members": union("member"), "guests": union("guest")}


def visit_stats():
    """Total (carried over from the old site + counted), today, online now.

    Kept in the shared cache until the next counted visit, and at most
    STATS_SECONDS for the online figures: pages read it without a query.
    """
    stats = cache.get(STATS_KEY)
    if stats is None:
        stats = _visit_stats()
        cache.set(STATS_KEY, stats, STATS_SECONDS)
    return stats


def _visit_stats():
    today = timezone.localdate()
    sums = VisitDay.objects.aggregate(counted=Sum("count"), today=Sum("count", filter=Q(day=today)))
    online = online_counts()
    return {
        "total": SiteProfile.load().visit_base + (sums["counted"] or 0),
        "today": sums["today"] or 0,
        "members": online["members"],
        "guests": online["guests"],
        "online": online["members"] + online["guests"],
    }

"""ĐẾM LƯỢT TRUY CẬP: visits counted once per visitor per 30 minutes.

A signed cookie remembers when this browser's visit was last counted and in
which few-minute window it was last seen online, so a returning request
writes nothing at all: no database row, no session, no cache key. A new
visit is one atomic UPDATE of today's row (VisitDay), so the total is right
across gunicorn workers and survives restarts. "Online now" lives in the
shared cache only: per window, a marker per visitor and a counter per kind.
"""

import re
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from sitecontent.models import SiteProfile

from .models import VisitDay

COOKIE_NAME = "lhh_visit"
COOKIE_SALT = "lhh.visits"
COOKIE_MAX_AGE = 365 * 24 * 3600
STATS_KEY = "visits:stats"
# The rendered counter of cached pages (lhh.pagecache): as fresh as the figures.
COUNTER_HTML_KEY = "visits:counter-html"
STATS_SECONDS = 5

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|zalo.*preview|"
    r"preview|monitor|curl|wget|python-requests|python-urllib|httpx|aiohttp|"
    r"go-http-client|java/|okhttp|libwww|headless|lighthouse|pingdom|uptime",
    re.IGNORECASE,
)

# Requests that are not page views: assets, the admin, machines' files.
SKIPPED_PREFIXES = (
    "/admin/",
    "/static/",
    "/media/",
    "/ckeditor5/",
    "/captcha/",
    "/healthz",
    "/robots.txt",
    "/sitemap",
    "/rss/",
    "/favicon",
    "/bench/",
)


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def _online_window(now=None):
    return int((now or time.time()) // (settings.ONLINE_WINDOW_MINUTES * 60))


def record_visit(day=None):
    """Add one visit to `day` (today by default) in a single atomic statement."""
    day = day or timezone.localdate()
    cache.delete_many([STATS_KEY, COUNTER_HTML_KEY])
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
    window = _online_window()
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


class VisitCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cookie_value = self._tracked(request)
        response = self.get_response(request)
        if cookie_value is not None and response.status_code < 400:
            response.set_signed_cookie(
                COOKIE_NAME,
                cookie_value,
                salt=COOKIE_SALT,
                max_age=COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    def _tracked(self, request):
        """Count and mark the visitor; return a new cookie value if it changed."""
        if request.method != "GET" or request.path.startswith(SKIPPED_PREFIXES):
            return None
        if is_bot(request.META.get("HTTP_USER_AGENT", "")):
            return None
        try:
            visitor_id, counted_at, seen_window = request.get_signed_cookie(
                COOKIE_NAME, salt=COOKIE_SALT
            ).split(":")
            counted_at, seen_window = int(counted_at), int(seen_window)
        except (KeyError, ValueError, signing.BadSignature):
            visitor_id, counted_at, seen_window = secrets.token_hex(8), 0, -1

        now = int(time.time())
        window = _online_window(now)
        changed = False
        if now - counted_at >= settings.VISIT_WINDOW_MINUTES * 60:
            record_visit()
            # A cached page then shows the counter with this very visit in it.
            request.visit_counted = True
            counted_at, changed = now, True
        if window != seen_window:
            # Reading request.user touches the session only for visitors who
            # already have a session cookie (logged-in staff), never creates one.
            kind = "member" if request.user.is_authenticated else "guest"
            mark_online(visitor_id, kind, window)
            seen_window, changed = window, True
        return f"{visitor_id}:{counted_at}:{seen_window}" if changed else None

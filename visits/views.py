"""ĐẾM LƯỢT TRUY CẬP: the one address that counts visits and views.

Pages are the same for every visitor, and may be served by a cache in front
of Django, so they count nothing and set no cookie. Their script
(static/js/visits.js) calls this address when the visitor's visit is due
to be counted or to be seen online again (it says in how many seconds:
`again`), and on every article it reads; a `<noscript>` picture does the
same without JavaScript. The answer is never cached and carries the figures
the ĐẾM LƯỢT TRUY CẬP block shows.

A signed cookie, on this address's answers only, remembers when the visit
was last counted and in which few-minute window the visitor was last seen
online. A new visit is one atomic UPDATE of today's row (VisitDay), so the
total is right across gunicorn workers. "Online now" lives in the shared
cache only. Crawlers are answered and never counted.
"""

import base64
import secrets
import time

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core import signing
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.net import is_bot

from .stats import mark_online, online_window, record_visit, visit_stats

# The literal values stay: a new name would count every visitor again.
COOKIE_NAME = "lhh_visit"
COOKIE_SALT = "lhh.visits"
COOKIE_MAX_AGE = 365 * 24 * 3600

# A transparent 1×1 GIF, for the <noscript> picture.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

# What a page may ask to have its view counted: {parameter: count(value)},
# filled by the apps that keep view counts (news: "bai", an article's id).
_view_counters = {}


def register_view_counter(parameter, count):
    """`count(value)` is called with the parameter's value, as sent by the page."""
    _view_counters[parameter] = count


def _track(request, now):
    """Count the visit when it is due and mark the visitor online; return
    the cookie's new value (None when unchanged) and the seconds until the
    page should call again."""
    try:
        visitor_id, counted_at, seen_window = request.get_signed_cookie(
            COOKIE_NAME, salt=COOKIE_SALT
        ).split(":")
        counted_at, seen_window = int(counted_at), int(seen_window)
    except (KeyError, ValueError, signing.BadSignature):
        visitor_id, counted_at, seen_window = secrets.token_hex(8), 0, -1
    visit_seconds = settings.VISIT_WINDOW_MINUTES * 60
    changed = False
    if now - counted_at >= visit_seconds:
        record_visit()
        counted_at, changed = now, True
    window = online_window(now)
    if window != seen_window:
        # Reading request.user touches the session only for visitors who
        # already have a session cookie (logged-in staff), never creates one.
        kind = "member" if request.user.is_authenticated else "guest"
        mark_online(visitor_id, kind, window)
        seen_window, changed = window, True
    window_seconds = settings.ONLINE_WINDOW_MINUTES * 60
    again = min(counted_at + visit_seconds, (window + 1) * window_seconds) - now
    value = f"{visitor_id}:{counted_at}:{seen_window}" if changed else None
    return value, max(int(again), 1)


@never_cache
@require_GET
def hit(request):
    """Count what the page asks for; answer the figures in JSON, or the
    picture (?anh=1) for a page read without JavaScript."""
    picture = "anh" in request.GET
    counts_views = [(count, request.GET.get(name)) for name, count in _view_counters.items()]
    counts_views = [(count, value) for count, value in counts_views if value]
    cookie_value, again = None, settings.ONLINE_WINDOW_MINUTES * 60
    if not is_bot(request.META.get("HTTP_USER_AGENT", "")):
        for count, value in counts_views:
            count(value)
        # A picture asking for an article's view is that page's second
        # picture: the visit is the block's.
        if not (picture and counts_views):
            cookie_value, again = _track(request, int(time.time()))
    if picture:
        response = HttpResponse(PIXEL, content_type="image/gif")
    else:
        stats = visit_stats()
        response = JsonResponse(
            {
                "figures": {name: intcomma(stats[name]) for name in stats},
                "again": again,
            }
        )
    if cookie_value is not None:
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

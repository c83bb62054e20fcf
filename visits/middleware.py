"""ĐẾM LƯỢT TRUY CẬP: visits counted once per visitor per 30 minutes.

A signed cookie remembers when this browser's visit was last counted and in
which few-minute window it was last seen online, so a returning request
writes nothing at all: no database row, no session, no cache key. A new
visit is one atomic UPDATE of today's row (VisitDay), so the total is right
across gunicorn workers and survives restarts. "Online now" lives in the
shared cache only: per window, a marker per visitor and a counter per kind.
"""

import secrets
import time
from functools import cache

from django.conf import settings
from django.core import signing
from django.urls import reverse

from core.net import is_bot

from .stats import mark_online, online_window, record_visit

# The literal values stay: a new name would count every visitor again.
COOKIE_NAME = "lhh_visit"
COOKIE_SALT = "lhh.visits"
COOKIE_MAX_AGE = 365 * 24 * 3600

# Addresses that are not page views: the admin, files, machines' addresses.
NOT_PAGES = ("admin:index", "ck_editor_5_upload_file", "healthz", "robots_txt", "sitemap")


@cache
def skipped_prefixes():
    """Paths not counted, read once: static files and uploads, the named
    addresses above, and settings.VISIT_SKIPPED_PATHS."""
    return (
        settings.STATIC_URL,
        settings.MEDIA_URL,
        *(reverse(name) for name in NOT_PAGES),
        *settings.VISIT_SKIPPED_PATHS,
    )


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
        if request.method != "GET" or request.path.startswith(skipped_prefixes()):
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
        window = online_window(now)
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

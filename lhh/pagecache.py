"""Whole-page cache for anonymous visitors of the busiest pages.

A page is stored once rendered, under the sidebar's content version (any
edit of content bumps it, so an edit shows at once) and today's date (the
header shows it), for at most PAGE_CACHE_SECONDS (so a scheduled article
appears at most that late). The visit counter block is cut out and rendered
again on every request from the counter's own figures (lhh.visits), so it is
as current on a cached page as on any other.

Staff, requests with a query string and responses other than 200 are never
cached; nothing cached carries a CSRF token or a message.
"""

import time
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from . import sidebar
from .visits import COUNTER_HTML_KEY, STATS_SECONDS, visit_stats

PAGE_CACHE_SECONDS = 60
COUNTER_START, COUNTER_END = b"<!--visit-counter-->", b"<!--/visit-counter-->"

# Each worker also keeps the pages it served last in its own memory, and
# the content version and counter block it last read from the shared
# cache, for at most LOCAL_SECONDS: a cached page then costs no round trip
# to the cache at all. An edit elsewhere shows on this worker's cached
# pages at most that late; an edit saved by this worker, and a visit it
# has just counted, show at once.
LOCAL_SECONDS = 2
LOCAL_PAGES_MAX = 32
_local_pages = {}
_shared = {"read_at": None, "version": None, "counter": None}


def _counter_html(cached=None):
    """The counter block as bytes, kept as long as the figures it shows."""
    if cached is None:
        stats = {"stats": visit_stats()}
        cached = render_to_string("includes/sidebar/visit_counter.html", stats).strip().encode()
        cache.set(COUNTER_HTML_KEY, cached, STATS_SECONDS)
    return cached


def _shared_state(request):
    """The content version and the counter block, read at most every LOCAL_SECONDS."""
    now = time.monotonic()
    read_at = _shared["read_at"]
    if (
        read_at is None
        or now - read_at >= LOCAL_SECONDS
        or getattr(request, "visit_counted", False)
    ):
        # One round trip for both.
        values = cache.get_many([sidebar.VERSION_KEY, COUNTER_HTML_KEY])
        _shared.update(
            read_at=now,
            version=values.get(sidebar.VERSION_KEY) or sidebar.content_version(),
            counter=_counter_html(values.get(COUNTER_HTML_KEY)),
        )
    return _shared


def _split(content):
    """The page around its counter block: (before, after), or None."""
    start, end = content.find(COUNTER_START), content.find(COUNTER_END)
    if start < 0 or end < 0:
        return None
    return content[:start], content[end + len(COUNTER_END) :]


def _cacheable_request(request):
    return (
        request.method == "GET"
        and not request.GET
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _cached_parts(key):
    """(stored_at, before, after) of a page still within PAGE_CACHE_SECONDS, or None."""
    parts = _local_pages.get(key)
    if parts is None or time.time() - parts[0] >= PAGE_CACHE_SECONDS:
        parts = cache.get(key)
        if parts is not None:
            _remember(key, parts)
    return parts


def _remember(key, parts):
    if len(_local_pages) >= LOCAL_PAGES_MAX:
        _local_pages.clear()
    _local_pages[key] = parts


def cache_page_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        shared = _shared_state(request)
        # The host too: a page carries its own absolute address (og:url, share links).
        page = f"{request.get_host()}{request.path}"
        key = f"page:{page}:{shared['version']}:{timezone.localdate()}"
        parts = _cached_parts(key)
        if parts is not None:
            _stored_at, before, after = parts
            return HttpResponse(b"".join([before, shared["counter"], after]))
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.cookies:
            parts = _split(response.content)
            if parts is not None:
                # The worker's own copy expires with the shared one.
                parts = (time.time(), *parts)
                cache.set(key, parts, PAGE_CACHE_SECONDS)
                _remember(key, parts)
        return response

    return wrapper


def forget(**kwargs):
    """Drop this worker's own copies: after an edit, or after clearing the shared cache."""
    _local_pages.clear()
    _shared["read_at"] = None


sidebar.content_changed.connect(forget, dispatch_uid="pagecache-forget")

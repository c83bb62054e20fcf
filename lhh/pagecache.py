"""Whole-page cache for anonymous visitors of the busiest pages.

A page is stored once rendered, under the sidebar's content version (any
edit of content bumps it, so an edit shows at once) and today's date (the
header shows it), for at most PAGE_CACHE_SECONDS (so a scheduled article
appears at most that late). The visit counter block is cut out and rendered
again on every request from the counter's own figures (visits.stats), so it is
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

from visits.stats import COUNTER_HTML_KEY, STATS_SECONDS, visit_stats

from . import sidebar, workercache
from .workercache import LOCAL_SECONDS

PAGE_CACHE_SECONDS = 60
COUNTER_START, COUNTER_END = b"<!--visit-counter-->", b"<!--/visit-counter-->"

# Each worker also keeps the pages it served last in its own memory
# (lhh.workercache), as long as the shared copy lives, and the counter block
# for at most LOCAL_SECONDS: a cached page then costs no round trip to the
# cache at all. A visit this worker has just counted shows at once.
LOCAL_PAGES_MAX = 32
_local_pages = workercache.Memory(LOCAL_PAGES_MAX)
_local_counter = workercache.Memory(1)


def _counter_html(request):
    """The counter block as bytes, kept as long as the figures it shows."""
    html = None
    if not getattr(request, "visit_counted", False):
        html = _local_counter.get(COUNTER_HTML_KEY, LOCAL_SECONDS)
    if html is None:
        html = cache.get(COUNTER_HTML_KEY)
        if html is None:
            stats = {"stats": visit_stats()}
            html = render_to_string("visits/counter.html", stats).strip().encode()
            cache.set(COUNTER_HTML_KEY, html, STATS_SECONDS)
        _local_counter.set(COUNTER_HTML_KEY, html)
    return html


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
    """(before, after) of a page stored less than PAGE_CACHE_SECONDS ago, or None."""
    parts = _local_pages.get(key, PAGE_CACHE_SECONDS)
    if parts is None:
        stored = cache.get(key)
        if stored is not None:
            stored_at, *parts = stored
            _local_pages.set(key, parts, stored_at)
    return parts


def cache_page_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        # The host too: a page carries its own absolute address (og:url, share links).
        page = f"{request.get_host()}{request.path}"
        key = f"page:{page}:{sidebar.content_version()}:{timezone.localdate()}"
        parts = _cached_parts(key)
        if parts is not None:
            before, after = parts
            return HttpResponse(b"".join([before, _counter_html(request), after]))
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.cookies:
            parts = _split(response.content)
            if parts is not None:
                # The worker's own copy expires with the shared one.
                stored_at = time.time()
                cache.set(key, (stored_at, *parts), PAGE_CACHE_SECONDS)
                _local_pages.set(key, parts, stored_at)
        return response

    return wrapper


def forget():
    """Drop this worker's own copies (pages, version, sidebar, counter) after
    clearing the shared cache; an edit drops them by itself (lhh.workercache)."""
    workercache.forget()

"""Whole-page cache for anonymous visitors of the busiest pages.

A page is stored once rendered, under the sidebar's content version (any
edit of content bumps it, so an edit shows at once) and today's date (the
header shows it), for at most PAGE_CACHE_SECONDS (so a scheduled article
appears at most that late). The visit counter block is cut out and put back
on every request from its own 5-second cache, so its numbers lag by seconds
at most; the counting itself is the middleware's and never depends on this.

Staff, requests with a query string and responses other than 200 are never
cached; nothing cached carries a CSRF token or a message.
"""

from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from . import sidebar
from .visits import visit_stats

PAGE_CACHE_SECONDS = 60
# The counter's numbers on a cached page lag the real counts by at most this.
COUNTER_CACHE_SECONDS = 5
COUNTER_START, COUNTER_END = "<!--visit-counter-->", "<!--/visit-counter-->"


def _counter_html():
    html = cache.get("page:visit-counter")
    if html is None:
        stats = {"stats": visit_stats()}
        html = render_to_string("includes/sidebar/visit_counter.html", stats).strip()
        cache.set("page:visit-counter", html, COUNTER_CACHE_SECONDS)
    return html


def _split(html):
    """The page around its counter block: (before, after), or None."""
    start, end = html.find(COUNTER_START), html.find(COUNTER_END)
    if start < 0 or end < 0:
        return None
    return html[:start], html[end + len(COUNTER_END) :]


def _cacheable_request(request):
    return (
        request.method == "GET"
        and not request.GET
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def cache_page_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = f"page:{request.path}:{sidebar.content_version()}:{timezone.localdate()}"
        parts = cache.get(key)
        if parts is not None:
            before, after = parts
            return HttpResponse(before + _counter_html() + after)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.cookies:
            parts = _split(response.content.decode())
            if parts is not None:
                cache.set(key, parts, PAGE_CACHE_SECONDS)
        return response

    return wrapper

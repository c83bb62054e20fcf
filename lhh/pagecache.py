"""Whole-page cache for anonymous visitors of the busiest pages.

A page is stored once rendered, under the sidebar's content version (any
edit of content bumps it, so an edit shows at once) and today's date (the
header shows it), for at most PAGE_CACHE_SECONDS (so a scheduled article
appears at most that late). The visit counter block is cut out and rendered
afresh on every request, so its numbers stay live; the counting itself is
the middleware's and never depends on this cache.

Staff, requests with a query string and responses other than 200 are never
cached; nothing cached carries a CSRF token or a message.
"""

import re
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from . import sidebar
from .visits import visit_stats

PAGE_CACHE_SECONDS = 60
COUNTER_BLOCK = re.compile(r"<!--visit-counter-->.*?<!--/visit-counter-->", re.S)


def _counter_html():
    html = render_to_string("includes/sidebar/visit_counter.html", {"stats": visit_stats()})
    return html.strip()


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
        html = cache.get(key)
        if html is not None:
            fresh = COUNTER_BLOCK.sub(lambda match: _counter_html(), html, count=1)
            return HttpResponse(fresh)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.cookies:
            cache.set(key, response.content.decode(), PAGE_CACHE_SECONDS)
        return response

    return wrapper

"""301 from the old site's addresses, looked up only for would-be 404s.

Like django.contrib.redirects' fallback middleware, it acts on the
response: any other answer passes through without a query. Unlike it, the
lookup keys on the path *and* the query string (`/NewsDetail.aspx?Id=9036`),
which is how the old ASP.NET portals addressed every page.

The answer for an address (a target or none) is kept in each worker's
memory under the content version (core.cache), which any change to a
redirect or to content bumps: a 404 asked again, by a crawler that keeps
trying an old link, costs no query.
"""

import hashlib

from django.http import HttpResponsePermanentRedirect

from core.cache import FRAGMENT_SECONDS, cached

from .addresses import address_key
from .models import OldAddress


class OldAddressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        path = request.path_info
        query = request.META.get("QUERY_STRING", "")
        # PostgreSQL refuses NUL in text; no address holds one.
        if "\x00" in path or "\x00" in query or "%00" in query:
            return response
        digest = hashlib.sha256(f"{path}?{query}".encode(errors="replace")).hexdigest()
        target = cached(
            f"old-address:{digest}",
            lambda: redirect_target(path, query),
            # A scheduled article's old address leads to it within this time.
            timeout=FRAGMENT_SECONDS,
            alias="local",
        )
        if not target:
            return response
        return HttpResponsePermanentRedirect(target)


def redirect_target(path, query):
    """Where an old address now leads, or "" (none, or a loop)."""
    row = OldAddress.objects.for_request(path, query)
    if row is None:
        return ""
    target = row.target()
    target_path, _, target_query = target.partition("?")
    if not target or address_key(target_path, target_query) == row.key:
        return ""
    return target

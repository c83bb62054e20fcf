"""301 from the old site's addresses, looked up only for would-be 404s
(and for WordPress's addresses on the home page, /?p=12).

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
from urllib.parse import parse_qsl

from django.http import HttpResponsePermanentRedirect

from core.cache import FRAGMENT_SECONDS, cached

from .addresses import address_key
from .models import OldAddress

# WordPress answers /?p=12 (a post), /?page_id=5, /?attachment_id=21,
# /?cat=3 on its home page.
WORDPRESS_QUERY_NAMES = {"p", "page_id", "attachment_id", "cat"}


class OldAddressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        query = request.META.get("QUERY_STRING", "")
        if path == "/" and query and is_wordpress_query(query):
            # The home page answers any query string: WordPress's own
            # addresses (/?p=12) are looked up before it.
            target = self.target(path, query)
            if target:
                return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        target = self.target(path, query)
        if not target:
            return response
        return HttpResponsePermanentRedirect(target)

    @staticmethod
    def target(path, query):
        # PostgreSQL refuses NUL in text; no address holds one.
        if "\x00" in path or "\x00" in query or "%00" in query:
            return ""
        digest = hashlib.sha256(f"{path}?{query}".encode(errors="replace")).hexdigest()
        return cached(
            f"old-address:{digest}",
            lambda: redirect_target(path, query),
            # A scheduled article's old address leads to it within this time.
            timeout=FRAGMENT_SECONDS,
            alias="local",
        )


def is_wordpress_query(query):
    names = {name.lower() for name, _ in parse_qsl(query, keep_blank_values=True)}
    return bool(names & WORDPRESS_QUERY_NAMES)


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

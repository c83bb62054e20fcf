"""301 from the old site's addresses, looked up only for would-be 404s.

Like django.contrib.redirects' fallback middleware, it acts on the
response: any other answer passes through without a query. Unlike it, the
lookup keys on the path *and* the query string (`/NewsDetail.aspx?Id=9036`),
which is how the old ASP.NET portals addressed every page.
"""

from django.http import HttpResponsePermanentRedirect

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
        row = OldAddress.objects.for_request(path, query)
        if row is None:
            return response
        target = row.target()
        if not target or address_key(*_split(target)) == row.key:
            return response
        return HttpResponsePermanentRedirect(target)


def _split(url):
    path, _, query = url.partition("?")
    return path, query

from django.utils.functional import SimpleLazyObject

from . import cache as site_cache
from . import sidebar


def cache(request):
    """The content version and the fragments' lifetime, for {% cache %} in
    base.html, and the sidebar's rows for a column the fragment cache
    misses; lazy, so a page served from a cache never reads them, and read
    at most once per page."""
    return {
        "content_version": SimpleLazyObject(site_cache.content_version),
        "fragment_seconds": site_cache.FRAGMENT_SECONDS,
        "sidebar_blocks": SimpleLazyObject(sidebar.blocks),
    }

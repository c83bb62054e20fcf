from django.utils.functional import SimpleLazyObject

from . import cache as site_cache


def cache(request):
    """The content version and the fragments' lifetime, for {% cache %} in
    base.html; lazy, so a page served from the page cache never reads them."""
    return {
        "content_version": SimpleLazyObject(site_cache.content_version),
        "fragment_seconds": site_cache.FRAGMENT_SECONDS,
    }

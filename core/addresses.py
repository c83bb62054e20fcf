"""reverse(), remembered: the address of an object's page, worked out once
per process.

List pages and the sidebar show dozens of links, each from an object's
get_absolute_url(); Django's reverse() matches the URL pattern again on
every call (about 35 µs: the member tree's 90 links cost a cold page 3 ms).
Its result depends only on the view name and arguments, the URLconf, the
script prefix and the language, so it is kept per process under all of
them. A test that changes ROOT_URLCONF empties it (core.apps).
"""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language

# Enough for every object a site links to often; older addresses are dropped.
SIZE = 20_000


def reverse(viewname, *, kwargs=None):
    """django.urls.reverse(viewname, kwargs=kwargs), remembered."""
    items = tuple(sorted(kwargs.items())) if kwargs else ()
    return _reverse(viewname, items, get_urlconf(), get_script_prefix(), get_language())


@lru_cache(maxsize=SIZE)
def _reverse(viewname, items, urlconf, prefix, language):
    return django_reverse(viewname, urlconf=urlconf, kwargs=dict(items))


def forget(*, setting, **kwargs):
    """setting_changed receiver: addresses are those of the new URLconf."""
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()

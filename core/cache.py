"""The site's caches, in one place, on Django's cache framework.

Two aliases (settings.CACHES): "default", shared by every worker (Redis in
production), and "local", each worker's own memory (LocMemCache), which
spares a warm page any round trip to Redis.

Everything visitors see is cached under a **content version**, a number
kept in the shared cache. Every change visitors can see bumps it:
- a save or delete of a row of a content app (core.apps.ContentAppConfig),
  except rows visitors cannot see before or after the change
  (core.models.VisibleModel: a new, unanswered question) and private models
  (registration entries); core's own table, the public forms' per-address
  counters (core.models.AddressCount), is in no content app;
- an update() or bulk_update() through core.models.ContentQuerySet (admin
  bulk actions, drag-and-drop ordering), which send no model signals.
It is bumped at once, so the worker that saved sees the edit on its next
request, and again when the transaction commits, so that nothing another
worker read in between is kept under the new number. Other workers read the
version from the shared cache at most every LOCAL_SECONDS. Old entries are
never deleted: their keys carry an old version, nobody asks for them, and
the caches let them expire.

What is cached (README, "Caching"):
- cached(): a value under the version (the site profile, the documents
  filter's vocabularies, list counts);
- the sidebar columns, as {% cache %} fragments in the local alias, keyed by
  the version (base.html; core.context_processors.cache);
- whole pages for anonymous visitors (cache_page_for_visitors).

Django's cache_page / CacheMiddleware do not fit the whole-page cache: its
key must carry the content version, and the staff's answers vary on the
session cookie, so they would keep a copy per visitor.
"""

import hashlib
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag

VERSION_KEY = "content:version"
# At most this many seconds before a worker sees another worker's edit.
LOCAL_SECONDS = 2
# A sidebar column and a whole page are each kept this long: a scheduled
# item shows at most FRAGMENT_SECONDS + PAGE_SECONDS after its time.
FRAGMENT_SECONDS = 30
PAGE_SECONDS = 30
# The COUNT(*) of a long list.
COUNT_SECONDS = 60
# How long a cache in front of Django (the shipped nginx) may keep an
# anonymous page, and serve it stale while it fetches a new copy.
EDGE_SECONDS = 10
EDGE_STALE_SECONDS = 30


def content_version():
    """The shared content version, as this worker read it at most LOCAL_SECONDS ago."""
    local = caches["local"]
    version = local.get(VERSION_KEY)
    if version is None:
        shared = caches["default"]
        version = shared.get(VERSION_KEY)
        if version is None:
            # Started from the clock, not from 1: after the shared cache is
            # emptied (a Redis restart) no old number, and nothing a worker
            # keeps under it, can come back. Another worker may start it
            # first: then its number is the one.
            started = time.time_ns() // 1000
            version = started if shared.add(VERSION_KEY, started, None) else shared.get(VERSION_KEY)
            version = version or started
        local.set(VERSION_KEY, version, LOCAL_SECONDS)
    return version


def _bump():
    shared = caches["default"]
    try:
        version = shared.incr(VERSION_KEY)
    except ValueError:
        version = time.time_ns() // 1000
        shared.set(VERSION_KEY, version, None)
    caches["local"].set(VERSION_KEY, version, LOCAL_SECONDS)


def bump_content_version(**kwargs):
    """Something visitors see has changed: every cached page and block is
    stale. At once, and again when the transaction commits."""
    _bump()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)


def versioned(*parts):
    """A cache key under the current content version."""
    return ":".join(["v", str(content_version()), *map(str, parts)])


def cached(name, build, *, timeout, alias="default"):
    """`build()`, kept under `name` in cache `alias` until the content
    changes, and at most `timeout` seconds.

    Not get_or_set(), which reads the value back after storing it: a local
    cache would unpickle again what was just built."""
    cache, key = caches[alias], versioned(name)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


_MISSING = object()


# What visitors cannot see, saved or deleted, leaves the version alone.


def content_saved(sender, instance, created=False, raw=False, **kwargs):
    from .models import VisibleModel

    if not isinstance(instance, VisibleModel):
        bump_content_version()
        return
    if instance.may_show(created):
        bump_content_version()
    instance.remember_visibility()


def content_deleted(sender, instance, **kwargs):
    from .models import VisibleModel

    if not isinstance(instance, VisibleModel) or instance.may_show():
        bump_content_version()


# The whole-page cache -------------------------------------------------------


def _anonymous_get(request):
    return (
        request.method == "GET"
        and "messages" not in request.COOKIES
        # Without a session cookie the session is not even read: reading it
        # would make the answer vary on Cookie, for every visitor.
        and (
            settings.SESSION_COOKIE_NAME not in request.COOKIES or not request.user.is_authenticated
        )
    )


def _for_shared_caches(response):
    """A page answered 200 without a cookie is the same for every visitor.
    What a cache in front of Django (deploy/nginx) may do with the page:
    keep it EDGE_SECONDS, then serve it stale for up to EDGE_STALE_SECONDS
    while it fetches a new copy. A browser asks again every time, and gets
    304 while its copy's ETag still matches (ConditionalGetMiddleware)."""
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200 or response.cookies:
        return response
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=EDGE_SECONDS,
        stale_while_revalidate=EDGE_STALE_SECONDS,
    )
    return response


def _stored_page(key):
    """(content, ETag) of a page stored less than PAGE_SECONDS ago, or None. A copy
    read from the shared cache is kept in this worker for the time it has left."""
    local = caches["local"]
    stored = local.get(key)
    if stored is None:
        stored = caches["default"].get(key)
        if stored is None or len(stored) != 3:  # none, or an older release's
            return None
        left = stored[0] + PAGE_SECONDS - time.time()
        if left <= 0:
            return None
        local.set(key, stored, math.ceil(left))
    return stored[1:]


def cache_page_for_visitors(view):
    """Keep `view`'s page for anonymous visitors: a GET without a query
    string, answered 200 without a cookie. Staff, forms and messages never
    meet a cached page. A page is the same for every visitor (the visit
    counter's figures come from visits.views.hit), so caches in front of
    Django may keep it too, with its query string (_for_shared_caches);
    staff's pages they may not."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _anonymous_get(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        if request.GET:
            return _for_shared_caches(view(request, *args, **kwargs))
        # The host too: a page carries its own absolute address (og:url).
        key = versioned("page", timezone.localdate(), f"{request.get_host()}{request.path}")
        stored = _stored_page(key)
        if stored is not None:
            content, etag = stored
            # Its ETag is stored with it: ConditionalGetMiddleware uses it
            # (304) instead of hashing the page again for every request.
            return _for_shared_caches(HttpResponse(content, headers={"ETag": etag}))
        response = _for_shared_caches(view(request, *args, **kwargs))
        if response.has_header("Cache-Control"):  # made public: the same for all
            etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
            response["ETag"] = etag
            stored = (time.time(), response.content, etag)
            caches["default"].set(key, stored, PAGE_SECONDS)
            caches["local"].set(key, stored, PAGE_SECONDS)
        return response

    return wrapper


def clear_all():
    """Empty every cache alias (tests, the benchmark's cold runs)."""
    for cache in caches.all():
        cache.clear()

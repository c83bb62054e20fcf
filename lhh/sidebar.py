"""The sidebar's lists in one query, cached until content changes.

The page shell shows nine blocks on every page. Queried one by one they
would cost a query each before the page's own content; instead every list
block (THÔNG TIN CHÍNH, THÔNG BÁO, VĂN BẢN MỚI, HỎI VÀ ĐÁP, HÌNH HOẠT ĐỘNG,
LIÊN KẾT, QUẢNG CÁO) is one branch of a single UNION ALL, shaped to the same
columns by `feed()`. Each app says what its block lists through a QuerySet
method returning a `Feed`, and turns a row back into an (unsaved) model
instance, so the block templates use the models' own get_absolute_url.

The UNION is built, compiled and on PostgreSQL prepared once per connection
(`Lists`, a `Statement`). Its result is kept for SIDEBAR_CACHE_SECONDS under
a version that any content change bumps (signals connected in
LhhConfig.ready): an edit shows at once on the worker that saved it and
within workercache.LOCAL_SECONDS on the others, and a scheduled item
appears at most SIDEBAR_CACHE_SECONDS late.
"""

import itertools
import math
import threading
import time
import weakref
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models
from django.db.models import Value
from django.db.models.functions import Cast, Now, TruncDate
from django.dispatch import Signal

from core.models import VisibleModel

from . import workercache

SIDEBAR_CACHE_SECONDS = 60
VERSION_KEY = "sidebar:version"

# The database's clock, for the feeds' published/current filters (see Lists).
NOW = Now()
TODAY = TruncDate(Now())

# The columns every branch of the UNION has, in this order.
COLUMNS = {
    "ref": models.BigIntegerField(),
    "position": models.IntegerField(),
    "title": models.TextField(),
    "text": models.TextField(),
    "day": models.DateTimeField(),
    "key": models.TextField(),
    "parent_key": models.TextField(),
    "url": models.TextField(),
    "image": models.TextField(),
    "width": models.IntegerField(),
    "height": models.IntegerField(),
}


@dataclass
class Feed:
    """One block's rows: `rows` is a UNION-ready values() queryset."""

    kind: str
    rows: Any
    make: Any


def feed(kind, queryset, limit, make, **columns):
    """The first `limit` rows of `queryset`, as a branch of the sidebar UNION.

    `columns` maps names of COLUMNS to expressions on the model ("pk" is
    `ref` by default); a column left out is NULL. The slice sits in a
    `pk IN (…)` subquery because SQLite refuses LIMIT inside a compound
    SELECT; the order is restored in Python.
    """
    columns.setdefault("ref", models.F("pk"))
    picked = queryset.model._base_manager.filter(pk__in=queryset.values("pk")[:limit])
    shaped = {"feed_kind": Value(kind, output_field=models.TextField())}
    for name, field in COLUMNS.items():
        expression = columns.get(name)
        if expression is None:
            # Typed NULL: PostgreSQL types a bare NULL as text across a UNION.
            expression = Value(None)
        elif isinstance(expression, str):
            expression = models.F(expression)
        shaped[f"feed_{name}"] = Cast(expression, output_field=field)
    return Feed(kind, picked.annotate(**shaped).values(*shaped).order_by(), make)


class Statement:
    """A queryset's SQL, built and compiled once per database connection.

    Building a queryset and compiling its SQL takes longer than running a
    short query: for the sidebar's UNION of seven feeds, 10 ms against
    0.4 ms. Its SQL never changes (the feeds compare with the database's
    clock, NOW and TODAY, not with a time taken in Python), so it is
    compiled once per connection (one per thread, or per async context).
    PostgreSQL also plans it in 3 to 6 ms every time: there it is prepared
    once per session (PREPARE, which outlives a rolled back transaction)
    and run with EXECUTE.
    """

    _numbers = itertools.count(1)

    def __init__(self, build):
        self._build = build
        self._compiled = weakref.WeakKeyDictionary()
        # Django connection -> (the DB-API connection it is prepared on, its name).
        self._prepared = weakref.WeakKeyDictionary()

    def rows(self, using=DEFAULT_DB_ALIAS):
        """The queryset's rows, with the values the ORM would give (dates on SQLite…)."""
        connection = connections[using]
        compiled = self._compiled.get(connection)
        if compiled is None:
            compiler = self._build().query.get_compiler(using)
            compiled = self._compiled[connection] = (compiler, *compiler.as_sql())
        compiler, sql, params = compiled
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                self._execute_prepared(connection, cursor, sql, params)
            else:
                cursor.execute(sql, params)
            rows = cursor.fetchall()
        return list(compiler.results_iter(results=[rows]))

    def _execute_prepared(self, connection, cursor, sql, params):
        prepared = self._prepared.get(connection)
        if prepared is not None and prepared[0] is connection.connection:
            try:
                cursor.execute(f"EXECUTE {prepared[1]}")
            except DatabaseError:
                # Gone (DEALLOCATE, DISCARD) or made stale by a schema change:
                # the next call prepares it again.
                del self._prepared[connection]
                raise
            return
        # A new name each time: a PREPARE that took effect before its EXECUTE
        # failed must not be in the way. One round trip; no parameters are
        # left in the statement, so no %-formatting either.
        name = f"lhh_statement_{next(self._numbers)}"
        statement = cursor.mogrify(sql, params).decode()
        cursor.execute(f"PREPARE {name} AS {statement}; EXECUTE {name}")
        self._prepared[connection] = (connection.connection, name)


class Lists:
    """Every feed `build()` returns, read by one UNION ALL query (a Statement)."""

    def __init__(self, build):
        self._build = build
        self._makers = None
        self._statement = Statement(self._union)

    def _union(self):
        feeds = self._build()
        self._makers = {f.kind: f.make for f in feeds}
        first, *rest = (f.rows for f in feeds)
        return first.union(*rest, all=True) if rest else first

    def load(self, using=DEFAULT_DB_ALIAS):
        """{kind: [instances]} for every feed.

        A UNION has no order of its own: each list is sorted here by the
        staff-set `position` (pages, links, banners), then newest `day`
        first, then newest row.
        """
        rows = self._statement.rows(using)
        rows_by_kind = {kind: [] for kind in self._makers}
        for row in rows:
            row = dict(zip(_NAMES, row, strict=True))
            rows_by_kind[row["kind"]].append(row)
        return {
            kind: [self._makers[kind](row) for row in sorted(rows, key=_sort_key)]
            for kind, rows in rows_by_kind.items()
        }


# The order of every branch's columns, as feed() selects them.
_NAMES = ["kind", *COLUMNS]


def _sort_key(row):
    day = row["day"].timestamp() if row["day"] else 0
    return (row["position"] or 0, -day, -row["ref"])


def content_version():
    """The shared content version, as this worker read it at most LOCAL_SECONDS ago."""
    version = _memory.get(VERSION_KEY, workercache.LOCAL_SECONDS)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            # Started from the clock, not from 1: after the cache is emptied (a
            # Redis restart) no old version number, and no page a worker keeps
            # in memory under it, can come back. Another worker may start it
            # first: then its number is the one.
            started = time.time_ns() // 1000
            added = cache.add(VERSION_KEY, started, None)
            version = started if added else cache.get(VERSION_KEY)
        _memory.set(VERSION_KEY, version)
    return version


# Sent after the version is bumped, for what this process keeps in memory.
content_changed = Signal()


def bump_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns() // 1000, None)
    content_changed.send(sender=None)


def cached(name, build, shared=True):
    """`build()` cached under the current content version, in the shared cache
    (unless not `shared`) and in this worker's memory, until
    SIDEBAR_CACHE_SECONDS after it was made.

    A value built from other cached values (a column's HTML from the blocks'
    data) counts as made when the oldest of them was, so that it expires with
    them: a scheduled item then shows at most SIDEBAR_CACHE_SECONDS late,
    not twice that.
    """
    key = f"sidebar:{name}:{content_version()}"
    made = _memory.get(key, SIDEBAR_CACHE_SECONDS)
    if made is None:
        made = cache.get(key) if shared else None
        if not _fresh(made):
            made = _build(build)
            if shared:
                seconds = made[0] + SIDEBAR_CACHE_SECONDS - time.time()
                cache.set(key, made, max(1, math.ceil(seconds)))
        _memory.set(key, made, made_at=made[0])
    building = getattr(_building, "made_at", None)
    if building:
        building[-1] = min(building[-1], made[0])
    return made[1]


def _fresh(made):
    """Whether a value read from the shared cache is (made_at, value) and not
    yet SIDEBAR_CACHE_SECONDS old (an older release stored the bare value)."""
    return isinstance(made, tuple) and time.time() - made[0] < SIDEBAR_CACHE_SECONDS


def _build(build):
    """(when the oldest cached value `build()` read was made, what it returned)."""
    if not hasattr(_building, "made_at"):
        _building.made_at = []
    stack = _building.made_at
    stack.append(time.time())
    try:
        value = build()
    finally:
        made_at = stack.pop()
    return made_at, value


# The values being built in this thread, as `cached` calls nest.
_building = threading.local()


# The version and the blocks, as this worker last read them.
_memory = workercache.Memory()
content_changed.connect(workercache.forget, dispatch_uid="workercache-forget")


# Models whose rows never show in a sidebar block.
NOT_SIDEBAR_CONTENT = {
    # The rate limit's counters of the Q&A form and lookup: a bot guessing
    # tracking codes must not empty every cache.
    "qa.AddressCount",
    "visits.VisitDay",
    "search.SearchEntry",
    "sitecontent.SiteProfile",
    "medialibrary.MediaItem",
    "medialibrary.MediaUsage",
}
CONTENT_APPS = {
    "lhh",
    "medialibrary",
    "sitecontent",
    "search",
    "visits",
    "news",
    "members",
    "documents",
    "qa",
    "gallery",
}


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for model in apps.get_models():
        label = model._meta.label
        if model._meta.app_label in CONTENT_APPS and label not in NOT_SIDEBAR_CONTENT:
            post_save.connect(_saved, sender=model, dispatch_uid=f"sidebar-save-{label}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"sidebar-del-{label}")


def _saved(sender, instance, created=False, **kwargs):
    if not isinstance(instance, VisibleModel):
        bump_version()
        return
    if instance.may_show(created):
        bump_version()
    instance.remember_visibility()


def _deleted(sender, instance, **kwargs):
    if not isinstance(instance, VisibleModel) or instance.may_show():
        bump_version()

"""The sidebar's lists in one query, cached until content changes.

The page shell shows nine blocks on every page. Queried one by one they
would cost a query each before the page's own content; instead every list
block (THÔNG TIN CHÍNH, THÔNG BÁO, VĂN BẢN MỚI, HỎI VÀ ĐÁP, HÌNH HOẠT ĐỘNG,
LIÊN KẾT, QUẢNG CÁO) is one branch of a single UNION ALL, shaped to the same
columns by `feed()`. Each app says what its block lists through a QuerySet
method returning a `Feed`, and turns a row back into an (unsaved) model
instance, so the block templates use the models' own get_absolute_url.

The UNION is built, compiled and on PostgreSQL prepared once per connection
(`Lists`, a `Statement`); what it reads is kept under the content version
(core.cache).
"""

import itertools
import weakref
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models
from django.db.models import Value
from django.db.models.functions import Cast, Now, TruncDate

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

"""The sidebar's lists, each block provided by its app, read in one query.

The page shell shows nine blocks on every page. Queried one by one they
would cost a query each before the page's own content; instead every list
block (THÔNG TIN CHÍNH, THÔNG BÁO, VĂN BẢN MỚI, HỎI VÀ ĐÁP, HÌNH HOẠT ĐỘNG,
LIÊN KẾT, QUẢNG CÁO) is one branch of a single UNION ALL, shaped to the same
columns by `feed()`. An app registers its block in its AppConfig.ready:

    sidebar.register(Article.objects.sidebar_notices)

a QuerySet method returning a `Feed`, which also turns a row back into an
(unsaved) model instance, so the block's template uses get_absolute_url().
The app's own inclusion tag reads its rows with `rows("notices")`.

The UNION is built once per process: its SQL compares with the database's
clock (NOW, TODAY), never with a time taken in Python, so it stays right;
each load runs a clone of it as ordinary ORM SQL, through the database
router. What it read is kept by each worker under the content version
(core.cache) as long as the columns' fragments.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Value
from django.db.models.functions import Cast, Now, TruncDate

from . import cache

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


# Every registered block's Feed factory, in the order registered.
_factories = []
_union = None


def register(factory):
    """Add a block: `factory()` returns its Feed (a QuerySet method)."""
    global _union
    _factories.append(factory)
    _union = None


def _build():
    global _union
    if _union is None:
        feeds = [factory() for factory in _factories]
        first, *rest = (f.rows for f in feeds)
        union = first.union(*rest, all=True) if rest else first
        _union = (union, {f.kind: f.make for f in feeds})
    return _union


def load():
    """{kind: [instances]} for every block.

    A UNION has no order of its own: each list is sorted here by the
    staff-set `position` (pages, links, banners), then newest `day` first,
    then newest row.
    """
    union, makers = _build()
    rows_by_kind = {kind: [] for kind in makers}
    for values in union.all():
        row = {name: values[f"feed_{name}"] for name in _NAMES}
        rows_by_kind[row["kind"]].append(row)
    return {
        kind: [makers[kind](row) for row in sorted(rows, key=_sort_key)]
        for kind, rows in rows_by_kind.items()
    }


def rows(kind):
    """The instances a block shows, kept by this worker until the content
    changes (read only to render a column missing from the fragment cache)."""
    blocks = cache.cached("sidebar-blocks", load, timeout=cache.FRAGMENT_SECONDS, alias="local")
    return blocks[kind]


# The order of every branch's columns, as feed() selects them.
_NAMES = ["kind", *COLUMNS]


def _sort_key(row):
    day = row["day"].timestamp() if row["day"] else 0
    return (row["position"] or 0, -day, -row["ref"])

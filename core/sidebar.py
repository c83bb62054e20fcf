"""The sidebar's lists, each block provided by its app, read in one query.

The page shell shows nine blocks on every page. Queried one by one they
would cost a query each before the page's own content; instead every list
block (THÔNG TIN CHÍNH, THÔNG BÁO, VĂN BẢN MỚI, HỎI VÀ ĐÁP, HÌNH HOẠT ĐỘNG,
LIÊN KẾT, QUẢNG CÁO) is one branch of a single UNION ALL, shaped to the same
columns by `feed()`. An app registers its block in its AppConfig.ready:

    sidebar.register(Article.objects.sidebar_notices)

a QuerySet method returning a `Feed`, which also turns a row back into an
(unsaved) model instance, so the block's template uses get_absolute_url().
The app's own inclusion tag (takes_context) reads its rows with
`rows(context, "notices")`.

The UNION is built once per process: its SQL compares with the database's
clock (NOW, TODAY), never with a time taken in Python, so it stays right;
each load runs a clone of it as ordinary ORM SQL, through the database
router. What it read is not kept: the sidebar's {% cache %} fragments are
(core.cache); it runs at most once per page, however many blocks the page
draws.
"""

from dataclasses import dataclass
from typing import Any

from django.db import connections, models, router
from django.db.models import Value
from django.db.models.expressions import RawSQL
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

# A column's type, for a NULL in its place (PostgreSQL types a bare NULL as
# text across a UNION), and the model fields whose values need no CAST to
# stand in it: PostgreSQL unites them by itself, and Django converts them
# alike on SQLite.
_SQL_TYPES = {
    "BigIntegerField": "bigint",
    "IntegerField": "integer",
    "TextField": "text",
    "DateTimeField": "timestamp with time zone",
}
_INTEGERS = {
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SmallIntegerField",
}
_UNCAST = {
    "BigIntegerField": {"AutoField", "BigAutoField", "BigIntegerField", *_INTEGERS},
    "IntegerField": _INTEGERS,
    "TextField": {"CharField", "TextField", "SlugField", "URLField", "FileField", "ImageField"},
    "DateTimeField": {"DateTimeField"},
}


@dataclass
class Feed:
    """One block's rows: `rows` is a UNION-ready values() queryset."""

    kind: str
    rows: Any
    make: Any


def feed(kind, queryset, limit, make, **columns):
    """The first `limit` rows of `queryset`, as a branch of the sidebar UNION.

    `columns` maps names of COLUMNS to field paths on the model
    ("category__slug"; "pk" is `ref` by default); a column left out is a
    NULL of its type. A field is CAST only where its type differs from the
    column's. Where the database takes LIMIT inside a compound SELECT
    (PostgreSQL) each branch is sliced; elsewhere (SQLite) the slice sits in
    a `pk IN (…)` subquery. The order is restored in Python either way.
    """
    model = queryset.model
    columns.setdefault("ref", "pk")
    shaped = {"feed_kind": Value(kind, output_field=models.TextField())}
    for name, field in COLUMNS.items():
        column_type = field.get_internal_type()
        path = columns.get(name)
        if path is None:
            expression = RawSQL(f"CAST(NULL AS {_SQL_TYPES[column_type]})", (), output_field=field)
        elif _model_field(model, path).get_internal_type() in _UNCAST[column_type]:
            expression = models.F(path)
        else:
            expression = Cast(models.F(path), output_field=field)
        shaped[f"feed_{name}"] = expression
    if connections[router.db_for_read(model)].features.supports_slicing_ordering_in_compound:
        rows = queryset.annotate(**shaped).values(*shaped)[:limit]
    else:
        picked = model._base_manager.filter(pk__in=queryset.values("pk")[:limit])
        rows = picked.annotate(**shaped).values(*shaped).order_by()
    return Feed(kind, rows, make)


def _model_field(model, path):
    """The field a lookup path such as "category__slug" ends on."""
    if path == "pk":
        return model._meta.pk
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


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


def blocks():
    """{kind: [instances]} for every block, read only to draw a part of the
    sidebar missing from the fragment cache. Not kept beyond the page: the
    parts that need it expire together, so the fragments are the cache."""
    return load()


def rows(context, kind):
    """The instances a block shows. Read once per page: the context's
    `sidebar_blocks` (core.context_processors.cache) is lazy and kept for
    the request, however many blocks and columns are drawn."""
    found = context.get("sidebar_blocks")
    return (blocks() if found is None else found)[kind]


# The order of every branch's columns, as feed() selects them.
_NAMES = ["kind", *COLUMNS]


def _sort_key(row):
    day = row["day"].timestamp() if row["day"] else 0
    return (row["position"] or 0, -day, -row["ref"])

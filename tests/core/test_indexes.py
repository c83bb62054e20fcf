"""The trigram indexes are declared (core.indexes.TrigramIndex) and hold on
both databases: GIN on PostgreSQL, an ordinary index on SQLite."""

import pytest
from django.db import connection, models

from search.models import SearchEntry

TRIGRAM_INDEXES = {
    SearchEntry: ["search_entry_folded_trgm", "search_entry_title_folded_trgm"],
}


def indexes_of(model):
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, model._meta.db_table)


@pytest.mark.django_db
@pytest.mark.parametrize("model", TRIGRAM_INDEXES, ids=lambda m: m._meta.label)
def test_each_trigram_index_exists_and_is_gin_on_postgresql(model):
    found = indexes_of(model)
    for name in TRIGRAM_INDEXES[model]:
        assert name in found, name
        if connection.vendor == "postgresql":
            assert found[name]["type"] == "gin", name


@pytest.mark.django_db(transaction=True)
def test_a_table_rebuilt_by_sqlite_keeps_its_declared_indexes():
    """SQLite rebuilds a table to alter a column, creating every index of
    Meta.indexes again: a GIN index there would fail."""
    old = SearchEntry._meta.get_field("title")
    wider = models.CharField("tiêu đề", max_length=600)
    wider.set_attributes_from_name("title")
    wider.model = SearchEntry
    with connection.schema_editor() as editor:
        editor.alter_field(SearchEntry, old, wider)
    try:
        assert set(TRIGRAM_INDEXES[SearchEntry]) <= set(indexes_of(SearchEntry))
    finally:
        with connection.schema_editor() as editor:
            editor.alter_field(SearchEntry, wider, old)

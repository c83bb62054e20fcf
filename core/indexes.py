"""Index classes the models declare, so that Django tracks them."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import models


class TrigramIndex(GinIndex):
    """A trigram index (pg_trgm's gin_trgm_ops), serving LIKE '% word%' on
    PostgreSQL; elsewhere (SQLite, for `make run` and the tests) an ordinary
    index on the same columns.

    The fallback matters beyond the first migration: SQLite rebuilds a table
    from its Meta.indexes on most changes to it, and has no GIN. pg_trgm is
    created by the migration that first adds such an index
    (django.contrib.postgres.operations.TrigramExtension).
    """

    def __init__(self, *, fields, name, **kwargs):
        kwargs.pop("opclasses", None)
        super().__init__(
            fields=fields, name=name, opclasses=["gin_trgm_ops"] * len(fields), **kwargs
        )

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        return models.Index(fields=self.fields, name=self.name).create_sql(
            model, schema_editor, **kwargs
        )

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("opclasses", None)
        return path, args, kwargs


class KeepTrigramExtension(TrigramExtension):
    """pg_trgm, created if missing and never dropped when a migration is
    reversed: indexes made by earlier migrations need it. Nothing happens on
    other databases, either way."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

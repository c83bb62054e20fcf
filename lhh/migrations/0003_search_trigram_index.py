"""Trigram GIN index for search on PostgreSQL; SQLite keeps its plain scan.

pg_trgm ships with PostgreSQL; creating the extension needs a role allowed
to do so (the database owner on PostgreSQL 13+, as pg_trgm is "trusted").
"""

from django.db import migrations

INDEXES = [
    ("search_entry_folded_trgm", "folded"),
    ("search_entry_title_folded_trgm", "title_folded"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON lhh_searchentry "
            f"USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("lhh", "0002_search_entry")]

    operations = [migrations.RunPython(create, drop)]

"""Trigram GIN index on a document's search text, on PostgreSQL.

The list's `q` filter is a LIKE per word on the search text (number,
summary and the files' text). Without an index every query read every
document: 130 ms among 10,000 for "582/QĐ-UBND". With it, a rare word (a
number, a year) reads only the documents that have it: under 1 ms. SQLite
keeps its plain scan. pg_trgm is created by lhh's migration 0003.
"""

from django.db import migrations

NAME = "document_search_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON documents_document "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_van_thu_group"),
        ("lhh", "0003_search_trigram_index"),
    ]

    operations = [migrations.RunPython(create, drop)]

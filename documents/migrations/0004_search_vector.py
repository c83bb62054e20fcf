"""A document's words as a tsvector with a GIN index, on PostgreSQL.

The list's `q` filter looked for each word with a LIKE on the search text,
served by a trigram index (0003). For a common word ("khoa học") the
trigram index matches nearly every document, each of whose texts is then
read again; and since PostgreSQL keeps no statistics on texts longer than
1 KB, it guessed that 34 of 10,000 documents matched instead of 9,500,
sorting them all rather than walking the issue-date index: 28 ms for a
page, 26 ms for its count. A generated column of each document's distinct
words answers from its GIN index, with statistics the planner can use:
1.8 ms and 11 ms. core.fields.WordsField queries it; SQLite keeps its LIKEs.

The column is generated from search_text, so a later migration that
changes search_text's type on PostgreSQL must drop it first.
"""

from django.db import migrations

import core.fields

TRIGRAM_INDEX = "document_search_text_trgm"
COLUMN = "search_vector"
INDEX = "document_search_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    schema_editor.execute(
        f"ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({core.fields.vector_column_sql('search_text')}) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON documents_document USING gin ({COLUMN})"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE documents_document DROP COLUMN IF EXISTS {COLUMN}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON documents_document "
        "USING gin (search_text gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_search_text_trigram_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="document",
            name="search_text",
            field=core.fields.WordsField(
                blank=True,
                editable=False,
                vector_column="search_vector",
                verbose_name="nội dung tra cứu",
            ),
        ),
        migrations.RunPython(create, drop),
    ]

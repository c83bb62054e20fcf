"""The trigram indexes, declared so that Django tracks them.

On PostgreSQL they exist already, made by lhh 0003's hand-written SQL under
these names and with the same definition: the state learns of them and the
database is left as it is (but for pg_trgm, created if missing). Elsewhere
(SQLite) they are made as the ordinary indexes core.indexes.TrigramIndex
stands for there.
"""

from django.db import migrations

import core.indexes

INDEXES = [("folded", "search_entry_folded_trgm"), ("title_folded", "search_entry_title_folded_trgm")]


def other_databases(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        return
    model = apps.get_model("search", "searchentry")
    for field, name in INDEXES:
        schema_editor.add_index(model, core.indexes.TrigramIndex(fields=[field], name=name))


def other_databases_back(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        return
    model = apps.get_model("search", "searchentry")
    for field, name in INDEXES:
        schema_editor.remove_index(model, core.indexes.TrigramIndex(fields=[field], name=name))


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                core.indexes.KeepTrigramExtension(),
                migrations.RunPython(other_databases, other_databases_back),
            ],
            state_operations=[
                migrations.AddIndex(
                    model_name="searchentry",
                    index=core.indexes.TrigramIndex(fields=["folded"], name="search_entry_folded_trgm"),
                ),
                migrations.AddIndex(
                    model_name="searchentry",
                    index=core.indexes.TrigramIndex(fields=["title_folded"], name="search_entry_title_folded_trgm"),
                ),
            ],
        )
    ]

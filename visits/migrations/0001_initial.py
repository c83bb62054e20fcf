"""The visit counter's days move here from lhh, table and rows untouched.

State only, as for the media library (medialibrary 0001): the tables keep
their names, and core.moves renames the content types in place (and the
model labels in any version history).
"""

from django.db import migrations, models

from core.moves import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("lhh", "0013_move_sitecontent_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='VisitDay',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(unique=True, verbose_name='ngày')),
                        ('count', models.PositiveIntegerField(default=0, verbose_name='số lượt')),
                    ],
                    options={
                        'verbose_name': 'lượt truy cập trong ngày',
                        'verbose_name_plural': 'lượt truy cập theo ngày',
                        'db_table': 'lhh_visitday',
                        'ordering': ["-day"],
                    },
                ),
            ],
        ),
        move_content_types("lhh", "visits", ["visitday"]),
    ]

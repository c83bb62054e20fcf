"""The site-wide search index moves here from lhh, table and rows untouched.

State only, as for the media library (medialibrary 0001): the tables keep
their names, and core.moves renames the content types in place (and the
model labels in any version history).
"""

import django.db.models.deletion
from django.db import migrations, models

import core.fields
from core.moves import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("lhh", "0014_move_visits_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='SearchEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('kind', models.CharField(max_length=20, verbose_name='loại')),
                        ('title', models.CharField(max_length=500, verbose_name='tiêu đề')),
                        ('body', models.TextField(blank=True, verbose_name='nội dung')),
                        ('url', models.CharField(max_length=500, verbose_name='đường dẫn')),
                        ('date', models.DateTimeField(verbose_name='ngày')),
                        ('is_public', models.BooleanField(default=True, verbose_name='công khai')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='thời điểm đăng')),
                        ('title_exact', core.fields.WordsField(editable=False)),
                        ('title_folded', core.fields.WordsField(editable=False)),
                        ('exact', core.fields.WordsField(editable=False)),
                        ('folded', core.fields.WordsField(editable=False)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ],
                    options={
                        'verbose_name': 'mục tìm kiếm',
                        'verbose_name_plural': 'chỉ mục tìm kiếm',
                        'db_table': 'lhh_searchentry',
                        'indexes': [models.Index(fields=['kind', 'date'], name='search_entry_kind_date_idx'), models.Index(fields=['-date', '-id'], name='search_entry_newest_idx')],
                        'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='search_entry_unique_object')],
                    },
                ),
            ],
        ),
        move_content_types("lhh", "search", ["searchentry"]),
    ]

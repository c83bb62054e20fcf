"""The media library moves here from lhh, its tables and rows untouched.

State only: the tables were made by lhh 0011 and keep their names. The
content types are renamed in place (core.moves), so permissions, group
grants, usage rows and version history keep pointing at the same models.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.fields
from core.moves import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("lhh", "0011_media_library"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='MediaItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', core.fields.UploadImageField(height_field='height', upload_to='editor/%Y/%m/', verbose_name='tệp ảnh', width_field='width')),
                        ('width', models.PositiveIntegerField(editable=False, null=True, verbose_name='chiều rộng')),
                        ('height', models.PositiveIntegerField(editable=False, null=True, verbose_name='chiều cao')),
                        ('alt_text', models.CharField(blank=True, help_text='Tả ngắn nội dung ảnh cho người không xem được ảnh (trình đọc màn hình).', max_length=300, verbose_name='chữ thay thế')),
                        ('caption', models.CharField(blank=True, max_length=500, verbose_name='chú thích')),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='tải lên lúc')),
                        ('uploaded_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người tải lên')),
                    ],
                    options={
                        'db_table': 'lhh_mediaitem',
                        'verbose_name': 'tệp trong thư viện',
                        'verbose_name_plural': 'thư viện tệp',
                        'ordering': ['-uploaded_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='MediaUsage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='usages', to='medialibrary.mediaitem', verbose_name='tệp')),
                    ],
                    options={
                        'db_table': 'lhh_mediausage',
                        'verbose_name': 'chỗ dùng tệp',
                        'verbose_name_plural': 'chỗ dùng tệp',
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='media_usage_object_idx')],
                        'constraints': [models.UniqueConstraint(fields=('item', 'content_type', 'object_id'), name='media_usage_unique')],
                    },
                ),
            ],
        ),
        move_content_types("lhh", "medialibrary", ["mediaitem", "mediausage"]),
    ]

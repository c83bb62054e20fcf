"""Number the photos 1, 2, 3… in the order visitors see them, within each album.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_photos(apps, schema_editor):
    Photo = apps.get_model("gallery", "Photo")
    rows = list(Photo.objects.order_by("album_id", "order", "pk"))
    position, parent = 0, None
    for row in rows:
        if row.album_id != parent:
            position, parent = 0, row.album_id
        position += 1
        row.order = position
    Photo.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0005_server_named_uploads"),
    ]

    operations = [
        migrations.RunPython(number_photos, migrations.RunPython.noop, elidable=True),
    ]

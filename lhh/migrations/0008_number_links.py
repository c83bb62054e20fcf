"""Number the links (LIÊN KẾT) 1, 2, 3… in the order visitors see them.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_links(apps, schema_editor):
    Link = apps.get_model("lhh", "Link")
    rows = list(Link.objects.order_by("order", "title", "pk"))
    for position, row in enumerate(rows, start=1):
        row.order = position
    Link.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0007_server_named_uploads"),
    ]

    operations = [
        migrations.RunPython(number_links, migrations.RunPython.noop, elidable=True),
    ]

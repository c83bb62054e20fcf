"""Number the banners (QUẢNG CÁO) 1, 2, 3… in the order visitors see them.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_banners(apps, schema_editor):
    Banner = apps.get_model("lhh", "Banner")
    rows = list(Banner.objects.order_by("order", "title", "pk"))
    for position, row in enumerate(rows, start=1):
        row.order = position
    Banner.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0008_number_links"),
    ]

    operations = [
        migrations.RunPython(number_banners, migrations.RunPython.noop, elidable=True),
    ]

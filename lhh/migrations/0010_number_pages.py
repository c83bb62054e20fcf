"""Number the pages (THÔNG TIN CHÍNH) 1, 2, 3… in the order visitors see them.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_pages(apps, schema_editor):
    Page = apps.get_model("lhh", "Page")
    rows = list(Page.objects.order_by("order", "title", "pk"))
    for position, row in enumerate(rows, start=1):
        row.order = position
    Page.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0009_number_banners"),
    ]

    operations = [
        migrations.RunPython(number_pages, migrations.RunPython.noop, elidable=True),
    ]

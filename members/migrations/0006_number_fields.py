"""Number the fields of activity (lĩnh vực) 1, 2, 3… in the order visitors see them.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_fields(apps, schema_editor):
    Field = apps.get_model("members", "Field")
    rows = list(Field.objects.order_by("order", "name", "pk"))
    for position, row in enumerate(rows, start=1):
        row.order = position
    Field.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_number_organizations"),
    ]

    operations = [
        migrations.RunPython(number_fields, migrations.RunPython.noop, elidable=True),
    ]

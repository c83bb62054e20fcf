"""Number the organization groups 1, 2, 3… in the order visitors see them.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_groups(apps, schema_editor):
    OrganizationGroup = apps.get_model("members", "OrganizationGroup")
    rows = list(OrganizationGroup.objects.order_by("order", "name", "pk"))
    for position, row in enumerate(rows, start=1):
        row.order = position
    OrganizationGroup.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_verbose_name_field"),
    ]

    operations = [
        migrations.RunPython(number_groups, migrations.RunPython.noop, elidable=True),
    ]

"""Number the organizations 1, 2, 3… in the order visitors see them, within each group.

Drag and drop in the admin (django-admin-sortable2) counts on distinct
numbers: rows left at 0 or sharing a number would move unpredictably.
"""

from django.db import migrations


def number_organizations(apps, schema_editor):
    Organization = apps.get_model("members", "Organization")
    rows = list(Organization.objects.order_by("group_id", "order", "name", "pk"))
    position, parent = 0, None
    for row in rows:
        if row.group_id != parent:
            position, parent = 0, row.group_id
        position += 1
        row.order = position
    Organization.objects.bulk_update(rows, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_number_groups"),
    ]

    operations = [
        migrations.RunPython(number_organizations, migrations.RunPython.noop, elidable=True),
    ]

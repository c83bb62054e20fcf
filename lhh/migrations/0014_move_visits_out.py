"""These models now belong to the visits app (its 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0013_move_sitecontent_out"),
        ("visits", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel("VisitDay"),
            ],
        )
    ]

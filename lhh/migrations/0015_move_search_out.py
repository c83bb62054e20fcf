"""These models now belong to the search app (its 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0014_move_visits_out"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel("SearchEntry"),
            ],
        )
    ]

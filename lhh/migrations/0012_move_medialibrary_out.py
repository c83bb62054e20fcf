"""The media library's models now belong to the medialibrary app (its 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0011_media_library"),
        ("medialibrary", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel("MediaUsage"),
                migrations.DeleteModel("MediaItem"),
            ],
        )
    ]

"""The site's own content now belongs to the sitecontent app (its 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lhh", "0012_move_medialibrary_out"),
        ("sitecontent", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel("Banner"),
                migrations.DeleteModel("Link"),
                migrations.DeleteModel("Page"),
                migrations.DeleteModel("SiteProfile"),
            ],
        )
    ]

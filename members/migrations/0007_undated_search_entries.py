"""Organizations' search entries lose their date (search.models.UNDATED):
an organization is not news, and the time it was last saved ranked it above
newer articles. What saving each organization again would store, in one
UPDATE."""

import datetime

from django.db import migrations

UNDATED = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def undate(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    SearchEntry = apps.get_model("search", "SearchEntry")
    content_type = ContentType.objects.filter(app_label="members", model="organization").first()
    if content_type is not None:
        SearchEntry.objects.filter(content_type=content_type).update(date=UNDATED)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0006_number_fields"),
        ("search", "0002_declared_trigram_indexes"),
    ]

    # Going back leaves the dates as they are: a rebuild of the index
    # (manage.py rebuild_search_index) makes them what that code stores.
    operations = [migrations.RunPython(undate, migrations.RunPython.noop)]

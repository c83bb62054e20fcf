"""Moving a model to another app without touching its rows.

The model's table stays where it is (the new app's model keeps `db_table`);
what names the model by its app label is renamed in place:

- its ContentType row keeps its id and gets the new app label, so every
  permission (and the group and user grants on it), every generic relation
  (search entries, media usage, the admin's log) still points at it;
- django-reversion stores each version as JSON naming the model
  ("lhh.page"): those labels are rewritten, or the history could no longer
  be read or reverted.

Used in the new app's first migration, after its state-only CreateModel:

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[...]),
        move_content_types("lhh", "medialibrary", ["mediaitem", "mediausage"]),
    ]
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations


def _move(apps, schema_editor, old, new, names):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    for name in names:
        content_type = ContentType.objects.using(db).filter(app_label=old, model=name).first()
        if content_type is None:
            # A fresh database: post_migrate creates the new content type.
            continue
        # One made for the new label by an earlier, interrupted upgrade goes
        # (with the default permissions post_migrate gave it).
        ContentType.objects.using(db).filter(app_label=new, model=name).delete()
        content_type.app_label = new
        content_type.save(update_fields=["app_label"])
        versions = []
        for version in Version.objects.using(db).filter(content_type=content_type, format="json"):
            data = json.loads(version.serialized_data)
            for obj in data:
                if obj.get("model") == f"{old}.{name}":
                    obj["model"] = f"{new}.{name}"
            version.serialized_data = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
            versions.append(version)
        Version.objects.using(db).bulk_update(versions, ["serialized_data"], batch_size=500)
    ContentType.objects.clear_cache()


def move_content_types(old, new, names):
    """A RunPython giving `old`'s models `names` the app label `new`; its
    reverse gives them back."""
    return migrations.RunPython(
        lambda apps, schema_editor: _move(apps, schema_editor, old, new, names),
        lambda apps, schema_editor: _move(apps, schema_editor, new, old, names),
        elidable=False,
    )

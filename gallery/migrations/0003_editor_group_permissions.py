from django.db import migrations

from news.groups import EDITOR_GROUP, grant_editor_permissions

# Editors (biên tập viên) upload and caption the albums too.
GALLERY_MODELS = {"gallery": ["album", "photo"]}


def grant(apps, schema_editor):
    grant_editor_permissions(apps, GALLERY_MODELS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="gallery"))


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0002_album_article"),
        ("news", "0002_editor_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

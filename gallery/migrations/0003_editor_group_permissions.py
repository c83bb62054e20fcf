from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Biên tập viên"
ACTIONS = ("add", "change", "delete", "view")


def grant_editor_permissions(apps, models_by_app):
    """Give the editor group every action on the listed models (frozen here:
    the live definition of the groups is lhh.groups).

    Permissions are normally created after the whole migrate run, so they
    are created here first for the apps concerned.
    """
    for app_label in models_by_app:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    for app_label, model_names in models_by_app.items():
        codenames = [f"{action}_{model}" for model in model_names for action in ACTIONS]
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        group.permissions.add(*permissions)


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

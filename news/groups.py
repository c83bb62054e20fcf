"""The staff group "Biên tập viên" (editors) and its permissions.

Migrations call `grant_editor_permissions` with their historical `apps`;
another app (the gallery) extends the group from its own data migration:

    from news.groups import grant_editor_permissions

    def grant(apps, schema_editor):
        grant_editor_permissions(apps, {"gallery": ["album", "photo"]})
"""

from django.contrib.auth.management import create_permissions

EDITOR_GROUP = "Biên tập viên"
ACTIONS = ("add", "change", "delete", "view")


def grant_editor_permissions(apps, models_by_app):
    """Give the editor group every action on the listed models.

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

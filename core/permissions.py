"""Permission names in Vietnamese ("Được thêm tin bài"), set after every migrate.

Django stores a permission's name in auth_permission when it creates it, as
"Can add <verbose_name>" in English whatever the language: the name is data,
not a message a catalogue could translate, and staff read it in the user and
group permission picker. This post_migrate handler runs for each app right
after Django has created that app's permissions, and renames them from the
model's verbose_name in LANGUAGE_CODE: a model added later is covered by the
migrate that creates it, a flush (which re-creates permissions) by the same
signal, and a custom permission given with gettext_lazy is stored translated.
A data migration would add nothing: every upgrade runs migrate.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.db import DEFAULT_DB_ALIAS, router
from django.utils import translation

VERBS = {"add": "thêm", "change": "sửa", "delete": "xóa", "view": "xem"}


def vietnamese_names(model):
    """{codename: name} for a model's permissions, in the active language."""
    opts = model._meta
    names = {
        get_permission_codename(action, opts): f"Được {VERBS[action]} {opts.verbose_name}"
        for action in opts.default_permissions
        if action in VERBS
    }
    names.update((codename, str(name)) for codename, name in opts.permissions)
    return {codename: name[:255] for codename, name in names.items()}


def name_permissions_in_vietnamese(app_config, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    # A flush sends post_migrate without `apps`; auth's create_permissions
    # then uses the global registry too, and so must this.
    if not app_config.models_module:
        return
    try:
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    if not router.allow_migrate_model(using, Permission):
        return
    with translation.override(settings.LANGUAGE_CODE):
        wanted = {
            (model._meta.model_name, codename): name
            for model in app_config.get_models()
            for codename, name in vietnamese_names(model).items()
        }
    permissions = Permission.objects.using(using).filter(content_type__app_label=app_config.label)
    renamed = []
    for permission in permissions.select_related("content_type"):
        name = wanted.get((permission.content_type.model, permission.codename))
        if name and permission.name != name:
            permission.name = name
            renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])

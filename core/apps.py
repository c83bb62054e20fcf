from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base every app builds on: publishing, fields, text, sanitizing,
    uploads and their checks, media serving, admin helpers. It imports no
    other app of the project."""

    name = "core"
    verbose_name = "Nền tảng"
    # This module also holds ContentAppConfig, for other apps: this is core's.
    default = True

    def ready(self):
        from django.core.signals import setting_changed
        from django.db.models.signals import post_migrate

        from . import addresses, permissions

        setting_changed.connect(addresses.forget, dispatch_uid="core-addresses")

        # For every app, after Django has created its permissions (auth's
        # handler is connected first, auth being installed before core).
        post_migrate.connect(
            permissions.name_permissions_in_vietnamese, dispatch_uid="core-permission-names"
        )


class ContentAppConfig(AppConfig):
    """An app whose rows visitors read.

    Every model's text is cleaned before it is saved (core.text), and a save
    or delete of a row visitors may see bumps the content version
    (core.cache), except for `private_models` (model names), whose rows
    never show. An app with its own ready() calls super().ready(). Import
    the module, not the class (`from core import apps`): Django takes the one
    AppConfig class an apps.py holds as the app's config.
    """

    private_models = ()

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from . import cache, text

        for model in self.get_models():
            label = model._meta.label
            pre_save.connect(text.clean_text_fields, sender=model, dispatch_uid=f"text-{label}")
            if model._meta.model_name in self.private_models:
                continue
            post_save.connect(cache.content_saved, sender=model, dispatch_uid=f"cache-{label}")
            post_delete.connect(
                cache.content_deleted, sender=model, dispatch_uid=f"cache-del-{label}"
            )

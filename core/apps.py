from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base every app builds on: publishing, fields, text, sanitizing,
    uploads and their checks, media serving, admin helpers. It imports no
    other app of the project."""

    name = "core"
    verbose_name = "Nền tảng"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import permissions

        # For every app, after Django has created its permissions (auth's
        # handler is connected first, auth being installed before core).
        post_migrate.connect(
            permissions.name_permissions_in_vietnamese, dispatch_uid="core-permission-names"
        )

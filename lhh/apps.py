from django.apps import AppConfig


class LhhConfig(AppConfig):
    name = "lhh"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate, pre_save

        from core import text

        from . import groups, sidebar

        sidebar.connect_signals()
        for model in apps.get_models():
            if model._meta.app_label in sidebar.CONTENT_APPS:
                pre_save.connect(
                    text.clean_text_fields, sender=model, dispatch_uid=f"text-{model._meta.label}"
                )
        # After the last project app, when every app's permissions exist.
        post_migrate.connect(
            groups.ensure_staff_groups,
            sender=apps.get_app_config("gallery"),
            dispatch_uid="lhh-staff-groups",
        )

from django.apps import AppConfig


class LhhConfig(AppConfig):
    """The project: settings, root URLs, home page and site map, the staff
    groups, the admin's desk. Installed last, above every app it uses."""

    name = "lhh"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import groups

        # After the last app's migrations, when every app's permissions exist.
        post_migrate.connect(
            groups.ensure_staff_groups, sender=self, dispatch_uid="lhh-staff-groups"
        )

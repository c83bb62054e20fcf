from django.apps import AppConfig


class LhhConfig(AppConfig):
    """The project: settings, root URLs, home page and site map, the staff
    groups, the admin's desk. Installed last, above every app it uses."""

    name = "lhh"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.signals import reviewed

        from . import groups, notifications

        # After the last app's migrations, when every app's permissions exist.
        post_migrate.connect(
            groups.ensure_staff_groups, sender=self, dispatch_uid="lhh-staff-groups"
        )
        # The emails of editorial review: to the approvers, to the author.
        reviewed.connect(notifications.notify, dispatch_uid="lhh-review-notifications")

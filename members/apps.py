from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Tổ chức thành viên"

    def ready(self):
        from medialibrary import usage
        from search import registry

        from .models import Organization

        # Which library images each organization's introduction shows.
        usage.track(Organization, "description")
        registry.register(Organization, slug="to-chuc", label="Tổ chức thành viên", position=50)

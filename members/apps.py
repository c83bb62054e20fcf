from core import apps


class MembersConfig(apps.ContentAppConfig):
    name = "members"
    verbose_name = "Tổ chức thành viên"

    def ready(self):
        from medialibrary import usage
        from search import registry

        from .models import Organization

        super().ready()
        # Which library images each organization's introduction shows.
        usage.track(Organization, "description")
        registry.register(Organization, slug="to-chuc", label="Tổ chức thành viên", position=50)

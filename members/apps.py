from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Tổ chức thành viên"

    def ready(self):
        from lhh import library

        from .models import Organization

        # Which library images each organization's introduction shows.
        library.track(Organization, "description")

from core import apps


class BulletinsConfig(apps.ContentAppConfig):
    name = "bulletins"
    verbose_name = "Bản tin"

    def ready(self):
        from core import media
        from search import registry

        from .models import Issue

        super().ready()
        # A draft or scheduled issue's PDF and cover (and the cover's
        # renditions) are not for visitors, by their storage address either.
        media.protect("ban-tin/pdf/", Issue.objects.published, "pdf", "bulletins.view_issue")
        media.protect("ban-tin/bia/", Issue.objects.published, "cover", "bulletins.view_issue")
        registry.register(Issue, slug="ban-tin", label="Bản tin", position=35)

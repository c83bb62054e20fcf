from core import apps


class ContestsConfig(apps.ContentAppConfig):
    name = "contests"
    verbose_name = "Cuộc thi, giải thưởng"

    def ready(self):
        from core import media
        from search import registry

        from .models import Programme, ProgrammeFile

        super().ready()
        # A draft programme's forms are not the visitors' by their address.
        media.protect(
            "cuoc-thi/", ProgrammeFile.objects.published, "file", "contests.view_programme"
        )
        registry.register(Programme, slug="cuoc-thi", label="Cuộc thi, giải thưởng", position=37)

from core.sitemaps import ContentSitemap

from .models import Programme


class ProgrammeSitemap(ContentSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Programme.objects.published().only("slug", "updated_at")

    def lastmod(self, programme):
        return programme.updated_at

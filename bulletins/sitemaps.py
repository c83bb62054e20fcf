from core.sitemaps import ContentSitemap

from .models import Issue


class IssueSitemap(ContentSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Issue.objects.published().only("slug", "updated_at").order_by("-issued_on", "-id")

    def lastmod(self, issue):
        return issue.updated_at

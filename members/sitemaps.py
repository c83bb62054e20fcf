from core.sitemaps import ContentSitemap

from .models import Organization, OrganizationGroup


class MemberSitemap(ContentSitemap):
    """The member groups and the active organizations' profiles."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        groups = list(OrganizationGroup.objects.all())
        organizations = list(Organization.objects.active().select_related("group"))
        return groups + organizations

    def lastmod(self, item):
        return item.updated_at

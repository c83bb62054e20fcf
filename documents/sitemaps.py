from core.sitemaps import ContentSitemap

from .models import Document, DocumentFile


class DocumentSitemap(ContentSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Document.objects.published().only("slug", "updated_at").order_by("-issued_on", "-id")

    def lastmod(self, document):
        return document.updated_at


class DocumentFileSitemap(ContentSitemap):
    """The files of published documents; crawlers' fetches are not counted."""

    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return (
            DocumentFile.objects.filter(document__in=Document.objects.published())
            .select_related("document")
            .only("id", "uploaded_at", "document__slug")
            .order_by("id")
        )

    def lastmod(self, document_file):
        return document_file.uploaded_at

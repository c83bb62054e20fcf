from django.utils.translation import get_language

from core.sitemaps import ContentSitemap

from .models import Page


class PageSitemap(ContentSitemap):
    """The pages, and those translated once more in English with each
    naming the other (Django's i18n sitemap: hreflang alternates)."""

    changefreq = "monthly"
    priority = 0.6
    i18n = True
    alternates = True

    def items(self):
        return Page.objects.published()

    def get_languages_for_item(self, page):
        return ["vi", "en"] if page.is_translated else ["vi"]

    def location(self, page):
        return page.get_english_url() if get_language() == "en" else page.get_absolute_url()

    def lastmod(self, page):
        return page.updated_at

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import get_language


class StaticViewSitemap(Sitemap):
    """The home page, and the English section's (/en/), each naming the other."""

    changefreq = "daily"
    priority = 1.0
    i18n = True
    alternates = True
    languages = ["vi", "en"]

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse("english:home" if get_language() == "en" else "lhh:home")

from django.urls import reverse

from core.sitemaps import ContentSitemap

from .models import Event


class EventSitemap(ContentSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Event.objects.published().only("slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


class EventIndexSitemap(ContentSitemap):
    """The event lists and this month's calendar."""

    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["events:list", "events:past", "events:calendar"]

    def location(self, item):
        return reverse(item)

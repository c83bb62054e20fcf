from django.contrib.syndication.views import Feed
from django.urls import reverse

from core.feeds import XmlSafeRssFeed
from sitecontent.models import SiteProfile

from .models import Event

FEED_SIZE = 20


class LatestEventsFeed(Feed):
    """The newest announced events (RSS), each with its date and place."""

    feed_type = XmlSafeRssFeed
    language = "vi"
    description_template = None

    def title(self):
        return f"Sự kiện – {SiteProfile.load().name}"

    def link(self):
        return reverse("events:list")

    def description(self):
        return f"Hội thảo, tập huấn, đại hội và các sự kiện khác của {SiteProfile.load().name}."

    def items(self):
        return (
            Event.objects.published()
            .select_related("organization")
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        lines = [f"Thời gian: {event.when_in_words}."]
        if event.place:
            lines.append(f"Địa điểm: {event.place}.")
        if event.summary:
            lines.append(event.summary)
        return " ".join(lines)

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

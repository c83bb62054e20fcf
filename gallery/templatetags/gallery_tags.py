from django import template
from django.db.models import Count, Prefetch

from core import sidebar

from ..models import Album, Photo

register = template.Library()

ARTICLE_PREVIEW_PHOTOS = 8


@register.inclusion_tag("gallery/article_album.html")
def article_album(article):
    """The published album of a news article, with a few of its photos.

    Two queries whatever the album's size: {% article_album article %}.
    """
    if article is None or getattr(article, "pk", None) is None:
        return {"album": None}
    preview = Prefetch(
        "photos",
        queryset=Photo.objects.order_by("order", "pk")[:ARTICLE_PREVIEW_PHOTOS],
        to_attr="preview_photos",
    )
    album = (
        Album.objects.published()
        .filter(article=article)
        .annotate(photo_count=Count("photos"))
        .prefetch_related(preview)
        .order_by("-published_at", "-pk")
        .first()
    )
    return {"album": album}


@register.inclusion_tag("gallery/sidebar/latest_photos.html", takes_context=True)
def latest_photos(context):
    """HÌNH HOẠT ĐỘNG."""
    return {"photos": sidebar.rows(context, "photos")}

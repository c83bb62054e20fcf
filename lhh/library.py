"""The media library: which library items a rich-text body shows.

An app whose model has a rich-text field asks for its usage to be kept, in
its AppConfig.ready:

    library.track(Article, "body")

Each save of such an object (from the admin, a revert or recovery of
django-reversion, which saves without calling Model.save(), a seed or an
import) reads the <img src> of the sanitized body, keeps those that are
/media/ addresses of library items, and makes the object's MediaUsage rows
match them. Deleting the object deletes its rows (a post_delete handler:
the generic relation has no database cascade).
"""

from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save


class _ImageSources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.sources.append(src)


def media_names(html):
    """The storage names of the /media/ files that `html`'s images show."""
    reader = _ImageSources()
    reader.feed(html or "")
    reader.close()
    names = set()
    for src in reader.sources:
        path = unquote(urlsplit(src).path)
        if path.startswith(settings.MEDIA_URL):
            names.add(path.removeprefix(settings.MEDIA_URL))
    return names


def record_usage(obj, html):
    """Make `obj`'s usage rows the library items that `html` shows."""
    from .models import MediaItem, MediaUsage

    content_type = ContentType.objects.get_for_model(obj)
    names = media_names(html)
    used = (
        set(MediaItem.objects.filter(file__in=names).values_list("pk", flat=True))
        if names
        else set()
    )
    rows = MediaUsage.objects.filter(content_type=content_type, object_id=obj.pk)
    stored = set(rows.values_list("item_id", flat=True))
    if stored - used:
        rows.filter(item_id__in=stored - used).delete()
    if used - stored:
        MediaUsage.objects.bulk_create(
            [
                MediaUsage(item_id=pk, content_type=content_type, object_id=obj.pk)
                for pk in used - stored
            ],
            ignore_conflicts=True,
        )


def forget_usage(obj):
    from .models import MediaUsage

    content_type = ContentType.objects.get_for_model(obj)
    MediaUsage.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def track(model, field):
    """Keep the usage of library items by `model`'s rich-text `field`."""
    label = model._meta.label

    def on_save(sender, instance, **kwargs):
        record_usage(instance, getattr(instance, field))

    def on_delete(sender, instance, **kwargs):
        forget_usage(instance)

    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"library-save-{label}")
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=f"library-del-{label}")

"""Which library items a rich-text body shows.

An app whose model has a rich-text field asks for its usage to be kept, in
its AppConfig.ready:

    usage.track(Article, "body")
    usage.track(Page, "body", "body_en")  # each of its rich-text fields

Each save of such an object (from the admin, a revert or recovery of
django-reversion, which saves without calling Model.save(), a seed or an
import) reads the <img src> of the sanitized body, keeps those that are
/media/ addresses of library items, and makes the object's MediaUsage rows
match them. Deleting the object deletes its rows (a post_delete handler:
the generic relation has no database cascade).
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save

from core.richtext import images

from .models import MediaItem, MediaUsage


def media_name(src):
    """The storage name of a /media/ address, or None for any other."""
    path = unquote(urlsplit(src or "").path)
    if path.startswith(settings.MEDIA_URL):
        return path.removeprefix(settings.MEDIA_URL)
    return None


def media_names(html):
    """The storage names of the /media/ files that `html`'s images show."""
    return {name for image in images(html) if (name := media_name(image.get("src")))}


def record_usage(obj, html):
    """Make `obj`'s usage rows the library items that `html` shows."""
    content_type = ContentType.objects.get_for_model(obj)
    alt_texts = {}
    for image in images(html):
        if name := media_name(image.get("src")):
            alt_texts.setdefault(name, "")
            alt_texts[name] = alt_texts[name] or (image.get("alt") or "").strip()
    found = (
        MediaItem.objects.filter(file__in=alt_texts).values_list("pk", "file", "alt_text")
        if alt_texts
        else []
    )
    used = set()
    for pk, name, alt_text in found:
        used.add(pk)
        if not alt_text and alt_texts[name]:
            # The library learns the alt text the editor gave an uploaded
            # picture, for the next time it is inserted.
            MediaItem.objects.filter(pk=pk, alt_text="").update(alt_text=alt_texts[name][:300])
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
    content_type = ContentType.objects.get_for_model(obj)
    MediaUsage.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def track(model, *fields):
    """Keep the usage of library items by `model`'s rich-text `fields`."""
    label = model._meta.label

    def on_save(sender, instance, **kwargs):
        record_usage(instance, "".join(getattr(instance, field) or "" for field in fields))

    def on_delete(sender, instance, **kwargs):
        forget_usage(instance)

    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"library-save-{label}")
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=f"library-del-{label}")

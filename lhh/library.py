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

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_ckeditor_5.widgets import CKEditor5Widget

from core.fields import RichTextField
from core.richtext import IMG_TAG, images

# How wide a body picture is drawn: the content column of base.html's
# three-column layout (site.css), the whole width on a phone.
BODY_SIZES = (
    "(max-width: 700px) calc(100vw - 1.5rem), (max-width: 1000px) calc(100vw - 270px), 660px"
)


def media_name(src):
    """The storage name of a /media/ address, or None for any other."""
    path = unquote(urlsplit(src or "").path)
    if path.startswith(settings.MEDIA_URL):
        return path.removeprefix(settings.MEDIA_URL)
    return None


def media_names(html):
    """The storage names of the /media/ files that `html`'s images show."""
    return {name for image in images(html) if (name := media_name(image.get("src")))}


def responsive_images(html):
    """`html` with each library picture drawn from its renditions.

    The stored body keeps the address of the uploaded file (what the editor
    inserted and what usage is tracked by); a visitor gets a rendition at
    most BODY_WIDTHS[-1] wide, a srcset to choose from, and width/height so
    the page does not jump while it loads. One query, for the pictures of
    the body; any other image is left as it is.
    """
    from .models import MediaItem

    if not html or "<img" not in html:
        return mark_safe(html or "")
    names = media_names(html)
    if not names:
        return mark_safe(html)
    items = {item.file.name: item for item in MediaItem.objects.filter(file__in=names)}

    def rewrite(match):
        attrs = next(iter(images(match.group(0))), {})
        item = items.get(media_name(attrs.get("src")))
        if item is None or not item.width:
            return match.group(0)
        renditions = item.body_renditions()
        # The middle width for browsers without srcset, or the largest there is.
        shown, width, height = renditions[min(1, len(renditions) - 1)]
        srcset = format_html_join(", ", "{} {}w", ((spec.url, w) for spec, w, _ in renditions))
        alt = attrs.get("alt")
        title = attrs.get("title")
        return format_html(
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}'
            ' loading="lazy" decoding="async">',
            shown.url,
            srcset,
            BODY_SIZES,
            width,
            height,
            item.alt_text if alt is None else alt,
            format_html(' title="{}"', title) if title else "",
        )

    return mark_safe(IMG_TAG.sub(rewrite, html))


def record_usage(obj, html):
    """Make `obj`'s usage rows the library items that `html` shows."""
    from .models import MediaItem, MediaUsage

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


class RichTextWidget(CKEditor5Widget):
    """The editor with the media library beside it: a button that inserts a
    picture already in the library, and the alt text asked for each picture
    inserted or uploaded (static/js/editor-library.js)."""

    template_name = "lhh/widgets/rich_text.html"

    class Media:
        css = {"all": ["css/editor-library.css"]}
        js = ["js/editor-library.js"]


class LibraryEditorMixin:
    """For a ModelAdmin: its rich-text fields are edited beside the library."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, RichTextField):
            kwargs.setdefault("widget", RichTextWidget(config_name=db_field.config_name))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

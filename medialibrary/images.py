"""Library pictures in rich-text bodies, drawn from their renditions."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.richtext import IMG_TAG, images

from .models import MediaItem
from .usage import media_name, media_names

# How wide a body picture is drawn: the content column of base.html's
# three-column layout (site.css), the whole width on a phone.
BODY_SIZES = (
    "(max-width: 700px) calc(100vw - 1.5rem), (max-width: 1000px) calc(100vw - 270px), 660px"
)


def responsive_images(html):
    """`html` with each library picture drawn from its renditions.

    The stored body keeps the address of the uploaded file (what the editor
    inserted and what usage is tracked by); a visitor gets a rendition at
    most BODY_WIDTHS[-1] wide, a srcset to choose from, and width/height so
    the page does not jump while it loads. One query, for the pictures of
    the body; any other image is left as it is.
    """
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

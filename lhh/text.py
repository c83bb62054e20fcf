"""Vietnamese text helpers: NFC normalisation, accent folding, slugs."""

import html
import re
import unicodedata

# "đ" is a letter of its own, not "d" with a combining mark, so NFD
# decomposition leaves it alone; fold it by hand.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value):
    return unicodedata.normalize("NFC", value or "")


def fold(value):
    """Lower-case, accent-free form of Vietnamese text: "Đà Lạt" → "da lat"."""
    decomposed = unicodedata.normalize("NFD", (value or "").translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def vn_slugify(value, max_length=200):
    """Slug for Vietnamese titles: "Liên hiệp Hội Lâm Đồng" → "lien-hiep-hoi-lam-dong".

    Django's slugify drops "đ" instead of turning it into "d".
    """
    ascii_text = fold(value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


def unique_slug(instance, value, field_name="slug", max_length=200):
    """A slug from `value` that no other row of the instance's model uses."""
    base = vn_slugify(value, max_length=max_length - 6) or "muc"
    manager = type(instance)._default_manager
    others = manager.exclude(pk=instance.pk) if instance.pk else manager.all()
    taken = set(
        others.filter(**{f"{field_name}__startswith": base}).values_list(field_name, flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def html_to_text(value):
    """Plain text of rich-text HTML: tags become spaces, entities characters."""
    text = re.sub(r"<[^>]*>", " ", value or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()

"""Vietnamese text helpers: NFC normalisation, accent folding, slugs, and
characters that have no place in stored text."""

import html
import re
import unicodedata

from django.db import models

# "đ" is a letter of its own, not "d" with a combining mark, so NFD
# decomposition leaves it alone; fold it by hand.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


# What XML 1.0 cannot carry (C0 controls other than tab and line breaks,
# lone surrogates, U+FFFE/U+FFFF): a feed holding one cannot be written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Invisible controls of a file name: C0/C1 controls and the bidirectional
# overrides that make "gpj.exe" read "exe.jpg".
_NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def xml_safe(value):
    """`value` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def clean_text_fields(sender, instance, **kwargs):
    """pre_save: every text field of the row stored without XML-illegal
    characters, whatever way it was typed or imported."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _NOT_XML.search(value):
                setattr(instance, field.attname, xml_safe(value))


def visible_name(value):
    """A file name as it may be shown: no controls, no direction overrides."""
    return _NAME_CONTROLS.sub("", value or "")


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

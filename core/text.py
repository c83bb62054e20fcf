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


def _letter_variants():
    """{"a": "AaÀÁ…ạẠ…"}: every Latin letter grouped under its fold()."""
    groups = {}
    latin = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    for code in latin:
        letter = chr(code)
        folded = fold(letter)
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            groups.setdefault(folded, []).append(letter)
    return {folded: "".join(letters) for folded, letters in groups.items()}


_VARIANTS = _letter_variants()
# Text typed with combining marks ("tổ hợp" keyboards) carries them after
# the letter: "o" + U+0302 + U+0309 is "ổ".
_COMBINING = "[\u0300-\u036f]*"
_SPACES = re.compile(r"\s+")


def fold_pattern(value):
    """A regular expression finding `value` in text, whatever its accents
    and case: "to chuc" (or "Tổ chức") finds "Tổ chức", "dong" finds "Đồng".

    It matches where fold() of the text contains fold() of `value`. Written
    for both Python's `re` (Django's REGEXP on SQLite) and PostgreSQL's
    regular expressions: bracket lists of literal letters and backslash
    escapes of non-alphanumeric characters only. None for blank `value`.
    """
    value = xml_safe(value or "").strip()
    if not value:
        return None
    parts = []
    for char in _SPACES.sub(" ", fold(value)):
        if char in _VARIANTS:
            parts.append(f"[{_VARIANTS[char]}]{_COMBINING}")
        elif char == " ":
            parts.append("\\s+")
        elif char.isalnum():
            parts.append(char)
        else:
            parts.append("\\" + char)
    return "".join(parts)


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


def tel_href(phone):
    """A phone number as a tel: target, digits and a leading +, of the first
    number when several are listed ("0263 3822 466 – 0913 …"); "" for none."""
    first = re.split(r"[,;/]|\s[-–]\s", phone or "")[0]
    digits = "".join(ch for ch in first if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


def html_to_text(value):
    """Plain text of rich-text HTML: tags become spaces, entities characters."""
    text = re.sub(r"<[^>]*>", " ", value or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


_WORD = re.compile(r"\w+")


def normalize(text):
    """ " 582 qđ ubnd ": NFC, lower-case, words separated by single spaces,
    a space at each end: the stored form of a WordsField (core.fields)."""
    words = _WORD.findall(nfc(text).lower())
    return f" {' '.join(words)} " if words else " "


def folded(text):
    """normalize() without accents, đ→d: what a search matches."""
    return normalize(fold(text))


# Written out in full: Django's "vi" locale abbreviates to "Thứ 7".
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def weekday_date(value):
    """ "Thứ Bảy, 22/06/2024", as the original portal's header writes a day."""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"

"""Matching document numbers (số/ký hiệu) and words however they are typed.

"582/QĐ-UBND" is written "582/qd-ubnd", "582 QĐ UBND" or just "qd-ubnd" by
people looking for it. Folding (đ→d, accents off, lower case) and treating
every run of separators (/, -, ., space…) as one space gives the same words
for all of them. Stored text is padded with a space at each end, so a search
for " 582" is a plain substring test that matches the start of a word:
"582" finds "582/QĐ-UBND" but not "1582/QĐ-UBND".
"""

from core.text import folded


def number_key(value):
    """ "582/QĐ-UBND" → "582 qd ubnd"; "48 CT/TU" → "48 ct tu".

    The site-wide search's normalisation (core.text.folded), so /van-ban/?q=
    and /tim-kiem/ agree on what a number matches.
    """
    return folded(value).strip()


def padded_words(value):
    """The stored form: " 582 qd ubnd " (empty stays empty)."""
    key = number_key(value)
    return f" {key} " if key else ""

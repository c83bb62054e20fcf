"""Matching document numbers (số/ký hiệu) however they are typed.

"582/QĐ-UBND" is written "582/qd-ubnd", "582 QĐ UBND" or just "qd-ubnd" by
people looking for it. Folding (đ→d, accents off, lower case) and treating
every run of separators (/, -, ., space…) as one space gives the same key
for all of them; the key is stored padded with spaces so a search matches
whole parts only: "582" finds "582/QĐ-UBND" but not "1582/QĐ-UBND".
"""

import re

from lhh.text import fold

_SEPARATORS = re.compile(r"[^0-9a-z]+")


def number_key(value):
    """ "582/QĐ-UBND" → "582 qd ubnd"; "48 CT/TU" → "48 ct tu"."""
    return _SEPARATORS.sub(" ", fold(value)).strip()


def padded_number_key(value):
    """The stored form, " 582 qd ubnd ", so whole-part matches are a substring test."""
    key = number_key(value)
    return f" {key} " if key else ""

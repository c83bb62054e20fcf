"""Tracking codes (mã tra cứu) of what visitors send through the public
forms (a question, a registration): read aloud over the phone and typed
from paper, so the alphabet has no 0/O, 1/I/L look-alikes."""

import secrets

TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_CODE_LENGTH = 8


def new_tracking_code():
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_CODE_LENGTH))


def normalize_tracking_code(value):
    """What the visitor typed ("ab3k-7mpq ", "AB3K 7MPQ") in the stored form."""
    return "".join(ch for ch in (value or "").upper() if ch not in " -–_.\t\r\n")


def is_valid_tracking_code(code):
    return len(code) == TRACKING_CODE_LENGTH and all(ch in TRACKING_ALPHABET for ch in code)


def find_by_tracking_code(queryset, typed):
    """The row of `queryset` whose tracking_code is what was typed, or None
    (no query for what cannot be a code)."""
    code = normalize_tracking_code(typed)
    if not is_valid_tracking_code(code):
        return None
    return queryset.filter(tracking_code=code).first()

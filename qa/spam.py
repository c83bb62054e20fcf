"""Spam and guessing defences of the public Q&A pages, without third parties:
a captcha challenge that is easy to read, and per-address counters kept in
the shared cache (so every worker process sees the same count)."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache

from lhh.net import client_ip

from .models import TRACKING_ALPHABET

HOUR = 3600
# Letters only from the tracking alphabet: no 0/O, 1/I/L to misread.
CAPTCHA_ALPHABET = TRACKING_ALPHABET


def captcha_challenge():
    """django-simple-captcha challenge: (text drawn, expected answer)."""
    from captcha.conf import settings as captcha_settings

    text = "".join(secrets.choice(CAPTCHA_ALPHABET) for _ in range(captcha_settings.CAPTCHA_LENGTH))
    return text, text.lower()


def submitter_hash(request):
    """A keyed hash of the visitor's address: comparable, not reversible."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, client_ip(request).encode(), hashlib.sha256).hexdigest()


class HourlyCounter:
    """How many times one address did something in the current hour.

    cache.add creates the key with its expiry only if missing, and incr is
    atomic on Redis and the database cache, so concurrent workers do not
    lose counts; the window starts at the first hit.
    """

    def __init__(self, scope, request, limit):
        self.key = f"qa:{scope}:{submitter_hash(request)[:32]}"
        self.limit = limit

    @property
    def count(self):
        return cache.get(self.key, 0)

    @property
    def is_exceeded(self):
        return self.count >= self.limit

    def hit(self):
        cache.add(self.key, 0, HOUR)
        try:
            return cache.incr(self.key)
        except ValueError:  # expired between add and incr
            cache.set(self.key, 1, HOUR)
            return 1


def question_counter(request):
    return HourlyCounter("ask", request, settings.QA_RATE_LIMIT_PER_HOUR)


def lookup_failure_counter(request):
    return HourlyCounter("lookup-miss", request, settings.QA_LOOKUP_FAILURES_PER_HOUR)

"""Spam and guessing defences of the public forms (a question, a
registration), without third parties: a honeypot, a captcha that is easy to
read with a question beside it for those who cannot see it, and
per-address counters kept in the database (so every worker process sees
the same count)."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .models import AddressCount
from .net import client_ip
from .tracking import TRACKING_ALPHABET

# Letters only from the tracking alphabet: no 0/O, 1/I/L to misread.
CAPTCHA_ALPHABET = TRACKING_ALPHABET

# The honeypot field's name (bẫy): hidden from people by CSS and from
# assistive technology; bots filling every field give themselves away.
HONEYPOT_FIELD = "website"
# The no-JavaScript "new image" button of the captcha widget.
REFRESH_FIELD = "refresh_captcha"


def captcha_challenge():
    """django-simple-captcha challenge: (text drawn, expected answer)."""
    from captcha.conf import settings as captcha_settings

    text = "".join(secrets.choice(CAPTCHA_ALPHABET) for _ in range(captcha_settings.CAPTCHA_LENGTH))
    return text, text.lower()


# The question that needs no sight (câu hỏi kiểm tra), beside the image: a
# sum of two small numbers written in Vietnamese words, answered in digits
# or in words.
NUMBER_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def question_challenge():
    """django-simple-captcha challenge (the `generator` of the question
    field): a Vietnamese sentence and its answer in digits."""
    first, second = secrets.randbelow(5) + 1, secrets.randbelow(5) + 1
    text = f"{NUMBER_WORDS[first].capitalize()} cộng {NUMBER_WORDS[second]} bằng mấy?"
    return text, str(first + second)


def question_answer(text):
    """A typed answer in digits: "7", " 7 " and "bảy" all give "7"."""
    from .text import nfc

    words = " ".join(nfc(text or "").strip().lower().split())
    if words in NUMBER_WORDS:
        return str(NUMBER_WORDS.index(words))
    return words


def is_honeypot_filled(request):
    """Whether a bot filled the hidden field: the view pretends success."""
    return bool(request.POST.get(HONEYPOT_FIELD))


def wants_new_captcha(request):
    return bool(request.POST.get(REFRESH_FIELD))


def initial_without_captcha(request):
    """What was typed, as a form's initial data, without the captcha's
    answer, the CSRF token and the button: the same form, a new captcha."""
    data = request.POST.copy()
    for key in ("captcha_0", "captcha_1", "csrfmiddlewaretoken", REFRESH_FIELD):
        data.pop(key, None)
    return data.dict()


def submitter_hash(request):
    """A keyed hash of the visitor's address: comparable, not reversible."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, client_ip(request).encode(), hashlib.sha256).hexdigest()


class HourlyCounter:
    """How many times one address did something in the current clock hour.

    `take()` counts one more only while under the limit, in one UPDATE whose
    WHERE clause holds the limit: the database checks and counts at once,
    so concurrent posts from one address never pass it, on PostgreSQL
    (the row is locked and the condition checked again) as on SQLite
    (one writer at a time).
    """

    def __init__(self, scope, request, limit):
        self.key = f"{scope}:{submitter_hash(request)[:32]}"
        self.limit = limit

    def _current(self):
        hour = timezone.now().replace(minute=0, second=0, microsecond=0)
        return hour, AddressCount.objects.filter(key=self.key, hour=hour)

    def _row(self):
        """The current hour's row, made if missing; older hours are dropped."""
        hour, row = self._current()
        _, created = AddressCount.objects.get_or_create(key=self.key, hour=hour)
        if created:
            AddressCount.objects.filter(hour__lt=hour - timedelta(hours=1)).delete()
        return row

    @property
    def count(self):
        counted = self._current()[1].values_list("count", flat=True).first()
        return counted or 0

    @property
    def is_exceeded(self):
        return self.count >= self.limit

    def take(self):
        """Count one more if that stays within the limit; whether it did."""
        return self._row().filter(count__lt=self.limit).update(count=F("count") + 1) == 1

    def hit(self):
        self._row().update(count=F("count") + 1)

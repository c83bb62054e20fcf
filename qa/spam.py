"""The Q&A pages' rate limits (core.spam holds the defences every public
form shares; its names stay importable from here)."""

from django.conf import settings

from core.spam import (  # noqa: F401
    CAPTCHA_ALPHABET,
    NUMBER_WORDS,
    HourlyCounter,
    captcha_challenge,
    question_answer,
    question_challenge,
    submitter_hash,
)


def question_counter(request):
    return HourlyCounter("ask", request, settings.QA_RATE_LIMIT_PER_HOUR)


def lookup_failure_counter(request):
    return HourlyCounter("lookup-miss", request, settings.QA_LOOKUP_FAILURES_PER_HOUR)


def erasure_counter(request):
    """Requests to erase one's details: each sends an email, so every one counts."""
    return HourlyCounter("erase", request, settings.QA_ERASURE_REQUESTS_PER_HOUR)

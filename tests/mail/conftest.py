import pytest


@pytest.fixture
def refused_smtp(settings, closed_port):
    """A mail server that is down."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2


# The Q&A form's fixtures: its questions are the emails' first senders.
from tests.qa.conftest import captcha_test_mode, form_data, topic  # noqa: E402, F401

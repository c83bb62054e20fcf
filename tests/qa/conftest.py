import pytest

from .factories import TopicFactory, question_form


@pytest.fixture
def captcha_test_mode(settings, monkeypatch):
    """Accept "PASSED" as the captcha answer.

    django-simple-captcha copies its settings into captcha.conf.settings when
    first imported, so overriding Django's setting alone is not enough.
    """
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)


@pytest.fixture
def topic(db):
    return TopicFactory(name="Hoạt động hội")


@pytest.fixture
def form_data(topic):
    return question_form(topic)


@pytest.fixture
def queries_for(client):
    """Queries one GET runs, after a first request has warmed the caches
    (site profile, visit counter) so only the page's own work is counted."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url, data=None):
        client.get(url, data)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, data)
        assert response.status_code == 200
        return len(context.captured_queries)

    return count

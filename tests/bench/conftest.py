import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from bench.generate import SCALES, fill


def _counts():
    from bulletins.models import ContentsEntry, Issue
    from contests.models import Programme
    from documents.models import Document, DocumentFile
    from events.models import Event
    from gallery.models import Album, Photo
    from members.models import Organization
    from news.models import Article
    from qa.models import Question
    from registrations.models import FormField, RegistrationForm

    return {
        "articles": Article.objects.count(),
        "documents": Document.objects.count(),
        "document_files": DocumentFile.objects.count(),
        "questions": Question.objects.count(),
        "organizations": Organization.objects.count(),
        "albums": Album.objects.count(),
        "photos": Photo.objects.count(),
        "events": Event.objects.count(),
        "bulletin_issues": Issue.objects.count(),
        "contents_entries": ContentsEntry.objects.count(),
        "programmes": Programme.objects.count(),
        "registration_forms": RegistrationForm.objects.count(),
        "form_fields": FormField.objects.count(),
        "articles_published": Article.objects.published().count(),
        "documents_published": Document.objects.published().count(),
        "questions_published": Question.objects.published().count(),
        "organizations_active": Organization.objects.active().count(),
        "albums_published": Album.objects.published().count(),
        "events_published": Event.objects.published().count(),
        "bulletin_issues_published": Issue.objects.published().count(),
        "programmes_published": Programme.objects.published().count(),
    }


@pytest.fixture(scope="module")
def bench_media(tmp_path_factory):
    return tmp_path_factory.mktemp("bench-media")


@pytest.fixture(autouse=True)
def _media_root(settings, bench_media):
    """The module's data points at files in one folder for all its tests
    (replaces the per-test folder of tests/conftest.py)."""
    settings.MEDIA_ROOT = bench_media


@pytest.fixture(scope="module")
def bench_data(django_db_setup, django_db_blocker, bench_media):
    """seed_demo plus the generator's tiny scale, once per module, rolled back after.

    Tests marked django_db run inside this transaction (their own atomic
    becomes a savepoint), so the rows are shared without leaking.
    """
    with (
        override_settings(MEDIA_ROOT=bench_media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("seed_demo", verbosity=0)
        before = _counts()
        summary = fill(SCALES["tiny"], progress=False)
        yield {"before": before, "after": _counts(), "summary": summary}
        transaction.set_rollback(True)

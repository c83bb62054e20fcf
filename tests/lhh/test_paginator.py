import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lhh.paginator import CachedCountPaginator
from sitecontent.models import Page
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db


def count_queries(paginator_factory):
    with CaptureQueriesContext(connection) as queries:
        assert paginator_factory().count >= 0
    return len(queries)


def test_the_count_of_a_list_is_shared_until_content_changes():
    PageFactory.create_batch(3)

    def paginator():
        return CachedCountPaginator(Page.objects.published(), 2)

    assert count_queries(paginator) == 1
    assert count_queries(paginator) == 0
    assert paginator().count == 3
    PageFactory()
    assert paginator().count == 4


def test_the_shared_count_does_not_depend_on_the_clock(monkeypatch):
    """The current time of published() is not part of the key: the count is
    not asked again when a minute turns, only when content changes."""
    from datetime import timedelta

    from django.utils import timezone

    PageFactory.create_batch(2)
    real_now = timezone.now()
    assert count_queries(lambda: CachedCountPaginator(Page.objects.published(), 2)) == 1
    monkeypatch.setattr(timezone, "now", lambda: real_now + timedelta(seconds=59))
    assert count_queries(lambda: CachedCountPaginator(Page.objects.published(), 2)) == 0


def test_a_datetime_other_than_now_stays_in_the_key():
    from datetime import timedelta

    from django.utils import timezone

    PageFactory(published_at=timezone.now() - timedelta(days=400))
    PageFactory()
    last_year = timezone.now() - timedelta(days=365)

    def paginator(since):
        return CachedCountPaginator(Page.objects.published().filter(published_at__gte=since), 2)

    assert paginator(last_year).count == 1
    assert paginator(last_year - timedelta(days=100)).count == 2


def test_a_list_named_by_its_view_shares_its_count_under_that_name():
    PageFactory.create_batch(3)

    def paginator(key):
        return CachedCountPaginator(Page.objects.published(), 2, count_key=key)

    assert count_queries(lambda: paginator("pages:all")) == 1
    assert count_queries(lambda: paginator("pages:all")) == 0
    assert count_queries(lambda: paginator("pages:other")) == 1
    PageFactory()
    assert paginator("pages:all").count == 4

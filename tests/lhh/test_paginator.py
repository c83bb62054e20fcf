import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lhh.models import Page
from lhh.paginator import CachedCountPaginator

from .factories import PageFactory

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

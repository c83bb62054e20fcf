import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.paginator import CachedCountPaginator
from sitecontent.models import Page
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_pages():
    # Pages stand for any list here: none but the test's own, so not the
    # privacy notice a migration creates.
    Page.objects.all().delete()


def count_queries(paginator_factory):
    with CaptureQueriesContext(connection) as queries:
        assert paginator_factory().count >= 0
    return len(queries)


def test_the_count_of_a_list_is_shared_until_content_changes():
    PageFactory.create_batch(3)

    def paginator():
        return CachedCountPaginator(Page.objects.published(), 2, count_key="pages")

    assert count_queries(paginator) == 1
    assert count_queries(paginator) == 0
    assert paginator().count == 3
    PageFactory()
    assert paginator().count == 4


def test_a_list_is_named_by_its_view():
    with pytest.raises(TypeError):
        CachedCountPaginator(Page.objects.all(), 2)


def test_a_list_named_by_its_view_shares_its_count_under_that_name():
    PageFactory.create_batch(3)

    def paginator(key):
        return CachedCountPaginator(Page.objects.published(), 2, count_key=key)

    assert count_queries(lambda: paginator("pages:all")) == 1
    assert count_queries(lambda: paginator("pages:all")) == 0
    assert count_queries(lambda: paginator("pages:other")) == 1
    PageFactory()
    assert paginator("pages:all").count == 4

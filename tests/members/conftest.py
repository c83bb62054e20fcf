import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def count_queries(client):
    """The number of SQL queries a GET of `url` runs (the page must answer 200).

    A first request warms the per-process caches (the site profile), so the
    count is that of every later visitor.
    """

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count

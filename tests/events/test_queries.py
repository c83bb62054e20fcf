"""Each events page runs the same, small number of queries with few and
with many events: nothing in a template or in the sidebar queries per row."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.cache import clear_all
from members.models import Organization, OrganizationGroup
from tests.documents.factories import DocumentFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def organization():
    group = OrganizationGroup.objects.create(name="Hội chuyên ngành")
    return Organization.objects.create(name="Hội Tin học tỉnh Lâm Đồng", group=group)


def add_events(count, organization):
    today = timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
    for n in range(count):
        # Spread over this month and the ones around it, to come and past,
        # some all day, some spanning several days.
        start = today + timedelta(days=(n % 40) - 10, hours=n % 5)
        EventFactory(
            starts_at=start,
            ends_at=start + timedelta(days=n % 3, hours=2),
            is_all_day=n % 4 == 0,
            organization=organization if n % 2 else None,
        )


def queries(url):
    # A first visit of the day creates the day's visit row: warm up so both
    # measurements count the same visit-counter writes.
    Client().get(url)
    # Then cold: the page as rendered, not as the page cache keeps it.
    clear_all()
    client = Client()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def queries_of(url):
    with CaptureQueriesContext(connection) as context:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(context)


PAGES = [
    "/su-kien/",
    "/su-kien/?page=2",
    "/su-kien/da-dien-ra/",
    "/su-kien/lich/",
    "/su-kien/lich.ics",
    "/su-kien/bai-xem/",
    "/su-kien/bai-xem.ics",
    "/rss/su-kien/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_runs_the_same_few_queries_with_25_and_100_events(url, organization):
    event = EventFactory(slug="bai-xem", organization=organization)
    event.documents.set(DocumentFactory.create_batch(2))
    add_events(25, organization)
    few = queries(url)
    add_events(75, organization)
    event.documents.add(*DocumentFactory.create_batch(6))
    many = queries(url)
    assert few == many
    assert many <= MAX_QUERIES


def test_event_page_runs_the_same_queries_with_and_without_an_organization(organization):
    # The organization's link reads its group: fetched with the event, not after.
    EventFactory(slug="cua-to-chuc", organization=organization)
    EventFactory(slug="khong-to-chuc", organization=None)
    counts = []
    for url in ("/su-kien/cua-to-chuc/", "/su-kien/khong-to-chuc/"):
        Client().get(url)
        # The page is cached for visitors: measure it rendered.
        clear_all()
        counts.append(queries_of(url))
    assert counts[0] == counts[1]


def test_the_calendar_page_with_many_events_asserts_its_query_budget(
    organization, django_assert_max_num_queries
):
    add_events(100, organization)
    url = "/su-kien/lich/"
    Client().get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert Client().get(url).status_code == 200

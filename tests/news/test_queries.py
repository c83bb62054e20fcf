"""Each public page runs the same, small number of queries with 15 and with
60 articles: nothing in a template or a sidebar block queries per row."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.cache import clear_all

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def categories():
    parent = CategoryFactory(name="Tin tức tổng hợp", slug="tong-hop", is_shown_on_home=True)
    child = CategoryFactory(name="Khoa học", slug="khoa-hoc", parent=parent)
    activity = CategoryFactory(name="Tin hoạt động", slug="hoat-dong", is_shown_on_home=True)
    notices = CategoryFactory(name="Thông báo", slug="thong-bao", is_notice=True)
    # The article every detail page shows; the others are older or newer.
    ArticleFactory(slug="bai-xem", category=child)
    return [parent, child, activity, notices]


def add_articles(categories, count, start=0):
    for n in range(start, start + count):
        ArticleFactory(
            category=categories[n % len(categories)],
            is_featured=n < 3,
            with_cover=n < 3,
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


PAGES = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/?page=2",
    "/tin-tuc/tong-hop/",
    "/tin-tuc/khoa-hoc/bai-xem/",
    "/rss/tin-tuc/",
    "/rss/tin-tuc/tong-hop/",
    "/sitemap.xml",
    "/so-do-trang/",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_runs_the_same_few_queries_with_15_and_60_articles(url, categories):
    add_articles(categories, 15)
    few = queries(url)
    add_articles(categories, 45, start=15)
    many = queries(url)
    assert few == many
    assert many <= MAX_QUERIES

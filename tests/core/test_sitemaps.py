"""Each section of /sitemap.xml is read in one query (core.sitemaps)."""

import pytest
from django.contrib.sites.requests import RequestSite
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from news.sitemaps import ArticleSitemap
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


class Articles(ArticleSitemap):
    limit = 3


def test_a_section_reads_its_items_without_counting_them_first():
    ArticleFactory.create_batch(5)
    with CaptureQueriesContext(connection) as context:
        urls = Articles().get_urls(page=1, site=RequestSite(RequestFactory().get("/")))
    assert len(context) == 1
    assert "COUNT" not in context.captured_queries[0]["sql"].upper()
    # No more than the section's limit.
    assert len(urls) == 3


def test_a_second_page_of_the_site_map_is_not_found(client):
    ArticleFactory.create_batch(2)
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=x").status_code == 404

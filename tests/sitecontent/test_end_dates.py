"""End dates (hiển thị đến) of the THÔNG TIN CHÍNH pages: past it a page
leaves the menu, the site map, the sitemap and search; its address still
answers and says so."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from .factories import PageFactory

pytestmark = pytest.mark.django_db


def text(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def pages():
    gone = PageFactory(
        title="Tuyển dụng đã kết thúc",
        published_at=timezone.now() - timedelta(days=10),
        expires_at=timezone.now() - timedelta(minutes=5),
    )
    kept = PageFactory(title="Tuyển dụng còn hạn", expires_at=timezone.now() + timedelta(days=5))
    return gone, kept


def test_an_expired_page_leaves_the_menu_the_site_map_and_the_sitemap(pages):
    gone, kept = pages
    for url in ("/", "/so-do-trang/"):
        html = text(url)
        assert kept.title in html, url
        assert gone.title not in html, url
    xml = text("/sitemap.xml")
    assert kept.get_absolute_url() in xml
    assert gone.get_absolute_url() not in xml


def test_an_expired_page_is_not_found_by_search(pages):
    html = text("/tim-kiem/?q=tuyen+dung")
    assert "còn hạn" in html
    assert "đã kết thúc" not in html


def test_an_expired_page_still_answers_and_says_it_expired(pages):
    gone, _ = pages
    html = text(gone.get_absolute_url())
    assert gone.title in html
    assert "Trang này đã hết thời gian hiển thị" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html

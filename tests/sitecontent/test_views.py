"""THÔNG TIN CHÍNH pages at /gioi-thieu/<slug>/."""

import pytest

from core.models import Status
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_page_is_shown_at_its_vietnamese_address(client):
    page = PageFactory(title="Chức năng nhiệm vụ", body="<p>Tập hợp trí thức.</p>")
    assert page.get_absolute_url() == "/gioi-thieu/chuc-nang-nhiem-vu/"
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<h1" in html and "Chức năng nhiệm vụ" in html
    assert "Tập hợp trí thức." in html
    assert 'name="DC.title" content="Chức năng nhiệm vụ"' in html


def test_page_slug_stays_when_the_title_is_edited(client):
    page = PageFactory(title="Điều lệ")
    page.title = "Điều lệ sửa đổi"
    page.save()
    assert page.slug == "dieu-le"


def test_draft_page_is_404_for_visitors(client):
    page = PageFactory(status=Status.DRAFT)
    assert client.get(page.get_absolute_url()).status_code == 404


def test_draft_page_is_not_in_the_sidebar_or_sitemap(client):
    PageFactory(title="Bản nháp bí mật", status=Status.DRAFT)
    assert "Bản nháp bí mật" not in client.get("/").content.decode()
    assert "ban-nhap-bi-mat" not in client.get("/sitemap.xml").content.decode()


def test_page_body_is_sanitized_on_save():
    page = PageFactory(body='<p onclick="x()">Chào</p><script>alert(1)</script>')
    page.refresh_from_db()
    assert page.body == "<p>Chào</p>"


def test_sitemap_lists_published_pages(client):
    PageFactory(title="Giới thiệu chung")
    assert "/gioi-thieu/gioi-thieu-chung/" in client.get("/sitemap.xml").content.decode()

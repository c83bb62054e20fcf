import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.cache import clear_all
from tests.sitecontent.factories import BannerFactory, LinkFactory, PageFactory

pytestmark = pytest.mark.django_db


BLOCK_TITLES = [
    "THÔNG TIN CHÍNH",
    "TỔ CHỨC THÀNH VIÊN",
    "HỎI VÀ ĐÁP",
    "ĐẾM LƯỢT TRUY CẬP",
    "THÔNG BÁO",
    "VĂN BẢN MỚI",
    "HÌNH HOẠT ĐỘNG",
    "LIÊN KẾT",
    "QUẢNG CÁO",
]


def query_count(client, url):
    cache.clear()
    clear_all()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_home_page_renders_every_block(client):
    html = client.get("/").content.decode()
    for title in BLOCK_TITLES:
        assert f">{title}</h2>" in html


def test_home_page_blocks_are_in_the_reference_columns(client):
    html = client.get("/").content.decode()
    left, right = html.split('class="layout__left')[1].split('class="layout__right')
    for title in BLOCK_TITLES[:4]:
        assert title in left
    for title in BLOCK_TITLES[4:]:
        assert title in right


def test_home_page_query_count_does_not_grow_with_content(client):
    PageFactory.create_batch(2)
    LinkFactory.create_batch(2)
    BannerFactory.create_batch(1)
    few = query_count(client, "/")
    PageFactory.create_batch(20)
    LinkFactory.create_batch(20)
    BannerFactory.create_batch(10)
    many = query_count(client, "/")
    assert few == many
    assert many <= 12


def test_empty_blocks_show_a_friendly_line(client):
    html = client.get("/").content.decode()
    assert "Chưa có trang thông tin nào." in html
    assert "Chưa có liên kết." in html


def test_unknown_url_gives_the_vietnamese_404(client):
    response = client.get("/khong-ton-tai/?q=<script>")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "ĐẾM LƯỢT TRUY CẬP" in html


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_500_page_is_vietnamese_and_needs_no_database():
    from django.template.loader import render_to_string

    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("500.html")
    assert "Xin lỗi, đã có lỗi xảy ra" in html
    assert len(queries) == 0

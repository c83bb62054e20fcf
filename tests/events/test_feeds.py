"""Search, sitemap and RSS carry published events only."""

import pytest

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_search_finds_an_event_without_diacritics(client):
    EventFactory(title="Hội thảo bảo tồn nguồn gen dược liệu", place="Viện Nghiên cứu Hạt nhân")
    EventFactory(title="Hội thảo dược liệu chưa duyệt", draft=True)
    page = client.get("/tim-kiem/", {"q": "nguon gen duoc lieu"}).content.decode()
    assert "Hội thảo bảo tồn nguồn gen dược liệu" in page
    assert "chưa duyệt" not in page


def test_search_finds_an_event_by_its_place(client):
    EventFactory(title="Tập huấn phòng cháy rừng", place="Ban Quản lý rừng phòng hộ Đa Nhim")
    page = client.get("/tim-kiem/", {"q": "Đa Nhim"}).content.decode()
    assert "Tập huấn phòng cháy rừng" in page


def test_the_sitemap_lists_published_events_and_the_event_pages(client):
    event = EventFactory()
    draft = EventFactory(draft=True)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/su-kien/{event.slug}/</loc>" in xml
    assert draft.slug not in xml
    assert "/su-kien/lich/</loc>" in xml and "/su-kien/da-dien-ra/</loc>" in xml


def test_the_rss_feed_carries_published_events_with_their_date(client):
    event = EventFactory(title="Hội thảo trong RSS")
    EventFactory(title="Nháp ngoài RSS", draft=True)
    response = client.get("/rss/su-kien/")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Hội thảo trong RSS" in xml and "Nháp ngoài RSS" not in xml
    assert f"Thời gian: {event.when_in_words}" in xml


def test_the_main_menu_and_the_site_map_link_to_events(client):
    assert 'href="/su-kien/"' in client.get("/").content.decode()
    page = client.get("/so-do-trang/").content.decode()
    assert 'href="/su-kien/lich/"' in page and 'href="/rss/su-kien/"' in page

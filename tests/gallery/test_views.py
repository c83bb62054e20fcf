import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.cache import clear_all
from core.models import Status
from gallery.models import Photo

from .factories import AlbumFactory, PhotoFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/thu-vien-anh/"
IMG = re.compile(r"<img\b[^>]*>")


def content_of(response):
    """The page's main column, without the sidebars."""
    html = response.content.decode()
    return html.split('<main id="content"', 1)[1].split("</main>", 1)[0]


def queries_for(client, url):
    # Cold caches for every measurement, so both sizes are compared alike.
    cache.clear()
    clear_all()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_photos(album, count):
    """Rows only, no files: pages must render photos without touching storage."""
    start = album.photos.count()
    Photo.objects.bulk_create(
        Photo(
            album=album,
            image=f"gallery/khong-co-tep-{album.pk}-{n}.jpg",
            caption=f"Ảnh số {n}",
            order=n,
            width=1200,
            height=800,
        )
        for n in range(start, start + count)
    )


# Album list


def test_album_list_shows_published_albums_newest_first(client):
    now = timezone.now()
    AlbumFactory(title="Album cũ", published_at=now - timedelta(days=9))
    AlbumFactory(title="Album mới", published_at=now - timedelta(hours=1))
    AlbumFactory(title="Album nháp", status=Status.DRAFT)
    AlbumFactory(title="Album hẹn giờ", published_at=now + timedelta(days=1))
    response = client.get(LIST_URL)
    titles = [album.title for album in response.context["album_list"]]
    assert titles == ["Album mới", "Album cũ"]
    assert "Album nháp" not in response.content.decode()


def test_album_list_shows_date_photo_count_and_cover(client):
    album = AlbumFactory(title="Hội thi sáng tạo", event_on=date(2024, 5, 15))
    PhotoFactory(album=album, order=1)
    cover = PhotoFactory(album=album, order=2)
    album.cover = cover
    album.save()
    html = content_of(client.get(LIST_URL))
    assert "15/05/2024" in html
    assert "2 ảnh" in html
    assert cover.card.url in html


def test_album_without_photos_is_listed_with_a_placeholder(client):
    AlbumFactory(title="Album chưa có ảnh")
    html = content_of(client.get(LIST_URL))
    assert "Album chưa có ảnh" in html
    assert "0 ảnh" in html
    assert "album-card__image--empty" in html


def test_album_list_falls_back_to_the_first_photo(client):
    album = AlbumFactory()
    PhotoFactory(album=album, order=2)
    first = PhotoFactory(album=album, order=1)
    assert first.card.url in content_of(client.get(LIST_URL))


def test_album_list_is_paginated(client):
    AlbumFactory.create_batch(13)
    response = client.get(LIST_URL + "?page=2")
    assert len(response.context["album_list"]) == 1
    assert "Trang 2/2 trang" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "99", "-1", "1%00"])
def test_bad_page_numbers_are_not_found(client, page):
    AlbumFactory()
    assert client.get(LIST_URL, {"page": page}).status_code == 404


def test_album_list_query_count_does_not_grow_with_photos(client, django_assert_num_queries):
    albums = AlbumFactory.create_batch(3)
    for album in albums:
        add_photos(album, 3)
    client.get(LIST_URL)  # warm the site profile and visit cookie
    few = queries_for(client, LIST_URL)
    for album in albums:
        add_photos(album, 27)
    for album in AlbumFactory.create_batch(9):
        add_photos(album, 30)
    cache.clear()
    clear_all()
    with django_assert_num_queries(few):
        client.get(LIST_URL)
    assert few <= 12


# Album page


def test_album_page_shows_photos_in_order_with_captions(client):
    album = AlbumFactory()
    PhotoFactory(album=album, order=2, caption="Trao giải Nhất")
    PhotoFactory(album=album, order=1, caption="Khai mạc Hội thi")
    html = content_of(client.get(album.get_absolute_url()))
    assert html.index("Khai mạc Hội thi") < html.index("Trao giải Nhất")
    assert "<figcaption" in html


def test_every_image_has_alt_text_and_size(client):
    album = AlbumFactory()
    PhotoFactory(album=album, caption="Toàn cảnh hội nghị")
    PhotoFactory(album=album, caption="")
    images = IMG.findall(content_of(client.get(album.get_absolute_url())))
    grid = [tag for tag in images if "lightbox__image" not in tag]
    assert len(grid) == 2
    for tag in grid:
        assert re.search(r'alt="[^"]+"', tag), tag
        assert 'width="400"' in tag and 'height="300"' in tag
    assert 'alt="Toàn cảnh hội nghị"' in grid[0]
    assert f'alt="Ảnh trong album “{album.title}”"' in grid[1]


def test_each_thumbnail_links_to_the_large_image_without_javascript(client):
    album = AlbumFactory()
    photo = PhotoFactory(album=album)
    html = content_of(client.get(album.get_absolute_url()))
    assert f'href="{photo.large.url}"' in html
    assert f'data-width="{photo.large_width}" data-height="{photo.large_height}"' in html


def test_album_page_loads_the_lightbox_script_deferred(client):
    album = AlbumFactory()
    PhotoFactory(album=album)
    html = client.get(album.get_absolute_url()).content.decode()
    assert re.search(r'<script src="[^"]*js/gallery\.js" defer></script>', html)
    assert 'role="dialog" aria-modal="true"' in html
    assert " onclick=" not in html


def test_draft_album_is_not_found_for_visitors(client):
    album = AlbumFactory(status=Status.DRAFT)
    assert client.get(album.get_absolute_url()).status_code == 404


def test_scheduled_album_is_not_found_for_visitors(client):
    album = AlbumFactory(published_at=timezone.now() + timedelta(hours=2))
    assert client.get(album.get_absolute_url()).status_code == 404


def test_unknown_album_is_not_found(client):
    assert client.get("/thu-vien-anh/khong-co-album-nay/").status_code == 404


def test_album_page_query_count_is_the_same_for_3_and_30_photos(client, django_assert_num_queries):
    album = AlbumFactory()
    add_photos(album, 3)
    url = album.get_absolute_url()
    client.get(url)
    few = queries_for(client, url)
    add_photos(album, 27)
    cache.clear()
    clear_all()
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.content.decode().count('class="photo-grid__link"') == 30
    assert few <= 12


# HÌNH HOẠT ĐỘNG block and sitemap


def sidebar_photos(response):
    html = response.content.decode()
    block = html.split('id="block-photos"', 1)[1].split("</section>", 1)[0]
    return IMG.findall(block), block


def test_home_block_shows_the_latest_published_photos(client):
    shown = AlbumFactory()
    PhotoFactory.create_batch(7, album=shown)
    newest = PhotoFactory(album=shown, caption="Ảnh mới nhất")
    PhotoFactory(album__status=Status.DRAFT, caption="Ảnh của album nháp")
    images, block = sidebar_photos(client.get("/"))
    assert len(images) == 6
    assert 'alt="Ảnh mới nhất"' in images[0]
    assert "Ảnh của album nháp" not in block
    assert f'href="{newest.get_absolute_url()}"' in block
    for tag in images:
        assert 'loading="lazy"' in tag
        assert 'width="160" height="120"' in tag
        assert re.search(r'alt="[^"]+"', tag)


def test_home_block_query_count_is_the_same_for_3_and_30_photos(client, django_assert_num_queries):
    album = AlbumFactory()
    add_photos(album, 3)
    client.get("/")
    few = queries_for(client, "/")
    add_photos(album, 27)
    add_photos(AlbumFactory(), 30)
    cache.clear()
    clear_all()
    with django_assert_num_queries(few):
        client.get("/")
    assert few <= 12


def test_sitemap_lists_published_albums_only(client):
    shown = AlbumFactory(title="Album công khai")
    hidden = AlbumFactory(status=Status.DRAFT)
    xml = client.get(reverse("sitemap")).content.decode()
    assert shown.get_absolute_url() in xml
    assert hidden.get_absolute_url() not in xml


def test_album_page_carries_opengraph_with_its_first_photo(client):
    album = AlbumFactory(title="Đại hội Liên hiệp Hội")
    photo = PhotoFactory(album=album, order=0)
    html = client.get(album.get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="Đại hội Liên hiệp Hội">' in html
    assert f'<meta property="og:image" content="http://testserver{photo.card.url}">' in html

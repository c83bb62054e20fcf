"""Files of what visitors may not see are not theirs by any address:
originals and renditions, served by Django or named to nginx."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.models import Status
from tests.documents.factories import DocumentFactory, DocumentFileFactory
from tests.gallery.factories import AlbumFactory, PhotoFactory
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def media_url(name):
    return f"/media/{name}"


def draft_photo(**album):
    return PhotoFactory(album=AlbumFactory(status=Status.DRAFT, **album))


@pytest.fixture
def clerk(client, staff_user):
    """A staff member allowed to see unpublished documents, albums and articles."""
    codenames = ["view_document", "view_album", "view_article"]
    staff_user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(staff_user)
    return client


def test_a_draft_documents_file_is_not_served_to_visitors(client):
    document_file = DocumentFileFactory(document=DocumentFactory(status=Status.DRAFT))
    assert client.get(media_url(document_file.file.name)).status_code == 404


def test_a_draft_documents_file_is_served_to_staff_who_may_see_it(clerk):
    document_file = DocumentFileFactory(document=DocumentFactory(status=Status.DRAFT))
    response = clerk.get(media_url(document_file.file.name))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


def test_a_published_documents_file_is_public_and_cacheable(client):
    document_file = DocumentFileFactory()
    response = client.get(media_url(document_file.file.name))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "public" in response["Cache-Control"]
    assert "Set-Cookie" not in response


@pytest.mark.parametrize(
    "album",
    [{}, {"published_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_an_unpublished_albums_photo_and_renditions_are_not_served_to_visitors(client, album):
    photo = draft_photo(**album)
    if "published_at" in album:
        photo.album.status = Status.PUBLISHED
        photo.album.save()
    for url in [photo.image.url, photo.thumbnail.url, photo.card.url, photo.large.url]:
        assert client.get(url).status_code == 404, url


def test_an_unpublished_albums_photo_and_renditions_are_served_to_staff(clerk):
    photo = draft_photo()
    for url in [photo.image.url, photo.thumbnail.url, photo.large.url]:
        response = clerk.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/jpeg"


def test_a_published_albums_photo_and_renditions_are_public(client):
    photo = PhotoFactory()
    for url in [photo.image.url, photo.thumbnail.url, photo.card.url]:
        assert client.get(url).status_code == 200, url


def test_a_draft_articles_cover_is_not_served_to_visitors(client):
    article = ArticleFactory(draft=True, with_cover=True)
    assert client.get(article.cover.url).status_code == 404
    assert client.get(article.cover_card.url).status_code == 404


def test_an_album_unpublished_later_hides_its_photos_at_once(client):
    photo = PhotoFactory()
    assert client.get(photo.image.url).status_code == 200
    photo.album.status = Status.DRAFT
    photo.album.save()
    assert client.get(photo.image.url).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/media/../lhh/settings.py", "/media/%2e%2e/manage.py", "/media/", "/media/a%00b",
     "/media/khong-co.jpg", "/media/gallery/", "/media/CACHE/images/x"],
)  # fmt: skip
def test_odd_media_addresses_give_404(client, path):
    assert client.get(path).status_code == 404


def test_behind_nginx_the_file_is_named_in_the_internal_location(client, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/_protected-media/"
    photo = PhotoFactory()
    response = client.get(photo.image.url)
    assert response["X-Accel-Redirect"] == f"/_protected-media/{photo.image.name}"
    assert response["Content-Type"] == "image/jpeg"
    assert response.content == b""
    draft = draft_photo()
    assert client.get(draft.image.url).status_code == 404


def test_behind_nginx_a_download_keeps_its_name(client, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/_protected-media/"
    document_file = DocumentFileFactory()
    response = client.get(document_file.get_absolute_url())
    assert response["X-Accel-Redirect"] == f"/_protected-media/{document_file.file.name}"
    assert response["Content-Disposition"] == 'attachment; filename="van-ban.pdf"'

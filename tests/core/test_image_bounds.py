"""An image cheap to send must be cheap to keep: extreme sizes are refused,
and renditions never enlarge, so their work is bounded by the source's."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gallery.models import Photo
from tests.gallery.factories import AlbumFactory
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def png(size):
    buffer = BytesIO()
    Image.new("1", size).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ((65535, 1), "quá lớn (65535×1 điểm ảnh)"),
        ((1, 60000), "quá lớn (1×60000 điểm ảnh)"),
        ((4000, 100), "quá dài hoặc quá hẹp (4000×100 điểm ảnh)"),
    ],
    ids=["wide", "tall", "narrow-strip"],
)
def test_an_extreme_png_is_refused_by_the_editor_upload(client, staff_user, size, message):
    content = png(size)
    assert len(content) < 1000
    client.force_login(staff_user)
    response = client.post(
        "/ckeditor5/image_upload/", {"upload": SimpleUploadedFile("dai.png", content)}
    )
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


def test_an_extreme_png_is_refused_by_the_album_upload(admin_client):
    from tests.core.test_uploads import album_form

    album = AlbumFactory()
    response = admin_client.post(
        f"/admin/gallery/album/{album.pk}/change/",
        album_form(album, new_photos=[SimpleUploadedFile("dai.png", png((65535, 1)))]),
        follow=True,
    )
    assert "Ảnh “dai.png” quá lớn (65535×1 điểm ảnh)" in response.content.decode()
    assert not album.photos.exists()


def test_a_one_pixel_png_is_kept_and_its_renditions_not_enlarged():
    photo = Photo.objects.create(
        album=AlbumFactory(), image=SimpleUploadedFile("cham.png", png((1, 1)))
    )
    for rendition in (photo.thumbnail, photo.card, photo.large):
        with default_storage.open(rendition.name) as stored, Image.open(stored) as image:
            assert image.size == (1, 1)


def test_renditions_of_a_stored_strip_stay_within_its_pixels():
    # Stored before the bounds existed (or by hand): 8000×1 pixels. A crop to
    # 4:3 that enlarges would make it 960,000 × 120.
    article = ArticleFactory(cover=ContentFile(png((10, 10)), name="a.png"))
    name = article.cover.name
    default_storage.delete(name)
    assert default_storage.save(name, ContentFile(png((8000, 1)))) == name
    default_storage.delete(article.cover_card.name)
    article = type(article).objects.get(pk=article.pk)
    article.cover_card.generate(force=True)
    with default_storage.open(article.cover_card.name) as stored, Image.open(stored) as image:
        assert image.width <= 8000 and image.height <= 1

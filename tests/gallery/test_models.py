from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import ExifTags, Image

from core.models import Status
from gallery.models import Album, Photo

from .factories import AlbumFactory, PhotoFactory
from .images import gps_exif, image_bytes, upload

pytestmark = pytest.mark.django_db


def rendition_image(spec):
    with spec.storage.open(spec.name) as handle:
        image = Image.open(handle)
        image.load()
        return image


def test_slug_comes_from_the_vietnamese_title():
    album = AlbumFactory(title="Đại hội Liên hiệp Hội Lâm Đồng")
    assert album.slug == "dai-hoi-lien-hiep-hoi-lam-dong"


def test_cover_from_another_album_is_refused():
    album = AlbumFactory()
    stranger = PhotoFactory()
    album.cover = stranger
    with pytest.raises(ValidationError) as error:
        album.full_clean()
    assert "cover" in error.value.message_dict


def test_cover_of_its_own_photos_is_accepted():
    photo = PhotoFactory()
    photo.album.cover = photo
    photo.album.full_clean()


def test_deleting_the_cover_photo_keeps_the_album():
    photo = PhotoFactory()
    album = photo.album
    album.cover = photo
    album.save()
    photo.delete()
    album.refresh_from_db()
    assert album.cover is None


def test_photo_records_its_size():
    photo = PhotoFactory(image=upload("a.jpg", image_bytes((300, 200))))
    assert (photo.width, photo.height) == (300, 200)


def test_renditions_are_made_on_save_with_their_sizes():
    photo = PhotoFactory(image=upload("rong.jpg", image_bytes((2400, 1200))))
    assert rendition_image(photo.thumbnail).size == (160, 120)
    assert rendition_image(photo.card).size == (400, 300)
    assert rendition_image(photo.large).size == (1600, 800)


def test_large_rendition_size_is_known_without_opening_the_file():
    photo = PhotoFactory(image=upload("doc.jpg", image_bytes((900, 1800))))
    reloaded = Photo.objects.get(pk=photo.pk)
    assert (reloaded.large_width, reloaded.large_height) == (800, 1600)
    assert rendition_image(reloaded.large).size == (800, 1600)


def test_small_photo_is_not_enlarged_for_the_lightbox():
    photo = PhotoFactory(image=upload("nho.jpg", image_bytes((640, 480))))
    assert (photo.large_width, photo.large_height) == (640, 480)
    assert rendition_image(photo.large).size == (640, 480)


@pytest.mark.parametrize("spec", ["thumbnail", "card", "large"])
def test_renditions_carry_no_gps_or_camera_exif(spec):
    content = image_bytes((800, 600), exif=gps_exif())
    assert Image.open(upload("x.jpg", content)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    photo = PhotoFactory(image=upload("co-gps.jpg", content))
    exif = rendition_image(getattr(photo, spec)).getexif()
    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert ExifTags.Base.Make not in exif


def test_exif_orientation_is_applied_to_renditions():
    # Stored sideways: left half red, right half blue, Orientation 6 says
    # "turn 90° clockwise to show". Upright, red is on top.
    image = Image.new("RGB", (400, 200), "blue")
    image.paste("red", (0, 0, 200, 200))
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=gps_exif(orientation=6))
    photo = PhotoFactory(image=upload("xoay.jpg", buffer.getvalue()))
    assert (photo.width, photo.height) == (200, 400)
    large = rendition_image(photo.large)
    assert large.size == (200, 400)
    top = large.getpixel((100, 50))
    bottom = large.getpixel((100, 350))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_alt_text_falls_back_to_the_album_title():
    photo = PhotoFactory(caption="", album__title="Hội thi sáng tạo")
    assert photo.alt_text == "Ảnh trong album “Hội thi sáng tạo”"


def test_published_photos_leave_out_draft_and_scheduled_albums():
    shown = PhotoFactory()
    PhotoFactory(album__status=Status.DRAFT)
    PhotoFactory(album__published_at=timezone.now() + timedelta(days=1))
    assert list(Photo.objects.published()) == [shown]


def test_listing_falls_back_to_the_first_photo_without_a_cover():
    album = AlbumFactory()
    PhotoFactory(album=album, order=5)
    first = PhotoFactory(album=album, order=1)
    listed = Album.objects.for_listing().get(pk=album.pk)
    assert listed.listing_photo == first
    assert listed.photo_count == 2

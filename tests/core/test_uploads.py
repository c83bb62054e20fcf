"""Every way into storage gives a file a name the server chooses, with the
extension of what the content is, and pictures lose their metadata: a JPEG
with a script in its comment, sent as "pwn.html", must never be stored as a
page of the site's own origin."""

import re
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from documents.demo import make_pdf
from documents.models import DocumentFile
from gallery.models import Photo
from news.models import Article
from tests.documents.factories import DocumentFactory
from tests.documents.test_admin import add_form_data
from tests.gallery.factories import AlbumFactory
from tests.gallery.images import gps_exif
from tests.news.factories import CategoryFactory

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>fetch('/admin/').then(r=>r.text()).then(alert)</script>"
# The names an attacker sends: an HTML ending, a double one, and a
# right-to-left override that shows "pwn\u202egpj.html" as "pwnlmth.jpg".
HOSTILE_NAMES = ["pwn.html", "x.jpg.html", "pwn\u202egpj.html"]


def jpeg_with_script(size=(64, 48), exif=None):
    buffer = BytesIO()
    options = {"comment": SCRIPT}
    if exif is not None:
        options["exif"] = exif
    Image.new("RGB", size, "teal").save(buffer, "JPEG", **options)
    return buffer.getvalue()


def hostile_upload(name, content=None, content_type="text/html"):
    return SimpleUploadedFile(name, content or jpeg_with_script(), content_type)


def assert_server_named(name, folder, extension):
    assert re.fullmatch(rf"{folder}/[0-9a-f]{{32}}\.{extension}", name), name
    with default_storage.open(name) as stored:
        data = stored.read()
    assert SCRIPT not in data


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_album_bulk_upload_stores_a_name_of_its_own(admin_client, name):
    album = AlbumFactory()
    response = admin_client.post(
        reverse("admin:gallery_album_change", args=[album.pk]),
        album_form(album, new_photos=[hostile_upload(name)]),
    )
    assert response.status_code == 302
    assert_server_named(Photo.objects.get().image.name, r"gallery/\d{4}/\d{2}", "jpg")


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_photo_inline_stores_a_name_of_its_own(admin_client, name):
    album = AlbumFactory()
    data = album_form(album)
    data.update(
        {
            "photos-TOTAL_FORMS": 1,
            "photos-0-image": hostile_upload(name),
            "photos-0-caption": "Ảnh gửi qua dòng ảnh",
            "photos-0-order": 1,
        }
    )
    response = admin_client.post(reverse("admin:gallery_album_change", args=[album.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_server_named(Photo.objects.get().image.name, r"gallery/\d{4}/\d{2}", "jpg")


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_article_cover_stores_a_name_of_its_own(admin_client, name):
    response = admin_client.post(
        reverse("admin:news_article_add"),
        {
            "title": "Tin có ảnh đại diện",
            "category": CategoryFactory().pk,
            "status": "draft",
            "published_at_0": "16/08/2017",
            "published_at_1": "09:00:00",
            "cover": hostile_upload(name),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert_server_named(article.cover.name, r"news/\d{4}/\d{2}", "jpg")
    assert (article.cover_width, article.cover_height) == (64, 48)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_editor_upload_stores_a_name_of_its_own(client, staff_user, name):
    client.force_login(staff_user)
    response = client.post("/ckeditor5/image_upload/", {"upload": hostile_upload(name)})
    url = response.json()["url"]
    assert_server_named(url.removeprefix("/media/"), r"editor/\d{4}/\d{2}", "jpg")


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_document_file_named_as_html_is_refused_in_the_admin(admin_client, name):
    response = admin_client.post(
        reverse("admin:documents_document_add"),
        document_form({"files-0-file": hostile_upload(name, make_pdf(["Quyet dinh"]))}),
    )
    assert response.status_code == 200
    assert "phần đuôi tên không khớp" in response.content.decode()
    assert not DocumentFile.objects.exists()


@pytest.mark.parametrize("name", [*HOSTILE_NAMES, "quyet-dinh.pdf"])
def test_document_file_stored_without_the_form_gets_a_name_of_its_own(name):
    # An import, or the spreadsheet import, creates rows without a form.
    document_file = DocumentFile.objects.create(
        document=DocumentFactory(), file=hostile_upload(name, make_pdf(["Quyet dinh"]))
    )
    assert_server_named(document_file.file.name, r"van-ban/\d{4}/\d{2}", "pdf")
    assert "\u202e" not in document_file.original_name


def test_document_download_name_ends_in_the_real_extension():
    upload = hostile_upload("to-trinh\u202efdp.exe", make_pdf(["To trinh"]))
    document_file = DocumentFile.objects.create(document=DocumentFactory(), file=upload)
    assert document_file.download_name == "to-trinhfdp.exe.pdf"


def test_a_file_name_longer_than_the_file_system_allows_is_saved(admin_client):
    # 120 × "ệ" + ".pdf" is 124 characters but 364 bytes: more than the 255
    # bytes a file name may have on ext4.
    name = "ệ" * 120 + ".pdf"
    assert len(name.encode()) == 364
    upload = SimpleUploadedFile(name, make_pdf(["Quyet dinh"]), "application/pdf")
    response = admin_client.post(
        reverse("admin:documents_document_add"), document_form({"files-0-file": upload})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document_file = DocumentFile.objects.get()
    assert document_file.original_name == name
    assert default_storage.exists(document_file.file.name)


def test_a_photo_original_keeps_no_exif_or_gps(admin_client):
    album = AlbumFactory()
    content = jpeg_with_script(size=(80, 40), exif=gps_exif(orientation=6))
    admin_client.post(
        reverse("admin:gallery_album_change", args=[album.pk]),
        album_form(album, new_photos=[SimpleUploadedFile("dalat.jpg", content, "image/jpeg")]),
    )
    photo = Photo.objects.get()
    with default_storage.open(photo.image.name) as stored, Image.open(stored) as image:
        exif = image.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Make not in exif
        assert "comment" not in image.info
        # Turned upright before the orientation tag went.
        assert image.size == (40, 80)
    assert (photo.width, photo.height) == (40, 80)


def test_an_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    buffer = BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0,
        comment=SCRIPT,
    )  # fmt: skip
    photo = Photo.objects.create(
        album=AlbumFactory(), image=SimpleUploadedFile("dong.gif", buffer.getvalue())
    )
    with default_storage.open(photo.image.name) as stored, Image.open(stored) as image:
        assert image.n_frames == 3
        assert image.info.get("duration") == 120
        assert "comment" not in image.info


def album_form(album, **extra):
    published_at = album.published_at.astimezone()
    data = {
        "title": album.title,
        "slug": album.slug,
        "event_on": "",
        "description": album.description,
        "cover": "",
        "status": album.status,
        "published_at_0": published_at.strftime("%d/%m/%Y"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "photos-MIN_NUM_FORMS": 0,
        "photos-MAX_NUM_FORMS": 1000,
        "_save": "Lưu lại",
    }
    data.update(extra)
    return data


def document_form(extra):
    # The documents admin's own form data, a draft with one file row.
    return add_form_data(status="draft", **extra)

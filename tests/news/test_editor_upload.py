"""CKEditor 5 image uploads: staff only, real images only, within limits."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from .factories import png_bytes

pytestmark = pytest.mark.django_db

URL = "/ckeditor5/image_upload/"


def image_bytes(image_format, size=(40, 30)):
    buffer = BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, image_format)
    return buffer.getvalue()


def upload(client, name, content, content_type="image/png"):
    return client.post(URL, {"upload": SimpleUploadedFile(name, content, content_type)})


def test_staff_upload_of_a_png_is_stored_under_a_new_name(client, staff_user):
    client.force_login(staff_user)
    response = upload(client, "ảnh hội nghị.png", png_bytes())
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/editor/") and url.endswith(".png")
    assert default_storage.exists(url.removeprefix("/media/"))


def test_image_gets_the_extension_of_its_real_format(client, staff_user):
    client.force_login(staff_user)
    response = upload(client, "anh.png", image_bytes("JPEG"))
    assert response.json()["url"].endswith(".jpg")


def test_visitor_may_not_upload(client):
    response = upload(client, "anh.png", png_bytes())
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Bạn không có quyền tải ảnh lên."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("anh.png", b"<html><script>alert(1)</script></html>"),
        ("anh.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100),
        ("anh.bmp", image_bytes("BMP")),
        ("anh.tiff", image_bytes("TIFF")),
    ],
)
def test_files_that_are_not_accepted_images_are_refused(client, staff_user, name, content):
    client.force_login(staff_user)
    response = upload(client, name, content)
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert name in message
    assert "không phải là ảnh hợp lệ" in message or "không được chấp nhận" in message


def test_too_large_image_is_refused_with_the_limit(client, staff_user, settings):
    settings.IMAGE_MAX_UPLOAD_SIZE = 100
    client.force_login(staff_user)
    response = upload(client, "lon.png", png_bytes(size=(300, 300)))
    assert response.status_code == 400
    assert "quá lớn" in response.json()["error"]["message"]


def test_image_with_too_many_pixels_is_refused(client, staff_user, settings):
    settings.IMAGE_MAX_PIXELS = 100
    client.force_login(staff_user)
    response = upload(client, "to.png", png_bytes(size=(20, 20)))
    assert response.status_code == 400
    assert "quá nhiều điểm ảnh" in response.json()["error"]["message"]


def test_missing_file_gets_a_message(client, staff_user):
    client.force_login(staff_user)
    response = client.post(URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Chưa chọn tệp ảnh để tải lên."


def test_get_is_not_allowed(client, staff_user):
    client.force_login(staff_user)
    assert client.get(URL).status_code == 405

import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_is_locked_after_repeated_failures(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "quantri", "password": "sai-mat-khau"})
    response = client.post(
        "/admin/login/", {"username": "quantri", "password": "mat-khau-thu-nghiem"}
    )
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_admin_login_works_with_the_right_password(client, superuser):
    response = client.post(
        "/admin/login/", {"username": "quantri", "password": "mat-khau-thu-nghiem"}
    )
    assert response.status_code == 302


def test_admin_is_in_vietnamese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Quản trị Cổng thông tin LHH" in html
    assert "Thông tin đơn vị" in html or "thông tin đơn vị" in html


@pytest.mark.django_db(transaction=True)
def test_staff_groups_come_back_after_a_flush():
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Biên tập viên", "Văn thư", "Cán bộ hỏi đáp"} <= names
    editors = Group.objects.get(name="Biên tập viên")
    assert editors.permissions.filter(codename="add_photo").exists()


def test_a_truncated_jpeg_is_not_an_image():
    from io import BytesIO

    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from core.validators import validate_image

    buffer = BytesIO()
    Image.new("RGB", (400, 300), "red").save(buffer, "JPEG")
    truncated = SimpleUploadedFile("anh.jpg", buffer.getvalue()[:600])
    with pytest.raises(ValidationError, match="anh.jpg"):
        validate_image(truncated)


def test_history_and_recovery_screens_are_in_vietnamese(admin_client):
    html = admin_client.get("/admin/sitecontent/page/").content.decode()
    assert "Khôi phục trang thông tin đã xóa" in html
    html = admin_client.get("/admin/sitecontent/page/recover/").content.decode()
    assert "Không có mục nào đã xóa để khôi phục." in html
    # The page title comes from django-reversion's code (lhh/locale).
    assert "<title>Khôi phục trang thông tin đã xóa |" in html


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Initial version.", "Phiên bản đầu tiên."),
        ("Recover deleted %(name)s", "Khôi phục %(name)s đã xóa"),
        (
            "Reverted to previous version, saved on %(datetime)s",
            "Trở về phiên bản đã lưu lúc %(datetime)s",
        ),
    ],
)
def test_django_reversions_own_strings_are_translated(english, vietnamese):
    from django.utils.translation import gettext

    assert gettext(english) == vietnamese


@pytest.mark.parametrize("url", ["/", "/admin/", "/admin/login/"])
def test_pages_link_the_favicon_from_static(client, superuser, url):
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    if url == "/admin/":
        client.force_login(superuser)
    html = client.get(url).content.decode()
    assert f'<link rel="icon" href="{static("img/favicon.svg")}"' in html
    assert finders.find("img/favicon.svg")


@pytest.mark.parametrize(
    "role, names",
    [
        (None, ["Lĩnh vực văn bản", "Lĩnh vực hoạt động", "Lĩnh vực hỏi đáp"]),
        ("Văn thư", ["Lĩnh vực văn bản"]),
        ("Cán bộ hỏi đáp", ["Lĩnh vực hỏi đáp"]),
    ],
)
def test_fields_of_each_app_are_told_apart(client, superuser, django_user_model, role, names):
    from django.contrib.auth.models import Group

    user = superuser
    if role:
        user = django_user_model.objects.create_user("canbo", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    app_list = client.get("/admin/").context["app_list"]
    listed = [model["name"] for app in app_list for model in app["models"]]
    assert sorted(name for name in listed if name.startswith("Lĩnh vực")) == sorted(names)

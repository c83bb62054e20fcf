import pytest

from oldsite.models import OldAddress

pytestmark = pytest.mark.django_db

URL = "/admin/oldsite/oldaddress/"


def test_staff_add_a_redirect_in_the_admin(admin_client, client):
    response = admin_client.post(
        f"{URL}add/",
        {"address": " /Gioithieu.aspx?Id=3 ", "target_url": "/gioi-thieu/", "reason": "Trang cũ"},
    )
    assert response.status_code == 302
    row = OldAddress.objects.get()
    assert (row.address, row.target_url, row.reason) == (
        "/Gioithieu.aspx?Id=3",
        "/gioi-thieu/",
        "Trang cũ",
    )
    assert client.get("/gioithieu.aspx?id=3")["Location"] == "/gioi-thieu/"


def test_the_admin_speaks_vietnamese(admin_client):
    page = admin_client.get(f"{URL}add/").content.decode()
    assert "Địa chỉ cũ" in page and "Chuyển đến" in page and "Lý do" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"address": "Gioithieu.aspx", "target_url": "/"}, "phải bắt đầu bằng “/”"),
        ({"address": "/Lap.aspx", "target_url": "/lap.aspx"}, "lặp vô tận"),
        ({"address": "/A.aspx", "target_url": "javascript:alert(1)"}, "http:// hoặc https://"),
        ({"address": "/A.aspx", "target_url": ""}, "Hãy nhập địa chỉ mới"),
    ],
)
def test_a_wrong_redirect_is_refused_with_a_vietnamese_message(admin_client, data, message):
    response = admin_client.post(f"{URL}add/", {**data, "reason": ""})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OldAddress.objects.exists()


def test_the_same_old_address_twice_is_refused(admin_client):
    OldAddress.objects.create(address="/Gioithieu.aspx", target_url="/gioi-thieu/")
    response = admin_client.post(f"{URL}add/", {"address": "/GIOITHIEU.aspx", "target_url": "/"})
    assert "Địa chỉ cũ này đã có chuyển hướng." in response.content.decode()


def test_an_imported_address_shows_its_content(admin_client, imported):
    row = OldAddress.objects.get(address="/NewsDetail.aspx?Id=9037")
    page = admin_client.get(f"{URL}{row.pk}/change/").content.decode()
    assert "Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017" in page


def test_an_imported_address_saves_unchanged_and_keeps_following_its_content(
    admin_client, client, imported
):
    row = OldAddress.objects.get(address="/NewsDetail.aspx?Id=9037")
    response = admin_client.post(f"{URL}{row.pk}/change/", {"reason": "Tin cũ"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.address, row.reason) == ("/NewsDetail.aspx?Id=9037", "Tin cũ")
    assert client.get(row.address)["Location"] == row.content_object.get_absolute_url()

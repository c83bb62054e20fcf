"""Leaders and contact officials (NĐ 42/2022 Điều 4) on the structure and
contact pages, and the organisation chart built from them."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from sitecontent.models import ContactList, ContactPoint
from tests.news.factories import png_bytes

from .factories import ContactPointFactory, PageFactory

pytestmark = pytest.mark.django_db


ADD_URL = "/admin/sitecontent/contactpoint/add/"


def contact_form(**changes):
    """The admin's add form, filled in as staff would."""
    return {
        "name": "Bà Lê Thị Thu Hà",
        "role": ContactPoint.Role.OFFICIAL,
        "title": "Chánh Văn phòng",
        "unit": "Văn phòng",
        "phone": "0263 3822 466",
        "email": "vanphong@lhhlamdong.vn",
        "order": 1,
        "is_active": "on",
        **changes,
    }


def structure_page():
    return PageFactory(title="Cơ cấu tổ chức", contact_list=ContactList.LEADERS)


def contact_page():
    return PageFactory(title="Liên hệ", contact_list=ContactList.OFFICIALS)


def test_structure_page_lists_each_leaders_name_title_phone_and_email(client):
    page = structure_page()
    ContactPointFactory(
        leader=True,
        name="TS. Phạm Thị Lan",
        title="Chủ tịch",
        phone="0263 3822 468",
        email="chutich@lhhlamdong.vn",
    )
    html = client.get(page.get_absolute_url()).content.decode()
    leaders = html.split('id="contacts-leaders"')[1].split("</section>")[0]
    assert "Lãnh đạo Liên hiệp Hội" in leaders
    assert "TS. Phạm Thị Lan" in leaders
    assert "Chủ tịch – Thường trực Liên hiệp Hội" in leaders
    assert '<a href="tel:02633822468">0263 3822 468</a>' in leaders
    assert '<a href="mailto:chutich@lhhlamdong.vn">chutich@lhhlamdong.vn</a>' in leaders


def test_structure_page_lists_leaders_in_their_order(client):
    page = structure_page()
    ContactPointFactory(leader=True, name="Phó Chủ tịch B", order=2)
    ContactPointFactory(leader=True, name="Chủ tịch A", order=1)
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.index("Chủ tịch A") < html.index("Phó Chủ tịch B")


def test_the_organisation_chart_groups_everyone_by_unit_in_order(client):
    page = structure_page()
    ContactPointFactory(leader=True, name="TS. Phạm Thị Lan", order=1)
    ContactPointFactory(name="Bà Lê Thị Thu Hà", unit="Văn phòng", order=2)
    ContactPointFactory(name="Ông Võ Minh Tuấn", unit="Ban Khoa học", title="Trưởng ban", order=3)
    ContactPointFactory(name="Bà Nguyễn Thị Nhung", unit="Văn phòng", title="Chuyên viên", order=4)
    html = client.get(page.get_absolute_url()).content.decode()
    chart = html.split('id="org-chart-title"')[1].split("</section>")[0]
    units = [part.split("</h3>")[0] for part in chart.split('class="org-chart__name">')[1:]]
    assert units == ["Thường trực Liên hiệp Hội", "Văn phòng", "Ban Khoa học"]
    office = chart.split("Văn phòng</h3>")[1].split("</ul>")[0]
    assert 'Chánh Văn phòng: <span lang="vi">Bà Lê Thị Thu Hà</span>' in office
    assert 'Chuyên viên: <span lang="vi">Bà Nguyễn Thị Nhung</span>' in office


def test_contact_page_lists_the_contact_officials_and_not_the_leaders(client):
    page = contact_page()
    ContactPointFactory(leader=True, name="TS. Phạm Thị Lan")
    ContactPointFactory(name="Bà Lê Thị Thu Hà", email="vanphong@lhhlamdong.vn")
    html = client.get(page.get_absolute_url()).content.decode()
    officials = html.split('id="contacts-officials"')[1].split("</section>")[0]
    assert "Cán bộ đầu mối liên hệ" in officials
    assert "Bà Lê Thị Thu Hà" in officials and "vanphong@lhhlamdong.vn" in officials
    assert "TS. Phạm Thị Lan" not in html


def test_a_contact_point_no_longer_shown_is_left_out(client):
    page = contact_page()
    ContactPointFactory(name="Ông Đã Nghỉ Hưu", is_active=False)
    ContactPointFactory(name="Bà Đang Làm")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Bà Đang Làm" in html and "Ông Đã Nghỉ Hưu" not in html


def test_a_page_without_a_contact_list_shows_no_one(client):
    page = PageFactory(title="Điều lệ")
    ContactPointFactory(name="Bà Lê Thị Thu Hà")
    assert "Bà Lê Thị Thu Hà" not in client.get(page.get_absolute_url()).content.decode()


def test_an_edited_contact_shows_at_once_on_the_cached_page(client):
    page = contact_page()
    person = ContactPointFactory(name="Bà Lê Thị Thu Hà", phone="0263 1111 111")
    assert "0263 1111 111" in client.get(page.get_absolute_url()).content.decode()
    person.phone = "0263 2222 222"
    person.save()
    assert "0263 2222 222" in client.get(page.get_absolute_url()).content.decode()


def test_a_portrait_is_shown_as_its_rendition_without_alt_text(client):
    page = structure_page()
    person = ContactPointFactory(leader=True)
    person.photo = ContentFile(png_bytes((300, 400)), name="chan-dung.png")
    person.save()
    html = client.get(page.get_absolute_url()).content.decode()
    rendition = person.photo_card.url
    assert rendition.startswith("/media/CACHE/images/contacts/")
    assert f'<img class="person__photo" src="{rendition}" alt="" width="96" height="128"' in html
    assert client.get(rendition).status_code == 200


def test_a_portrait_that_is_not_an_image_is_refused_and_the_form_keeps_the_text(admin_client):
    fake = SimpleUploadedFile("chan-dung.jpg", b"<html><script>alert(1)</script></html>")
    response = admin_client.post(ADD_URL, contact_form(photo=fake))
    assert response.status_code == 200
    html = response.content.decode()
    assert "hình ảnh hợp lệ" in html
    assert 'value="Bà Lê Thị Thu Hà"' in html
    assert not ContactPoint.objects.exists()


def test_a_contact_point_is_added_in_the_admin_with_a_portrait(admin_client):
    photo = SimpleUploadedFile("anh.png", png_bytes((300, 400)), content_type="image/png")
    response = admin_client.post(
        ADD_URL, contact_form(photo=photo, title_en="Head of Office", unit_en="Office")
    )
    assert response.status_code == 302
    person = ContactPoint.objects.get()
    assert person.photo.name.startswith("contacts/") and person.photo.name.endswith(".png")
    assert person.title_en == "Head of Office"


def test_contact_points_are_dragged_into_order_in_the_admin(admin_client):
    person = ContactPointFactory(order=3)
    html = admin_client.get("/admin/sitecontent/contactpoint/").content.decode()
    assert f'class="drag handle" pk="{person.pk}" order="3"' in html
    assert 'name="form-0-order"' in html


@pytest.mark.parametrize("make_page", [structure_page, contact_page])
def test_a_page_with_contacts_runs_the_same_queries_for_few_and_many(
    client, django_assert_max_num_queries, make_page
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import clear_all

    page = make_page()
    ContactPointFactory(leader=True)
    ContactPointFactory()
    clear_all()
    with CaptureQueriesContext(connection) as few:
        assert client.get(page.get_absolute_url()).status_code == 200
    for n in range(30):
        ContactPointFactory(leader=n % 3 == 0, unit=f"Ban số {n % 5}")
    clear_all()
    with django_assert_max_num_queries(len(few)):
        html = client.get(page.get_absolute_url()).content.decode()
    assert html.count('class="person"') > 2

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reversion.models import Version

from members.models import Organization

from .factories import FieldFactory, OrganizationFactory, OrganizationGroupFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/members/organization/"


def png(width=120, height=80):
    buffer = BytesIO()
    Image.new("RGB", (width, height), (19, 94, 168)).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def form_data(group, **extra):
    return {
        "name": "Hội Khoa học Lịch sử tỉnh Lâm Đồng",
        "short_name": "HKHLS",
        "slug": "",
        "group": group.pk,
        "order": 3,
        "is_active": "on",
        "leader_title": "Chủ tịch",
        "leader_name": "PGS.TS. Trương Văn Hiếu",
        "founded_on": "15/03/2007",
        "founding_decision": "",
        "member_count": 145,
        "address": "",
        "phone": "",
        "email": "",
        "website": "",
        "description": "<p>Giới thiệu</p>",
        **extra,
    }


def test_changelist_lists_organizations_with_their_group(admin_client):
    OrganizationFactory(name="Hội Y học", group=OrganizationGroupFactory(name="Hội thành viên"))
    page = admin_client.get(CHANGELIST).content.decode()
    assert "Hội Y học" in page and "Hội thành viên" in page


def test_changelist_filters_and_search_load(admin_client):
    field = FieldFactory(name="Y tế – Dược")
    organization = OrganizationFactory(name="Hội Y học", short_name="HYH", fields=[field])
    OrganizationFactory(name="Hội Tin học", short_name="LDIA")
    queries = [
        {"group__id__exact": organization.group_id},
        {"fields__id__exact": field.pk},
        {"q": "HYH"},
    ]
    for query in queries:
        page = admin_client.get(CHANGELIST, query).content.decode()
        assert "Hội Y học" in page, query
        assert "Hội Tin học" not in page, query


def test_active_filter_shows_hidden_organizations(admin_client):
    OrganizationFactory(name="Hội Y học")
    OrganizationFactory(name="Hội đã giải thể", is_active=False)
    page = admin_client.get(CHANGELIST, {"is_active__exact": "0"}).content.decode()
    assert "Hội đã giải thể" in page
    assert "Hội Y học" not in page


def test_order_is_saved_from_the_list(admin_client):
    first = OrganizationFactory(order=1)
    second = OrganizationFactory(order=2)
    response = admin_client.post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": first.pk,
            "form-0-order": "9",
            "form-1-id": second.pk,
            "form-1-order": "4",
            "_save": "Lưu",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.order, second.order) == (9, 4)


def test_adding_an_organization_stores_the_logo_size_and_a_history_version(admin_client):
    group = OrganizationGroupFactory()
    field = FieldFactory()
    response = admin_client.post(
        "/admin/members/organization/add/",
        form_data(group, fields=[field.pk], logo=png(120, 80)),
    )
    assert response.status_code == 302
    organization = Organization.objects.get()
    assert organization.slug == "hoi-khoa-hoc-lich-su-tinh-lam-dong"
    assert (organization.logo_width, organization.logo_height) == (120, 80)
    assert list(organization.fields.all()) == [field]
    assert Version.objects.get_for_object(organization).count() == 1


def test_a_fake_logo_is_refused_with_a_vietnamese_message_and_nothing_stored(admin_client):
    group = OrganizationGroupFactory()
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", content_type="image/png")
    response = admin_client.post("/admin/members/organization/add/", form_data(group, logo=fake))
    assert response.status_code == 200
    assert "Hãy tải lên một hình ảnh hợp lệ" in response.content.decode()
    # What was typed is kept in the form.
    assert "PGS.TS. Trương Văn Hiếu" in response.content.decode()
    assert not Organization.objects.exists()


def test_group_and_field_admins_load(admin_client):
    OrganizationFactory(fields=[FieldFactory()])
    assert admin_client.get("/admin/members/organizationgroup/").status_code == 200
    assert admin_client.get("/admin/members/field/").status_code == 200


def test_a_logo_over_the_pixel_limit_is_refused_by_the_shared_validator(admin_client, settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    group = OrganizationGroupFactory()
    response = admin_client.post(
        "/admin/members/organization/add/", form_data(group, logo=png(200, 200))
    )
    assert "có quá nhiều điểm ảnh" in response.content.decode()
    assert not Organization.objects.exists()

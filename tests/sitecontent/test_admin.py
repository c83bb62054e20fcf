"""The admin of the site's own content: the profile, pages, links, banners."""

import pytest

from sitecontent.models import SiteProfile

pytestmark = pytest.mark.django_db


def test_site_profile_is_a_single_row_that_cannot_be_deleted(admin_client):
    SiteProfile(name="Liên hiệp Hội").save()
    assert admin_client.get("/admin/sitecontent/siteprofile/add/").status_code == 403
    assert admin_client.get("/admin/sitecontent/siteprofile/1/delete/").status_code == 403


def test_site_profile_edit_refreshes_the_cached_header(admin_client, client):
    SiteProfile(name="Liên hiệp Hội cũ").save()
    client.get("/")
    profile = SiteProfile.load()
    profile.name = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
    profile.save()
    assert "tỉnh Lâm Đồng" in client.get("/").content.decode()


def test_banner_upload_refuses_a_file_that_is_not_an_image(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("banner.png", b"<html><script>alert(1)</script></html>")
    response = admin_client.post(
        "/admin/sitecontent/banner/add/",
        {"title": "Quảng cáo thử", "image": fake, "url": "", "order": 0, "is_active": "on"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "hình ảnh hợp lệ" in html
    assert 'value="Quảng cáo thử"' in html


def test_admin_pages_of_the_site_models_load(admin_client):
    for url in [
        "/admin/sitecontent/page/",
        "/admin/sitecontent/page/add/",
        "/admin/sitecontent/link/",
        "/admin/sitecontent/banner/",
        "/admin/visits/visitday/",
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_welcome_message_is_edited_in_a_wide_field(admin_client):
    profile, _ = SiteProfile.objects.get_or_create(pk=1)
    response = admin_client.get(f"/admin/sitecontent/siteprofile/{profile.pk}/change/")
    widget = str(response.context["adminform"].form["welcome_message"])
    assert 'type="text"' in widget
    assert 'class="vLargeTextField"' in widget
    assert 'size="100"' in widget


def test_site_profile_list_opens_its_one_form(admin_client):
    profile, _ = SiteProfile.objects.get_or_create(pk=1)
    response = admin_client.get("/admin/sitecontent/siteprofile/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/sitecontent/siteprofile/{profile.pk}/change/"


def test_site_profile_list_makes_the_row_on_a_fresh_site(admin_client):
    SiteProfile.objects.all().delete()
    response = admin_client.get("/admin/sitecontent/siteprofile/", follow=True)
    profile = SiteProfile.objects.get()
    assert response.redirect_chain[-1][0] == f"/admin/sitecontent/siteprofile/{profile.pk}/change/"
    assert "Lưu lại" in response.content.decode()


def test_site_profile_list_is_refused_to_staff_without_permission(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/admin/sitecontent/siteprofile/").status_code == 403
    assert not SiteProfile.objects.exists()

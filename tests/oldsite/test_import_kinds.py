"""Notices, organizations, albums and the files bodies link to, from the
fixture mirror through the ASP.NET mapping."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from gallery.models import Album
from members.models import Organization, OrganizationGroup
from news.models import Article
from oldsite.models import Kind, OldAddress

from .conftest import import_site

pytestmark = pytest.mark.django_db


def imported_object(old_address):
    return OldAddress.objects.get(address=old_address).content_object


def test_notices_go_into_a_notice_category(imported):
    notices = Article.objects.filter(category__is_notice=True)
    assert set(notices.values_list("title", flat=True)) == {
        "Thông báo tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ 12",
        "Thông báo mời tham gia Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam năm 2018",
    }
    assert {notice.category.name for notice in notices} == {"Thông báo"}
    published_at = imported_object("/ThongBao.aspx?Id=301").published_at
    assert timezone.localtime(published_at).date() == datetime.date(2018, 3, 2)


def test_notices_show_in_the_notices_block(client, imported):
    page = client.get("/").content.decode()
    assert "Thông báo tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ 12" in page


def test_an_existing_category_becomes_a_notice_category(db):
    from tests.news.factories import CategoryFactory

    CategoryFactory(name="Thông báo", is_notice=False)
    import_site()
    assert Article.objects.filter(category__name="Thông báo", category__is_notice=True).count() == 2


def test_organizations_are_imported_into_their_three_groups(imported):
    groups = {
        group.name: sorted(group.organizations.values_list("name", flat=True))
        for group in OrganizationGroup.objects.all()
    }
    assert groups == {
        "Hội thành viên": ["Hội Tin học Lâm Đồng", "Hội Y học Lâm Đồng"],
        "Tổ chức KH&CN": ["Trung tâm Nghiên cứu và Ứng dụng Công nghệ sinh học Lâm Đồng"],
        "Tổ chức trực thuộc LHH": ["Trung tâm Tư vấn và Chuyển giao Công nghệ Lâm Đồng"],
    }
    assert list(OrganizationGroup.objects.values_list("order", flat=True)) == [1, 2, 3]


def test_an_organization_keeps_its_fields(imported):
    item = imported_object("/ToChucChiTiet.aspx?Id=11")
    assert (item.short_name, item.leader_title, item.leader_name) == (
        "LDIA",
        "Chủ tịch",
        "Nguyễn Văn Bình",
    )
    assert item.founded_on == datetime.date(1998, 5, 12)
    assert (item.founding_decision, item.member_count) == ("1234/QĐ-UBND", 1250)
    assert (item.phone, item.email, item.website) == (
        "0263 3822 466",
        "hoitinhoc@lamdong.example",
        "http://www.ldia.example.vn",
    )
    assert item.logo.name.startswith("members/logos/") and default_storage.exists(item.logo.name)
    assert "tập hợp các nhà chuyên môn" in item.description
    assert "/Upload/images" not in item.description


def test_an_organization_with_a_bad_email_and_a_missing_logo_is_kept_without_them(imported):
    item = imported_object("/ToChucChiTiet.aspx?Id=12")
    assert (item.email, item.logo.name, item.member_count) == ("", "", 800)
    assert "/Upload/logo/khong-co.png: Không có tệp này" in imported


def test_an_imported_organization_page_answers(client, imported):
    item = imported_object("/ToChucChiTiet.aspx?Id=21")
    response = client.get(item.get_absolute_url())
    assert "Trung tâm Nghiên cứu và Ứng dụng Công nghệ sinh học" in response.content.decode()


def test_albums_keep_their_photos_captions_and_order(imported):
    album = imported_object("/HinhAnh.aspx?AlbumId=7")
    assert album.title == "Đại hội đại biểu Liên hiệp Hội Lâm Đồng lần thứ V"
    assert album.event_on == datetime.date(2017, 10, 13) and album.is_published
    assert album.description == "Đại hội nhiệm kỳ 2017 – 2022 tại Hội trường Tỉnh ủy."
    photos = list(album.photos.values_list("caption", "order", "width"))
    # The full picture the thumbnail links to, not the thumbnail.
    assert photos == [("Đoàn Chủ tịch điều hành Đại hội", 0, 120), ("Đại biểu biểu quyết", 1, 120)]


def test_a_photo_that_is_not_a_picture_is_reported_and_the_album_kept(imported):
    album = imported_object("/HinhAnh.aspx?AlbumId=8")
    assert list(album.photos.values_list("caption", flat=True)) == [
        "Nông dân Bảo Lộc trao đổi kinh nghiệm"
    ]
    assert "/Upload/album/hong.jpg: Tệp “hong.jpg” không phải là ảnh hợp lệ" in imported


def test_an_old_photo_address_leads_to_its_album(client, imported):
    album = Album.objects.get(title__startswith="Đại hội")
    response = client.get("/Upload/album/dai-hoi-1.jpg")
    assert response.status_code == 301
    assert response["Location"].startswith(album.get_absolute_url() + "#anh-")


def test_a_file_linked_from_a_body_is_copied_and_the_link_rewritten(imported):
    row = OldAddress.objects.get(address="/Upload/files/the-le-hoi-thi.docx")
    assert row.kind == Kind.ATTACHMENT and row.file.name.endswith(".docx")
    assert default_storage.exists(row.file.name)
    for notice in ("/ThongBao.aspx?Id=301", "/ThongBao.aspx?Id=302"):
        assert f'href="{row.file.url}"' in imported_object(notice).body


def test_a_copied_file_is_served_and_its_old_address_redirects(client, imported):
    row = OldAddress.objects.get(address="/Upload/files/the-le-hoi-thi.docx")
    response = client.get("/Upload/files/the-le-hoi-thi.docx")
    assert response.status_code == 301 and response["Location"] == row.file.url
    assert client.get(row.file.url).status_code == 200


def test_a_missing_linked_file_is_reported_and_the_link_kept(imported):
    assert "/Upload/files/mau-dang-ky.pdf: Không có tệp này" in imported
    assert 'href="/Upload/files/mau-dang-ky.pdf"' in imported_object("/ThongBao.aspx?Id=301").body


def test_an_organization_page_that_does_not_fit_is_reported(db, mirror):
    page = mirror / "ToChucChiTiet.aspx?Id=31"
    page.write_text(page.read_text().replace("lblTenToChuc", "lblKhac"))
    output = import_site(source=mirror.parent)
    assert "/ToChucChiTiet.aspx?Id=31: Không tìm thấy tên tổ chức" in output
    assert Organization.objects.count() == 3


def test_a_changed_caption_is_updated_without_a_new_photo(imported, mirror):
    page = mirror / "HinhAnh.aspx?AlbumId=7"
    page.write_text(page.read_text().replace("Đoàn Chủ tịch điều hành", "Đoàn Chủ tịch"))
    import_site(source=mirror.parent)
    album = imported_object("/HinhAnh.aspx?AlbumId=7")
    assert list(album.photos.values_list("caption", flat=True)) == [
        "Đoàn Chủ tịch Đại hội",
        "Đại biểu biểu quyết",
    ]

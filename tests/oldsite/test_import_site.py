import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import default_storage
from django.core.management.base import CommandError

from documents.models import Document, DocumentFile
from gallery.models import Album, Photo
from medialibrary.models import MediaItem
from members.models import Organization, OrganizationGroup
from news.models import Article, Category
from oldsite.models import Kind, OldAddress

from .conftest import MAPPING, import_site

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def article(old_address):
    return OldAddress.objects.get(address=old_address).content_object


def everything():
    return [
        model.objects.count()
        for model in (
            Article, Category, Document, DocumentFile, MediaItem, OldAddress,
            Organization, OrganizationGroup, Album, Photo,
        )
    ]  # fmt: skip


def test_the_mirror_imports_its_articles_in_their_categories(imported):
    titles = dict(
        Article.objects.exclude(category__is_notice=True).values_list("title", "category__name")
    )
    assert titles == {
        "Liên hiệp Hội Lâm Đồng tiếp tục vươn lên với vai trò là tổ chức chính trị - xã hội "
        "của đội ngũ trí thức khoa học và công nghệ trên địa bàn tỉnh": "Khoa học & Công nghệ",
        "Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017": "Tin hoạt động LHH Việt Nam",
        "Hội thảo ứng dụng khoa học kỹ thuật vào sản xuất chè": "Khoa học & Công nghệ",
    }
    assert set(Category.objects.values_list("name", flat=True)) == {
        "Khoa học & Công nghệ",
        "Tin hoạt động LHH Việt Nam",
        "Thông báo",
    }


def test_articles_keep_their_original_dates_and_are_published(imported):
    item = article("/NewsDetail.aspx?Id=9036")
    assert item.published_at == datetime.datetime(2017, 10, 13, tzinfo=HANOI)
    assert item.is_published
    assert article("/NewsDetail.aspx?Id=9037").published_at.astimezone(HANOI).date() == (
        datetime.date(2017, 8, 16)
    )


def test_documents_keep_number_date_type_issuer_and_file(imported):
    rows = {
        d.number: (d.issued_on, d.type.name, d.issuer.name, d.files.count())
        for d in Document.objects.select_related("type", "issuer")
    }
    assert rows == {
        "582/QĐ-UBND": (datetime.date(2018, 3, 30), "Quyết định", "Ủy ban nhân dân tỉnh", 1),
        "2136/QĐ-UBND": (datetime.date(2016, 9, 28), "Quyết định", "Ủy ban nhân dân tỉnh", 1),
        "50/QĐ-LHH": (
            datetime.date(2015, 3, 20),
            "Quyết định",
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
            0,
        ),
        "4171/KH-UBND": (datetime.date(2014, 8, 14), "Kế hoạch", "Ủy ban nhân dân tỉnh", 0),
        "48 CT/TU": (datetime.date(2010, 9, 7), "Chỉ thị", "Tỉnh ủy", 0),
    }
    document = Document.objects.get(number="582/QĐ-UBND")
    assert document.summary.startswith("Quyết định về việc phê duyệt Điều lệ")
    stored = document.files.get()
    assert stored.kind == "pdf" and stored.original_name == "582-QD-UBND.pdf"
    assert "Lien hiep Hoi" in stored.text
    assert default_storage.exists(stored.file.name)


def test_every_object_records_its_old_address(imported):
    kinds = {row.address: row.kind for row in OldAddress.objects.exclude(kind=Kind.IMAGE)}
    assert kinds["/NewsDetail.aspx?Id=9036"] == Kind.ARTICLE
    assert kinds["/NewsList.aspx?CatId=2"] == Kind.CATEGORY
    assert kinds["/VanBanDetail.aspx?Id=101"] == Kind.DOCUMENT
    assert kinds["/Upload/VanBan/582-QD-UBND.pdf"] == Kind.FILE
    assert kinds["/ThongBao.aspx?Id=301"] == Kind.NOTICE
    assert kinds["/ToChuc.aspx?Nhom=2"] == Kind.GROUP
    assert kinds["/ToChucChiTiet.aspx?Id=11"] == Kind.ORGANIZATION
    assert kinds["/HinhAnh.aspx?AlbumId=7"] == Kind.ALBUM
    assert kinds["/Upload/album/dai-hoi-1.jpg"] == Kind.PHOTO
    assert kinds["/Upload/files/the-le-hoi-thi.docx"] == Kind.ATTACHMENT
    assert OldAddress.objects.filter(kind=Kind.ARTICLE).count() == 3
    assert OldAddress.objects.filter(kind=Kind.DOCUMENT).count() == 5


def test_bodies_are_sanitized(imported):
    bodies = " ".join(Article.objects.values_list("body", flat=True))
    assert "<script" not in bodies
    assert "quangcao" not in bodies
    assert "onmouseover" not in bodies and "onclick" not in bodies
    assert "javascript:" not in bodies
    assert "style=" not in bodies


def test_body_images_are_copied_into_the_media_library(imported):
    body = article("/NewsDetail.aspx?Id=9036").body
    item = MediaItem.objects.get(alt_text="Đại hội Liên hiệp Hội Lâm Đồng")
    assert f'src="{item.file.url}"' in body
    assert default_storage.exists(item.file.name)
    assert "Upload/images" not in body


def test_a_picture_shown_twice_is_copied_once(imported):
    item = MediaItem.objects.get(alt_text="Đại hội Liên hiệp Hội Lâm Đồng")
    assert f'src="{item.file.url}"' in article("/NewsDetail.aspx?Id=9039").body
    # The other picture is an article's cover and a member's logo.
    assert MediaItem.objects.count() == 2


def test_an_article_cover_is_stored_checked(imported):
    cover = article("/NewsDetail.aspx?Id=9037").cover
    assert cover.name.startswith("news/") and cover.name.endswith(".png")
    assert default_storage.exists(cover.name)


def test_links_to_the_old_site_point_to_the_new_pages(imported):
    body = article("/NewsDetail.aspx?Id=9036").body
    other = article("/NewsDetail.aspx?Id=9037")
    assert f'href="{other.get_absolute_url()}"' in body
    # A page that was not imported keeps its old address, which a redirect can answer.
    assert 'href="/Gioithieu.aspx?Id=3"' in body
    assert 'href="http://www.vusta.vn/"' in body
    # A link to a file imported later in the same run.
    download = DocumentFile.objects.get(original_name="582-QD-UBND.pdf").get_absolute_url()
    assert f'href="{download}"' in other.body


def test_failures_are_reported_with_their_addresses(imported):
    failures = imported.split("Lỗi (")[1]
    assert "/NewsDetail.aspx?Id=9038: Ngày “(31/02/2017 )” không đúng định dạng" in failures
    assert "/Upload/images/hong.jpg: Tệp “hong.jpg” không phải là ảnh hợp lệ" in failures
    assert "/Upload/images/khong-co.jpg: Không có tệp này trong bản sao" in failures
    assert "/Upload/VanBan/50-QD-LHH.pdf: Không có tệp này" in failures
    assert "/Upload/VanBan/4171-KH-UBND.pdf: Tệp “4171-KH-UBND.pdf” không phải là văn bản" in (
        failures
    )
    assert "/VanBanDetail.aspx?Id=106: Văn bản 48/QĐ-TW: Ngày “07/13/2011”" in failures
    assert not Article.objects.filter(title__startswith="Tập huấn").exists()


def test_the_report_counts_each_kind(imported):
    assert "Tin bài: tạo mới 3, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 1" in imported
    assert "Thông báo: tạo mới 2, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 0" in imported
    # 582/QĐ-UBND is listed on both pages of the table.
    assert "Văn bản: tạo mới 5, cập nhật 0, không đổi 0, bỏ qua 1, lỗi 1" in imported
    assert "Chuyên mục: tạo mới 3, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 0" in imported
    assert "Tệp văn bản: tạo mới 2, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 2" in imported
    assert "Nhóm tổ chức: tạo mới 3, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 0" in imported
    assert "Tổ chức thành viên: tạo mới 4, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 0" in imported
    assert "Album ảnh: tạo mới 2, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 0" in imported
    assert "Ảnh trong album: tạo mới 3, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 1" in imported
    assert "Tệp đính kèm: tạo mới 1, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 1" in imported


def test_a_second_run_creates_nothing(imported):
    before = everything()
    output = import_site()
    assert everything() == before
    assert "tạo mới 0," in output and "tạo mới 1" not in output


def test_a_second_run_reads_again_only_what_had_failures(imported):
    output = import_site()
    # 9039's pictures, two documents' files, a logo, an album's photo and a
    # notice's file failed: those records are read again, the rest skipped.
    assert "Tin bài: tạo mới 0, cập nhật 1, không đổi 2, bỏ qua 0, lỗi 1" in output
    assert "Văn bản: tạo mới 0, cập nhật 2, không đổi 3, bỏ qua 1, lỗi 1" in output
    assert "Nhóm tổ chức: tạo mới 0, cập nhật 0, không đổi 3, bỏ qua 0, lỗi 0" in output
    assert "Tổ chức thành viên: tạo mới 0, cập nhật 1, không đổi 3, bỏ qua 0, lỗi 0" in output
    assert "Album ảnh: tạo mới 0, cập nhật 1, không đổi 1, bỏ qua 0, lỗi 0" in output
    assert "Thông báo: tạo mới 0, cập nhật 1, không đổi 1, bỏ qua 0, lỗi 0" in output
    # Each failure is reported again until it is fixed.
    assert "/Upload/files/mau-dang-ky.pdf: Không có tệp này" in output


def test_a_fixed_file_is_imported_on_the_next_run(imported, mirror):
    (mirror / "Upload/files/mau-dang-ky.pdf").write_bytes(
        (mirror / "Upload/VanBan/582-QD-UBND.pdf").read_bytes()
    )
    output = import_site(source=mirror.parent)
    assert "Tệp đính kèm: tạo mới 1," in output
    row = OldAddress.objects.get(address="/Upload/files/mau-dang-ky.pdf")
    assert f'href="{row.file.url}"' in article("/ThongBao.aspx?Id=301").body
    output = import_site(source=mirror.parent)
    assert "Thông báo: tạo mới 0, cập nhật 0, không đổi 2" in output


def test_a_second_run_updates_what_changed(imported, mirror):
    page = mirror / "NewsDetail.aspx?Id=9037"
    page.write_text(
        page.read_text().replace("Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017</span>",
                                 "Giao ban toàn quốc năm 2017</span>"),
    )  # fmt: skip
    item = article("/NewsDetail.aspx?Id=9037")
    before = everything()
    output = import_site(source=mirror.parent)
    # 9037 changed; 9039 is read again for its broken pictures.
    assert "Tin bài: tạo mới 0, cập nhật 2, không đổi 1, bỏ qua 0, lỗi 1" in output
    item.refresh_from_db()
    assert item.title == "Hội nghị Giao ban toàn quốc năm 2017"
    assert everything() == before


def test_dry_run_writes_nothing_and_says_what_it_would_do(db, settings):
    output = import_site("--dry-run")
    assert everything() == [0] * len(everything())
    assert not (settings.MEDIA_ROOT.exists() and any(settings.MEDIA_ROOT.rglob("*.*")))
    assert "Kết quả nhập thử (không ghi gì):" in output
    assert "sẽ tạo tin bài /NewsDetail.aspx?Id=9036: Liên hiệp Hội Lâm Đồng" in output
    assert "lỗi tin bài /NewsDetail.aspx?Id=9038" in output
    assert "Tin bài: sẽ tạo 3, sẽ cập nhật 0, không đổi 0, bỏ qua 0, lỗi 1" in output
    assert "Chuyên mục: sẽ tạo 3," in output
    assert "Ảnh: sẽ tạo 2, sẽ cập nhật 0, không đổi 0, bỏ qua 0, lỗi 3" in output
    assert "Tổ chức thành viên: sẽ tạo 4," in output
    assert "Ảnh trong album: sẽ tạo 3," in output
    assert "sẽ tạo tệp đính kèm /Upload/files/the-le-hoi-thi.docx" in output
    assert "Bỏ qua 19 trang, tệp không thuộc mục nào" in output


def test_dry_run_after_an_import_says_what_it_would_skip(imported):
    output = import_site("--dry-run")
    assert "không đổi tin bài /NewsDetail.aspx?Id=9036: không thay đổi từ lần nhập trước" in output


def test_a_page_that_is_not_html_is_reported(db, mirror):
    (mirror / "NewsDetail.aspx?Id=9040").write_bytes(b"")
    (mirror / "NewsDetail.aspx?Id=9041").write_bytes(b"\xff\xfe<<<\x00 <div")
    output = import_site(source=mirror.parent)
    assert "/NewsDetail.aspx?Id=9040: Trang trống." in output
    assert "/NewsDetail.aspx?Id=9041: Không tìm thấy tiêu đề" in output
    assert Article.objects.filter(category__is_notice=False).count() == 3


def test_a_mapping_with_a_bad_selector_is_refused(tmp_path, db):
    bad = tmp_path / "bad.toml"
    bad.write_text(MAPPING.read_text().replace('body = "#ctl00', 'body = "##ctl00'))
    with pytest.raises(CommandError, match="bộ chọn CSS “##ctl00"):
        import_site(mapping=bad)


def test_a_mapping_that_is_not_toml_is_refused(tmp_path, db):
    bad = tmp_path / "bad.toml"
    bad.write_text("[site\nhosts = 1")
    with pytest.raises(CommandError, match="sai cú pháp TOML"):
        import_site(mapping=bad)


def test_a_missing_mirror_folder_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="Không tìm thấy thư mục bản sao"):
        import_site(source=tmp_path / "khong-co")


def test_articles_without_a_date_selector_are_unchanged_on_a_second_run(db, tmp_path):
    undated = tmp_path / "undated.toml"
    undated.write_text(MAPPING.read_text().replace('date = "#ctl00', 'ngay = "#ctl00', 1))
    undated.write_text(undated.read_text().replace("ngay = ", "# ngay = "))
    import_site(mapping=undated)
    output = import_site(mapping=undated)
    assert "Tin bài: tạo mới 0, cập nhật 1, không đổi 3, bỏ qua 0, lỗi 0" in output


def test_a_page_that_no_longer_fits_leaves_its_stored_article_as_it_was(imported, mirror):
    page = mirror / "NewsDetail.aspx?Id=9036"
    page.write_text(page.read_text().replace("(13/10/2017 )", "(13/13/2017 )"))
    item = article("/NewsDetail.aspx?Id=9036")
    output = import_site(source=mirror.parent)
    assert "/NewsDetail.aspx?Id=9036: Ngày “(13/13/2017 )”" in output
    stored = Article.objects.get(pk=item.pk)
    assert (stored.title, stored.published_at, stored.body) == (
        item.title,
        item.published_at,
        item.body,
    )


def test_a_terminal_sees_a_progress_bar(db, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    import_site("--dry-run")
    assert "Đang nhập: 100%" in terminal.getvalue()


def test_a_document_the_portal_has_already_is_not_created_twice(client, db):
    from tests.documents.factories import DocumentFactory

    typed = DocumentFactory(
        number="582/QĐ-UBND", issued_on=datetime.date(2018, 3, 30), summary="Nhập tay"
    )
    output = import_site()
    # One skipped as the portal's own, one as listed again on page 2.
    assert "Văn bản: tạo mới 4, cập nhật 0, không đổi 0, bỏ qua 2, lỗi 1" in output
    assert Document.objects.filter(number="582/QĐ-UBND").count() == 1
    typed.refresh_from_db()
    assert typed.summary == "Nhập tay"
    assert client.get("/VanBanDetail.aspx?Id=101")["Location"] == typed.get_absolute_url()


def test_an_article_the_portal_has_already_is_not_created_twice(db):
    from tests.news.factories import ArticleFactory

    ArticleFactory(
        title="Hội thảo ứng dụng khoa học kỹ thuật vào sản xuất chè",
        published_at=datetime.datetime(2017, 9, 5, 9, tzinfo=HANOI),
    )
    import_site()
    assert Article.objects.filter(title__startswith="Hội thảo ứng dụng").count() == 1

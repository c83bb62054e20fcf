"""A WordPress export (WXR) through the same import pipeline."""

import datetime
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management.base import CommandError

from core.models import Status
from medialibrary.models import MediaItem
from news.models import Article, Category
from oldsite.models import Kind, OldAddress
from sitecontent.models import Page

from .conftest import import_site

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent / "wordpress"
EXPORT = HERE / "hoi-lam-nghiep.xml"
FILES = HERE / "files"


def import_wxr(*args, export=EXPORT, files=FILES):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("import_site", str(export), "--files", str(files), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def wxr(db):
    return import_wxr()


def imported(address):
    return OldAddress.objects.get(address=address).content_object


def test_posts_become_articles_in_their_categories(wxr):
    rows = dict(Article.objects.values_list("title", "category__name"))
    assert rows == {
        "Hội thảo phát triển rừng bền vững": "Tin hoạt động",
        "Tập huấn kỹ thuật trồng cây dược liệu dưới tán rừng": "Khoa học – Công nghệ",
        "Bài nháp chưa đăng": "Tin hoạt động",
    }
    assert set(Category.objects.values_list("name", flat=True)) == {
        "Tin hoạt động",
        "Khoa học – Công nghệ",
    }


def test_posts_keep_their_time_excerpt_and_state(wxr):
    post = imported("/2019/05/14/hoi-thao-phat-trien-rung/")
    assert post.published_at == datetime.datetime(2019, 5, 14, 1, 30, tzinfo=datetime.UTC)
    assert post.summary == "Hội thảo bàn giải pháp phát triển rừng bền vững ở Lâm Đồng."
    assert post.is_published
    assert imported("/?p=14").status == Status.DRAFT


def test_a_post_body_is_in_paragraphs_sanitized_with_its_picture_and_caption(wxr):
    body = imported("/2019/05/14/hoi-thao-phat-trien-rung/").body
    picture = MediaItem.objects.get(alt_text="Đại biểu dự hội thảo phát triển rừng bền vững")
    assert body.startswith("<p>Sáng 14/5")
    assert "tổ chức hội thảo phát triển rừng bền vững.<br>" in body
    assert f'src="{picture.file.url}"' in body
    assert "<figcaption>Đại biểu dự hội thảo phát triển rừng bền vững</figcaption>" in body
    assert "<script" not in body and "[gallery" not in body and "[caption" not in body


def test_links_point_to_the_new_pages_and_copied_files(wxr):
    body = imported("/2019/05/14/hoi-thao-phat-trien-rung/").body
    other = imported("/2019/06/02/tap-huan-duoc-lieu/")
    plan = OldAddress.objects.get(address="/wp-content/uploads/2019/05/ke-hoach-2019.pdf")
    assert f'href="{other.get_absolute_url()}"' in body
    assert plan.kind == Kind.ATTACHMENT and f'href="{plan.file.url}"' in body
    assert default_storage.exists(plan.file.name)


def test_the_featured_image_becomes_the_cover(wxr):
    cover = imported("/2019/05/14/hoi-thao-phat-trien-rung/").cover
    assert cover.name.startswith("news/") and default_storage.exists(cover.name)


def test_pages_become_static_pages(wxr):
    page = imported("/gioi-thieu/")
    assert isinstance(page, Page) and page.is_published
    assert page.title == "Giới thiệu Hội" and page.order == 1
    assert "<h2>Lịch sử</h2>" in page.body and "<p>Hội có 320 hội viên.</p>" in page.body


@pytest.mark.parametrize(
    "old",
    [
        "/2019/05/14/hoi-thao-phat-trien-rung/",
        "/?p=12",
        "/2019/06/02/tap-huan-duoc-lieu/",
        "/?p=13",
        "/gioi-thieu/",
        "/?page_id=5",
        "/?page_id=6",
        "/category/tin-hoat-dong/",
        "/wp-content/uploads/2019/05/hoi-thao-lam-nghiep.jpg",
        "/2019/05/14/hoi-thao-phat-trien-rung/hoi-thao-lam-nghiep/",
        "/wp-content/uploads/2019/05/ke-hoach-2019.pdf",
        "/?attachment_id=21",
    ],
)
def test_old_permalinks_answer_301_to_a_live_page(client, wxr, old):
    path, _, query = old.partition("?")
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code == 301, old
    assert client.get(response["Location"]).status_code == 200, old


def test_a_permalink_the_new_site_has_too_is_its_page(client, wxr):
    # WordPress's /gioi-thieu/lien-he/ is also the new address of the page.
    page = Page.objects.get(title="Liên hệ")
    assert page.get_absolute_url() == "/gioi-thieu/lien-he/"
    assert client.get("/gioi-thieu/lien-he/").status_code == 200


def test_a_draft_is_not_redirected_to(client, wxr):
    assert client.get("/", QUERY_STRING="p=14").status_code != 301


def test_what_is_not_imported_is_counted(wxr):
    assert "Bỏ qua 3 mục của tệp WordPress không nhập (trash 1, nav_menu_item 1, revision 1)" in (
        wxr
    )
    assert not Article.objects.filter(title="Bài đã xóa").exists()


def test_a_missing_attachment_is_reported_once(wxr):
    failures = wxr.split("Lỗi (")[1]
    assert failures.count("/wp-content/uploads/2018/01/da-xoa.jpg: Không có tệp này") == 1


def test_a_second_wxr_import_creates_nothing(wxr):
    before = OldAddress.objects.count(), Article.objects.count(), MediaItem.objects.count()
    output = import_wxr()
    after = OldAddress.objects.count(), Article.objects.count(), MediaItem.objects.count()
    assert after == before
    assert "Trang thông tin: tạo mới 0, cập nhật 0, không đổi 2" in output


def test_a_wxr_dry_run_writes_nothing(db):
    pages = Page.objects.count()  # the privacy notice, made by a migration
    output = import_wxr("--dry-run")
    assert OldAddress.objects.count() == Article.objects.count() == MediaItem.objects.count() == 0
    assert Page.objects.count() == pages
    assert "Tin bài: sẽ tạo 3," in output


def test_attachments_are_fetched_from_the_old_site(old_server, db):
    old_server.root = FILES
    import_wxr("--delay", "0", files=old_server.url)
    assert MediaItem.objects.filter(alt_text__startswith="Đại biểu").exists()
    assert "/wp-content/uploads/2019/05/ke-hoach-2019.pdf" in [p for p, _, _ in old_server.requests]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<rss><channel></channel></rss>", "không phải tệp xuất của WordPress"),
        (b"<rss><channel>", "không phải XML hợp lệ"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<rss>&e;</rss>",
            "không phải",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(tmp_path, db, content, message):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        import_wxr(export=bad)


def test_a_redirect_loop_is_refused_and_reported(db):
    from tests.news.factories import CategoryFactory

    CategoryFactory(name="Tin hoạt động", slug="tin-hoat-dong")
    # A redirect staff made from the post's future address back to its old one.
    OldAddress.objects.create(
        address="/tin-tuc/tin-hoat-dong/hoi-thao-phat-trien-rung-ben-vung/",
        target_url="/2019/05/14/hoi-thao-phat-trien-rung/",
    )
    output = import_wxr()
    assert "/2019/05/14/hoi-thao-phat-trien-rung/: Chuyển hướng từ địa chỉ cũ" in output
    assert "lặp vô tận" in output
    assert not Article.objects.filter(title="Hội thảo phát triển rừng bền vững").exists()


def test_import_site_needs_a_mapping_for_a_folder(db, tmp_path):
    with pytest.raises(CommandError, match="--mapping"):
        import_site(mapping="", source=tmp_path)

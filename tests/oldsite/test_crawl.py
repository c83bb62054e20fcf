"""Reading a live old site: the fixture mirror served on a local port."""

import pytest

from documents.models import Document
from gallery.models import Album
from members.models import Organization
from news.models import Article
from oldsite.models import OldAddress
from oldsite.sources import USER_AGENT

from .conftest import import_site

pytestmark = pytest.mark.django_db


def crawl(server, *args):
    return import_site("--delay", "0", *args, source=server.url + "/")


def asked(server):
    return [path for path, _, _ in server.requests]


def test_a_crawl_imports_what_the_mirror_holds(old_server):
    output = crawl(old_server)
    assert Article.objects.filter(category__is_notice=False).count() == 3
    assert Article.objects.filter(category__is_notice=True).count() == 2
    assert Document.objects.count() == 5
    assert Organization.objects.count() == 4
    assert Album.objects.count() == 2
    assert "Tin bài: tạo mới 3, cập nhật 0, không đổi 0, bỏ qua 0, lỗi 1" in output
    assert OldAddress.objects.filter(address="/Upload/files/the-le-hoi-thi.docx").exists()


def test_a_crawl_reads_only_the_pages_the_mapping_claims(old_server):
    crawl(old_server)
    pages = set(asked(old_server))
    # The home page and the lists it passes through, never other pages.
    assert "/Gioithieu.aspx?Id=3" not in pages and "/HoiDap.aspx" not in pages
    assert {"/", "/ThongBao.aspx", "/HinhAnh.aspx", "/NewsDetail.aspx?Id=9038"} <= pages


def test_a_crawl_asks_each_address_once_and_says_who_it_is(old_server):
    crawl(old_server)
    paths = asked(old_server)
    assert len(paths) == len(set(paths))
    assert {agent for _, agent, _ in old_server.requests} == {USER_AGENT}


def test_robots_txt_is_respected(old_server):
    old_server.robots = "User-agent: *\nDisallow: /HinhAnh.aspx?AlbumId=8\n"
    output = crawl(old_server)
    assert "/HinhAnh.aspx?AlbumId=8" not in asked(old_server)
    assert "/HinhAnh.aspx?AlbumId=8: robots.txt của trang cũ không cho tải" in output
    assert list(Album.objects.values_list("title", flat=True)) == [
        "Đại hội đại biểu Liên hiệp Hội Lâm Đồng lần thứ V"
    ]


def test_a_site_that_forbids_everything_is_not_read(old_server):
    old_server.robots = "User-agent: *\nDisallow: /\n"
    output = crawl(old_server)
    assert asked(old_server) == ["/robots.txt"]
    assert "/: robots.txt của trang cũ không cho tải" in output


def test_a_crawl_stops_at_its_page_limit(old_server):
    output = crawl(old_server, "--max-pages", "3")
    pages = [path for path in asked(old_server) if path != "/robots.txt"]
    assert pages == ["/", "/Default.aspx", "/NewsList.aspx?CatId=2"]
    assert "Dừng ở giới hạn 3 trang" in output


def test_requests_are_spaced_by_the_delay(old_server):
    import_site("--delay", "0.2", "--max-pages", "3", source=old_server.url + "/")
    times = [moment for _, _, moment in old_server.requests]
    assert all(later - earlier >= 0.19 for earlier, later in zip(times, times[1:], strict=False))


def test_robots_txt_crawl_delay_is_honoured(old_server):
    old_server.robots = "User-agent: *\nCrawl-delay: 1\n"
    crawl(old_server, "--max-pages", "2")
    times = [moment for _, _, moment in old_server.requests]
    assert times[-1] - times[1] >= 0.99


def test_a_page_that_does_not_answer_in_time_is_reported(old_server):
    old_server.pages["/"] = (2.0, {"Content-Type": "text/html"}, b"<p>slow</p>")
    output = import_site("--delay", "0", "--timeout", "0.3", source=old_server.url + "/")
    assert "/: Trang cũ không trả lời" in output


def test_links_and_redirects_to_another_host_are_not_followed(old_server):
    other = f"http://127.0.0.2:{old_server.server_address[1]}"
    home = (
        f'<a href="{other}/NewsList.aspx?CatId=2">elsewhere</a>'
        '<a href="/NewsList.aspx?CatId=5">here</a>'
    ).encode()
    old_server.pages["/"] = (200, {"Content-Type": "text/html"}, home)
    old_server.pages["/NewsList.aspx?CatId=5"] = (302, {"Location": f"{other}/VanBan.aspx"}, b"")
    output = crawl(old_server)
    assert "/NewsList.aspx?CatId=2" not in asked(old_server)
    assert "/VanBan.aspx" not in asked(old_server)
    assert "/NewsList.aspx?CatId=5: Trang cũ trả lời lỗi" in output


def test_a_second_crawl_creates_nothing(old_server):
    crawl(old_server)
    before = OldAddress.objects.count()
    output = crawl(old_server)
    assert OldAddress.objects.count() == before
    assert "tạo mới 1" not in output and "Tin bài: tạo mới 0," in output


def test_a_site_that_cannot_be_reached_is_reported(db):
    output = import_site("--delay", "0", "--timeout", "1", source="http://127.0.0.1:9/")
    assert "/: Trang cũ không trả lời" in output


@pytest.mark.parametrize("option", [["--delay", "-1"], ["--max-pages", "0"]])
def test_impolite_options_are_refused(db, option):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--delay"):
        import_site(*option, source="http://127.0.0.1:9/")

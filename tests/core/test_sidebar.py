from datetime import timedelta

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import sidebar
from core.models import Status
from sitecontent.models import Banner
from tests.sitecontent.factories import BannerFactory, LinkFactory, PageFactory

pytestmark = pytest.mark.django_db


def test_sidebar_shows_an_edit_at_once_although_it_is_cached(client):
    link = LinkFactory(title="Sở Tư pháp")
    assert "Sở Tư pháp" in client.get("/").content.decode()
    link.title = "Sở Nội vụ"
    link.save()
    html = client.get("/").content.decode()
    assert "Sở Nội vụ" in html and "Sở Tư pháp" not in html


def test_unpublishing_a_page_removes_it_from_the_cached_sidebar_at_once(client):
    page = PageFactory(title="Điều lệ cũ")
    assert "Điều lệ cũ" in client.get("/").content.decode()
    page.status = Status.DRAFT
    page.save()
    assert "Điều lệ cũ" not in client.get("/").content.decode()


def test_deleting_a_banner_removes_it_at_once(client):
    banner = BannerFactory(title="Quảng cáo hết hạn")
    assert "Quảng cáo hết hạn" in client.get("/").content.decode()
    banner.delete()
    assert "Quảng cáo hết hạn" not in client.get("/").content.decode()


def test_lists_keep_the_staff_order(client):
    LinkFactory(title="Liên kết B", order=2)
    LinkFactory(title="Liên kết A", order=1)
    LinkFactory(title="Liên kết C", order=3)
    html = client.get("/").content.decode()
    assert html.index("Liên kết A") < html.index("Liên kết B") < html.index("Liên kết C")


def test_banners_outside_their_dates_are_not_shown(client):
    today = timezone.localdate()
    BannerFactory(title="Quảng cáo cũ", shown_until=today - timedelta(days=1))
    BannerFactory(title="Quảng cáo sắp tới", shown_from=today + timedelta(days=1))
    BannerFactory(title="Quảng cáo hôm nay", shown_from=today, shown_until=today)
    html = client.get("/").content.decode()
    assert "Quảng cáo hôm nay" in html
    assert "Quảng cáo cũ" not in html and "Quảng cáo sắp tới" not in html


def test_a_warm_sidebar_costs_no_query(client, django_assert_num_queries):
    PageFactory.create_batch(3)
    LinkFactory.create_batch(3)
    client.get("/gioi-thieu/khong-co-trang-nay/")
    # Cold: site profile, the sidebar's UNION, the member tree, the counter
    # (+1 for the page lookup). Warm: the page lookup only.
    with django_assert_num_queries(1):
        client.get("/gioi-thieu/khong-co-trang-nay/")


def test_a_banner_whose_file_is_gone_does_not_break_the_page(client):
    banner = BannerFactory(title="Quảng cáo mất ảnh")
    type(banner).objects.filter(pk=banner.pk).update(image_width=None, image_height=None)
    banner.image.storage.delete(banner.image.name)
    response = client.get("/")
    assert response.status_code == 200
    assert "Quảng cáo mất ảnh" in response.content.decode()


def test_the_databases_today_is_the_local_date():
    # TODAY picks the banners of the day in SQL: it must be the association's
    # date, not UTC's (seven hours behind in Việt Nam).
    before = timezone.localdate()
    BannerFactory()
    db_today = Banner.objects.annotate(today=sidebar.TODAY).values_list("today", flat=True)[0]
    assert db_today in {before, timezone.localdate()}


def test_the_sidebar_lists_are_one_query(client, django_assert_num_queries):
    LinkFactory(title="Sở Tư pháp")
    PageFactory(title="Điều lệ", published_at=timezone.now() - timedelta(minutes=1))
    LinkFactory(title="Sở Nội vụ", order=99)
    with django_assert_num_queries(1):
        loaded = sidebar.load()
    assert [link.title for link in loaded["links"]] == ["Sở Tư pháp", "Sở Nội vụ"]
    assert [page.title for page in loaded["pages"]] == ["Điều lệ"]
    assert set(loaded) == {
        "pages",
        "links",
        "banners",
        "notices",
        "documents",
        "questions",
        "photos",
        "events",
    }


def test_a_page_due_a_moment_ago_is_listed_and_one_due_later_is_not():
    now = timezone.now()
    PageFactory(title="Vừa đăng", published_at=now - timedelta(seconds=5))
    PageFactory(title="Hẹn giờ", published_at=now + timedelta(minutes=5))
    assert [page.title for page in sidebar.load()["pages"]] == ["Vừa đăng"]


def test_the_sidebar_lists_are_read_on_the_connection_in_use():
    # The query is built once per process, but run as ordinary ORM SQL on
    # the connection (and through the router) of the moment.
    sidebar.load()
    other = connections.create_connection("default")
    try:
        with (
            CaptureQueriesContext(other) as queries,
            CaptureQueriesContext(connections["default"]) as default_queries,
        ):
            list(sidebar._build()[0].using("default").all())
        assert len(default_queries) == 1 and len(queries) == 0
    finally:
        other.close()


def test_a_cold_page_reads_the_sidebar_once_whatever_its_columns(client):
    from core.cache import clear_all

    PageFactory(title="Điều lệ", published_at=timezone.now() - timedelta(minutes=1))
    client.get("/")
    clear_all()
    with CaptureQueriesContext(connections["default"]) as queries:
        html = client.get("/tin-tuc/").content.decode()
    assert "Điều lệ" in html
    assert sum("UNION ALL" in query["sql"] for query in queries) == 1


def test_a_block_lists_its_newest_rows_up_to_its_limit():
    from tests.news.factories import ArticleFactory, CategoryFactory

    notices = CategoryFactory(is_notice=True)
    now = timezone.now()
    for minutes in range(7):
        ArticleFactory(
            category=notices,
            title=f"Thông báo {minutes}",
            published_at=now - timedelta(minutes=minutes),
        )
    assert [a.title for a in sidebar.load()["notices"]] == [f"Thông báo {m}" for m in range(5)]

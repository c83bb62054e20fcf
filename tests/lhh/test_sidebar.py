from datetime import timedelta

import pytest
from django.db import DatabaseError, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import Status
from lhh import sidebar
from sitecontent.models import Banner, Link, Page
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


def test_the_sidebar_lists_are_built_and_compiled_once(client):
    lists = sidebar.Lists(lambda: [Link.objects.sidebar_links(), Page.objects.sidebar_menu()])
    builds = []
    build = lists._build
    lists._build = lambda: builds.append(1) or build()
    LinkFactory(title="Sở Tư pháp")
    assert [link.title for link in lists.load()["links"]] == ["Sở Tư pháp"]
    PageFactory(title="Điều lệ", published_at=timezone.now() - timedelta(minutes=1))
    LinkFactory(title="Sở Nội vụ", order=99)
    loaded = lists.load()
    assert [link.title for link in loaded["links"]] == ["Sở Tư pháp", "Sở Nội vụ"]
    assert [page.title for page in loaded["pages"]] == ["Điều lệ"]
    assert builds == [1]


def test_a_page_due_a_moment_ago_is_listed_and_one_due_later_is_not():
    lists = sidebar.Lists(lambda: [Page.objects.sidebar_menu()])
    now = timezone.now()
    PageFactory(title="Vừa đăng", published_at=now - timedelta(seconds=5))
    PageFactory(title="Hẹn giờ", published_at=now + timedelta(minutes=5))
    assert [page.title for page in lists.load()["pages"]] == ["Vừa đăng"]


def test_the_sidebar_lists_are_read_on_the_connection_in_use(monkeypatch):
    # Each thread, or async context, has its own connection: a query compiled
    # on one must never run on another, whose transaction may not see the
    # same rows.
    lists = sidebar.Lists(lambda: [Link.objects.sidebar_links()])
    lists.load()
    other = connections.create_connection("default")
    monkeypatch.setitem(connections._connections.__dict__, "default", other)
    try:
        assert connections["default"] is other
        with CaptureQueriesContext(other) as queries:
            lists.load()
        assert len(queries) == 1
    finally:
        other.close()


def postgresql_only():
    if connections["default"].vendor != "postgresql":
        pytest.skip("statements are prepared on PostgreSQL only")


def test_a_statement_is_prepared_once_per_connection_on_postgresql():
    postgresql_only()
    statement = sidebar.Statement(lambda: Link.objects.values_list("title"))
    LinkFactory(title="Sở Tư pháp")
    with CaptureQueriesContext(connections["default"]) as queries:
        first, second = statement.rows(), statement.rows()
    assert first == second == [("Sở Tư pháp",)]
    assert [query["sql"].split()[0] for query in queries] == ["PREPARE", "EXECUTE"]


def test_a_prepared_statement_outlives_a_rolled_back_transaction():
    postgresql_only()
    statement = sidebar.Statement(lambda: Link.objects.values_list("title"))
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        statement.rows()
        1 / 0  # noqa: B018
    LinkFactory(title="Sở Nội vụ")
    assert statement.rows() == [("Sở Nội vụ",)]


def test_a_prepared_statement_that_is_gone_is_prepared_again():
    postgresql_only()
    statement = sidebar.Statement(lambda: Link.objects.values_list("title"))
    statement.rows()
    _, name = statement._prepared[connections["default"]]
    with connections["default"].cursor() as cursor:
        # Only this one: the sidebar's own statements live on this connection too.
        cursor.execute(f"DEALLOCATE {name}")
    with pytest.raises(DatabaseError), transaction.atomic():
        statement.rows()
    LinkFactory(title="Sở Nội vụ")
    assert statement.rows() == [("Sở Nội vụ",)]

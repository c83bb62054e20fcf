"""End dates (hiển thị đến): past it an article leaves every list, block,
feed, sitemap, the home page and search, with no job run, while its own
address still answers and says that it expired."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import sidebar
from core.cache import clear_all
from news.models import Article

from .factories import ArticleFactory, CategoryFactory
from .test_review import client_for, form, member

pytestmark = pytest.mark.django_db

PAST = timedelta(hours=1)


@pytest.fixture
def notices():
    return CategoryFactory(name="Thông báo", slug="thong-bao", is_notice=True)


@pytest.fixture
def news():
    return CategoryFactory(name="Tin hoạt động", slug="hoat-dong", is_shown_on_home=True)


def expired(category, title, **kwargs):
    return ArticleFactory(
        category=category,
        title=title,
        published_at=timezone.now() - timedelta(days=3),
        expires_at=timezone.now() - PAST,
        **kwargs,
    )


def text(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_expired_article_leaves_the_home_page_lists_and_feeds(news):
    gone = expired(news, "Tin đã hết hạn hiển thị", is_featured=True)
    kept = ArticleFactory(
        category=news, title="Tin còn hạn", expires_at=timezone.now() + timedelta(days=1)
    )
    for url in (
        "/",
        "/tin-tuc/",
        "/tin-tuc/hoat-dong/",
        "/rss/tin-tuc/",
        "/rss/tin-tuc/hoat-dong/",
    ):
        html = text(url)
        assert kept.title in html, url
        assert gone.title not in html, url


def test_an_expired_article_leaves_the_sitemap(news):
    gone = expired(news, "Tin đã hết hạn")
    kept = ArticleFactory(category=news)
    xml = text("/sitemap.xml")
    assert kept.get_absolute_url() in xml
    assert gone.get_absolute_url() not in xml


def test_an_expired_notice_leaves_the_notices_block(news, notices):
    gone = expired(notices, "Thông báo nghỉ Tết đã qua")
    kept = ArticleFactory(category=notices, title="Thông báo lịch tiếp công dân")
    html = text("/tin-tuc/")
    assert kept.title in html
    assert gone.title not in html


def test_an_expired_article_is_not_found_by_search(news):
    expired(news, "Hội thảo đã hết hạn")
    ArticleFactory(category=news, title="Hội thảo còn hạn")
    html = text("/tim-kiem/?q=hoi+thao")
    # Titles come highlighted: "<mark>Hội</mark> <mark>thảo</mark> còn hạn".
    assert "còn hạn" in html
    assert "đã hết hạn" not in html


def test_an_expired_notice_still_answers_and_says_it_expired(notices):
    notice = expired(notices, "Thông báo nghỉ Tết Dương lịch")
    html = text(notice.get_absolute_url())
    assert "Thông báo nghỉ Tết Dương lịch" in html
    moment = timezone.localtime(notice.expires_at)
    assert f"Thông báo đã hết hạn từ {moment:%H:%M} ngày {moment:%d/%m/%Y}" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_an_expired_article_that_is_not_a_notice_says_so_in_its_own_words(news):
    article = expired(news, "Tin hết thời gian hiển thị")
    html = text(article.get_absolute_url())
    assert "Tin bài đã hết thời gian hiển thị" in html
    assert "Thông báo đã hết hạn" not in html


def test_an_article_before_its_end_date_says_nothing_of_it(news):
    article = ArticleFactory(category=news, expires_at=timezone.now() + timedelta(days=2))
    html = text(article.get_absolute_url())
    assert "hết hạn" not in html
    assert "hết thời gian hiển thị" not in html


def test_the_end_date_is_compared_with_the_database_clock_without_any_job(news, notices):
    """No save, no update, no job: the row stays as it is and the sidebar's
    query (the database's own clock, core.sidebar.NOW) leaves it out."""
    notice = ArticleFactory(
        category=notices,
        title="Thông báo sắp hết hạn",
        expires_at=timezone.now() + timedelta(seconds=2),
    )
    assert [a.title for a in sidebar.load()["notices"]] == [notice.title]
    time.sleep(2.5)
    clear_all()
    assert sidebar.load()["notices"] == []
    assert Article.objects.reachable().filter(pk=notice.pk).exists()


def test_an_end_date_before_the_publish_time_is_refused_in_vietnamese(django_user_model):
    from lhh.groups import APPROVER_GROUP

    approver = member(django_user_model, APPROVER_GROUP, "nguoiduyet")
    article = ArticleFactory(title="Tin có hạn")
    before = timezone.localtime(article.published_at) - timedelta(days=1)
    response = client_for(approver).post(
        f"/admin/news/article/{article.pk}/change/",
        form(
            article,
            expires_at_0=before.strftime("%d/%m/%Y"),
            expires_at_1=before.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 200
    assert "Thời điểm hết hạn hiển thị phải sau thời điểm đăng." in response.content.decode()
    article.refresh_from_db()
    assert article.expires_at is None


def test_a_contributor_cannot_change_the_end_date_of_a_live_article(django_user_model):
    from lhh.groups import CONTRIBUTOR_GROUP

    contributor = member(django_user_model, CONTRIBUTOR_GROUP, "congtac")
    article = ArticleFactory(created_by=contributor)
    soon = timezone.localtime() + timedelta(hours=1)
    client_for(contributor).post(
        f"/admin/news/article/{article.pk}/change/",
        form(
            article,
            expires_at_0=soon.strftime("%d/%m/%Y"),
            expires_at_1=soon.strftime("%H:%M:%S"),
        ),
    )
    article.refresh_from_db()
    assert article.expires_at is None
    assert article.pending_change is None or "expires_at" not in article.pending_change


# A fixed number of queries, with few and with many expired items ------------

PAGES = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/hoat-dong/",
    "/rss/tin-tuc/",
    "/rss/tin-tuc/hoat-dong/",
    "/sitemap.xml",
    "/so-do-trang/",
    "/tim-kiem/?q=tin",
]


def add(news, notices, count):
    for n in range(count):
        category = news if n % 2 else notices
        ArticleFactory(category=category, title=f"Tin còn hạn {n}")
        expired(category, f"Tin hết hạn {n}")


def queries(url):
    Client().get(url)  # the day's first visit row, and per-process caches
    clear_all()
    with CaptureQueriesContext(connection) as context:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_runs_the_same_queries_with_few_and_many_expired_items(url, news, notices):
    add(news, notices, 4)
    few = queries(url)
    add(news, notices, 30)
    assert queries(url) == few

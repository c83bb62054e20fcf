import pytest
from django.template import Context, Template

from core.models import Status
from news.models import Article, Category

from .factories import AlbumFactory, PhotoFactory

pytestmark = pytest.mark.django_db

TAG = Template("{% load gallery_tags %}{% article_album article %}")


@pytest.fixture
def article():
    category = Category.objects.create(name="Tin hoạt động Liên hiệp Hội")
    return Article.objects.create(
        title="Đại hội Liên hiệp Hội lần thứ V", category=category, status=Status.PUBLISHED
    )


def render(article):
    return TAG.render(Context({"article": article}))


def test_article_page_shows_its_album_with_a_few_photos(article):
    album = AlbumFactory(article=article, title="Ảnh Đại hội lần thứ V")
    PhotoFactory.create_batch(10, album=album)
    html = render(article)
    assert "Ảnh Đại hội lần thứ V" in html
    assert html.count("<img") == 8
    assert "Xem cả 10 ảnh của album" in html
    assert f'href="{album.get_absolute_url()}"' in html


def test_draft_album_is_not_shown_on_the_article(article):
    album = AlbumFactory(article=article, status=Status.DRAFT)
    PhotoFactory(album=album)
    assert render(article).strip() == ""


def test_article_without_album_shows_nothing(article):
    assert render(article).strip() == ""
    assert render(None).strip() == ""


def test_article_album_runs_two_queries_whatever_its_size(article, django_assert_num_queries):
    album = AlbumFactory(article=article)
    PhotoFactory.create_batch(3, album=album)
    with django_assert_num_queries(2):
        render(article)
    PhotoFactory.create_batch(12, album=album)
    with django_assert_num_queries(2):
        render(article)


def test_deleting_the_article_keeps_the_album(article):
    album = AlbumFactory(article=article)
    article.delete()
    album.refresh_from_db()
    assert album.article is None


def test_the_article_page_itself_shows_its_album(client, article):
    album = AlbumFactory(article=article, title="Ảnh Đại hội lần thứ V")
    PhotoFactory.create_batch(3, album=album)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Ảnh Đại hội lần thứ V" in html
    assert f'href="{album.get_absolute_url()}"' in html

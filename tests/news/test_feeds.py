import pytest

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_news_feed_carries_only_published_articles(client):
    ArticleFactory(title="Tin đã đăng")
    ArticleFactory(title="Tin bản nháp", draft=True)
    ArticleFactory(title="Tin hẹn giờ", scheduled=True)
    response = client.get("/rss/tin-tuc/")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Tin đã đăng</title>" in xml
    assert "Tin bản nháp" not in xml
    assert "Tin hẹn giờ" not in xml


def test_news_feed_links_to_the_article_pages(client):
    article = ArticleFactory()
    xml = client.get("/rss/tin-tuc/").content.decode()
    assert f"<link>http://testserver{article.get_absolute_url()}</link>" in xml


def test_category_feed_carries_its_own_and_its_children_published_articles(client):
    parent = CategoryFactory(name="Tin tức tổng hợp")
    child = CategoryFactory(parent=parent)
    ArticleFactory(title="Tin mục con", category=child)
    ArticleFactory(title="Nháp mục cha", category=parent, draft=True)
    ArticleFactory(title="Tin mục khác")
    xml = client.get(f"/rss/tin-tuc/{parent.slug}/").content.decode()
    assert "<title>Tin mục con</title>" in xml
    assert "Nháp mục cha" not in xml
    assert "Tin mục khác" not in xml
    assert "Tin tức tổng hợp" in xml


def test_unknown_category_feed_is_404(client):
    assert client.get("/rss/tin-tuc/khong-co/").status_code == 404


def test_sitemap_lists_published_articles_and_categories_only(client):
    category = CategoryFactory(name="Đại hội")
    published = ArticleFactory(category=category)
    draft = ArticleFactory(category=category, draft=True)
    scheduled = ArticleFactory(category=category, scheduled=True)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{published.get_absolute_url()}" in xml
    assert f"http://testserver{category.get_absolute_url()}" in xml
    assert draft.slug not in xml
    assert scheduled.slug not in xml

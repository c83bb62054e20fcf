"""Characters XML 1.0 cannot carry never reach a feed or a sitemap: they are
dropped when text is saved, and again when a feed is written (for rows that
were stored another way)."""

from xml.etree import ElementTree

import pytest

from news.models import Article, Category
from qa.models import Question
from tests.news.factories import ArticleFactory, CategoryFactory
from tests.qa.factories import PublishedQuestionFactory

pytestmark = pytest.mark.django_db

CONTROLS = "\x0b\x0c\x1b\x00"


def parsed(response):
    assert response.status_code == 200
    return ElementTree.fromstring(b"".join(getattr(response, "streaming_content", [])) or
                                  response.content)  # fmt: skip


def test_control_characters_are_dropped_when_an_article_is_saved():
    article = ArticleFactory(title=f"Hội nghị{CONTROLS} tổng kết", summary="Tóm\x0btắt")
    article.refresh_from_db()
    assert article.title == "Hội nghị tổng kết"
    assert article.summary == "Tómtắt"


def test_an_admin_form_with_a_control_character_saves_without_it(admin_client):
    category = CategoryFactory(name="Tin tức")
    response = admin_client.post(
        f"/admin/news/category/{category.pk}/change/",
        {"name": "Tin\x0b tức", "slug": category.slug, "order": 0, "_save": "Lưu lại"},
    )
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.name == "Tin tức"


def test_news_feeds_carry_rows_stored_with_control_characters(client):
    article = ArticleFactory()
    # update() sends no signal, as a bulk import would not.
    Article.objects.filter(pk=article.pk).update(title="Tin\x0b mới", summary="Sapo\x1b")
    Category.objects.filter(pk=article.category_id).update(name="Chuyên\x0b mục")
    for url in ["/rss/tin-tuc/", f"/rss/tin-tuc/{article.category.slug}/"]:
        feed = parsed(client.get(url))
        assert feed.find("channel/item/title").text == "Tin mới"
        assert feed.find("channel/item/category").text == "Chuyên mục"


def test_the_qa_feed_carries_rows_stored_with_control_characters(client):
    question = PublishedQuestionFactory()
    Question.objects.filter(pk=question.pk).update(title="Câu\x0c hỏi", answer="<p>Trả\x0b lời</p>")
    feed = parsed(client.get("/hoi-dap/rss/"))
    assert feed.find("channel/item/title").text == "Câu hỏi"


def test_the_sitemap_is_valid_xml_with_control_characters_in_titles(client):
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(title="Tin\x0b mới")
    sitemap = parsed(client.get("/sitemap.xml"))
    assert len(sitemap) > 0

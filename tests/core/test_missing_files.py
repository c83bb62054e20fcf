"""Staff save an item whose picture file is gone from storage (a restore
without media): the save goes through and the recorded size stays."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.demoimages import banner_image
from tests.events.factories import EventFactory
from tests.lhh.test_admin_registry import form_data
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_an_article_whose_cover_file_is_gone_is_saved(admin_client):
    article = ArticleFactory(with_cover=True, title="Tin có ảnh đã mất")
    size = (article.cover_width, article.cover_height)
    default_storage.delete(article.cover.name)
    url = f"/admin/news/article/{article.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["title"] = "Tin có ảnh đã mất, sửa lại"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tin có ảnh đã mất, sửa lại"
    assert (article.cover_width, article.cover_height) == size


def test_an_event_whose_cover_file_is_gone_is_saved(admin_client):
    # Its save goes on to the renditions, made at once in the tests.
    event = EventFactory()
    event.cover = ContentFile(banner_image("Hội thảo", ((20, 90, 50), (90, 170, 90))), "b.png")
    event.save()
    default_storage.delete(event.cover.name)
    url = f"/admin/events/event/{event.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["place"] = "Hội trường mới"
    assert admin_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.place == "Hội trường mới"

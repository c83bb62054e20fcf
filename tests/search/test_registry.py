"""Each app adds its kinds of content to the search; nothing lists them here."""

import pytest
from django.apps import apps

from search import registry
from sitecontent.models import Link, Page

pytestmark = pytest.mark.django_db


def test_every_model_with_a_search_document_is_registered_by_its_app():
    with_document = {
        model for model in apps.get_models() if callable(getattr(model, "search_document", None))
    }
    assert set(registry.models()) == with_document
    assert [kind.slug for kind in registry.kinds()] == [
        "tin-tuc",
        "su-kien",
        "trang",
        "van-ban",
        "ban-tin",
        "cuoc-thi",
        "hoi-dap",
        "to-chuc",
        "album",
    ]


def test_a_model_without_a_search_document_cannot_be_registered():
    with pytest.raises(TypeError):
        registry.register(Link, slug="lien-ket", label="Liên kết", position=99)


def test_two_models_cannot_share_a_kind():
    from news.models import Category

    Category.search_document = lambda self: None
    try:
        with pytest.raises(ValueError):
            registry.register(Category, slug="trang", label="Chuyên mục", position=99)
    finally:
        del Category.search_document
    assert registry.kind_of(Page).slug == "trang"


def test_the_search_page_names_its_tabs_from_the_registry(client):
    from tests.news.factories import ArticleFactory
    from tests.sitecontent.factories import PageFactory

    ArticleFactory(title="Hội thảo nông nghiệp")
    PageFactory(title="Nông nghiệp sạch")
    html = client.get("/tim-kiem/?q=nong+nghiep").content.decode()
    assert "loai=tin-tuc" in html and "Tin tức (1)" in html
    assert "loai=trang" in html and "Trang thông tin (1)" in html
    # A kind with no match has no tab; an unknown kind is ignored.
    assert "loai=van-ban" not in html
    assert client.get("/tim-kiem/?q=nong+nghiep&loai=khong-co").status_code == 200

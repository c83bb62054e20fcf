"""core.models.SluggedModel: a slug made once, on the models that use it."""

import pytest
from django.apps import apps

from core.models import SluggedModel
from tests.documents.factories import IssuerFactory
from tests.gallery.factories import AlbumFactory
from tests.members.factories import OrganizationFactory
from tests.news.factories import ArticleFactory, CategoryFactory
from tests.qa.factories import TopicFactory

pytestmark = pytest.mark.django_db

# Each factory, with the field its model's slug_source() reads. Documents
# build theirs from number and year (tests/documents/test_models.py).
SOURCES = [
    pytest.param(CategoryFactory, "name", id="news.Category"),
    pytest.param(ArticleFactory, "title", id="news.Article"),
    pytest.param(IssuerFactory, "name", id="documents.Issuer"),
    pytest.param(OrganizationFactory, "name", id="members.Organization"),
    pytest.param(TopicFactory, "name", id="qa.Topic"),
    pytest.param(AlbumFactory, "title", id="gallery.Album"),
]


@pytest.mark.parametrize(("factory", "source"), SOURCES)
def test_slug_is_made_from_the_source_on_the_first_save(factory, source):
    row = factory(**{source: "Hội thảo Khoa học Đà Lạt"})
    row.refresh_from_db()
    assert row.slug == "hoi-thao-khoa-hoc-da-lat"


@pytest.mark.parametrize(("factory", "source"), SOURCES)
def test_slug_stays_when_the_source_is_edited(factory, source):
    row = factory(**{source: "Tên ban đầu"})
    setattr(row, source, "Tên đã sửa")
    row.save()
    row.refresh_from_db()
    assert (getattr(row, source), row.slug) == ("Tên đã sửa", "ten-ban-dau")


@pytest.mark.parametrize(("factory", "source"), SOURCES)
def test_a_second_row_with_the_same_slug_gets_a_number(factory, source):
    first = factory(**{source: "Hội thảo khoa học"})
    second = factory(**{source: "Hội thảo Khoa học"})
    third = factory(**{source: "HỘI THẢO KHOA HỌC"})
    assert [first.slug, second.slug, third.slug] == [
        "hoi-thao-khoa-hoc",
        "hoi-thao-khoa-hoc-2",
        "hoi-thao-khoa-hoc-3",
    ]


@pytest.mark.parametrize(("factory", "source"), SOURCES)
def test_a_slug_typed_by_staff_is_kept(factory, source):
    row = factory(**{source: "Hội thảo khoa học", "slug": "hoi-thao-2026"})
    row.refresh_from_db()
    assert row.slug == "hoi-thao-2026"


def test_a_long_title_gives_a_slug_that_fits_with_its_number():
    title = "Hội nghị tổng kết hoạt động khoa học và công nghệ " * 5
    first, second = ArticleFactory(title=title), ArticleFactory(title=title)
    assert len(first.slug) <= 200
    assert second.slug == f"{first.slug}-2"


@pytest.mark.parametrize(
    "model",
    [m for m in apps.get_models() if issubclass(m, SluggedModel)],
    ids=lambda m: m._meta.label,
)
def test_slug_max_length_fits_the_slug_field(model):
    # qa.Topic's slug column is 160 long: a 200-character slug would not fit.
    assert model.slug_max_length <= model._meta.get_field("slug").max_length

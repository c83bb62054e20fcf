from imagekit.cachefiles import namers

from core import renditions
from gallery.models import Photo
from news.models import Article


def photo(name):
    return Photo(image=name, width=800, height=600)


def test_a_rendition_is_named_as_imagekit_names_it():
    thumbnail = photo("gallery/2024/hoi-thao.jpg").thumbnail
    assert thumbnail.name == namers.source_name_as_path(thumbnail.generator)
    assert thumbnail.name.startswith("CACHE/images/gallery/2024/hoi-thao/")


def test_each_size_of_a_picture_has_its_own_name():
    picture = photo("gallery/2024/hoi-thao.jpg")
    assert len({picture.thumbnail.name, picture.card.name, picture.large.name}) == 3


def test_the_same_size_of_another_picture_has_another_name():
    assert photo("gallery/a.jpg").card.name != photo("gallery/b.jpg").card.name


def test_a_name_is_worked_out_once_per_picture_and_size(monkeypatch):
    calls = []

    def counted(generator):
        calls.append(generator)
        return f"CACHE/images/{len(calls)}.jpg"

    monkeypatch.setattr(renditions, "_names", {})
    monkeypatch.setattr(renditions.namers, "source_name_as_path", counted)
    first = Article(cover="news/bia.jpg", cover_width=10, cover_height=10)
    again = Article(cover="news/bia.jpg", cover_width=10, cover_height=10)
    assert first.cover_card.name == again.cover_card.name == "CACHE/images/1.jpg"
    assert first.cover_large.name == "CACHE/images/2.jpg"
    assert len(calls) == 2

"""Library pictures inside rich-text bodies: drawn from renditions with a
srcset, alt text asked for each picture inserted, the editor's picker."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.html import escape

from core.models import Status
from medialibrary import images
from medialibrary.models import MediaItem
from news.models import Article
from tests.news.factories import ArticleFactory, CategoryFactory, png_bytes

from .test_admin import used_by

pytestmark = pytest.mark.django_db

PICKER_URL = "/admin/medialibrary/mediaitem/picker/"


def make_item(size=(1600, 900), **fields):
    item = MediaItem(**fields)
    item.file = ContentFile(png_bytes(size=size), name="anh.png")
    item.save()
    return item


def img(item, alt="Đại biểu dự hội thảo", **attrs):
    extra = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
    alt_attr = "" if alt is None else f' alt="{escape(alt)}"'
    return f'<figure class="image"><img src="{item.file.url}"{alt_attr}{extra}></figure>'


def test_a_library_picture_is_drawn_from_renditions_at_most_1200_wide():
    item = make_item()
    html = str(images.responsive_images(f"<p>Mở đầu.</p>{img(item)}<p>Kết.</p>"))
    small, medium, large = item.body_small.url, item.body_medium.url, item.body_large.url
    assert f'src="{medium}"' in html
    assert f'srcset="{small} 480w, {medium} 800w, {large} 1200w"' in html
    assert 'width="800" height="450"' in html
    assert 'alt="Đại biểu dự hội thảo"' in html
    assert 'loading="lazy"' in html and "sizes=" in html
    assert item.file.url not in html
    assert html.startswith("<p>Mở đầu.</p><figure") and html.endswith("</figure><p>Kết.</p>")


def test_a_small_picture_is_never_enlarged():
    item = make_item(size=(300, 200))
    html = str(images.responsive_images(img(item)))
    assert f'srcset="{item.body_small.url} 300w"' in html
    assert f'src="{item.body_small.url}"' in html
    assert 'width="300" height="200"' in html


def test_the_renditions_exist_once_the_picture_is_saved():
    item = make_item(size=(1000, 500))
    for spec, *_size in item.body_renditions():
        assert spec.storage.exists(spec.name), spec.name
    assert [size for _, *size in item.body_renditions()] == [[480, 240], [800, 400], [1000, 500]]


def test_alt_text_and_title_are_kept_and_escaped():
    item = make_item(alt_text="Chữ trong thư viện")
    tricky = 'Biểu đồ "tăng trưởng" > 5% & <b>'
    html = str(images.responsive_images(img(item, alt=tricky, title="Nguồn: Sở KH&CN")))
    assert f'alt="{escape(tricky)}"' in html
    assert 'title="Nguồn: Sở KH&amp;CN"' in html
    assert "<b>" not in html


def test_without_alt_the_librarys_alt_text_is_used_and_an_empty_one_is_kept():
    item = make_item(alt_text="Chữ trong thư viện")
    assert 'alt="Chữ trong thư viện"' in str(images.responsive_images(img(item, alt=None)))
    # alt="" says the picture is decoration: it stays so.
    assert 'alt=""' in str(images.responsive_images(img(item, alt="")))


def test_other_images_are_left_as_they_are():
    outside = '<p><img src="https://example.org/a.png" alt="ngoài"></p>'
    unknown = '<p><img src="/media/editor/2020/01/khong-co.png" alt="cũ"></p>'
    assert str(images.responsive_images(outside)) == outside
    assert str(images.responsive_images(unknown)) == unknown
    assert str(images.responsive_images("")) == ""


def test_one_query_for_any_number_of_pictures(django_assert_num_queries):
    items = [make_item(size=(900, 600)) for _ in range(5)]
    with django_assert_num_queries(1):
        one = str(images.responsive_images(img(items[0])))
    with django_assert_num_queries(1):
        five = str(images.responsive_images("".join(img(item) for item in items)))
    assert one.count("srcset=") == 1 and five.count("srcset=") == 5
    with django_assert_num_queries(0):
        images.responsive_images("<p>Không có ảnh.</p>")


@pytest.mark.parametrize("pictures", [1, 6])
def test_the_article_page_serves_renditions(client, pictures):
    items = [make_item(size=(1300, 650)) for _ in range(pictures)]
    article = ArticleFactory(body="".join(img(item) for item in items), status=Status.PUBLISHED)
    response = client.get(article.get_absolute_url())
    content = response.content.decode()
    assert content.count(' 1200w"') == pictures
    assert all(item.file.url not in content for item in items)


def test_the_article_page_runs_the_same_queries_for_one_picture_and_many(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(pictures):
        items = [make_item(size=(900, 600)) for _ in range(pictures)]
        article = ArticleFactory(body="".join(img(item) for item in items), status=Status.PUBLISHED)
        client.get(article.get_absolute_url())  # the sidebar and site caches warm
        other = ArticleFactory(
            category=article.category,
            body="".join(img(item) for item in items),
            status=Status.PUBLISHED,
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(other.get_absolute_url()).status_code == 200
        return len(queries)

    assert count(1) == count(8)


# The alt text asked for each picture inserted.


def article_form(category, body, **extra):
    return {
        "title": "Tin có ảnh trong nội dung",
        "slug": "",
        "category": category.pk,
        "summary": "",
        "body": body,
        "status": Status.DRAFT,
        "published_at_0": "03/12/2026",
        "published_at_1": "10:30:00",
        **extra,
    }


def test_a_picture_inserted_without_alt_text_is_refused_keeping_what_was_typed(admin_client):
    item = make_item()
    category = CategoryFactory()
    body = f"<p>Đoạn văn đang soạn dở.</p>{img(item, alt=None)}"
    response = admin_client.post("/admin/news/article/add/", article_form(category, body))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    name = item.file.name.rsplit("/", 1)[1]
    assert errors == [
        f"Ảnh mới chèn chưa có chữ thay thế (alt): {name}. Bấm vào ảnh trong khung soạn "
        "thảo, chọn nút «Đổi chữ alt của ảnh» và tả ngắn nội dung ảnh cho người không xem "
        "được ảnh."
    ]
    assert "Đoạn văn đang soạn dở." in response.content.decode()
    assert not Article.objects.filter(category=category).exists()

    blank = admin_client.post(
        "/admin/news/article/add/", article_form(category, img(item, alt="  "))
    )
    assert "body" in blank.context["adminform"].form.errors
    saved = admin_client.post("/admin/news/article/add/", article_form(category, img(item)))
    assert saved.status_code == 302
    assert used_by(item) == {("article", Article.objects.get(category=category).pk)}


def test_an_old_picture_without_alt_text_does_not_stop_an_edit(admin_client):
    """An article imported or written before: saved again as it is, or with
    its text changed, while a picture added now must be described."""
    old, new = make_item(), make_item()
    article = ArticleFactory(body=f"<p>Bài cũ.</p>{img(old, alt=None)}")
    url = f"/admin/news/article/{article.pk}/change/"
    data = article_form(article.category, article.body, title=article.title, slug=article.slug)
    assert admin_client.post(url, data).status_code == 302
    data["body"] = article.body.replace("Bài cũ.", "Bài cũ, sửa lại.")
    assert admin_client.post(url, data).status_code == 302
    data["body"] += img(new, alt=None)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Ảnh mới chèn chưa có chữ thay thế" in str(response.context["adminform"].form.errors)
    article.refresh_from_db()
    assert new.file.url not in article.body


def test_the_library_learns_the_alt_text_an_editor_gave():
    described = make_item(alt_text="Chữ đã có")
    bare = make_item()
    ArticleFactory(body=img(bare, alt="Lễ trao giải") + img(described, alt="Chữ khác"))
    bare.refresh_from_db()
    described.refresh_from_db()
    assert bare.alt_text == "Lễ trao giải"
    assert described.alt_text == "Chữ đã có"


def test_answers_and_organization_introductions_are_usage_too():
    from tests.members.factories import OrganizationFactory
    from tests.qa.factories import QuestionFactory

    item = make_item()
    organization = OrganizationFactory(description=img(item))
    question = QuestionFactory(answer=img(item))
    assert used_by(item) == {
        ("organization", organization.pk),
        ("question", question.pk),
    }


# The editor's picker.


def test_the_picker_lists_pictures_newest_first_with_their_details(admin_client):
    older = make_item(alt_text="Hội thảo khoa học", caption="Ở hội trường")
    newer = make_item(size=(640, 480))
    answer = admin_client.get(PICKER_URL).json()
    assert answer["count"] == 2 and answer["next"] is None
    first, second = answer["items"]
    assert first["id"] == newer.pk and second["id"] == older.pk
    assert second == {
        "id": older.pk,
        "url": older.file.url,
        "thumbnail": older.thumbnail.url,
        "alt": "Hội thảo khoa học",
        "caption": "Ở hội trường",
        "name": older.file.name.rsplit("/", 1)[1],
        "width": 1600,
        "height": 900,
    }


def test_the_picker_searches_without_diacritics_and_pages(admin_client, monkeypatch):
    from medialibrary.admin import MediaItemAdmin

    monkeypatch.setattr(MediaItemAdmin, "picker_page_size", 2)
    for n in range(3):
        make_item(size=(100, 100), alt_text=f"Hội thảo số {n}")
    make_item(size=(100, 100), alt_text="Lễ khai giảng")
    found = admin_client.get(PICKER_URL, {"q": "hoi thao"}).json()
    assert found["count"] == 3 and len(found["items"]) == 2 and found["next"] == 2
    rest = admin_client.get(PICKER_URL, {"q": "hoi thao", "page": 2}).json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    assert admin_client.get(PICKER_URL, {"page": "nhảm"}).json()["count"] == 4
    assert admin_client.get(PICKER_URL, {"q": "khong co"}).json()["items"] == []


def test_the_picker_is_for_staff_who_may_see_the_library(client, django_user_model):
    response = client.get(PICKER_URL)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    clerk = django_user_model.objects.create_user("vanthu", password="x", is_staff=True)
    clerk.groups.add(Group.objects.get(name="Văn thư"))
    client.force_login(clerk)
    response = client.get(PICKER_URL)
    assert response.status_code == 403
    assert response.json() == {"error": "Bạn không có quyền xem thư viện ảnh."}
    for name in ("Biên tập viên", "Cán bộ hỏi đáp"):
        user = django_user_model.objects.create_user(name[:5], password="x", is_staff=True)
        user.groups.add(Group.objects.get(name=name))
        client.force_login(user)
        assert client.get(PICKER_URL).status_code == 200, name


def test_every_rich_text_form_offers_the_library(admin_client):
    for url in (
        "/admin/news/article/add/",
        "/admin/sitecontent/page/add/",
        "/admin/members/organization/add/",
    ):
        content = admin_client.get(url).content.decode()
        assert "Chèn ảnh từ thư viện" in content, url
        assert 'data-picker-url="/admin/medialibrary/mediaitem/picker/"' in content, url
        assert "js/editor-library.js" in content, url

"""The media library: editor uploads, where items are used, the admin."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import ProtectedError

from medialibrary.models import MediaItem, MediaUsage
from news.models import Article
from tests.news.factories import ArticleFactory, png_bytes
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/medialibrary/mediaitem/"
# Session, user, the list's two counts, the site profile, the rows, the date
# hierarchy's two, and a savepoint around the list (two statements).
LIST_QUERIES = 10


def make_item(**fields):
    item = MediaItem(**fields)
    item.file = ContentFile(png_bytes(size=(400, 300)), name="anh.png")
    item.save()
    return item


def figure(item):
    return f'<p>Mở đầu.</p><figure class="image"><img src="{item.file.url}" alt=""></figure>'


def used_by(item):
    return {(usage.content_type.model, usage.object_id) for usage in item.usages.all()}


def test_editor_upload_creates_an_item_with_its_uploader(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        "/ckeditor5/image_upload/",
        {"upload": SimpleUploadedFile("ảnh hội nghị.png", png_bytes(), "image/png")},
    )
    assert response.status_code == 200
    item = MediaItem.objects.get()
    assert response.json() == {"url": item.file.url, "id": item.pk, "alt": ""}
    assert item.uploaded_by == staff_user
    assert item.file.name.startswith("editor/") and "hội" not in item.file.name
    assert (item.width, item.height) == (60, 40)


def test_thumbnail_is_never_enlarged():
    assert make_item().thumbnail_size == (160, 120)
    small = MediaItem(width=60, height=40)
    assert small.thumbnail_size == (60, 40)


def test_saving_an_article_records_the_items_its_body_shows():
    item, other = make_item(), make_item()
    article = ArticleFactory(body=figure(item))
    assert used_by(item) == {("article", article.pk)}
    assert not other.usages.exists()


def test_removing_the_image_from_the_body_removes_the_usage():
    item = make_item()
    article = ArticleFactory(body=figure(item))
    article.body = "<p>Không còn ảnh.</p>"
    article.save()
    assert not item.usages.exists()


def test_a_page_body_is_tracked_too_and_deleting_it_forgets_the_usage():
    item = make_item()
    page = PageFactory(body=figure(item))
    assert used_by(item) == {("page", page.pk)}
    page.delete()
    assert not MediaUsage.objects.exists()


def test_a_picture_in_a_pages_english_text_is_usage_too():
    item = make_item()
    page = PageFactory(body="<p>Không có ảnh.</p>", title_en="About us", body_en=figure(item))
    assert used_by(item) == {("page", page.pk)}


def test_images_outside_the_library_are_not_usage():
    ArticleFactory(body='<p><img src="https://example.vn/media/editor/x.png" alt=""></p>')
    ArticleFactory(body='<p><img src="/media/editor/2020/01/khong-co.png" alt=""></p>')
    assert not MediaUsage.objects.exists()


def test_an_item_in_use_cannot_be_deleted_at_all():
    item = make_item()
    ArticleFactory(body=figure(item))
    with pytest.raises(ProtectedError):
        item.delete()


def test_admin_list_shows_thumbnail_alt_text_and_usage_count(admin_client):
    item = make_item(alt_text="Ảnh hội nghị", caption="Đại biểu dự hội nghị")
    ArticleFactory(body=figure(item))
    html = admin_client.get(LIST_URL).content.decode()
    assert 'alt="Ảnh hội nghị" width="160" height="120"' in html
    assert "Đại biểu dự hội nghị" in html
    assert '<td class="field-usage_count">1</td>' in html


def test_admin_search_ignores_diacritics(admin_client):
    make_item(alt_text="Ảnh hội nghị")
    make_item(alt_text="Ảnh lễ khai giảng")
    response = admin_client.get(LIST_URL, {"q": "anh hoi nghi"})
    assert [str(item) for item in response.context["cl"].result_list] == ["Ảnh hội nghị"]


def test_admin_filters_items_without_alt_text_and_unused(admin_client):
    described = make_item(alt_text="Ảnh hội nghị")
    bare = make_item(caption="Không có chữ thay thế")
    ArticleFactory(body=figure(bare))

    def listed(query):
        return list(admin_client.get(LIST_URL, query).context["cl"].result_list)

    assert listed({"chu_thay_the": "thieu"}) == [bare]
    assert listed({"cho_dung": "chua"}) == [described]


def test_change_page_links_the_articles_and_pages_using_the_item(admin_client):
    item = make_item(alt_text="Ảnh hội nghị")
    article = ArticleFactory(title="Hội nghị giao ban", body=figure(item))
    page = PageFactory(title="Giới thiệu chung", body=figure(item))
    html = admin_client.get(f"{LIST_URL}{item.pk}/change/").content.decode()
    assert (
        f'<a href="/admin/news/article/{article.pk}/change/">tin bài «Hội nghị giao ban»</a>'
        in html
    )
    assert (
        f'<a href="/admin/sitecontent/page/{page.pk}/change/">'
        "trang thông tin «Giới thiệu chung»</a>" in html
    )


def test_editing_alt_text_in_the_admin(admin_client):
    item = make_item()
    response = admin_client.post(
        f"{LIST_URL}{item.pk}/change/", {"alt_text": "Ảnh hội nghị", "caption": "Chú thích"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.alt_text, item.caption) == ("Ảnh hội nghị", "Chú thích")


def test_an_item_added_in_the_admin_records_its_uploader(admin_client, superuser):
    upload = SimpleUploadedFile("ảnh.png", png_bytes(), "image/png")
    response = admin_client.post(f"{LIST_URL}add/", {"file": upload, "alt_text": "Ảnh hội nghị"})
    assert response.status_code == 302
    item = MediaItem.objects.get()
    assert (item.uploaded_by, item.alt_text) == (superuser, "Ảnh hội nghị")


def test_the_file_of_an_existing_item_is_not_replaced(admin_client):
    item = make_item()
    html = admin_client.get(f"{LIST_URL}{item.pk}/change/").content.decode()
    assert 'type="file"' not in html
    assert 'type="file"' in admin_client.get(f"{LIST_URL}add/").content.decode()


def test_deleting_an_item_in_use_is_refused_naming_where(admin_client):
    item = make_item(alt_text="Ảnh hội nghị")
    ArticleFactory(title="Hội nghị giao ban", body=figure(item))
    url = f"{LIST_URL}{item.pk}/delete/"
    for response in (admin_client.get(url), admin_client.post(url, {"post": "yes"})):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Không thể xóa “Ảnh hội nghị” vì tệp đang được dùng" in html
        assert "tin bài «Hội nghị giao ban»" in html
    assert MediaItem.objects.filter(pk=item.pk).exists()


def test_bulk_deleting_items_in_use_is_refused_naming_where(admin_client):
    used, unused = make_item(alt_text="Ảnh hội nghị"), make_item(alt_text="Ảnh khác")
    ArticleFactory(title="Hội nghị giao ban", body=figure(used))
    data = {"action": "delete_selected", "_selected_action": [used.pk, unused.pk]}
    for extra in ({}, {"post": "yes"}):
        response = admin_client.post(LIST_URL, {**data, **extra})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Không thể xóa các tệp đã chọn vì có tệp đang được dùng" in html
        assert "Ảnh hội nghị: " in html and "tin bài «Hội nghị giao ban»" in html
    assert MediaItem.objects.count() == 2


def test_an_unused_item_is_deleted(admin_client):
    item = make_item()
    response = admin_client.post(f"{LIST_URL}{item.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not MediaItem.objects.exists()


def test_unused_items_are_deleted_in_bulk(admin_client):
    items = [make_item(), make_item()]
    response = admin_client.post(
        LIST_URL,
        {"action": "delete_selected", "_selected_action": [i.pk for i in items], "post": "yes"},
    )
    assert response.status_code == 302
    assert not MediaItem.objects.exists()


@pytest.mark.parametrize("count", [3, 30])
def test_admin_list_runs_the_same_queries_for_few_and_many(
    admin_client, superuser, django_assert_num_queries, count
):
    items = [make_item(alt_text=f"Ảnh số {n}", uploaded_by=superuser) for n in range(count)]
    ArticleFactory(body="".join(figure(item) for item in items[::2]))
    admin_client.get(LIST_URL)  # the thumbnails are made once
    with django_assert_num_queries(LIST_QUERIES):
        response = admin_client.get(LIST_URL)
    assert len(response.context["cl"].result_list) == count


def test_the_demo_shows_a_library_item_in_an_article():
    call_command("seed_demo", verbosity=0)
    used = MediaItem.objects.filter(usages__isnull=False).get()
    article = Article.objects.get(pk=used.usages.get().object_id)
    assert f'src="{used.file.url}"' in article.body
    assert MediaItem.objects.filter(alt_text="", usages__isnull=True).exists()


def test_old_admin_addresses_lead_to_the_library(admin_client):
    item = make_item(alt_text="Ảnh cũ")
    response = admin_client.get(f"/admin/lhh/mediaitem/{item.pk}/change/?_changelist_filters=q")
    assert response.status_code == 302
    assert response["Location"] == (
        f"/admin/medialibrary/mediaitem/{item.pk}/change/?_changelist_filters=q"
    )
    assert admin_client.get("/admin/lhh/mediaitem/", follow=True).status_code == 200

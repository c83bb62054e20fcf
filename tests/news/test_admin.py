import pytest
from django.contrib.auth.models import Group
from reversion.models import Version

from core.models import ReviewStatus, Status
from lhh.groups import EDITOR_GROUP
from news.models import Article

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_article_changelist_offers_filters_search_and_date_hierarchy(admin_client):
    ArticleFactory(title="Tin trong danh sách")
    html = admin_client.get("/admin/news/article/").content.decode()
    assert "Tin trong danh sách" in html
    for text in ["trạng thái", "chuyên mục", "tin nổi bật", "thời điểm đăng"]:
        assert text in html.lower()
    assert 'id="searchbar"' in html
    assert '<nav class="toplinks">' in html


@pytest.mark.parametrize(
    "query",
    [
        "?q=Tin",
        "?status__exact=draft",
        "?is_featured__exact=1",
        "?published_at__year=2017",
        "?q=%00",
    ],
)
def test_article_changelist_filters_work(admin_client, query):
    ArticleFactory()
    assert admin_client.get(f"/admin/news/article/{query}").status_code == 200


def test_article_changelist_has_a_preview_link(admin_client):
    article = ArticleFactory(draft=True)
    html = admin_client.get("/admin/news/article/").content.decode()
    assert (
        f'<a href="{article.get_absolute_url()}" target="_blank" rel="noopener">Xem trước</a>'
        in html
    )


def test_bulk_publish_publishes_the_selected_drafts(admin_client):
    drafts = ArticleFactory.create_batch(2, draft=True)
    response = admin_client.post(
        "/admin/news/article/",
        {"action": "publish", "_selected_action": [a.pk for a in drafts]},
        follow=True,
    )
    assert "Đã đăng 2 tin bài." in response.content.decode()
    assert set(Article.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


def test_bulk_unpublish_takes_articles_down(admin_client):
    article = ArticleFactory()
    admin_client.post(
        "/admin/news/article/", {"action": "unpublish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == ReviewStatus.UNPUBLISHED


def test_adding_an_article_records_who_created_it_and_a_version(admin_client, superuser):
    category = CategoryFactory()
    response = admin_client.post(
        "/admin/news/article/add/",
        {
            "title": "Tin viết trong quản trị",
            "slug": "",
            "category": category.pk,
            "summary": "Tóm tắt",
            "body": "<p>Nội dung <strong>đậm</strong></p><script>alert(1)</script>",
            "cover_caption": "",
            "author": "NTC",
            "source": "",
            "status": Status.PUBLISHED,
            "published_at_0": "16/08/2017",
            "published_at_1": "09:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert article.slug == "tin-viet-trong-quan-tri"
    assert article.created_by == superuser
    assert article.updated_by == superuser
    assert article.body == "<p>Nội dung <strong>đậm</strong></p>"
    assert Version.objects.get_for_object(article).count() == 1


def test_fake_cover_image_is_refused_with_a_vietnamese_message(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    category = CategoryFactory()
    response = admin_client.post(
        "/admin/news/article/add/",
        {
            "title": "Tin có ảnh giả",
            "category": category.pk,
            "status": Status.DRAFT,
            "published_at_0": "16/08/2017",
            "published_at_1": "09:00:00",
            "cover": SimpleUploadedFile("anh.png", b"<svg onload=alert(1)>", "image/png"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "không phải là ảnh hợp lệ" in html or "Hãy tải lên một hình ảnh hợp lệ" in html
    assert 'value="Tin có ảnh giả"' in html
    assert not Article.objects.exists()


def test_article_history_and_recover_pages_open(admin_client):
    article = ArticleFactory()
    assert admin_client.get(f"/admin/news/article/{article.pk}/history/").status_code == 200
    assert admin_client.get("/admin/news/article/recover/").status_code == 200
    assert admin_client.get("/admin/news/category/recover/").status_code == 200


def test_editor_group_has_exactly_the_permissions_of_its_content():
    group = Group.objects.get(name=EDITOR_GROUP)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert codenames == {
        (app, f"{action}_{model}")
        for app, model in [
            ("news", "article"),
            ("news", "category"),
            ("sitecontent", "page"),
            ("medialibrary", "mediaitem"),
            ("gallery", "album"),
            ("gallery", "photo"),
            # The member directory, exchanged with Excel (core.spreadsheets).
            ("members", "organizationgroup"),
            ("members", "organization"),
            ("members", "field"),
            ("oldsite", "oldaddress"),
            # Bản tin: the issues, their PDF and contents.
            ("bulletins", "series"),
            ("bulletins", "issue"),
            ("bulletins", "contentsentry"),
            ("events", "event"),
        ]
        for action in ["add", "change", "delete", "view"]
    } | {
        ("news", "review_article"),
        ("sitecontent", "review_page"),
        ("events", "review_event"),
        # An event's attached documents are chosen from the register.
        ("documents", "view_document"),
        # And its online registration form from the registrations app's.
        ("registrations", "view_registrationform"),
    }


def test_editor_can_write_articles_in_the_admin(client, staff_user):
    staff_user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(staff_user)
    assert client.get("/admin/news/article/add/").status_code == 200
    assert client.get("/admin/sitecontent/page/").status_code == 200
    assert client.get("/admin/sitecontent/link/").status_code == 403
    # The old site's addresses, and the redirects staff add beside them.
    assert client.get("/admin/oldsite/oldaddress/").status_code == 200
    assert client.get("/admin/oldsite/oldaddress/add/").status_code == 200


def test_changelist_tells_scheduled_articles_apart(admin_client):
    ArticleFactory(scheduled=True)
    ArticleFactory(draft=True)
    html = admin_client.get("/admin/news/article/").content.decode()
    assert "Hẹn giờ đăng" in html
    assert "Nháp" in html


def test_an_existing_article_with_a_cover_saves_unchanged(admin_client):
    article = ArticleFactory(with_cover=True)
    form = admin_client.get(f"/admin/news/article/{article.pk}/change/").context["adminform"].form
    data = {
        name: value for name, value in form.initial.items() if value is not None and name != "cover"
    }
    data.update(
        category=article.category_id,
        published_at_0=article.published_at.strftime("%d/%m/%Y"),
        published_at_1=article.published_at.strftime("%H:%M:%S"),
    )
    response = admin_client.post(f"/admin/news/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.cover

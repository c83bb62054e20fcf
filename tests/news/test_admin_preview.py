"""The article form says what will happen, previews what is typed, and the
history compares two versions."""

import datetime

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from core.models import Status

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def article_form(category, **extra):
    data = {
        "title": "Hội thảo chưa lưu về chuyển đổi số",
        "slug": "",
        "category": category.pk,
        "summary": "Sapo đang soạn",
        "body": "<p>Nội dung <strong>đang soạn</strong></p><script>alert(1)</script>",
        "status": Status.DRAFT,
        "published_at_0": "03/12/2026",
        "published_at_1": "10:30:00",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    ("status", "published_at", "words"),
    [
        (Status.DRAFT, None, "Nháp: khách truy cập chưa xem được."),
        (Status.PUBLISHED, "future", "Hẹn giờ đăng lúc 10:30 ngày "),
        (Status.PUBLISHED, "past", "Đã đăng lúc 09:00 ngày 16/08/2017."),
    ],
)
def test_the_form_says_the_state_in_words(admin_client, status, published_at, words):
    tz = timezone.get_current_timezone()
    moments = {
        None: timezone.now(),
        "future": (timezone.localtime() + datetime.timedelta(days=2)).replace(hour=10, minute=30),
        "past": datetime.datetime(2017, 8, 16, 9, 0, tzinfo=tz),
    }
    article = ArticleFactory(status=status, published_at=moments[published_at])
    html = admin_client.get(reverse("admin:news_article_change", args=[article.pk])).content
    assert words in html.decode()


def test_a_new_unsaved_article_is_previewed_with_the_public_template(admin_client):
    response = admin_client.post(
        reverse("admin:news_article_preview_add"), article_form(CategoryFactory())
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="article__title">Hội thảo chưa lưu về chuyển đổi số</h1>' in html
    assert "<strong>đang soạn</strong>" in html
    assert "alert(1)" not in html
    assert "Bản xem trước nội dung đang soạn, chưa lưu." in html
    assert "no-cache" in response["Cache-Control"]
    from news.models import Article

    assert not Article.objects.exists()


def test_an_edit_is_previewed_without_being_saved(admin_client):
    article = ArticleFactory(title="Tiêu đề đã lưu")
    data = article_form(article.category, title="Tiêu đề đang sửa", slug=article.slug)
    response = admin_client.post(reverse("admin:news_article_preview", args=[article.pk]), data)
    assert "Tiêu đề đang sửa" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã lưu"


def test_a_preview_of_an_invalid_form_names_the_fields(admin_client):
    response = admin_client.post(
        reverse("admin:news_article_preview_add"), article_form(CategoryFactory(), title="")
    )
    html = response.content.decode()
    assert "Chưa xem trước được" in html
    assert "Tiêu đề" in html


def test_the_change_form_offers_a_preview_button(admin_client):
    article = ArticleFactory()
    html = admin_client.get(reverse("admin:news_article_change", args=[article.pk])).content
    assert 'formaction="preview/"' in html.decode()


def test_preview_needs_a_post(admin_client):
    assert admin_client.get(reverse("admin:news_article_preview_add")).status_code == 405


def test_the_history_compares_two_versions(admin_client, superuser):
    article = ArticleFactory(title="Hội nghị tổng kết năm", body="<p>Một hai ba</p>")
    for title, body in [
        ("Hội nghị tổng kết năm", "<p>Một hai ba</p>"),
        ("Hội nghị tổng kết năm 2026", "<p>Một ba bốn</p>"),
    ]:
        with reversion.create_revision():
            reversion.set_user(superuser)
            article.title, article.body = title, body
            article.save()
    newer, older = Version.objects.get_for_object(article)[:2]
    history = admin_client.get(reverse("admin:news_article_history", args=[article.pk]))
    assert "So sánh hai phiên bản" in history.content.decode()
    response = admin_client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"a": older.pk, "b": newer.pk},
    )
    html = response.content.decode()
    assert "Hội nghị tổng kết năm <ins>2026</ins>" in html
    assert "Một <del>hai</del> ba <ins>bốn</ins>" in html


@pytest.mark.parametrize("query", [{}, {"a": "x", "b": "1"}, {"a": "999999", "b": "1"}])
def test_an_odd_comparison_goes_back_to_the_history(admin_client, query):
    article = ArticleFactory()
    response = admin_client.get(reverse("admin:news_article_compare", args=[article.pk]), query)
    assert response.status_code == 302


def test_an_editor_previews_a_new_article(client, staff_user):
    from django.contrib.auth.models import Group

    from lhh.groups import EDITOR_GROUP

    staff_user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:news_article_preview_add"), article_form(CategoryFactory())
    )
    assert "Hội thảo chưa lưu về chuyển đổi số" in response.content.decode()


def test_staff_without_the_right_to_write_articles_cannot_preview(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:news_article_preview_add"), article_form(CategoryFactory())
    )
    assert response.status_code == 403

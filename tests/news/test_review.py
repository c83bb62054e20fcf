"""Editorial review of articles (core.review), through the admin as each role.

Every test logs in as a member of a real staff group (lhh.groups) and uses
the admin through the test client, on articles that exist already.
"""

from datetime import timedelta

import pytest
import reversion
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from core import review
from core.models import ReviewStatus
from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP, EDITOR_GROUP
from news.models import Article, ArticleReview

from .factories import ArticleFactory, CategoryFactory, png_bytes

pytestmark = pytest.mark.django_db

ROLES = [CONTRIBUTOR_GROUP, EDITOR_GROUP, APPROVER_GROUP]


def member(django_user_model, group, username):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "mat-khau-thu-nghiem", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def contributor(django_user_model):
    return member(django_user_model, CONTRIBUTOR_GROUP, "congtac")


@pytest.fixture
def other_contributor(django_user_model):
    return member(django_user_model, CONTRIBUTOR_GROUP, "congtac2")


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, EDITOR_GROUP, "bientap")


@pytest.fixture
def approver(django_user_model):
    return member(django_user_model, APPROVER_GROUP, "nguoiduyet")


@pytest.fixture
def users(contributor, editor, approver):
    return {CONTRIBUTOR_GROUP: contributor, EDITOR_GROUP: editor, APPROVER_GROUP: approver}


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return f"/admin/news/article/{article.pk}/change/"


def form(article, **changes):
    """The change form's fields as a browser sends them."""
    moment = timezone.localtime(article.published_at)
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "summary": article.summary,
        "body": article.body,
        "cover_caption": article.cover_caption,
        "author": article.author,
        "source": article.source,
        "published_at_0": moment.strftime("%d/%m/%Y"),
        "published_at_1": moment.strftime("%H:%M:%S"),
        "_save": "Lưu",
    }
    data.update(changes)
    return data


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def own_draft(user, **kwargs):
    return ArticleFactory(draft=True, created_by=user, **kwargs)


# Roles ------------------------------------------------------------------------


def test_each_role_is_a_group_with_its_review_permissions():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_article", "change_article"} <= codenames(CONTRIBUTOR_GROUP)
    assert not {"review_article", "approve_article"} & codenames(CONTRIBUTOR_GROUP)
    assert "review_article" in codenames(EDITOR_GROUP)
    assert "approve_article" not in codenames(EDITOR_GROUP)
    assert {"review_article", "approve_article", "approve_page"} <= codenames(APPROVER_GROUP)


def test_the_review_permissions_are_named_in_vietnamese():
    from django.contrib.auth.models import Permission

    assert Permission.objects.get(codename="approve_article").name == (
        "Được duyệt, đăng và gỡ tin bài"
    )


# States and transitions -------------------------------------------------------


def test_a_contributor_writes_and_submits_an_article(contributor):
    category = CategoryFactory()
    response = client_for(contributor).post(
        "/admin/news/article/add/",
        {
            "title": "Tin của cộng tác viên",
            "category": category.pk,
            "body": "<p>Nội dung</p>",
            "_transition": "submit",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(title="Tin của cộng tác viên")
    assert article.status == ReviewStatus.PENDING
    assert article.created_by == contributor
    event = article.review_events.get()
    assert (event.user, event.from_status, event.to_status) == (
        contributor,
        ReviewStatus.DRAFT,
        ReviewStatus.PENDING,
    )


def test_an_editor_returns_an_article_with_a_comment(contributor, editor):
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    response = client_for(editor).post(
        change_url(article),
        form(article, _transition="return", review_comment="Cần thêm ảnh và nguồn."),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == ReviewStatus.RETURNED
    event = article.review_events.get()
    assert event.comment == "Cần thêm ảnh và nguồn."
    assert event.user == editor


def test_returning_without_a_comment_is_refused_in_vietnamese(contributor, editor):
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    response = client_for(editor).post(
        change_url(article), form(article, _transition="return", review_comment=" "), follow=True
    )
    assert "Hãy ghi nhận xét cho tác giả khi “Trả lại cho tác giả”." in messages_of(response)
    article.refresh_from_db()
    assert article.status == ReviewStatus.PENDING
    assert not article.review_events.exists()


def test_the_returned_article_goes_back_to_draft_and_again_for_review(contributor):
    article = own_draft(contributor, status=ReviewStatus.RETURNED)
    client = client_for(contributor)
    client.post(change_url(article), form(article, _transition="redraft"))
    article.refresh_from_db()
    assert article.status == ReviewStatus.DRAFT
    client.post(change_url(article), form(article, title="Đã sửa", _transition="submit"))
    article.refresh_from_db()
    assert (article.status, article.title) == (ReviewStatus.PENDING, "Đã sửa")


def test_approving_publishes_the_article_now(client, contributor, approver):
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    article.published_at = timezone.now() - timedelta(days=10)
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    client_for(approver).post(change_url(article), form(article, _transition="approve"))
    article.refresh_from_db()
    assert article.status == ReviewStatus.PUBLISHED
    assert timezone.now() - article.published_at < timedelta(minutes=1)
    assert article.title in Client().get(article.get_absolute_url()).content.decode()


def test_approving_at_a_future_time_schedules_the_article(contributor, approver):
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    later = timezone.localtime() + timedelta(days=2)
    client_for(approver).post(
        change_url(article),
        form(
            article,
            published_at_0=later.strftime("%d/%m/%Y"),
            published_at_1="08:00:00",
            _transition="approve",
        ),
    )
    article.refresh_from_db()
    assert article.status == ReviewStatus.PUBLISHED
    assert not article.is_published
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_an_approver_takes_a_published_article_down(client, approver):
    article = ArticleFactory()
    client_for(approver).post(change_url(article), form(article, _transition="unpublish"))
    article.refresh_from_db()
    assert article.status == ReviewStatus.UNPUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_transition_not_allowed_from_the_state_is_refused_in_vietnamese(approver):
    article = ArticleFactory(draft=True)
    response = client_for(approver).post(
        change_url(article), form(article, title="Không lưu", _transition="unpublish"), follow=True
    )
    assert "Không thể “Gỡ xuống” khi bài đang ở trạng thái “Nháp”." in messages_of(response)
    article.refresh_from_db()
    assert article.status == ReviewStatus.DRAFT
    assert article.title != "Không lưu"


def test_two_approvers_approving_at_once_publish_it_once(contributor, approver, django_user_model):
    second = member(django_user_model, APPROVER_GROUP, "nguoiduyet2")
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    seen_by_first = Article.objects.get(pk=article.pk)
    seen_by_second = Article.objects.get(pk=article.pk)
    review.apply(seen_by_first, "approve", approver)
    with pytest.raises(review.TransitionRefused):
        review.apply(seen_by_second, "approve", second)
    assert ArticleReview.objects.filter(article=article).count() == 1


def test_the_form_offers_only_the_transitions_the_person_may_make(contributor, approver):
    article = own_draft(contributor)
    html = client_for(contributor).get(change_url(article)).content.decode()
    assert 'value="submit"' in html
    assert 'value="approve"' not in html
    article.status = ReviewStatus.PENDING
    article.save()
    html = client_for(approver).get(change_url(article)).content.decode()
    assert 'value="approve"' in html
    assert 'value="return"' in html
    assert 'value="submit"' not in html


def test_each_transition_shows_on_the_form_and_in_the_history(contributor, editor):
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    client = client_for(editor)
    client.post(change_url(article), form(article, _transition="return", review_comment="Sửa tít."))
    for url in (change_url(article), f"/admin/news/article/{article.pk}/history/"):
        html = client.get(url).content.decode()
        assert "Các bước duyệt" in html
        assert "Sửa tít." in html


# Bad input: every route that could publish, for each role --------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_tampered_state_or_publish_time_is_ignored_unless_approving(users, role):
    user = users[role]
    article = own_draft(user)
    later = timezone.localtime() + timedelta(days=3)
    client_for(user).post(
        change_url(article),
        form(
            article,
            status=ReviewStatus.PUBLISHED,
            published_at_0=later.strftime("%d/%m/%Y"),
            published_at_1="07:00:00",
            created_by=1,
        ),
    )
    article.refresh_from_db()
    assert article.status == ReviewStatus.DRAFT
    assert article.created_by == user
    moved = timezone.localtime(article.published_at).date() == later.date()
    assert moved == (role == APPROVER_GROUP)


def test_a_contributors_new_article_ignores_tampered_fields(contributor, approver):
    category = CategoryFactory()
    client_for(contributor).post(
        "/admin/news/article/add/",
        {
            "title": "Tin tự đăng",
            "category": category.pk,
            "status": ReviewStatus.PUBLISHED,
            "published_at_0": "01/01/2020",
            "published_at_1": "08:00:00",
            "created_by": approver.pk,
        },
    )
    article = Article.objects.get(title="Tin tự đăng")
    assert article.status == ReviewStatus.DRAFT
    assert article.created_by == contributor
    assert article.published_at.year != 2020


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["publish", "unpublish", "delete_selected"])
def test_bulk_actions_are_the_approvers(users, role, action):
    user = users[role]
    pending = own_draft(user, status=ReviewStatus.PENDING)
    published = ArticleFactory(created_by=user)
    client_for(user).post(
        "/admin/news/article/",
        {"action": action, "_selected_action": [pending.pk, published.pk], "post": "yes"},
    )
    states = dict(Article.objects.values_list("pk", "status"))
    if role != APPROVER_GROUP:
        assert states == {pending.pk: ReviewStatus.PENDING, published.pk: ReviewStatus.PUBLISHED}
    elif action == "publish":
        assert states[pending.pk] == ReviewStatus.PUBLISHED
    elif action == "unpublish":
        assert states[published.pk] == ReviewStatus.UNPUBLISHED
    else:
        assert states == {}


def test_a_contributor_cannot_open_another_persons_draft(contributor, other_contributor):
    article = own_draft(other_contributor)
    client = client_for(contributor)
    for suffix in ("change/", "history/", "delete/"):
        assert client.get(f"/admin/news/article/{article.pk}/{suffix}").status_code == 403
    response = client.post(change_url(article), form(article, title="Chiếm bài"))
    assert response.status_code == 403
    response = client.post(
        change_url(article), form(article, title="Chiếm bài", _transition="submit")
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.status) != ("Chiếm bài", ReviewStatus.PENDING)
    assert article.status == ReviewStatus.DRAFT


def test_a_contributors_list_holds_only_their_own(contributor, other_contributor):
    mine = own_draft(contributor)
    theirs = own_draft(other_contributor)
    html = client_for(contributor).get("/admin/news/article/").content.decode()
    assert mine.title in html
    assert theirs.title not in html


@pytest.mark.parametrize("role", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_a_live_article_is_not_deleted_without_an_approver(users, role):
    article = ArticleFactory(created_by=users[role])
    client = client_for(users[role])
    response = client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("role", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_submitting_or_approving_by_a_tampered_button_is_refused(users, role):
    user = users[role]
    article = own_draft(user, status=ReviewStatus.PENDING)
    response = client_for(user).post(
        change_url(article), form(article, _transition="approve"), follow=True
    )
    article.refresh_from_db()
    assert article.status == ReviewStatus.PENDING
    if response.status_code == 200:
        assert "Bạn không có quyền “Duyệt và đăng”." in messages_of(response)
    else:
        assert response.status_code == 403


def test_reverting_to_a_published_version_keeps_the_state(contributor, approver):
    article = own_draft(contributor, status=ReviewStatus.PENDING)
    review.apply(article, "approve", approver)
    review.apply(article, "unpublish", approver)
    published_version = Version.objects.get_for_object(article)[1]
    assert published_version.field_dict["status"] == ReviewStatus.PUBLISHED
    url = f"/admin/news/article/{article.pk}/history/{published_version.pk}/"
    client = client_for(contributor)
    assert client.get(url).status_code == 200
    response = client.post(url, form(article, title="Khôi phục"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Khôi phục"
    assert article.status == ReviewStatus.UNPUBLISHED


def test_a_contributor_cannot_revert_another_persons_article(contributor, approver):
    article = ArticleFactory(draft=True)
    review.apply(article, "approve", approver)
    version = Version.objects.get_for_object(article)[0]
    url = f"/admin/news/article/{article.pk}/history/{version.pk}/"
    assert client_for(contributor).post(url, form(article, title="x")).status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_the_library_upload_publishes_nothing(users, role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    article = own_draft(users[role], status=ReviewStatus.PENDING)
    upload = SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png")
    response = client_for(users[role]).post(
        "/ckeditor5/image_upload/", {"upload": upload, "article": article.pk, "status": "published"}
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == ReviewStatus.PENDING


# Changes to a published article go through review -----------------------------


def public_text(article):
    return Client().get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_a_change_to_a_live_article_waits_and_the_live_page_keeps_its_text(users, role):
    article = ArticleFactory(created_by=users[role], body="<p>Nội dung cũ đang đăng.</p>")
    assert "Nội dung cũ đang đăng." in public_text(article)
    client = client_for(users[role])
    response = client.post(
        change_url(article),
        form(article, title="Tiêu đề mới", body="<p>Nội dung mới<script>x()</script></p>"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title != "Tiêu đề mới"
    assert article.pending_change["title"] == "Tiêu đề mới"
    assert "<script>" not in article.pending_change["body"]
    assert article.pending_by == users[role]
    html = public_text(article)
    assert "Nội dung cũ đang đăng." in html
    assert "Tiêu đề mới" not in html
    # The author goes on from the pending change.
    html = client.get(change_url(article)).content.decode()
    assert 'value="Tiêu đề mới"' in html


def test_approving_a_change_makes_it_live_at_once(contributor, approver):
    article = ArticleFactory(created_by=contributor, body="<p>Nội dung cũ.</p>")
    assert "Nội dung cũ." in public_text(article)  # now in the page cache
    client_for(contributor).post(change_url(article), form(article, body="<p>Nội dung mới.</p>"))
    reviewer = client_for(approver)
    html = reviewer.get(change_url(article)).content.decode()
    assert "Thay đổi chờ duyệt" in html
    assert "<ins>mới.</ins>" in html
    assert 'value="approve_change"' in html
    reviewer.post(change_url(article), form(article, _transition="approve_change"))
    article.refresh_from_db()
    assert article.pending_change is None
    assert article.status == ReviewStatus.PUBLISHED
    html = public_text(article)
    assert "Nội dung mới." in html
    assert "Nội dung cũ." not in html
    assert article.review_events.get().action == "Duyệt thay đổi"


def test_rejecting_a_change_discards_it_with_a_comment(contributor, approver):
    article = ArticleFactory(created_by=contributor, title="Tiêu đề đang đăng")
    client_for(contributor).post(change_url(article), form(article, title="Tiêu đề bị từ chối"))
    client_for(approver).post(
        change_url(article),
        form(article, _transition="reject_change", review_comment="Không đúng sự thật."),
    )
    article.refresh_from_db()
    assert article.pending_change is None
    assert article.title == "Tiêu đề đang đăng"
    event = article.review_events.get()
    assert (event.action, event.comment) == ("Từ chối thay đổi", "Không đúng sự thật.")


def test_a_pending_change_is_approved_once(contributor, approver):
    article = ArticleFactory(created_by=contributor)
    review.hold_change(article, contributor, {"title": "Một lần"})
    first, second = Article.objects.get(pk=article.pk), Article.objects.get(pk=article.pk)
    review.apply(first, "approve_change", approver)
    with pytest.raises(review.TransitionRefused):
        review.apply(second, "approve_change", approver)
    assert article.review_events.count() == 1


@pytest.mark.parametrize("role", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_only_approvers_approve_a_change(users, role):
    article = ArticleFactory(created_by=users[role])
    review.hold_change(article, users[role], {"title": "Tự duyệt"})
    response = client_for(users[role]).post(
        change_url(article), form(article, _transition="approve_change"), follow=True
    )
    assert "Bạn không có quyền “Duyệt thay đổi”." in messages_of(response)
    article.refresh_from_db()
    assert article.title != "Tự duyệt"


def test_reverting_a_live_article_is_refused_to_those_whose_changes_wait(contributor, approver):
    article = ArticleFactory(draft=True, created_by=contributor)
    review.apply(article, "approve", approver)
    version = Version.objects.get_for_object(article)[0]
    url = f"/admin/news/article/{article.pk}/history/{version.pk}/"
    assert client_for(contributor).post(url, form(article, title="Lách")).status_code == 403
    article.refresh_from_db()
    assert article.title != "Lách"


@pytest.mark.parametrize("role", ROLES)
def test_recovering_a_deleted_live_article_is_the_approvers(users, approver, role):
    article = own_draft(users[role], title="Tin đã xoá")
    review.apply(article, "approve", approver)
    client_for(approver).post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    version = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    url = f"/admin/news/article/recover/{version.pk}/"
    response = client_for(users[role]).post(url, form(article))
    recovered = Article.objects.filter(pk=article.pk).exists()
    assert recovered == (role == APPROVER_GROUP)
    if role != APPROVER_GROUP:
        assert response.status_code == 403


def test_a_contributor_recovers_their_own_deleted_draft(contributor):
    article = own_draft(contributor, title="Nháp lỡ xoá")
    with reversion.create_revision():
        article.save()
    client = client_for(contributor)
    client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()
    version = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    client.post(f"/admin/news/article/recover/{version.pk}/", form(article))
    assert Article.objects.get(pk=article.pk).status == ReviewStatus.DRAFT

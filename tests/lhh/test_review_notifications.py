"""The emails of editorial review (lhh.notifications): who hears of each
transition, what they read, and that a failing mail server or email loses
no transition."""

import logging
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone

from core import review
from core.models import ReviewStatus
from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP, EDITOR_GROUP
from mail.models import Email, EmailStatus
from mail.tasks import requeue_waiting
from news.models import Article
from sitecontent.models import SiteProfile
from tests.mail.conftest import refused_smtp  # noqa: F401 (a mail server that is down)
from tests.news.factories import ArticleFactory, CategoryFactory
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db


def member(django_user_model, group, username, email=None):
    user = django_user_model.objects.create_user(
        username,
        f"{username}@example.com" if email is None else email,
        "mat-khau-thu-nghiem",
        is_staff=True,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def contributor(django_user_model):
    user = member(django_user_model, CONTRIBUTOR_GROUP, "congtac")
    user.first_name, user.last_name = "Phạm Văn", "Đức"
    user.save()
    return user


@pytest.fixture
def editor(django_user_model):
    return member(django_user_model, EDITOR_GROUP, "bientap")


@pytest.fixture
def approvers(django_user_model):
    return [
        member(django_user_model, APPROVER_GROUP, "duyet1"),
        member(django_user_model, APPROVER_GROUP, "duyet2"),
        # An approver without an address cannot be told.
        member(django_user_model, APPROVER_GROUP, "duyet3", email=""),
    ]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("quantri", "quantri@example.com", None)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def article_form(article, **changes):
    moment = timezone.localtime(article.published_at)
    return {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "summary": article.summary,
        "body": article.body,
        "published_at_0": moment.strftime("%d/%m/%Y"),
        "published_at_1": moment.strftime("%H:%M:%S"),
        "_save": "Lưu",
        **changes,
    }


def emails(kind):
    return list(Email.objects.filter(kind=kind).order_by("pk"))


@pytest.fixture(autouse=True)
def short_name():
    SiteProfile.objects.update_or_create(pk=1, defaults={"short_name": "LHH Lâm Đồng"})


# To the approvers ------------------------------------------------------------


def test_submitting_tells_every_approver_with_an_address(contributor, editor, approvers, superuser):
    category = CategoryFactory()
    client_for(contributor).post(
        "/admin/news/article/add/",
        {"title": "Tin gửi duyệt", "category": category.pk, "_transition": "submit"},
    )
    article = Article.objects.get(title="Tin gửi duyệt")
    (email,) = emails("review.approvers")
    # Approvers only: not the editor, not the superuser, not the author.
    assert email.recipient_list == ["duyet1@example.com", "duyet2@example.com"]
    assert email.subject == "[LHH Lâm Đồng] Chờ duyệt: Tin gửi duyệt"
    assert "Phạm Văn Đức đã gửi tin bài sau để duyệt" in email.body
    assert f"http://testserver/admin/news/article/{article.pk}/change/" in email.body
    assert email.about == article


def test_an_approver_by_their_own_permission_is_told_too(django_user_model, contributor, approvers):
    single = member(django_user_model, None, "truongban")
    single.user_permissions.add(Permission.objects.get(codename="approve_article"))
    article = ArticleFactory(draft=True, created_by=contributor)
    review.apply(article, "submit", contributor)
    (email,) = emails("review.approvers")
    assert "truongban@example.com" in email.recipient_list


def test_without_an_approver_the_superusers_are_told(contributor, superuser):
    article = ArticleFactory(draft=True, created_by=contributor)
    review.apply(article, "submit", contributor)
    (email,) = emails("review.approvers")
    assert email.recipient_list == ["quantri@example.com"]


def test_a_page_sent_for_review_tells_the_approvers(contributor, approvers):
    page = PageFactory(status=ReviewStatus.DRAFT, created_by=contributor, title="Giới thiệu")
    review.apply(page, "submit", contributor, base_url="https://lhh.example.vn")
    (email,) = emails("review.approvers")
    assert email.subject == "[LHH Lâm Đồng] Chờ duyệt: Giới thiệu"
    assert "trang thông tin sau để duyệt" in email.body
    assert f"https://lhh.example.vn/admin/sitecontent/page/{page.pk}/change/" in email.body


def test_a_first_change_to_a_live_article_tells_the_approvers_once(contributor, approvers):
    article = ArticleFactory(created_by=contributor, title="Tin đang đăng")
    client = client_for(contributor)
    client.post(change_url(article), article_form(article, title="Tin đang đăng (sửa 1)"))
    client.post(change_url(article), article_form(article, title="Tin đang đăng (sửa 2)"))
    (email,) = emails("review.approvers")
    assert email.subject.startswith("[LHH Lâm Đồng] Thay đổi chờ duyệt: ")
    assert "trang công khai giữ nội dung cũ" in email.body


# To the author ---------------------------------------------------------------


def test_approving_tells_the_author_with_a_link_to_the_form_and_to_the_page(contributor, approvers):
    article = ArticleFactory(draft=True, created_by=contributor, title="Tin được duyệt")
    review.apply(article, "submit", contributor)
    client_for(approvers[0]).post(
        change_url(article),
        article_form(article, _transition="approve", review_comment="Bài tốt."),
    )
    article.refresh_from_db()
    assert article.status == ReviewStatus.PUBLISHED
    (email,) = emails("review.author")
    assert email.recipient_list == ["congtac@example.com"]
    assert email.subject == "[LHH Lâm Đồng] Đã duyệt: Tin được duyệt"
    assert "Tin bài “Tin được duyệt” của bạn đã được duyệt (duyet1" in email.body
    assert "Bài tốt." in email.body
    assert f"http://testserver/admin/news/article/{article.pk}/change/" in email.body
    assert f"http://testserver{article.get_absolute_url()}" in email.body


def test_returning_tells_the_author_with_the_comment(contributor, editor):
    article = ArticleFactory(draft=True, created_by=contributor, title="Tin cần sửa")
    review.apply(article, "submit", contributor)
    client_for(editor).post(
        change_url(article),
        article_form(article, _transition="return", review_comment="Thêm nguồn tin."),
    )
    (email,) = emails("review.author")
    assert email.subject == "[LHH Lâm Đồng] Trả lại để sửa: Tin cần sửa"
    assert "được trả lại để bạn sửa" in email.body
    assert "Nhận xét:\nThêm nguồn tin." in email.body
    assert "Tình trạng hiện nay: Trả lại: khách truy cập chưa xem được." in email.body


def test_rejecting_a_change_tells_who_proposed_it(contributor, editor, approvers):
    article = ArticleFactory(title="Tin đang đăng")
    review.hold_change(article, editor, {"title": "Tiêu đề đề xuất"})
    review.apply(article, "reject_change", approvers[0], "Giữ tiêu đề cũ.")
    (email,) = emails("review.author")
    assert email.recipient_list == ["bientap@example.com"]
    assert email.subject == "[LHH Lâm Đồng] Thay đổi không được duyệt: Tin đang đăng"
    assert "Giữ tiêu đề cũ." in email.body


def test_approving_a_change_tells_who_proposed_it(contributor, approvers):
    article = ArticleFactory(created_by=contributor, title="Tin cũ")
    review.hold_change(article, contributor, {"title": "Tin mới"})
    review.apply(article, "approve_change", approvers[0])
    (email,) = emails("review.author")
    assert email.recipient_list == ["congtac@example.com"]
    assert email.subject == "[LHH Lâm Đồng] Thay đổi đã được duyệt: Tin mới"


def test_nobody_is_told_of_their_own_action(approvers):
    article = ArticleFactory(draft=True, created_by=approvers[0])
    review.apply(article, "approve", approvers[0])
    review.apply(article, "unpublish", approvers[0])
    assert not Email.objects.exists()


def test_an_author_without_an_address_is_not_written_to(django_user_model, approvers):
    author = member(django_user_model, CONTRIBUTOR_GROUP, "khongcothu", email="")
    article = ArticleFactory(draft=True, created_by=author)
    review.apply(article, "submit", author)
    review.apply(article, "approve", approvers[0])
    assert emails("review.author") == []


# Nothing is lost -------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("refused_smtp")
def test_a_failing_mail_server_loses_no_transition(contributor, approvers, queue, settings):
    article = ArticleFactory(draft=True, created_by=contributor)
    review.apply(article, "submit", contributor)
    queue.run()
    article.refresh_from_db()
    assert article.status == ReviewStatus.PENDING
    assert article.review_events.get().to_status == ReviewStatus.PENDING
    (email,) = emails("review.approvers")
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 1)
    assert email.last_error
    # The server is back: the retry (here the sweep, once it is due) delivers it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Email.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    requeue_waiting()
    queue.run()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert [message.subject for message in mail.outbox] == [email.subject]


@pytest.mark.django_db(transaction=True)
def test_an_email_that_cannot_be_written_leaves_the_transition_stored(
    contributor, approvers, monkeypatch, caplog
):
    from mail import outbox

    def broken(*args, **kwargs):
        Email.objects.create(subject="x" * 10_000)  # too long for the column
        raise RuntimeError("outbox down")

    monkeypatch.setattr(outbox, "send", broken)
    article = ArticleFactory(draft=True, created_by=contributor)
    with caplog.at_level(logging.ERROR, logger="core.review"):
        review.apply(article, "submit", contributor)
    article.refresh_from_db()
    assert article.status == ReviewStatus.PENDING
    assert article.review_events.count() == 1
    assert not Email.objects.exists()
    assert "Announcing submit" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_transition_rolled_back_sends_nothing(contributor, approvers, queue):
    article = ArticleFactory(draft=True, created_by=contributor)
    with pytest.raises(RuntimeError), transaction.atomic():
        review.apply(article, "submit", contributor)
        raise RuntimeError
    assert not Email.objects.exists()
    assert queue.run() == 0
    assert mail.outbox == []

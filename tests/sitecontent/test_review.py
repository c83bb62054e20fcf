"""Editorial review of the static pages (core.review), as each role in the admin."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from core.models import ReviewStatus
from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP, EDITOR_GROUP
from sitecontent.models import Page

from .factories import PageFactory

pytestmark = pytest.mark.django_db


def logged_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return user, client


def form(page, **changes):
    return {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": page.body,
        "order": page.order,
        "is_in_menu": "on",
        "_save": "Lưu",
        **changes,
    }


def test_a_contributor_submits_a_page_and_an_approver_publishes_it(django_user_model):
    author, contributor = logged_in(django_user_model, CONTRIBUTOR_GROUP, "congtac")
    _, approver = logged_in(django_user_model, APPROVER_GROUP, "nguoiduyet")
    page = PageFactory(status=ReviewStatus.DRAFT, created_by=author)
    url = f"/admin/sitecontent/page/{page.pk}/change/"
    contributor.post(url, form(page, status=ReviewStatus.PUBLISHED, _transition="submit"))
    page.refresh_from_db()
    assert page.status == ReviewStatus.PENDING
    assert Client().get(page.get_absolute_url()).status_code == 404
    moment = timezone.localtime(page.published_at)
    approver.post(
        url,
        form(
            page,
            published_at_0=moment.strftime("%d/%m/%Y"),
            published_at_1=moment.strftime("%H:%M:%S"),
            _transition="approve",
        ),
    )
    page.refresh_from_db()
    assert page.status == ReviewStatus.PUBLISHED
    assert page.title in Client().get(page.get_absolute_url()).content.decode()
    assert [e.to_status for e in page.review_events.order_by("at", "id")] == [
        ReviewStatus.PENDING,
        ReviewStatus.PUBLISHED,
    ]


@pytest.mark.parametrize("group", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_a_live_page_is_not_changed_without_an_approver(django_user_model, group):
    user, client = logged_in(django_user_model, group, "canbo")
    page = PageFactory(created_by=user)
    client.post(f"/admin/sitecontent/page/{page.pk}/change/", form(page, title="Mới"))
    page.refresh_from_db()
    assert page.pending_change["title"] == "Mới"
    # The menu's list editing is the approvers' too.
    client.post(
        "/admin/sitecontent/page/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": page.pk,
            "form-0-order": "9",
            "_save": "Lưu",
        },
    )
    page.refresh_from_db()
    assert (page.title, page.is_in_menu, page.order) != ("Mới", False, 9)
    assert page.is_in_menu


def test_a_change_to_a_live_pages_english_text_waits_for_an_approver(django_user_model):
    user, client = logged_in(django_user_model, CONTRIBUTOR_GROUP, "congtac")
    _, approver = logged_in(django_user_model, APPROVER_GROUP, "nguoiduyet")
    page = PageFactory(created_by=user, title_en="About us", body_en="<p>Old text.</p>")
    url = f"/admin/sitecontent/page/{page.pk}/change/"
    client.post(url, form(page, title_en="About us", body_en="<p>New text.</p>"))
    page.refresh_from_db()
    assert page.body_en == "<p>Old text.</p>"
    assert page.pending_change["body_en"] == "<p>New text.</p>"
    html = approver.get(url).content.decode()
    row = html.split('<th scope="row">Nội dung tiếng Anh</th>')[1].split("</tr>")[0]
    # Compared as text, word by word.
    assert "Old text." in row and "New" in row and "&lt;p&gt;" not in row


def test_a_contributor_cannot_open_another_persons_page(django_user_model):
    _, client = logged_in(django_user_model, CONTRIBUTOR_GROUP, "congtac")
    page = PageFactory(status=ReviewStatus.DRAFT)
    assert client.get(f"/admin/sitecontent/page/{page.pk}/change/").status_code == 403
    assert not Page.objects.filter(status=ReviewStatus.PENDING).exists()


# Every route that could publish a page, for each role --------------------------

ROLES = [CONTRIBUTOR_GROUP, EDITOR_GROUP, APPROVER_GROUP]


@pytest.fixture
def people(django_user_model):
    return {
        group: logged_in(django_user_model, group, f"canbo{index}")
        for index, group in enumerate(ROLES)
    }


def dated_form(page, when, **changes):
    moment = timezone.localtime(when)
    return form(
        page,
        published_at_0=moment.strftime("%d/%m/%Y"),
        published_at_1=moment.strftime("%H:%M:%S"),
        **changes,
    )


@pytest.mark.parametrize("role", ROLES)
def test_a_tampered_page_state_or_publish_time_is_ignored_unless_approving(people, role):
    user, client = people[role]
    page = PageFactory(status=ReviewStatus.DRAFT, created_by=user)
    later = timezone.now() + timedelta(days=3)
    client.post(
        f"/admin/sitecontent/page/{page.pk}/change/",
        dated_form(page, later, status=ReviewStatus.PUBLISHED, created_by=1),
    )
    page.refresh_from_db()
    assert page.status == ReviewStatus.DRAFT
    assert page.created_by == user
    moved = timezone.localtime(page.published_at).date() == timezone.localtime(later).date()
    assert moved == (role == APPROVER_GROUP)


@pytest.mark.parametrize("role", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_approving_a_page_by_a_tampered_button_is_refused(people, role):
    user, client = people[role]
    page = PageFactory(status=ReviewStatus.PENDING, created_by=user)
    response = client.post(
        f"/admin/sitecontent/page/{page.pk}/change/",
        dated_form(page, page.published_at, _transition="approve"),
        follow=True,
    )
    page.refresh_from_db()
    assert page.status == ReviewStatus.PENDING
    if response.status_code == 200:
        messages = [str(m) for m in response.context["messages"]]
        assert "Bạn không có quyền “Duyệt và đăng”." in messages
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_bulk_deleting_pages_is_the_approvers(people, role):
    user, client = people[role]
    live = PageFactory(created_by=user)
    draft = PageFactory(status=ReviewStatus.DRAFT, created_by=user)
    client.post(
        "/admin/sitecontent/page/",
        {"action": "delete_selected", "_selected_action": [live.pk, draft.pk], "post": "yes"},
    )
    left = set(Page.objects.filter(pk__in=[live.pk, draft.pk]).values_list("pk", flat=True))
    assert left == (set() if role == APPROVER_GROUP else {live.pk, draft.pk})


@pytest.mark.parametrize("role", [CONTRIBUTOR_GROUP, EDITOR_GROUP])
def test_a_live_page_is_neither_deleted_nor_reverted_without_an_approver(people, role):
    from reversion.models import Version

    user, client = people[role]
    _, approver = people[APPROVER_GROUP]
    page = PageFactory(status=ReviewStatus.DRAFT, created_by=user, title="Trang cũ")
    approver.post(
        f"/admin/sitecontent/page/{page.pk}/change/",
        dated_form(page, page.published_at, _transition="approve"),
    )
    page.refresh_from_db()
    assert page.status == ReviewStatus.PUBLISHED
    response = client.post(f"/admin/sitecontent/page/{page.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    version = Version.objects.get_for_object(page)[0]
    url = f"/admin/sitecontent/page/{page.pk}/history/{version.pk}/"
    assert client.post(url, form(page, title="Lách qua lịch sử")).status_code == 403
    page.refresh_from_db()
    assert page.title == "Trang cũ"


def test_a_contributor_cannot_recover_a_deleted_live_page(people):
    from reversion.models import Version

    user, client = people[CONTRIBUTOR_GROUP]
    _, approver = people[APPROVER_GROUP]
    page = PageFactory(status=ReviewStatus.DRAFT, created_by=user, title="Trang đã xoá")
    approver.post(
        f"/admin/sitecontent/page/{page.pk}/change/",
        dated_form(page, page.published_at, _transition="approve"),
    )
    approver.post(f"/admin/sitecontent/page/{page.pk}/delete/", {"post": "yes"})
    assert not Page.objects.filter(pk=page.pk).exists()
    version = Version.objects.get_deleted(Page).get(object_id=str(page.pk))
    url = f"/admin/sitecontent/page/recover/{version.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, form(page)).status_code == 403
    assert not Page.objects.filter(pk=page.pk).exists()

"""Editorial review of the static pages (core.review), as each role in the admin."""

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

"""Editorial review of events (core.review), through the admin as each role,
as for articles: a contributor submits, an approver publishes; a change to
a live event by a contributor waits for approval."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from core.models import ReviewStatus
from events.models import Event
from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP, EDITOR_GROUP

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db


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
def editor(django_user_model):
    return member(django_user_model, EDITOR_GROUP, "bientap")


@pytest.fixture
def approver(django_user_model):
    return member(django_user_model, APPROVER_GROUP, "nguoiduyet")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def moment(value, name):
    value = timezone.localtime(value)
    return {f"{name}_0": value.strftime("%d/%m/%Y"), f"{name}_1": value.strftime("%H:%M:%S")}


def form(event=None, **changes):
    """The change form's fields as a browser sends them."""
    day = date.today() + timedelta(days=20)
    data = {
        "title": "Hội thảo của cộng tác viên",
        "summary": "Tóm tắt",
        "body": "<p>Nội dung</p>",
        "place": "Hội trường A",
        **moment(local(day, 8), "starts_at"),
        **moment(local(day, 11), "ends_at"),
        "_save": "Lưu",
    }
    if event is not None:
        data.update(
            title=event.title,
            slug=event.slug,
            summary=event.summary,
            body=event.body,
            place=event.place,
            **moment(event.starts_at, "starts_at"),
            **moment(event.ends_at, "ends_at"),
            **moment(event.published_at, "published_at"),
        )
    data.update(changes)
    return data


def test_each_role_has_the_event_review_permissions():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_event", "change_event"} <= codenames(CONTRIBUTOR_GROUP)
    assert not {"review_event", "approve_event"} & codenames(CONTRIBUTOR_GROUP)
    assert "review_event" in codenames(EDITOR_GROUP)
    assert "approve_event" not in codenames(EDITOR_GROUP)
    assert {"review_event", "approve_event"} <= codenames(APPROVER_GROUP)


def test_a_contributor_submits_and_an_approver_publishes(client, contributor, approver):
    response = client_for(contributor).post("/admin/events/event/add/", form(_transition="submit"))
    assert response.status_code == 302
    event = Event.objects.get(title="Hội thảo của cộng tác viên")
    assert (event.status, event.created_by) == (ReviewStatus.PENDING, contributor)
    assert client.get(event.get_absolute_url()).status_code == 404

    response = client_for(approver).post(
        f"/admin/events/event/{event.pk}/change/", form(event, _transition="approve")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == ReviewStatus.PUBLISHED
    assert [e.to_status for e in event.review_events.order_by("at")] == [
        ReviewStatus.PENDING,
        ReviewStatus.PUBLISHED,
    ]
    assert "Hội thảo của cộng tác viên" in client.get(event.get_absolute_url()).content.decode()


def test_a_contributor_may_not_publish(contributor):
    event = EventFactory(draft=True, created_by=contributor)
    client_for(contributor).post(
        f"/admin/events/event/{event.pk}/change/", form(event, _transition="approve")
    )
    event.refresh_from_db()
    assert event.status == ReviewStatus.DRAFT


def test_the_form_refuses_an_end_before_the_start_and_keeps_what_was_typed(contributor):
    day = date.today() + timedelta(days=20)
    response = client_for(contributor).post(
        "/admin/events/event/add/",
        form(
            title="Sự kiện kết thúc trước khi bắt đầu",
            **moment(local(day, 10), "starts_at"),
            **moment(local(day, 9), "ends_at"),
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu" in page
    assert 'value="Sự kiện kết thúc trước khi bắt đầu"' in page
    assert not Event.objects.exists()


def test_saving_a_live_event_as_its_contributor_keeps_the_live_one(client, contributor):
    event = EventFactory(title="Hội thảo đang đăng", created_by=contributor)
    admin = client_for(contributor)
    assert admin.get(f"/admin/events/event/{event.pk}/change/").status_code == 200
    response = admin.post(
        f"/admin/events/event/{event.pk}/change/",
        form(event, title="Hội thảo đã sửa, chờ duyệt", place="Hội trường B"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Hội thảo đang đăng" and event.place == "Hội trường Liên hiệp Hội, Đà Lạt"
    assert event.pending_change["title"] == "Hội thảo đã sửa, chờ duyệt"
    assert event.pending_change["place"] == "Hội trường B"
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Hội thảo đang đăng" in page and "chờ duyệt" not in page


def test_an_approver_approves_a_change_to_a_live_event(contributor, approver):
    event = EventFactory(title="Hội thảo đang đăng", created_by=contributor)
    client_for(contributor).post(
        f"/admin/events/event/{event.pk}/change/", form(event, title="Tên đã sửa")
    )
    event.refresh_from_db()
    client_for(approver).post(
        f"/admin/events/event/{event.pk}/change/", form(event, _transition="approve_change")
    )
    event.refresh_from_db()
    assert event.title == "Tên đã sửa" and event.pending_change is None


def test_a_contributor_does_not_see_another_persons_event(contributor, editor):
    event = EventFactory(draft=True, created_by=editor)
    assert client_for(contributor).get(f"/admin/events/event/{event.pk}/change/").status_code == 403


def test_a_preview_link_shows_a_pending_event(client, contributor):
    event = EventFactory(title="Hội thảo chờ lãnh đạo xem", status=ReviewStatus.PENDING)
    link = event.preview_links.create(created_by=contributor)
    response = client.get(f"/xem-truoc/{link.token}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bản xem trước — chưa đăng" in page and "Hội thảo chờ lãnh đạo xem" in page


def test_the_review_desk_lists_events_waiting(approver, contributor):
    EventFactory(
        title="Sự kiện chờ duyệt trên bàn", status=ReviewStatus.PENDING, created_by=contributor
    )
    page = client_for(approver).get("/admin/").content.decode()
    assert "Sự kiện chờ duyệt trên bàn" in page

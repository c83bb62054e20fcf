from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from reversion.models import Version

from qa.models import Question, QuestionStatus

from .factories import AnsweredQuestionFactory, PublishedQuestionFactory, QuestionFactory

CHANGELIST = "/admin/qa/question/"
pytestmark = pytest.mark.django_db


def change_url(question):
    return f"/admin/qa/question/{question.pk}/change/"


def change_data(question, **overrides):
    data = {
        "topic": question.topic_id,
        "title": question.title,
        "body": question.body,
        "asker_name": question.asker_name,
        "email": question.email,
        "phone": question.phone,
        "address": question.address,
        "status": question.status,
        "assignee": "",
        "internal_note": question.internal_note,
        "answer": question.answer,
        "_save": "Lưu",
    }
    if question.is_published_as_faq:
        data["is_published_as_faq"] = "on"
    data.update(overrides)
    return data


def test_queue_lists_questions_with_status_and_days_left(admin_client):
    QuestionFactory(received_at=timezone.now() - timedelta(days=40), title="Câu hỏi đã quá hạn")
    QuestionFactory(title="Câu hỏi còn hạn")
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Câu hỏi đã quá hạn" in html
    assert "qa-badge--overdue" in html
    assert "quá hạn" in html
    assert "còn " in html
    assert "Quá hạn" in html  # the filter


def test_overdue_filter_shows_only_overdue_open_questions(admin_client):
    long_ago = timezone.now() - timedelta(days=40)
    overdue = QuestionFactory(received_at=long_ago, title="Quá hạn chưa trả lời")
    AnsweredQuestionFactory(received_at=long_ago, title="Quá lâu nhưng đã trả lời")
    QuestionFactory(title="Mới nhận hôm nay")
    response = admin_client.get(CHANGELIST, {"han": "qua-han"})
    assert list(response.context["cl"].result_list) == [overdue]


@pytest.mark.parametrize("params", [{"status": "answered"}, {"han": "con-han"}, {"han": "x"}])
def test_queue_filters_work(admin_client, params):
    QuestionFactory()
    assert admin_client.get(CHANGELIST, params).status_code == 200


def test_days_left_column_text(admin_client):
    vn = ZoneInfo("Asia/Ho_Chi_Minh")
    today = timezone.localdate()
    # Received 30 calendar days ago: more than 15 working days, so overdue.
    question = QuestionFactory(
        received_at=datetime.combine(today - timedelta(days=30), datetime.min.time(), vn)
    )
    overdue_by = (today - question.due_on).days
    html = admin_client.get(CHANGELIST).content.decode()
    assert f"quá hạn {overdue_by} ngày" in html


def test_saving_an_answer_marks_it_answered_and_emails_the_asker(
    admin_client, superuser, django_capture_on_commit_callbacks
):
    question = QuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            change_url(question), change_data(question, answer="<p>Đây là câu trả lời.</p>")
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    assert question.answered_by == superuser
    assert question.answered_at is not None
    (message,) = mail.outbox
    assert message.to == [question.email]
    assert f"/hoi-dap/tra-cuu/?ma={question.tracking_code}" in message.body
    assert question.is_email_sent is True


def test_answer_email_failure_is_marked_and_answer_kept(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.qa.test_ask.FailingBackend"
    question = QuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            change_url(question), change_data(question, answer="<p>Trả lời.</p>")
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    assert question.is_email_sent is False
    assert "SMTP 421" in question.email_error


def test_answered_status_without_answer_is_refused(admin_client):
    question = QuestionFactory()
    response = admin_client.post(
        change_url(question), change_data(question, status=QuestionStatus.ANSWERED)
    )
    assert response.status_code == 200
    assert "Hãy nhập câu trả lời" in response.content.decode()


def test_answering_keeps_a_revision_history(admin_client):
    question = QuestionFactory()
    admin_client.post(change_url(question), change_data(question, answer="<p>Bản một.</p>"))
    question.refresh_from_db()
    admin_client.post(change_url(question), change_data(question, answer="<p>Bản hai.</p>"))
    versions = Version.objects.get_for_object(question)
    assert versions.count() == 2
    assert "Bản một." in versions.last().field_dict["answer"]


def test_resend_action_sends_again_and_clears_the_error(
    admin_client, django_capture_on_commit_callbacks
):
    question = QuestionFactory(email_error="SMTP 421")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST,
            {"action": "resend_email", "_selected_action": [question.pk]},
            follow=True,
        )
    assert "Đã xếp 1 email vào hàng gửi lại" in response.content.decode()
    (message,) = mail.outbox
    assert question.tracking_code in message.body
    question.refresh_from_db()
    assert question.is_email_sent is True
    assert question.email_error == ""


def test_resend_of_an_answered_question_sends_the_answer_notice(
    admin_client, django_capture_on_commit_callbacks
):
    question = AnsweredQuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(CHANGELIST, {"action": "resend_email", "_selected_action": [question.pk]})
    assert "đã được trả lời" in mail.outbox[0].subject


def test_mark_as_spam_action(admin_client):
    questions = QuestionFactory.create_batch(2)
    admin_client.post(
        CHANGELIST,
        {"action": "mark_as_spam", "_selected_action": [q.pk for q in questions]},
    )
    assert set(Question.objects.values_list("status", flat=True)) == {QuestionStatus.SPAM}


def test_publish_action_publishes_only_answered_questions(admin_client):
    answered = AnsweredQuestionFactory()
    pending = QuestionFactory()
    response = admin_client.post(
        CHANGELIST,
        {"action": "publish_as_faq", "_selected_action": [answered.pk, pending.pk]},
        follow=True,
    )
    assert list(Question.objects.published()) == [answered]
    assert "Bỏ qua 1 câu hỏi chưa được trả lời." in response.content.decode()


def test_unpublish_action(admin_client):
    question = PublishedQuestionFactory()
    admin_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [question.pk]})
    assert not Question.objects.published().exists()


def test_take_over_action_assigns_to_me(admin_client, superuser):
    question = QuestionFactory()
    admin_client.post(CHANGELIST, {"action": "take_over", "_selected_action": [question.pk]})
    question.refresh_from_db()
    assert question.status == QuestionStatus.IN_PROGRESS
    assert question.assignee == superuser


def test_publish_toggle_in_the_list(admin_client):
    question = AnsweredQuestionFactory()
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(question.pk),
        "form-0-is_published_as_faq": "on",
        "_save": "Lưu",
    }
    assert admin_client.post(CHANGELIST, data).status_code == 302
    assert list(Question.objects.published()) == [question]


def test_visitor_text_is_escaped_in_the_admin(admin_client):
    question = QuestionFactory(
        asker_name="<script>alert('n')</script>",
        title="<img src=x onerror=alert(1)>",
        body="<script>alert('b')</script>",
    )
    for url in (CHANGELIST, change_url(question)):
        html = admin_client.get(url).content.decode()
        assert "<script>alert(" not in html, url
        assert "<img src=x" not in html, url


def test_officer_group_member_can_open_the_queue(client, django_user_model):
    from django.contrib.auth.models import Group

    officer = django_user_model.objects.create_user("canbo", is_staff=True)
    officer.groups.add(Group.objects.get(name="Cán bộ hỏi đáp"))
    client.force_login(officer)
    question = QuestionFactory()
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(change_url(question)).status_code == 200


def test_rejecting_a_question_tells_the_asker(admin_client, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            change_url(question), change_data(question, status=QuestionStatus.REJECTED)
        )
    (message,) = mail.outbox
    assert "Kết quả xử lý câu hỏi" in message.subject
    assert "Từ chối" in message.body
    assert f"/hoi-dap/tra-cuu/?ma={question.tracking_code}" in message.body


def test_spam_is_never_emailed(admin_client):
    question = QuestionFactory(status=QuestionStatus.SPAM)
    admin_client.post(CHANGELIST, {"action": "resend_email", "_selected_action": [question.pk]})
    assert mail.outbox == []


@pytest.fixture
def officer(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "canbo", first_name="Trần Thị", last_name="Bình", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Cán bộ hỏi đáp"))
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.mark.parametrize("who", ["admin_client", "officer_client"])
def test_assignee_is_shown_by_full_name(request, who, officer, django_user_model):
    client = request.getfixturevalue(who)
    nameless = django_user_model.objects.create_user("khongten", is_staff=True)
    question = QuestionFactory(assignee=officer)
    QuestionFactory(assignee=nameless)
    html = client.get(CHANGELIST).content.decode()
    # The column and the filter.
    assert html.count(officer.get_full_name()) >= 2
    assert "khongten" in html
    response = client.get(change_url(question))
    select = response.context["adminform"].form["assignee"]
    assert f"selected>{officer.get_full_name()}</option>" in str(select)
    assert ">khongten</option>" in str(select)


@pytest.mark.parametrize("who", ["admin_client", "officer_client"])
@pytest.mark.parametrize(
    "values, shown, hidden",
    [
        ({"is_email_sent": True}, "Đã gửi email cho người hỏi", "Gửi email không được"),
        (
            {"is_email_sent": False, "email_error": "SMTP 421"},
            "Gửi email không được",
            "Đã gửi email cho người hỏi",
        ),
        ({"is_email_sent": False}, "Chưa gửi email", "Đã gửi email cho người hỏi"),
        ({"email": "", "is_email_sent": False}, "Không có địa chỉ email", "Đã gửi email"),
    ],
)
def test_email_is_shown_as_sent_only_when_it_left(request, who, values, shown, hidden):
    client = request.getfixturevalue(who)
    question = QuestionFactory(**values)
    html = client.get(change_url(question)).content.decode()
    assert shown in html
    assert hidden not in html


@pytest.mark.parametrize("who", ["admin_client", "officer_client"])
def test_email_filter_tells_sent_from_failed(request, who):
    client = request.getfixturevalue(who)
    sent = QuestionFactory(is_email_sent=True)
    failed = QuestionFactory(email_error="SMTP 421")
    waiting = QuestionFactory()
    without = QuestionFactory(email="")
    for value, question in [
        ("da-gui", sent),
        ("loi", failed),
        ("chua-gui", waiting),
        ("khong-co", without),
    ]:
        response = client.get(CHANGELIST, {"email": value})
        assert list(response.context["cl"].result_list) == [question], value

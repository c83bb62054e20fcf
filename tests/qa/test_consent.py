"""The consent record stored with each question (purposes, the privacy
notice's version, the time), shown to staff and exported."""

import csv
import io

import pytest
from django.core import mail
from django.utils import timezone

from core.consent import Purpose
from qa.models import Question
from sitecontent.models import Page, SiteProfile
from sitecontent.privacy import PRIVACY_NOTICE_SLUG

from .factories import QuestionFactory

URL = "/hoi-dap/dat-cau-hoi/"
NOTICE_URL = f"/gioi-thieu/{PRIVACY_NOTICE_SLUG}/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _test_mode(captcha_test_mode):
    pass


@pytest.fixture(autouse=True)
def _notice():
    """The notice as its data migration makes it. Created again here: a
    browser or stack test that ran before empties every table (the test
    runner's flush), migration rows included."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("sitecontent.migrations.0002_privacy_notice")
    migration.create_notice(apps, None)


def notice():
    return Page.objects.get(slug=PRIVACY_NOTICE_SLUG)


def test_the_privacy_notice_is_a_published_page_after_migrating(client):
    page = client.get(NOTICE_URL).content.decode()
    assert "Chính sách bảo vệ dữ liệu cá nhân" in page
    # It explains the visit cookie too.
    assert "lhh_visit" in page
    assert "Gửi email thông báo" in page


def test_the_form_and_the_footer_link_the_notice(client):
    form = client.get(URL).content.decode()
    assert f'href="{NOTICE_URL}"' in form
    assert 'href="/hoi-dap/xoa-thong-tin/"' in form
    home = client.get("/").content.decode()
    assert f'href="{NOTICE_URL}"' in home


def test_the_email_box_is_not_ticked_in_advance(client):
    html = client.get(URL).content.decode()
    assert 'name="consent_email"' in html
    assert 'name="consent_email" checked' not in html
    assert "Đồng ý nhận email thông báo" in html


def test_a_question_stores_the_purposes_the_notice_version_and_the_time(
    client, form_data, django_capture_on_commit_callbacks
):
    SiteProfile(pk=1, name="LHH", staff_emails="vanphong@example.vn").save()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    question = Question.objects.get()
    assert question.consent_purposes == [Purpose.QA_ANSWER, Purpose.EMAIL_NOTICE]
    assert question.consent_notice_version == notice().notice_version
    assert before <= question.consented_at <= timezone.now()
    assert question.consent_withdrawn_at is None
    assert [message.to for message in mail.outbox] == [
        [form_data["email"]],
        ["vanphong@example.vn"],
    ]


def test_without_the_email_purpose_no_email_goes_to_the_asker(
    client, form_data, django_capture_on_commit_callbacks
):
    SiteProfile(pk=1, name="LHH", staff_emails="vanphong@example.vn").save()
    del form_data["consent_email"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    question = Question.objects.get()
    assert question.consent_purposes == [Purpose.QA_ANSWER]
    assert [message.to for message in mail.outbox] == [["vanphong@example.vn"]]
    assert question.is_email_sent is False


def test_the_email_purpose_without_an_address_asks_for_one_and_keeps_the_rest(client, form_data):
    form_data["email"] = ""
    response = client.post(URL, form_data)
    html = response.content.decode()
    assert "Bạn đã chọn nhận email thông báo: vui lòng nhập địa chỉ thư điện tử" in html
    assert form_data["title"] in html
    assert Question.objects.count() == 0


def test_an_edited_notice_is_cited_by_its_new_version(client, form_data):
    page = notice()
    page.updated_at = timezone.now() - timezone.timedelta(days=30)
    Page.objects.filter(pk=page.pk).update(updated_at=page.updated_at)
    old_version = notice().notice_version
    client.post(URL, form_data)
    page = notice()
    page.body += "<p>Sửa đổi: thêm mục đích mới.</p>"
    page.save()
    form_data["title"] = "Câu hỏi thứ hai sau khi sửa chính sách"
    client.post(URL, form_data)
    first, second = Question.objects.order_by("received_at")
    assert first.consent_notice_version == old_version
    assert second.consent_notice_version == notice().notice_version != old_version


def test_without_a_published_notice_the_record_says_none_was_shown(client, form_data):
    Page.objects.filter(slug=PRIVACY_NOTICE_SLUG).update(status="draft")
    client.post(URL, form_data)
    assert Question.objects.get().consent_notice_version == ""


def test_a_new_question_does_not_bump_the_content_version(client, form_data):
    from core import cache

    before = cache.content_version()
    client.post(URL, form_data)
    assert Question.objects.count() == 1
    assert cache.content_version() == before


def test_staff_see_the_consent_record_on_the_question(admin_client, client, form_data):
    client.post(URL, form_data)
    question = Question.objects.get()
    page = admin_client.get(f"/admin/qa/question/{question.pk}/change/").content.decode()
    assert "Đồng ý xử lý dữ liệu cá nhân" in page
    assert "Xử lý câu hỏi và trả lời; Gửi email thông báo" in page
    assert question.consent_notice_version in page
    assert f"/admin/sitecontent/page/{notice().pk}/history/" in page


def test_an_old_question_says_it_has_no_record(admin_client):
    question = QuestionFactory()
    page = admin_client.get(f"/admin/qa/question/{question.pk}/change/").content.decode()
    assert "Không có bản ghi" in page


def test_staff_export_the_consent_records_as_csv(admin_client, client, form_data):
    client.post(URL, form_data)
    question = Question.objects.get()
    response = admin_client.post(
        "/admin/qa/question/",
        {"action": "export_consent", "_selected_action": [question.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "ban-ghi-dong-y.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Mã tra cứu", "Tiêu đề", "Tiếp nhận lúc", "Mục đích đã đồng ý"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Mã tra cứu"] == question.tracking_code
    assert row["Mục đích đã đồng ý"] == "Xử lý câu hỏi và trả lời; Gửi email thông báo"
    assert row["Mã mục đích"] == "qa-answer email-notice"
    assert row["Phiên bản chính sách"] == question.consent_notice_version
    local = timezone.localtime(question.consented_at)
    assert row["Đồng ý lúc"] == local.strftime("%d/%m/%Y %H:%M:%S")
    assert row["Rút lại đồng ý lúc"] == ""


def test_the_qa_officer_may_export_too(client, django_user_model, form_data):
    from django.contrib.auth.models import Group

    client.post(URL, form_data)
    officer = django_user_model.objects.create_user("hoidap", password="x", is_staff=True)
    officer.groups.add(Group.objects.get(name="Cán bộ hỏi đáp"))
    client.force_login(officer)
    response = client.post(
        "/admin/qa/question/",
        {"action": "export_consent", "_selected_action": [Question.objects.get().pk]},
    )
    assert response["Content-Type"].startswith("text/csv")


def test_answering_without_the_email_purpose_sends_nothing_and_says_so(admin_client):
    question = QuestionFactory(consent_purposes=[Purpose.QA_ANSWER], consented_at=timezone.now())
    page = admin_client.get(f"/admin/qa/question/{question.pk}/change/").content.decode()
    assert "Người hỏi không đồng ý nhận email thông báo" in page
    assert "không nhận email" in admin_client.get("/admin/qa/question/").content.decode()
    admin_client.post(
        "/admin/qa/question/", {"action": "resend_email", "_selected_action": [question.pk]}
    )
    assert mail.outbox == []

import re
from urllib.parse import parse_qs, urlparse

import pytest
from captcha.models import CaptchaStore
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from qa.models import Question
from qa.spam import NUMBER_WORDS
from sitecontent.models import SiteProfile

URL = "/hoi-dap/dat-cau-hoi/"
pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """An SMTP server that refuses everything."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP 421: dịch vụ không sẵn sàng")


def stores_on_the_form(client):
    """The image's and the question's captcha, as the form shows them."""
    html = client.get(URL).content.decode()
    keys = [
        re.search(f'name="{name}_0" value="([0-9a-f]+)"', html).group(1)
        for name in ("captcha", "captcha_question")
    ]
    return [CaptchaStore.objects.get(hashkey=key) for key in keys]


def follow_to_thanks(client, response):
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.fixture(autouse=True)
def _test_mode(captcha_test_mode):
    pass


def test_form_page_shows_vietnamese_labels(client):
    response = client.get(URL)
    html = response.content.decode()
    for label in ["Họ và tên", "Thư điện tử", "Lĩnh vực", "Tiêu đề câu hỏi", "Mã xác nhận"]:
        assert label in html
    assert "Nghị định 13/2023/NĐ-CP" in html
    assert "Đổi ảnh khác" in html


def test_valid_question_is_stored_and_thanks_page_shows_its_code(client, form_data):
    response = client.post(URL, form_data)
    question = Question.objects.get()
    assert question.title == form_data["title"]
    assert question.status == "new"
    assert question.submitter_hash
    page = follow_to_thanks(client, response).content.decode()
    assert f"Mã tra cứu: <strong>{question.tracking_code}</strong>" in page
    assert f'href="/hoi-dap/tra-cuu/?ma={question.tracking_code}"' in page


def test_thanks_page_with_a_forged_token_shows_no_code(client):
    response = client.get("/hoi-dap/cam-on/?t=ABCD2345")
    assert response.status_code == 200
    assert "Mã tra cứu:" not in response.content.decode()
    assert "Liên kết này đã hết hạn" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("asker_name", "Vui lòng nhập họ và tên."),
        ("topic", "Vui lòng chọn lĩnh vực của câu hỏi."),
        ("title", "Vui lòng nhập tiêu đề câu hỏi."),
        ("body", "Vui lòng nhập nội dung câu hỏi."),
        ("captcha_1", "Vui lòng nhập mã xác nhận trong ảnh, hoặc trả lời câu hỏi bên dưới ảnh."),
    ],
)
def test_missing_required_field_shows_its_message_and_keeps_the_rest(
    client, form_data, field, message
):
    form_data[field] = ""
    response = client.post(URL, form_data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Câu hỏi chưa được gửi." in html
    assert Question.objects.count() == 0
    for kept in ("email", "phone", "address"):
        assert f'value="{form_data[kept]}"' in html
    if field != "body":
        assert form_data["body"] in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "an@@example", "Địa chỉ thư điện tử không hợp lệ"),
        ("phone", "gọi tôi nhé", "Số điện thoại không hợp lệ"),
        ("phone", "123", "Số điện thoại không hợp lệ"),
        ("asker_name", "A", "Họ và tên phải có ít nhất 2 ký tự."),
        ("asker_name", "A" * 101, "Họ và tên dài tối đa 100 ký tự."),
        ("title", "Hỏi", "Tiêu đề quá ngắn"),
        ("title", "T" * 201, "Tiêu đề dài tối đa 200 ký tự."),
        ("body", "Ngắn quá", "Nội dung câu hỏi quá ngắn"),
        ("body", "x" * 5001, "Nội dung câu hỏi dài tối đa 5.000 ký tự"),
        ("address", "đ" * 256, "Địa chỉ dài tối đa 255 ký tự."),
        ("topic", "999999", "Lĩnh vực đã chọn không còn tồn tại"),
        ("topic", "abc", "Lĩnh vực đã chọn không còn tồn tại"),
    ],
)
def test_invalid_value_shows_its_message_and_keeps_what_was_typed(
    client, form_data, field, value, message
):
    form_data[field] = value
    response = client.post(URL, form_data)
    html = response.content.decode()
    assert message in html
    assert Question.objects.count() == 0
    if field not in ("topic", "body"):
        assert f'value="{value}"' in html
    assert form_data["title" if field != "title" else "asker_name"] in html


def test_kept_topic_stays_selected(client, form_data):
    form_data["title"] = ""
    html = client.post(URL, form_data).content.decode()
    assert re.search(rf'<option value="{form_data["topic"]}" selected>', html)


def test_consent_is_required(client, form_data):
    del form_data["consent"]
    html = client.post(URL, form_data).content.decode()
    assert "Bạn cần đồng ý cho phép xử lý thông tin cá nhân để gửi câu hỏi." in html
    assert Question.objects.count() == 0
    assert f'value="{form_data["asker_name"]}"' in html


def test_wrong_captcha_is_refused_and_values_kept(client, form_data):
    form_data["captcha_0"] = stores_on_the_form(client)[0].hashkey
    form_data["captcha_1"] = "SAIMA"
    html = client.post(URL, form_data).content.decode()
    assert "Mã xác nhận không đúng. Vui lòng nhập mã trong ảnh mới." in html
    assert Question.objects.count() == 0
    assert f'value="{form_data["asker_name"]}"' in html


def test_real_captcha_answer_is_accepted(client, form_data, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", False)
    store = stores_on_the_form(client)[0]
    form_data["captcha_0"], form_data["captcha_1"] = store.hashkey, store.challenge.lower()
    assert client.post(URL, form_data).status_code == 302
    assert Question.objects.count() == 1


@pytest.mark.parametrize("typed", ["digits", "words"])
def test_the_question_instead_of_the_image_is_accepted(client, form_data, monkeypatch, typed):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", False)
    question = stores_on_the_form(client)[1]
    answer = question.response
    if typed == "words":
        answer = f"  {NUMBER_WORDS[int(answer)].upper()} "
    form_data.update(captcha_1="", captcha_question_0=question.hashkey, captcha_question_1=answer)
    assert client.post(URL, form_data).status_code == 302
    assert Question.objects.count() == 1


def test_the_question_is_shown_as_text_in_vietnamese(client):
    html = client.get(URL).content.decode()
    question = re.search(
        r'<p class="qa-captcha__question" id="id_captcha_question_question">([^<]+)</p>', html
    ).group(1)
    assert re.fullmatch(r"(Một|Hai|Ba|Bốn|Năm) cộng (một|hai|ba|bốn|năm) bằng mấy\?", question)


def test_a_wrong_answer_to_the_question_is_refused(client, form_data, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", False)
    question = stores_on_the_form(client)[1]
    form_data.update(captcha_1="", captcha_question_0=question.hashkey, captcha_question_1="99")
    html = client.post(URL, form_data).content.decode()
    assert "Câu trả lời chưa đúng. Vui lòng trả lời câu hỏi mới." in html
    assert Question.objects.count() == 0
    # One try only: the same question cannot be answered again.
    assert not CaptchaStore.objects.filter(hashkey=question.hashkey).exists()


def test_one_right_answer_is_enough_when_the_other_is_wrong(client, form_data, monkeypatch):
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", False)
    image, question = stores_on_the_form(client)
    form_data.update(
        captcha_0=image.hashkey,
        captcha_1="SAIMA",
        captcha_question_0=question.hashkey,
        captcha_question_1=question.response,
    )
    assert client.post(URL, form_data).status_code == 302


def test_captcha_answers_point_only_at_ids_that_exist(client, form_data):
    form_data["captcha_1"] = ""
    for html in (client.get(URL).content.decode(), client.post(URL, form_data).content.decode()):
        ids = set(re.findall(r' id="([^"]+)"', html))
        described = re.findall(r'aria-describedby="([^"]+)"', html)
        assert described
        assert {name for value in described for name in value.split()} <= ids
        for name in ("captcha_1", "captcha_question_1"):
            tag = re.search(f'<input[^>]*name="{name}"[^>]*>', html).group(0)
            assert "aria-describedby=" in tag


def test_captcha_challenge_has_no_look_alike_characters(client):
    for _ in range(20):
        client.get(URL)
    # The image's challenges (the question's are sentences, with spaces).
    challenges = "".join(
        CaptchaStore.objects.exclude(challenge__contains=" ").values_list("challenge", flat=True)
    )
    assert not set(challenges) & set("0O1IL")


def test_filled_honeypot_looks_like_success_but_stores_nothing(
    client, form_data, django_capture_on_commit_callbacks
):
    form_data["website"] = "http://spam.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data)
    page = follow_to_thanks(client, response).content.decode()
    assert "Mã tra cứu:" in page
    assert Question.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people_and_assistive_technology(client):
    html = client.get(URL).content.decode()
    trap = html[html.index('class="qa-form__trap"') - 5 :]
    trap = trap[: trap.index('name="captcha_')]
    assert 'aria-hidden="true"' in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap
    assert 'name="website"' in trap


def test_rate_limit_refuses_questions_beyond_the_hourly_limit(client, form_data, settings):
    settings.QA_RATE_LIMIT_PER_HOUR = 2
    for _ in range(2):
        assert client.post(URL, form_data).status_code == 302
    response = client.post(URL, form_data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bạn đã gửi quá nhiều câu hỏi trong một giờ qua" in html
    assert f'value="{form_data["asker_name"]}"' in html
    assert Question.objects.count() == 2


def test_rate_limit_is_per_address(client, form_data, settings):
    settings.QA_RATE_LIMIT_PER_HOUR = 1
    assert client.post(URL, form_data, REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(URL, form_data, REMOTE_ADDR="10.0.0.2").status_code == 302
    assert client.post(URL, form_data, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert Question.objects.count() == 2


def test_missing_csrf_token_is_403(form_data):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, form_data)
    assert response.status_code == 403
    assert Question.objects.count() == 0


def test_no_javascript_captcha_refresh_keeps_values_without_errors(client, form_data):
    form_data["refresh_captcha"] = "1"
    html = client.post(URL, form_data).content.decode()
    assert Question.objects.count() == 0
    assert f'value="{form_data["asker_name"]}"' in html
    assert form_data["body"] in html
    assert "Câu hỏi chưa được gửi." not in html


def test_captcha_refresh_endpoint_gives_a_new_image(client):
    response = client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    data = response.json()
    assert CaptchaStore.objects.filter(hashkey=data["key"]).exists()
    assert data["image_url"].startswith("/captcha/image/")


def test_typed_html_comes_back_escaped(client, form_data):
    form_data["asker_name"] = '<script>alert("x")</script>'
    form_data["title"] = ""
    html = client.post(URL, form_data).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_emails_go_to_asker_and_staff_after_commit(
    client, form_data, django_capture_on_commit_callbacks
):
    SiteProfile(pk=1, name="LHH", staff_emails="vanphong@example.vn\nhoidap@example.vn").save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    question = Question.objects.get()
    asker, staff = mail.outbox
    assert asker.to == [form_data["email"]]
    assert question.tracking_code in asker.subject
    assert f"http://testserver/hoi-dap/tra-cuu/?ma={question.tracking_code}" in asker.body
    assert staff.to == ["vanphong@example.vn", "hoidap@example.vn"]
    assert f"/admin/qa/question/{question.pk}/change/" in staff.body
    question.refresh_from_db()
    assert question.is_email_sent is True


def test_no_email_to_an_asker_without_address(
    client, form_data, django_capture_on_commit_callbacks
):
    form_data["email"] = ""
    del form_data["consent_email"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    assert mail.outbox == []
    assert Question.objects.get().is_email_sent is False


def test_failing_email_keeps_the_question_and_marks_it(
    client, form_data, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.qa.test_ask.FailingBackend"
    SiteProfile(pk=1, name="LHH", staff_emails="vanphong@example.vn").save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data)
    page = follow_to_thanks(client, response).content.decode()
    question = Question.objects.get()
    assert f"Mã tra cứu: <strong>{question.tracking_code}</strong>" in page
    assert question.is_email_sent is False
    assert "SMTP 421" in question.email_error
    assert "Thông báo cho cán bộ" in question.email_error


def test_email_is_plain_text_with_typed_html_left_inert(
    client, form_data, django_capture_on_commit_callbacks
):
    form_data["asker_name"] = "<b>Lê</b> Văn <script>x()</script>"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    (message,) = mail.outbox
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])
    # Plain text: shown literally by the mail client, never rendered.
    assert "Kính gửi <b>Lê</b> Văn <script>x()</script>," in message.body
    assert "&lt;" not in message.body


def test_redirect_target_carries_no_personal_data(client, form_data):
    response = client.post(URL, form_data)
    query = parse_qs(urlparse(response["Location"]).query)
    assert list(query) == ["t"]
    assert form_data["email"] not in response["Location"]


def test_email_subjects_never_carry_newlines():
    from qa.emails import one_line

    assert one_line("Tiêu đề\r\nBcc: ai@example.com") == "Tiêu đề Bcc: ai@example.com"
    assert len(one_line("x" * 500)) == 150


def test_asker_email_subject_is_one_line_even_with_a_multiline_site_name(
    client, form_data, django_capture_on_commit_callbacks
):
    SiteProfile(pk=1, name="Liên hiệp Hội\nLâm Đồng").save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data)
    assert "\n" not in mail.outbox[0].subject
    assert "Liên hiệp Hội Lâm Đồng" in mail.outbox[0].subject


def test_form_page_query_count_is_constant(queries_for):
    from .factories import TopicFactory

    few = queries_for(URL)
    TopicFactory.create_batch(15)
    assert queries_for(URL) == few
    assert few <= 12

import re

import pytest

from qa.models import QuestionStatus

from .factories import AnsweredQuestionFactory, QuestionFactory

URL = "/hoi-dap/tra-cuu/"
pytestmark = pytest.mark.django_db


def lookup(client, code, **extra):
    return client.get(URL, {"ma": code}, **extra).content.decode()


def test_empty_lookup_page_shows_the_form(client):
    html = client.get(URL).content.decode()
    assert 'name="ma"' in html
    assert "Nhập mã tra cứu (8 ký tự)" in html


@pytest.mark.parametrize(
    ("status", "label", "explanation"),
    [
        (QuestionStatus.NEW, "Mới", "đang chờ phân công"),
        (QuestionStatus.IN_PROGRESS, "Đang xử lý", "đang xem xét"),
        (QuestionStatus.REJECTED, "Từ chối", "không thuộc phạm vi trả lời"),
        (QuestionStatus.SPAM, "Spam", "thư rác"),
    ],
)
def test_lookup_shows_status_and_dates_of_an_unanswered_question(
    client, status, label, explanation
):
    question = QuestionFactory(status=status)
    html = lookup(client, question.tracking_code)
    assert label in html
    assert explanation in html
    assert question.title in html
    assert question.received_at.astimezone().strftime("%d/%m/%Y") in html
    assert question.due_on.strftime("%d/%m/%Y") in html
    assert "Ngày trả lời" not in html
    assert "Trả lời</h3>" not in html


def test_lookup_shows_a_private_answer(client):
    question = AnsweredQuestionFactory(is_published_as_faq=False)
    html = lookup(client, question.tracking_code)
    assert "Đã trả lời" in html
    assert "Hồ sơ gồm đơn đề nghị và Điều lệ của hội." in html
    assert "Ngày trả lời" in html
    assert "đã được đăng trong mục Hỏi đáp" not in html


def test_lookup_of_a_published_answer_links_to_the_faq_page(client):
    question = AnsweredQuestionFactory(is_published_as_faq=True)
    html = lookup(client, question.tracking_code)
    assert question.get_absolute_url() in html


def test_lookup_shows_only_the_given_name(client):
    question = QuestionFactory(
        asker_name="Nguyễn Văn An", email="an@example.com", phone="0912345678", address="Đà Lạt"
    )
    html = lookup(client, question.tracking_code)
    assert "<dd>An</dd>" in html
    for private in ("Nguyễn Văn", "an@example.com", "0912345678", "Đà Lạt"):
        assert private not in html


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {a}-{b} ", "{a} {b}"])
def test_lookup_is_case_insensitive_and_tolerates_spaces_and_dashes(client, typed):
    question = QuestionFactory()
    code = question.tracking_code
    value = typed.format(code=code, lower=code.lower(), a=code[:4].lower(), b=code[4:])
    assert question.title in lookup(client, value)


def test_unknown_code_gives_a_friendly_message(client):
    html = lookup(client, "ZZZZ2222")
    assert "Không tìm thấy câu hỏi nào có mã “ZZZZ2222”" in html


@pytest.mark.parametrize("value", ["", "x" * 31, "<script>", "0000", "🙂🙂"])
def test_bad_codes_never_fail(client, value):
    response = client.get(URL, {"ma": value})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_empty_code_asks_for_one(client):
    assert "Vui lòng nhập mã tra cứu." in lookup(client, "")


def test_repeated_guessing_is_blocked(client, settings):
    settings.QA_LOOKUP_FAILURES_PER_HOUR = 3
    question = QuestionFactory()
    for n in range(3):
        assert "Không tìm thấy" in lookup(client, f"ZZZZ222{n + 2}")
    html = lookup(client, question.tracking_code)
    assert "Bạn đã tra cứu mã không đúng quá nhiều lần" in html
    assert question.title not in html


def test_guessing_block_is_per_address(client, settings):
    settings.QA_LOOKUP_FAILURES_PER_HOUR = 1
    question = QuestionFactory()
    lookup(client, "ZZZZ2222", REMOTE_ADDR="10.0.0.1")
    assert question.title in lookup(client, question.tracking_code, REMOTE_ADDR="10.0.0.2")


def test_successful_lookups_are_not_counted_as_guesses(client, settings):
    settings.QA_LOOKUP_FAILURES_PER_HOUR = 2
    question = QuestionFactory()
    for _ in range(5):
        assert question.title in lookup(client, question.tracking_code)


def test_typed_html_is_escaped_on_the_lookup_page(client):
    question = QuestionFactory(
        asker_name="Lê <img src=x onerror=alert(1)>",
        title="<script>alert('t')</script> câu hỏi",
        body="<b>đậm</b>\n<script>alert('b')</script>",
    )
    html = lookup(client, question.tracking_code)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html
    assert "<img src=x" not in html


def test_lookup_page_is_never_cached(client):
    question = QuestionFactory()
    response = client.get(URL, {"ma": question.tracking_code})
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_lookup_page_query_count_does_not_grow(queries_for):
    question = AnsweredQuestionFactory()
    few = queries_for(URL, {"ma": question.tracking_code})
    AnsweredQuestionFactory.create_batch(20, is_published_as_faq=True)
    many = queries_for(URL, {"ma": question.tracking_code})
    assert few == many
    assert many <= 12


@pytest.mark.parametrize("code", ["", "X" * 40])
def test_a_refused_code_points_at_its_message(client, code):
    html = client.get(URL, {"ma": code}).content.decode()
    described = re.search(r'<input[^>]*name="ma"[^>]*aria-describedby="([^"]+)"', html).group(1)
    for name in described.split():
        assert f'id="{name}"' in html

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from qa.models import QuestionStatus

from .factories import (
    AnsweredQuestionFactory,
    PublishedQuestionFactory,
    QuestionFactory,
    TopicFactory,
)

LIST = "/hoi-dap/"
pytestmark = pytest.mark.django_db


def main(response):
    """The page's own content, without the sidebar blocks."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def hidden_questions():
    """One question in every state visitors must never see on public pages."""
    return [
        QuestionFactory(title="Câu hỏi mới chưa trả lời"),
        QuestionFactory(title="Câu hỏi đang xử lý", status=QuestionStatus.IN_PROGRESS),
        AnsweredQuestionFactory(title="Câu trả lời riêng cho người hỏi"),
        QuestionFactory(title="Câu hỏi bị từ chối", status=QuestionStatus.REJECTED),
        QuestionFactory(title="Quảng cáo thư rác", status=QuestionStatus.SPAM),
        PublishedQuestionFactory(
            title="Câu trả lời hẹn giờ đăng",
            published_at=timezone.now() + timedelta(days=2),
        ),
    ]


def test_faq_lists_published_answers_newest_first(client):
    old = PublishedQuestionFactory(title="Câu hỏi cũ hơn về hội viên")
    old.published_at = timezone.now() - timedelta(days=3)
    old.save()
    new = PublishedQuestionFactory(title="Câu hỏi mới nhất về hội thi")
    html = client.get(LIST).content.decode()
    assert html.index(new.title) < html.index(old.title)


def test_unpublished_questions_are_never_listed(client, hidden_questions):
    html = main(client.get(LIST))
    for question in hidden_questions:
        assert question.title not in html
    assert "Chưa có câu hỏi nào được trả lời" in html


def test_unpublished_question_pages_are_404_for_visitors(client, hidden_questions):
    for question in hidden_questions:
        assert client.get(question.get_absolute_url()).status_code == 404


def test_staff_who_can_change_questions_may_preview(client, staff_user, hidden_questions):
    staff_user.user_permissions.add(Permission.objects.get(codename="change_question"))
    client.force_login(staff_user)
    response = client.get(hidden_questions[0].get_absolute_url())
    assert "Bản xem trước dành cho cán bộ" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_staff_without_permission_get_404(client, staff_user, hidden_questions):
    client.force_login(staff_user)
    assert client.get(hidden_questions[0].get_absolute_url()).status_code == 404


def test_faq_filters_by_topic(client):
    topic = TopicFactory(name="Sở hữu trí tuệ")
    inside = PublishedQuestionFactory(topic=topic)
    outside = PublishedQuestionFactory()
    html = main(client.get(LIST, {"chu-de": topic.slug}))
    assert inside.title in html
    assert outside.title not in html
    assert "Hỏi đáp: Sở hữu trí tuệ" in html


@pytest.mark.parametrize("value", ["khong-co", "", "<script>", "%00", "a" * 500])
def test_bad_topic_filter_shows_everything(client, value):
    question = PublishedQuestionFactory()
    response = client.get(LIST, {"chu-de": value})
    assert response.status_code == 200
    assert question.title in response.content.decode()


def test_faq_is_paginated(client):
    PublishedQuestionFactory.create_batch(11)
    html = client.get(LIST).content.decode()
    assert "Trang 1/2 trang" in html
    assert client.get(LIST, {"page": 2}).status_code == 200


@pytest.mark.parametrize("page", ["abc", "999", "-1"])
def test_bad_page_numbers_are_404_not_500(client, page):
    PublishedQuestionFactory()
    assert client.get(LIST, {"page": page}).status_code == 404


def test_question_page_shows_question_answer_and_its_date(client):
    question = PublishedQuestionFactory(
        asker_name="Trần Thị Bích Hạnh", email="hanh@example.com", phone="0987654321"
    )
    html = client.get(question.get_absolute_url()).content.decode()
    assert question.title in html
    assert question.body in html
    assert "Hồ sơ gồm đơn đề nghị và Điều lệ của hội." in html
    assert question.answered_at.astimezone().strftime("%d/%m/%Y") in html
    assert "Người hỏi: Hạnh" in html
    for private in ("Trần Thị", "hanh@example.com", "0987654321", question.address):
        assert private not in html


def test_question_page_with_a_wrong_slug_redirects(client):
    question = PublishedQuestionFactory()
    response = client.get(f"/hoi-dap/{question.pk}-sai-duong-dan/")
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()


def test_slug_stays_when_the_title_is_edited(client):
    question = PublishedQuestionFactory(title="Tiêu đề ban đầu của câu hỏi")
    url = question.get_absolute_url()
    question.title = "Tiêu đề đã sửa lại"
    question.save()
    assert question.get_absolute_url() == url
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "path", ["/hoi-dap/0-x/", "/hoi-dap/99999999999999999999-x/", "/hoi-dap/7/"]
)
def test_unknown_question_addresses_are_404(client, path):
    assert client.get(path).status_code == 404


def test_typed_html_is_escaped_on_public_pages(client):
    question = PublishedQuestionFactory(
        asker_name="An <script>alert('n')</script>",
        title="Hỏi <script>alert('t')</script>",
        body="<img src=x onerror=alert(1)> nội dung",
        answer="<p>Đáp</p><script>alert('a')</script>",
    )
    for url in (LIST, question.get_absolute_url(), "/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
    detail = client.get(question.get_absolute_url()).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt; nội dung" in detail


def test_feed_carries_only_published_answers(client, hidden_questions):
    published = PublishedQuestionFactory(title="Câu hỏi đã đăng trong RSS")
    xml = client.get("/hoi-dap/rss/").content.decode()
    assert published.title in xml
    assert published.get_absolute_url() in xml
    for question in hidden_questions:
        assert question.title not in xml


def test_sitemap_lists_only_published_questions(client, hidden_questions):
    published = PublishedQuestionFactory()
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    for question in hidden_questions:
        assert f"/hoi-dap/{question.pk}-" not in xml


def test_sidebar_block_shows_latest_published_questions(client, hidden_questions):
    published = PublishedQuestionFactory(title="Câu hỏi hiện ở cột trái")
    html = client.get("/").content.decode()
    block = html[html.index('id="block-qa"') :][:2000]
    assert published.title in block
    assert published.get_absolute_url() in block
    assert 'href="/hoi-dap/dat-cau-hoi/"' in block
    for question in hidden_questions:
        assert question.title not in block


def test_faq_list_query_count_is_constant(queries_for):
    PublishedQuestionFactory.create_batch(2)
    # The list itself, and through a filter, which the page cache leaves to
    # the view (a query string).
    few = queries_for(LIST)
    filtered = queries_for(LIST, {"chu-de": "khong-co"})
    for topic in TopicFactory.create_batch(3):
        PublishedQuestionFactory.create_batch(5, topic=topic)
    assert queries_for(LIST) == few
    assert queries_for(LIST, {"chu-de": "khong-co"}) == filtered
    assert max(few, filtered) <= 12


def test_question_page_query_count_is_constant(queries_for):
    question = PublishedQuestionFactory()
    few = queries_for(question.get_absolute_url())
    PublishedQuestionFactory.create_batch(15)
    assert queries_for(question.get_absolute_url()) == few
    assert few <= 12


def test_home_sidebar_query_count_is_constant(queries_for):
    PublishedQuestionFactory()
    few = queries_for("/")
    PublishedQuestionFactory.create_batch(15)
    assert queries_for("/") == few


def test_question_page_carries_opengraph(client):
    question = PublishedQuestionFactory(title="Thủ tục gia nhập", body="Xin hỏi thủ tục.")
    url = question.get_absolute_url()
    html = client.get(url).content.decode()
    assert '<meta property="og:title" content="Thủ tục gia nhập">' in html
    assert '<meta property="og:description" content="Xin hỏi thủ tục.">' in html
    assert f'<meta property="og:url" content="http://testserver{url}">' in html

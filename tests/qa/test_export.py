"""Questions exported for reports (Xuất ra bảng tính), without the askers'
personal data."""

import pytest
from django.contrib.auth.models import Group

from tests.spreadsheets import CSV, XLSX, export, read_csv, read_xlsx

from .factories import AnsweredQuestionFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/qa/question/"


@pytest.fixture
def questions(db):
    topic = TopicFactory(name="Thủ tục hội")
    return [
        QuestionFactory(topic=topic, title="Hỏi về thủ tục gia nhập"),
        AnsweredQuestionFactory(topic=topic, title="Hỏi về hội phí", is_published_as_faq=True),
    ]


def test_questions_export_for_a_report(admin_client, questions):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    assert rows[0] == [
        "Mã tra cứu", "Tiếp nhận lúc", "Lĩnh vực", "Tiêu đề", "Trạng thái", "Hạn trả lời",
        "Trả lời lúc", "Đăng công khai",
    ]  # fmt: skip
    titles = {row[3]: (row[2], row[7]) for row in rows[1:]}
    assert titles == {
        "Hỏi về thủ tục gia nhập": ("Thủ tục hội", "Không"),
        "Hỏi về hội phí": ("Thủ tục hội", "Có"),
    }


def test_the_askers_personal_data_stays_out(admin_client, questions):
    content = export(admin_client, CHANGELIST, CSV).content.decode("utf-8-sig")
    for personal in ("Nguyễn Văn An", "an.nguyen@example.com", "0912 345 678", "Trần Phú"):
        assert personal not in content
    assert len(read_csv(content.encode())) == 3


def test_the_qa_officer_may_export_and_not_import(client, django_user_model, questions):
    user = django_user_model.objects.create_user("hoidap", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Cán bộ hỏi đáp"))
    client.force_login(user)
    assert read_xlsx(export(client, CHANGELIST, XLSX).content)[0][0] == "Mã tra cứu"
    page = client.get(CHANGELIST).content.decode()
    assert "Xuất ra bảng tính" in page and "Nhập từ bảng tính" not in page


def test_an_editor_may_not_export_questions(client, django_user_model, questions):
    user = django_user_model.objects.create_user("bientap", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(user)
    assert client.get(f"{CHANGELIST}export/").status_code == 403

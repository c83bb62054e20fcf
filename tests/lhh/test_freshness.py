"""Hidden means hidden on the next request: admin actions that change rows
with update() and site profile edits refresh the cached blocks and pages."""

import pytest
from django.test import Client

from lhh.models import SiteProfile
from tests.qa.factories import PublishedQuestionFactory

pytestmark = pytest.mark.django_db

QA_CHANGELIST = "/admin/qa/question/"


def cached_home():
    """The home page as a returning visitor gets it: from the page cache."""
    visitor = Client()
    visitor.get("/")  # the first visit is counted and sets the visit cookie
    visitor.get("/")  # now stored in the page cache
    return visitor


@pytest.mark.parametrize("action", ["mark_as_spam", "unpublish"])
def test_a_question_hidden_by_an_admin_action_leaves_the_cached_home_page(admin_client, action):
    question = PublishedQuestionFactory(title="Câu hỏi sắp bị ẩn khỏi trang chủ")
    visitor = cached_home()
    assert question.title in visitor.get("/").content.decode()
    admin_client.post(QA_CHANGELIST, {"action": action, "_selected_action": [question.pk]})
    assert question.title not in visitor.get("/").content.decode()
    assert question.title not in visitor.get("/hoi-dap/").content.decode()


def test_a_site_profile_edit_shows_in_the_cached_header_at_once(admin_client):
    SiteProfile(name="Liên hiệp Hội tên cũ").save()
    visitor = cached_home()
    assert "Liên hiệp Hội tên cũ" in visitor.get("/").content.decode()
    form = admin_client.get("/admin/lhh/siteprofile/1/change/").context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(name="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng", logo="")
    response = admin_client.post("/admin/lhh/siteprofile/1/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = visitor.get("/").content.decode()
    assert "Liên hiệp Hội tên cũ" not in html
    assert "tỉnh Lâm Đồng" in html

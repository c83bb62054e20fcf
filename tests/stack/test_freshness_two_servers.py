"""Two app servers, as the README states it: gunicorn twice (each with
deploy/gunicorn.conf.py) in the shipped nginx block's upstream, sharing the
test's PostgreSQL database and Redis. An edit saved through one shows on
the other within LOCAL_SECONDS (+1 s of slack), and through nginx within
EDGE_SECONDS more; a question waiting for its answer leaves every cached
page in place. Needs both: skipped on SQLite or without a shared cache
(the SQLite pass of CI).
"""

import pytest

from core.cache import EDGE_SECONDS, LOCAL_SECONDS
from sitecontent.models import SiteProfile
from tests.qa.factories import PublishedQuestionFactory
from tests.stack.conftest import PASSWORD, Browser, captcha_answer, shows_within

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers(make_stack, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    return make_stack(servers=2)


def warm(browser, path):
    for _ in range(3):
        browser.get(path)


def test_an_admin_bulk_action_on_one_server_shows_on_the_other(two_servers):
    a, b = two_servers.servers
    question = PublishedQuestionFactory(title="Câu hỏi ẩn bằng thao tác hàng loạt")
    visitor = Browser(b)
    warm(visitor, "/")
    assert question.title in visitor.get("/")
    staff = Browser(a)
    staff.log_in("quantri")
    staff.post("/admin/qa/question/", {"action": "unpublish", "_selected_action": [question.pk]})
    assert shows_within(visitor, "/", question.title, LOCAL_SECONDS + 1, present=False) is not None


def test_a_site_profile_edit_on_one_server_shows_on_the_other(two_servers):
    a, b = two_servers.servers
    SiteProfile(name="Liên hiệp Hội tên cũ", visit_base=5).save()
    visitor = Browser(b)
    warm(visitor, "/")
    staff = Browser(a)
    staff.log_in("quantri")
    form = staff.get("/admin/sitecontent/siteprofile/1/change/")
    assert "Liên hiệp Hội tên cũ" in form
    new_name = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
    staff.post(
        "/admin/sitecontent/siteprofile/1/change/",
        {"name": new_name, "visit_base": "5", "_save": "Lưu"},
    )
    assert SiteProfile.objects.get().name == new_name
    assert shows_within(visitor, "/", new_name, LOCAL_SECONDS + 1) is not None


def test_an_edit_through_nginx_shows_through_nginx_and_on_both_servers(two_servers):
    SiteProfile(name="Liên hiệp Hội tên cũ", visit_base=5).save()
    visitor = Browser(two_servers.base)
    warm(visitor, "/")
    # Staff and visitors alike reach whichever server nginx picks.
    staff = Browser(two_servers.base)
    staff.log_in("quantri")
    new_name = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
    staff.post(
        "/admin/sitecontent/siteprofile/1/change/",
        {"name": new_name, "visit_base": "5", "_save": "Lưu"},
    )
    assert SiteProfile.objects.get().name == new_name
    # The page nginx keeps (EDGE_SECONDS, then one request served stale),
    # made by a server that saw the edit at most LOCAL_SECONDS late.
    assert shows_within(visitor, "/", new_name, EDGE_SECONDS + LOCAL_SECONDS + 2) is not None
    for server in two_servers.servers:
        assert new_name in Browser(server).get("/")
    # nginx sent requests to both app servers.
    assert two_servers.requests_served(0) > 0 and two_servers.requests_served(1) > 0


def test_a_question_waiting_for_its_answer_leaves_the_other_servers_page(two_servers):
    from django.core.cache import caches

    from core.cache import VERSION_KEY
    from qa.models import Question
    from tests.qa.factories import TopicFactory, question_form

    a, b = two_servers.servers
    visitor = Browser(b)
    warm(visitor, "/")
    asker = Browser(a)
    key, answer = captcha_answer(asker.get("/hoi-dap/dat-cau-hoi/"))
    data = {**question_form(TopicFactory()), "captcha_0": key, "captcha_1": answer}
    version = caches["default"].get(VERSION_KEY)
    asker.post("/hoi-dap/dat-cau-hoi/", data)
    assert Question.objects.filter(title=data["title"]).exists()
    # Invisible until answered: the content version, and so every cached
    # page of the other server, stays as it was.
    assert caches["default"].get(VERSION_KEY) == version

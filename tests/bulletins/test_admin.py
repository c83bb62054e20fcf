import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from bulletins.models import ContentsEntry, Issue
from documents.demo import make_pdf
from tests.news.factories import ArticleFactory

from .factories import IssueFactory, SeriesFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/bulletins/issue/"


def add_form_data(**overrides):
    data = {
        "series": SeriesFactory().pk,
        "number": "3",
        "year": "2026",
        "issued_on": "15/09/2026",
        "title": "Nông nghiệp công nghệ cao",
        "slug": "",
        "summary": "Số quý III.",
        "status": "published",
        "published_at_0": "15/09/2026",
        "published_at_1": "08:00:00",
        "contents-TOTAL_FORMS": "1",
        "contents-INITIAL_FORMS": "0",
        "contents-MIN_NUM_FORMS": "0",
        "contents-MAX_NUM_FORMS": "1000",
        "contents-0-title": "Nhà kính thông minh",
        "contents-0-page": "5",
        "contents-0-order": "1",
    }
    data.update(overrides)
    return data


def test_adding_an_issue_reads_its_pdf_and_keeps_the_contents(
    admin_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    upload = SimpleUploadedFile("ban-tin-so-3.pdf", make_pdf(["Mo hinh nha kinh thong minh"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"{CHANGELIST}add/",
            add_form_data(pdf=upload, **{"contents-0-article": article.pk}),
        )
    assert response.status_code == 302, response.context["errors"]
    issue = Issue.objects.get()
    assert issue.slug == "ban-tin-tri-thuc-voi-kh-cn-so-3-2026"
    assert "nha kinh thong minh" in issue.pdf_text.lower()
    assert issue.contents.get().article == article


def test_a_file_that_is_no_pdf_is_refused_by_name_and_the_form_kept(admin_client):
    upload = SimpleUploadedFile("ban-tin-so-3.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = admin_client.post(f"{CHANGELIST}add/", add_form_data(pdf=upload))
    html = response.content.decode()
    assert response.status_code == 200
    assert "“ban-tin-so-3.pdf” không phải là tệp PDF hợp lệ" in html
    assert "Nông nghiệp công nghệ cao" in html and "Nhà kính thông minh" in html
    assert not Issue.objects.exists() and not ContentsEntry.objects.exists()


def test_a_duplicate_number_is_refused_in_the_admin(admin_client):
    IssueFactory(number=3, year=2026)
    upload = SimpleUploadedFile("ban-tin.pdf", make_pdf(["Ban tin"]))
    response = admin_client.post(f"{CHANGELIST}add/", add_form_data(pdf=upload))
    assert response.status_code == 200
    assert "Đã có Bản tin Trí thức với KH&amp;CN số 3 năm 2026" in response.content.decode()
    assert Issue.objects.count() == 1


def test_the_list_shows_whether_the_text_was_read(admin_client):
    IssueFactory(title="Số đã đọc")
    IssueFactory(title="Số chờ đọc", worker=False)
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Đã đọc nội dung chữ để tra cứu." in html
    assert "Đang xử lý" in html


@pytest.mark.parametrize("group", ["Biên tập viên", "Văn thư"])
def test_editors_and_the_clerk_manage_issues(client, staff_user, group):
    staff_user.groups.add(Group.objects.get(name=group))
    client.force_login(staff_user)
    issue = IssueFactory()
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(f"{CHANGELIST}add/").status_code == 200
    assert client.get(f"{CHANGELIST}{issue.pk}/change/").status_code == 200

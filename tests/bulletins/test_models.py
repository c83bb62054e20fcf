import pytest
from django.core.exceptions import ValidationError

from bulletins.models import Issue

from .factories import ContentsEntryFactory, IssueFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_the_slug_is_made_from_series_number_and_year_and_kept():
    issue = IssueFactory(number=2, year=2026)
    assert issue.slug == "ban-tin-tri-thuc-voi-kh-cn-so-2-2026"
    issue.number = 5
    issue.save()
    issue.refresh_from_db()
    assert issue.slug == "ban-tin-tri-thuc-voi-kh-cn-so-2-2026"


def test_a_duplicate_number_in_the_same_year_is_refused_in_vietnamese():
    IssueFactory(number=2, year=2026)
    duplicate = IssueFactory.build(series=SeriesFactory(), number=2, year=2026)
    with pytest.raises(ValidationError) as refused:
        duplicate.full_clean()
    assert refused.value.messages == [
        "Đã có Bản tin Trí thức với KH&CN số 2 năm 2026; hãy kiểm tra lại số hoặc năm."
    ]


def test_the_same_number_is_allowed_another_year_or_in_another_series():
    IssueFactory(number=1, year=2025)
    IssueFactory(number=1, year=2026)
    IssueFactory(number=1, year=2026, series=SeriesFactory(name="Bản tin Sáng tạo"))
    assert Issue.objects.count() == 3


def test_the_contents_titles_are_searched_with_the_issue(client):
    issue = IssueFactory()
    ContentsEntryFactory(issue=issue, title="Giống cà phê chịu hạn Lâm Hà")
    html = client.get("/tim-kiem/", {"q": "ca phe chiu han"}).content.decode()
    assert issue.get_absolute_url() in html


def test_a_draft_issue_is_not_found_by_search(client):
    issue = IssueFactory(status="draft")
    html = client.get("/tim-kiem/", {"q": "tri thuc khoa hoc cong nghe"}).content.decode()
    assert issue.get_absolute_url() not in html

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bulletins.models import Issue
from core.cache import clear_all
from tests.news.factories import ArticleFactory

from .factories import ContentsEntryFactory, IssueFactory

pytestmark = pytest.mark.django_db

SHELF = "/ban-tin/"


def content_of(response):
    """The page's main column, without the sidebars."""
    html = response.content.decode()
    return html.split('<main id="content"', 1)[1].split("</main>", 1)[0]


def queries_for(client, url):
    # Cold caches for every measurement, so both sizes are compared alike.
    cache.clear()
    clear_all()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# The shelf


def test_the_shelf_shows_covers_newest_issue_first(client):
    older = IssueFactory(number=1, issued_on=datetime.date(2026, 3, 1), title="Số đầu năm")
    newer = IssueFactory(number=2, issued_on=datetime.date(2026, 6, 1), title="Số giữa năm")
    html = content_of(client.get(SHELF))
    assert html.index(newer.get_absolute_url()) < html.index(older.get_absolute_url())
    assert "Bản tin Trí thức với KH&amp;CN số 2/2026" in html
    assert html.count('class="issue-card__cover"') == 2
    assert "01/06/2026" in html


def test_the_shelf_leaves_out_drafts_and_scheduled_issues(client):
    IssueFactory(status="draft", title="Số nháp")
    IssueFactory(published_at=timezone.now() + datetime.timedelta(days=2), title="Số hẹn giờ")
    html = content_of(client.get(SHELF))
    assert "Số nháp" not in html and "Số hẹn giờ" not in html
    assert "Chưa có số bản tin nào." in html


def test_the_shelf_is_paginated(client):
    for number in range(1, 15):
        IssueFactory(number=number)
    assert content_of(client.get(SHELF)).count('class="issue-card"') == 12
    assert content_of(client.get(SHELF, {"page": 2})).count('class="issue-card"') == 2


@pytest.mark.parametrize("page", ["0", "-1", "99", "abc", "1e9", "%00"])
def test_bad_page_numbers_never_break_the_shelf(client, page):
    IssueFactory()
    assert client.get(SHELF, {"page": page}).status_code in (200, 404)


def test_the_shelf_query_count_is_the_same_for_3_and_30_issues(client, django_assert_num_queries):
    for number in range(1, 4):
        IssueFactory(number=number)
    client.get(SHELF)  # warm the site profile and visit cookie
    few = queries_for(client, SHELF)
    for number in range(4, 31):
        IssueFactory(number=number)
    cache.clear()
    clear_all()
    with django_assert_num_queries(few):
        client.get(SHELF)
    assert few <= 12


# An issue's page


def test_the_issue_page_shows_cover_contents_and_the_pdf_links(client):
    issue = IssueFactory(number=3, title="Nông nghiệp công nghệ cao", summary="Số quý III.")
    article = ArticleFactory(title="Nhà kính thông minh")
    ContentsEntryFactory(issue=issue, title="Nhà kính thông minh", page=5, article=article, order=1)
    ContentsEntryFactory(issue=issue, title="Gương trí thức", page=9, order=2)
    html = content_of(client.get(issue.get_absolute_url()))
    assert "Bản tin Trí thức với KH&amp;CN số 3/2026" in html
    assert "Nông nghiệp công nghệ cao" in html
    assert 'class="issue__cover"' in html and 'alt="Bìa ' in html
    assert f'<a href="{article.get_absolute_url()}">Nhà kính thông minh</a>' in html
    assert "<span>Gương trí thức</span>" in html and "Trang 9" in html
    assert html.index("Nhà kính thông minh") < html.index("Gương trí thức")
    assert f"/ban-tin/{issue.slug}/doc/" in html and f"/ban-tin/{issue.slug}/tai-ve/" in html


def test_a_contents_entry_does_not_link_an_unpublished_article(client):
    issue = IssueFactory()
    draft = ArticleFactory(title="Bài chưa đăng", status="draft")
    ContentsEntryFactory(issue=issue, title="Bài chưa đăng", article=draft)
    html = content_of(client.get(issue.get_absolute_url()))
    assert "<span>Bài chưa đăng</span>" in html
    assert draft.get_absolute_url() not in html


def test_a_draft_issue_is_404_for_visitors(client):
    issue = IssueFactory(status="draft")
    assert client.get(issue.get_absolute_url()).status_code == 404
    assert client.get(f"{issue.get_absolute_url()}tai-ve/").status_code == 404
    assert client.get(f"{issue.get_absolute_url()}doc/").status_code == 404
    assert client.get(issue.pdf.url).status_code == 404


def test_staff_preview_a_draft_issue(admin_client):
    issue = IssueFactory(status="draft")
    response = admin_client.get(issue.get_absolute_url())
    assert "chưa được đăng" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/ban-tin/khong-co-so-nay/", "/ban-tin/khong-co/tai-ve/", "/ban-tin/%E2%80%8B/"]
)
def test_unknown_issues_are_404(client, path):
    assert client.get(path).status_code == 404


def test_the_pdf_is_downloaded_under_the_issue_name_and_counted(client):
    issue = IssueFactory(number=2, year=2026)
    response = client.get(f"{issue.get_absolute_url()}tai-ve/", HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "ban-tin-tri-thuc-voi-kh-cn-so-2-2026.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.get(f"{issue.get_absolute_url()}tai-ve/", HTTP_USER_AGENT="Googlebot/2.1")
    assert Issue.objects.get(pk=issue.pk).download_count == 1


def test_the_pdf_is_read_in_the_browser(client):
    issue = IssueFactory()
    response = client.get(f"{issue.get_absolute_url()}doc/")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" not in response.get("Content-Disposition", "")


def test_a_missing_pdf_is_404(client):
    issue = IssueFactory()
    issue.pdf.storage.delete(issue.pdf.name)
    assert client.get(f"{issue.get_absolute_url()}tai-ve/").status_code == 404


def test_the_issue_page_query_count_is_the_same_for_3_and_30_contents(
    client, django_assert_num_queries
):
    issue = IssueFactory()
    for _ in range(3):
        ContentsEntryFactory(issue=issue, article=ArticleFactory())
    url = issue.get_absolute_url()
    client.get(url)
    few = queries_for(client, url)
    for _ in range(27):
        ContentsEntryFactory(issue=issue, article=ArticleFactory())
    IssueFactory.create_batch(5)
    cache.clear()
    clear_all()
    with django_assert_num_queries(few):
        response = client.get(url)
    assert content_of(response).count('class="contents-list__item"') == 30
    assert few <= 12


# Sitemap, menu, site map


def test_the_sitemap_lists_published_issues_only(client):
    published = IssueFactory()
    draft = IssueFactory(status="draft")
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_the_menu_and_the_site_map_link_the_shelf(client):
    assert 'href="/ban-tin/"' in client.get("/").content.decode()
    assert 'href="/ban-tin/"' in client.get("/so-do-trang/").content.decode()

import pytest
from django.core.management import call_command

from bulletins.models import Issue
from news.demo import VIDEO_ARTICLE
from news.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seeded(django_capture_on_commit_callbacks):
    # The PDFs' text is read once the seed has committed, as the worker does.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)


def test_the_demo_has_two_issues_with_a_pdf_a_cover_and_contents(seeded, client):
    issues = list(Issue.objects.published())
    assert [(issue.number, issue.year) for issue in issues] == [(4, 2026), (3, 2026)]
    for issue in issues:
        assert issue.cover and issue.pdf and issue.contents.count() == 4
        assert issue.has_text_layer is True
        [linked] = [entry for entry in issue.contents.all() if entry.article_id]
        html = client.get(issue.get_absolute_url()).content.decode()
        assert f'href="{linked.article.get_absolute_url()}"' in html
    # The PDF's text is found by the site-wide search.
    html = client.get("/tim-kiem/", {"q": "nhà kính thông minh"}).content.decode()
    assert issues[1].get_absolute_url() in html


def test_the_demo_has_an_article_with_a_youtube_player(seeded, client):
    article = Article.objects.get(title=VIDEO_ARTICLE["title"])
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"' in html


def test_seeding_again_adds_no_issue(seeded):
    before = (Issue.objects.count(), sum(issue.contents.count() for issue in Issue.objects.all()))
    call_command("seed_demo", verbosity=0)
    after = (Issue.objects.count(), sum(issue.contents.count() for issue in Issue.objects.all()))
    assert after == before

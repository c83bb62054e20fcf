import pytest

from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize(
    "url", ["/", "/tin-tuc/", "/hoi-dap/dat-cau-hoi/", "/admin/login/", "/khong-co/"]
)
def test_pages_carry_a_policy_that_allows_nothing_inline(client, url):
    policy = directives(client.get(url))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


def test_a_cached_page_carries_the_policy_too(client):
    client.get("/")
    assert directives(client.get("/"))["style-src"] == "'self'"


def test_only_the_editor_forms_allow_inline_style(admin_client):
    article = ArticleFactory()
    for url in ["/admin/news/article/add/", f"/admin/news/article/{article.pk}/change/"]:
        policy = directives(admin_client.get(url))
        assert policy["style-src"] == "'self' 'unsafe-inline'"
        assert policy["script-src"] == "'self'"
    assert directives(admin_client.get("/admin/news/article/"))["style-src"] == "'self'"
    assert directives(admin_client.get("/admin/"))["style-src"] == "'self'"


@pytest.mark.parametrize("url", ["/", "/admin/login/"])
def test_pages_turn_off_the_browser_features_the_site_never_uses(client, url):
    policy = client.get(url)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("url", ["/", "/ban-tin/", "/admin/login/"])
def test_frames_come_only_from_the_two_video_players(client, url):
    policy = directives(client.get(url))
    assert policy["frame-src"] == "https://www.youtube-nocookie.com https://www.facebook.com"
    assert policy["frame-ancestors"] == "'none'"

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/tin-tuc/", "/hoi-dap/dat-cau-hoi/", "/admin/login/"])
def test_pages_carry_a_policy_that_allows_no_inline_script(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_a_cached_page_carries_the_policy_too(client):
    client.get("/")
    assert "script-src 'self'" in client.get("/")["Content-Security-Policy"]

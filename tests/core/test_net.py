"""The visitor's address behind the proxy: only a valid address, and only
from a proxy of ours, so a forged header neither breaks the login lockout's
storage (500) nor lets a guesser pick a new address for every try."""

import pytest
from django.test import RequestFactory

from core.net import client_ip

LOGIN = "/admin/login/"
WRONG = {"username": "quantri", "password": "sai-mat-khau"}
RIGHT = {"username": "quantri", "password": "mat-khau-thu-nghiem"}


def request_from(peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        ("127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        ("127.0.0.1", "2001:DB8::1", "2001:db8::1"),
        ("127.0.0.1", "garbage", "127.0.0.1"),
        ("127.0.0.1", "' OR 1=1 --", "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("198.51.100.9", "203.0.113.7", "198.51.100.9"),
        ("", "203.0.113.7", "203.0.113.7"),
        ("not-an-ip", "203.0.113.7", ""),
    ],
    ids=["proxy", "proxy-chain", "ipv6", "garbage", "sql", "empty", "not-our-proxy",
         "unix-socket", "odd-peer"],
)  # fmt: skip
def test_client_ip_trusts_only_valid_addresses_from_our_proxy(settings, peer, forwarded, expected):
    settings.PROXY_COUNT = 1
    assert client_ip(request_from(peer, forwarded)) == expected


def test_without_a_proxy_the_header_is_ignored(settings):
    settings.PROXY_COUNT = 0
    assert client_ip(request_from("127.0.0.1", "203.0.113.7")) == "127.0.0.1"


@pytest.mark.django_db
def test_a_garbage_forwarded_header_on_a_failed_login_is_no_error(client, superuser, settings):
    settings.PROXY_COUNT = 1
    response = client.post(LOGIN, WRONG, HTTP_X_FORWARDED_FOR="garbage")
    assert response.status_code == 200
    assert "errornote" in response.content.decode()


@pytest.mark.django_db
def test_rotating_a_forged_header_does_not_get_past_the_lockout(client, superuser, settings):
    # gunicorn reached directly, not through our proxy: the header is the
    # client's own and changes on every try.
    settings.PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(LOGIN, WRONG, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = client.post(
        LOGIN, RIGHT, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="10.0.0.200"
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_through_our_proxy_a_forged_prefix_does_not_get_past_the_lockout(
    client, superuser, settings
):
    # nginx appends the real address after whatever the client sent.
    settings.PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(LOGIN, WRONG, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.7")
    response = client.post(LOGIN, RIGHT, HTTP_X_FORWARDED_FOR="10.0.0.200, 203.0.113.7")
    assert response.status_code == 429

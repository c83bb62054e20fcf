"""The site as a server runs it: nginx with the shipped block in front of
gunicorn (deploy/gunicorn.conf.py) and the huey worker, on PostgreSQL and
Redis, static files collected. Pages, nginx's cache, static files and
uploads with their headers, compression, the security headers, the worker
at work, and HTTPS with HTTP/2 and HSTS."""

import gzip
import json
import re
import shutil
import socket
import ssl
import subprocess
import time

import pytest
from django.core.files.storage import default_storage

from core.cache import EDGE_SECONDS
from mail.models import Email, EmailStatus
from tests.gallery.factories import PhotoFactory
from tests.news.factories import ArticleFactory
from tests.stack.conftest import Browser, captcha_answer, fetch

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture
def stack(make_stack):
    return make_stack(servers=1)


def assert_security_headers(headers):
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]


def test_pages_are_served_through_nginx_and_then_from_its_cache(stack):
    article = ArticleFactory(title="Hội thảo khoa học về cà phê Lâm Đồng")
    for path in ["/", "/tin-tuc/", article.get_absolute_url()]:
        status, headers, first = fetch(stack.base + path)
        assert status == 200 and headers["X-Cache"] == "MISS", path
        assert_security_headers(headers)
        status, headers, again = fetch(stack.base + path)
        assert headers["X-Cache"] == "HIT" and again == first, path
    assert "Hội thảo khoa học về cà phê Lâm Đồng" in first.decode()


def test_pages_are_compressed_for_a_browser_that_accepts_it(stack):
    fetch(stack.base + "/")
    status, headers, body = fetch(stack.base + "/", headers=GZIP)
    assert headers["X-Cache"] == "HIT"
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    page = gzip.decompress(body).decode()
    assert page == fetch(stack.base + "/")[2].decode()
    assert "<html" in page


def static_address(page, suffix):
    return re.search(rf'"(/static/[^"]+\.[0-9a-f]{{12}}\.{suffix})"', page).group(1)


def test_static_files_are_served_by_nginx_kept_a_year_and_compressed(stack, static_root):
    page = fetch(stack.base + "/")[2].decode()
    stylesheet = static_address(page, "css")
    status, headers, body = fetch(stack.base + stylesheet)
    assert status == 200 and headers["Content-Type"] == "text/css"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    # nginx's own: nothing went to Django (whose answers carry X-Cache).
    assert "X-Cache" not in headers
    assert body == (static_root / stylesheet.removeprefix("/static/")).read_bytes()
    status, headers, packed = fetch(stack.base + stylesheet, headers=GZIP)
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(packed) == body


def test_a_static_file_without_a_hash_is_kept_an_hour(stack):
    status, headers, _ = fetch(stack.base + "/static/css/site.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=3600"


def test_nginx_error_pages_are_in_vietnamese_and_never_kept(stack):
    status, headers, body = fetch(stack.base + "/static/errors/502.html")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    assert "tạm thời gián đoạn" in body.decode()


def test_uploads_are_sent_by_nginx_after_djangos_check(stack):
    photo = PhotoFactory()
    status, headers, body = fetch(stack.base + photo.image.url)
    assert status == 200 and headers["Content-Type"] == "image/jpeg"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "public, max-age=300"
    assert body == default_storage.open(photo.image.name).read()


def test_the_worker_sends_the_email_of_a_question_posted_through_nginx(stack):
    from tests.qa.factories import TopicFactory, question_form

    asker = Browser(stack.base)
    key, answer = captcha_answer(asker.get("/hoi-dap/dat-cau-hoi/"))
    data = {**question_form(TopicFactory()), "captcha_0": key, "captcha_1": answer}
    asker.post("/hoi-dap/dat-cau-hoi/", data)
    email = Email.objects.get(recipients__contains=data["email"])
    deadline = time.monotonic() + 20
    while email.status != EmailStatus.SENT and time.monotonic() < deadline:
        time.sleep(0.3)
        email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    sent = [path.read_text() for path in (stack.folder / "mail").iterdir()]
    assert any(f"To: {data['email']}" in message for message in sent)


def test_health_says_every_part_works_through_nginx(stack):
    status, headers, body = fetch(stack.base + "/healthz")
    assert status == 200
    assert json.loads(body) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "worker": "ok",
    }
    assert "X-Cache" in headers and headers["X-Cache"] != "HIT"


def test_https_with_http2_hsts_and_a_redirect_from_port_80(make_stack):
    stack = make_stack(servers=1, tls=True)
    unverified = ssl.create_default_context()
    unverified.check_hostname = False
    unverified.verify_mode = ssl.CERT_NONE
    status, headers, body = fetch(stack.base + "/", context=unverified)
    assert status == 200 and "<html" in body.decode()
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert_security_headers(headers)
    stylesheet = static_address(body.decode(), "css")
    status, headers, _ = fetch(stack.base + stylesheet, context=unverified)
    assert status == 200
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    status, headers, _ = fetch(stack.http + "/tin-tuc/")
    assert status == 301 and headers["Location"].startswith("https://127.0.0.1")
    if shutil.which("curl"):
        version = subprocess.run(
            ["curl", "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version}", stack.base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert version == "2"


def test_a_request_over_the_upload_limit_gets_a_vietnamese_page(stack):
    port = int(stack.base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            b"POST /hoi-dap/dat-cau-hoi/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: 500000000\r\nConnection: close\r\n\r\n"
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert "Tệp tải lên quá lớn" in body.decode()


def test_with_gunicorn_down_nginx_serves_its_copy_or_a_vietnamese_page(stack):
    fetch(stack.base + "/tin-tuc/")
    assert fetch(stack.base + "/tin-tuc/")[1]["X-Cache"] == "HIT"
    stack.stop_app_servers()
    time.sleep(EDGE_SECONDS + 1)
    # The kept copy, stale, rather than an error (UPDATING while nginx
    # tries for a new one in the background).
    status, headers, body = fetch(stack.base + "/tin-tuc/")
    assert status == 200 and headers["X-Cache"] in ("STALE", "UPDATING")
    assert fetch(stack.base + "/tin-tuc/")[0] == 200
    # A page it never kept: the "restarting" page, never kept by a browser.
    status, headers, body = fetch(stack.base + "/tin-tuc/?trang=2")
    assert status == 502 and "tạm thời gián đoạn" in body.decode()
    assert headers["Cache-Control"] == "no-store"

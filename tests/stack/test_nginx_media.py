"""The shipped nginx block in front of the live site: uploads reach a
visitor only through Django's permission check, never by their address.

Runs Debian's nginx (apt-get install nginx-light) with deploy/nginx/lhh.conf,
its upstream and media folder pointed at the site served from a thread
(not pytest-django's live_server: that one serves /media/ itself, around
the site). Without nginx the test skips, except in CI (E2E_REQUIRED=1),
where it fails.
"""

import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connections
from django.test import Client

from core.models import Status
from tests.documents.factories import DocumentFactory, DocumentFileFactory
from tests.gallery.factories import AlbumFactory, PhotoFactory

pytestmark = pytest.mark.stack

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "lhh.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def app_server(transactional_db):
    """The site on 127.0.0.1, as gunicorn would serve it behind nginx."""
    # An in-memory SQLite test database lives in this thread's connection.
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for connection in shared.values():
        connection.inc_thread_sharing()
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, connections_override=shared)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "{}:{}".format(*server.server_address)
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    for connection in shared.values():
        connection.dec_thread_sharing()


@pytest.fixture
def nginx(app_server, tmp_path, settings):
    if not os.path.exists(NGINX):
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail("nginx is required in CI (apt-get install nginx-light)")
        pytest.skip("nginx not installed (apt-get install nginx-light)")
    settings.MEDIA_ACCEL_REDIRECT = "/_protected-media/"
    port = free_port()
    upstream = app_server
    site = CONF.read_text()
    for shipped, here in [
        ("server 127.0.0.1:8000;", f"server {upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("alias /srv/lhh/media/;", f"alias {django_settings.MEDIA_ROOT}/;"),
    ]:
        assert shipped in site, shipped
        site = site.replace(shipped, here)
    (tmp_path / "site.conf").write_text(site)
    # nginx's workers read the media folder: as the owner of the test's files.
    (tmp_path / "nginx.conf").write_text(
        f"""
        {"user root;" if os.getuid() == 0 else ""}
        worker_processes 1;
        pid {tmp_path}/nginx.pid;
        error_log {tmp_path}/error.log;
        events {{ worker_connections 64; }}
        http {{
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path {tmp_path}/body;
            proxy_temp_path {tmp_path}/proxy;
            fastcgi_temp_path {tmp_path}/fastcgi;
            uwsgi_temp_path {tmp_path}/uwsgi;
            scgi_temp_path {tmp_path}/scgi;
            include {tmp_path}/site.conf;
        }}
        """
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
    yield base
    process.terminate()
    process.wait(timeout=10)


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def staff_cookie():
    user = get_user_model().objects.create_superuser("quantri-nginx", "q@example.com", "x")
    client = Client()
    client.force_login(user)
    name = django_settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def test_nginx_serves_uploads_only_through_the_permission_check(nginx):
    public = PhotoFactory()
    draft = PhotoFactory(album=AlbumFactory(status=Status.DRAFT))
    draft_file = DocumentFileFactory(document=DocumentFactory(status=Status.DRAFT))

    status, headers, body = fetch(nginx + public.image.url)
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert body[:2] == b"\xff\xd8"
    assert fetch(nginx + public.thumbnail.url)[0] == 200

    for url in [draft.image.url, draft.thumbnail.url, draft.large.url, draft_file.file.url]:
        assert fetch(nginx + url)[0] == 404, url
    # The internal location is not an address from outside.
    assert fetch(f"{nginx}/_protected-media/{draft.image.name}")[0] == 404
    assert fetch(f"{nginx}/_protected-media/{public.image.name}")[0] == 404

    cookie = staff_cookie()
    status, headers, body = fetch(nginx + draft.image.url, cookie)
    assert status == 200 and body[:2] == b"\xff\xd8"
    assert "no-store" in headers["Cache-Control"]
    status, headers, body = fetch(nginx + draft_file.file.url, cookie)
    assert status == 200 and body.startswith(b"%PDF-")


def test_a_download_through_nginx_keeps_its_name(nginx):
    document_file = DocumentFileFactory()
    status, headers, body = fetch(nginx + document_file.get_absolute_url())
    assert status == 200
    assert body.startswith(b"%PDF-")
    assert headers["Content-Disposition"] == 'attachment; filename="van-ban.pdf"'

"""The shipped nginx block (deploy/nginx/lhh.conf) in front of the site.

Runs Debian's nginx (apt-get install nginx-light) with the block, its
upstream, cache and media folders pointed at the site served from a thread
(not pytest-django's live_server: that one serves /media/ itself, around
the site). Without nginx the tests skip, except in CI (E2E_REQUIRED=1),
where they fail.
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
        ("/var/cache/nginx/lhh", f"{tmp_path}/cache"),
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


def fetch(url, cookie=None, headers=None):
    """(status, headers, body) of a GET."""
    headers = {**({"Cookie": cookie} if cookie else {}), **(headers or {})}
    request = urllib.request.Request(url, headers=headers)
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

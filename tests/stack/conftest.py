"""The shipped deployment in front of the site: nginx with the block
`manage.py render_nginx` renders from deploy/nginx/lhh.conf (plain HTTP on
a free loopback port, its cache and temporary folders in the test's own),
in front of either

- `nginx`: the site served from a thread of the test process (not
  pytest-django's live_server: that one serves /media/ itself), on either
  database; or
- `stack`: the production processes, on the test's PostgreSQL database and
  Redis: gunicorn with deploy/gunicorn.conf.py (two instances, both in the
  block's upstream, as two app servers), the huey worker on Redis, static
  files collected as `collectstatic` does on a server. Skipped on SQLite or
  without Redis (the SQLite pass of CI).

Debian's nginx (apt-get install nginx-light) is needed: without it the tests
skip, except in CI (E2E_REQUIRED=1), where they fail.
"""

import http.cookiejar
import io
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connection, connections
from django.test import Client

from lhh.management.commands.render_nginx import standalone

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
PASSWORD = "mat-khau-hai-may-chu"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def required(tool, package):
    """Skip without `tool`, except in CI, where it is installed."""
    if os.path.exists(tool) or shutil.which(tool):
        return
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"{tool} is required in CI (apt-get install {package})")
    pytest.skip(f"{tool} not installed (apt-get install {package})")


def wait_for_port(port, process, what, timeout=30, errors=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    process.kill()
    if errors is not None:
        output = errors.read_text()
    else:
        output = process.stderr.read().decode() if process.stderr else ""
    pytest.fail(f"{what} did not start: {output[-3000:]}")


def render_site(folder, apps, port, **options):
    """The shipped block for this test: plain HTTP unless `certificates`."""
    out = io.StringIO()
    call_command(
        "render_nginx",
        domains=["127.0.0.1", "localhost"],
        apps=apps,
        plain_http="certificates" not in options,
        cache_dir=str(folder / "cache"),
        address="127.0.0.1",
        http_port=port,
        stdout=out,
        **options,
    )
    return out.getvalue()


def nginx_main_conf(folder, site):
    """nginx.conf around the site block, every file nginx writes in `folder`."""
    conf = folder / "nginx.conf"
    conf.write_text(standalone(site, folder))
    return conf


def start_nginx(folder, site, port):
    required(NGINX, "nginx-light")
    conf = nginx_main_conf(folder, site)
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    wait_for_port(port, process, "nginx")
    return process


def stop(process, timeout=15, signal_=None):
    if process.poll() is None:
        if signal_ is not None:
            process.send_signal(signal_)
        else:
            process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the site in a thread, behind nginx --------------------------------------


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def app_server(transactional_db):
    """The site on 127.0.0.1, as gunicorn would serve it behind nginx."""
    # An in-memory SQLite test database lives in this thread's connection.
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for connection_ in shared.values():
        connection_.inc_thread_sharing()
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, connections_override=shared)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "{}:{}".format(*server.server_address)
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    for connection_ in shared.values():
        connection_.dec_thread_sharing()


@pytest.fixture
def nginx(app_server, tmp_path, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/_protected-media/"
    port = free_port()
    process = start_nginx(tmp_path, render_site(tmp_path, [app_server], port), port)
    yield f"http://127.0.0.1:{port}"
    stop(process)


# --- the production processes behind nginx ------------------------------------


def database_url():
    db = connection.settings_dict
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"


def needs_postgresql_and_redis():
    shared = django_settings.CACHES["default"]["BACKEND"]
    if connection.vendor != "postgresql" or "redis" not in shared.lower():
        pytest.skip("needs PostgreSQL and Redis shared by the server processes")


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files as `collectstatic` leaves them on a server: hashed
    names, and a .gz beside each (WhiteNoise's storage)."""
    folder = tmp_path_factory.mktemp("static")
    env = {**os.environ, "STATIC_ROOT": str(folder), "STATIC_MANIFEST": "1"}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return folder


@dataclass
class Stack:
    """nginx (`base`) in front of the app servers (`servers`, each also
    reachable directly), the worker, and their folders."""

    base: str
    servers: list
    folder: Path
    logs: list = field(default_factory=list)
    processes: list = field(default_factory=list)

    def stop_app_servers(self):
        for process in self.processes:
            stop(process, signal_=signal.SIGQUIT)

    def requests_served(self, index):
        """Requests app server `index` logged (gunicorn's access log)."""
        log = self.logs[index].read_text()
        return log.count('"GET ') + log.count('"POST ')


def server_environment(folder, static, media, extra=None):
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CACHE_URL": os.environ["CACHE_URL"],
        "HUEY_URL": os.environ["CACHE_URL"],
        "HUEY_IMMEDIATE": "0",
        "SECRET_KEY": "may-chu-thu-nghiem",
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(static),
        "STATIC_MANIFEST": "1",
        "MEDIA_ROOT": str(media),
        "MEDIA_ACCEL_REDIRECT": "/_protected-media/",
        "PROXY_COUNT": "1",
        # django-environ drops the path's first slash: four make it absolute.
        "EMAIL_URL": f"filemail:///{folder / 'mail'}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": "1",
        "LOG_LEVEL": "WARNING",
        **(extra or {}),
    }


def start_app_server(folder, env, index):
    port = free_port()
    log = folder / f"gunicorn-{index}.log"
    # Files, not pipes: a pipe nobody reads would stop the server when full.
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "lhh.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log.open("w"),
        stderr=(folder / f"gunicorn-{index}.err").open("w"),
    )
    return process, port, log


@pytest.fixture
def make_stack(transactional_db, static_root, tmp_path, settings):
    """make_stack(servers=2, tls=False): start the processes; all are
    stopped after the test."""
    needs_postgresql_and_redis()
    processes, app_servers, workers = [], [], []

    def make(servers=2, tls=False):
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        settings.MEDIA_ACCEL_REDIRECT = "/_protected-media/"
        settings.STATIC_ROOT = static_root
        env = server_environment(tmp_path, static_root, media, {"HTTPS": "1"} if tls else None)
        if tls:
            # Django's own HSTS and redirect, as on a server with its certificate.
            settings.SECURE_HSTS_SECONDS = 31_536_000
        started = [start_app_server(tmp_path, env, index) for index in range(servers)]
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_huey", "--quiet"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / "worker.err").open("w"),
        )
        app_servers.extend(p for p, _, _ in started)
        workers.append(worker)
        processes.extend([*app_servers, worker])
        for index, (process, port, _) in enumerate(started):
            wait_for_port(port, process, "gunicorn", errors=tmp_path / f"gunicorn-{index}.err")
        apps = [f"127.0.0.1:{port}" for _, port, _ in started]
        port = free_port()
        options = {}
        if tls:
            options = {"certificates": str(self_signed(tmp_path)), "https_port": free_port()}
        site = render_site(tmp_path, apps, port, **options)
        processes.append(start_nginx(tmp_path, site, options.get("https_port", port)))
        base = f"https://localhost:{options['https_port']}" if tls else f"http://127.0.0.1:{port}"
        stack = Stack(
            base,
            [f"http://{app}" for app in apps],
            tmp_path,
            logs=[log for _, _, log in started],
            processes=[process for process, _, _ in started],
        )
        stack.http = f"http://127.0.0.1:{port}"
        wait_until_healthy(stack, worker, tls)
        return stack

    yield make
    # Nothing to finish: gunicorn's quick stop (its workers too), the
    # worker's immediate one (one process), nginx's fast one.
    quick = {"gunicorn": signal.SIGQUIT, "worker": signal.SIGKILL}
    for process in reversed(processes):
        kind = "gunicorn" if process in app_servers else "worker" if process in workers else "nginx"
        stop(process, signal_=quick.get(kind))


def wait_until_healthy(stack, worker, tls, timeout=60):
    """Return once /healthz answers 200: the worker's first heartbeat comes
    only when it has started, which takes seconds on a busy machine (as
    the proxy's health check waits on a server)."""
    context = None
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    deadline = time.monotonic() + timeout
    while True:
        status, _, body = fetch(stack.base + "/healthz", context=context)
        if status == 200:
            return
        if time.monotonic() > deadline or worker.poll() is not None:
            errors = (stack.folder / "worker.err").read_text()[-3000:]
            pytest.fail(f"the stack is not healthy: {body.decode()}; worker: {errors}")
        time.sleep(0.3)


def self_signed(folder):
    """A certificate for localhost where certbot would put one."""
    required("openssl", "openssl")
    certificates = folder / "letsencrypt"
    certificates.mkdir()
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(certificates / "privkey.pem"),
            "-out",
            str(certificates / "fullchain.pem"),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    return certificates


# --- requests -------------------------------------------------------------------


def fetch(url, cookie=None, headers=None, context=None):
    """(status, headers, body) of a GET; redirects are not followed."""
    headers = {**({"Cookie": cookie} if cookie else {}), **(headers or {})}
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(request, timeout=15) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def staff_cookie():
    user = get_user_model().objects.create_superuser("quantri-nginx", "q@example.com", "x")
    client = Client()
    client.force_login(user)
    name = django_settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


class Browser:
    """A visitor (or staff member) of one address, with its own cookies."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"User-Agent": BROWSER})
        with self.opener.open(request, timeout=15) as response:
            return response.read().decode()

    def post(self, path, data):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"User-Agent": BROWSER, "Referer": self.base + path},
        )
        with self.opener.open(request, timeout=15) as response:
            return response.read().decode()

    def log_in(self, username):
        self.get("/admin/login/")
        self.post("/admin/login/?next=/admin/", {"username": username, "password": PASSWORD})


def shows_within(browser, path, text, seconds, present=True):
    """Seconds until `text` is (or no longer is) on `path`, or None."""
    started = time.monotonic()
    while time.monotonic() - started <= seconds:
        if (text in browser.get(path)) == present:
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def captcha_answer(form_html):
    """The hidden key of the form's captcha and its answer, read where the
    server keeps it (the database)."""
    from captcha.models import CaptchaStore

    key = re.search(r'name="captcha_0" value="([^"]+)"', form_html).group(1)
    return key, CaptchaStore.objects.get(hashkey=key).response

"""Freshness across workers, as the README states it: an edit saved through
one server shows on another within LOCAL_SECONDS (+1 s of slack), and a
question waiting for its answer leaves the other's cached page in place.

Two gunicorn processes (one worker each) share the test's PostgreSQL
database and Redis, as two workers of a site do. Needs both: skipped on
SQLite or without a shared cache (the SQLite pass of CI).
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from core.cache import LOCAL_SECONDS
from sitecontent.models import SiteProfile
from tests.qa.factories import PublishedQuestionFactory

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
PASSWORD = "mat-khau-hai-may-chu"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"


class Browser:
    """A visitor (or staff member) of one server, with its own cookies."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"User-Agent": BROWSER})
        with self.opener.open(request, timeout=10) as response:
            return response.read().decode()

    def post(self, path, data):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"User-Agent": BROWSER, "Referer": self.base + path},
        )
        with self.opener.open(request, timeout=10) as response:
            return response.read().decode()

    def log_in(self, username):
        self.get("/admin/login/")
        self.post("/admin/login/?next=/admin/", {"username": username, "password": PASSWORD})


def start_server(port):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CACHE_URL": os.environ["CACHE_URL"],
        "SECRET_KEY": "hai-may-chu-thu-nghiem",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    command = [sys.executable, "-m", "gunicorn", "lhh.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()[-2000:]) from None
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not answer within 30 s")


@pytest.fixture
def two_servers(django_user_model):
    shared = settings.CACHES["default"]["BACKEND"]
    if connection.vendor != "postgresql" or "redis" not in shared.lower():
        pytest.skip("needs PostgreSQL and Redis shared by two server processes")
    django_user_model.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    ports = free_port(), free_port()
    processes = [start_server(port) for port in ports]
    yield [f"http://127.0.0.1:{port}" for port in ports]
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def shows_within(browser, path, text, seconds, present=True):
    """Seconds until `text` is (or no longer is) on `path`, or None."""
    started = time.monotonic()
    while time.monotonic() - started <= seconds:
        if (text in browser.get(path)) == present:
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def warm(browser, path):
    for _ in range(3):
        browser.get(path)


def test_an_admin_bulk_action_on_one_server_shows_on_the_other(two_servers):
    a, b = two_servers
    question = PublishedQuestionFactory(title="Câu hỏi ẩn bằng thao tác hàng loạt")
    visitor = Browser(b)
    warm(visitor, "/")
    assert question.title in visitor.get("/")
    staff = Browser(a)
    staff.log_in("quantri")
    staff.post("/admin/qa/question/", {"action": "unpublish", "_selected_action": [question.pk]})
    assert shows_within(visitor, "/", question.title, LOCAL_SECONDS + 1, present=False) is not None


def test_a_site_profile_edit_on_one_server_shows_on_the_other(two_servers):
    a, b = two_servers
    SiteProfile(name="Liên hiệp Hội tên cũ", visit_base=5).save()
    visitor = Browser(b)
    warm(visitor, "/")
    staff = Browser(a)
    staff.log_in("quantri")
    form = staff.get("/admin/sitecontent/siteprofile/1/change/")
    assert "Liên hiệp Hội tên cũ" in form
    new_name = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
    staff.post(
        "/admin/sitecontent/siteprofile/1/change/",
        {"name": new_name, "visit_base": "5", "_save": "Lưu"},
    )
    assert SiteProfile.objects.get().name == new_name
    assert shows_within(visitor, "/", new_name, LOCAL_SECONDS + 1) is not None


def test_a_question_waiting_for_its_answer_leaves_the_other_servers_page(two_servers):
    from captcha.models import CaptchaStore
    from django.core.cache import caches

    from core.cache import VERSION_KEY
    from qa.models import Question
    from tests.qa.factories import TopicFactory, question_form

    a, b = two_servers
    visitor = Browser(b)
    warm(visitor, "/")
    asker = Browser(a)
    form = asker.get("/hoi-dap/dat-cau-hoi/")
    key = re.search(r'name="captcha_0" value="([^"]+)"', form).group(1)
    answer = CaptchaStore.objects.get(hashkey=key).response
    data = {**question_form(TopicFactory()), "captcha_0": key, "captcha_1": answer}
    version = caches["default"].get(VERSION_KEY)
    asker.post("/hoi-dap/dat-cau-hoi/", data)
    assert Question.objects.filter(title=data["title"]).exists()
    # Invisible until answered: the content version, and so every cached
    # page of the other server, stays as it was.
    assert caches["default"].get(VERSION_KEY) == version

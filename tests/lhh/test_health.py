"""/healthz, and the site served while Redis, the shared cache, is down or hung."""

import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Nothing listens on port 1: a connection is refused at once.
CLOSED_PORT = 1


def production_settings(expression, **env):
    """`expression` evaluated on the real settings, with `env` in the environment."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60,
        "HTTPS": "0",
        "ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "lhh.settings",
        **env,
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        f"print(json.dumps({expression}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def redis_cache(port, **env):
    """settings.CACHES as the real settings make them for a Redis on `port`."""
    caches = production_settings("settings.CACHES", CACHE_URL=f"redis://127.0.0.1:{port}/5", **env)
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    return caches


@pytest.fixture
def hung_redis():
    """A port that accepts connections and never answers, as a hung Redis."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for connection in accepted:
        connection.close()


def test_healthz_answers_200_when_every_part_works(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}
    # The storage check leaves no file behind.
    assert not any(Path(settings.MEDIA_ROOT).glob("healthz-*"))


def test_healthz_answers_503_naming_the_database_when_it_is_unreachable():
    # A real unreachable server: nothing listens on port 1.
    answer = production_settings(
        "(lambda r: [r.status_code, r.json()])"
        "(__import__('django.test').test.Client().get('/healthz'))",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/none",
    )
    status, body = answer
    assert status == 503
    assert body["database"] == "error"
    assert body["cache"] == body["storage"] == "ok"
    assert list(body["errors"]) == ["database"]
    assert "cơ sở dữ liệu" in body["errors"]["database"]


def test_healthz_answers_503_naming_the_cache_when_redis_is_down(client, settings):
    settings.CACHES = redis_cache(CLOSED_PORT)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["database"], body["cache"], body["storage"]) == (
        "error",
        "ok",
        "error",
        "ok",
    )
    assert list(body["errors"]) == ["cache"]
    assert "bộ nhớ đệm" in body["errors"]["cache"]


def test_healthz_answers_503_naming_the_storage_when_media_root_is_unwritable(
    client, settings, tmp_path
):
    # A file where the uploads folder should be: nothing can be saved
    # under it, even by root (who ignores a folder's permissions).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["database"], body["cache"], body["storage"]) == ("ok", "ok", "error")
    assert list(body["errors"]) == ["storage"]
    assert "tệp" in body["errors"]["storage"]


def test_redis_client_has_timeouts_from_the_environment():
    options = redis_cache(
        CLOSED_PORT, CACHE_SOCKET_CONNECT_TIMEOUT="0.5", CACHE_SOCKET_TIMEOUT="0.25"
    )["default"]["OPTIONS"]
    assert options == {
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.25,
        "IGNORE_EXCEPTIONS": True,
    }
    defaults = redis_cache(CLOSED_PORT)["default"]["OPTIONS"]
    assert defaults["SOCKET_CONNECT_TIMEOUT"] == defaults["SOCKET_TIMEOUT"] == 0.5


def test_postgresql_connection_and_email_have_timeouts():
    database, email = production_settings(
        "[settings.DATABASES['default']['OPTIONS'], settings.EMAIL_TIMEOUT]",
        DATABASE_URL="postgres://lhh@127.0.0.1:5432/lhh",
    )
    assert database["connect_timeout"] == 5
    assert email == 10


def test_pages_are_served_while_redis_is_down(client, settings, caplog):
    article = ArticleFactory(title="Hội thảo khoa học về cà phê Lâm Đồng")
    settings.CACHES = redis_cache(CLOSED_PORT)
    with caplog.at_level(logging.ERROR, logger="django_redis"):
        home = client.get("/")
        page = client.get(article.get_absolute_url())
    assert home.status_code == 200
    assert "Hội thảo khoa học về cà phê Lâm Đồng" in home.content.decode()
    assert page.status_code == 200
    assert "Hội thảo khoa học về cà phê Lâm Đồng" in page.content.decode()
    # Each failed call is logged, not raised.
    assert any(record.name.startswith("django_redis") for record in caplog.records)


def test_pages_are_served_within_the_timeouts_while_redis_hangs(client, settings, hung_redis):
    article = ArticleFactory(title="Hội thảo khoa học về cà phê Lâm Đồng")
    settings.CACHES = redis_cache(hung_redis, CACHE_SOCKET_TIMEOUT="0.1")
    started = time.monotonic()
    home = client.get("/")
    page = client.get(article.get_absolute_url())
    health = client.get("/healthz")
    elapsed = time.monotonic() - started
    assert (home.status_code, page.status_code, health.status_code) == (200, 200, 503)
    assert "Hội thảo khoa học về cà phê Lâm Đồng" in page.content.decode()
    assert health.json()["cache"] == "error"
    assert elapsed < 15, elapsed

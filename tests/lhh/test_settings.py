import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # Start from the machine's environment without the test values pytest-env set.
    test_values = {"SECRET_KEY", "DEBUG", "HTTPS", "STATIC_MANIFEST", "CACHE_URL"}
    test_values.add("DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in test_values}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DATABASE_URL": "sqlite:///:memory:", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "Chưa đặt SECRET_KEY" in result.stderr


def test_debug_without_secret_key_uses_a_fixed_development_key():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    assert "django-insecure-development-only" in result.stdout


def test_deploy_check_is_clean_with_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="lhhlamdong.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_is_on_by_default_in_production():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)",
        DEBUG="0",
        SECRET_KEY="x" * 60,
    )
    assert result.stdout.split() == ["True", "True", "True"]


def test_https_0_serves_plain_http_for_a_local_trial():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)",
        DEBUG="0",
        SECRET_KEY="x" * 60,
        HTTPS="0",
    )
    assert result.stdout.split() == ["False", "False"]


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True


def test_the_queue_on_redis_starts_with_its_timeouts():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from huey.contrib.djhuey import HUEY; "
        "kwargs = HUEY.storage.pool.connection_kwargs; "
        "print(type(HUEY).__name__, kwargs['db'], kwargs['socket_connect_timeout'], "
        "kwargs['socket_timeout'])",
        DEBUG="1",
        HUEY_URL="redis://127.0.0.1:6379/7",
        HUEY_IMMEDIATE="0",
        HUEY_SOCKET_TIMEOUT="4.5",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisHuey", "7", "1.0", "4.5"]

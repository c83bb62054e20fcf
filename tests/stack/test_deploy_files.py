"""The files deploy/ ships, checked by the tools a server runs them with:
the nginx site as `manage.py render_nginx` writes it (nginx -t, HTTPS and
plain HTTP), the systemd units (systemd-analyze verify), gunicorn's
settings, and the parts of deploy/install.sh that need no root."""

import io
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.stack.conftest import NGINX, nginx_main_conf, required, self_signed

pytestmark = pytest.mark.stack

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "deploy" / "install.sh"
# The trial of install.sh on a fresh Debian 12 (run by hand: docs/install.md,
# "Thử cài đặt").
TRY_INSTALL = ROOT / "deploy" / "tests" / "try-install.sh"
UNITS = sorted((ROOT / "deploy" / "systemd").iterdir())


def render(**options):
    out = io.StringIO()
    call_command("render_nginx", stdout=out, **options)
    return out.getvalue()


def nginx_test(tmp_path, site):
    required(NGINX, "nginx-light")
    conf = nginx_main_conf(tmp_path, site)
    return subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True
    )


def test_the_https_site_passes_nginx_t(tmp_path):
    site = render(
        domains=["lhhlamdong.vn", "www.lhhlamdong.vn"],
        certificates=str(self_signed(tmp_path)),
        cache_dir=str(tmp_path / "cache"),
    )
    assert "listen 443 ssl http2;" in site
    assert "server_name lhhlamdong.vn www.lhhlamdong.vn;" in site
    assert "return 301 https://$host$request_uri;" in site
    result = nginx_test(tmp_path, site)
    assert result.returncode == 0, result.stderr


def test_the_plain_http_site_passes_nginx_t_and_has_no_tls(tmp_path):
    site = render(
        domains=["192.168.1.10"],
        plain_http=True,
        cache_dir=str(tmp_path / "cache"),
        apps=["127.0.0.1:8000", "10.0.0.12:8000"],
    )
    assert "ssl" not in site and "Strict-Transport-Security" not in site
    assert "listen 80;" in site and "return 301" not in site
    assert "server 10.0.0.12:8000 max_fails=3 fail_timeout=10s;" in site
    result = nginx_test(tmp_path, site)
    assert result.returncode == 0, result.stderr


def test_the_site_serves_the_folders_and_location_django_uses(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "tep-tai-len"
    settings.STATIC_ROOT = tmp_path / "tinh"
    settings.MEDIA_ACCEL_REDIRECT = "/_tep-bao-ve/"
    site = render(domains=["lhhlamdong.vn"], plain_http=True)
    assert f"alias {tmp_path}/tep-tai-len/;" in site
    assert f"alias {tmp_path}/tinh/;" in site
    assert "location /_tep-bao-ve/ {" in site


def test_the_body_limit_lets_the_largest_upload_through(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 120 * 1024 * 1024
    site = render(domains=["lhhlamdong.vn"])
    limit = int(re.search(r"client_max_body_size (\d+)m;", site).group(1)) * 1024 * 1024
    assert limit >= settings.DOCUMENT_MAX_UPLOAD_SIZE + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert limit >= settings.IMAGE_MAX_UPLOAD_SIZE + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_hsts_from_nginx_is_djangos_own(settings):
    settings.SECURE_HSTS_SECONDS = 600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    site = render(domains=["lhhlamdong.vn"])
    assert 'Strict-Transport-Security "max-age=600" always;' in site
    assert "max-age=31536000; includeSubDomains" not in site


def test_a_bad_domain_or_app_address_is_refused():
    with pytest.raises(CommandError, match="Tên miền không hợp lệ"):
        render(domains=["lhh.vn; include /etc/passwd"])
    with pytest.raises(CommandError, match="Địa chỉ máy chủ ứng dụng không hợp lệ"):
        render(domains=["lhh.vn"], apps=["127.0.0.1:8000; evil"])


def test_the_systemd_units_pass_systemd_analyze(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze not installed")
    # The units name /srv/lhh: a copy points at a stand-in of that tree.
    app = tmp_path / "srv" / "app"
    (app / ".venv" / "bin").mkdir(parents=True)
    for program in ("python", "gunicorn"):
        (app / ".venv" / "bin" / program).symlink_to(sys.executable)
    (app / ".env").write_text("DEBUG=0\n")
    for unit in UNITS:
        (tmp_path / unit.name).write_text(
            unit.read_text().replace("/srv/lhh", str(tmp_path / "srv"))
        )
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / unit.name) for unit in UNITS)],
        capture_output=True,
        text=True,
    )
    # An unknown key or a bad value is a warning with status 0: none at all.
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_backup_timer_runs_at_night_in_vietnam():
    timer = (ROOT / "deploy" / "systemd" / "lhh-backup.timer").read_text()
    assert "OnCalendar=*-*-* 02:30:00 Asia/Ho_Chi_Minh" in timer
    assert "Persistent=true" in timer


def test_gunicorns_settings_load_with_their_defaults():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "--print-config",
            "lhh.wsgi",
        ],  # fmt: skip
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "GUNICORN_BIND": "127.0.0.1:8123"},
    )
    assert result.returncode == 0, result.stderr
    config = dict(re.findall(r"^(\w+)\s*=\s*(.*)$", result.stdout, re.MULTILINE))
    assert config["bind"] == "['127.0.0.1:8123']"
    assert config["timeout"] == "30" and config["graceful_timeout"] == "30"
    assert config["preload_app"] == "False"  # HUP loads the new code


@pytest.mark.parametrize("script", [INSTALL, TRY_INSTALL], ids=lambda path: path.name)
def test_deploy_scripts_pass_shellcheck(script):
    required("shellcheck", "shellcheck")
    result = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def install(*args):
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, timeout=60)


def test_install_sh_writes_an_env_the_site_starts_with(tmp_path):
    result = install("--print-env", "--domain", "lhhlamdong.vn", "--domain", "www.lhhlamdong.vn")
    assert result.returncode == 0, result.stderr
    values = dict(re.findall(r"^([A-Z_]+)=(.*)$", result.stdout, re.MULTILINE))
    assert values["ALLOWED_HOSTS"] == "lhhlamdong.vn,www.lhhlamdong.vn"
    assert values["CSRF_TRUSTED_ORIGINS"] == "https://lhhlamdong.vn,https://www.lhhlamdong.vn"
    assert len(values["SECRET_KEY"]) == 64
    assert values["BACKUP_BY_WORKER"] == "0"
    assert values["MEDIA_ACCEL_REDIRECT"] == "/_protected-media/"
    # Each install its own secrets.
    again = dict(re.findall(r"^([A-Z_]+)=(.*)$", install("--print-env", "--domain", "a.vn").stdout,
                            re.MULTILINE))  # fmt: skip
    assert again["SECRET_KEY"] != values["SECRET_KEY"]
    assert again["DATABASE_URL"] != values["DATABASE_URL"]
    # Django's deploy check finds nothing to warn about in it.
    test_values = ("DEBUG", "HTTPS", "STATIC_MANIFEST", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in test_values}
    env.update(values, DATABASE_URL="sqlite:///:memory:", STATIC_ROOT=str(tmp_path))
    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_install_sh_asks_for_what_it_needs_in_vietnamese():
    result = install("--domain", "lhhlamdong.vn")
    assert result.returncode == 1
    assert "cần --email" in result.stderr
    result = install("--print-env")
    assert "cần ít nhất một --domain" in result.stderr
    result = install("--print-env", "--domain", "lhh.vn/../x")
    assert "tên miền không hợp lệ" in result.stderr
    result = install("--khong-co")
    assert result.returncode == 2 and "Tùy chọn không rõ" in result.stderr


def test_install_sh_needs_root_for_the_real_work():
    if os.getuid() == 0:
        pytest.skip("runs as root here: the real install would start")
    result = install("--domain", "lhhlamdong.vn", "--plain-http")
    assert result.returncode == 1 and "quyền root" in result.stderr


def test_install_sh_installs_what_the_units_run():
    # A minimal Debian has no procps: without it `systemctl reload lhh-web`
    # (ExecReload=/bin/kill) fails (found by deploy/tests/try-install.sh).
    web = (ROOT / "deploy" / "systemd" / "lhh-web.service").read_text()
    assert "ExecReload=/bin/kill" in web
    packages = re.search(r"^PACKAGES=\(([^)]*)\)", INSTALL.read_text(), re.MULTILINE)
    assert "procps" in packages.group(1).split()


def test_the_workers_log_lines_reach_the_journal_once():
    # run_huey gives the "huey" logger a handler of its own unless it has one;
    # with the root's console handler too, every line was printed twice.
    huey_logger = logging.getLogger("huey")
    assert huey_logger.handlers and not huey_logger.propagate

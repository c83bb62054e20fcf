"""Print the nginx site (deploy/nginx/lhh.conf) with this site's values.

    manage.py render_nginx --domain lhhlamdong.vn --domain www.lhhlamdong.vn
    manage.py render_nginx --domain lhhlamdong.vn --plain-http

The shipped file is a working HTTPS site with example values; what differs
from one server to another is filled in from the settings the site itself
runs with (MEDIA_ROOT, STATIC_ROOT, MEDIA_ACCEL_REDIRECT, the upload limits,
the HSTS lifetime), so nginx and Django cannot disagree, and from the
options (domain, app servers, cache folder). Every value the shipped file
is expected to hold is checked to be there: an edit of the file that a
replacement would silently miss is an error, not a wrong config.

`--plain-http` is the same site on port 80 without TLS: the lines that end
in "# tls" are dropped and those that begin with "#plain " are uncommented.
`--standalone FOLDER` wraps the site into a whole nginx.conf of a private
nginx (tests, `make bench`).
"""

import math
import os
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

MIB = 1024 * 1024

# The shipped file's example values, each replaced by this site's.
DOMAIN = "lhh.example.vn"
APP = "    server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;\n"
CACHE_DIR = "/var/cache/nginx/lhh"
STATIC_ROOT = "/srv/lhh/static/"
MEDIA_ROOT = "/srv/lhh/media/"
MEDIA_LOCATION = "location /_protected-media/ {"
BODY_SIZE = "client_max_body_size 60m;"
HSTS = '"max-age=31536000; includeSubDomains"'
CERTIFICATES = "/etc/letsencrypt/live/lhh.example.vn/"
TLS_MARK = re.compile(r"\s+# tls\s*$")
PLAIN_MARK = "#plain "


def body_size_mib():
    """The largest request an upload form sends: its largest file and the
    rest of the form, in whole MiB."""
    largest_file = max(settings.DOCUMENT_MAX_UPLOAD_SIZE, settings.IMAGE_MAX_UPLOAD_SIZE)
    return math.ceil((largest_file + settings.DATA_UPLOAD_MAX_MEMORY_SIZE) / MIB)


def hsts_value():
    """Django's own Strict-Transport-Security, for what nginx sends itself
    (static files); None when the site sends none."""
    if not settings.SECURE_HSTS_SECONDS:
        return None
    parts = [f"max-age={settings.SECURE_HSTS_SECONDS}"]
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        parts.append("includeSubDomains")
    if settings.SECURE_HSTS_PRELOAD:
        parts.append("preload")
    return '"' + "; ".join(parts) + '"'


def standalone(site, prefix):
    """A whole nginx.conf around `site` that keeps every file it writes in
    `prefix`: a private nginx on loopback, for the stack tests and the
    benchmark (nginx -p PREFIX -c PREFIX/nginx.conf), never a server's."""
    prefix = Path(prefix)
    (prefix / "site.conf").write_text(site, encoding="utf-8")
    # Run by root, its workers read what the tests and the benchmark wrote
    # in folders only their owner may enter.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
"""


def folder(path):
    return str(path).rstrip("/") + "/"


def render(
    *,
    domains,
    apps=("127.0.0.1:8000",),
    plain_http=False,
    cache_dir=CACHE_DIR,
    certificates=None,
    address=None,
    http_port=80,
    https_port=443,
    template=None,
):
    """The site's nginx configuration, as text."""
    template = template or Path(settings.BASE_DIR) / "deploy" / "nginx" / "lhh.conf"
    text = template.read_text(encoding="utf-8")
    media_location = settings.MEDIA_ACCEL_REDIRECT or "/_protected-media/"
    if not media_location.startswith("/") or not media_location.endswith("/"):
        raise CommandError("MEDIA_ACCEL_REDIRECT phải là một đường dẫn bắt đầu và kết thúc bằng /.")
    if settings.STATIC_URL != "/static/":
        raise CommandError("Cấu hình nginx đi kèm phục vụ tệp tĩnh tại /static/ (STATIC_URL).")
    replacements = [
        (APP, "".join(APP.replace("127.0.0.1:8000", app) for app in apps)),
        (CACHE_DIR, cache_dir),
        (STATIC_ROOT, folder(settings.STATIC_ROOT)),
        (MEDIA_ROOT, folder(settings.MEDIA_ROOT)),
        (MEDIA_LOCATION, f"location {media_location} {{"),
        (BODY_SIZE, f"client_max_body_size {body_size_mib()}m;"),
        (CERTIFICATES, folder(certificates or f"/etc/letsencrypt/live/{domains[0]}")),
        (f"server_name {DOMAIN};", f"server_name {' '.join(domains)};"),
    ]
    for shipped, value in replacements:
        if shipped not in text:
            raise CommandError(f"{template} không còn chứa «{shipped.strip()}»: sửa render_nginx.")
        text = text.replace(shipped, value)
    hsts = hsts_value()
    lines = []
    for line in text.splitlines():
        if plain_http and TLS_MARK.search(line):
            continue
        if line.lstrip().startswith(PLAIN_MARK):
            if not plain_http:
                continue
            line = line.replace(PLAIN_MARK, "", 1)
        if "Strict-Transport-Security" in line:
            if hsts is None:
                continue
            line = line.replace(HSTS, hsts)
        if address is not None and re.match(r"\s*listen \[::\]:", line):
            continue
        if address is not None:
            line = re.sub(r"listen 80;", f"listen {address}:{http_port};", line)
            line = re.sub(r"listen 443 ", f"listen {address}:{https_port} ", line)
        lines.append(TLS_MARK.sub("", line))
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "In cấu hình nginx của cổng thông tin, với thư mục và giới hạn của chính trang này."

    def add_arguments(self, parser):
        parser.add_argument(
            "--domain",
            action="append",
            dest="domains",
            help="Tên miền của trang (lặp lại cho tên thứ hai, ví dụ www.); "
            "mặc định: ALLOWED_HOSTS.",
        )
        parser.add_argument(
            "--app",
            action="append",
            dest="apps",
            help="Địa chỉ gunicorn, HOST:PORT (lặp lại cho mỗi máy chủ ứng dụng); "
            "mặc định 127.0.0.1:8000.",
        )
        parser.add_argument(
            "--plain-http",
            action="store_true",
            help="Chỉ HTTP ở cổng 80, không TLS (trước khi có chứng chỉ, thử trong mạng nội bộ).",
        )
        parser.add_argument("--cache-dir", default=CACHE_DIR, help="Thư mục bộ nhớ đệm của nginx.")
        parser.add_argument(
            "--certificates",
            help="Thư mục chứa fullchain.pem và privkey.pem; "
            "mặc định /etc/letsencrypt/live/<tên miền>.",
        )
        parser.add_argument(
            "--address", help="Chỉ lắng nghe ở địa chỉ này (IPv4), thay cho mọi địa chỉ."
        )
        parser.add_argument("--http-port", type=int, default=80)
        parser.add_argument("--https-port", type=int, default=443)
        parser.add_argument("--output", help="Ghi vào tệp này thay vì in ra.")
        parser.add_argument(
            "--standalone",
            metavar="THU_MUC",
            help="Viết một nginx.conf trọn vẹn, mọi tệp nginx ghi nằm trong thư mục này "
            "(cho kiểm thử và đo hiệu năng; không dùng cho máy chủ).",
        )

    def handle(self, *args, **options):
        domains = options["domains"] or [
            host.lstrip(".")
            for host in settings.ALLOWED_HOSTS
            if host not in ("*", "localhost", "127.0.0.1", "[::1]")
        ]
        if not domains:
            raise CommandError("Chưa có tên miền: dùng --domain hoặc đặt ALLOWED_HOSTS.")
        for domain in domains:
            if not re.fullmatch(r"[A-Za-z0-9.-]+", domain):
                raise CommandError(f"Tên miền không hợp lệ: {domain}")
        for app in options["apps"] or []:
            if not re.fullmatch(r"[A-Za-z0-9.\-\[\]:]+:\d+|unix:/[\w./-]+", app):
                raise CommandError(f"Địa chỉ máy chủ ứng dụng không hợp lệ: {app}")
        text = render(
            domains=domains,
            apps=options["apps"] or ("127.0.0.1:8000",),
            plain_http=options["plain_http"],
            cache_dir=options["cache_dir"],
            certificates=options["certificates"],
            address=options["address"],
            http_port=options["http_port"],
            https_port=options["https_port"],
        )
        if options["standalone"]:
            text = standalone(text, options["standalone"])
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")

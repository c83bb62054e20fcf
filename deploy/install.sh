#!/usr/bin/env bash
# Takes a fresh Debian 12 server to a running portal behind nginx, with its
# worker and timers (docs/install.md walks through it step by step):
#
#   git clone <the portal's repository> /srv/lhh/app
#   /srv/lhh/app/deploy/install.sh --domain lhhlamdong.vn --domain www.lhhlamdong.vn \
#       --email it@lhhlamdong.vn
#
# As root. Running it again is safe and is how an upgrade is finished (after
# `git pull`): .env, the database and the certificate are kept; packages,
# migrations, translations, static files, units and the nginx site are
# brought up to date, gunicorn reloads without dropping a request.
#
#   --plain-http        no certificate, plain HTTP on port 80 (a trial on a
#                       local network; --domain may then be the server's IP)
#   --smtp URL          outgoing mail (EMAIL_URL), e.g.
#                       smtp+tls://user:password@mail.example.vn:587
#   --print-env         print the .env a new install would write, and stop
#                       (needs no root, changes nothing)
#   --no-packages       skip apt-get (the packages are there already)
set -euo pipefail

ROOT=/srv/lhh
APP=$ROOT/app
USER_NAME=lhh
DB_NAME=lhh
ACME_ROOT=/var/www/letsencrypt
SITE=/etc/nginx/sites-available/lhh
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
# procps: /bin/kill, which lhh-web.service's reload sends HUP with (a minimal
# Debian has no procps).
PACKAGES=(python3 python3-venv git nginx postgresql postgresql-client redis-server
          gettext curl ca-certificates procps)

DOMAINS=()
EMAIL=""
PLAIN_HTTP=0
PRINT_ENV=0
INSTALL_PACKAGES=1
SMTP="smtp://127.0.0.1:25"

say() { printf '\n== %s\n' "$*"; }
die() { printf 'Lỗi: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
  exit "${1:-0}"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --domain) [ $# -ge 2 ] || die "--domain cần một tên miền."; DOMAINS+=("$2"); shift 2 ;;
      --email) [ $# -ge 2 ] || die "--email cần một địa chỉ."; EMAIL=$2; shift 2 ;;
      --smtp) [ $# -ge 2 ] || die "--smtp cần một địa chỉ máy chủ thư."; SMTP=$2; shift 2 ;;
      --plain-http) PLAIN_HTTP=1; shift ;;
      --print-env) PRINT_ENV=1; shift ;;
      --no-packages) INSTALL_PACKAGES=0; shift ;;
      -h|--help) usage 0 ;;
      *) printf 'Tùy chọn không rõ: %s\n\n' "$1" >&2; usage 2 ;;
    esac
  done
  [ ${#DOMAINS[@]} -gt 0 ] || die "cần ít nhất một --domain (tên miền của trang)."
  local domain
  for domain in "${DOMAINS[@]}"; do
    [[ $domain =~ ^[A-Za-z0-9.-]+$ ]] || die "tên miền không hợp lệ: $domain"
  done
  if [ "$PLAIN_HTTP" = 0 ] && [ "$PRINT_ENV" = 0 ] && [ -z "$EMAIL" ]; then
    die "cần --email (Let's Encrypt báo về chứng chỉ sắp hết hạn), hoặc --plain-http."
  fi
}

# A random string of letters and digits, from the kernel (no package needed).
random_string() {
  local length=$1 out=""
  while [ ${#out} -lt "$length" ]; do
    out+=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${out:0:$length}"
}

join_by() {
  local separator=$1 first=$2
  shift 2
  printf '%s' "$first" "${@/#/$separator}"
}

# The .env of a new install: every other value keeps its default
# (.env.example explains each one).
new_env() {
  local scheme=https https=1
  if [ "$PLAIN_HTTP" = 1 ]; then scheme=http https=0; fi
  local origins=("${DOMAINS[@]/#/$scheme://}")
  cat <<EOF
# Written by deploy/install.sh on $(date -u +%Y-%m-%d). .env.example explains
# every setting; after a change: systemctl restart lhh-web lhh-worker
DEBUG=0
SECRET_KEY=$(random_string 64)
ALLOWED_HOSTS=$(join_by , "${DOMAINS[@]}")
CSRF_TRUSTED_ORIGINS=$(join_by , "${origins[@]}")
HTTPS=$https
DATABASE_URL=postgres://$USER_NAME:$(random_string 32)@127.0.0.1:5432/$DB_NAME
CACHE_URL=redis://127.0.0.1:6379/1
HUEY_URL=redis://127.0.0.1:6379/2
# Outgoing mail. Until a real server is set here, emails wait in the outbox
# (Thư đi) and are retried; none is lost.
EMAIL_URL=$SMTP
DEFAULT_FROM_EMAIL=noreply@${DOMAINS[0]}
SERVER_EMAIL=noreply@${DOMAINS[0]}
MEDIA_ROOT=$ROOT/media
MEDIA_ACCEL_REDIRECT=/_protected-media/
STATIC_ROOT=$ROOT/static
BACKUP_DIR=$ROOT/backups
# The nightly backup is started by lhh-backup.timer, not by the worker.
BACKUP_BY_WORKER=0
PROXY_COUNT=1
TRUSTED_PROXIES=127.0.0.1,::1
EOF
}

env_value() {
  sed -n "s/^$1=//p" "$APP/.env" | tail -n 1
}

# Django's own commands, as the site's user (only what it may write).
manage() {
  (cd "$APP" && runuser -u "$USER_NAME" -- .venv/bin/python manage.py "$@")
}

# The commands that write into the code's folders (translations, static).
manage_as_root() {
  (cd "$APP" && .venv/bin/python manage.py "$@")
}

install_packages() {
  say "Gói phần mềm của Debian"
  local packages=("${PACKAGES[@]}")
  [ "$PLAIN_HTTP" = 1 ] || packages+=(certbot)
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
}

make_user_and_folders() {
  say "Người dùng $USER_NAME và các thư mục trong $ROOT"
  if ! id "$USER_NAME" >/dev/null 2>&1; then
    adduser --system --group --home "$ROOT" --no-create-home \
      --shell /usr/sbin/nologin "$USER_NAME"
  fi
  install -d -m 755 "$ROOT" "$ROOT/static" "$ACME_ROOT"
  # Uploads are read by nginx (www-data); backups hold personal data.
  install -d -m 755 -o "$USER_NAME" -g "$USER_NAME" "$ROOT/media" "$ROOT/var"
  install -d -m 750 -o "$USER_NAME" -g "$USER_NAME" "$ROOT/backups"
}

make_venv() {
  say "Môi trường Python từ requirements.lock (mỗi gói kiểm tra bằng mã băm)"
  [ -x "$APP/.venv/bin/python" ] || python3 -m venv "$APP/.venv"
  # The server's own certificate store, not pip's copy: a proxy that
  # inspects HTTPS is trusted once, for apt, curl, certbot and pip alike
  # (its certificate in /usr/local/share/ca-certificates, docs/install.md).
  local cert=()
  [ ! -f "$CA_BUNDLE" ] || cert=(--cert "$CA_BUNDLE")
  "$APP/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "${cert[@]}" --require-hashes -r "$APP/requirements.lock"
}

write_env() {
  if [ -f "$APP/.env" ]; then
    say "Giữ nguyên $APP/.env"
    if [ "$PLAIN_HTTP" = 0 ] && [ "$(env_value HTTPS)" = 0 ]; then
      printf 'Chú ý: .env có HTTPS=0 (cài lần trước bằng --plain-http): đặt HTTPS=1 và CSRF_TRUSTED_ORIGINS=https://… trong %s.\n' "$APP/.env" >&2
    fi
  else
    say "Tạo $APP/.env"
    (umask 027 && new_env >"$APP/.env")
  fi
  chown root:"$USER_NAME" "$APP/.env"
  chmod 640 "$APP/.env"
}

make_database() {
  say "Cơ sở dữ liệu PostgreSQL"
  systemctl enable --now postgresql
  local password
  password=$(env_value DATABASE_URL | sed -n "s#^postgres://$USER_NAME:\([^@]*\)@127\.0\.0\.1.*#\1#p")
  if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'" \
      | grep -q 1; then
    [ -n "$password" ] || die "DATABASE_URL trong .env không theo mẫu postgres://$USER_NAME:…@127.0.0.1: tạo người dùng PostgreSQL bằng tay."
    runuser -u postgres -- psql -q -c "CREATE ROLE $USER_NAME LOGIN PASSWORD '$password'"
  fi
  if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" \
      | grep -q 1; then
    runuser -u postgres -- createdb -O "$USER_NAME" -E UTF8 -T template0 "$DB_NAME"
  fi
  systemctl enable --now redis-server
}

prepare_site() {
  say "Cập nhật cơ sở dữ liệu, bản dịch, tệp tĩnh"
  manage migrate --noinput
  manage_as_root compilemessages --ignore .venv --verbosity 0
  manage_as_root collectstatic --noinput --verbosity 0
  manage check --deploy --fail-level ERROR
}

install_units() {
  say "Dịch vụ systemd: lhh-web, lhh-worker, lhh-backup.timer"
  local unit
  for unit in lhh-web.service lhh-worker.service lhh-backup.service lhh-backup.timer; do
    install -m 644 "$APP/deploy/systemd/$unit" /etc/systemd/system/
  done
  systemctl daemon-reload
  systemctl enable --now lhh-web lhh-worker lhh-backup.timer
  # Already running (a second run, an upgrade): the new code, gracefully.
  systemctl reload lhh-web
  systemctl restart lhh-worker
}

render_site() {
  # The page cache's folder (proxy_cache_path /var/cache/nginx/lhh): nginx
  # makes the last level itself, Debian's package does not make this one.
  install -d -m 755 /var/cache/nginx
  manage render_nginx "${DOMAINS[@]/#/--domain=}" "$@" >"$SITE.new"
  mv "$SITE.new" "$SITE"
  ln -sf "$SITE" /etc/nginx/sites-enabled/lhh
  rm -f /etc/nginx/sites-enabled/default
  nginx -t
  systemctl enable nginx
  systemctl reload-or-restart nginx
}

configure_nginx() {
  say "nginx"
  if [ "$PLAIN_HTTP" = 1 ]; then
    render_site --plain-http
    return
  fi
  local live="/etc/letsencrypt/live/${DOMAINS[0]}"
  if [ ! -f "$live/fullchain.pem" ]; then
    # Plain HTTP first: Let's Encrypt checks the domain through it.
    render_site --plain-http
    say "Chứng chỉ Let's Encrypt cho ${DOMAINS[*]}"
    certbot certonly --webroot -w "$ACME_ROOT" "${DOMAINS[@]/#/--domain=}" \
      --email "$EMAIL" --agree-tos --non-interactive --cert-name "${DOMAINS[0]}"
  fi
  # certbot.timer (Debian's) renews; nginx then reads the new certificate.
  install -d /etc/letsencrypt/renewal-hooks/deploy
  printf '#!/bin/sh\nsystemctl reload nginx\n' >/etc/letsencrypt/renewal-hooks/deploy/reload-nginx
  chmod 755 /etc/letsencrypt/renewal-hooks/deploy/reload-nginx
  render_site
}

check_site() {
  say "Kiểm tra /healthz qua nginx"
  local url="http://${DOMAINS[0]}/healthz" resolve=("${DOMAINS[0]}:80:127.0.0.1")
  if [ "$PLAIN_HTTP" = 0 ]; then
    url="https://${DOMAINS[0]}/healthz" resolve=("${DOMAINS[0]}:443:127.0.0.1")
  fi
  local try
  for try in $(seq 1 30); do
    # Straight to this server's nginx, never through an http_proxy.
    if curl -fsS --noproxy '*' --max-time 10 --resolve "${resolve[0]}" "$url"; then
      printf '\n'
      return 0
    fi
    [ "$try" = 30 ] || sleep 2
  done
  die "/healthz chưa trả lời 200: xem journalctl -u lhh-web -u lhh-worker."
}

main() {
  parse_args "$@"
  if [ "$PRINT_ENV" = 1 ]; then
    new_env
    return 0
  fi
  [ "$(id -u)" = 0 ] || die "chạy bằng quyền root (su - rồi chạy lại, hoặc sudo $0 …)."
  [ -f /etc/debian_version ] || die "tập lệnh này dành cho Debian 12."
  [ -f "$APP/manage.py" ] || die "không thấy mã nguồn ở $APP (git clone … $APP trước)."
  [ "$INSTALL_PACKAGES" = 0 ] || install_packages
  make_user_and_folders
  make_venv
  write_env
  make_database
  prepare_site
  install_units
  configure_nginx
  check_site
  local scheme=https
  [ "$PLAIN_HTTP" = 0 ] || scheme=http
  cat <<EOF

Cổng thông tin đang chạy tại $scheme://${DOMAINS[0]}/

Việc còn lại:
  - tạo tài khoản quản trị:
      cd $APP && runuser -u $USER_NAME -- .venv/bin/python manage.py createsuperuser
  - đặt máy chủ thư (EMAIL_URL) trong $APP/.env nếu chưa đặt, rồi
      systemctl restart lhh-web lhh-worker
  - chép thư mục $ROOT/backups sang một máy khác mỗi ngày (docs/install.md).
EOF
}

main "$@"

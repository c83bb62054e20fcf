#!/usr/bin/env bash
# A trial of deploy/install.sh on a fresh Debian 12, end to end, on this
# machine (docs/install.md, "Thử cài đặt"). Run by hand, as root, on a Debian
# or Ubuntu host: it takes 10-20 minutes and downloads a few hundred MB, too
# slow for CI (CI checks the same pieces one by one in tests/stack).
#
#   deploy/tests/try-install.sh            # the trial, then stop the system
#   deploy/tests/try-install.sh --keep     # leave it running to look around
#
# 1. A minimal Debian 12 (debootstrap --variant=minbase, plus systemd) is
#    built once in $WORK/base and copied fresh into $WORK/root for each run.
# 2. That copy boots systemd as its PID 1 in namespaces of its own (PID,
#    mount, UTS, IPC and network): its nginx, PostgreSQL and Redis take
#    ports 80, 5432 and 6379 on its own loopback without meeting the host's.
#    Its only way out is an HTTP proxy on the host end of a veth pair
#    (deploy/tests/http_proxy.py): a server behind a proxy, the case
#    docs/install.md describes.
# 3. The code (git archive of --ref, HEAD by default) goes to /srv/lhh/app
#    and install.sh runs as docs/install.md says, with --plain-http and the
#    domain lhh.example (in the trial's /etc/hosts).
# 4. The checks, each printed PASS or FAIL: the units, pages, /healthz,
#    static files, nginx's cache, an admin login, the backup and a restore
#    as docs/install.md describes it, a second install.sh run (an upgrade).
#
#   --ref REF           what to install (a commit, branch or tag; default HEAD)
#   --work DIR          where the root filesystems live (default /var/tmp/lhh-try)
#   --rebuild-base      build the minimal Debian again (new packages)
#   --boot-only         boot a fresh copy and stop there (implies --keep)
#   --keep              do not stop the trial system at the end; enter it with
#                       nsenter -t <pid> -a -r -w bash (the pid is printed)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=/var/tmp/lhh-try
REF=HEAD
REBUILD_BASE=0
KEEP=0
BOOT_ONLY=0
DOMAIN=lhh.example
MIRROR=http://deb.debian.org/debian
# The veth pair: the host's end carries the proxy.
HOST_IF=lhhtry0
GUEST_IF=lhhtry1
HOST_IP=10.218.77.1
GUEST_IP=10.218.77.2
PROXY_PORT=3128
ADMIN_USER=quantri
ADMIN_PASSWORD="Thu-cai-dat-$RANDOM$RANDOM"

PID1=""
PROXY_PID=""
UNSHARE_PID=""
PASSED=0
FAILED=0

say() { printf '\n== %s\n' "$*"; }
die() { printf 'try-install: %s\n' "$*" >&2; exit 2; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
  exit "${1:-0}"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --ref) [ $# -ge 2 ] || die "--ref needs a value"; REF=$2; shift 2 ;;
    --work) [ $# -ge 2 ] || die "--work needs a value"; WORK=$2; shift 2 ;;
    --rebuild-base) REBUILD_BASE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --boot-only) BOOT_ONLY=1; KEEP=1; shift ;;
    -h|--help) usage 0 ;;
    *) printf 'unknown option: %s\n\n' "$1" >&2; usage 2 ;;
  esac
done

BASE=$WORK/base
ROOT=$WORK/root
LOG=$WORK/log

[ "$(id -u)" = 0 ] || die "run as root"
for tool in debootstrap unshare nsenter chroot ip python3 git curl; do
  command -v "$tool" >/dev/null || die "needs $tool (apt-get install debootstrap iproute2 util-linux python3 git curl)"
done
mkdir -p "$WORK" "$LOG"

# --- the trial system --------------------------------------------------------

build_base() {
  if [ "$REBUILD_BASE" = 0 ] && [ -f "$BASE/.complete" ]; then
    return
  fi
  say "Building a minimal Debian 12 in $BASE (once)"
  rm -rf "$BASE" "$BASE.new"
  # What a fresh server from a minimal image has: systemd as init, no sudo,
  # no Python, no curl, no procps.
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus \
    bookworm "$BASE.new" "$MIRROR" >"$LOG/debootstrap.log" 2>&1 \
    || die "debootstrap failed: $LOG/debootstrap.log"
  rm -rf "$BASE.new/var/cache/apt/archives/"*.deb
  mv "$BASE.new" "$BASE"
  touch "$BASE/.complete"
}

fresh_root() {
  say "A fresh copy in $ROOT, the code of $REF in /srv/lhh/app"
  rm -rf "$ROOT"
  cp -a "$BASE" "$ROOT"
  rm -f "$ROOT/.complete"
  echo lhh-trial >"$ROOT/etc/hostname"
  # The domain's DNS record, as far as this server is concerned.
  printf '127.0.0.1 localhost\n127.0.1.1 lhh-trial\n127.0.0.1 %s\n::1 localhost\n' \
    "$DOMAIN" >"$ROOT/etc/hosts"
  : >"$ROOT/etc/machine-id"
  # A host whose way out inspects HTTPS trusts that proxy's certificate:
  # the trial's server gets it where docs/install.md says to put it.
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/" \
    2>/dev/null || true
  mkdir -p "$ROOT/srv/lhh/app"
  git -C "$REPO" archive "$REF" | tar -x -C "$ROOT/srv/lhh/app"
}

start_proxy() {
  ip link del "$HOST_IF" 2>/dev/null || true
  ip link add "$HOST_IF" type veth peer name "$GUEST_IF"
  ip addr add "$HOST_IP/30" dev "$HOST_IF"
  ip link set "$HOST_IF" up
  python3 "$HERE/http_proxy.py" "$HOST_IP" "$PROXY_PORT" >"$LOG/proxy.log" 2>&1 &
  PROXY_PID=$!
}

boot() {
  say "Booting systemd in the trial's own namespaces"
  # The root must be a mount point of its own (pivot_root, as
  # systemd-nspawn does, not chroot): systemd builds each service's
  # sandbox (ProtectSystem=, PrivateDevices=…) from it, and fails with
  # "Failed to set up mount namespacing" under a plain chroot. PID 1 is
  # systemd; `container=` tells it it is one (no hardware to set up).
  # shellcheck disable=SC2016  # $1 and $root belong to the inner bash
  unshare --pid --fork --mount --uts --ipc --net --propagation private \
    bash -c '
      set -e
      root=$1
      mount --bind "$root" "$root"
      mount -t proc proc "$root/proc"
      mount --bind /dev "$root/dev"
      mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
      mount -t tmpfs -o mode=755 tmpfs "$root/run"
      mount -t sysfs sysfs "$root/sys"
      hostname lhh-trial
      cd "$root"
      pivot_root . mnt
      umount -l /mnt
      exec env -i container=lhh-try /lib/systemd/systemd --system
    ' boot "$ROOT" </dev/null >"$LOG/systemd.log" 2>&1 &
  UNSHARE_PID=$!
  for _ in $(seq 1 50); do
    PID1=$(ps -o pid= --ppid "$UNSHARE_PID" | tr -d ' ' || true)
    if [ -n "$PID1" ] && [ "$(cat "/proc/$PID1/comm" 2>/dev/null)" = systemd ]; then
      break
    fi
    PID1=""
    sleep 0.2
  done
  [ -n "$PID1" ] || die "systemd did not start: $LOG/systemd.log"
  ip link set "$GUEST_IF" netns "$PID1"
  nsenter -t "$PID1" -n ip link set lo up
  nsenter -t "$PID1" -n ip addr add "$GUEST_IP/30" dev "$GUEST_IF"
  nsenter -t "$PID1" -n ip link set "$GUEST_IF" up
  local state
  state=$(inside timeout 120 systemctl is-system-running --wait || true)
  printf 'systemd: %s (pid %s on the host)\n' "$state" "$PID1"
  inside systemctl --failed --no-legend --plain --no-pager || true
}

# A command inside the trial, as root, with a clean environment and the
# proxy an IT person behind one would export.
inside() {
  nsenter -t "$PID1" -a -r -w \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb \
    http_proxy="http://$HOST_IP:$PROXY_PORT" https_proxy="http://$HOST_IP:$PROXY_PORT" \
    "$@"
}

inside_sh() {
  inside bash -c "$1"
}

stop() {
  if [ -n "$PID1" ] && [ "$KEEP" = 1 ]; then
    printf '\nThe trial keeps running. Enter it: nsenter -t %s -a -r -w bash\n' "$PID1"
    printf 'Stop it: kill -s RTMIN+4 %s; kill %s; ip link del %s\n' "$PID1" "$PROXY_PID" "$HOST_IF"
    return
  fi
  if [ -n "$PID1" ] && kill -0 "$PID1" 2>/dev/null; then
    # systemd's own signal for "power off" (no logind, no D-Bus needed).
    kill -s RTMIN+4 "$PID1" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$PID1" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$PID1" 2>/dev/null || true
  fi
  [ -z "$UNSHARE_PID" ] || wait "$UNSHARE_PID" 2>/dev/null || true
  [ -z "$PROXY_PID" ] || kill "$PROXY_PID" 2>/dev/null || true
  ip link del "$HOST_IF" 2>/dev/null || true
}

# --- checks ------------------------------------------------------------------

# Each check is a function that returns non-zero on a failure. They run
# under `if`, where set -e does not apply: every step says `|| return 1`.
# No `cmd | grep -q`: grep stops early, cmd dies of SIGPIPE, and pipefail
# turns a match into a failure.
check() {
  local name=$1
  shift
  if "$@" >>"$LOG/checks.log" 2>&1; then
    printf 'PASS  %s\n' "$name"
    PASSED=$((PASSED + 1))
  else
    printf 'FAIL  %s   (%s)\n' "$name" "$LOG/checks.log"
    FAILED=$((FAILED + 1))
  fi
}

# curl inside, through nginx, never through the proxy.
get() {
  inside curl --noproxy '*' -sS --max-time 20 "$@"
}

status_of() {
  get -o /dev/null -w '%{http_code}' "$@"
}

units_active() {
  # One by one: `systemctl is-active a b` succeeds when any one is active.
  local unit failed=0
  for unit in nginx postgresql redis-server lhh-web lhh-worker lhh-backup.timer; do
    printf '%s: ' "$unit"
    inside systemctl is-active "$unit" || failed=1
  done
  [ "$failed" = 0 ]
}

home_page() {
  local page
  [ "$(status_of "http://$DOMAIN/")" = 200 ] || return 1
  page=$(get "http://$DOMAIN/") || return 1
  # The portal's page, not nginx's welcome page.
  grep -q '<html lang="vi"' <<<"$page" && grep -q '</html>' <<<"$page"
}

healthz_ok() {
  local body
  body=$(get "http://$DOMAIN/healthz") || return 1
  printf '%s\n' "$body"
  grep -q '"status": "ok"' <<<"$body" \
    && grep -q '"worker": "ok"' <<<"$body"
}

static_file() {
  local path
  path=$(get "http://$DOMAIN/" | grep -o '/static/[^"]*\.css' | sed -n 1p) || return 1
  [ -n "$path" ] || return 1
  get -D - -o /dev/null "http://$DOMAIN$path" | tee /dev/stderr \
    | grep -i '^cache-control: public, max-age=31536000, immutable' >/dev/null
}

nginx_cache_hit() {
  get -o /dev/null "http://$DOMAIN/tin-tuc/" || return 1
  get -D - -o /dev/null "http://$DOMAIN/tin-tuc/" | tee /dev/stderr | grep -i '^x-cache: HIT' >/dev/null
}

admin_login() {
  inside_sh "cd /srv/lhh/app && DJANGO_SUPERUSER_PASSWORD='$ADMIN_PASSWORD' \
    runuser -u lhh -- .venv/bin/python manage.py createsuperuser --noinput \
    --username $ADMIN_USER --email it@$DOMAIN" || return 1
  inside_sh "
    set -e
    jar=\$(mktemp)
    curl() { command curl --noproxy '*' -sS --max-time 20 -b \"\$jar\" -c \"\$jar\" \"\$@\"; }
    token=\$(curl http://$DOMAIN/admin/login/ | grep -o 'name=\"csrfmiddlewaretoken\" value=\"[^\"]*' | sed 's/.*value=\"//')
    [ -n \"\$token\" ]
    code=\$(curl -o /dev/null -w '%{http_code} %{redirect_url}' \
      -H 'Referer: http://$DOMAIN/admin/login/' \
      --data-urlencode csrfmiddlewaretoken=\"\$token\" \
      --data-urlencode username=$ADMIN_USER --data-urlencode password='$ADMIN_PASSWORD' \
      --data-urlencode next=/admin/ http://$DOMAIN/admin/login/)
    echo \"login: \$code\"
    [ \"\$code\" = '302 http://$DOMAIN/admin/' ]
    curl http://$DOMAIN/admin/ | grep -q 'Đăng xuất'
  "
}

worker_log_once() {
  # Each line of the worker's log is in the journal once, not twice.
  local lines
  lines=$(inside journalctl -u lhh-worker -o cat --no-pager) || return 1
  printf '%s\n' "$lines" | tail -n 20
  [ "$(printf '%s\n' "$lines" | grep -c 'Huey consumer started')" = 1 ] || return 1
  [ -z "$(printf '%s\n' "$lines" | grep -v '^$' | uniq -d)" ]
}

BACKUP=""
backup_runs() {
  inside systemctl start lhh-backup || return 1
  [ "$(inside systemctl show -p Result --value lhh-backup)" = success ] || return 1
  BACKUP=$(inside_sh 'ls -1t /srv/lhh/backups/lhh-backup-*.tar.gz | head -n 1') || return 1
  [ -n "$BACKUP" ] || return 1
  inside stat -c '%a %U:%G %n' "$BACKUP" || return 1
  [ "$(inside stat -c '%a %U' "$BACKUP")" = "640 lhh" ]
}

# Every table of the site's database and its row count.
row_counts() {
  inside bash -s <<'EOF'
set -e
sql() { runuser -u postgres -- psql -tA -d lhh -c "$1"; }
for table in $(sql "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
  printf '%s %s\n' "$table" "$(sql "SELECT count(*) FROM \"$table\"")"
done
EOF
}

restore_works() {
  [ -n "$BACKUP" ] || return 1
  row_counts >"$LOG/rows-before" || return 1
  # docs/install.md, "Khôi phục": the same commands, the trial's archive.
  inside bash -s -- "$BACKUP" <<'EOF' || return 1
set -eux
archive=$1
systemctl stop lhh-web lhh-worker
runuser -u postgres -- dropdb lhh
runuser -u postgres -- createdb -O lhh -E UTF8 -T template0 lhh
find /srv/lhh/media -mindepth 1 -delete
cd /srv/lhh/app && runuser -u lhh -- .venv/bin/python manage.py restore "$archive"
systemctl start lhh-web lhh-worker
EOF
  row_counts >"$LOG/rows-after" || return 1
  printf 'tables: %s\n' "$(wc -l <"$LOG/rows-after")"
  diff "$LOG/rows-before" "$LOG/rows-after" || return 1
  sleep 5
  home_page && healthz_ok
}

install_again() {
  inside /srv/lhh/app/deploy/install.sh --domain "$DOMAIN" --plain-http \
    >"$LOG/install-again.log" 2>&1 || { tail -n 30 "$LOG/install-again.log"; return 1; }
  healthz_ok
}

# --- the trial ---------------------------------------------------------------

trap stop EXIT
: >"$LOG/checks.log"
build_base
fresh_root
start_proxy
boot
[ "$BOOT_ONLY" = 0 ] || exit 0

say "Following docs/install.md (log: $LOG/install.log)"
started=$(date +%s)
if inside_sh "apt-get update -qq && apt-get install -y -qq git >/dev/null \
    && /srv/lhh/app/deploy/install.sh --domain $DOMAIN --plain-http" \
    >"$LOG/install.log" 2>&1; then
  install_ok=1
else
  install_ok=0
  tail -n 40 "$LOG/install.log"
fi
printf 'install.sh took %s s\n' "$(($(date +%s) - started))"

say "Checks"
check "install.sh finishes without an error" [ "$install_ok" = 1 ]
check "units active: nginx postgresql redis-server lhh-web lhh-worker lhh-backup.timer" units_active
check "home page through nginx: 200" home_page
check "/healthz through nginx: 200, worker ok" healthz_ok
check "a static file, hashed name, kept a year" static_file
check "nginx keeps an anonymous page (X-Cache: HIT)" nginx_cache_hit
check "admin login (createsuperuser, then the login form)" admin_login
check "the worker's log lines are in the journal once" worker_log_once
inside_sh "cd /srv/lhh/app && runuser -u lhh -- .venv/bin/python manage.py seed_demo" \
  >>"$LOG/checks.log" 2>&1 || true
check "lhh-backup.service writes an archive, mode 640" backup_runs
check "the archive restores into an empty database and folder" restore_works
check "install.sh again (an upgrade) keeps the site running" install_again

printf '\n%s passed, %s failed\n' "$PASSED" "$FAILED"
[ "$FAILED" = 0 ]

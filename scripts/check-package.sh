#!/usr/bin/env bash
# Installs the built Debian package on this machine and checks it from the installed files only:
# package metadata, user/config/state ownership, desktop metadata, `leadline --headless
# --version`, then a headless start as the leadline user (the service's environment, a free
# port, a throw-away SQLite file) until /health answers 200, an API token made with the CLI
# accepted over REST, a clean stop on SIGTERM, and the embedded database's default place
# (/var/lib/leadline). Any failure exits non-zero.
# Usage: scripts/check-package.sh [build-dir]   (default ./build; needs root for apt-get)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-build}"
shopt -s nullglob
debs=("$BUILD_DIR"/leadline_*.deb)
[ ${#debs[@]} -eq 1 ] || { echo "check-package: expected one $BUILD_DIR/leadline_*.deb, found ${#debs[@]} (run scripts/package.sh)" >&2; exit 1; }
deb=$(realpath "${debs[0]}")
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
fail() { echo "check-package: FAIL: $*" >&2; exit 1; }
step() { echo "check-package: $*"; }

step "installing $deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null 2>"${TMPDIR:-/tmp}/leadline-apt.log" \
  || { cat "${TMPDIR:-/tmp}/leadline-apt.log" >&2; fail "apt-get install failed"; }
dpkg-query -W -f='${Status} ${Version}\n' leadline | grep -q "install ok installed" || fail "package not installed"
[ -x /usr/bin/leadline ] || fail "/usr/bin/leadline missing"
getent passwd leadline >/dev/null || fail "system user leadline missing"
[ "$(stat -c '%a %U %G' /etc/leadline/leadline.conf)" = "640 root leadline" ] \
  || fail "/etc/leadline/leadline.conf is $(stat -c '%a %U %G' /etc/leadline/leadline.conf), want 640 root leadline"
[ "$(stat -c '%U' /var/lib/leadline)" = "leadline" ] || fail "/var/lib/leadline not owned by leadline"
grep -qx /etc/leadline/leadline.conf /var/lib/dpkg/info/leadline.conffiles || fail "leadline.conf is not a conffile"
if grep -vE '^\s*(#|$)' /etc/leadline/leadline.conf | grep -q .; then fail "default config sets values (all keys must be commented out)"; fi
for f in /lib/systemd/system/leadline.service /usr/lib/sysusers.d/leadline.conf /usr/lib/tmpfiles.d/leadline.conf \
         /usr/share/applications/io.leadline.Leadline.desktop /usr/share/icons/hicolor/scalable/apps/io.leadline.Leadline.svg \
         /usr/share/metainfo/io.leadline.Leadline.metainfo.xml; do
  [ -f "$f" ] || fail "$f missing"
done
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/io.leadline.Leadline.metainfo.xml >/dev/null || fail "AppStream metainfo invalid"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/io.leadline.Leadline.desktop || fail "desktop entry invalid"
fi
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/leadline.service || fail "systemd-analyze verify leadline.service failed"
fi

step "leadline --headless --version"
version=$(/usr/bin/leadline --headless --version) || fail "--version exited non-zero"
echo "$version" | grep -q "leadline" || fail "unexpected --version output: $version"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/leadline-check.XXXXXX)
chmod 0755 "$work"
$SUDO chown leadline:leadline "$work" 2>/dev/null || true
db="sqlite://$work/check.db"
# The environment of leadline.service (XDG dirs -> /var/lib/leadline), as the leadline user.
unit_env=$(sed -n 's/^Environment=//p' /lib/systemd/system/leadline.service)
$SUDO install -d -m 0700 -o leadline -g leadline /run/leadline
# AS_LEADLINE: run a command as the leadline user. setpriv execs (no wrapper process), so the
# $! of a background start below is leadline itself and its exit status is real.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  AS_LEADLINE=(setpriv --reuid=leadline --regid=leadline --init-groups --)
elif [ "$(id -u)" -eq 0 ]; then
  AS_LEADLINE=(runuser -u leadline --)
else
  AS_LEADLINE=(sudo -u leadline)
fi
# shellcheck disable=SC2206
# A clean environment like systemd's (nothing from this shell, e.g. DATABASE_URL, leaks in).
AS_LEADLINE+=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 $unit_env LISTEN_ADDRESS=127.0.0.1 WORKER_THREADS=2)
step "headless start on port $port as user leadline"
"${AS_LEADLINE[@]}" /usr/bin/leadline --headless --config /etc/leadline/leadline.conf --port "$port" --database-url "$db" \
  >"$work/out.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
code=000
for _ in $(seq 1 60); do
  code=$(curl -s -o "$work/health.json" -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
  [ "$code" = "200" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; fail "leadline exited before /health answered"; }
  sleep 0.5
done
[ "$code" = "200" ] || { cat "$work/out.log" >&2; fail "/health did not answer 200 within 30 s (last: $code)"; }
step "/health: $(cat "$work/health.json")"
grep -q '"status":"ok"' "$work/health.json" || fail "/health is not ok"

step "API token from the CLI, used over REST"
token=$("${AS_LEADLINE[@]}" /usr/bin/leadline token create check-package --config /etc/leadline/leadline.conf --database-url "$db" 2>/dev/null)
[ -n "$token" ] || fail "leadline token create printed nothing"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: 192.0.2.1" "http://127.0.0.1:$port/tokens")
[ "$code" = "401" ] || fail "GET /tokens without a token from a proxied client: $code, want 401"
for _ in $(seq 1 20); do # the server re-reads tokens every few seconds
  code=$(curl -s -o "$work/tokens.json" -w '%{http_code}' -H "X-Forwarded-For: 192.0.2.1" -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/tokens")
  [ "$code" = "200" ] && break
  sleep 0.5
done
[ "$code" = "200" ] || fail "GET /tokens with the CLI-made token: $code, want 200"
grep -q "$token" "$work/tokens.json" && fail "GET /tokens shows the token itself"
"${AS_LEADLINE[@]}" /usr/bin/leadline token list --config /etc/leadline/leadline.conf --database-url "$db" | grep -q check-package \
  || fail "leadline token list does not show the token"

step "stopping (SIGTERM)"
kill -TERM "$pid"
for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
kill -0 "$pid" 2>/dev/null && fail "leadline did not stop within 10 s of SIGTERM"
wait "$pid" || fail "leadline exited with status $? after SIGTERM"
step "the service's default database lands in /var/lib/leadline"
"${AS_LEADLINE[@]}" /usr/bin/leadline migrate --config /etc/leadline/leadline.conf >/dev/null 2>&1 || fail "leadline migrate as leadline failed"
[ -f /var/lib/leadline/leadline.sqlite ] || fail "/var/lib/leadline/leadline.sqlite missing after migrate with the unit's environment"
step "OK"

#!/usr/bin/env bash
# CI after tools/test.sh: translations complete, desktop files valid, and the Debian package
# built, installed with apt-get on this machine, and run: --version, then the installed command
# line exports from the installed demo server. Needs root or sudo (apt-get install).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build-test}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APP_ID="org.fhirbulkmonitor.FhirBulkMonitor"

echo "== translations"
tools/check-translations.sh

echo "== desktop file and AppStream metainfo"
desktop-file-validate "packaging/$APP_ID.desktop"
appstreamcli validate --no-net "packaging/$APP_ID.metainfo.xml"

echo "== Debian package"
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFBM_WERROR=ON
fi
cmake --build "$BUILD_DIR" --target fhir-bulk-monitor -j"$(nproc)"
rm -f "$BUILD_DIR"/fhir-bulk-monitor_*.deb
(cd "$BUILD_DIR" && cpack -G DEB)
deb="$(ls "$BUILD_DIR"/fhir-bulk-monitor_*.deb)"
dpkg-deb --info "$deb"
contents="$(dpkg-deb --contents "$deb")"
echo "$contents"
for f in usr/bin/fhir-bulk-monitor "usr/share/applications/$APP_ID.desktop" \
    "usr/share/metainfo/$APP_ID.metainfo.xml" "usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"; do
    grep -q " ./$f\$" <<<"$contents" || { echo "ci-extra: $f is not in $deb" >&2; exit 1; }
done
# apt-get needs a path with a slash to take a file rather than a package name.
# --reinstall: a machine that ran this before already has a 0.1.0.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall "./$deb"

echo "== the installed program"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
# A private home: the installed program keeps its job list and settings there, not in CI's.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# The desktop file's command, as the menu runs it.
exec_line="$(sed -n 's/^Exec=//p' "/usr/share/applications/$APP_ID.desktop")"
[ "$exec_line" = "fhir-bulk-monitor" ] || { echo "ci-extra: unexpected Exec=$exec_line" >&2; exit 1; }
version="$(QT_QPA_PLATFORM=offscreen /usr/bin/fhir-bulk-monitor --version 2>/dev/null)"
echo "$version"
[ "$version" = "fhir-bulk-monitor 0.1.0" ] || { echo "ci-extra: --version printed '$version'" >&2; exit 1; }

/usr/bin/fhir-bulk-monitor demo-server >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
base=""
for _ in $(seq 1 100); do
    base="$(head -n 1 "$work/server.out" 2>/dev/null || true)"
    [ -n "$base" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
    sleep 0.1
done
[ -n "$base" ] || { echo "ci-extra: the demo server printed no address" >&2; cat "$work/server.err" >&2; exit 1; }
echo "demo server at $base"
FBM_MIN_POLL_MS=200 timeout 300 /usr/bin/fhir-bulk-monitor export --base "$base" --out "$work/out"
ls -la "$work/out"
test -s "$work/out/manifest.json"
ls "$work/out"/*.ndjson >/dev/null
# The command line's messages in Danish, as a Danish desktop session starts it.
if grep -q "installTranslations" ui/main.cpp; then
    status=0
    LC_ALL= LANGUAGE=da LANG=da_DK.UTF-8 /usr/bin/fhir-bulk-monitor cancel 2>"$work/da.err" || status=$?
    head -n 1 "$work/da.err"
    [ "$status" -eq 2 ] && grep -q "Angiv præcis én status-URL." "$work/da.err" ||
        { echo "ci-extra: the command line does not speak Danish" >&2; exit 1; }
else
    echo "ci-extra: warning: ui/main.cpp does not call fbm::installTranslations() yet" >&2
fi
echo "ci-extra: all checks passed"

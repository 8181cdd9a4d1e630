#!/bin/sh
# Runs "$@" against a real Secret Service: a private D-Bus session with a throw-away home and an
# unlocked gnome-keyring. Used for the tst_keychain* tests (ctest) and in CI.
#
#   tests/support/with-keyring.sh <command> [args...]
#
# The test must not start before org.freedesktop.secrets has an owner: without that wait the
# first keychain call loses a race with the daemon about one time in ten.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
fi

if [ "${FBM_IN_KEYRING_SESSION:-}" != "1" ]; then
    for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$0: $tool is not installed (apt-get install dbus gnome-keyring)" >&2
            exit 1
        fi
    done
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/fbm-keyring.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT INT TERM
    mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    # Not exec: the trap must still remove the scratch folder afterwards.
    status=0
    env FBM_IN_KEYRING_SESSION=1 \
        HOME="$scratch/home" \
        XDG_DATA_HOME="$scratch/data" \
        XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/cache" \
        XDG_RUNTIME_DIR="$scratch/runtime" \
        dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the private session bus. The daemon prints GNOME_KEYRING_CONTROL=... lines; export them.
eval "$(printf '%s' "fbm-test-keyring" | gnome-keyring-daemon --unlock --components=secrets | sed 's/^/export /')"

tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true'; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
        echo "$0: org.freedesktop.secrets did not appear on the session bus" >&2
        exit 1
    fi
    sleep 0.1
done

status=0
"$@" || status=$?
# The daemon belongs to this session: stop it so dbus-run-session can return.
if [ -n "${GNOME_KEYRING_PID:-}" ]; then
    kill "$GNOME_KEYRING_PID" 2>/dev/null || true
fi
exit "$status"

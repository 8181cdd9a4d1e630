#!/usr/bin/env bash
# Fails when a user-visible string of app/ or ui/ is missing from translations/*.ts (or one is
# left over), when a Danish message is unfinished or empty, or when a translation drops a
# placeholder; prints which. Runs lupdate into a temporary copy: the .ts files are not changed.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 tools/fbm-ts.py check

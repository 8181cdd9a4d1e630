#!/usr/bin/env bash
# The one command to refresh translations/*.ts from the sources: plain lupdate (-no-obsolete
# -locations none) over every tr()/translate() string in app/ and ui/ into
# fhir-bulk-monitor_da.ts, and lupdate -pluralonly into fhir-bulk-monitor_en.ts (English needs
# only its plural forms). Translations already made are kept, also for a string that moved to
# another class. Then translate what is new in the _da.ts (Qt Linguist, or
# `tools/fbm-ts.py list-unfinished` + `tools/fbm-ts.py fill DICT.json`) and run
# tools/check-translations.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 tools/fbm-ts.py update

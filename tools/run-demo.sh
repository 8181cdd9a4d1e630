#!/usr/bin/env bash
# Installs what is needed, builds, and starts FHIR Bulk Monitor on its built-in demo server.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${FBM_SKIP_DEPS:-0}" != "1" ]; then tools/install-deps.sh; fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
# The program only: the test suite is tools/test.sh's (it builds in build-test), and building
# it here would keep a first-time user waiting several minutes longer for the window.
cmake --build build -j"$(nproc)" --target fhir-bulk-monitor
exec ./build/ui/fhir-bulk-monitor --demo "$@"

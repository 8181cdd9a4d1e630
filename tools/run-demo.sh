#!/usr/bin/env bash
# Installs what is needed, builds, and starts FHIR Bulk Monitor on its built-in demo server.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${FBM_SKIP_DEPS:-0}" != "1" ]; then tools/install-deps.sh; fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
exec ./build/ui/fhir-bulk-monitor --demo "$@"

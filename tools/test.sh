#!/usr/bin/env bash
# The test command: installs what is needed, builds everything with warnings as errors, and runs
# every test (ctest). CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${FBM_SKIP_DEPS:-0}" != "1" ]; then tools/install-deps.sh; fi
BUILD_DIR="${BUILD_DIR:-build-test}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFBM_WERROR=ON
cmake --build "$BUILD_DIR" -j"$(nproc)"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 600

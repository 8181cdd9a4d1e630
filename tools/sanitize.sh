#!/usr/bin/env bash
# The whole test suite once more, built with AddressSanitizer and UndefinedBehaviorSanitizer.
# Any finding aborts the test that hit it (UBSan without recovery), so ctest fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build-asan}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFBM_SANITIZE=ON
cmake --build "$BUILD_DIR" -j"$(nproc)"
# Leaks are reported too (every test, the UI ones included, ends without one; the first run with
# leak reports on found a download's progress throttle lost when the manager went away first).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 900

#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for FUZZ_SECONDS (30).
# The checked-in corpus (tests/fuzz/corpus/<target>) seeds each run; new inputs go to a
# scratch copy, so the repository is not changed. A crash fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-30}"
BUILD_DIR="${BUILD_DIR:-build-fuzz}"
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFBM_FUZZ=ON
cmake --build "$BUILD_DIR" -j"$(nproc)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for target in manifest outcome reportbundle retryafter filename jobindex ndjson; do
    mkdir -p "$scratch/$target"
    cp tests/fuzz/corpus/$target/* "$scratch/$target/" 2>/dev/null || true
    echo "== fuzz_$target for ${SECONDS_EACH}s"
    "$BUILD_DIR/tests/fuzz/fuzz_$target" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix="$scratch/crash-$target-" -print_final_stats=1 "$scratch/$target" 2>&1 | tail -n 12
done
echo "fuzzing: 7 targets, no crash"

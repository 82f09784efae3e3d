#!/usr/bin/env bash
# The whole test suite, as CI runs it (`make test`):
#   1. formatting check (clang-format)
#   2. build everything with AddressSanitizer + UBSan (preset dev), warnings as errors
#   3. every CTest test: unit, integration, robustness, seeds (needs ../shared beside the checkout)
#   4. a short libFuzzer run of each fuzz target (preset fuzz, clang)
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}

echo "== format check"
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

echo "== build (dev: ASan + UBSan)"
cmake --preset dev
cmake --build --preset dev -j "$JOBS"

echo "== tests"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --preset dev -j "$JOBS"

if [ -x tests/fuzz/run-fuzzers.sh ]; then
  echo "== fuzz smoke run (${FUZZ_SECONDS}s per target)"
  tests/fuzz/run-fuzzers.sh "$FUZZ_SECONDS"
fi

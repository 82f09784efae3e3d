#!/usr/bin/env bash
# Builds the clang "fuzz" preset and runs every fuzz_* target for N seconds
# (default 30) on a corpus seeded from the test data of its area.
#   tests/fuzz/run-fuzzers.sh [seconds] [fuzzer-name ...]
# Crashes are written to build/fuzz/artifacts/<fuzzer>/ and make the script fail.
set -euo pipefail

SECONDS_PER_FUZZER="${1:-30}"
shift || true
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build/fuzz"
JOBS="${JOBS:-2}"

cd "$ROOT"
cmake --preset fuzz >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/*.cmake; do
    area="$(basename "$f" .cmake)"
    targets+=("fuzz_${area}")
  done
fi

status=0
for t in "${targets[@]}"; do
  echo "== $t: build"
  if ! cmake --build "$BUILD" --target "$t" -j"$JOBS"; then
    echo "== $t: BUILD FAILED"
    status=1
    continue
  fi
  bin="$(find "$BUILD" -type f -name "$t" -perm -u+x | head -n1)"
  area="${t#fuzz_}"
  corpus="$BUILD/corpus/$t"
  artifacts="$BUILD/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  # Seeds: fixture files of the area's unit tests, checked-in seeds, samples.
  for d in tests/unit/"$area"*/data tests/fuzz/corpus/"$t" samples/"$area"; do
    if [ -d "$d" ]; then
      find "$d" -type f -size -1024k -exec cp -n {} "$corpus/" \; 2>/dev/null || true
    fi
  done
  echo "== $t: run ${SECONDS_PER_FUZZER}s ($(find "$corpus" -type f | wc -l) seeds)"
  if ! "$bin" "$corpus" -max_total_time="$SECONDS_PER_FUZZER" -rss_limit_mb=2048 \
       -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$BUILD/$t.log"; then
    echo "== $t: CRASH (see $BUILD/$t.log and $artifacts)"
    tail -n 40 "$BUILD/$t.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$BUILD/$t.log" | tail -n 2 || true
    echo "== $t: ok"
  fi
done
exit $status

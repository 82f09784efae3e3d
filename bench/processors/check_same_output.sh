#!/usr/bin/env bash
# Guard for performance work on processors/: the extraction output must not change.
#
#   bench/processors/check_same_output.sh record [BUILD_DIR]   # before optimising
#   bench/processors/check_same_output.sh check  [BUILD_DIR]   # after every change
#
# BUILD_DIR (default build/h-speed) must be configured with HERALD_BUILD_TESTS=ON
# and HERALD_BUILD_BENCH=ON. `record` snapshots the data (config/) and the input
# articles into BUILD_DIR/same-output/, so data edits made meanwhile by others do
# not show up as differences. For every input (the shared seeds, tests/heldout,
# tests/seeds/heldout, samples/ as raw text) it keeps the `extract` output, with
# and without --all, and the --trace text; for 400 articles of the benchmark
# corpus the contract JSON of every event (bench_processors --dump).
# `check` rebuilds, reruns the same inputs on the snapshot and diffs.
set -euo pipefail
mode=${1:-check}
build=${2:-build/h-speed}
cd "$(dirname "$0")/../.."
root=$PWD
snap=$build/same-output
case $mode in
record | check) ;;
*)
    echo "usage: $0 record|check [BUILD_DIR]" >&2
    exit 2
    ;;
esac

cmake --build "$build" --target herald-extract-dev bench_processors -j2 >/dev/null

if [[ $mode == record ]]; then
    rm -rf "$snap"
    mkdir -p "$snap/inputs"
    cp -r config "$snap/config"
    cp -r tests/seeds/heldout "$snap/dev"
    # inputs.tsv: file <TAB> published <TAB> title
    /usr/bin/python3 - "$snap" ../shared tests/heldout tests/seeds/heldout samples/feeds <<'EOF'
import json, os, shutil, sys
snap = sys.argv[1]
rows = []
def add(src, name, published, title):
    dst = os.path.join(snap, "inputs", name)
    shutil.copyfile(src, dst)
    rows.append((name, published, title))
shared, heldout, seeds_heldout, samples = sys.argv[2:6]
for folder, gold, prefix in ((os.path.join(shared, "seeds"), os.path.join(shared, "eval/dev/gold.json"), "shared-"),
                             (heldout, os.path.join(heldout, "gold.json"), "heldout-"),
                             (seeds_heldout, os.path.join(seeds_heldout, "gold.json"), "seedsheldout-")):
    if not os.path.isdir(folder):
        continue
    meta = {}
    if os.path.exists(gold):
        meta = {a["article"]: a for a in json.load(open(gold))}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            m = meta.get(name, {})
            add(os.path.join(folder, name), prefix + name, m.get("published", "2024-06-10"), m.get("title", ""))
for name in sorted(os.listdir(samples)):
    add(os.path.join(samples, name), "samples-" + name, "2024-06-10", "")
with open(os.path.join(snap, "inputs.tsv"), "w") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
EOF
fi

[[ -d $snap/config ]] || {
    echo "no snapshot in $snap: run '$0 record $build' first" >&2
    exit 2
}
out=$snap/$mode
rm -rf "$out"
mkdir -p "$out"
extract=$build/tests/seeds/herald-extract-dev
while IFS=$'\t' read -r name published title; do
    in=$snap/inputs/$name
    args=(extract --data-dir "$snap/config" --published "$published" --title "$title"
        --url "https://example.org/$name")
    "$extract" "${args[@]}" "$in" >"$out/$name.json" 2>&1 || echo "exit $?" >>"$out/$name.json"
    "$extract" "${args[@]}" --all --trace "$in" >"$out/$name.all.json" 2>"$out/$name.trace" ||
        echo "exit $?" >>"$out/$name.all.json"
done <"$snap/inputs.tsv"
"$build/bench/processors/bench_processors" --articles 400 --data-dir "$snap/config" \
    --dev-dir "$snap/dev" --dump "$out/bench-corpus.json"

if [[ $mode == record ]]; then
    echo "recorded $(ls "$out" | wc -l) outputs in $out"
    exit 0
fi
if diff -r "$snap/record" "$out" >"$snap/diff.txt"; then
    echo "same output ($(ls "$out" | wc -l) files)"
else
    echo "OUTPUT DIFFERS: see $root/$snap/diff.txt" >&2
    head -20 "$snap/diff.txt" >&2
    exit 1
fi

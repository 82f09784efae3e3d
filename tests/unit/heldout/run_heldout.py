#!/usr/bin/env python3
"""Run the shared event scorer over the independent held-out set (tests/heldout).

Usage:
  run_heldout.py --scorer SCORE_EVENTS.py --gold GOLD.json --articles DIR --min-f1 X
                 [--failure-doc PATH] [--blind] -- CMD ...

CMD is the extractor command with the scorer's placeholders ({file} {published}
{title} {url}). Exits 77 (CTest skip) when the shared scorer is not beside the
checkout, 1 when the overall F1 is below --min-f1 or the scorer fails, else 0.
With --blind only the scores are printed (per type and overall), never the scorer's
false-positive and missed-event lines, so a blind set stays blind in test logs.
"""
import argparse
import os
import re
import subprocess
import sys

SKIP = 77


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--min-f1", type=float, required=True)
    ap.add_argument("--failure-doc", default="tests/heldout/README.md",
                    help="where the set's known failure classes are listed (for the FAIL message)")
    ap.add_argument("--blind", action="store_true",
                    help="print scores only (no FP/MISS lines): the set is kept blind")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("give the extractor command after --")

    if not os.path.isfile(a.scorer):
        print(f"SKIP: shared/eval not found beside the checkout ({a.scorer} is missing)")
        return SKIP
    for path, what in ((a.gold, "gold file"), (a.articles, "articles folder")):
        if not os.path.exists(path):
            print(f"error: {what} {path} is missing")
            return 1

    argv = [sys.executable, a.scorer, "--gold", a.gold, "--articles", a.articles]
    argv += ([] if a.blind else ["--verbose"]) + ["--"] + cmd
    res = subprocess.run(argv, capture_output=True, text=True)
    sys.stdout.write(res.stdout)
    if not a.blind:
        sys.stderr.write(res.stderr)
    if res.returncode != 0:
        print(f"error: scorer exited with {res.returncode}")
        return 1
    m = re.search(r"^overall P (\S+) R (\S+) F1 (\S+)$", res.stdout, re.M)
    if not m:
        print("error: no 'overall' line in the scorer output")
        return 1
    f1 = float(m.group(3))
    if f1 < a.min_f1:
        print(f"FAIL: held-out F1 {f1:.2f} is below the floor {a.min_f1:.2f}; "
              f"see the failure classes in {a.failure_doc}")
        return 1
    print(f"OK: held-out F1 {f1:.2f} >= floor {a.min_f1:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

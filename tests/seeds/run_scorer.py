#!/usr/bin/env python3
"""Runs the shared event scorer and enforces the acceptance thresholds.

usage: run_scorer.py --scorer S --gold G --articles DIR --min-f1 X --min-date Y -- CMD...

Exit 0 when overall F1 >= min-f1, date accuracy >= min-date and every gold type has
recall > 0; 1 otherwise; 77 (CTest SKIP) when the scorer or the gold is missing.
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--min-f1", type=float, default=0.85)
    ap.add_argument("--min-date", type=float, default=0.8)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    for path in (a.scorer, a.gold, a.articles):
        if not os.path.exists(path):
            print(f"SKIP: {path} not found (shared/seeds not found beside the checkout)")
            return 77
    res = subprocess.run([sys.executable, a.scorer, "--gold", a.gold, "--articles", a.articles,
                          "--verbose", "--min-f1", str(a.min_f1), "--"] + cmd,
                         capture_output=True, text=True)
    sys.stdout.write(res.stdout)
    sys.stderr.write(res.stderr)
    ok = res.returncode == 0
    if not ok:
        print(f"FAIL: scorer exit {res.returncode} (overall F1 below {a.min_f1} or extractor failure)")
    m = re.search(r"date accuracy (\d+)/(\d+)", res.stdout)
    if not m:
        print("FAIL: no date accuracy line in the scorer output")
        return 1
    ok_d, n_d = int(m.group(1)), int(m.group(2))
    if n_d and ok_d / n_d < a.min_date:
        print(f"FAIL: date accuracy {ok_d}/{n_d} below {a.min_date}")
        ok = False
    for line in res.stdout.splitlines():
        f = line.split()
        if len(f) == 7 and f[0] not in ("type", "overall") and re.fullmatch(r"[a-z]+", f[0]):
            tp, fp, fn = int(f[4]), int(f[5]), int(f[6])
            if tp == 0 and fn > 0:
                print(f"FAIL: type {f[0]} has zero recall")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

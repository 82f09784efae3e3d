#!/usr/bin/python3
"""herald check rejects an unknown key and a wrong type with FILE:LINE:COL, accepts a good file."""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--herald", required=True)
    a = ap.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.yaml")
        with open(bad, "w") as f:
            f.write("kafka:\n  brokers: 127.0.0.1:9092\n"
                    "feeds:\n  - id: a\n    url: http://127.0.0.1:1/rss\n    intervall: 5m\n"
                    "fetch:\n  per_host: many\n")
        r = subprocess.run([a.herald, "check", "--config", bad], capture_output=True, text=True)
        expected = [f"{bad}:6:5: unknown key 'intervall' in feed (did you mean 'interval'?)",
                    f"{bad}:8:13: 'per_host' must be an integer, got 'many'"]
        if r.returncode == 0:
            print("FAIL: check accepted a bad config"); failures += 1
        for e in expected:
            if e not in r.stderr.splitlines():
                print(f"FAIL: missing diagnostic {e!r} in:\n{r.stderr}"); failures += 1
        good = os.path.join(tmp, "good.yaml")
        with open(good, "w") as f:
            f.write("kafka:\n  brokers: 127.0.0.1:9092\nfeeds:\n  - id: a\n    url: http://127.0.0.1:1/rss\n")
        r = subprocess.run([a.herald, "check", "--config", good], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"FAIL: check rejected a good config: {r.stderr}"); failures += 1
        missing = subprocess.run([a.herald, "check", "--config", os.path.join(tmp, "nope.yaml")],
                                 capture_output=True, text=True)
        if missing.returncode == 0 or "cannot read" not in missing.stderr:
            print(f"FAIL: missing file not reported: {missing.stderr}"); failures += 1
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

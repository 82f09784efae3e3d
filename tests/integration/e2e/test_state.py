#!/usr/bin/python3
"""herald state: what an operator sees of the state database after real polls."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402

TOPICS = ["mideast.diplomacy.events", "mideast.conflict.events", "herald.dead-letter"]


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def state(herald, cfg, *extra):
    return subprocess.run([herald, "state", "--config", cfg, *extra], capture_output=True,
                          text=True, timeout=60)


def main():
    a = harness.parse_args()

    broker = harness.Broker(a.broker, TOPICS)
    http = harness.HttpServer(a.httpd, a.samples)
    try:
        with harness.TempDir() as tmp:
            cfg = os.path.join(tmp, "herald.yaml")
            state_dir = os.path.join(tmp, "state")
            harness.write_config(cfg, state_dir, broker.bootstrap, [
                ("levant-wire", http.base + "/levant-wire.xml"),
                ("missing-feed", http.base + "/no-such-feed.xml"),
            ])

            # Before the first run there is no database; the command says so and
            # does not create one.
            before = state(a.herald, cfg)
            if before.returncode != 1 or "no state database" not in before.stderr:
                fail(f"state before any run: rc {before.returncode}, stderr {before.stderr!r}")
            if os.path.exists(state_dir):
                fail("herald state created the state directory")

            run = subprocess.run([a.herald, "once", "--config", cfg], capture_output=True,
                                 text=True, timeout=120)
            if run.returncode != 0:
                print(run.stderr[-3000:])
                fail(f"herald once exited {run.returncode}")
            published = harness.consume_all(broker.bootstrap, "mideast.diplomacy.events")
            published += harness.consume_all(broker.bootstrap, "mideast.conflict.events",
                                             idle_seconds=1.5)

            out = state(a.herald, cfg, "--json")
            if out.returncode != 0:
                fail(f"state --json exited {out.returncode}: {out.stderr}")
            r = json.loads(out.stdout)
            feeds = {f["id"]: f for f in r["feeds"]}
            if list(feeds) != ["levant-wire", "missing-feed"]:
                fail(f"feeds {list(feeds)}")
            ok, missing = feeds["levant-wire"], feeds["missing-feed"]
            if not ok["polled"] or ok["last_status"] != 200 or ok["error_streak"] != 0:
                fail(f"levant-wire state {ok}")
            if not missing["polled"] or missing["last_status"] != 404 or missing["error_streak"] < 1:
                fail(f"missing-feed state {missing}")
            if r["outbox"] != 0 or r["parked"]:
                fail(f"outbox {r['outbox']}, parked {r['parked']} after a flushed run")
            ids = {json.loads(rec["value"])["id"] for rec in published}
            if r["events"] != len(ids) or not ids:
                fail(f"state counts {r['events']} events, the consumer read {len(ids)} ids")

            # A feed dropped from the configuration is still shown, marked as such.
            harness.write_config(cfg, state_dir, broker.bootstrap, [
                ("missing-feed", http.base + "/no-such-feed.xml"),
            ])
            text = state(a.herald, cfg)
            if text.returncode != 0:
                fail(f"state exited {text.returncode}: {text.stderr}")
            print(text.stdout)
            for want in ("missing-feed", "last status 404", "levant-wire",
                         "(no longer configured)", f"events: {len(ids)}", "outbox: 0",
                         "parked: 0"):
                if want not in text.stdout:
                    fail(f"text output lacks {want!r}")
            print("OK: state shows feeds, events, outbox and parked records")
    finally:
        http.stop()
        broker.stop()


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""herald once against the bundled sample feeds: publish, read back, poll again."""
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


def main():
    a = harness.parse_args()

    broker = harness.Broker(a.broker, TOPICS)
    http = harness.HttpServer(a.httpd, a.samples)
    try:
        with harness.TempDir() as tmp:
            cfg = os.path.join(tmp, "herald.yaml")
            harness.write_config(cfg, os.path.join(tmp, "state"), broker.bootstrap, [
                ("levant-wire", http.base + "/levant-wire.xml"),
                ("gulf-dispatch", http.base + "/gulf-dispatch.atom"),
            ])
            run = subprocess.run([a.herald, "once", "--config", cfg], capture_output=True, text=True, timeout=120)
            print(run.stderr[-3000:])
            if run.returncode != 0:
                fail(f"herald once exited {run.returncode}")

            diplomacy = harness.consume_all(broker.bootstrap, "mideast.diplomacy.events")
            conflict = harness.consume_all(broker.bootstrap, "mideast.conflict.events", idle_seconds=1.5)
            print(f"read back {len(diplomacy)} diplomacy and {len(conflict)} conflict records")
            if not diplomacy:
                fail("no events on mideast.diplomacy.events")
            events = []
            for rec in diplomacy + conflict:
                ev = json.loads(rec["value"])
                events.append(ev)
                # The record follows the contract: key = id, CloudEvents headers.
                if rec["key"] != ev["id"]:
                    fail(f"key {rec['key']} != id {ev['id']}")
                h = rec["headers"]
                want = {"ce_specversion": "1.0", "ce_id": f"{ev['id']}:{ev['revision']}",
                        "ce_type": "org.herald.event." + ev["type"], "ce_time": ev["first_seen"],
                        "content-type": "application/json"}
                for k, v in want.items():
                    if h.get(k) != v:
                        fail(f"header {k}={h.get(k)!r}, want {v!r}")
                if h.get("ce_source") not in ("levant-wire", "gulf-dispatch"):
                    fail(f"ce_source {h.get('ce_source')!r}")
                for key in ("id", "revision", "type", "category", "plover", "cameo", "status", "date",
                            "actors", "targets", "location", "attributes", "evidence", "sources",
                            "first_seen", "updated"):
                    if key not in ev:
                        fail(f"event misses '{key}': {ev}")
            for rec in conflict:
                if json.loads(rec["value"])["category"] != "conflict":
                    fail("routing: a diplomacy event on the conflict topic")
            for rec in diplomacy:
                if json.loads(rec["value"])["category"] != "diplomacy":
                    fail("routing: a conflict event on the diplomacy topic")

            def names(ev):
                return [p.get("name", "") for p in ev["actors"] + ev["targets"]]

            visits = [e for e in events if e["type"] == "visit" and any("Blinken" in n for n in names(e))]
            if not visits:
                fail("no visit event for Blinken")
            amman = [e for e in visits if (e.get("location") or {}).get("country") == "JOR"
                     or any(p.get("country") == "JOR" for p in e["targets"])]
            if not amman:
                fail(f"Blinken's visit to Jordan missing: {visits}")
            v = amman[0]
            if v["status"] != "occurred" or v["date"] != "2024-04-12":
                fail(f"Amman visit should be occurred on 2024-04-12: {v['status']} {v['date']}")
            if not v["evidence"] or "Amman" not in v["evidence"][0]["sentence"]:
                fail(f"evidence should quote the sentence: {v['evidence']}")
            print("ok: Blinken visit", v["id"], v["status"], v["date"])

            # A second poll of unchanged feeds publishes nothing new.
            run2 = subprocess.run([a.herald, "once", "--config", cfg], capture_output=True, text=True, timeout=120)
            if run2.returncode != 0:
                print(run2.stderr[-3000:])
                fail(f"second herald once exited {run2.returncode}")
            again = harness.consume_all(broker.bootstrap, "mideast.diplomacy.events")
            if len(again) != len(diplomacy):
                fail(f"second poll published {len(again) - len(diplomacy)} more records")
            print("ok: second poll published nothing new")
    finally:
        http.stop()
        broker.stop()
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

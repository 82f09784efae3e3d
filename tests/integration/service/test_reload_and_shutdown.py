#!/usr/bin/python3
"""`herald run`: a feed added to the YAML is polled after SIGHUP without a restart;
SIGTERM during a broker outage exits within the grace period, and the undelivered
records stay in the outbox and reach the consumer after the next start."""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
sys.path.insert(0, HERE)
import harness  # noqa: E402
from test_daemon_systemd import free_port  # noqa: E402

TOPICS = ["mideast.diplomacy.events", "mideast.conflict.events", "herald.dead-letter"]
GRACE = 3.0


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def outbox_depth(port):
    """herald_outbox_depth from /metrics, or None while the server is not up yet."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            body = r.read().decode()
    except OSError:
        return None
    m = re.search(r"^herald_outbox_depth (\S+)$", body, re.M)
    return float(m.group(1)) if m else None


def sources(bootstrap):
    recs = harness.consume_all(bootstrap, "mideast.diplomacy.events", idle_seconds=2.0)
    return recs, {r["headers"].get("ce_source") for r in recs}


def wait_for_source(bootstrap, source, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        recs, srcs = sources(bootstrap)
        if source in srcs:
            return recs
    fail(f"no events from feed {source} within {timeout}s")


def reload_adds_feed(a, broker, http, tmp):
    cfg = os.path.join(tmp, "reload.yaml")
    harness.write_config(cfg, os.path.join(tmp, "state-reload"), broker.bootstrap,
                         [("levant-wire", http.base + "/levant-wire.xml")])
    log = open(os.path.join(tmp, "reload.log"), "w")
    proc = subprocess.Popen([a.herald, "run", "--config", cfg], stderr=log)
    try:
        wait_for_source(broker.bootstrap, "levant-wire", 60)
        _, srcs = sources(broker.bootstrap)
        if "gulf-dispatch" in srcs:
            fail("gulf-dispatch published before it was configured")
        harness.write_config(cfg, os.path.join(tmp, "state-reload"), broker.bootstrap,
                             [("levant-wire", http.base + "/levant-wire.xml"),
                              ("gulf-dispatch", http.base + "/gulf-dispatch.atom")])
        proc.send_signal(signal.SIGHUP)
        wait_for_source(broker.bootstrap, "gulf-dispatch", 60)
        if proc.poll() is not None:
            fail(f"herald exited ({proc.returncode}) after the reload")
        print("ok: a feed added by SIGHUP is polled without a restart")
    finally:
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=60)
        log.close()
    if rc != 0:
        fail(f"herald run exited {rc} after SIGTERM")


def shutdown_during_outage(a, broker, http, tmp):
    cfg = os.path.join(tmp, "outage.yaml")
    state = os.path.join(tmp, "state-outage")
    # A fresh feed id (new articles for this state dir), a short grace period, and
    # /metrics to see when records are queued.
    port = free_port()
    harness.write_config(cfg, state, broker.bootstrap,
                         [("gulf-outage", http.base + "/gulf-dispatch.atom"),
                          ("levant-outage", http.base + "/levant-wire.xml")],
                         extra=f"shutdown: {{grace: {GRACE:g}s}}\n"
                               f"metrics:\n  enabled: true\n  listen: 127.0.0.1:{port}\n")
    if not broker.command("down 1").startswith("OK"):
        fail("broker did not go down")
    log_path = os.path.join(tmp, "outage.log")
    with open(log_path, "w") as log:
        proc = subprocess.Popen([a.herald, "run", "--config", cfg], stderr=log)
        # Wait until it has polled, extracted and queued records the broker cannot take
        # (its start waits a few seconds for the broker first; slower under sanitizers).
        deadline = time.time() + 60
        depth = None
        while time.time() < deadline and not depth:
            if proc.poll() is not None:
                fail(f"herald exited early ({proc.returncode})")
            depth = outbox_depth(port)
            time.sleep(0.5)
        if not depth:
            fail("no records were queued during the outage within 60s")
        t0 = time.time()
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=60)
        took = time.time() - t0
    text = open(log_path).read()
    print(text[-1500:])
    if rc != 0:
        fail(f"exit code {rc} after SIGTERM during the outage")
    if took > GRACE + 2.0:
        fail(f"shutdown took {took:.1f}s, grace is {GRACE}s")
    if "stay in the outbox" not in text:
        fail("the undelivered records were not reported")
    print(f"ok: SIGTERM during the outage exited 0 in {took:.1f}s, records kept")

    broker.command("up 1")
    once = subprocess.run([a.herald, "once", "--config", cfg], capture_output=True, text=True, timeout=120)
    if once.returncode != 0:
        print(once.stderr[-2000:])
        fail(f"herald once after the outage exited {once.returncode}")
    recs, srcs = sources(broker.bootstrap)
    if not {"gulf-outage", "levant-outage"} <= srcs:
        fail(f"records kept in the outbox did not arrive: sources {srcs}")
    for r in recs:
        if json.loads(r["value"])["id"] != r["key"]:
            fail("record key is not the event id")
    print(f"ok: after the outage {len(recs)} records arrived")


def main():
    a = harness.parse_args()
    broker = harness.Broker(a.broker, TOPICS)
    http = harness.HttpServer(a.httpd, a.samples)
    try:
        with harness.TempDir() as tmp:
            reload_adds_feed(a, broker, http, tmp)
            shutdown_during_outage(a, broker, http, tmp)
    finally:
        http.stop()
        broker.stop()
    print("2 passed, 0 failed")


if __name__ == "__main__":
    main()

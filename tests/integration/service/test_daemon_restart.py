#!/usr/bin/python3
"""Restart=on-failure semantics with the real daemon and a real broker.

A fatal Kafka producer error (the broker answers every Produce with
OUT_OF_ORDER_SEQUENCE_NUMBER, which desynchronises the idempotent producer) must make
herald send STOPPING=1 and exit non-zero, so that systemd restarts it; the events stay
in the outbox. Started again against a healthy broker with the same state dir (what
the restart does), herald delivers them: the topic fills and herald_outbox_depth drops
to 0; SIGTERM then ends it with exit 0.
"""
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
sys.path.insert(0, HERE)
import harness  # noqa: E402
from test_daemon_systemd import NotifySocket, fail, free_port, sample, scrape  # noqa: E402

TOPICS = ["mideast.diplomacy.events", "mideast.conflict.events", "herald.dead-letter"]


def start(herald, cfg, notify, tmp, name):
    err = open(os.path.join(tmp, name + ".log"), "w+")
    env = dict(os.environ, NOTIFY_SOCKET=notify.path, WATCHDOG_USEC="2000000")
    env.pop("JOURNAL_STREAM", None)
    proc = subprocess.Popen([herald, "run", "--config", cfg], env=env,
                            stdout=subprocess.DEVNULL, stderr=err)
    return proc, err


def tail(err):
    err.seek(0)
    return err.read()[-3000:]


def main():
    a = harness.parse_args()

    broker = harness.Broker(a.broker, TOPICS)
    http = harness.HttpServer(a.httpd, a.samples)
    procs = []
    try:
        with harness.TempDir() as tmp:
            notify = NotifySocket(tmp)
            port = free_port()
            cfg = os.path.join(tmp, "herald.yaml")
            harness.write_config(
                cfg, os.path.join(tmp, "state"), broker.bootstrap,
                [("levant-wire", http.base + "/levant-wire.xml"),
                 ("gulf-dispatch", http.base + "/gulf-dispatch.atom")],
                f"metrics:\n  enabled: true\n  listen: 127.0.0.1:{port}\n")

            # 1. Every Produce fails in a way the idempotent producer cannot recover from.
            reply = broker.command("error Produce OUT_OF_ORDER_SEQUENCE_NUMBER 1000")
            if not reply.startswith("OK"):
                fail(f"broker refused the fault: {reply}")
            proc, err = start(a.herald, cfg, notify, tmp, "first")
            procs.append(proc)
            notify.wait_for("READY=1", 60, proc)
            notify.wait_for("STOPPING=1", 120)
            try:
                code = proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                fail("herald kept running after a fatal producer error")
            if code == 0:
                fail("exit 0 after a fatal producer error: Restart=on-failure would not restart")
            if "fatal" not in tail(err):
                fail(f"the fatal error is not logged:\n{tail(err)}")
            print(f"fatal producer error: STOPPING=1, exit {code}")
            if harness.consume_all(broker.bootstrap, "mideast.diplomacy.events", idle_seconds=1.5):
                fail("records reached the topic although every Produce failed")

            # 2. The restart, against a healthy broker, delivers the outbox.
            broker.command("clear Produce")
            proc, err = start(a.herald, cfg, notify, tmp, "second")
            procs.append(proc)
            notify.wait_for("READY=1", 60, proc)
            records = []
            deadline = time.time() + 90
            while time.time() < deadline and not records:
                records = harness.consume_all(broker.bootstrap, "mideast.diplomacy.events",
                                              idle_seconds=1.5, max_seconds=10)
            if not records:
                fail(f"no records delivered after the restart:\n{tail(err)}")
            depth = None
            while time.time() < deadline:
                depth = sample(scrape(port), "herald_outbox_depth", {})
                if depth == 0.0:
                    break
                time.sleep(0.5)
            if depth != 0.0:
                fail(f"herald_outbox_depth is {depth} after the restart, want 0")
            doc = scrape(port)
            acked = sample(doc, "herald_publish_latency_seconds_count", {})
            if not acked or acked < len(records):
                fail(f"herald_publish_latency_seconds_count is {acked}, "
                     f"want >= {len(records)} delivered records")
            for name in ("herald_publish_refused_total", "herald_outbox_parked"):
                if sample(doc, name, {}) != 0.0:
                    fail(f"{name} is {sample(doc, name, {})}, want 0")
            print(f"restart: {len(records)} records delivered, outbox empty")

            proc.send_signal(signal.SIGTERM)
            notify.wait_for("STOPPING=1", 30)
            code = proc.wait(timeout=60)
            if code != 0:
                fail(f"exit {code} after SIGTERM:\n{tail(err)}")
            print("shutdown: exit 0")
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        http.stop()
        broker.stop()
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

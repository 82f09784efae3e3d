#!/usr/bin/python3
"""`herald run` under an emulated service manager.

Plays systemd's part: binds an AF_UNIX datagram socket, starts the real binary with
NOTIFY_SOCKET and WATCHDOG_USEC=200000 (as a Type=notify unit with WatchdogSec=0.2s
would), a real local Kafka-protocol broker (kafka-dev-broker) and the sample feeds on
a loopback HTTP server. Asserts, in order:
  READY=1 (with a STATUS= naming the feeds), WATCHDOG=1 repeatedly, /metrics scraped with
  curl parses as Prometheus text (prom_check.py), SIGHUP -> RELOADING=1 then READY=1,
  a broken config on SIGHUP -> RELOADING=1, READY=1, old config kept, process alive,
  SIGTERM -> STOPPING=1 and exit 0.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import harness  # noqa: E402

TOPICS = ["mideast.diplomacy.events", "mideast.conflict.events", "herald.dead-letter"]


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


class NotifySocket:
    def __init__(self, directory):
        self.path = os.path.join(directory, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.log = []  # every datagram, in arrival order

    def receive(self, timeout):
        self.sock.settimeout(max(timeout, 0.001))
        try:
            msg = self.sock.recv(4096).decode()
        except socket.timeout:
            return None
        self.log.append(msg)
        return msg

    def wait_for(self, line, timeout, proc=None):
        """Datagrams until one has `line` as a line; returns (match, skipped)."""
        deadline = time.time() + timeout
        skipped = []
        while time.time() < deadline:
            msg = self.receive(min(0.5, deadline - time.time()))
            if msg is None:
                if proc is not None and proc.poll() is not None:
                    fail(f"herald exited ({proc.returncode}) while waiting for {line}")
                continue
            if line in msg.split("\n"):
                return msg, skipped
            skipped.append(msg)
        fail(f"no {line} within {timeout}s; got {skipped[-10:]}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrape(port):
    """curl /metrics | prom_check.py -> parsed samples."""
    cmd = (f"set -o pipefail; curl -sS --fail --max-time 10 http://127.0.0.1:{port}/metrics"
           f" | /usr/bin/python3 {os.path.join(HERE, 'prom_check.py')}")
    run = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=30)
    if run.returncode != 0:
        fail(f"/metrics did not parse as Prometheus text: {run.stderr.strip()}")
    return json.loads(run.stdout)


def sample(doc, name, labels=None):
    for s in doc["samples"]:
        if s["name"] == name and (labels is None or s["labels"] == labels):
            return s["value"]
    return None


def main():
    a = harness.parse_args()

    broker = harness.Broker(a.broker, TOPICS)
    http = harness.HttpServer(a.httpd, a.samples)
    proc = None
    try:
        with harness.TempDir() as tmp:
            notify = NotifySocket(tmp)
            port = free_port()
            cfg = os.path.join(tmp, "herald.yaml")
            feeds = [("levant-wire", http.base + "/levant-wire.xml"),
                     ("gulf-dispatch", http.base + "/gulf-dispatch.atom")]
            metrics = f"metrics:\n  enabled: true\n  listen: 127.0.0.1:{port}\n"
            harness.write_config(cfg, os.path.join(tmp, "state"), broker.bootstrap, feeds, metrics)

            # stderr goes to a file that plays the journal stream: JOURNAL_STREAM names it.
            err = open(os.path.join(tmp, "stderr.log"), "w+")
            st = os.fstat(err.fileno())
            env = dict(os.environ, NOTIFY_SOCKET=notify.path, WATCHDOG_USEC="200000",
                       JOURNAL_STREAM=f"{st.st_dev}:{st.st_ino}")
            proc = subprocess.Popen([a.herald, "run", "--config", cfg], env=env,
                                    stdout=subprocess.DEVNULL, stderr=err)

            # 1. READY=1 once the broker connection and the state are up.
            ready, before = notify.wait_for("READY=1", 60, proc)
            print("ready:", repr(ready))
            statuses = [m for m in before + [ready] if "STATUS=" in m]
            if not any("2 feeds" in m for m in statuses):
                fail(f"no STATUS= naming the 2 feeds before READY; got {before + [ready]}")

            # 2. The watchdog is fed repeatedly (every ~100 ms for WATCHDOG_USEC=200 ms).
            pings = 0
            deadline = time.time() + 5
            while pings < 3 and time.time() < deadline:
                msg = notify.receive(deadline - time.time())
                if msg and "WATCHDOG=1" in msg.split("\n"):
                    pings += 1
            if pings < 3:
                fail(f"only {pings} WATCHDOG=1 in 5 s with WATCHDOG_USEC=200000")
            print("watchdog pings: ok")

            # 3. /metrics parses and shows the daemon's state.
            doc = scrape(port)
            if sample(doc, "herald_up", {}) != 1.0:
                fail(f"herald_up is {sample(doc, 'herald_up', {})}, want 1")
            if sample(doc, "herald_feeds_configured", {}) != 2.0:
                fail(f"herald_feeds_configured is {sample(doc, 'herald_feeds_configured', {})}")
            print(f"metrics: {len(doc['samples'])} samples parse")

            # ...and counts real work: both loopback feeds get polled.
            deadline = time.time() + 60
            while time.time() < deadline:
                polled = [sample(doc, "herald_polls_total", {"feed": f, "status": "ok"})
                          for f, _ in feeds]
                if all(v is not None and v >= 1 for v in polled):
                    break
                time.sleep(0.5)
                doc = scrape(port)
            else:
                fail(f"feeds not polled within 60 s: {polled}")
            for f, _ in feeds:
                if not sample(doc, "herald_feed_last_success_timestamp_seconds", {"feed": f}):
                    fail(f"no last-success timestamp for {f}")
            print("metrics: both feeds polled")

            # 4. SIGHUP with one feed dropped: RELOADING=1, then READY=1, new config running.
            harness.write_config(cfg, os.path.join(tmp, "state"), broker.bootstrap, feeds[:1],
                                 metrics)
            proc.send_signal(signal.SIGHUP)
            notify.wait_for("RELOADING=1", 30, proc)
            ready, _ = notify.wait_for("READY=1", 30, proc)
            if "STATUS=1 feeds" not in ready:
                fail(f"READY after reload does not report 1 feed: {ready!r}")
            doc = scrape(port)
            if sample(doc, "herald_feeds_configured", {}) != 1.0:
                fail("herald_feeds_configured is not 1 after the reload")
            if sample(doc, "herald_config_reloads_total", {"result": "ok"}) != 1.0:
                fail("herald_config_reloads_total{result=ok} is not 1 after the reload")
            print("reload: RELOADING=1 then READY=1, 1 feed")

            # 5. A broken file on SIGHUP: the running config is kept, still READY=1.
            with open(cfg, "a") as f:
                f.write("no_such_key: 1\n")
            proc.send_signal(signal.SIGHUP)
            notify.wait_for("RELOADING=1", 30, proc)
            notify.wait_for("READY=1", 30, proc)
            time.sleep(0.5)
            if proc.poll() is not None:
                fail(f"herald exited ({proc.returncode}) after a bad reload")
            doc = scrape(port)
            if sample(doc, "herald_config_reloads_total", {"result": "error"}) != 1.0:
                fail("herald_config_reloads_total{result=error} is not 1 after a bad reload")
            if sample(doc, "herald_config_last_reload_successful", {}) != 0.0:
                fail("herald_config_last_reload_successful is not 0 after a bad reload")
            if sample(doc, "herald_feeds_configured", {}) != 1.0:
                fail("a bad reload changed the running feeds")
            print("bad reload: kept the running config")

            # 6. SIGTERM: STOPPING=1, exit 0.
            proc.send_signal(signal.SIGTERM)
            notify.wait_for("STOPPING=1", 30)
            try:
                code = proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                fail("herald did not exit within 60 s of SIGTERM")
            if code != 0:
                err.seek(0)
                fail(f"herald exited {code} after SIGTERM:\n{err.read()[-3000:]}")
            print("shutdown: STOPPING=1, exit 0")

            # 7. Journal format: every line starts with a syslog priority, no timestamps.
            err.seek(0)
            lines = [l for l in err.read().splitlines() if l]
            if not lines:
                fail("herald logged nothing")
            bad = [l for l in lines if not re.match(r"^<[0-7]>", l) or re.match(r"^<\d>\[\d{4}-", l)]
            if bad:
                fail(f"{len(bad)} of {len(lines)} lines are not journal-formatted: {bad[:5]}")
            if not any(l.startswith("<3>reload rejected") for l in lines):
                fail("the rejected reload is not logged at error priority (<3>)")
            print(f"journal format: {len(lines)} lines ok, e.g.")
            print("\n".join("  " + l for l in lines[:8]))
            proc = None
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        http.stop()
        broker.stop()
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

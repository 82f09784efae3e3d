"""Real parts for herald's end-to-end tests: the kafka-dev-broker process, the
loopback HTTP server, herald itself, and a librdkafka consumer (confluent_kafka)."""
import argparse
import os
import select
import shutil
import subprocess
import tempfile
import time
import uuid

from confluent_kafka import Consumer, TopicPartition


def parse_args():
    """The arguments every daemon test takes from CTest: the binaries and the sample feeds."""
    ap = argparse.ArgumentParser()
    for k in ("herald", "broker", "httpd", "samples"):
        ap.add_argument("--" + k, required=True)
    return ap.parse_args()


def read_line_with(proc, prefix, timeout=30):
    """Reads proc.stdout until a line starting with prefix; returns the rest of it."""
    deadline = time.time() + timeout
    buf = b""
    fd = proc.stdout.fileno()
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if not r:
            if proc.poll() is not None:
                break
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        buf += chunk
        for line in buf.decode(errors="replace").splitlines():
            if line.startswith(prefix):
                return line[len(prefix):].strip()
    raise RuntimeError(f"no '{prefix}' line from {proc.args[0]} within {timeout}s; got {buf!r}")


class Broker:
    def __init__(self, binary, topics):
        args = [binary]
        for t in topics:
            args += ["--topic", t]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.bootstrap = read_line_with(self.proc, "BOOTSTRAP=")

    def command(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()
        return read_line_with(self.proc, "", timeout=10)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


class HttpServer:
    def __init__(self, binary, directory):
        self.proc = subprocess.Popen([binary, "--quiet", directory], stdout=subprocess.PIPE)
        self.port = int(read_line_with(self.proc, "PORT="))
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def consume_all(bootstrap, topic, idle_seconds=3.0, max_seconds=60.0):
    """Every record of every partition of topic, from the beginning, as dicts."""
    c = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "herald-test-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "session.timeout.ms": 6000,
        "heartbeat.interval.ms": 500,
        "topic.metadata.refresh.interval.ms": 1000,
    })
    md = c.list_topics(topic, timeout=10)
    parts = [TopicPartition(topic, p, 0) for p in md.topics[topic].partitions]
    c.assign(parts)
    out = []
    start = last = time.time()
    while time.time() - last < idle_seconds and time.time() - start < max_seconds:
        m = c.poll(0.2)
        if m is None:
            continue
        if m.error():
            continue
        last = time.time()
        out.append({"key": m.key().decode() if m.key() else None,
                    "value": m.value().decode(),
                    "headers": {k: v.decode() for k, v in (m.headers() or [])},
                    "partition": m.partition(), "offset": m.offset()})
    c.close()
    return out


class TempDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="herald-test-")
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


def write_config(path, state_dir, bootstrap, feeds, extra=""):
    lines = [f"state_dir: {state_dir}", "log: {level: info}", "feeds:"]
    for fid, url in feeds:
        lines += [f"  - id: {fid}", f"    url: {url}", "    tags: [sample]"]
    lines += ["kafka:", f"  brokers: {bootstrap}", "  flush_timeout: 20s",
              "  topics: {default: mideast.diplomacy.events, dead_letter: herald.dead-letter}",
              "  routes:", "    - match: {category: conflict}", "      topic: mideast.conflict.events"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n" + extra)

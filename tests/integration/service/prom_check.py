#!/usr/bin/python3
"""Validates Prometheus text exposition format 0.0.4 read from stdin.

Parses with the reference Python client (python3-prometheus-client's
text_string_to_metric_families) and adds the checks that parser leaves out:
every line matches the format's grammar, TYPE comes before a family's samples
and at most once, no series appears twice, histogram buckets are cumulative and
end with le="+Inf" equal to _count. On success prints the samples as JSON
({"samples": [{"name", "labels", "value"}], "types": {family: type}}) and exits 0;
otherwise prints the problem to stderr and exits 1.
"""
import json
import math
import re
import sys

from prometheus_client.parser import text_string_to_metric_families

NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"'
VALUE = r"(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?Inf|NaN)"
SAMPLE = re.compile(rf"^({NAME})(\{{(?:{LABEL}(?:,{LABEL})*)?\}})? {VALUE}(?: -?[0-9]+)?$")
HELP = re.compile(rf"^# HELP ({NAME}) (?:[^\\\n]|\\[\\n])*$")
TYPE = re.compile(rf"^# TYPE ({NAME}) (counter|gauge|histogram|summary|untyped)$")


def fail(msg):
    print(f"prom_check: {msg}", file=sys.stderr)
    sys.exit(1)


def family_of(sample_name, types):
    for suffix in ("_bucket", "_sum", "_count", ""):
        if suffix and sample_name.endswith(suffix):
            base = sample_name[: -len(suffix)]
            if types.get(base) in ("histogram", "summary"):
                return base
    return sample_name


def main():
    text = sys.stdin.read()
    if not text:
        fail("empty input")
    if not text.endswith("\n"):
        fail("output must end with a newline")
    types = {}
    seen_samples_of = set()
    for number, line in enumerate(text.split("\n")[:-1], 1):
        if line.startswith("# HELP"):
            if not HELP.match(line):
                fail(f"line {number}: bad HELP line: {line!r}")
        elif line.startswith("# TYPE"):
            m = TYPE.match(line)
            if not m:
                fail(f"line {number}: bad TYPE line: {line!r}")
            if m.group(1) in types:
                fail(f"line {number}: second TYPE for {m.group(1)}")
            if m.group(1) in seen_samples_of:
                fail(f"line {number}: TYPE for {m.group(1)} after its samples")
            types[m.group(1)] = m.group(2)
        elif line.startswith("#"):
            continue
        else:
            m = SAMPLE.match(line)
            if not m:
                fail(f"line {number}: not a valid sample line: {line!r}")
            family = family_of(m.group(1), types)
            if family not in types:
                fail(f"line {number}: sample {m.group(1)} has no TYPE")
            seen_samples_of.add(family)

    try:
        families = list(text_string_to_metric_families(text))
    except Exception as e:  # the reference parser's verdict
        fail(f"prometheus_client rejected the text: {e}")

    samples = []
    series = set()
    for fam in families:
        buckets = {}
        counts = {}
        for s in fam.samples:
            key = (s.name, tuple(sorted(s.labels.items())))
            if key in series:
                fail(f"duplicate series {s.name}{s.labels}")
            series.add(key)
            samples.append({"name": s.name, "labels": s.labels,
                            "value": None if math.isnan(s.value) else s.value})
            if fam.type == "histogram":
                rest = tuple(sorted((k, v) for k, v in s.labels.items() if k != "le"))
                if s.name.endswith("_bucket"):
                    buckets.setdefault(rest, []).append((float(s.labels["le"]), s.value))
                elif s.name.endswith("_count"):
                    counts[rest] = s.value
        for rest, bs in buckets.items():
            if bs != sorted(bs, key=lambda b: b[0]):
                fail(f"{fam.name}{dict(rest)}: buckets not in increasing le order")
            values = [v for _, v in bs]
            if any(b > a for a, b in zip(values[1:], values)):
                fail(f"{fam.name}{dict(rest)}: bucket counts are not cumulative")
            if bs[-1][0] != math.inf:
                fail(f'{fam.name}{dict(rest)}: last bucket is not le="+Inf"')
            if counts.get(rest) != bs[-1][1]:
                fail(f"{fam.name}{dict(rest)}: _count differs from the +Inf bucket")
    json.dump({"samples": samples, "types": types}, sys.stdout)


if __name__ == "__main__":
    main()

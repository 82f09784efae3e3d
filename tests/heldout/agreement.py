#!/usr/bin/env python3
"""Inter-annotator agreement on a held-out set, measured with the extraction scorer.

  tests/heldout/agreement.py --set tests/heldout/set9 [--scorer ../shared/eval/score_events.py]

A set with a second, independent annotation (`gold_b.json` beside `gold.json`) is scored
both ways: annotator B's events stand in for an extractor's output against A's gold, and
A's against B's. Each side is emitted either with its required events only or with all of
them (optional ones too); names are enriched as an extractor would give them (a person's
canonical name and country, a country code's name, from config/gazetteer) so that "Araghchi"
meets "IRN" the way herald's "Abbas Araghchi" (country IRN) would. The F1 of one annotator
against the other is the ceiling an extractor can be expected to reach on that set.

Run with --emit GOLD FILE [--all] it prints one annotator's events for one article (the
scorer calls it that way).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_gazetteer():
    try:
        import yaml
    except ImportError:
        sys.exit("agreement.py: needs PyYAML (Debian python3-yaml); run it with /usr/bin/python3")

    gaz = os.path.join(ROOT, "config", "gazetteer")
    people = yaml.safe_load(open(os.path.join(gaz, "people.yaml")))["people"]
    countries = yaml.safe_load(open(os.path.join(gaz, "countries.yaml")))["countries"]
    groups = yaml.safe_load(open(os.path.join(gaz, "groups.yaml")))["groups"]
    named = [(p["name"], p.get("aliases") or [], p.get("country")) for p in people + groups]
    return named, {c["code"]: c["name"] for c in countries}


def is_code(w):
    return len(w) == 3 and w.isupper()


def emit(gold_path, article, include_optional):
    named, countries = load_gazetteer()

    def part(w):
        if is_code(w):
            return {"name": countries.get(w, w), "kind": "country", "country": w}
        lw = w.lower()
        for name, aliases, country in named:
            if lw in (name.lower(), name.split()[-1].lower()) or lw in (a.lower() for a in aliases):
                return {"name": name, "country": country}
        return {"name": w}

    for art in json.load(open(gold_path)):
        if art["article"] != os.path.basename(article):
            continue
        for g in art["events"]:
            if g.get("optional") and not include_optional:
                continue
            ev = {
                "type": g["type"][0] if isinstance(g["type"], list) else g["type"],
                "status": g.get("status"),
                "date": g.get("when"),
                "actors": [part(w) for w in g.get("who", [])],
                "targets": [part(w) for w in g.get("with", [])],
            }
            if g.get("where"):
                w = g["where"][0] if isinstance(g["where"], list) else g["where"]
                ev["location"] = {"name": countries.get(w, w), "country": w if is_code(w) else None}
            print(json.dumps(ev))


def score(scorer, gold, articles, pred_gold, include_optional):
    cmd = [sys.executable, scorer, "--gold", gold, "--articles", articles, "--",
           sys.executable, os.path.abspath(__file__), "--emit", pred_gold, "{file}"]
    if include_optional:
        cmd.append("--all")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()
    return out[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", help="held-out set directory with gold.json and gold_b.json")
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "eval", "score_events.py"))
    ap.add_argument("--emit", nargs=2, metavar=("GOLD", "FILE"), help=argparse.SUPPRESS)
    ap.add_argument("--all", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.emit:
        emit(a.emit[0], a.emit[1], a.all)
        return
    if not a.set:
        ap.error("--set is required")
    ga, gb = os.path.join(a.set, "gold.json"), os.path.join(a.set, "gold_b.json")
    for path in (ga, gb, a.scorer):
        if not os.path.exists(path):
            sys.exit(f"agreement.py: {path} not found")
    for label, gold, pred in (("B scored against A", ga, gb), ("A scored against B", gb, ga)):
        for opt in (False, True):
            which = "all events" if opt else "required events"
            print(f"{label}, {which}: {score(a.scorer, gold, a.set, pred, opt)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Sure errors: herald's misses and false positives that both annotators agree on.

  /usr/bin/python3 tests/heldout/consensus.py --set tests/heldout/set14 --herald BUILD/herald
      [--set tests/heldout/set15 ...] [--verbose] [--data-dir config]
      [--scorer ../shared/eval/score_events.py]

A set with two independent annotations (`gold.json`, annotator A, and `gold_b.json`,
annotator B) separates herald's errors into those both annotators agree on and those
they dispute. Events are compared with the shared scorer's own `matches()`, and one
annotator's events are turned into extractor output with `agreement.py`'s `emit()` (names
enriched from config/gazetteer), so the rules are exactly the scorer's.

Gold events:
- an A event and a B event are the same event when either matches the other by the
  scorer's rules (A's gold against B's emitted event, or B's gold against A's; an event
  with a list of acceptable types is tried with each of them);
- a required A event that B also has as a required event is CONSENSUS; herald missing it
  (no herald event matches A's version nor any of B's) is a SURE MISS;
- a required event of one annotator that the other has not, or has only as optional, is
  DISPUTED (counted as "A only" / "B only").

Herald events:
- one that no gold event of either annotator matches (required or optional) is a SURE FP;
- one that only one annotator's gold matches is DISPUTED; one both match is agreed.

Per set it prints the consensus events, herald's recall on them, the sure misses, the
sure FPs (and per article), and the disputed counts; with several sets, a total line.
With --verbose it lists each sure miss (with the article sentence that names most of its
participants, a hint for where to look) and each sure FP (with herald's evidence
sentence), and names the nearest herald event of a sure miss: the first of type, place,
target, actor whose relaxation lets a herald event match, else "no event". Run it with /usr/bin/python3 (PyYAML is needed by agreement.py).
"""
import argparse
import contextlib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def types_of(g):
    return g["type"] if isinstance(g["type"], list) else [g["type"]]


def emitted(agreement, gold_path, article):
    """The events of one annotator for one article as extractor output, in gold order
    (optional ones included), through agreement.py's emit()."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        agreement.emit(gold_path, article, True)
    return [json.loads(line) for line in buf.getvalue().splitlines() if line.strip()]


def same_event(matches, g1, e1, g2, e2):
    """Either annotator's gold matches the other's emitted event, with any listed type."""
    for gold, ev, other in ((g1, e2, g2), (g2, e1, g1)):
        for t in types_of(other):
            if matches(gold, dict(ev, type=t)):
                return True
    return False


def run_herald(herald, data_dir, art, path):
    argv = [herald, "extract", "--data-dir", data_dir, "--published", art.get("published", ""),
            "--title", art.get("title", ""), path]
    res = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if res.returncode != 0:
        sys.exit(f"consensus.py: herald failed on {art['article']} (exit {res.returncode}): "
                 f"{res.stderr.strip()[:500]}")
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


SENT_SPLIT = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


def hint_sentence(text, g, countries):
    """The article sentence naming most of a gold event's participants (a reading aid)."""
    words = []
    for w in g.get("who", []) + g.get("with", []) + (g.get("where") or []):
        if len(w) == 3 and w.isupper():
            name = countries.get(w)
            if name:
                words.append(name.split()[-1][:5])
        else:
            words.append(w.split()[-1])
    best, best_n = "", 0
    for para in text.splitlines():
        for s in SENT_SPLIT.split(para):
            n = sum(1 for w in words if w and w.lower() in s.lower())
            if n > best_n:
                best, best_n = s.strip(), n
    return best


def near_miss(matches, versions, preds):
    """Why no herald event matches a sure miss: the first relaxation of the gold event
    (its type, place, targets, actors) under which some herald event would match it."""
    for label, relax in (("type", lambda g: dict(g, type=[e.get("type") for e in preds])),
                         ("place", lambda g: {k: v for k, v in g.items() if k != "where"}),
                         ("target", lambda g: {k: v for k, v in g.items() if k != "with"}),
                         ("actor", lambda g: {k: v for k, v in g.items() if k != "who"})):
        for v in versions:
            hits = [e for e in preds if matches(relax(v), e)]
            if hits:
                return label, hits[0]
    return "no event", None


def brief(ev):
    def names(key):
        return [p.get("name") if isinstance(p, dict) else p for p in ev.get(key) or []]

    loc = (ev.get("location") or {}).get("name")
    return f"{ev.get('type')} {names('actors')} -> {names('targets')} at {loc} {ev.get('date')}"


def score_set(set_dir, herald, data_dir, matches, agreement, countries, verbose):
    ga, gb = os.path.join(set_dir, "gold.json"), os.path.join(set_dir, "gold_b.json")
    for path in (ga, gb):
        if not os.path.exists(path):
            sys.exit(f"consensus.py: {path} not found (a set needs gold.json and gold_b.json)")
    gold_a = {a["article"]: a for a in json.load(open(ga))}
    gold_b = {a["article"]: a for a in json.load(open(gb))}
    c = dict(articles=0, consensus=0, recalled=0, a_only=0, b_only=0,
             herald=0, agreed=0, disputed_fp=0, sure_fp=0)
    lines = []
    for name, art in gold_a.items():
        path = os.path.join(set_dir, name)
        c["articles"] += 1
        events_a = art["events"]
        events_b = gold_b.get(name, {"events": []})["events"]
        em_a = emitted(agreement, ga, path)
        em_b = emitted(agreement, gb, path)
        preds = run_herald(herald, data_dir, art, path)
        c["herald"] += len(preds)
        text = open(path, encoding="utf-8").read()

        def pair(i, j):
            return same_event(matches, events_a[i], em_a[i], events_b[j], em_b[j])

        # gold events: consensus (both require it) or disputed (one requires it)
        for i, g in enumerate(events_a):
            if g.get("optional"):
                continue
            partners = [j for j, b in enumerate(events_b) if not b.get("optional") and pair(i, j)]
            if not partners:
                c["a_only"] += 1
                continue
            c["consensus"] += 1
            versions = [g] + [events_b[j] for j in partners]
            if any(matches(v, ev) for v in versions for ev in preds):
                c["recalled"] += 1
            elif verbose:
                why, near = near_miss(matches, versions, preds)
                lines.append(f"  SURE MISS {name}: {json.dumps(g)}\n"
                             f"      ~ {hint_sentence(text, g, countries)}\n"
                             f"      near: {why}" + (f" ({brief(near)})" if near else ""))
        for j, b in enumerate(events_b):
            if b.get("optional"):
                continue
            if not any(not g.get("optional") and pair(i, j) for i, g in enumerate(events_a)):
                c["b_only"] += 1

        # herald events: agreed, disputed (one gold matches) or sure FP (none)
        for ev in preds:
            in_a = any(matches(g, ev) for g in events_a)
            in_b = any(matches(g, ev) for g in events_b)
            if in_a and in_b:
                c["agreed"] += 1
            elif in_a or in_b:
                c["disputed_fp"] += 1
            else:
                c["sure_fp"] += 1
                if verbose:
                    sent = " ".join(e.get("sentence", "") for e in ev.get("evidence") or [])
                    lines.append(f"  SURE FP   {name}: {brief(ev)}\n      ~ {sent}")
    return c, lines


def summary(label, c):
    rec = c["recalled"] / c["consensus"] if c["consensus"] else 0.0
    per = c["sure_fp"] / c["articles"] if c["articles"] else 0.0
    return (f"{label}: consensus {c['consensus']}, herald recall {c['recalled']}/{c['consensus']}"
            f" ({rec:.2f}), sure misses {c['consensus'] - c['recalled']}; herald events "
            f"{c['herald']}, sure FPs {c['sure_fp']} ({per:.2f}/article), disputed herald events "
            f"{c['disputed_fp']}; disputed gold: A only {c['a_only']}, B only {c['b_only']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", action="append", required=True,
                    help="set directory with gold.json and gold_b.json (repeatable)")
    ap.add_argument("--herald", required=True, help="herald binary")
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "config"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "eval", "score_events.py"))
    ap.add_argument("--verbose", action="store_true", help="list sure misses and sure FPs")
    a = ap.parse_args()
    if not os.path.exists(a.scorer):
        sys.exit(f"consensus.py: scorer {a.scorer} not found")
    matches = load_module("score_events", a.scorer).matches
    agreement = load_module("agreement", os.path.join(HERE, "agreement.py"))
    countries = agreement.load_gazetteer()[1]
    total = {}
    for set_dir in a.set:
        c, lines = score_set(set_dir, a.herald, a.data_dir, matches, agreement, countries, a.verbose)
        for line in lines:
            print(line)
        print(summary(os.path.basename(os.path.normpath(set_dir)), c))
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
    if len(a.set) > 1:
        print(summary("total", total))


if __name__ == "__main__":
    main()

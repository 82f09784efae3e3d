#!/usr/bin/env python3
"""Precision calibration: which kinds of emitted events are usually wrong?

  tests/heldout/calibrate.py [--herald build/q/herald] [--dump events.jsonl] [--load events.jsonl]
                             [--features type,status,...] [--min 6] [--drop SPEC ...]

Runs herald on every development set (tests/seeds/heldout, tests/heldout = set 1, set2 ...
set11; set9/set10 also against gold_b.json) and labels each predicted event the way the
scorer (../shared/eval/score_events.py, `matches`) does: TP (matches a required gold event),
neutral (matches only optional gold), FP (matches nothing), dup (same gold as an earlier one).
Each event gets structural features read from its JSON and evidence; the report lists
buckets (type x one or two features) with their pooled TP/FP/neutral counts and the sets
they come from. The blind sets (12, 13) and the seed texts are never read.

--drop SPEC simulates a policy: events whose features match SPEC (e.g.
"type=statement,actor_kind=none") are removed and every set is re-scored (F1/P/R, dates),
split into the choice sets (seeds-heldout, 1-8) and the held-out sets (9-11, 9-B, 10-B).
"""
import argparse
import itertools
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "eval"))
from score_events import matches  # noqa: E402

CHOICE = ["dev", "set1"] + [f"set{i}" for i in range(2, 9)]
HELDOUT = ["set9", "set10", "set11", "set9-B", "set10-B"]


def sets():
    h = os.path.join(ROOT, "tests", "heldout")
    out = [("dev", os.path.join(ROOT, "tests", "seeds", "heldout"), "gold.json"), ("set1", h, "gold.json")]
    for i in range(2, 12):
        out.append((f"set{i}", os.path.join(h, f"set{i}"), "gold.json"))
    for i in (9, 10):
        out.append((f"set{i}-B", os.path.join(h, f"set{i}"), "gold_b.json"))
    return out


DATA_DIR = os.path.join(ROOT, "config")


def run_herald(herald, d, art):
    argv = [herald, "extract", "--data-dir", DATA_DIR, "--published",
            art.get("published", ""), "--title", art.get("title", ""), os.path.join(d, art["article"])]
    res = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if res.returncode != 0:
        sys.exit(f"herald failed on {art['article']}: {res.stderr[:300]}")
    return [json.loads(x) for x in res.stdout.splitlines() if x.strip()]


REPORTED = re.compile(r"\b(said|says|say|told|according to|added|stated|warned|noted|reported)\b", re.I)
QUOTE = re.compile("[\"\u201c\u201d]")


def paragraph_of(text, sentence):
    pos = text.find(sentence[:60])
    if pos < 0:
        return -1
    chunks = re.split(r"\n\s*\n", text[:pos])
    return len([c for c in chunks[:-1] if c.strip()])


def features(ev, text, title, lead_names):
    f = {"type": ev.get("type"), "status": ev.get("status")}
    f["date"] = "null" if ev.get("date") is None else "set"
    actors = ev.get("actors") or []
    kinds = sorted({(a.get("kind") or "?") for a in actors})
    f["actor_kind"] = "+".join(kinds) if kinds else "none"
    f["n_actors"] = str(min(len(actors), 3))
    f["n_targets"] = str(min(len(ev.get("targets") or []), 2))
    f["location"] = "yes" if ev.get("location") else "no"
    attrs = ev.get("attributes") or {}
    f["attrs"] = "+".join(sorted(attrs)) if attrs else "none"
    ev_list = ev.get("evidence") or []
    f["n_evidence"] = str(min(len(ev_list), 3))
    sent = ev_list[0]["sentence"] if ev_list else ""
    p = paragraph_of(text, sent) if sent else -1
    f["para"] = "lede" if p == 0 else ("p2" if p == 1 else ("later" if p > 1 else "?"))
    f["quote"] = "yes" if QUOTE.search(sent) else "no"
    f["reported"] = "yes" if REPORTED.search(sent) else "no"
    names = [a.get("name", "") for a in actors]
    f["lead_actor"] = "yes" if any(n and n in lead_names for n in names) else "no"
    tl = title.lower()
    f["in_title"] = "yes" if any(n and n.split()[-1].lower() in tl for n in names) or any(
        (a.get("country") or "") and a.get("name", "").lower() in tl for a in actors) else "no"
    return f


def label(golds, preds):
    """Scorer labels in order: TP, neutral, FP, dup."""
    seen, out = set(), []
    for ev in preds:
        m = frozenset(i for i, g in enumerate(golds) if matches(g, ev))
        if not m:
            out.append("FP")
        elif m in seen:
            out.append("dup")
        else:
            seen.add(m)
            out.append("TP" if any(not golds[i].get("optional") for i in m) else "neutral")
    return out


def score(golds_by_art, preds_by_art):
    tp = fp = fn = dok = dn = 0
    for art, golds in golds_by_art.items():
        preds = preds_by_art.get(art, [])
        hit = [False] * len(golds)
        seen = set()
        for ev in preds:
            m = frozenset(i for i, g in enumerate(golds) if matches(g, ev))
            if not m:
                fp += 1
                continue
            if m in seen:
                continue
            seen.add(m)
            req = [i for i in m if not golds[i].get("optional")]
            for i in req:
                if not hit[i] and golds[i].get("when"):
                    dn += 1
                    dok += ev.get("date") == golds[i]["when"]
                hit[i] = True
            if req:
                tp += 1
        fn += sum(1 for i, g in enumerate(golds) if not g.get("optional") and not hit[i])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "P": p, "R": r, "F1": f, "dates": f"{dok}/{dn}"}


def collect(herald):
    rows = []
    jobs = []
    for name, d, gname in sets():
        for art in json.load(open(os.path.join(d, gname))):
            jobs.append((name, d, art))
    cache = {}

    def work(job):
        name, d, art = job
        key = (d, art["article"])
        return key, run_herald(herald, d, art)

    uniq = {(d, a["article"]): (n, d, a) for n, d, a in jobs}
    with ThreadPoolExecutor(2) as ex:
        for key, preds in ex.map(work, uniq.values()):
            cache[key] = preds
    for name, d, art in jobs:
        preds = cache[(d, art["article"])]
        text = open(os.path.join(d, art["article"]), encoding="utf-8").read()
        count = defaultdict(int)
        for ev in preds:
            for a in ev.get("actors") or []:
                count[a.get("name", "")] += 1
        lead = {max(count, key=count.get)} if count else set()
        labels = label(art["events"], preds)
        for k, (ev, lab) in enumerate(zip(preds, labels)):
            rows.append({"set": name, "article": art["article"], "idx": k, "label": lab,
                         "f": features(ev, text, art.get("title", ""), lead), "ev": ev})
    golds = {name: {art["article"]: art["events"] for art in json.load(open(os.path.join(d, g)))}
             for name, d, g in sets()}
    return rows, golds


def parse_spec(spec):
    return [dict(kv.split("=", 1) for kv in s.split(",")) for s in spec]


def hits(f, specs):
    return any(all(f.get(k) in v.split("|") for k, v in s.items()) for s in specs)


def simulate(rows, golds, specs):
    by = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by[r["set"]][r["article"]].append(r)
    res = {}
    for name, arts in golds.items():
        before = {a: [r["ev"] for r in sorted(by[name][a], key=lambda r: r["idx"])] for a in arts}
        after = {a: [r["ev"] for r in sorted(by[name][a], key=lambda r: r["idx"]) if not hits(r["f"], specs)]
                 for a in arts}
        res[name] = (score(arts, before), score(arts, after))
    return res


def pooled(res, names):
    tp = sum(res[n][1]["tp"] for n in names)
    fp = sum(res[n][1]["fp"] for n in names)
    fn = sum(res[n][1]["fn"] for n in names)
    tp0 = sum(res[n][0]["tp"] for n in names)
    fp0 = sum(res[n][0]["fp"] for n in names)
    fn0 = sum(res[n][0]["fn"] for n in names)

    def f1(t, p, n):
        return 2 * t / (2 * t + p + n) if t else 0.0
    return f1(tp0, fp0, fn0), f1(tp, fp, fn)


def bucket_table(rows, keys, names, min_n):
    agg = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for r in rows:
        if r["set"] not in names or r["label"] == "dup":
            continue
        f = r["f"]
        for combo in keys:
            b = ("type=" + f["type"],) + tuple(f"{k}={f[k]}" for k in combo)
            agg[b][r["label"]][r["set"]] += 1
    out = []
    for b, c in agg.items():
        tp, fp, nt = (sum(c[x].values()) for x in ("TP", "FP", "neutral"))
        if tp + fp < min_n:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        nsets = len(set(c["FP"]))
        out.append((prec, b, tp, fp, nt, nsets, dict(c["FP"])))
    out.sort()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--herald", default=os.path.join(ROOT, "build", "q", "herald"))
    ap.add_argument("--data-dir", help="herald data dir (default: config; a copy without "
                    "extraction/precision.yaml measures the events before the policy)")
    ap.add_argument("--dump")
    ap.add_argument("--load")
    ap.add_argument("--min", type=int, default=6)
    ap.add_argument("--on", default="choice", choices=["choice", "all", "heldout"])
    ap.add_argument("--features", default="status,date,actor_kind,n_actors,n_targets,location,attrs,"
                    "n_evidence,para,quote,reported,lead_actor,in_title")
    ap.add_argument("--pairs", action="store_true", help="also type x two features")
    ap.add_argument("--drop", nargs="*", default=[])
    a = ap.parse_args()
    if a.data_dir:
        global DATA_DIR
        DATA_DIR = os.path.abspath(a.data_dir)
    if a.load:
        data = json.load(open(a.load))
        rows, golds = data["rows"], data["golds"]
    else:
        rows, golds = collect(a.herald)
        if a.dump:
            json.dump({"rows": rows, "golds": golds}, open(a.dump, "w"))
    if a.drop:
        specs = parse_spec(a.drop)
        res = simulate(rows, golds, specs)
        print(f"{'set':<9}{'F1 before':>10}{'after':>7}{'P':>12}{'R':>12}{'dates':>14}")
        for n in CHOICE + HELDOUT:
            b, f = res[n]
            print(f"{n:<9}{b['F1']:10.3f}{f['F1']:7.3f}  {b['P']:.2f}->{f['P']:.2f}  {b['R']:.2f}->{f['R']:.2f}"
                  f"  {b['dates']:>6}->{f['dates']}")
        for label, names in (("choice", CHOICE), ("heldout", HELDOUT)):
            b, f = pooled(res, names)
            c = defaultdict(int)
            for r in rows:
                if r["set"] in names and hits(r["f"], specs):
                    c[r["label"]] += 1
            print(f"pooled {label}: F1 {b:.4f} -> {f:.4f}; dropped {dict(c)}")
        return
    feats = a.features.split(",")
    keys = [(k,) for k in feats]
    if a.pairs:
        keys += list(itertools.combinations(feats, 2))
    names = {"choice": CHOICE, "heldout": HELDOUT, "all": CHOICE + HELDOUT[:3]}[a.on]
    lab = defaultdict(int)
    for r in rows:
        if r["set"] in names:
            lab[r["label"]] += 1
    print(f"{a.on}: {dict(lab)}")
    print(f"{'prec':>5} {'tp':>4} {'fp':>4} {'neu':>4} {'sets':>4}  bucket")
    for prec, b, tp, fp, nt, nsets, fps in bucket_table(rows, keys, names, a.min)[:60]:
        print(f"{prec:5.2f} {tp:4d} {fp:4d} {nt:4d} {nsets:4d}  {' '.join(b)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Near-miss analysis: pair each false positive with a missed gold event of the same
article and say what made it wrong (tests/heldout/NEARMISS.md).

Run from the repo root with /usr/bin/python3:
  nearmiss.py --herald BUILD/herald [--data-dir config] [--scorer-dir ../shared/eval]
              [--sets 12,13,12-B,13-B] [--lines]

Matching is the shared scorer's own `matches()` (imported, not copied). A FP and a MISS
are paired when they are near: the FP's evidence sentences (and the sentence either side)
name a participant of the gold event or the FP shares one of them, and at most two of
the scorer's four tests (type, who, with, where) fail. Pairs are taken fewest failures
first, each FP and MISS once. What is left is "spurious" (FP) or "not found" (MISS).
"""
import argparse
import collections
import json
import os
import re
import sys

import yaml


def load_countries(data_dir):
    names = {}
    with open(os.path.join(data_dir, "gazetteer", "countries.yaml")) as f:
        for c in yaml.safe_load(f)["countries"]:
            names[c["code"]] = [c["name"]] + list(c.get("aliases") or []) + list(c.get("adjectives") or [])
    return names


def set_list(spec):
    out = []
    for s in spec.split(","):
        b = s.endswith("-B")
        n = s[:-2] if b else s
        d = "tests/heldout" if n == "1" else f"tests/heldout/set{n}"
        out.append((s, os.path.join(d, "gold_b.json" if b else "gold.json"), d))
    return out


def sentence_spans(text):
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"')]?\s+(?=[\"'(A-Z0-9])|\n+", text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def window(text, spans, ev):
    idx = set()
    for e in ev.get("evidence") or []:
        for i, (a, b) in enumerate(spans):
            if a < e["end"] and e["start"] < b:
                idx.update({i - 1, i, i + 1})
    return " ".join(text[spans[i][0]:spans[i][1]] for i in sorted(idx) if 0 <= i < len(spans))


def label(sc, preds, golds):
    """The scorer's outcome per prediction: TP / neutral / dup / FP, and the missed golds."""
    hit = [False] * len(golds)
    seen, kinds = set(), []
    for ev in preds:
        m = frozenset(i for i, g in enumerate(golds) if sc.matches(g, ev))
        if not m:
            kinds.append("FP")
            continue
        if m in seen:
            kinds.append("dup")
            continue
        seen.add(m)
        req = [i for i in m if not golds[i].get("optional")]
        for i in req:
            hit[i] = True
        kinds.append("TP" if req else "neutral")
    miss = [i for i, g in enumerate(golds) if not g.get("optional") and not hit[i]]
    return kinds, miss


def gtypes(g):
    return g["type"] if isinstance(g["type"], list) else [g["type"]]


def classify(sc, g, ev, preds, countries):
    """Failures of the pair (list of category strings)."""
    parts = sc.participants(ev)
    fails = []
    if ev.get("type") not in gtypes(g):
        fails.append(f"type {ev.get('type')}->{gtypes(g)[0]}")
    who_missing = [w for w in g.get("who", []) if not sc.entry_matches(w, parts)]
    gold_entries = g.get("who", []) + g.get("with", [])
    extra = [p for p in parts if not any(sc.entry_matches(w, [p]) for w in gold_entries)]
    if who_missing:
        others = [p for p in preds if p is not ev and p.get("type") == ev.get("type")]
        if any(all(sc.entry_matches(w, sc.participants(o)) for w in who_missing) for o in others):
            fails.append("who: split (the missing actor is in another event)")
        elif not extra:
            fails.append("who: actor missing")
        else:
            x = extra[0]
            w = who_missing[0]
            kind = x.get("kind")
            if any(sc.entry_matches(v, [x]) for v in g.get("with", [])):
                fails.append("who: host/guest or actor/target swap")
            elif kind in ("organisation",) and sc.is_code(w):
                fails.append("who: organisation instead of country")
            elif kind == "country" and not sc.is_code(w):
                fails.append("who: country instead of person/body")
            elif kind == "person" and sc.is_code(w):
                fails.append("who: person of another country")
            elif kind == "person":
                fails.append("who: wrong person")
            else:
                fails.append(f"who: wrong {kind}")
    withs = g.get("with", [])
    if withs:
        hit = sum(sc.entry_matches(w, parts) for w in withs)
        if hit * 2 < len(withs):
            fails.append("with: target missing" if not ev.get("targets") else "with: wrong target")
    if g.get("where") and not sc.where_matches(g["where"], ev, parts):
        fails.append("where: no place" if not ev.get("location") else "where: wrong place")
    return fails


def near(sc, g, ev, win, countries):
    parts = sc.participants(ev)
    entries = g.get("who", []) + g.get("with", [])
    if any(sc.entry_matches(w, parts) for w in entries):
        return True
    fw = sc.fold(win)
    for w in entries:
        names = countries.get(w, []) if sc.is_code(w) else [w]
        if any(sc.fold(n) in fw for n in names):
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--herald", required=True)
    ap.add_argument("--data-dir", default="config")
    ap.add_argument("--scorer-dir", default="../shared/eval")
    ap.add_argument("--sets", default="12,13,12-B,13-B")
    ap.add_argument("--lines", action="store_true", help="print every pair")
    a = ap.parse_args()
    sys.path.insert(0, a.scorer_dir)
    import score_events as sc

    countries = load_countries(a.data_dir)
    cmd = [a.herald, "extract", "--data-dir", a.data_dir, "--published", "{published}",
           "--title", "{title}", "{file}"]
    table = collections.OrderedDict()
    for name, gold, d in set_list(a.sets):
        cnt = collections.Counter()
        for art in json.load(open(gold)):
            path = os.path.join(d, art["article"])
            preds = sc.run_extractor(cmd, art, path)
            text = open(path, encoding="utf-8").read()
            spans = sentence_spans(text)
            golds = art["events"]
            kinds, miss = label(sc, preds, golds)
            fps = [i for i, k in enumerate(kinds) if k == "FP"]
            cands = []
            for fi in fps:
                ev = preds[fi]
                win = window(text, spans, ev)
                for gi in miss:
                    if not near(sc, golds[gi], ev, win, countries):
                        continue
                    f = classify(sc, golds[gi], ev, preds, countries)
                    if len(f) <= 2:
                        cands.append((len(f), fi, gi, f))
            cands.sort(key=lambda c: (c[0], c[1], c[2]))
            used_f, used_g = set(), set()
            for n, fi, gi, f in cands:
                if fi in used_f or gi in used_g:
                    continue
                used_f.add(fi)
                used_g.add(gi)
                cat = f[0] if n == 1 else "two errors: " + " + ".join(sorted(x.split(":")[0].split(" ")[0] for x in f))
                if n == 1 and f[0].startswith("type"):
                    cat = "type " + f[0][5:]
                cnt[cat] += 1
                if a.lines:
                    ev = preds[fi]
                    print(f"{name} {art['article']}: {cat} | {' ; '.join(f)}\n   FP {json.dumps(sc.brief(ev))}\n"
                          f"   GOLD {json.dumps(golds[gi])}\n   EVID {(ev.get('evidence') or [{}])[0].get('sentence', '')[:300]}")
            for fi in fps:
                if fi not in used_f:
                    cnt["spurious FP (no near miss)"] += 1
                    if a.lines:
                        print(f"{name} {art['article']}: spurious FP {json.dumps(sc.brief(preds[fi]))}\n   EVID "
                              f"{(preds[fi].get('evidence') or [{}])[0].get('sentence', '')[:300]}")
            for gi in miss:
                if gi not in used_g:
                    cnt[f"not found ({gtypes(golds[gi])[0]})"] += 1
                    if a.lines:
                        print(f"{name} {art['article']}: not found {json.dumps(golds[gi])}")
        table[name] = cnt
    cats = sorted({c for t in table.values() for c in t}, key=lambda c: -sum(t[c] for t in table.values()))
    print("| category | " + " | ".join(table) + " | total |")
    print("|---|" + "---|" * (len(table) + 1))
    for c in cats:
        row = [table[s][c] for s in table]
        print(f"| {c} | " + " | ".join(str(x) for x in row) + f" | {sum(row)} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Precision calibration: which kinds of emitted events are usually wrong?

  tests/heldout/calibrate.py [--herald build/q/herald] [--dump events.jsonl] [--load events.jsonl]
                             [--features type,status,...] [--min 6] [--drop SPEC ...]
                             [--pool SETS=BIN[@DATADIR] ...] [--no-policy] [--loso]

Runs herald on every development set (tests/seeds/heldout, tests/heldout = set 1, set2 ...
set13; set9, set10, set12, set13 also against gold_b.json, as "setN-B") and labels each
predicted event the way the scorer (../shared/eval/score_events.py, `matches`) does: TP
(matches a required gold event), neutral (matches only optional gold), FP (matches nothing),
dup (same gold as an earlier one). Each event gets structural features read from its JSON
and evidence; the report lists buckets (type x one or two features) with their pooled
TP/FP/neutral counts and the sets they come from. The seed texts are never read.

--drop SPEC simulates a policy: events whose features match SPEC (e.g.
"type=statement,actor_kind=none") are removed and every set is re-scored (F1/P/R, dates),
split into the choice sets (seeds-heldout, 1-8) and the held-out sets (9-11, 9-B, 10-B).

Fresh-text pool (session 7): --pool takes the first-run engine per set, e.g.
  --pool set9,set10,set11=OLD/herald@OLD/config set12,set13=build/x/herald@config
and collects only those sets (with their -B sides). --no-policy runs every data dir through
a copy without extraction/precision.yaml, so the events are those before the policy.
--loso then judges candidate buckets (the --drop specs, or every bucket of >= --min events
in the pool) by leaving one set out: in each fold the bucket is "chosen" when dropping it
raises pooled F1 on the other sets (both annotations), and the fold's result is the F1
change on the left-out set against gold and against gold_b. "KEEP" marks a bucket chosen in
most folds whose left-out set gains in most folds on both annotations and whose pooled F1
rises on both; its cost on the developed sets is then checked with --drop on a full dump.
--given SPEC ... takes a policy as applied (candidates are judged on top of it); a --drop
candidate "A;B" is a policy of several rules.
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
FRESH = ["set9", "set10", "set11", "set12", "set13", "set9-B", "set10-B", "set12-B", "set13-B"]
B_SIDES = (9, 10, 12, 13)


def sets():
    h = os.path.join(ROOT, "tests", "heldout")
    out = [("dev", os.path.join(ROOT, "tests", "seeds", "heldout"), "gold.json"), ("set1", h, "gold.json")]
    for i in range(2, 14):
        out.append((f"set{i}", os.path.join(h, f"set{i}"), "gold.json"))
    for i in B_SIDES:
        out.append((f"set{i}-B", os.path.join(h, f"set{i}"), "gold_b.json"))
    return out


DATA_DIR = os.path.join(ROOT, "config")


def base_set(name):
    return name[:-2] if name.endswith("-B") else name


def without_policy(data_dir, cache={}):
    """A copy of data_dir without extraction/precision.yaml (events before the policy)."""
    if data_dir not in cache:
        import shutil
        import tempfile
        tmp = tempfile.mkdtemp(prefix="calibrate-")
        dst = os.path.join(tmp, "config")
        shutil.copytree(data_dir, dst)
        pol = os.path.join(dst, "extraction", "precision.yaml")
        if os.path.exists(pol):
            os.remove(pol)
        cache[data_dir] = dst
    return cache[data_dir]


def run_herald(herald, d, art, data_dir=None):
    argv = [herald, "extract", "--data-dir", data_dir or DATA_DIR, "--published",
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


def days(iso):
    import datetime
    return datetime.date.fromisoformat(iso[:10]).toordinal()


def features(ev, text, title, lead_names, published=""):
    f = {"type": ev.get("type"), "status": ev.get("status")}
    f["date"] = "null" if ev.get("date") is None else "set"
    # how far the event date lies before publication: old (> 30 days), recent, or no date
    f["age"] = "null"
    if ev.get("date") and published:
        try:
            f["age"] = "old" if days(published) - days(ev["date"]) > 30 else "recent"
        except ValueError:
            f["age"] = "?"
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


def collect(herald, pool=None, no_policy=False):
    """pool: {base set name: (binary, data dir)}; None runs `herald` on every set."""
    rows = []
    jobs = []
    chosen = [s for s in sets() if pool is None or base_set(s[0]) in pool]
    for name, d, gname in chosen:
        for art in json.load(open(os.path.join(d, gname))):
            jobs.append((name, d, art))
    cache = {}

    def engine(name):
        binary, data_dir = pool[base_set(name)] if pool else (herald, DATA_DIR)
        return binary, (without_policy(data_dir) if no_policy else data_dir)

    def work(job):
        name, d, art = job
        key = (d, art["article"])
        binary, data_dir = engine(name)
        return key, run_herald(binary, d, art, data_dir)

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
                         "f": features(ev, text, art.get("title", ""), lead, art.get("published", "")),
                         "ev": ev})
    golds = {name: {art["article"]: art["events"] for art in json.load(open(os.path.join(d, g)))}
             for name, d, g in chosen}
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
    names = [n for n in names if n in res]
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


def parse_pool(specs):
    """["set9,set10=BIN@DIR", ...] -> {"set9": (BIN, DIR), ...}; DIR defaults to config."""
    pool = {}
    for spec in specs:
        names, _, engine = spec.partition("=")
        binary, _, data_dir = engine.partition("@")
        if not names or not binary:
            sys.exit(f"bad --pool '{spec}': expected SETS=BIN[@DATADIR]")
        for n in names.split(","):
            if n not in {base_set(s[0]) for s in sets()}:
                sys.exit(f"bad --pool '{spec}': unknown set '{n}'")
            pool[n] = (os.path.abspath(binary), os.path.abspath(data_dir) if data_dir else DATA_DIR)
    return pool


def f1_of(res, names, after):
    tp = sum(res[n][after]["tp"] for n in names)
    fp = sum(res[n][after]["fp"] for n in names)
    fn = sum(res[n][after]["fn"] for n in names)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def loso_report(rows, golds, cands):
    """Leave one set out. For each candidate bucket and each base set S: the bucket is
    chosen in S's fold when dropping it raises pooled F1 on every other side (gold and
    gold_b of the other sets); the fold's result is the F1 change on S (gold) and S-B."""
    sides = [n for n in golds]
    bases = sorted({base_set(n) for n in sides}, key=lambda x: (len(x), x))
    gold_sides = [n for n in sides if not n.endswith("-B")]
    b_sides = [n for n in sides if n.endswith("-B")]
    print("bucket: TP/FP/neutral gold | gold_b; chosen = folds where the other sets gain; "
          "per fold dF1 on the left-out set, gold / gold_b (x1000); pooled dF1 gold, gold_b")
    for spec in cands:
        specs = parse_spec(spec.split(";"))  # "A;B": a policy of several rules
        c = {g: defaultdict(int) for g in ("gold", "b")}
        for r in rows:
            if hits(r["f"], specs) and r["label"] != "dup":
                c["b" if r["set"].endswith("-B") else "gold"][r["label"]] += 1
        res = simulate(rows, golds, specs)
        chosen = up_g = up_b = down_g = down_b = 0
        nb = 0
        folds = []
        for s in bases:
            train = [n for n in sides if base_set(n) != s]
            gain = f1_of(res, train, 1) - f1_of(res, train, 0)
            chosen += gain > 0
            dg = res[s][1]["F1"] - res[s][0]["F1"]
            up_g += dg > 1e-9
            down_g += dg < -1e-9
            cell = f"{s[3:]}:{1000 * dg:+.0f}"
            if s + "-B" in res:
                nb += 1
                db = res[s + "-B"][1]["F1"] - res[s + "-B"][0]["F1"]
                up_b += db > 1e-9
                down_b += db < -1e-9
                cell += f"/{1000 * db:+.0f}"
            folds.append(cell)
        pg = f1_of(res, gold_sides, 1) - f1_of(res, gold_sides, 0)
        pb = f1_of(res, b_sides, 1) - f1_of(res, b_sides, 0) if b_sides else 0.0
        keep = (chosen > len(bases) / 2 and up_g > len(bases) / 2 and up_b > nb / 2 and pg > 0
                and pb > 0)
        cnt = lambda g: f"{c[g]['TP']}/{c[g]['FP']}/{c[g]['neutral']}"  # noqa: E731
        print(f"{'KEEP' if keep else '    '} {spec:<44} {cnt('gold'):>9} | {cnt('b'):<9} "
              f"chosen {chosen}/{len(bases)} up {up_g}/{len(bases)} down {down_g}, "
              f"B up {up_b}/{nb} down {down_b}  [{' '.join(folds)}]  pooled {1000 * pg:+.1f} {1000 * pb:+.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--herald", default=os.path.join(ROOT, "build", "q", "herald"))
    ap.add_argument("--data-dir", help="herald data dir (default: config; a copy without "
                    "extraction/precision.yaml measures the events before the policy)")
    ap.add_argument("--dump")
    ap.add_argument("--load", nargs="*", help="one or more dumps (pooled)")
    ap.add_argument("--min", type=int, default=6)
    ap.add_argument("--on", default="choice", choices=["choice", "all", "heldout", "fresh", "fresh-gold", "fresh-b"])
    ap.add_argument("--features", default="status,date,age,actor_kind,n_actors,n_targets,location,attrs,"
                    "n_evidence,para,quote,reported,lead_actor,in_title")
    ap.add_argument("--pairs", action="store_true", help="also type x two features")
    ap.add_argument("--drop", nargs="*", default=[])
    ap.add_argument("--pool", nargs="*", default=[], metavar="SETS=BIN[@DATADIR]",
                    help="first-run engine per set (comma-separated base names, e.g. set9,set10)")
    ap.add_argument("--no-policy", action="store_true", help="run a copy of each data dir "
                    "without extraction/precision.yaml")
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out judgement of "
                    "candidate buckets (the --drop specs, else every bucket) on the pooled sets")
    ap.add_argument("--given", nargs="*", default=[], metavar="SPEC", help="a policy taken as "
                    "applied: events it drops are removed before buckets are counted or judged")
    a = ap.parse_args()
    if a.data_dir:
        global DATA_DIR
        DATA_DIR = os.path.abspath(a.data_dir)
    if a.load:
        rows, golds = [], {}
        for path in a.load:
            data = json.load(open(path))
            rows += data["rows"]
            golds.update(data["golds"])
    else:
        pool = parse_pool(a.pool) if a.pool else None
        rows, golds = collect(a.herald, pool, a.no_policy)
        if a.dump:
            json.dump({"rows": rows, "golds": golds}, open(a.dump, "w"))
    if a.given:
        given = parse_spec(a.given)
        rows = [r for r in rows if not hits(r["f"], given)]
    if a.loso:
        feats = a.features.split(",")
        keys = [(k,) for k in feats] + (list(itertools.combinations(feats, 2)) if a.pairs else [])
        cands = a.drop or [",".join(b) for _, b, *_ in bucket_table(rows, keys, list(golds), a.min)]
        loso_report(rows, golds, cands)
        return
    if a.drop:
        specs = parse_spec(a.drop)
        res = simulate(rows, golds, specs)
        print(f"{'set':<9}{'F1 before':>10}{'after':>7}{'P':>12}{'R':>12}{'dates':>14}")
        for n in [n for n in CHOICE + FRESH if n in res]:
            b, f = res[n]
            print(f"{n:<9}{b['F1']:10.3f}{f['F1']:7.3f}  {b['P']:.2f}->{f['P']:.2f}  {b['R']:.2f}->{f['R']:.2f}"
                  f"  {b['dates']:>6}->{f['dates']}")
        groups = (("choice", CHOICE), ("heldout", HELDOUT), ("fresh", FRESH))
        for label, names in [(g, n) for g, n in groups if any(x in golds for x in n)]:
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
    names = {"choice": CHOICE, "heldout": HELDOUT, "all": CHOICE + HELDOUT[:3], "fresh": FRESH,
             "fresh-gold": FRESH[:5], "fresh-b": FRESH[5:]}[a.on]
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

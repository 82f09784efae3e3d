#!/usr/bin/python3
# Lexicon audit runner (tests/heldout/LEXICON.md): audit.py HERALD DATA_DIR SENTENCES [TYPE].
# Each line TYPE|STATUS|sentence runs through `herald extract --all`; prints OK/MISS/FP per line.
import sys, subprocess, json
herald, cfg, src = sys.argv[1], sys.argv[2], sys.argv[3]
only = sys.argv[4] if len(sys.argv) > 4 else None
res = {}
for ln in open(src):
    ln = ln.rstrip('\n')
    if not ln or ln.startswith('#'): continue
    t, st, s = ln.split('|', 2)
    neg = t.startswith('!'); t = t.lstrip('!')
    if only and t != only: continue
    p = subprocess.run([herald, 'extract', '--data-dir', cfg, '--published', '2024-06-12T15:00:00Z', '--all', '-'],
                       input=s + '\n', capture_output=True, text=True)
    evs = [json.loads(l) for l in p.stdout.splitlines() if l.strip().startswith('{')]
    got = [(e['type'], e['status']) for e in evs]
    hit = any(e[0] == t and (st == '-' or e[1] == st) for e in got)
    ok = (not hit) if neg else hit
    tag = 'OK  ' if ok else ('FP  ' if neg else 'MISS')
    res.setdefault(t, [0, 0])[0 if ok else 1] += 1
    print(f"{tag} {'!' if neg else ''}{t:11s} {s[:110]}  -> {got}")
print(res)

#!/usr/bin/python3
# Syntax audit runner (tests/heldout/SYNTAX.md): audit.py HERALD DATA_DIR SENTENCES [--table].
# Each line CONSTRUCTION|TYPE|STATUS|ACTOR|TARGET|DATE|text runs through `herald extract --all`
# (published 2024-06-12T15:00:00Z). Per line: OK, or what failed on the best event of the type:
# type (none found), status, actor, target, date; FP for a negative control ("!TYPE") found.
# --table adds the constructions x types table (cells: passed/rows).
import sys, subprocess, json
from collections import defaultdict
herald, cfg, src = sys.argv[1], sys.argv[2], sys.argv[3]
table = '--table' in sys.argv[4:]

def parts(e, side):
    return [(p.get('name') or '', p.get('country') or '') for p in e.get(side) or []]

def has(ps, want):
    w = want.lower()
    return any(w in n.lower() or w == c.lower() for n, c in ps)

def check(e, st, actor, target, date):
    fails = []
    if st != '-' and e['status'] != st: fails.append('status')
    a, t = parts(e, 'actors'), parts(e, 'targets')
    for spec, side, tag in ((actor, a, 'actor'), (target, t, 'target')):
        if spec == '-': continue
        either = spec.startswith('~')
        pool = a + t if either else side
        if not all(has(pool, w) for w in spec.lstrip('~').split(',')): fails.append(tag)
    if date != '-' and e.get('date') != date: fails.append('date')
    return fails

cells = defaultdict(lambda: [0, 0])
fails_by = defaultdict(int)
for ln in open(src):
    ln = ln.rstrip('\n')
    if not ln or ln.startswith('#'): continue
    con, t, st, actor, target, date, s = ln.split('|', 6)
    neg = t.startswith('!'); t = t.lstrip('!')
    p = subprocess.run([herald, 'extract', '--data-dir', cfg, '--published', '2024-06-12T15:00:00Z', '--all', '-'],
                       input=s + '\n', capture_output=True, text=True)
    evs = [json.loads(l) for l in p.stdout.splitlines() if l.strip().startswith('{')]
    same = [e for e in evs if e['type'] == t]
    if neg:
        bad = [e for e in same if e['status'] != 'planned']
        res = ['FP'] if bad else []
    elif not same:
        res = ['type']
    else:
        res = min((check(e, st, actor, target, date) for e in same), key=len)
    key = ('control' if neg else con, t)
    cells[key][1] += 1
    if not res: cells[key][0] += 1
    for f in res: fails_by[f] += 1
    got = [(e['type'], e['status'], [p['name'] for p in e['actors']], [p['name'] for p in e['targets']], e.get('date'))
           for e in evs]
    print(f"{'OK  ' if not res else ','.join(res):14s} {con:11s} {'!' if neg else ''}{t:11s} {s[:100]}\n"
          f"{'':15s}-> {got}")
ok = sum(c[0] for c in cells.values()); n = sum(c[1] for c in cells.values())
print(f'passed {ok}/{n}; failures by kind: {dict(fails_by)}')
if table:
    types = sorted({k[1] for k in cells})
    cons = sorted({k[0] for k in cells})
    print('| construction | ' + ' | '.join(types) + ' | total |')
    print('|---' * (len(types) + 2) + '|')
    for c in cons:
        row = [cells[(c, t)] if (c, t) in cells else None for t in types]
        tot = [sum(r[0] for r in row if r), sum(r[1] for r in row if r)]
        print(f'| {c} | ' + ' | '.join(f'{r[0]}/{r[1]}' if r else '' for r in row) + f' | {tot[0]}/{tot[1]} |')

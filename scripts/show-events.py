#!/usr/bin/python3
"""Pretty-prints contract events (JSON lines on stdin) one line each, as a consumer sees them."""
import json
import sys


def who(ps):
    out = []
    for p in ps or []:
        s = p.get("name", "?")
        if p.get("country") and p.get("kind") != "country":
            s += f" ({p['country']})"
        out.append(s)
    return ", ".join(out) or "-"


n = 0
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    ev = json.loads(line)
    n += 1
    loc = (ev.get("location") or {}).get("name") or "-"
    attrs = ev.get("attributes") or {}
    extra = " ".join(f"{k}={json.dumps(v)}" for k, v in attrs.items() if k in ("ordinal", "amount", "killed", "injured", "topics"))
    print(f"  {ev['type']:<11} {ev['status']:<8} {ev.get('date') or '?':<10} {who(ev.get('actors'))} -> "
          f"{who(ev.get('targets'))} @ {loc}  rev {ev['revision']} {extra}")
print(f"  ({n} events)")

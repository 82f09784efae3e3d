#!/usr/bin/python3
"""Self-test of check_gazetteer.py: a minimal valid gazetteer passes, and each kind of defect
is reported with its file and entry. Run with /usr/bin/python3 (needs python3-yaml)."""
import copy
import os
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_gazetteer.py")
MENA = ["EGY", "ISR", "PSE", "JOR", "LBN", "SYR", "IRQ", "IRN", "TUR", "SAU", "ARE", "QAT", "BHR",
        "KWT", "OMN", "YEM", "LBY", "TUN", "DZA", "MAR", "SDN", "MRT"]


def minimal():
    countries, places, people = [], [], []
    for c in MENA + ["USA"]:
        countries.append({"code": c, "name": "Country " + c, "aliases": [], "adjectives": [],
                          "capital": "Capital " + c, "metonyms": [],
                          "region": "world" if c == "USA" else "mena"})
        places.append({"name": "Capital " + c, "aliases": [], "country": c, "kind": "city",
                       "region": "mena"})
        people.append({"name": "Head " + c, "aliases": [], "country": c, "gender": "m",
                       "roles": [{"title": "President", "org": c, "from": "2020-01-01"}]})
        people.append({"name": "Minister " + c, "aliases": [], "country": c, "gender": "f",
                       "roles": [{"title": "Foreign Minister", "org": c, "from": "2021-02",
                                  "approx": True, "to": "2024-03-01"}]})
    return {
        "countries": {"countries": countries},
        "organisations": {"organisations": [
            {"id": "UN", "name": "United Nations", "aliases": ["UN"], "adjectives": ["UN"],
             "country": "", "region": "world"}]},
        "groups": {"groups": [
            {"id": "HAMAS", "name": "Hamas", "aliases": [], "adjectives": [], "country": "PSE",
             "region": "mena"}]},
        "places": {"places": places},
        "people": {"people": people},
        "roles": {"roles": [
            {"title": "President", "aliases": ["president"], "kind": "head_of_state"},
            {"title": "Foreign Minister", "aliases": ["foreign minister"], "kind": "diplomat"}]},
    }


def run(data):
    with tempfile.TemporaryDirectory() as d:
        for name, doc in data.items():
            with open(os.path.join(d, name + ".yaml"), "w", encoding="utf-8") as fh:
                yaml.safe_dump(doc, fh, allow_unicode=True)
        p = subprocess.run([sys.executable, CHECKER, d], capture_output=True, text=True)
        return p.returncode, p.stdout + p.stderr


FAILURES = []


def expect(label, data, rc, *needles):
    got_rc, out = run(data)
    ok = got_rc == rc and all(n in out for n in needles)
    print(("ok   " if ok else "FAIL ") + label)
    if not ok:
        FAILURES.append(label)
        print(f"  expected rc={rc} and {needles!r}; got rc={got_rc}:\n{out}")


def mutate(fn):
    d = copy.deepcopy(minimal())
    fn(d)
    return d


def main():
    expect("minimal gazetteer passes", minimal(), 0, "gazetteer OK")
    expect("bad country code", mutate(lambda d: d["countries"]["countries"][0].update(code="eg")),
           1, "countries.yaml", "not 3 upper-case letters")
    expect("missing required key",
           mutate(lambda d: d["countries"]["countries"][1].pop("adjectives")),
           1, "countries.yaml: #1 'ISR': missing required keys ['adjectives']")
    expect("unknown country reference",
           mutate(lambda d: d["groups"]["groups"][0].update(country="XYZ")),
           1, "groups.yaml: #0 'HAMAS'", "country XYZ is not defined")
    expect("unknown org in a role",
           mutate(lambda d: d["people"]["people"][0]["roles"][0].update(org="NOPE")),
           1, "people.yaml: #0 'Head EGY' role #0", "'NOPE' is neither")
    expect("unknown group in a role",
           mutate(lambda d: d["people"]["people"][0]["roles"][0].update(group="NOPE")),
           1, "'NOPE' is not a group id")
    expect("bad date", mutate(lambda d: d["people"]["people"][0]["roles"][0].update(
        **{"from": "2024-13-01"})), 1, "'from' '2024-13-01' is not YYYY-MM-DD")
    expect("from after to", mutate(lambda d: d["people"]["people"][1]["roles"][0].update(
        **{"from": "2025-01-01"})), 1, "from 2025-01-01 is after to 2024-03-01")
    expect("bad place kind", mutate(lambda d: d["places"]["places"][0].update(kind="town")),
           1, "places.yaml", "kind 'town' not in")
    expect("bad role kind", mutate(lambda d: d["roles"]["roles"][0].update(kind="boss")),
           1, "roles.yaml: #0 'President'", "kind 'boss' not in")
    expect("bad gender", mutate(lambda d: d["people"]["people"][0].update(gender="x")),
           1, "gender 'x' not in")

    def dup_alias(d):
        d["countries"]["countries"][0]["aliases"] = ["Shared"]
        d["organisations"]["organisations"][0]["aliases"].append("Shared")
    expect("alias naming two actors", mutate(dup_alias), 1, "'Shared': names 2 different actors")

    def allowed(d):
        dup_alias(d)
        d["countries"]["ambiguous"] = ["Shared"]
    expect("ambiguous allowlist accepts it", mutate(allowed), 0, "gazetteer OK")

    def stale(d):
        d["places"]["ambiguous"] = ["Nowhere"]
    expect("stale allowlist entry", mutate(stale), 1, "'Nowhere' is allowlisted but not ambiguous")
    expect("capital not in places",
           mutate(lambda d: d["countries"]["countries"][2].update(capital="Elsewhere")),
           1, "capital 'Elsewhere' is not a place")

    def no_fm(d):
        d["people"]["people"] = [p for p in d["people"]["people"] if p["name"] != "Minister JOR"]
    expect("MENA country without foreign minister", mutate(no_fm), 1,
           "people.yaml: JOR: no foreign minister")

    def no_head(d):
        d["people"]["people"] = [p for p in d["people"]["people"] if p["name"] != "Head QAT"]
    expect("MENA country without head", mutate(no_head), 1,
           "people.yaml: QAT: no head of state or government")

    expect("person out of the 2023-2025 window",
           mutate(lambda d: d["people"]["people"][0]["roles"][0].update(
               **{"from": "2001-01-01", "to": "2009-01-20"})),
           1, "'Head EGY': no role overlaps 2023-01-01..2025-12-31")

    def surname(d):
        d["people"]["people"][0]["name"] = "Someone Hamas"
    expect("surname that names an actor", mutate(surname), 1,
           "surname 'Hamas' (indexed by the engine) is also groups.yaml")

    def missing_file(d):
        del d["roles"]
    expect("missing file", mutate(missing_file), 1, "roles.yaml: (file): missing file")
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Validate the herald gazetteers (config/gazetteer/*.yaml) against docs/gazetteer.md.

Usage: check_gazetteer.py <gazetteer dir> [--allow-missing]

Exit status 0 when every check passes, 1 otherwise; each problem is printed as
    <file>: <entry>: <message>
Run with Debian's /usr/bin/python3 (needs python3-yaml).
"""
import datetime
import os
import re
import sys

import yaml

FILES = ["countries", "organisations", "groups", "places", "people", "roles"]
REGIONS = {"mena", "world"}
PLACE_KINDS = {"city", "region", "sea", "crossing", "area", "site"}
ROLE_KINDS = {"head_of_state", "head_of_government", "diplomat", "defence", "intelligence",
              "envoy", "military", "spokesperson", "royal", "minister", "official"}
ORG_KINDS = {"intergovernmental", "un_body", "un_mission", "eu_body", "court", "humanitarian",
             "ngo", "financial", "forum", "government", "military", "intelligence", "legislature"}
GENDERS = {"m", "f"}
CODE_RE = re.compile(r"^[A-Z]{3}$")
ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")

# Countries the event contract counts as Middle East and North Africa. Each must have a
# capital in places.yaml, a head of state or government and a foreign minister in people.yaml.
MENA_REQUIRED = ["EGY", "ISR", "PSE", "JOR", "LBN", "SYR", "IRQ", "IRN", "TUR", "SAU", "ARE",
                 "QAT", "BHR", "KWT", "OMN", "YEM", "LBY", "TUN", "DZA", "MAR", "SDN", "MRT"]

# people.yaml lists people who held an office at some time in this window.
WINDOW = (datetime.date(2023, 1, 1), datetime.date(2025, 12, 31))

SCHEMA = {
    # file: (list key, required keys, optional keys)
    "countries": ("countries", {"code", "name", "aliases", "adjectives", "capital", "metonyms",
                                "region"}, {"note"}),
    "organisations": ("organisations", {"id", "name", "aliases", "adjectives", "country",
                                        "region"}, {"kind", "parent", "metonyms", "note"}),
    "groups": ("groups", {"name", "aliases", "adjectives", "country", "region"},
               {"id", "parent", "countries", "note"}),
    "places": ("places", {"name", "aliases", "country", "kind", "region"}, {"note"}),
    "people": ("people", {"name", "aliases", "country", "gender", "roles"}, {"note"}),
    "roles": ("roles", {"title", "aliases", "kind"}, {"note"}),
}
ROLE_KEYS_REQUIRED = {"title", "org"}
ROLE_KEYS_OPTIONAL = {"from", "to", "approx", "group", "acting", "note"}


class Checker:
    def __init__(self, directory):
        self.dir = directory
        self.errors = []
        self.data = {}

    def err(self, fname, entry, msg):
        self.errors.append(f"{fname}.yaml: {entry}: {msg}")

    # ------------------------------------------------------------------ loading
    def load(self, allow_missing):
        for f in FILES:
            path = os.path.join(self.dir, f + ".yaml")
            if not os.path.exists(path):
                if not allow_missing:
                    self.err(f, "(file)", f"missing file {path}")
                self.data[f] = []
                continue
            try:
                with open(path, encoding="utf-8") as fh:
                    doc = yaml.safe_load(fh)
            except (yaml.YAMLError, UnicodeDecodeError) as e:
                self.err(f, "(file)", f"cannot parse: {e}")
                self.data[f] = []
                continue
            key = SCHEMA[f][0]
            if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
                self.err(f, "(file)", f"top level must be a mapping with a list under '{key}:'")
                self.data[f] = []
                continue
            extra = set(doc) - {key, "ambiguous"}
            if extra:
                self.err(f, "(file)", f"unknown top-level keys {sorted(extra)}")
            self.data[f] = doc[key]
            self.data[f + ".ambiguous"] = doc.get("ambiguous") or []

    # ------------------------------------------------------------------ helpers
    def label(self, f, i, e):
        if isinstance(e, dict):
            for k in ("code", "id", "name", "title"):
                if isinstance(e.get(k), str):
                    return f"#{i} {e[k]!r}"
        return f"#{i}"

    def check_str(self, f, lbl, e, key, allow_empty=False):
        if key not in e:
            return False  # already reported as a missing key
        v = e.get(key)
        if not isinstance(v, str):
            self.err(f, lbl, f"'{key}' must be a string, got {type(v).__name__}")
            return False
        if not allow_empty and not v.strip():
            self.err(f, lbl, f"'{key}' must not be empty")
            return False
        if v != v.strip():
            self.err(f, lbl, f"'{key}' has leading/trailing spaces: {v!r}")
        return True

    def check_strlist(self, f, lbl, e, key):
        if key not in e:
            return []  # already reported as a missing key
        v = e.get(key)
        if not isinstance(v, list):
            self.err(f, lbl, f"'{key}' must be a list, got {type(v).__name__}")
            return []
        out = []
        seen = set()
        for s in v:
            if not isinstance(s, str) or not s.strip():
                self.err(f, lbl, f"'{key}' has a non-string or empty item {s!r}")
                continue
            if s != s.strip():
                self.err(f, lbl, f"'{key}' item has leading/trailing spaces: {s!r}")
            if s in seen:
                self.err(f, lbl, f"'{key}' lists {s!r} twice")
            if key == "aliases" and s == e.get("name"):
                self.err(f, lbl, f"alias {s!r} repeats the name")
            seen.add(s)
            out.append(s)
        return out

    def check_keys(self, f, lbl, e, required, optional):
        if not isinstance(e, dict):
            self.err(f, lbl, f"entry must be a mapping, got {type(e).__name__}")
            return False
        missing = required - set(e)
        if missing:
            self.err(f, lbl, f"missing required keys {sorted(missing)}")
        unknown = set(e) - required - optional
        if unknown:
            self.err(f, lbl, f"unknown keys {sorted(unknown)} (allowed: "
                             f"{sorted(required | optional)})")
        return not missing

    @staticmethod
    def parse_date(v):
        """Return (date, ok). Accepts YYYY-MM-DD or YYYY-MM (PyYAML may give a date)."""
        if isinstance(v, datetime.date):
            return v, True
        if not isinstance(v, str):
            return None, False
        m = DATE_RE.match(v)
        if not m:
            return None, False
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)), True
        except ValueError:
            return None, False

    # ------------------------------------------------------------------ per file
    def run(self):
        countries = {}
        for i, e in enumerate(self.data["countries"]):
            f = "countries"
            lbl = self.label(f, i, e)
            self.check_keys(f, lbl, e, *SCHEMA[f][1:])
            if not isinstance(e, dict):
                continue
            if self.check_str(f, lbl, e, "code"):
                if not CODE_RE.match(e["code"]):
                    self.err(f, lbl, f"code {e['code']!r} is not 3 upper-case letters")
                elif e["code"] in countries:
                    self.err(f, lbl, f"duplicate code {e['code']}")
                countries[e["code"]] = e
            self.check_str(f, lbl, e, "name")
            self.check_str(f, lbl, e, "capital")
            for k in ("aliases", "adjectives", "metonyms"):
                self.check_strlist(f, lbl, e, k)
            if "region" in e and e.get("region") not in REGIONS:
                self.err(f, lbl, f"region {e.get('region')!r} not in {sorted(REGIONS)}")
        self.countries = countries

        orgs = {}
        for i, e in enumerate(self.data["organisations"]):
            f = "organisations"
            lbl = self.label(f, i, e)
            self.check_keys(f, lbl, e, *SCHEMA[f][1:])
            if not isinstance(e, dict):
                continue
            if self.check_str(f, lbl, e, "id"):
                if not ID_RE.match(e["id"]):
                    self.err(f, lbl, f"id {e['id']!r} must be upper-case letters, digits, _")
                elif e["id"] in orgs:
                    self.err(f, lbl, f"duplicate id {e['id']}")
                elif e["id"] in countries:
                    self.err(f, lbl, f"id {e['id']} collides with a country code")
                orgs[e["id"]] = e
            self.check_str(f, lbl, e, "name")
            for k in ("aliases", "adjectives"):
                self.check_strlist(f, lbl, e, k)
            if "metonyms" in e:
                self.check_strlist(f, lbl, e, "metonyms")
            self.check_country(f, lbl, e.get("country"), allow_empty=True)
            if "region" in e and e.get("region") not in REGIONS:
                self.err(f, lbl, f"region {e.get('region')!r} not in {sorted(REGIONS)}")
            if "kind" in e and e["kind"] not in ORG_KINDS:
                self.err(f, lbl, f"kind {e['kind']!r} not in {sorted(ORG_KINDS)}")
        for i, e in enumerate(self.data["organisations"]):
            if isinstance(e, dict) and "parent" in e and e["parent"] not in orgs:
                self.err("organisations", self.label("organisations", i, e),
                         f"parent {e['parent']!r} is not an organisation id")
        self.orgs = orgs

        groups = {}
        for i, e in enumerate(self.data["groups"]):
            f = "groups"
            lbl = self.label(f, i, e)
            self.check_keys(f, lbl, e, *SCHEMA[f][1:])
            if not isinstance(e, dict):
                continue
            self.check_str(f, lbl, e, "name")
            for k in ("aliases", "adjectives"):
                self.check_strlist(f, lbl, e, k)
            self.check_country(f, lbl, e.get("country"))
            for c in e.get("countries", []) or []:
                self.check_country(f, lbl, c)
            if "region" in e and e.get("region") not in REGIONS:
                self.err(f, lbl, f"region {e.get('region')!r} not in {sorted(REGIONS)}")
            if "id" in e:
                if not isinstance(e["id"], str) or not ID_RE.match(e["id"]):
                    self.err(f, lbl, f"id {e['id']!r} must be upper-case letters, digits, _")
                elif e["id"] in groups or e["id"] in orgs or e["id"] in countries:
                    self.err(f, lbl, f"id {e['id']} is already used")
                else:
                    groups[e["id"]] = e
        for i, e in enumerate(self.data["groups"]):
            if isinstance(e, dict) and "parent" in e and e["parent"] not in groups:
                self.err("groups", self.label("groups", i, e),
                         f"parent {e['parent']!r} is not a group id")
        self.groups = groups

        place_names = {}
        for i, e in enumerate(self.data["places"]):
            f = "places"
            lbl = self.label(f, i, e)
            self.check_keys(f, lbl, e, *SCHEMA[f][1:])
            if not isinstance(e, dict):
                continue
            if self.check_str(f, lbl, e, "name"):
                place_names.setdefault(e["name"], []).append(e)
            for a in self.check_strlist(f, lbl, e, "aliases"):
                place_names.setdefault(a, []).append(e)
            self.check_country(f, lbl, e.get("country"), allow_empty=True)
            if "kind" in e and e.get("kind") not in PLACE_KINDS:
                self.err(f, lbl, f"kind {e.get('kind')!r} not in {sorted(PLACE_KINDS)}")
            if "region" in e and e.get("region") not in REGIONS:
                self.err(f, lbl, f"region {e.get('region')!r} not in {sorted(REGIONS)}")

        for i, e in enumerate(self.data["roles"]):
            f = "roles"
            lbl = self.label(f, i, e)
            self.check_keys(f, lbl, e, *SCHEMA[f][1:])
            if not isinstance(e, dict):
                continue
            self.check_str(f, lbl, e, "title")
            self.check_strlist(f, lbl, e, "aliases")
            if "kind" in e and e.get("kind") not in ROLE_KINDS:
                self.err(f, lbl, f"kind {e.get('kind')!r} not in {sorted(ROLE_KINDS)}")

        self.check_people()
        self.check_ambiguity()
        self.check_surnames()
        if self.data["places"]:
            self.check_capitals(place_names)
        if self.data["people"]:
            self.check_mena_coverage()

    def check_country(self, f, lbl, code, allow_empty=False):
        if code is None:
            return  # missing key: already reported
        if code == "" and allow_empty:
            return
        if not isinstance(code, str) or not CODE_RE.match(code):
            self.err(f, lbl, f"country {code!r} is not a 3-letter upper-case code")
        elif code not in self.countries:
            self.err(f, lbl, f"country {code} is not defined in countries.yaml")

    def check_people(self):
        f = "people"
        names = {}
        for i, e in enumerate(self.data["people"]):
            lbl = self.label(f, i, e)
            self.check_keys(f, lbl, e, *SCHEMA[f][1:])
            if not isinstance(e, dict):
                continue
            if self.check_str(f, lbl, e, "name"):
                if e["name"] in names:
                    self.err(f, lbl, f"duplicate person name (also #{names[e['name']]})")
                names[e["name"]] = i
            self.check_strlist(f, lbl, e, "aliases")
            self.check_country(f, lbl, e.get("country"))
            if "gender" in e and e.get("gender") not in GENDERS:
                self.err(f, lbl, f"gender {e.get('gender')!r} not in {sorted(GENDERS)}")
            roles = e.get("roles")
            if not isinstance(roles, list) or not roles:
                self.err(f, lbl, "'roles' must be a non-empty list")
                continue
            in_window = False
            for j, r in enumerate(roles):
                rl = f"{lbl} role #{j}"
                if not isinstance(r, dict):
                    self.err(f, rl, "role must be a mapping")
                    continue
                self.check_keys(f, rl, r, ROLE_KEYS_REQUIRED, ROLE_KEYS_OPTIONAL)
                self.check_str(f, rl, r, "title")
                org = r.get("org")
                if "org" in r and org not in self.countries and org not in self.orgs:
                    self.err(f, rl, f"org {org!r} is neither a country code nor an "
                                    "organisation id")
                if "group" in r and r["group"] not in self.groups:
                    self.err(f, rl, f"group {r['group']!r} is not a group id in groups.yaml")
                if "approx" in r and not isinstance(r["approx"], bool):
                    self.err(f, rl, "'approx' must be true or false")
                if "acting" in r and not isinstance(r["acting"], bool):
                    self.err(f, rl, "'acting' must be true or false")
                d_from = d_to = None
                for k in ("from", "to"):
                    if k in r:
                        d, ok = self.parse_date(r[k])
                        if not ok:
                            self.err(f, rl, f"'{k}' {r[k]!r} is not YYYY-MM-DD or YYYY-MM")
                        elif k == "from":
                            d_from = d
                        else:
                            d_to = d
                if d_from and d_to and d_from > d_to:
                    self.err(f, rl, f"from {d_from} is after to {d_to}")
                if (not d_to or d_to >= WINDOW[0]) and (not d_from or d_from <= WINDOW[1]):
                    in_window = True
            if not in_window:
                self.err(f, lbl, f"no role overlaps {WINDOW[0]}..{WINDOW[1]} (people.yaml lists "
                                 "office holders of that window)")

    def entity_forms(self, f):
        """(surface form, entity key) pairs of one class."""
        out = []
        for i, e in enumerate(self.data[f]):
            if not isinstance(e, dict):
                continue
            key = self.label(f, i, e)
            forms = []
            for k in ("name", "title"):
                if isinstance(e.get(k), str):
                    forms.append(e[k])
            for k in ("aliases", "adjectives", "metonyms"):
                if isinstance(e.get(k), list):
                    forms += [s for s in e[k] if isinstance(s, str)]
            if f == "countries" and isinstance(e.get("code"), str):
                pass  # codes are not surface forms
            for s in set(forms):
                out.append((s, key))
        return out

    def check_ambiguity(self):
        # Within one class a surface form must name one entity, unless it is listed under the
        # file's top-level `ambiguous:` allowlist. Countries, organisations and groups are
        # checked together (they all resolve to actors); people, places, roles each on their own.
        classes = [("actors", ["countries", "organisations", "groups"]), ("places", ["places"]),
                   ("people", ["people"]), ("roles", ["roles"])]
        for cname, files in classes:
            allowed = set()
            for f in files:
                amb = self.data.get(f + ".ambiguous", [])
                if not isinstance(amb, list) or not all(isinstance(a, str) for a in amb):
                    self.err(f, "(ambiguous)", "'ambiguous' must be a list of strings")
                    continue
                allowed |= set(amb)
            # The engine matches titles case-insensitively, names as written.
            fold = (lambda x: x.lower()) if cname == "roles" else (lambda x: x)
            allowed = {fold(a) for a in allowed}
            owners = {}
            for f in files:
                for s, key in self.entity_forms(f):
                    owners.setdefault(fold(s), set()).add(f"{f}.yaml {key}")
            for s, who in sorted(owners.items()):
                if len(who) > 1 and s not in allowed:
                    self.errors.append(f"{files[0]}.yaml: {s!r}: names {len(who)} different "
                                       f"{cname}: {sorted(who)} (add it to an 'ambiguous:' "
                                       "list if intended)")
            for a in sorted(allowed):
                if len(owners.get(a, ())) < 2:
                    self.err(files[0], "(ambiguous)", f"{a!r} is allowlisted but not ambiguous")

    def check_surnames(self):
        # The engine also indexes the last token of each person's name. A surname that is also
        # a country/organisation/group/place form would turn that name into a person.
        other = {}
        for f in ("countries", "organisations", "groups", "places"):
            for s, key in self.entity_forms(f):
                other.setdefault(s, f"{f}.yaml {key}")
        allowed = set(self.data.get("people.ambiguous", []) or [])
        for i, p in enumerate(self.data["people"]):
            if not isinstance(p, dict) or not isinstance(p.get("name"), str):
                continue
            toks = p["name"].split()
            if len(toks) > 1 and toks[-1] in other and toks[-1] not in allowed:
                self.err("people", self.label("people", i, p),
                         f"surname {toks[-1]!r} (indexed by the engine) is also {other[toks[-1]]}")

    def check_capitals(self, place_names):
        for code, e in self.countries.items():
            cap = e.get("capital")
            if isinstance(cap, str) and cap not in place_names:
                self.err("countries", f"{code} {e.get('name')!r}",
                         f"capital {cap!r} is not a place in places.yaml")
            elif isinstance(cap, str):
                if not any(p.get("country") == code for p in place_names[cap]):
                    self.err("countries", f"{code} {e.get('name')!r}",
                             f"capital {cap!r} in places.yaml is not in country {code}")

    def check_mena_coverage(self):
        # kind of each title, from roles.yaml (title and aliases, case-insensitive)
        kinds = {}
        for r in self.data["roles"]:
            if isinstance(r, dict) and isinstance(r.get("title"), str):
                for s in [r["title"]] + [a for a in r.get("aliases") or [] if isinstance(a, str)]:
                    kinds.setdefault(s.lower(), r.get("kind"))
        for code in MENA_REQUIRED:
            if code not in self.countries:
                self.err("countries", code, "MENA country missing")
                continue
            if self.countries[code].get("region") != "mena":
                self.err("countries", code, "MENA country must have region: mena")
            head = fm = False
            for p in self.data["people"]:
                if not isinstance(p, dict):
                    continue
                for r in p.get("roles") or []:
                    if not isinstance(r, dict) or r.get("org") != code:
                        continue
                    kind = kinds.get(str(r.get("title", "")).lower())
                    if kind is None:
                        # the title word may carry a qualifier ("Emir of Qatar"): try known
                        # titles as substrings
                        t = str(r.get("title", "")).lower()
                        for k, v in kinds.items():
                            if k in t and v in ("head_of_state", "head_of_government",
                                                "diplomat"):
                                kind = v
                                break
                    if kind in ("head_of_state", "head_of_government"):
                        head = True
                    if kind == "diplomat" and "foreign" in str(r.get("title", "")).lower():
                        fm = True
            if not head:
                self.err("people", code, "no head of state or government for this MENA country")
            if not fm:
                self.err("people", code, "no foreign minister for this MENA country")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    c = Checker(args[0])
    c.load(allow_missing="--allow-missing" in argv)
    c.run()
    counts = ", ".join(f"{f}={len(c.data[f])}" for f in FILES)
    if c.errors:
        for e in c.errors:
            print("ERROR " + e)
        print(f"{len(c.errors)} error(s); {counts}")
        return 1
    print(f"gazetteer OK: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

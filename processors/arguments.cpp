// Argument frames: clause chunks (subject, verb group, object, complement) and the rule
// families that take event arguments from them. See arguments.hpp.
#include "processors/arguments.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "common/time.hpp"
#include "processors/lit.hpp"
#include "processors/stage.hpp"

namespace herald::processors {

namespace {

bool date_tok(const Token& t) {
    return (t.lex & LDateWord) != 0 || has(t, WWeekday) || has(t, WMonth);
}

// The mention that starts at token t, if any.
const Mention* mention_at(const Doc& d, std::size_t t) {
    const std::size_t mi = d.mention_from(t);
    return mi < d.mentions.size() && d.mentions[mi].tb == t ? &d.mentions[mi] : nullptr;
}

// A mention that names a party of its own (not an adjective modifier, a glued "Iran-backed",
// a quote or an owner right before the thing it owns).
bool party(const Mention& m) {
    if (!m.part || m.in_quote || m.modifier) return false;
    if (m.adjective && !m.people) return false;
    return true;
}

bool same(const Participant& a, const Participant& b) {
    return a.name == b.name && a.kind == b.kind;
}

bool contains(const std::vector<Participant>& v, const Participant& p) {
    return std::any_of(v.begin(), v.end(), [&](const Participant& x) { return same(x, p); });
}

// The parties named in a span, in order, owners of a possessive left out when the
// owned mention follows ("Qatar's Emir Tamim" is Tamim).
std::vector<Participant> parties_in(const Doc& d, TokSpan sp) {
    std::vector<Participant> out;
    for (std::size_t mi = d.mention_from(sp.b); mi < d.mentions.size(); ++mi) {
        const Mention& m = d.mentions[mi];
        if (m.tb >= sp.e) break;
        if (m.te > sp.e || !party(m)) continue;
        if (m.possessive || m.kind == MentionKind::pronoun) continue;
        if (!contains(out, *m.part)) out.push_back(*m.part);
    }
    return out;
}

// Auxiliaries and adverbs inside a verb group: "has", "have", "had", "was", "were", "is",
// "are", "will", "would", "also", "jointly", "then", "later", "both", "all", "did",
// "earlier", and lower-case words of five letters or more ending in "ly". (Chosen by first
// letter: the chunkers ask this of most tokens they pass.)
bool weak_word(const Token& t) {
    const std::string_view w = t.lower;
    if (w.size() >= 2 && w.size() <= 7) {
        bool aux = false;
        switch (w[0]) {
            case 'h':
                aux = in(w, {"has", "have", "had"});
                break;
            case 'w':
                aux = in(w, {"was", "were", "will", "would"});
                break;
            case 'i':
                aux = w == "is"_w;
                break;
            case 'a':
                aux = in(w, {"are", "also", "all"});
                break;
            case 'j':
                aux = w == "jointly"_w;
                break;
            case 't':
                aux = w == "then"_w;
                break;
            case 'l':
                aux = w == "later"_w;
                break;
            case 'b':
                aux = w == "both"_w;
                break;
            case 'd':
                aux = w == "did"_w;
                break;
            case 'e':
                aux = w == "earlier"_w;
                break;
            default:
                break;
        }
        if (aux) return true;
    }
    return t.kind == TokKind::word && !t.cap && w.size() > 4 && has_suffix(w, "ly"_w);
}

// The end of the clause that starts at `t`: a semicolon, a quote, ", saying"/", adding" or
// a comma before a subordinator or relative word, else the sentence end.
std::size_t clause_stop(const Doc& d, const Sentence& s, std::size_t t) {
    for (std::size_t u = t; u < s.te; ++u) {
        const Token& x = d.toks[u];
        if (x.kind == TokKind::quote || x.lower == ";"_w) return u;
        // "urged Israel to open the crossings during a visit to Cairo": the main clause's
        // (during, amid, while, when, after, before, as, despite)
        if (has(x, WClauseStop)) return u;
        if (x.lower == ","_w && u + 1 < s.te) {
            const Token& n = d.toks[u + 1];
            if (n.lower.ends_with("ing") || (n.lex & LSubordinator) || has(n, WRelativePronoun))
                return u;
        }
    }
    return s.te;
}

}  // namespace

std::size_t skip_adjuncts(const Doc& d, const Sentence& s, std::size_t t) {
    bool in_date = false;
    for (int guard = 0; guard < 12 && t < s.te; ++guard) {
        const Token& x = d.toks[t];
        if (weak_word(x) || in(x.lower, {"again", "once", "now", "today", "yesterday"})) {
            ++t;
            continue;
        }
        // "on Friday", "on Thursday, Aug. 15,", "last week", "earlier this month"
        if (has(x, WTimeLead) && t + 1 < s.te &&  // on, last, this, next, late, early
            date_tok(d.toks[t + 1])) {
            in_date = true;
            ++t;
            continue;
        }
        if (date_tok(x)) {
            in_date = true;
            ++t;
            continue;
        }
        if (in_date && (x.kind == TokKind::number || x.lower == "."_w)) {
            ++t;
            continue;
        }
        if (in_date && x.lower == ","_w && t + 1 < s.te &&
            (date_tok(d.toks[t + 1]) || d.toks[t + 1].kind == TokKind::number)) {
            ++t;
            continue;
        }
        // the comma closing a day phrase ("on Thursday, Aug. 15, in Doha")
        if (in_date && x.lower == ","_w) {
            ++t;
            in_date = false;
            continue;
        }
        break;
    }
    return t;
}

TokSpan noun_phrase(const Doc& d, const Sentence& s, std::size_t t) {
    TokSpan sp{t, t};
    const std::size_t lim = std::min(s.te, t + 10);
    std::size_t u = t;
    while (u < lim) {
        if (const Mention* m = mention_at(d, u); m && m->te <= s.te) {
            u = m->te;
            continue;
        }
        const Token& x = d.toks[u];
        // "hundreds of", "dozens of", "parts of": a quantifier's "of" stays inside
        if (x.lower == "of"_w && u > t &&
            in(d.toks[u - 1].lower,
               {"hundreds", "dozens", "thousands", "scores", "several", "some", "many", "most",
                "all", "parts", "part", "areas", "number", "series", "string", "wave"})) {
            ++u;
            continue;
        }
        if (x.lower == "that"_w) break;  // a complement or relative clause, not a determiner
        if (x.lower == "'s"_w || (x.text == "-"_w && !x.space_before) ||
            x.kind == TokKind::number || (x.lex & LDeterminer)) {
            ++u;
            continue;
        }
        if (x.kind == TokKind::word && !(x.lex & (LPreposition | LSubordinator)) &&
            !has(x, WRelativePronoun) && !has(x, WReportingVerb) &&
            !in(x.lower, {"that", "to", "and", "or", "but", "as", "while", "when", "where", "who",
                          "which", "since", "after", "before", "until", "saying", "adding"}) &&
            !(u > t && x.lower.size() > 4 && x.lower.ends_with("ing"))) {
            ++u;
            continue;
        }
        break;
    }
    sp.e = u;
    return sp;
}

TokSpan mention_list(const Doc& d, const Sentence& s, std::size_t t) {
    TokSpan sp{t, t};
    std::size_t u = t;
    for (int guard = 0; guard < 8 && u < s.te; ++guard) {
        if (d.toks[u].lower == "the"_w && u + 1 < s.te) ++u;  // ", the United States"
        const Mention* m = mention_at(d, u);
        if (!m || m->te > s.te) break;
        sp.e = m->te;
        u = m->te;
        if (u < s.te && d.toks[u].lower == ","_w) ++u;
        if (u < s.te && in(d.toks[u].lower, {"and", "or"})) ++u;
        if (u < s.te && d.toks[u].lower == "either"_w) ++u;
        if (u == sp.e) break;  // no separator: the list ends
    }
    return sp;
}

TokSpan subject_phrase(const Doc& d, const Sentence& s, std::size_t vb) {
    std::size_t p = vb;
    while (p > s.tb && weak_word(d.toks[p - 1])) --p;
    const std::size_t end = p;
    const std::size_t first_mention = d.mention_from(s.tb);
    std::size_t start = p;
    bool joined = true;       // a separator ("and", ",") is due before the next item leftwards
    bool comma_only = false;  // ... and it was a bare comma
    bool cut = false;         // stopped at the comma after a fronted phrase
    for (int guard = 0; guard < 8 && p > s.tb; ++guard) {
        // one item: [det | his/her/their] [modifiers] mention, or up to four plain words
        std::size_t q = p;
        std::size_t words = 0;
        while (q > s.tb && words < 5) {
            // a mention ending here is a modifier or the head of this item ("Hamas gunmen")
            const Mention* inner = nullptr;
            for (std::size_t j = first_mention; j < d.mentions.size(); ++j) {
                if (d.mentions[j].tb >= q) break;
                if (d.mentions[j].te == q) inner = &d.mentions[j];
            }
            if (inner && inner->kind != MentionKind::pronoun) {
                q = inner->tb;
                ++words;
                continue;
            }
            const Token& x = d.toks[q - 1];
            if (x.kind != TokKind::word || (x.lex & (LPreposition | LSubordinator)) ||
                has(x, WRelativePronoun) ||
                in(x.lower, {"and", "or", "that", "who", "which", "said", "says", "when", "as"}))
                break;
            --q;
            ++words;
        }
        if (q == p) break;
        // "After Qatar spoke, Egypt and Jordan ...", "In London, X said": the part before
        // a comma that a preposition or subordinator opens is a fronted phrase, no item
        // (the phrase opens the sentence: "Later on Monday, X met")
        if (comma_only && q > s.tb && q <= s.tb + 3 &&
            (d.toks[q - 1].lex & (LPreposition | LSubordinator))) {
            cut = true;
            break;
        }
        start = q;
        p = q;
        joined = false;
        comma_only = false;
        // separators: ", and", "and", ","
        if (p > s.tb && d.toks[p - 1].lower == "and"_w) {
            --p;
            joined = true;
            if (p > s.tb && d.toks[p - 1].lower == ","_w) --p;
        } else if (p > s.tb && d.toks[p - 1].lower == ","_w) {
            --p;
            joined = true;
            comma_only = true;
        }
        if (!joined) break;
    }
    // a subject starts a clause: the sentence start, a clause opener or a fronted phrase's
    // comma; a list running on into an apposition or an object is no subject
    if (start > s.tb && !cut) {
        const Token& x = d.toks[start - 1];
        if (!((x.lex & LSubordinator) || has(x, WRelativePronoun) || x.lower == ";"_w ||
              in(x.lower, {"that", "when", "after", "as", "while", "where", "before", "because",
                           "but", "and", "since", "if", "though", "although"})))
            return TokSpan{end, end};
    }
    return TokSpan{start, end};
}

ArgFrame arg_frame(const Doc& d, const Sentence& s, std::size_t vb, std::size_t ve) {
    (void)vb;
    ArgFrame f;
    std::size_t t = skip_adjuncts(d, s, ve);
    f.object = noun_phrase(d, s, t);
    // "told the state news agency KUNA that ...": the addressee before the that-clause
    if (!f.object.empty()) {
        const std::size_t u = skip_adjuncts(d, s, f.object.e);
        if (u < s.te && d.toks[u].lower == "that"_w) t = u;
    }
    // "said in a joint statement that ...", "told reporters in Geneva that ...": one
    // prepositional phrase before the that-clause
    if (t < s.te && d.toks[t].lower != "that"_w && (d.toks[t].lex & LPreposition) &&
        d.toks[t].lower != "of"_w) {
        const TokSpan pp = noun_phrase(d, s, t + 1);
        const std::size_t u = skip_adjuncts(d, s, pp.e);
        if (!pp.empty() && u < s.te && d.toks[u].lower == "that"_w) t = u;
    }
    if (t < s.te && d.toks[t].lower == "that"_w) {
        const std::size_t a = skip_adjuncts(d, s, t + 1);
        const TokSpan subj = mention_list(d, s, a);
        if (!subj.empty()) {
            f.comp = ComplementKind::that_clause;
            f.comp_subject = subj;
            f.comp_verb = subj.e;
            f.comp_end = clause_stop(d, s, subj.e);
        }
        return f;
    }
    const TokSpan addr = mention_list(d, s, t);
    if (!addr.empty() && addr.e + 1 < s.te && d.toks[addr.e].lower == "to"_w &&
        d.toks[addr.e + 1].kind == TokKind::word && !d.toks[addr.e + 1].cap) {
        f.comp = ComplementKind::to_infinitive;
        f.comp_subject = addr;
        f.comp_verb = addr.e + 1;
        f.comp_end = clause_stop(d, s, addr.e + 1);
    }
    return f;
}

namespace {

[[gnu::always_inline]] inline bool is(const Candidate& c, Lit type) {
    return c.ev.type == type;
}

// The frames of one sentence's verb groups while argument_rules runs, each chunked once
// (several rule families read the frame of the same candidate; the rules change
// candidates only, never the tokens and mentions a frame is read from).
class FrameMemo {
  public:
    ArgFrame get(const Doc& d, const Sentence& s, std::size_t vb, std::size_t ve) {
        for (std::size_t i = 0; i < n_; ++i)
            if (slots_[i].s.vb == vb && slots_[i].s.ve == ve) return slots_[i].s.f;
        const ArgFrame f = arg_frame(d, s, vb, ve);
        if (n_ < kSlots) slots_[n_++].s = Slot{vb, ve, f};
        return f;
    }
    // A "that" (a that-clause's opener) / "to" (an infinitive's) at or after token t:
    // without one, no frame of a verb group ending at t has that complement.
    bool that_after(const Doc& d, const Sentence& s, std::size_t t) {
        scan(d, s);
        return last_that_ > t;
    }
    bool to_after(const Doc& d, const Sentence& s, std::size_t t) {
        scan(d, s);
        return last_to_ > t;
    }

  private:
    void scan(const Doc& d, const Sentence& s) {
        if (scanned_) return;
        scanned_ = true;
        for (std::size_t u = s.te; u-- > s.tb && (last_that_ == 0 || last_to_ == 0);) {
            if (last_that_ == 0 && d.toks[u].lower == "that"_w) last_that_ = u + 1;
            if (last_to_ == 0 && d.toks[u].lower == "to"_w) last_to_ = u + 1;
        }
    }
    std::size_t last_that_ = 0, last_to_ = 0;  // the last one's index + 1 (0: none)
    bool scanned_ = false;
    struct Slot {
        std::size_t vb, ve;
        ArgFrame f;
    };
    union Store {  // left uninitialised until used
        Store() {}
        Slot s;
    };
    static constexpr std::size_t kSlots = 8;
    Store slots_[kSlots];
    std::size_t n_ = 0;
};

// "bombed its main enrichment sites", "strikes on Iran's nuclear facilities": a state that
// owns the object hit (a possessive opening the object phrase, no place named in it) is
// where it hit. True when it set the place.
bool owner_country_place(const Doc& d, TokSpan obj, Candidate& c) {
    std::size_t b = obj.b;
    while (b < obj.e && (d.toks[b].lex & LDeterminer) && !(d.toks[b].lex & LPronoun)) ++b;
    const Mention* owner = mention_at(d, b);
    if (!owner || !owner->possessive || !owner->part || owner->part->kind != "country"_w ||
        owner->part->country.empty() || owner->in_quote)
        return false;
    // ("Israel and the United States bombed its sites": no side bombs its own)
    if (contains(c.ev.actors, *owner->part)) return false;
    for (std::size_t mi = d.mention_from(owner->te); mi < d.mentions.size(); ++mi) {
        const Mention& m = d.mentions[mi];
        if (m.tb >= obj.e) break;
        if (m.place || m.part) return false;  // "Iran's embassy in Damascus", "its allies"
    }
    const Place p{owner->part->name, owner->part->country};
    c.places.insert(c.places.begin(), p);
    c.ev.location = p;
    return true;
}

// The object of an attack noun or "launched strikes": "strikes on its nuclear facilities".
void attack_noun_owner(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "attack"_w) || !c.places.empty() || c.ev.location || c.te + 1 >= s.te ||
        !in(d.toks[c.te].lower, {"on", "against"}))
        return;
    owner_country_place(d, noun_phrase(d, s, c.te + 1), c);
}

// Attack objects as the place hit: "stormed southern Israel", "struck hundreds of Syrian
// military sites". The object phrase of an attack verb names where it hit when the
// candidate has no place yet.
void attack_object_place(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "attack"_w) || c.syntax != TrigSyntax::verb || !c.places.empty() || c.ev.location ||
        has(d.toks[c.tb], WKillVerb))
        return;
    const TokSpan obj = noun_phrase(d, s, skip_adjuncts(d, s, c.te));
    if (obj.empty()) return;
    if (owner_country_place(d, obj, c)) return;
    for (std::size_t mi = d.mention_from(obj.b); mi < d.mentions.size(); ++mi) {
        const Mention& m = d.mentions[mi];
        if (m.tb >= obj.e) break;
        if (!m.place || m.te > obj.e || m.in_quote || m.possessive) continue;
        // an adjective is a place only before the noun it modifies ("Syrian military sites")
        if (m.adjective && (m.te >= obj.e || d.toks[m.te].kind != TokKind::word)) continue;
        c.places.push_back(*m.place);
        c.ev.location = *m.place;
        return;
    }
}

// "X and his Iraqi counterpart Y signed", "The United States, NATO, the EU and several Arab
// governments condemned": every party of a coordinated subject is an actor when the
// candidate took only some of them.
void coordinated_subject(Doc& d, const Sentence& s, Candidate& c) {
    if (c.syntax != TrigSyntax::verb || c.form == VerbForm::ing || c.ev.actors.empty()) return;
    if (c.tb > s.tb && d.toks[c.tb - 1].lower == "to"_w) return;
    // (the subject lies before the verb: no "and" there, no coordinated subject)
    bool and_before = false;
    for (std::size_t t = s.tb; t < c.tb && !and_before; ++t)
        and_before = d.toks[t].lower == "and"_w;
    if (!and_before) return;
    const TokSpan subj = subject_phrase(d, s, c.tb);
    if (subj.empty()) return;
    bool coordinated = false;
    for (std::size_t t = subj.b; t < subj.e; ++t)
        if (d.toks[t].lower == "and"_w) coordinated = true;
    if (!coordinated) return;
    const std::vector<Participant> all = parties_in(d, subj);
    if (all.size() <= c.ev.actors.size()) return;
    for (const Participant& a : c.ev.actors)
        if (!contains(all, a)) return;  // the candidate's actors come from elsewhere
    for (const Participant& p : all)
        if (!contains(c.ev.actors, p) && !contains(c.ev.targets, p)) c.ev.actors.push_back(p);
}

// "Israel demanded on Friday that Russia expel ...": the subject of an appeal's
// that-clause is whom it is addressed to.
void appeal_that_target(Doc& d, const Sentence& s, Candidate& c, FrameMemo& fm) {
    if (!is(c, "appeal"_w) || c.syntax != TrigSyntax::verb || !c.ev.targets.empty() ||
        !fm.that_after(d, s, c.te))
        return;
    const ArgFrame f = fm.get(d, s, c.tb, c.te);
    if (f.comp != ComplementKind::that_clause) return;
    for (const Participant& p : parties_in(d, f.comp_subject))
        if (!contains(c.ev.actors, p)) c.ev.targets.push_back(p);
}

// A candidate of `type` at tokens [tb, te) of sentence si, arguments to be filled.
Candidate new_candidate(const Doc& d, std::size_t si, std::size_t tb, std::size_t te, Lit type) {
    Candidate c;
    c.ev.attributes = nullptr;  // Candidate::attrs until output
    c.ev.status = "occurred";
    retype(c.ev, *d.k, std::string_view(type.p, type.n));
    c.sentence = si;
    c.tb = tb;
    c.te = te;
    c.syntax = TrigSyntax::noun;
    c.form = VerbForm::none;
    return c;
}

// A verb trigger of `type` starts at token t (any form).
bool verb_of_type(const Doc& d, std::size_t t, Lit type) {
    const Token& x = d.toks[t];
    if (!x.trig || x.in_quote) return false;
    for (const std::uint32_t ti : *x.trig) {
        const Trigger& tr = d.k->triggers[ti];
        if (tr.syntax == TrigSyntax::verb && d.k->types[tr.type].name == type) return true;
    }
    return false;
}

// An appeal participle (a verb trigger of type appeal in its -ing form) starts at token t.
bool appeal_participle_at(const Doc& d, std::size_t t) {
    const Token& x = d.toks[t];
    if (!x.trig) return false;
    for (const std::uint32_t ti : *x.trig) {
        const Trigger& tr = d.k->triggers[ti];
        if (tr.syntax == TrigSyntax::verb && tr.form == VerbForm::ing &&
            d.k->types[tr.type].name == "appeal"_w)
            return true;
    }
    return false;
}

// An appeal verb (a verb trigger of type appeal, not a participle) starts at token t.
bool appeal_verb_at(const Doc& d, std::size_t t) {
    const Token& x = d.toks[t];
    if (!x.trig || x.in_quote) return false;
    for (const std::uint32_t ti : *x.trig) {
        const Trigger& tr = d.k->triggers[ti];
        if (tr.syntax == TrigSyntax::verb && tr.form != VerbForm::ing &&
            d.k->types[tr.type].name == "appeal"_w)
            return true;
    }
    return false;
}

// "The U.S. embassy issued a security alert urging Americans to remain vigilant": an
// appeal participle hanging on the object of the main verb is the subject's appeal, even
// when the trigger rules found no speaker for it. Returns the appeal to add, if any.
std::optional<Candidate> object_participle_appeal(const Doc& d, std::size_t si, std::size_t t,
                                                  std::size_t first, std::size_t end) {
    const Sentence& s = d.sents[si];
    const Token& x = d.toks[t];
    if (!x.trig || x.in_quote || t < s.tb + 3) return std::nullopt;
    const bool ing = appeal_participle_at(d, t);
    const Token& prev = d.toks[t - 1];
    if (!ing || prev.kind != TokKind::word || prev.cap || (prev.lex & LPreposition) ||
        mention_at(d, t - 1))
        return std::nullopt;
    for (std::size_t i = first; i < end; ++i)
        if (d.cands[i].sentence == si && d.cands[i].tb <= t && t < d.cands[i].te)
            return std::nullopt;
    // the object noun's verb: "issued a security alert", "released a statement"
    std::size_t v = t - 1;
    while (v > s.tb && d.toks[v - 1].kind == TokKind::word && !d.toks[v - 1].cap &&
           !(d.toks[v - 1].lex & LPreposition) && t - v < 5 &&
           !(d.toks[v - 1].lower.ends_with("ed") || d.toks[v - 1].lower.ends_with("s")))
        --v;
    if (v == s.tb || !(d.toks[v - 1].lower.ends_with("ed"))) return std::nullopt;
    const Mention* subj = nullptr;
    for (std::size_t mi = d.mention_from(s.tb); mi < d.mentions.size(); ++mi) {
        const Mention& m = d.mentions[mi];
        if (m.tb >= v - 1) break;
        if (m.part && m.prep.empty() && !m.in_quote && m.kind != MentionKind::pronoun) {
            subj = &m;
            break;
        }
    }
    if (!subj) return std::nullopt;
    Candidate a = new_candidate(d, si, t, t + 1, "appeal"_w);
    a.syntax = TrigSyntax::verb;
    a.form = VerbForm::ing;
    a.ev.actors.push_back(*subj->part);
    for (const Participant& p : parties_in(d, mention_list(d, s, t + 1)))
        if (!contains(a.ev.actors, p)) a.ev.targets.push_back(p);
    return a;
}

// "called on Israel and Hamas to resume talks on Aug. 15 in Doha": an event in the
// infinitive an appeal asks for is one of the addressees, not of the callers.
void appeal_complement_event(Doc& d, const Sentence& s, const Candidate& a, std::size_t first,
                             std::size_t end, FrameMemo& fm) {
    if (!is(a, "appeal"_w) || a.syntax != TrigSyntax::verb || !fm.to_after(d, s, a.te)) return;
    const ArgFrame f = fm.get(d, s, a.tb, a.te);
    if (f.comp != ComplementKind::to_infinitive) return;
    const std::vector<Participant> addr = parties_in(d, f.comp_subject);
    if (addr.empty()) return;
    bool day = false;  // a day of its own makes the asked-for event an occasion
    for (std::size_t t = f.comp_verb; t < f.comp_end; ++t)
        if (has(d.toks[t], WWeekday) || has(d.toks[t], WMonth)) day = true;
    for (std::size_t i = first; i < end; ++i) {
        Candidate& e = d.cands[i];
        // the complement's own verb: "to resume talks", "to return to negotiations", or a
        // verb coordinated with it ("to restore access ... and resume negotiations")
        if (&e == &a || e.drop || e.tb < f.comp_verb || e.tb >= f.comp_end) continue;
        const bool coordinated =
            e.tb > f.comp_verb + 3 && !day &&
            (d.toks[e.tb - 1].lower == "and"_w || d.toks[e.tb - 2].lower == "and"_w);
        if (e.tb > f.comp_verb + 3 && !coordinated) continue;
        if (!(is(e, "negotiation"_w) || is(e, "meeting"_w) || is(e, "agreement"_w) ||
              is(e, "visit"_w)))
            continue;
        bool inherited = !e.ev.actors.empty();
        for (const Participant& p : e.ev.actors) {
            if (!contains(a.ev.actors, p)) inherited = false;
        }
        if (a.ev.actors.empty() || a.drop) inherited = false;  // no callers to replace
        if (!inherited && day) continue;
        // "urged Iran to resume negotiations with the United States": without a day, the
        // event asked for is only what the appeal asks
        if (!day) {
            e.drop = true;
            continue;
        }
        e.ev.actors = addr;
        std::erase_if(e.ev.targets, [&](const Participant& p) { return contains(addr, p); });
        // the callers of both sides to the table are the go-betweens
        if (addr.size() >= 2)
            for (const Participant& p : a.ev.actors)
                if (!contains(e.mediators, p) && !contains(addr, p)) e.mediators.push_back(p);
        // "... in either Doha or Cairo": the complement's own venue
        if (e.places.empty())
            for (std::size_t t = e.te; t + 1 < f.comp_end; ++t) {
                if (!in(d.toks[t].lower, {"in", "at"})) continue;
                std::size_t u = t + 1;
                if (d.toks[u].lower == "either"_w) ++u;
                const TokSpan venue = mention_list(d, s, u);
                for (std::size_t mi = d.mention_from(venue.b); mi < d.mentions.size(); ++mi) {
                    const Mention& m = d.mentions[mi];
                    if (m.tb >= venue.e) break;
                    if (m.place && !m.adjective) e.places.push_back(*m.place);
                }
                if (!e.places.empty()) {
                    e.ev.location = e.places.front();
                    break;
                }
            }
    }
}

// "Israel has rejected calls for a ceasefire": an appeal or proposal noun heading the
// object of a rejection verb is the thing rejected, not one made by the rejecting side.
void rejected_object(Doc& d, const Sentence& s, const Candidate& r, std::size_t first,
                     std::size_t end) {
    if (!is(r, "rejection"_w) || r.syntax != TrigSyntax::verb) return;
    const TokSpan obj = noun_phrase(d, s, skip_adjuncts(d, s, r.te));
    for (std::size_t i = first; i < end; ++i) {
        Candidate& e = d.cands[i];
        // (a verb form right after the rejection verb is a noun: "rejected calls for")
        if (&e == &r || e.tb < obj.b || e.tb >= obj.e ||
            (e.syntax == TrigSyntax::verb && e.tb != obj.b))
            continue;
        if (is(e, "appeal"_w) || is(e, "proposal"_w)) e.drop = true;
    }
}

// "A delegation led by senior Hamas official X met Y": the head of the group that is the
// subject is the actor of a verb that found none.
void delegation_subject(Doc& d, const Sentence& s, Candidate& c) {
    if (c.syntax != TrigSyntax::verb || !c.ev.actors.empty()) return;
    std::size_t p = c.tb;
    while (p > s.tb && weak_word(d.toks[p - 1])) --p;
    const Mention* m = nullptr;
    for (std::size_t mi = d.mention_from(s.tb); mi < d.mentions.size(); ++mi) {
        if (d.mentions[mi].tb >= p) break;
        if (d.mentions[mi].te == p) m = &d.mentions[mi];
    }
    if (!m || !m->part || m->part->kind != "person"_w || m->in_quote || m->tb < s.tb + 3) return;
    if (d.toks[m->tb - 1].lower != "by"_w || !in(d.toks[m->tb - 2].lower, {"led", "headed"}))
        return;
    for (std::size_t t = m->tb - 2; t-- > s.tb && t + 5 > m->tb;)
        if (in(d.toks[t].lower, {"delegation", "delegations", "team", "teams", "mission"})) {
            c.ev.actors.push_back(*m->part);
            std::erase_if(c.ev.targets, [&](const Participant& x) { return same(x, *m->part); });
            return;
        }
}

// "Hamas also welcomed it", "welcomed the opinion": welcoming a thing is a statement,
// welcoming a person (or people) is a reception. `c` is a meeting of a bare "welcome"
// verb whose object is no person: it becomes the subject's statement.
void welcome_sense(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "meeting"_w) || c.syntax != TrigSyntax::verb || c.te != c.tb + 1 ||
        !d.toks[c.tb].lower.starts_with("welcom") || c.ev.actors.empty())
        return;
    const TokSpan obj = noun_phrase(d, s, skip_adjuncts(d, s, c.te));
    if (obj.empty()) return;
    bool thing = in(d.toks[obj.b].lower, {"it", "this", "that", "these", "those", "what"});
    for (std::size_t t = obj.b; t < obj.e && !thing; ++t) {
        const Token& x = d.toks[t];
        if (x.lex & LPeopleNoun) return;  // "welcomed the ministers"
        if (const Mention* m = mention_at(d, t); m && m->part) {
            if (!(m->possessive || (m->adjective && !m->people))) return;  // a guest
            t = m->te - 1;
            continue;
        }
        // a common noun heads the object before any guest: "welcomed the opinion"
        if (x.kind == TokKind::word && !x.cap && !(x.lex & LDeterminer) && t + 1 >= obj.e)
            thing = true;
    }
    if (!thing || !retype(c.ev, *d.k, "statement")) return;
    c.ev.targets.clear();
    c.places.clear();
    c.ev.location.reset();
}

// "Jaishankar called on President Raisi": "call on" a person with no infinitive or "for"
// after is a courtesy call (a meeting), not an appeal.
void call_on_person(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "appeal"_w) || c.syntax != TrigSyntax::verb || c.te != c.tb + 2 ||
        !d.toks[c.tb].lower.starts_with("call") || !in(d.toks[c.tb + 1].lower, {"on", "upon"}))
        return;
    const Mention* m = mention_at(d, c.te);
    if (!m || !m->part || m->part->kind != "person"_w || m->possessive) return;
    std::size_t after = m->te;
    // an apposition or relative clause after the guest ("X, who told him")
    if (after < s.te && d.toks[after].lower == ","_w) ++after;
    if (after < s.te &&
        (in(d.toks[after].lower, {"and", "not"}) ||
         (d.toks[after].kind == TokKind::word && !has(d.toks[after], WRelativePronoun) &&
          !(d.toks[after].lex & (LPreposition | LDateWord)))))
        return;
    // "called on X on Monday to resign", "called on X for restraint": an appeal
    const std::size_t stop = clause_stop(d, s, m->te);
    for (std::size_t t = m->te; t < stop; ++t) {
        if (has(d.toks[t], WRelativePronoun) && d.toks[t].lower != "that"_w) break;
        if (in(d.toks[t].lower, {"to", "for"})) return;
    }
    if (!retype(c.ev, *d.k, "meeting")) return;
}

// "met on the sidelines of the BRICS summit in Johannesburg": a gathering named as the
// venue of another event is only where it took place, not an event of its own.
void venue_gathering(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "meeting"_w) || c.syntax == TrigSyntax::verb || c.tb < s.tb + 2) return;
    std::size_t t = c.tb;
    while (t > s.tb && t + 4 > c.tb && d.toks[t - 1].lower != "of"_w) --t;
    if (t < s.tb + 2 || d.toks[t - 1].lower != "of"_w || d.toks[t - 2].lower != "sidelines"_w)
        return;
    c.drop = true;
}

// "obliged to facilitate relief": facilitating a thing is no mediation; talks, a deal or
// the parties as its object are.
void facilitate_sense(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "negotiation"_w) || c.syntax != TrigSyntax::verb ||
        !d.toks[c.tb].lower.starts_with("facilitat"))
        return;
    const TokSpan obj = noun_phrase(d, s, skip_adjuncts(d, s, c.te));
    for (std::size_t t = obj.b; t < obj.e; ++t) {
        const Token& x = d.toks[t];
        if (has(x, WAgreementNoun) ||
            in(x.lower, {"talks", "negotiations", "negotiation", "dialogue", "meeting", "meetings",
                         "contacts", "exchange", "exchanges", "mediation"}))
            return;
        if (const Mention* m = mention_at(d, t); m && m->part && !m->adjective) return;
    }
    if (obj.empty() && skip_adjuncts(d, s, c.te) < s.te &&
        in(d.toks[skip_adjuncts(d, s, c.te)].lower, {"between", "with"}))
        return;  // "facilitated between the two sides"
    c.drop = true;
}

// "The Feb. 6 earthquake and its aftershocks killed 50,000 people", "Floods struck eastern
// Libya": an attack verb whose subject is a natural or accidental cause (`natural_causes`)
// is no attack.
void natural_cause(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "attack"_w) || c.syntax != TrigSyntax::verb) return;
    for (std::size_t t = c.tb; t-- > s.tb && t + 9 > c.tb;) {
        const Token& x = d.toks[t];
        if (x.lower == ","_w || x.lower == ";"_w || x.kind == TokKind::quote ||
            (x.lex & LSubordinator))
            break;
        if (d.k->natural_causes.count(x.lower)) {
            c.drop = true;
            return;
        }
    }
}

// "Abbas called for an emergency session of the U.N. Security Council", "Tehran requested an
// emergency meeting of the Security Council": the body asked to convene is the appeal's
// addressee.
void session_addressee(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "appeal"_w) || c.syntax != TrigSyntax::verb) return;
    std::size_t t = c.te;
    // ("request * meeting of": the trigger ends at "of", so the body follows it)
    if (t == c.tb || d.toks[t - 1].lower != "of"_w) {
        // ("an emergency session": a determiner, then at most three words, no preposition:
        // not "called for calm before the meeting of ...")
        if (t >= s.te || !in(d.toks[t].lower, {"a", "an", "the"})) return;
        ++t;
        std::size_t n = 0;
        while (t < s.te && !in(d.toks[t].lower, {"session", "sessions", "meeting"})) {
            if (d.toks[t].kind != TokKind::word || (d.toks[t].lex & LPreposition) || ++n > 3)
                return;
            ++t;
        }
        if (t + 1 >= s.te || d.toks[t + 1].lower != "of"_w) return;
        t += 2;
    }
    const Mention* m = t < s.te ? mention_at(d, t) : nullptr;
    if (!m && t + 1 < s.te && d.toks[t].lower == "the"_w) m = mention_at(d, t + 1);
    if (!m || !m->part || m->in_quote || m->part->kind != "organisation"_w) return;
    if (!contains(c.ev.targets, *m->part) && !contains(c.ev.actors, *m->part))
        c.ev.targets.push_back(*m->part);
}

// "Turkish rescue teams arrived in Morocco", "A Qatari team flew into Marrakech" in an article
// naming a disaster (`disaster_words`): a visit whose subject has a relief word
// (`relief_team_words`) is aid from the subject's state to the place's.
void relief_team_arrival(Doc& d, const Sentence& s, Candidate& c, const ArgPrefilters& pf) {
    const Knowledge& k = *d.k;
    if (!is(c, "visit"_w) || c.syntax != TrigSyntax::verb || k.relief_team_words.empty()) return;
    bool relief = false;
    for (std::size_t t = c.tb; t-- > s.tb && t + 9 > c.tb;) {
        const Token& x = d.toks[t];
        if (x.lower == ","_w || x.lower == ";"_w || x.kind == TokKind::quote ||
            (x.lex & LSubordinator))
            break;
        if (pf.relief_team_words.may_hold(x.lower) && k.relief_team_words.count(x.lower))
            relief = true;
    }
    if (!relief) return;
    bool disaster = false;
    for (const Token& x : d.toks)
        if (x.kind == TokKind::word && k.disaster_words.count(x.lower)) {
            disaster = true;
            break;
        }
    if (!disaster) return;
    if (c.ev.actors.empty()) return;
    std::vector<Participant> to = c.ev.targets;
    if (to.empty() && c.ev.location && !c.ev.location->country.empty())
        if (const Participant* p = k.country_of_code(c.ev.location->country)) to.push_back(*p);
    std::erase_if(to, [&](const Participant& x) { return contains(c.ev.actors, x); });
    if (to.empty() || !retype(c.ev, k, "aid")) return;
    c.ev.targets = std::move(to);
}

// "Kuwait's foreign minister X told KUNA that Kuwait rejected ...": a state's stance
// reported by its own official is the official's (the speaker speaks for the state).
void speaker_for_state(Doc& d, const Sentence& s, const Candidate& st, std::size_t first,
                       std::size_t end, FrameMemo& fm) {
    if (!is(st, "statement"_w) || st.syntax != TrigSyntax::verb || st.ev.actors.size() != 1 ||
        st.ev.actors[0].kind != "person"_w || st.ev.actors[0].country.empty() ||
        !fm.that_after(d, s, st.te))
        return;
    const ArgFrame f = fm.get(d, s, st.tb, st.te);
    if (f.comp != ComplementKind::that_clause) return;
    const Participant& speaker = st.ev.actors[0];
    for (std::size_t i = first; i < end; ++i) {
        Candidate& e = d.cands[i];
        if (&e == &st || e.drop || e.tb < f.comp_verb || e.tb >= f.comp_end ||
            e.tb > f.comp_verb + 3 || is(e, "statement"_w) || e.ev.actors.size() != 1)
            continue;
        const Participant& a = e.ev.actors[0];
        if (a.kind != "country"_w || a.country != speaker.country) continue;
        e.ev.actors[0] = speaker;
    }
}

// "The three leaders said in a joint statement that Israel must lift the restrictions": a
// saying whose that-clause puts a demand modal (`demand_modals`) on a party is also an
// appeal of the speaker to that party. Returns the appeal to add, if any.
std::optional<Candidate> demand_in_saying(const Doc& d, const Sentence& s, const Candidate& st,
                                          FrameMemo& fm) {
    if (!is(st, "statement"_w) || st.syntax != TrigSyntax::verb || st.ev.actors.empty() ||
        st.form == VerbForm::ing || !fm.that_after(d, s, st.te))
        return std::nullopt;
    const ArgFrame f = fm.get(d, s, st.tb, st.te);
    if (f.comp != ComplementKind::that_clause) return std::nullopt;
    std::vector<Participant> addr = parties_in(d, f.comp_subject);
    std::erase_if(addr, [&](const Participant& p) { return contains(st.ev.actors, p); });
    if (addr.empty()) return std::nullopt;
    std::size_t t = f.comp_subject.e;
    while (t < s.te && weak_word(d.toks[t])) ++t;
    bool modal = false;
    for (const Phrase& p : d.k->demand_modals)
        if (match_phrase(d, t, s.te, p)) modal = true;
    if (!modal) return std::nullopt;
    Candidate a = st;
    if (!retype(a.ev, *d.k, "appeal")) return std::nullopt;
    a.ev.targets = std::move(addr);
    a.places.clear();
    a.ev.location.reset();
    return a;
}

// The parties of a plural reference ("the two countries", "both sides") as resolved by
// coreference: the mention's referent and its further referents.
std::vector<Participant> plural_parties(const Mention& m) {
    std::vector<Participant> out;
    if (m.kind != MentionKind::plural_anaphor || !m.part || m.extra.empty()) return out;
    out.push_back(*m.part);
    for (const Participant& p : m.extra)
        if (!contains(out, p)) out.push_back(p);
    return out;
}

// "a meeting of the two countries' follow-up committee", "at the start of their meeting
// in Kazan": a meeting noun whose possessor names its parties is a meeting of them, even
// with no verb (the nominal and possessive heads the trigger rules leave out). Returns the
// meetings to add.
std::vector<Candidate> possessed_meetings(const Doc& d, std::size_t si, std::size_t first,
                                          std::size_t end, const WalkTokens& at) {
    std::vector<Candidate> out;
    const Sentence& s = d.sents[si];
    for (const std::uint32_t t : at) {
        const Token& x = d.toks[t];
        if (!(x.lex & LMeetingNoun)) continue;  // "meeting", "talks"
        bool covered = false;
        for (std::size_t i = first; i < end; ++i)
            if (d.cands[i].sentence == si && d.cands[i].tb <= t && t < d.cands[i].te)
                covered = true;
        if (covered) continue;
        std::vector<Participant> act, tgt;
        if (d.toks[t - 1].lower == "their"_w) {
            // the clause's subject and the person it addresses ("X expressed his
            // condolences to Y at the start of their meeting")
            const Mention* subj = nullptr;
            const Mention* other = nullptr;
            for (std::size_t mi = d.mention_from(s.tb); mi < d.mentions.size(); ++mi) {
                const Mention& m = d.mentions[mi];
                if (m.tb >= t) break;
                if (!party(m) || m.possessive || m.kind == MentionKind::pronoun) continue;
                if (!subj && m.prep.empty())
                    subj = &m;
                else if (subj && in(m.prep, {"to", "with"}) && !same(*m.part, *subj->part))
                    other = &m;
            }
            if (!subj || !other || subj->part->kind != other->part->kind) continue;
            act.push_back(*subj->part);
            tgt.push_back(*other->part);
        } else if (t + 2 < s.te && d.toks[t + 1].lower == "of"_w) {
            const TokSpan np = noun_phrase(d, s, t + 2);
            for (std::size_t mi = d.mention_from(np.b); mi < d.mentions.size(); ++mi) {
                const Mention& m = d.mentions[mi];
                if (m.tb >= np.e) break;
                act = plural_parties(m);
                if (!act.empty()) break;
            }
            if (act.empty()) continue;
        } else {
            continue;
        }
        Candidate c = new_candidate(d, si, t, t + 1, "meeting"_w);
        c.ev.actors = std::move(act);
        c.ev.targets = std::move(tgt);
        // its venue: "in Kazan" after it, else the place of the event it is told with
        const std::size_t stop = clause_stop(d, s, t + 1);
        for (std::size_t mi = d.mention_from(t + 1); mi < d.mentions.size(); ++mi) {
            const Mention& m = d.mentions[mi];
            if (m.tb >= stop) break;
            if (m.place && !m.adjective && in(m.prep, {"in", "at"})) {
                c.places.push_back(*m.place);
                break;
            }
        }
        if (c.places.empty())
            for (std::size_t i = first; i < end; ++i)
                if (d.cands[i].sentence == si && !d.cands[i].drop && d.cands[i].ev.location) {
                    c.places.push_back(*d.cands[i].ev.location);
                    break;
                }
        if (!c.places.empty()) c.ev.location = c.places.front();
        out.push_back(std::move(c));
    }
    return out;
}

// "a step Washington has been pressing for", "Israel has been calling for": an appeal in
// the perfect progressive is a standing position, not the appeal of one day.
void standing_appeal(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "appeal"_w) || c.syntax != TrigSyntax::verb || c.form != VerbForm::ing ||
        c.tb < s.tb + 2)
        return;
    std::size_t p = c.tb;
    while (p > s.tb + 1 && d.toks[p - 1].lower.ends_with("ly") && !d.toks[p - 1].cap) --p;
    if (d.toks[p - 1].lower == "been"_w && in(d.toks[p - 2].lower, {"has", "have", "had"}))
        c.drop = true;
}

// "days before planned ceasefire talks", "ahead of expected talks": talks named only as a
// time reference, with no party of their own after them, are no event.
void time_reference_event(Doc& d, const Sentence& s, Candidate& c) {
    if (!(is(c, "negotiation"_w) || is(c, "meeting"_w)) || c.syntax == TrigSyntax::verb ||
        c.tb < s.tb + 1)
        return;
    std::size_t p = c.tb;
    for (int n = 0; n < 3 && p > s.tb && d.toks[p - 1].kind == TokKind::word &&
                    !d.toks[p - 1].cap && !(d.toks[p - 1].lex & (LPreposition | LDeterminer));
         ++n)
        --p;  // "planned ceasefire", "expected new"
    if (p == s.tb || !in(d.toks[p - 1].lower, {"before", "after", "ahead", "since", "until"}))
        return;
    if (d.toks[p - 1].lower == "ahead"_w) return;  // "ahead of": the planned-event cue's
    const std::size_t stop = clause_stop(d, s, c.te);
    for (std::size_t mi = d.mention_from(c.te); mi < d.mentions.size(); ++mi) {
        const Mention& m = d.mentions[mi];
        if (m.tb >= stop) break;
        if (m.part || m.place) return;  // "before talks with X", "after talks in Doha"
    }
    for (std::size_t t = c.te; t < stop; ++t)
        if (date_tok(d.toks[t])) return;  // "before talks on Monday"
    c.drop = true;
}

// A four-digit year token (checked by the caller) of a year the age limit no longer
// reaches from the publication date `pub`: before last year, or last year after February.
bool past_year(const Token& x, const CivilDate& pub) {
    int year = 0;
    for (const char ch : x.lower) year = year * 10 + (ch - '0');
    return year >= 1900 && (year < pub.year - 1 || (year == pub.year - 1 && pub.month > 2));
}

// "China brokered the 2023 agreement between Iran and Saudi Arabia": brokering a deal
// named by a past year (older than the age limit can reach) is background, no negotiation.
void past_year_brokering(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "negotiation"_w) || c.syntax != TrigSyntax::verb || !d.pub_day ||
        !(d.toks[c.tb].lower.starts_with("broker") || d.toks[c.tb].lower.starts_with("mediat")))
        return;
    const CivilDate pub = civil_from_days(*d.pub_day);
    for (std::size_t t = c.te; t + 1 < s.te && t < c.te + 3; ++t) {
        const Token& x = d.toks[t];
        if (x.kind != TokKind::number || x.lower.size() != 4) {
            if (!(x.lex & LDeterminer)) return;
            continue;
        }
        if (!has(d.toks[t + 1], WAgreementNoun)) return;
        if (past_year(x, pub)) c.drop = true;
        return;
    }
}

// "Iran has agreed to let the U.N. nuclear watchdog reinstall cameras": the party an
// agreement lets, allows or grants something is its counterpart.
void agreement_beneficiary(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "agreement"_w) || c.syntax != TrigSyntax::verb || !c.ev.targets.empty() ||
        c.ev.actors.empty())
        return;
    const std::size_t t = skip_adjuncts(d, s, c.te);
    if (t + 2 >= s.te || d.toks[t].lower != "to"_w ||
        !in(d.toks[t + 1].lower, {"let", "allow", "permit", "grant", "give"}))
        return;
    const TokSpan obj = noun_phrase(d, s, t + 2);
    for (const Participant& p : parties_in(d, obj))
        if (!contains(c.ev.actors, p)) c.ev.targets.push_back(p);
}

// "including a 2015 suicide attack in Kuwait City": an attack named by a past year (older
// than the age limit can reach) is background, not an event of the news.
void past_year_attack(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "attack"_w) || c.syntax == TrigSyntax::verb || !d.pub_day) return;
    const CivilDate pub = civil_from_days(*d.pub_day);
    for (std::size_t t = c.tb; t-- > s.tb && t + 4 > c.tb;) {
        const Token& x = d.toks[t];
        if (x.kind != TokKind::number || x.lower.size() != 4) {
            if (x.kind != TokKind::word || (x.lex & LPreposition)) break;
            continue;
        }
        if (past_year(x, pub)) c.drop = true;
        return;
    }
}

// "Tunisia and China are expected to announce a strategic partnership": two sides
// announcing an agreement (`agreement_nouns` heading the object) make that agreement; it
// is no statement.
void announced_agreement(Doc& d, const Sentence& s, Candidate& c) {
    if (!is(c, "statement"_w) || c.syntax != TrigSyntax::verb ||
        !d.toks[c.tb].lower.starts_with("announc") || c.ev.actors.empty())
        return;
    const TokSpan obj = noun_phrase(d, s, skip_adjuncts(d, s, c.te));
    for (std::size_t t = obj.b; t < obj.e; ++t)
        if (has(d.toks[t], WAgreementNoun)) {
            // one side announcing it: only a deal told as made with another party
            // ("announced a ceasefire in Sweida agreed with Druze leaders")
            bool with_party = c.ev.actors.size() >= 2;
            for (std::size_t u = obj.e; u < s.te && u < obj.e + 6 && !with_party; ++u) {
                const auto w = d.toks[u].lower;
                if (w == ","_w || w == ";"_w || (d.toks[u].lex & LSubordinator)) break;
                with_party = (w == "agreed"_w || w == "reached"_w || w == "signed"_w) &&
                             u + 1 < s.te && d.toks[u + 1].lower == "with"_w;
            }
            if (!with_party || !retype(c.ev, *d.k, "agreement")) return;
            // ("a ceasefire in Sweida": its place, named inside the object)
            if (!c.ev.location)
                for (std::size_t mi = d.mention_from(t + 1);
                     mi < d.mentions.size() && d.mentions[mi].tb < obj.e + 3; ++mi) {
                    const Mention& m = d.mentions[mi];
                    if (m.place && m.prep == "in"_w) {
                        c.ev.location = *m.place;
                        c.places.push_back(*m.place);
                        break;
                    }
                }
            return;
        }
}

// "he asked, telling reporters that aid alone could not save Gaza": a saying verb whose
// that-clause puts no demand modal on anyone reports a view; it is a statement, not an
// appeal.
void saying_not_appeal(Doc& d, const Sentence& s, Candidate& c, FrameMemo& fm) {
    if (!is(c, "appeal"_w) || c.syntax != TrigSyntax::verb ||
        !verb_of_type(d, c.tb, "statement"_w) || !fm.that_after(d, s, c.te))
        return;  // (a that-clause is due either way)
    const ArgFrame f = fm.get(d, s, c.tb, c.te);
    if (f.comp != ComplementKind::that_clause) {
        // (a that-clause with a pronoun or noun subject: "telling reporters that aid alone")
        std::size_t t = skip_adjuncts(d, s, c.te);
        const TokSpan obj = noun_phrase(d, s, t);
        if (!obj.empty()) t = skip_adjuncts(d, s, obj.e);
        if (t >= s.te || d.toks[t].lower != "that"_w) return;
    }
    // a quoted demand before it is the appeal ('"Israel must stop," he said, telling ...'),
    // unless the quote is a question ('"How many have to be killed?" he asked')
    bool quoted_demand = false, question = false;
    for (std::size_t t = s.tb; t < c.tb; ++t) {
        if (!d.toks[t].in_quote) continue;
        if (d.toks[t].lower == "?"_w) question = true;
        for (const Phrase& p : d.k->demand_modals)
            if (match_phrase(d, t, c.tb, p)) quoted_demand = true;
    }
    if (quoted_demand && !question) return;
    const std::size_t from = f.comp == ComplementKind::that_clause ? f.comp_subject.b : c.te;
    for (std::size_t t = from; t < s.te; ++t) {
        if (d.toks[t].kind == TokKind::quote || d.toks[t].lower == ";"_w) break;
        for (const Phrase& p : d.k->demand_modals)
            if (match_phrase(d, t, s.te, p)) return;
    }
    if (!retype(c.ev, *d.k, "statement")) return;
    c.ev.targets.clear();
}

// "Hamas-led fighters attacked", "the Hamas-led attack": the party glued to "-led" in front
// of the trigger (over its head noun) is the actor. The mention, if any.
const Mention* led_modifier(const Doc& d, const Sentence& s, std::size_t tb) {
    for (std::size_t t = tb; t > s.tb + 2 && t + 4 > tb; --t) {
        if (d.toks[t - 1].lower != "led"_w || d.toks[t - 2].text != "-"_w ||
            d.toks[t - 2].space_before)
            continue;
        for (std::size_t mi = d.mention_from(s.tb); mi < d.mentions.size(); ++mi) {
            const Mention& m = d.mentions[mi];
            if (m.tb >= t - 2) break;
            if (m.te == t - 2 && m.part && !m.in_quote) return &m;
        }
        return nullptr;
    }
    return nullptr;
}

void led_actor(Doc& d, const Sentence& s, Candidate& c) {
    if (!c.ev.actors.empty() || !(is(c, "attack"_w) || is(c, "negotiation"_w))) return;
    if (const Mention* m = led_modifier(d, s, c.tb)) c.ev.actors.push_back(*m->part);
}

// "after Hamas-led fighters attacked southern Israel": an attack verb whose only subject
// is an "X-led" phrase made no candidate; it is X's attack. Returns it, if any.
std::optional<Candidate> led_attack(Doc& d, std::size_t si, std::size_t t, std::size_t first,
                                    std::size_t end) {
    const Sentence& s = d.sents[si];
    const Token& x = d.toks[t];
    // (the word's own tests first: the trigger list walk is dearer)
    if (x.lower.ends_with("ing") || !(x.lower.ends_with("ed") || x.lower == "struck"_w))
        return std::nullopt;  // a finite past verb only
    if (!verb_of_type(d, t, "attack"_w) || has(d.toks[t], WKillVerb)) return std::nullopt;
    for (std::size_t i = first; i < end; ++i)
        if (d.cands[i].sentence == si && d.cands[i].tb <= t && t < d.cands[i].te)
            return std::nullopt;
    const Mention* m = led_modifier(d, s, t);
    if (!m) return std::nullopt;
    Candidate a = new_candidate(d, si, t, t + 1, "attack"_w);
    a.syntax = TrigSyntax::verb;
    a.form = VerbForm::past;
    a.ev.actors.push_back(*m->part);
    attack_object_place(d, s, a);
    return a;
}

}  // namespace

bool kill_in_own_clause(const Doc& d, const Sentence& s, std::size_t vb) {
    const TokSpan subj = subject_phrase(d, s, vb);
    if (subj.empty() || subj.b == s.tb || parties_in(d, subj).empty()) return false;
    return in(d.toks[subj.b - 1].lower, {"when", "after", "as", "while", "where", "before"});
}

bool asked_with_day(const Doc& d, const Candidate& c) {
    const Sentence& s = d.sents[c.sentence];
    for (const Candidate& a : d.cands) {
        if (&a == &c || a.sentence != c.sentence || !is(a, "appeal"_w) ||
            a.syntax != TrigSyntax::verb || a.te > c.tb)
            continue;
        const ArgFrame f = arg_frame(d, s, a.tb, a.te);
        if (f.comp != ComplementKind::to_infinitive || c.tb < f.comp_verb || c.tb >= f.comp_end ||
            c.tb > f.comp_verb + 3)
            continue;
        for (std::size_t t = c.te; t < f.comp_end; ++t)
            if (has(d.toks[t], WWeekday) || has(d.toks[t], WMonth)) return true;
    }
    return false;
}

void argument_rules(Doc& d, std::size_t si, std::size_t first, const WalkTokens& at,
                    const ArgPrefilters& pf) {
    const Sentence& s = d.sents[si];
    const std::size_t end = d.cands.size();
    FrameMemo fm;
    for (std::size_t i = first; i < end; ++i) {
        Candidate& c = d.cands[i];
        if (c.drop || c.sentence != si) continue;
        attack_object_place(d, s, c);
        attack_noun_owner(d, s, c);
        coordinated_subject(d, s, c);
        appeal_that_target(d, s, c, fm);
        delegation_subject(d, s, c);
        welcome_sense(d, s, c);
        call_on_person(d, s, c);
        venue_gathering(d, s, c);
        facilitate_sense(d, s, c);
        natural_cause(d, s, c);
        session_addressee(d, s, c);
        relief_team_arrival(d, s, c, pf);
        standing_appeal(d, s, c);
        time_reference_event(d, s, c);
        agreement_beneficiary(d, s, c);
        past_year_attack(d, s, c);
        past_year_brokering(d, s, c);
        announced_agreement(d, s, c);
        saying_not_appeal(d, s, c, fm);
        led_actor(d, s, c);
    }
    for (std::size_t i = first; i < end; ++i) {
        if (d.cands[i].drop || d.cands[i].sentence != si) continue;
        appeal_complement_event(d, s, d.cands[i], first, end, fm);
        rejected_object(d, s, d.cands[i], first, end);
        speaker_for_state(d, s, d.cands[i], first, end, fm);
    }
    // an appeal verb that made no candidate ("They ... urged Iran to resume negotiations":
    // no speaker yet) still frames its complement
    for (const std::uint32_t t : at) {
        if (!d.toks[t].trig || !appeal_verb_at(d, t)) continue;
        bool made = false;
        for (std::size_t i = first; i < end; ++i)
            if (d.cands[i].tb == t && d.cands[i].sentence == si) made = true;
        if (made) continue;
        Candidate a = new_candidate(d, si, t, t + 1, "appeal"_w);
        a.syntax = TrigSyntax::verb;
        if (t + 2 < s.te && in(d.toks[t + 1].lower, {"on", "upon"})) a.te = t + 2;
        a.drop = true;  // a frame only
        appeal_complement_event(d, s, a, first, end, fm);
    }
    for (std::size_t i = first; i < end; ++i) {
        if (d.cands[i].drop || d.cands[i].sentence != si) continue;
        if (auto a = demand_in_saying(d, s, d.cands[i], fm)) d.cands.push_back(std::move(*a));
    }
    for (Candidate& m : possessed_meetings(d, si, first, end, at)) d.cands.push_back(std::move(m));
    for (const std::uint32_t t : at) {
        // (both need a trigger outside quotes at t)
        if (t < s.tb + 3 || !d.toks[t].trig || d.toks[t].in_quote) continue;
        // (the participle test first: the call returns an optional candidate)
        if (appeal_participle_at(d, t))
            if (auto a = object_participle_appeal(d, si, t, first, end))
                d.cands.push_back(std::move(*a));
        if (auto a = led_attack(d, si, t, first, end)) d.cands.push_back(std::move(*a));
    }
}

}  // namespace herald::processors

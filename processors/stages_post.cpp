// Stages after extraction: modality, dates, attributes, region, merge.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <span>

#include "common/text.hpp"
#include "common/time.hpp"
#include "config/diagnostics.hpp"
#include "processors/arguments.hpp"
#include "processors/dates.hpp"
#include "processors/frames.hpp"
#include "processors/stage.hpp"

namespace herald::processors {

using namespace std::string_view_literals;

namespace {

// sanitize_utf8 with a fast path: pure ASCII (the common case) is copied as is.
bool all_ascii(std::string_view s) {
    std::size_t i = 0;
    for (; i + 32 <= s.size(); i += 32) {  // 32 bytes a step: sentences are ~150 bytes
        std::uint64_t w[4] = {};
        std::memcpy(w, s.data() + i, 32);
        if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) return false;
    }
    for (; i + 8 <= s.size(); i += 8) {  // eight bytes at a time
        std::uint64_t w = 0;
        std::memcpy(&w, s.data() + i, 8);
        if (w & 0x8080808080808080ULL) return false;
    }
    for (; i < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    return true;
}

std::string utf8_copy(std::string_view s) {
    return all_ascii(s) ? std::string(s) : sanitize_utf8(s);
}

// The part of a participant's identity key after its kind: the name for
// persons, groups and country-less entities, else the country code.
const std::string& pkey_value(const Participant& p) {
    if (p.kind == "person"_w || p.kind == "group"_w || p.country.empty()) return p.name;
    return p.country;
}

std::string pkey(const Participant& p) {
    const std::string& value = pkey_value(p);
    std::string key;
    key.reserve(p.kind.size() + 1 + value.size());
    key += p.kind;
    key += ':';
    key += value;
    return key;
}

// pkey(a) == pkey(b) without building strings.
bool same_pkey(const Participant& a, const Participant& b) {
    return a.kind == b.kind && pkey_value(a) == pkey_value(b);
}

bool in_set(std::string_view w, std::initializer_list<Lit> l) {
    return in(w, l);
}

// `w` can open phrase `p` (its first slot's words, inline): the test a match_phrase() call
// would make first, without the call.
bool starts_phrase(const Phrase& p, std::string_view w) {
    return !p.slots.empty() && find_word(p.slots[0].begin(), p.slots[0].end(), w);
}

bool joined_in(const Doc& d, std::size_t p, std::size_t end, const StrSet& set, std::size_t& len) {
    // single token, or two / three tokens joined by spaces (in a buffer on the stack: no
    // string per call; a std::string only past its size)
    if (p >= end) return false;
    char buf[64];
    std::size_t n = 0;
    std::string big;
    for (std::size_t k = 0; k < 3 && p + k < end; ++k) {
        const std::string_view w = d.toks[p + k].lower;
        const std::size_t need = n + (k ? 1 : 0) + w.size();
        if (big.empty() && need <= sizeof buf) {
            if (k) buf[n++] = ' ';
            if (!w.empty()) std::memcpy(buf + n, w.data(), w.size());
            n = need;
        } else {
            if (big.empty()) big.assign(buf, n);
            if (k) big += ' ';
            big += w;
        }
        if (set.count(big.empty() ? std::string_view(buf, n) : std::string_view(big))) {
            len = k + 1;
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------- modality

// "A sixth round of talks between A and B, mediated by C, is scheduled to take place on
// Sunday", "talks between A and B, due to be held in Muscat on Sunday, would ...": the
// verb a noun trigger is the subject of, or a participle aside on it, is planned further
// on than the words right after the trigger. The scan crosses the noun's tail (its
// prepositional phrase, a comma aside) and ends at the first auxiliary, whose phrase
// decides; a finite past verb, a subordinate clause, ", and" or a quote end it with no.
bool planned_noun_tail(const Doc& d, const Sentence& s, const Candidate& c) {
    const Knowledge& k = *d.k;
    auto planned_at = [&](std::size_t t) {
        if (!(d.toks[t].lex & LPlannedFirst)) return false;
        const auto it = k.planned_first.find(d.toks[t].lower);
        if (it == k.planned_first.end()) return false;
        for (const std::uint32_t pi : it->second)
            if (const std::size_t n = match_phrase(d, t, s.te, k.planned_cues[pi]);
                n && t + n < s.te && d.toks[t + n].kind == TokKind::word &&
                !(d.toks[t + n].lex & (LNegator | LDeterminer)))
                return true;
        return false;
    };
    bool opener = true;  // right after the trigger or a comma: a postmodifier may start
    int commas = 0;
    for (std::size_t t = c.te; t < s.te && t < c.te + 30; ++t) {
        const Token& tok = d.toks[t];
        const auto w = tok.lower;
        if (tok.kind == TokKind::quote || tok.in_quote || w == ";"_w) return false;
        if (w == ","_w) {
            if (++commas > 2) return false;
            opener = true;
            continue;
        }
        const bool open = opener;
        opener = false;
        if (open && t > c.te && in_set(w, {"and", "but", "or", "while"})) return false;
        // ("held talks in Muscat and are due to meet again": the next verb's subject)
        if (in_set(w, {"and", "but", "or"}) && t + 1 < s.te &&
            in_set(d.toks[t + 1].lower, {"is", "are", "was", "were", "will", "would"}))
            return false;
        if (open && planned_at(t)) return true;
        if (open && (w == "which"_w || w == "that"_w) && t + 1 < s.te && planned_at(t + 1))
            return true;
        if (has(tok, WFiniteAux)) return planned_at(t);
        if (tok.lex & LSubordinator) return false;
        if (!open && !tok.cap && tok.kind == TokKind::word && w.size() > 4 && has_suffix(w, "ed"_w))
            return false;
    }
    return false;
}

class ModalityStage final : public Stage {
  public:
    const char* name() const override { return "modality"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"negation", "speculation", "window"}, sink);
        negation_ = read_bool(n, "negation", true, sink);
        speculation_ = read_bool(n, "speculation", true, sink);
        window_ = static_cast<std::size_t>(std::clamp(read_int(n, "window", 4, sink), 1, 10));
    }
    std::vector<std::string> requires_before() const override { return {"events"}; }

    void run(Doc& d) const override {
        const Knowledge& k = *d.k;
        // (the tokens through a pointer read once: the stage writes candidates' strings,
        // after which d.toks would be loaded again at every token test)
        const Token* const toks = d.toks.data();
        // the sentences with an appeal verb, the only ones where asked_with_day can hold
        // (this loop turns appeals into statements, never anything into an appeal)
        SmallVec<std::size_t, 16> appeal_sents;
        for (const Candidate& a : d.cands)
            if (a.syntax == TrigSyntax::verb && a.ev.type == "appeal"_w &&
                (appeal_sents.empty() || appeal_sents.back() != a.sentence))
                appeal_sents.push_back(a.sentence);
        // the WordSet and Lex bits of all words of the candidate's sentence: a walk that
        // looks for a word of some set is skipped when no word of the sentence is in it
        // (worked out again when the sentence changes; candidates come mostly in sentence
        // order)
        std::size_t words_sentence = SIZE_MAX;
        std::uint64_t words = 0;
        std::uint32_t lexes = 0;
        for (Candidate& c : d.cands) {
            if (c.drop) continue;
            const Sentence& s = d.sents[c.sentence];
            if (c.sentence != words_sentence) {
                words_sentence = c.sentence;
                words = 0;
                lexes = 0;
                for (std::size_t t = s.tb; t < s.te; ++t) {
                    words |= toks[t].sets;
                    lexes |= toks[t].lex;
                }
            }
            const std::size_t lo = c.tb > s.tb + window_ ? c.tb - window_ : s.tb;
            bool negated = false, speculative = false;
            const std::size_t lo_deny = c.tb > s.tb + 2 * window_ ? c.tb - 2 * window_ : s.tb;
            // (what it finds: a denial, a negator or a speculative word)
            const bool deny_walk = lexes & (LDenialFirst | LNegator | LSpecFirst);
            for (std::size_t t = c.tb; deny_walk && t-- > lo_deny;) {
                const Token& tok = toks[t];
                if (tok.lower == ","_w || tok.lower == ";"_w ||
                    ((tok.lex & LSubordinator) && tok.lower != "as"_w))
                    break;
                std::size_t dl = 0;
                if ((tok.lex & LDenialFirst) && joined_in(d, t, c.tb, k.denial_verbs, dl))
                    negated = true;
                if (t < lo) continue;
                if (tok.lex & LNegator) negated = true;
                std::size_t len = 0;
                // (the distance first: joined_in's lookups only where they can count)
                if ((tok.lex & LSpecFirst) && c.tb - t <= 3 &&
                    (has(tok, WSpeculative) || joined_in(d, t, c.tb, k.speculative, len)) &&
                    !(tok.cap && tok.lower == "may"_w))
                    speculative = true;
            }
            for (std::size_t t = c.tb + 1; t < c.te; ++t)
                if ((toks[t].lex & LNegator) &&
                    !(t == c.tb + 1 && c.ev.type == "rejection"_w &&
                      in(toks[t].lower, {"not", "n't", "no"})))  // "did not accept", "said no to"
                    negated = true;
            // a noun trigger called off after it: "a planned visit ... was postponed"
            if (c.syntax != TrigSyntax::verb && (lexes & LDenialFirst))
                for (std::size_t t = c.te; t < s.te && t < c.te + 12; ++t) {
                    const auto w = toks[t].lower;
                    if (w == ","_w || w == ";"_w || ((toks[t].lex & LSubordinator) && w != "as"_w))
                        break;
                    const auto p = toks[t - 1].lower;
                    std::size_t dl = 0;
                    if ((toks[t].lex & LDenialFirst) &&
                        joined_in(d, t, std::min(s.te, t + 3), k.denial_verbs, dl) &&
                        (p == "was"_w || p == "were"_w || p == "been"_w || p == "is"_w ||
                         p == "be"_w)) {
                        negated = true;
                        break;
                    }
                }
            // inside denied hearsay: "denied reports that the group had agreed"; inside
            // what is not confirmed: "did not confirm that it carried out the attack"
            const bool hearsay = words & (WUnassertedVerb | WHearsayDenial);
            for (std::size_t t = c.tb; hearsay && t-- > s.tb && !negated;) {
                const auto w = toks[t].lower;
                if (w == ";"_w || w == "but"_w) break;
                if (!has(toks[t], WordSet(WUnassertedVerb | WHearsayDenial))) continue;  // most
                if (has(toks[t], WUnassertedVerb) && t + 1 < c.tb && t > s.tb &&
                    in_set(toks[t + 1].lower, {"that", "whether", "if"})) {
                    for (std::size_t u = t; u-- > s.tb && u + 3 > t;)
                        if (toks[u].lex & LNegator) negated = true;
                }
                if (has(toks[t], WHearsayDenial) && t + 2 < c.tb) {
                    const auto nx = toks[t + 1].lower;
                    if (has(toks[t + 1], WHearsayNoun) ||
                        (nx == "that"_w && toks[t].lower != "rejected"_w) ||
                        ((nx == "the"_w || nx == "any"_w) && has(toks[t + 2], WHearsayNoun)))
                        negated = true;
                }
            }
            // "would not allow its territory to be used to attack Iran": an infinitive under
            // a negated verb of its clause
            if (c.tb > s.tb && toks[c.tb - 1].lower == "to"_w && c.syntax == TrigSyntax::verb)
                for (std::size_t t = c.tb - 1; t-- > s.tb && c.tb - t <= 14 && !negated;) {
                    const Token& tok = toks[t];
                    if (tok.kind == TokKind::punct || tok.kind == TokKind::quote ||
                        ((tok.lex & LSubordinator) && tok.lower != "as"_w))
                        break;
                    if (tok.lower == "not"_w || tok.lower == "n't"_w || tok.lower == "never"_w)
                        negated = true;
                }
            // "was not directly involved in the talks": a noun trigger in the object of a
            // negated verb
            if (c.syntax != TrigSyntax::verb)
                for (std::size_t t = c.tb; t-- > s.tb && c.tb - t <= 7 && !negated;) {
                    const Token& tok = toks[t];
                    if (tok.kind != TokKind::word || tok.cap ||
                        ((tok.lex & LSubordinator) && tok.lower != "as"_w))
                        break;
                    if (tok.lower == "not"_w || tok.lower == "n't"_w || tok.lower == "never"_w)
                        negated = true;
                }
            // "no U.S. personnel had been hit", "no agreement was reached": the clause's
            // subject is "no ..."
            for (std::size_t t = c.tb;
                 (words & WNoSubject) && t-- > s.tb && c.tb - t <= 10 && !negated;) {
                const Token& w = toks[t];
                if (w.kind == TokKind::punct || w.kind == TokKind::quote ||
                    ((w.lex & LSubordinator) && w.lower != "as"_w))
                    break;
                if ((w.lower == "no"_w || w.lower == "nobody"_w || w.lower == "none"_w) &&
                    t + 1 < c.tb &&
                    !in_set(toks[t + 1].lower, {"longer", "sooner", "doubt", "less", "more"}))
                    negated = true;
            }
            if (negation_ && negated) {
                c.drop = true;
                continue;
            }
            // "urged both sides to exercise restraint, saying ...": the saying is the appeal's
            // own wording, not another statement
            if (c.ev.type == "statement"_w && c.form == VerbForm::ing && c.tb > s.tb &&
                toks[c.tb - 1].lower == ","_w && !c.ev.actors.empty())
                for (const Candidate& o : d.cands)
                    if (&o != &c && o.sentence == c.sentence && o.ev.type == "appeal"_w &&
                        o.te <= c.tb && o.ev.actors.size() == c.ev.actors.size() &&
                        std::equal(o.ev.actors.begin(), o.ev.actors.end(), c.ev.actors.begin(),
                                   same_pkey)) {
                        c.drop = true;
                        break;
                    }
            if (c.drop) continue;
            // "invited Erdogan to attend the next meeting", "urged them to meet": a meeting or
            // visit an appeal asks for is not planned by its parties
            if ((c.ev.type == "meeting"_w || c.ev.type == "visit"_w) && c.tb > s.tb &&
                toks[c.tb - 1].lower == "to"_w)
                for (const Candidate& o : d.cands)
                    if (&o != &c && o.sentence == c.sentence && o.ev.type == "appeal"_w &&
                        o.te <= c.tb && c.tb - o.te <= 6)
                        speculative = true;
            if (c.ev.type == "appeal"_w) {
                // "has long demanded", "have repeatedly urged": a standing position up to
                // now, not the appeal of one day
                std::size_t p = c.tb;
                while (p > s.tb && (has_suffix(toks[p - 1].lower, "ly"_w) ||
                                    in_set(toks[p - 1].lower, {"long", "also", "already"})))
                    --p;
                if (c.syntax == TrigSyntax::verb && p > s.tb &&
                    (toks[p - 1].lower == "has"_w || toks[p - 1].lower == "have"_w))
                    speculative = true;
                // "asked the United States to urge Israel": the appeal asked for is what the
                // first one asks, not an appeal made
                if (c.tb > s.tb && toks[c.tb - 1].lower == "to"_w)
                    for (const Candidate& o : d.cands)
                        if (&o != &c && o.sentence == c.sentence && o.ev.type == "appeal"_w &&
                            o.te <= c.tb && c.tb - o.te <= 8)
                            speculative = true;
                // "called for those responsible to be brought to justice": a condemnation
                for (std::size_t t = c.te; (words & WAccountFirst) && t < s.te && t < c.te + 12;
                     ++t) {
                    const auto w = toks[t].lower;
                    if (w == ";"_w || w == ","_w || w == "and"_w) break;
                    if (!has(toks[t], WAccountFirst)) continue;  // (opens no phrase)
                    for (const Phrase& ph : k.accountability_phrases)
                        if (starts_phrase(ph, w) && match_phrase(d, t, s.te, ph))
                            retype(c.ev, k, "statement");
                }
            }
            if (c.ev.type == "negotiation"_w && c.syntax != TrigSyntax::verb) {
                // "Egypt has been a key mediator in talks": a role held, not an event
                std::size_t p = c.tb;
                while (p > s.tb && toks[p - 1].kind == TokKind::word && !toks[p - 1].cap &&
                       !k.copulas.count(toks[p - 1].lower) && c.tb - p < 4 &&
                       !(toks[p - 1].lex & LPreposition))
                    --p;
                if (p < c.tb && p > s.tb && k.copulas.count(toks[p - 1].lower) &&
                    (toks[p].lower == "a"_w || toks[p].lower == "an"_w)) {
                    speculative = true;
                    // ... and so are the talks it mediates ("a mediator in talks on ...")
                    for (Candidate& o : d.cands)
                        if (&o != &c && o.sentence == c.sentence && o.ev.type == "negotiation"_w &&
                            o.tb >= c.te && o.tb <= c.te + 2)
                            o.drop = true;
                }
                // "told him during their talks": the talks of a meeting already told, named
                // again in a time phrase
                if (c.tb >= s.tb + 2 && in_set(toks[c.tb - 1].lower, {"their", "his", "her"}) &&
                    in_set(toks[c.tb - 2].lower, {"during", "after", "before", "following", "at"}))
                    speculative = true;
                // "hosted an earlier round of talks", "several rounds of talks": background
                for (std::size_t t = c.tb; t + 1 < c.te; ++t)
                    if ((toks[t + 1].lower == "round"_w || toks[t + 1].lower == "rounds"_w) &&
                        k.background_rounds.count(toks[t].lower))  // (the lookup last)
                        speculative = true;
                // "peace talks have been frozen since 2014", "talks that stalled": not going on
                for (std::size_t t = c.te; t < s.te && t < c.te + 8; ++t) {
                    const auto w = toks[t].lower;
                    if (w == ";"_w || w == ","_w || toks[t].kind == TokKind::quote) break;
                    if (k.stalled_words.count(w)) speculative = true;
                }
            }
            // "his first visit since the rapprochement brokered by China": a mediation named
            // as the time since which something holds is background
            if (c.ev.type == "negotiation"_w && c.syntax == TrigSyntax::passive)
                for (std::size_t t = c.tb; t-- > s.tb && c.tb - t <= 10;) {
                    if (toks[t].lower == "since"_w) speculative = true;
                    if (toks[t].kind != TokKind::word || (toks[t].lex & LSubordinator)) break;
                }
            if (c.ev.type == "negotiation"_w && c.syntax == TrigSyntax::verb)
                for (std::size_t t = c.tb; t + 1 < c.te; ++t)
                    if ((toks[t + 1].lower == "round"_w || toks[t + 1].lower == "rounds"_w) &&
                        k.background_rounds.count(toks[t].lower))  // (the lookup last)
                        speculative = true;
            // "encouraging them to take steps to resume negotiations": a negotiation in the
            // purpose infinitive of an appeal or of efforts is its aim
            if (c.ev.type == "negotiation"_w && c.syntax == TrigSyntax::verb && c.tb > s.tb &&
                toks[c.tb - 1].lower == "to"_w)
                for (std::size_t t = c.tb - 1; t-- > s.tb && c.tb - t <= 8;) {
                    const auto w = toks[t].lower;
                    if (toks[t].kind == TokKind::punct || toks[t].kind == TokKind::quote) break;
                    if (k.aim_words.count(w)) {
                        speculative = true;
                        break;
                    }
                }
            // "Qatar has hosted Hamas leaders since 2012": a standing arrangement, no meeting
            // (a mediation since 2022 is an ongoing negotiation)
            // ("Riyadh has held on-and-off talks with X since a truce took effect": over
            // the verb's modifiers, and since a start told as a clause)
            const bool meet_or_visit = c.ev.type == "meeting"_w || c.ev.type == "visit"_w;
            bool perfect = false;
            for (std::size_t t = c.tb; meet_or_visit && t-- > s.tb && c.tb - t <= 8;) {
                const Token& w = toks[t];
                if (w.lower == "has"_w || w.lower == "have"_w) {
                    perfect = true;
                    break;
                }
                if (w.cap || !(w.kind == TokKind::word || w.text == "-"_w) ||
                    (w.lex & LSubordinator))
                    break;
            }
            if (perfect)
                for (std::size_t t = c.te; t + 1 < s.te && t < c.te + 10; ++t) {
                    const auto w = toks[t].lower;
                    if (w == ","_w || w == ";"_w || (toks[t].lex & LSubordinator && w != "since"_w))
                        break;
                    if ((w == "since"_w && (toks[t + 1].kind == TokKind::number ||
                                            in_set(toks[t + 1].lower, {"a", "an", "the"}))) ||
                        (w == "for"_w &&
                         (toks[t + 1].lower == "years"_w || toks[t + 1].lower == "decades"_w)))
                        speculative = true;
                }
            // "Hussein, attending the forum in Davos, dismissed", "X, who attended the spring
            // meetings with his ministers, urged": attendance told in an aside on the subject
            // is its circumstance, not a meeting of its own
            // (only a meeting can be such an aside: the walk is for meetings alone)
            std::size_t attend = c.tb;  // the "attend" word opening the aside
            const bool meeting = c.ev.type == "meeting"_w;
            for (std::size_t t = c.tb + 1; meeting && t-- > s.tb && c.tb - t <= 4;) {
                if (has_prefix(toks[t].lower, "attend"_w)) {
                    attend = t;
                    break;
                }
                if (toks[t].kind != TokKind::word) break;
            }
            if (meeting && has_prefix(toks[attend].lower, "attend"_w) && attend >= s.tb + 2) {
                std::size_t p = attend - 1;
                if (toks[p].lower == "who"_w && p > s.tb) --p;
                if (toks[p].lower == ","_w) {
                    for (std::size_t t = c.te; t < s.te; ++t)
                        if (toks[t].lower == ","_w) {
                            // the aside closes and the sentence goes on with its verb
                            if (t + 1 < s.te && toks[t + 1].kind == TokKind::word &&
                                !toks[t + 1].cap && !(toks[t + 1].lex & LDeterminer))
                                speculative = true;
                            break;
                        }
                }
            }
            // "would strike again if ...", "will attend unless ...": a conditional
            // (both walks look for "if"/"unless": none in the sentence, no walk)
            const bool conditional = words & WConditional;
            bool modal = false;
            for (std::size_t t = lo; conditional && t < c.tb; ++t) {
                const auto w = toks[t].lower;
                if (w == "would"_w || w == "will"_w || w == "'ll"_w || w == "could"_w ||
                    w == "might"_w)
                    modal = true;
            }
            // "if Hamas fired rockets": inside the condition itself, also further on in a
            // list of its verbs ("unless Iran lets inspectors in, accounts for its uranium
            // and resumes talks"); a comma before a new subject ends the condition
            for (std::size_t t = c.tb; conditional && t-- > s.tb && c.tb - t <= 24;) {
                const auto w = toks[t].lower;
                if (w == ";"_w || w == ":"_w || toks[t].kind == TokKind::quote) break;
                if (w == "if"_w || w == "unless"_w) speculative = true;
                if ((toks[t].lex & LSubordinator) && w != "as"_w) break;
                if (c.tb - t > 8 && w == ","_w) {
                    const Token& nx = toks[t + 1];
                    if (nx.kind != TokKind::word || nx.cap || (nx.lex & LDeterminer) ||
                        (nx.lex & LPronoun) || has_suffix(nx.lower, "ing"_w))
                        break;
                }
            }
            if (modal)
                for (std::size_t t = c.te; t < s.te; ++t) {
                    const auto w = toks[t].lower;
                    if (w == ";"_w || w == ":"_w || toks[t].kind == TokKind::quote) break;
                    if (w == "if"_w || w == "unless"_w) {
                        speculative = true;
                        break;
                    }
                    // ("will hold talks on Friday, X said, after the Europeans warned that
                    // sanctions would return if ...": a condition inside a later clause of
                    // another verb)
                    if (t > c.te && toks[t - 1].lower == ","_w && (toks[t].lex & LSubordinator))
                        break;
                }
            // "Hezbollah warned it would attack Haifa", "threatened to strike": a threat
            if (c.ev.category == "conflict"_w) {
                bool threat = false;
                for (std::size_t t = s.tb; (words & WThreatVerb) && t < c.tb; ++t) {
                    const auto w = toks[t].lower;
                    if (has(toks[t], WThreatVerb)) threat = true;
                    if (threat && (w == "would"_w || w == "will"_w || w == "to"_w || w == "'ll"_w ||
                                   w == "could"_w))
                        speculative = true;
                }
                // "Israel has long threatened strikes on Hezbollah", "warned of a harsh
                // attack": the attack noun is what was threatened
                if (c.syntax != TrigSyntax::verb)
                    for (std::size_t t = c.tb, n = 0; t-- > s.tb && n < 4; ++n) {
                        const Token& w = toks[t];
                        // (also what is awaited or feared: "in anticipation of an Iranian
                        // attack", "amid fears of a wider offensive")
                        // (WThreatVerb: k.threat_verbs, exact for tokens; no lookup)
                        if (has(w, WThreatVerb) ||
                            in_set(w.lower, {"anticipation", "expectation", "fear", "fears"})) {
                            speculative = true;
                            break;
                        }
                        const bool modifier =
                            (w.lex & LDeterminer) || w.lower == "of"_w ||
                            (w.kind == TokKind::word && !(w.lex & (LPreposition | LSubordinator)) &&
                             !has_suffix(w.lower, "ed"_w));
                        if (!modifier) break;
                    }
            }
            // "said it would keep attacking until ...", "since the group began attacking
            // ships": an attack verb's -ing form after an aspect verb (`campaign_aspects`,
            // over "again"/"also") is a campaign's start or continuation, not one attack
            if (c.ev.category == "conflict"_w && c.syntax == TrigSyntax::verb &&
                has_suffix(toks[c.tb].lower, "ing"_w) && c.tb > s.tb) {
                std::size_t p = c.tb - 1;
                if (p > s.tb && in_set(toks[p].lower, {"again", "also", "back"})) --p;
                if (has(toks[p], WCampaignAspect)) speculative = true;
            }
            // "spoke for the first time since the two countries restored ties": what a
            // "first time since" clause tells is the time reference, not news
            if (c.ev.category != "conflict"_w && (words & WSinceWord))
                for (std::size_t t = c.tb; t-- > s.tb + 1 && c.tb - t <= 8;) {
                    const Token& w = toks[t];
                    if (w.kind == TokKind::punct || w.kind == TokKind::quote) break;
                    if (w.lower != "since"_w) continue;
                    if (in_set(toks[t - 1].lower, {"time", "first"})) speculative = true;
                    break;
                }
            // "in Libya, where normalising relations with Israel is a crime": a gerund as the
            // subject of a copula names an activity in general, not an event
            if (c.form == VerbForm::ing &&
                (c.tb == s.tb || in_set(toks[c.tb - 1].lower, {"where", "that", "because"})))
                for (std::size_t t = c.te; t < s.te && t < c.te + 8; ++t) {
                    const Token& w = toks[t];
                    if (w.kind != TokKind::word || (w.lex & LSubordinator)) break;
                    if (in_set(w.lower, {"is", "was", "are", "were", "remains", "remained"})) {
                        speculative = true;
                        break;
                    }
                }
            // a gerund governed by a noun or preposition is not a fact:
            // "optimism about reaching a deal", "the importance of continuing talks"
            if (c.form == VerbForm::ing && c.tb > s.tb) {
                const auto p = toks[c.tb - 1].lower;
                if (p == "about"_w || p == "of"_w || p == "for"_w || p == "on"_w ||
                    p == "towards"_w || p == "toward"_w || p == "at"_w || p == "to"_w ||
                    p == "in"_w || p == "over"_w)
                    speculative = true;
            }
            // "a summit in Cairo later this month to agree on a response": an agreement in
            // the purpose infinitive of a gathering is its aim, not a fact
            if (c.ev.type == "agreement"_w && c.tb > s.tb && toks[c.tb - 1].lower == "to"_w)
                for (std::size_t t = c.tb - 1; t-- > s.tb && t + 10 > c.tb;) {
                    const Token& w = toks[t];
                    if (w.kind == TokKind::punct || w.kind == TokKind::quote) break;
                    if (has(w, WPurposeHead)) {
                        speculative = true;
                        break;
                    }
                }
            // "urged Tehran to engage in direct talks": talks in the infinitive an appeal asks
            // for are its aim, unless given a day ("called on them to return to talks on
            // Thursday")
            if (c.ev.type == "negotiation"_w && c.syntax != TrigSyntax::verb && !speculative)
                for (const Candidate& a : d.cands) {
                    if (a.sentence != c.sentence || a.ev.type != "appeal"_w || a.te > c.tb ||
                        c.tb - a.te > 10)
                        continue;
                    bool to = false, broken = false, day = false;
                    for (std::size_t t = a.te; t < c.tb; ++t) {
                        const Token& w = toks[t];
                        if (w.kind == TokKind::punct || w.kind == TokKind::quote) broken = true;
                        if (w.lower == "to"_w) to = true;
                    }
                    for (std::size_t t = c.te; t < s.te; ++t) {
                        const Token& w = toks[t];
                        if (w.lower == ";"_w || w.kind == TokKind::quote) break;
                        if ((w.lex & LDateWord) || has(w, WWeekday)) day = true;
                    }
                    if (to && !broken && !day) speculative = true;
                }
            // ... and so are talks in the infinitive of an aim word even when the appeal has
            // no speaker of its own ("The communique urged Tehran to engage in talks")
            if (c.ev.type == "negotiation"_w && c.syntax != TrigSyntax::verb && !speculative) {
                bool to = false, day = false;
                for (std::size_t t = c.tb; t-- > s.tb && c.tb - t <= 10;) {
                    const Token& w = toks[t];
                    if (w.kind == TokKind::punct || w.kind == TokKind::quote) break;
                    if (w.lower == "to"_w) to = true;
                    if (to && k.aim_words.count(w.lower)) {
                        for (std::size_t u = c.te; u < s.te; ++u) {
                            const Token& x = toks[u];
                            if (x.lower == ";"_w || x.kind == TokKind::quote) break;
                            if ((x.lex & LDateWord) || has(x, WWeekday)) day = true;
                        }
                        if (!day) speculative = true;
                        break;
                    }
                }
            }
            // "He invited Erdogan to attend the next meeting": an invitation made, not yet a
            // plan of the guest (the invitation itself is the proposal)
            if (c.tb >= s.tb + 3 && toks[c.tb - 1].lower == "to"_w && c.ev.type != "statement"_w)
                for (std::size_t mi = d.mention_from(s.tb);
                     mi < d.mentions.size() && d.mentions[mi].tb < c.tb; ++mi) {
                    const Mention& g = d.mentions[mi];
                    if (g.te != c.tb - 1 || g.tb < s.tb + 2) continue;
                    const auto v = toks[g.tb - 1].lower;
                    const auto a = toks[g.tb - 2].lower;
                    if ((v == "invited"_w || v == "invites"_w || v == "inviting"_w) &&
                        a != "was"_w && a != "been"_w && a != "is"_w && a != "were"_w)
                        speculative = true;
                }
            if (speculation_ && speculative && c.ev.type != "statement"_w) {
                c.drop = true;
                continue;
            }
            bool planned = false, ongoing = false;
            // a trailing attribution (", the ministry said") has its own tense: the
            // future of the clause it reports does not make the saying planned
            std::size_t from = s.tb;
            if (c.ev.type == "statement"_w)
                for (std::size_t t = c.tb; t-- > s.tb;)
                    if (toks[t].lower == ","_w || toks[t].lower == "\""_w) {
                        from = t + 1;
                        break;
                    }
            const bool planned_cue = lexes & LPlannedFirst;  // (all planned cues open so)
            for (std::size_t t = from; planned_cue && t < c.tb && !planned; ++t) {
                if (toks[t].in_quote || !(toks[t].lex & LPlannedFirst)) continue;
                const auto cues = k.planned_first.find(toks[t].lower);  // those starting here
                if (cues == k.planned_first.end()) continue;
                for (const std::uint32_t pi : cues->second)
                    if (match_phrase(d, t, c.tb, k.planned_cues[pi])) {
                        planned = true;
                        break;
                    }
            }
            // "accepted an invitation from Macron to visit Paris": the visit is to come
            if (!planned && (words & WInvitationWord) && c.tb > s.tb &&
                toks[c.tb - 1].lower == "to"_w)
                for (std::size_t t = c.tb - 1; t-- > s.tb && c.tb - t <= 8;) {
                    const Token& tok = toks[t];
                    if (tok.kind == TokKind::punct || tok.kind == TokKind::quote) break;
                    if (has(tok, WInvitationWord)) {
                        planned = true;
                        break;
                    }
                }
            // "the talks would resume next week", "the summit will take place in Cairo": a
            // noun trigger whose own verb is future
            if (!planned && planned_cue && c.syntax != TrigSyntax::verb)
                for (std::size_t t = c.te; t < s.te && t < c.te + 3 && !planned; ++t) {
                    const Token& tok = toks[t];
                    if (tok.kind != TokKind::word || (tok.lex & LSubordinator)) break;
                    if (!(tok.lex & LPlannedFirst) ||
                        (tok.lower != "will"_w && tok.lower != "would"_w && tok.lower != "is"_w &&
                         tok.lower != "are"_w))
                        continue;
                    for (const Phrase& p : k.planned_cues)
                        if (const std::size_t n = match_phrase(d, t, s.te, p);
                            n && t + n < s.te && toks[t + n].kind == TokKind::word &&
                            !(toks[t + n].lex & LNegator)) {
                            planned = true;
                            break;
                        }
                }
            if (!planned && planned_cue && c.syntax != TrigSyntax::verb &&
                c.ev.type != "statement"_w)
                planned = planned_noun_tail(d, s, c);
            // "met Berri before meeting Mikati": a gerund after "before" shares the tense
            // of its main clause (the sentence-wide cues above), it is not planned by itself
            // nor is a past-tense clause ("greeted him before the two leaders held talks")
            const bool gerund_clause =
                c.tb > s.tb && ((c.form == VerbForm::ing && (toks[c.tb - 1].lower == "before"_w ||
                                                             toks[c.tb - 1].lower == "after"_w)) ||
                                (c.form == VerbForm::past && c.syntax == TrigSyntax::verb));
            for (std::size_t t = lo; planned_cue && t < c.tb && !planned && !gerund_clause; ++t)
                for (const Phrase& p : k.planned_next_cues) {
                    if (!(toks[t].lex & LPlannedFirst)) break;
                    const std::size_t n =
                        starts_phrase(p, toks[t].lower) ? match_phrase(d, t, c.tb, p) : 0;
                    if (n && t + n + 3 >= c.tb) {
                        planned = true;
                        break;
                    }
                }
            for (std::size_t t = lo;
                 (lexes & LOngoingFirst) && t < std::min(s.te, c.te + 2) && !ongoing; ++t) {
                if (!(toks[t].lex & LOngoingFirst)) continue;
                for (const Phrase& p : k.ongoing_cues)
                    if (starts_phrase(p, toks[t].lower) && match_phrase(d, t, s.te, p)) {
                        ongoing = true;
                        break;
                    }
            }
            // progressive: "have been mediating", "is holding talks"
            if (c.form == VerbForm::ing) {
                std::size_t p = c.tb;
                while (p > s.tb &&
                       (has_suffix(toks[p - 1].lower, "ly"_w) || toks[p - 1].lower == "still"_w ||
                        toks[p - 1].lower == "also"_w))
                    --p;
                if (p > s.tb) {
                    const auto b = toks[p - 1].lower;
                    if (b == "is"_w || b == "are"_w || b == "was"_w || b == "were"_w ||
                        b == "been"_w || b == "'re"_w)
                        ongoing = true;
                }
            }
            // "X is due / expected in Cairo on Wednesday": an expected arrival
            if (c.ev.type == "visit"_w &&
                (toks[c.tb].lower == "due"_w || toks[c.tb].lower == "expected"_w))
                planned = true;
            // "called on them to return to talks on Thursday": asked for, on a day to come
            if (!planned && c.ev.type != "appeal"_w &&
                std::find(appeal_sents.begin(), appeal_sents.end(), c.sentence) !=
                    appeal_sents.end() &&
                asked_with_day(d, c))
                planned = true;
            // (copies of strings made once: assigning a literal measures it and takes the
            // general replace path, ~100 instructions a candidate)
            static const std::string kPlanned = "planned", kOngoing = "ongoing",
                                     kOccurred = "occurred";
            if (planned)
                c.ev.status = kPlanned;
            else if (ongoing ||
                     (c.ev.type == "negotiation"_w && c.syntax != TrigSyntax::verb &&
                      !(c.syntax == TrigSyntax::passive && c.tb > s.tb &&
                        (toks[c.tb - 1].lower == "was"_w || toks[c.tb - 1].lower == "were"_w))))
                c.ev.status = kOngoing;
            else
                c.ev.status = kOccurred;
        }
    }

  private:
    bool negation_ = true, speculation_ = true;
    std::size_t window_ = 4;
};

// ---------------------------------------------------------------- dates

// format_date() without snprintf for the usual four-digit years (same text).
std::string date_text(CivilDate cd) {
    if (cd.year < 0 || cd.year > 9999 || cd.month < 1 || cd.month > 12 || cd.day < 1 || cd.day > 31)
        return format_date(cd);
    std::string out(10, '-');
    auto put = [&](std::size_t at, int v, int digits) {
        for (int i = digits; i-- > 0; v /= 10)
            out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
    };
    put(0, cd.year, 4);
    put(5, cd.month, 2);
    put(8, cd.day, 2);
    return out;
}

// The ISO text of a day (date_text(civil_from_days(day))); a sentence's cues mostly give
// one day, so the last day and its text are kept.
class DayText {
  public:
    const std::string& of(std::int64_t day) {
        if (!valid_ || day != day_) {
            day_ = day;
            text_ = date_text(civil_from_days(day));
            valid_ = true;
        }
        return text_;
    }

  private:
    std::int64_t day_ = 0;
    std::string text_;
    bool valid_ = false;
};

// The day (since 1970-01-01) of an ISO date the stage wrote; a sentence's candidates
// mostly share one, so the last string and its day are kept.
class DayCache {
  public:
    std::optional<std::int64_t> of(const std::string& iso) {
        if (!valid_ || iso != iso_) {
            iso_ = iso;
            day_.reset();
            if (const auto t = parse_iso8601(iso)) day_ = *t / 86400;
            valid_ = true;
        }
        return day_;
    }

  private:
    std::string iso_;
    std::optional<std::int64_t> day_;
    bool valid_ = false;
};

struct Cue {
    std::size_t tb = 0, te = 0;
    enum Kind {
        weekday,
        offset,
        relative,  // "a day earlier": relative to the last date resolved in the article
        month_day,
        vague_past,
        vague_future,
        vague_now,
        old_year
    } kind = offset;
    int wd = 0, qual = 0;  // qual: -1 last, +1 next, 0 none
    int month = 0, dom = 0, year = 0;
    std::int64_t off = 0;
};

bool parse_int(std::string_view s, long long& v) {
    if (s.empty() || s.size() > 12) return false;
    v = 0;
    for (char ch : s) {
        if (ch == ',') continue;
        if (ch < '0' || ch > '9') return false;
        v = v * 10 + (ch - '0');
    }
    return true;
}

class DatesStage final : public Stage {
  public:
    const char* name() const override { return "dates"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(
            n, {"paragraph_context", "lede_anchor", "max_age_days", "inherit_location"}, sink);
        paragraph_ = read_bool(n, "paragraph_context", true, sink);
        lede_ = read_bool(n, "lede_anchor", true, sink);
        max_age_ = read_int(n, "max_age_days", 60, sink);
        inherit_location_ = read_bool(n, "inherit_location", true, sink);
    }
    std::vector<std::string> requires_before() const override { return {"events"}; }

    void run(Doc& d) const override {
        if (inherit_location_) {
            inherit_locations(d);
            host_soil(d);
        }
        std::vector<bool> sent_cue(d.sents.size(), false);
        std::optional<std::int64_t> last_day;  // the most recent date resolved so far
        std::vector<std::size_t> by_sent_begin;
        // cues per sentence, assigned to the nearest trigger
        // the live candidates grouped by sentence, in candidate order within one
        // (as before: apply() drops only candidates of the sentence being worked on,
        // and each sentence's list is taken before its cues are applied)
        std::vector<Candidate*> live;
        live.reserve(d.cands.size());
        for (Candidate& c : d.cands)
            if (!c.drop) live.push_back(&c);
        std::stable_sort(live.begin(), live.end(), [](const Candidate* a, const Candidate* b) {
            return a->sentence < b->sentence;
        });
        std::size_t li = 0;
        std::vector<Cue> cues;  // (one buffer for all sentences)
        DayCache days;
        DayText texts;
        // events with a same-day cue ("earlier in the day"), and the last day before them
        struct SameDay {
            Candidate* c;
            std::optional<std::int64_t> before;
            bool story;  // "earlier in the day" (else "hours later": the day just told)
        };
        std::vector<SameDay> same_day;
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            while (li < live.size() && live[li]->sentence < si) ++li;
            std::size_t lj = li;
            while (lj < live.size() && live[lj]->sentence == si) ++lj;
            const std::span<Candidate* const> cs(live.data() + li, lj - li);
            if (cs.empty()) continue;  // (a sentence's cues only date its own candidates)
            scan(d, d.sents[si], cues);
            drop_dateline(d, d.sents[si], cues);
            // "DUBAI, April 7 (Reuters) - Less than a month after China brokered an
            // agreement, ...": a dateline that is the sentence's only day is the filing
            // day, not the day of its events (the lede's news day below still falls back
            // on it)
            if (!cues.empty() && is_dateline(d, d.sents[si], cues.front()))
                cues.erase(cues.begin());
            for (const Cue& cue : cues) {
                // The trigger before the cue in the same clause ("met X on Monday"),
                // else the nearest one after it ("On Monday, X met Y").
                std::size_t best_tb = SIZE_MAX, best_dist = SIZE_MAX;
                for (Candidate* c : cs) {
                    if (c->te > cue.tb) continue;
                    bool broken = false;
                    for (std::size_t t = c->te; t < cue.tb && !broken; ++t) {
                        const auto lw = d.toks[t].lower;
                        broken = lw == ";"_w || lw == "before"_w || lw == "after"_w ||
                                 lw == "ahead"_w || lw == "until"_w || lw == "while"_w ||
                                 lw == "when"_w || lw == "where"_w || lw == "which"_w ||
                                 lw == "who"_w || lw == "that"_w || lw == "since"_w ||
                                 d.toks[t].kind == TokKind::quote;
                    }
                    // a statement verb only takes a cue right after it ("said on Monday");
                    // later ones date the reported event
                    // ... or at the end of a venue phrase opening right after it ("said
                    // in a televised speech last Thursday that", "said at a news
                    // conference in Washington on Friday")
                    if (c->ev.type == "statement"_w && cue.tb - c->te > 3 && !venue_gap(d, *c, cue))
                        broken = true;
                    if (!broken && cue.tb - c->te < best_dist) {
                        best_dist = cue.tb - c->te;
                        best_tb = c->tb;
                    }
                }
                // a cue right in front of a noun trigger dates it ("the October 7 attack");
                // a cue inside a trigger ("called on Wednesday") dates that one
                bool own_noun = false;
                for (Candidate* c : cs)
                    if ((c->tb == cue.te && c->syntax != TrigSyntax::verb) ||
                        (cue.tb < c->te && cue.te > c->tb)) {
                        best_tb = c->tb;
                        own_noun = true;
                    }
                // ... and a day in front of any other noun ("the architect of the Oct. 7
                // attack", "the March 10 deal") is that noun's: it dates no other event
                if (!own_noun && premodifier_cue(d, d.sents[si], cue)) continue;
                // "talks planned for Sunday were cancelled after the Israeli attack": a
                // definite noun ("the attack") refers back to a known event; a cue does not
                // reach it across a subordinate clause boundary
                auto anaphoric_after = [&](const Candidate* c) {
                    if (c->syntax == TrigSyntax::verb || c->tb < cue.te) return false;
                    bool definite = false;
                    for (std::size_t t = c->tb; t-- > cue.te && t + 4 > c->tb;) {
                        const auto w = d.toks[t].lower;
                        if (w == "the"_w || w == "this"_w || w == "that"_w) definite = true;
                        if (w == ","_w || w == "a"_w || w == "an"_w || definite) break;
                    }
                    if (!definite) return false;
                    for (std::size_t t = cue.te; t < c->tb; ++t)
                        if ((d.toks[t].lex & LSubordinator) || d.toks[t].lower == "after"_w ||
                            d.toks[t].lower == "before"_w)
                            return true;
                    return false;
                };
                if (best_tb == SIZE_MAX)
                    for (Candidate* c : cs) {
                        if (anaphoric_after(c) || cue_in_aside(d, d.sents[si].tb, cue, c->tb))
                            continue;
                        const std::size_t dist = c->tb >= cue.te
                                                     ? c->tb - cue.te
                                                     : (cue.tb >= c->te ? cue.tb - c->te + 100 : 0);
                        if (dist < best_dist) {
                            best_dist = dist;
                            best_tb = c->tb;
                        }
                    }
                // The sentence's other events may still take a day from the story
                // unless this cue could be theirs: not one that only dates the future,
                // a span up to now ("since 2020") or the noun right after it ("the
                // Oct. 7 attack").
                bool blocks = !future_cue(cue) && !(cue.kind == Cue::old_year && cue.qual == 2);
                for (const Candidate* c : cs)
                    if (c->tb == best_tb && c->tb == cue.te && c->syntax != TrigSyntax::verb)
                        blocks = false;
                if (blocks) sent_cue[si] = true;
                for (Candidate* c : cs)
                    if (c->tb == best_tb) {
                        // "earlier in the day": the news day, settled below
                        if (cue.kind == Cue::relative && cue.qual >= 3) {
                            if (!c->has_cue || !c->ev.date) {
                                c->has_cue = true;
                                same_day.push_back({c, last_day, cue.qual == 3});
                            }
                            continue;
                        }
                        const bool had = c->ev.date.has_value();
                        apply(d, *c, cue, last_day, texts);
                        // "said on Monday that he had met X a day earlier": a relative cue
                        // later in the sentence counts from the day just resolved
                        if (!had && c->has_cue && c->ev.date && cue.kind != Cue::relative)
                            if (auto t = days.of(*c->ev.date)) last_day = t;
                    }
            }
            for (Candidate* c : cs)
                if (c->has_cue && c->ev.date) {
                    if (auto t = days.of(*c->ev.date)) last_day = t;
                }
            // "X on Wednesday accused Y and called for Z": coordinated verbs of the same
            // subject share the day
            for (Candidate* c : cs) {
                if (c->has_cue || c->ev.date || c->ev.actors.empty()) continue;
                for (Candidate* o : cs)
                    if (o != c && o->has_cue && o->ev.date && o->ev.status == c->ev.status &&
                        o->ev.actors == c->ev.actors && o->tb < c->tb) {
                        c->ev.date = o->ev.date;
                        break;
                    }
            }
            // "A and B agreed on Thursday to ..., after talks between their ministers":
            // an event of the same parties in the sentence of a dated one is part of
            // the same occasion, unless a clause word puts it at another time.
            for (Candidate* c : cs) {
                if (c->has_cue || c->ev.date || c->ev.status != "occurred"_w ||
                    c->ev.type == "attack"_w || past_perfect(d, *c))
                    continue;
                for (const Candidate* o : cs)
                    if (o != c && o->has_cue && o->ev.date && o->ev.status == "occurred"_w &&
                        o->ev.type != "attack"_w && shares_party(*o, *c) &&
                        !time_shift_between(d, *o, *c)) {
                        c->ev.date = o->ev.date;
                        break;
                    }
            }
        }
        if (!d.pub_day) return;
        // paragraph context
        if (paragraph_) {
            std::size_t para = SIZE_MAX;
            std::optional<std::string> date;
            std::string status;
            std::size_t src_sent = 0;
            for (Candidate& c : d.cands) {
                if (c.drop || c.carrier) continue;
                const std::size_t p = d.sents[c.sentence].paragraph;
                if (p != para) {
                    para = p;
                    date.reset();
                }
                if (c.has_cue && c.ev.date) {
                    // an attack's day does not date the diplomacy around it ("Israel struck
                    // Iran on October 26. Saudi Arabia condemned the strikes.")
                    if (c.ev.type == "attack"_w) {
                        date.reset();
                        continue;
                    }
                    date = c.ev.date;
                    status = c.ev.status;
                    src_sent = c.sentence;
                    continue;
                }
                if (!c.has_cue && !sent_cue[c.sentence] && date && c.sentence > src_sent &&
                    c.ev.status == status && c.ev.type != "attack"_w)
                    c.ev.date = date;
            }
            // "Both countries rejected the idea. Egypt's foreign ministry said on Sunday
            // ...": an undated reaction opening its paragraph is told in detail by the next
            // sentence, whose dated saying by one of its parties gives the day
            for (Candidate& c : d.cands) {
                if (c.drop || c.carrier || c.has_cue || c.ev.date || sent_cue[c.sentence] ||
                    c.ev.status != "occurred"_w || c.ev.actors.empty() ||
                    (c.ev.type != "rejection"_w && c.ev.type != "statement"_w) ||
                    index_in_paragraph(d, c.sentence) != 0)
                    continue;
                for (const Candidate& o : d.cands) {
                    if (o.drop || o.sentence != c.sentence + 1 || !o.has_cue || !o.ev.date ||
                        o.ev.status != "occurred"_w ||
                        d.sents[o.sentence].paragraph != d.sents[c.sentence].paragraph ||
                        (o.ev.type != "statement"_w && o.ev.type != "rejection"_w))
                        continue;
                    bool one = false;
                    for (const auto& a : o.ev.actors)
                        for (const auto& b : c.ev.actors)
                            one = one || (!a.country.empty() && a.country == b.country);
                    if (one) {
                        c.ev.date = o.ev.date;
                        break;
                    }
                }
            }
        }
        std::optional<std::int64_t> news_day;
        if (lede_) news_day = lede_anchor(d, sent_cue);
        // "Sudani arrived in Tehran earlier in the day": the news day; "Hours later, X
        // announced": the day just told; else the other, else the publication day
        for (const SameDay& x : same_day) {
            if (x.c->drop || x.c->ev.date) continue;
            const auto first = x.story ? news_day : x.before;
            const auto second = x.story ? x.before : news_day;
            x.c->ev.date = date_text(civil_from_days(first ? *first : second.value_or(*d.pub_day)));
        }
        interval_clauses(d, news_day);
        if (lede_)
            occasion_frames(d, {&past_perfect, &time_shift_before, &background,
                                [&](const Sentence& s) { return sentence_day(d, s); }});
        if (inherit_location_) {
            // (the dateline is looked up only when some event could take it)
            const bool placeless =
                std::any_of(d.cands.begin(), d.cands.end(), [](const Candidate& c) {
                    return !c.drop && ((!c.ev.location &&
                                        in(c.ev.type, {"meeting", "negotiation", "agreement"})) ||
                                       (c.ev.type == "aid"_w && c.ev.targets.empty()));
                });
            if (const PlaceRec* city = placeless ? dateline_city(d) : nullptr) {
                dateline_host(d, *city);
                dateline_aid(d, *city);
            }
        }
    }

  private:
    bool paragraph_ = true, lede_ = true, inherit_location_ = true;
    int max_age_ = 60;

    // The dated events that open the article (the first two sentences of its
    // first paragraph) fix the day of the occasion the rest of the story tells:
    // a later undated diplomatic event of the same occasion takes that day. The
    // same occasion means sharing a person with the lede's events ("X arrived in
    // Y on Monday. ... X called for ..."), or having only parties the lede named
    // ("A and B met on Monday. ... A and B agreed to ..."). Events in the past
    // perfect ("had agreed") are background and keep no day; a participant the
    // lede gives two days is no link.
    // Returns the news day (below), if the lede gives one.
    std::optional<std::int64_t> lede_anchor(Doc& d, const std::vector<bool>& sent_cue) const {
        struct Anchor {
            std::string key;  // pkey_value(): a person's or group's name, else the ISO3 code
            std::string date;
            std::optional<Place> location;
            bool person = false;
            bool ambiguous = false;
            std::string country;      // a person's state
            bool has_person = false;  // a state: the lede named one of its people
        };
        std::vector<Anchor> anchors;
        bool lede_talk = false;  // the lede dates something besides an attack
        // (a framing first paragraph hands the lede to the next one)
        const std::size_t peg = framing_lede(d);
        std::size_t first_para = peg == SIZE_MAX ? SIZE_MAX : d.sents[peg].paragraph;
        for (const Candidate& c : d.cands) {
            // (a destination-less visit of the lede still dates its visitor's occasion:
            // "X held talks in Tehran on Sunday in a rare visit")
            if (c.drop || (c.carrier && !(c.has_cue && c.ev.date))) continue;
            if (peg != SIZE_MAX && c.sentence < peg) continue;
            const Sentence& s = d.sents[c.sentence];
            if (first_para == SIZE_MAX) first_para = s.paragraph;
            if (s.paragraph != first_para) break;
            if (!c.has_cue || !c.ev.date || c.ev.status != "occurred"_w) continue;
            if (c.ev.type != "attack"_w) lede_talk = true;
            if (index_in_paragraph(d, c.sentence) >= 2) break;
            auto note = [&](const std::string& key, bool person, const std::string& country) {
                auto it = std::find_if(anchors.begin(), anchors.end(),
                                       [&](const Anchor& a) { return a.key == key; });
                if (it == anchors.end())
                    anchors.push_back(
                        {key, *c.ev.date, c.ev.location, person, false, country, false});
                else if (it->date != *c.ev.date)
                    it->ambiguous = true;
            };
            for (const auto* v : {&c.ev.actors, &c.ev.targets})
                for (const auto& p : *v) {
                    const bool person = p.kind == "person"_w;
                    note(pkey_value(p), person, person ? p.country : std::string());
                    // a minister's meeting also names the state as a party
                    if (person && !p.country.empty()) note(p.country, false, {});
                }
        }
        for (Anchor& x : anchors)
            if (!x.person)
                for (const Anchor& y : anchors)
                    x.has_person = x.has_person || (y.person && y.country == x.key);
        // The news day: the lede names one day, the day of publication or its eve.
        // A later event told in the simple past without a day of its own is then
        // the news of that day or a reaction to it, so it happened that day too
        // ("Arab leaders met in Bahrain on Thursday ... Abbas told the gathering").
        // The lede's day is that of its dated events, else the one day its first
        // sentence names ("Arab ministers voted on Sunday to readmit Syria").
        std::optional<std::int64_t> news;
        if (d.pub_day) {
            std::optional<std::int64_t> lede_day;
            bool single = true;
            for (const Anchor& a : anchors) {
                single = single && !a.ambiguous && a.date == anchors.front().date;
                if (auto t = parse_iso8601(a.date)) lede_day = *t / 86400;
            }
            if (anchors.empty() && peg != SIZE_MAX) lede_day = sentence_day(d, d.sents[peg]);
            if (anchors.empty() && !lede_day && !d.sents.empty())
                lede_day = sentence_day(d, d.sents.front());
            // (an attack late on the eve is no news day: the reactions to it may come
            // the next day)
            if (single && lede_day &&
                (*lede_day == *d.pub_day ||
                 (*lede_day + 1 == *d.pub_day && (lede_talk || anchors.empty()))))
                news = lede_day;
        }
        std::optional<std::string> news_day;
        if (news) news_day = date_text(civil_from_days(*news));
        static constexpr std::string_view kTypes[] = {"meeting",  "visit",     "statement",
                                                      "appeal",   "agreement", "negotiation",
                                                      "proposal", "rejection", "aid"};
        // "Hamas and Fatah signed a declaration in Beijing on Tuesday ..., China's foreign
        // minister said": the trailing attribution of the news day's event was made that day
        if (news_day)
            for (Candidate& c : d.cands) {
                if (c.drop || c.carrier || c.ev.date || c.has_cue || !sent_cue[c.sentence] ||
                    c.ev.type != "statement"_w || c.ev.status != "occurred"_w ||
                    !d.k->reporting_verbs.count(d.toks[c.tb].lower))
                    continue;
                for (const Candidate& o : d.cands)
                    if (&o != &c && !o.drop && o.sentence == c.sentence && o.te <= c.tb &&
                        o.has_cue && o.ev.date == news_day) {
                        c.ev.date = news_day;
                        break;
                    }
            }
        // "Oman said late on Tuesday that it had brokered a ceasefire": the deal the lede's
        // dated saying announces is the news of that day
        if (news_day && !d.sents.empty())
            for (Candidate& c : d.cands) {
                if (c.drop || c.carrier || c.ev.date || c.sentence != 0 ||
                    c.ev.type != "agreement"_w || c.ev.status != "occurred"_w)
                    continue;
                for (const Candidate& o : d.cands) {
                    if (&o == &c || o.drop || o.sentence != 0 || o.te > c.tb ||
                        o.ev.type != "statement"_w || !o.has_cue || o.ev.date != news_day)
                        continue;
                    bool that = false;
                    for (std::size_t t = o.te; t < c.tb; ++t)
                        if (d.toks[t].lower == "that"_w) that = true;
                    if (that) {
                        c.ev.date = news_day;
                        break;
                    }
                }
            }
        // The lede anchor an event of the same occasion links to: it shares a person with
        // the lede, or all its (two or more) parties are the lede's, on one day.
        auto link = [&](const Candidate& c) -> const Anchor* {
            const Anchor* found = nullptr;
            bool conflict = false, shares_person = false, all_named = true;
            std::size_t parties = 0;
            for (const auto* v : {&c.ev.actors, &c.ev.targets})
                for (const auto& p : *v) {
                    ++parties;
                    const std::string& key = pkey_value(p);
                    const Anchor* a = nullptr;
                    for (const Anchor& x : anchors)
                        if (x.key == key) a = &x;
                    // "the foreign ministers of Germany and France met ...": the lede
                    // named the state for its minister
                    bool minister = false;
                    if (!a && p.kind == "person"_w && !p.country.empty())
                        for (const Anchor& x : anchors)
                            if (!x.person && x.key == p.country && !x.has_person) {
                                a = &x;
                                minister = true;
                            }
                    if (!a) {
                        all_named = false;
                        continue;
                    }
                    if (a->ambiguous || (found && found->date != a->date)) conflict = true;
                    shares_person = shares_person || a->person || minister;
                    found = a;
                }
            if (!found || conflict) return nullptr;
            if (!shares_person && !(all_named && parties >= 2)) return nullptr;
            return found;
        };
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.date || c.has_cue || sent_cue[c.sentence]) continue;
            if (c.ev.status != "occurred"_w) continue;
            if (std::find(std::begin(kTypes), std::end(kTypes), c.ev.type) == std::end(kTypes))
                continue;
            if (past_perfect(d, c) || time_shift_before(d, c) || background(d, c)) continue;
            // what was said, the day's reactions: the news day
            // (and pledges: "The United States pledged $300 million")
            const bool speech = c.ev.type == "statement"_w || c.ev.type == "appeal"_w ||
                                c.ev.type == "rejection"_w || c.ev.type == "proposal"_w ||
                                c.ev.type == "aid"_w;
            if (news_day && speech) {
                c.ev.date = news_day;
                continue;
            }
            const Anchor* found = link(c);
            if (!found) continue;
            if (found->location && c.ev.location &&
                c.ev.location->country != found->location->country)
                continue;
            c.ev.date = found->date;
        }
        // "A and B met in Aqaba on Sunday. ... A and B agreed to ...": the lede's
        // occasion also gives its place to a follow-up of the same parties dated on
        // its day (by a cue, the paragraph or the anchor above) that names none
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.location || c.ev.status != "occurred"_w ||
                !occasion_follow_up(c.ev.type) || past_perfect(d, c) || time_shift_before(d, c) ||
                background(d, c))
                continue;
            const Anchor* found = link(c);
            if (!found || !found->location || c.ev.date != found->date) continue;
            c.ev.location = found->location;
            c.inherited_location = true;
        }
        return news;
    }

    // "DUBAI, April 7 (Reuters) - Less than a month after China brokered an agreement ...,
    // the two rivals have moved faster than many expected.": an analysis or round-up opens
    // with a framing paragraph that names no day but its dateline's; its news comes in the
    // next paragraph ("The clearest sign came in Beijing on Thursday, when ..."), which
    // is then the lede. Returns the first sentence of that paragraph (SIZE_MAX: the
    // first paragraph names a day, or there is no next one).
    std::size_t framing_lede(const Doc& d) const {
        if (d.sents.empty()) return SIZE_MAX;
        const std::size_t p0 = d.sents.front().paragraph;
        std::vector<Cue> cues;
        std::size_t si = 0;
        for (; si < d.sents.size() && d.sents[si].paragraph == p0; ++si) {
            scan(d, d.sents[si], cues);
            drop_dateline(d, d.sents[si], cues);
            if (!cues.empty() && is_dateline(d, d.sents[si], cues.front()))
                cues.erase(cues.begin());
            for (const Cue& c : cues)
                if (c.kind == Cue::weekday || c.kind == Cue::offset || c.kind == Cue::month_day ||
                    c.kind == Cue::relative)
                    return SIZE_MAX;
        }
        if (si >= d.sents.size()) return SIZE_MAX;
        // (a news event told in the first paragraph without a day keeps it the lede:
        // "DUBAI - Israeli strikes killed ten people, hours after ..."; one in a clause set
        // at another time, "less than a month after China brokered an agreement", does not)
        for (const Candidate& c : d.cands)
            if (!c.drop && !c.carrier && c.sentence < si && c.ev.status == "occurred"_w &&
                !time_shift_before(d, c) && !past_perfect(d, c) && !background(d, c))
                return SIZE_MAX;
        return si;
    }

    // How many sentences of its paragraph come before sentence `si` (0 = its first).
    static std::size_t index_in_paragraph(const Doc& d, std::size_t si) {
        std::size_t idx = 0;
        for (std::size_t q = si; q > 0 && d.sents[q - 1].paragraph == d.sents[si].paragraph; --q)
            ++idx;
        return idx;
    }

    // The diplomatic events that continue an occasion in place (not sayings, which
    // may be made elsewhere, nor visits, whose place is the destination).
    static bool occasion_follow_up(std::string_view type) {
        return type == "meeting"_w || type == "negotiation"_w || type == "agreement"_w;
    }

    // A cue inside a comma-delimited aside that a subordinator or relative pronoun opens,
    // closed by a comma before the event at `event_tb`, is the aside's: "X, whose forces
    // toppled Y on Dec. 8, said", "X, on his first visit since succeeding Y in 2020, was
    // welcomed by Z".
    static bool cue_in_aside(const Doc& d, std::size_t sent_tb, const Cue& cue,
                             std::size_t event_tb) {
        bool closed = false;
        for (std::size_t t = cue.te; t < event_tb && !closed; ++t)
            closed = d.toks[t].lower == ","_w;
        if (!closed) return false;
        bool sub = false;
        for (std::size_t t = cue.tb; t-- > sent_tb && t + 20 > cue.tb;) {
            const Token& w = d.toks[t];
            if (w.lower == ","_w) return sub;
            if (w.kind == TokKind::quote || w.lower == ";"_w) return false;
            if (w.lex & LSubordinator) sub = true;
        }
        return false;
    }

    // "CAIRO, Jan 16 (Reuters) - A and B agreed on Monday": the dateline's date is the
    // filing day; a day the sentence names for its events is theirs.
    static bool is_dateline(const Doc& d, const Sentence& s, const Cue& c) {
        // ("UNITED NATIONS/RABAT, Nov 1 (Reuters) -": a dateline may name two places)
        if (c.kind != Cue::month_day || c.tb > s.tb + 8 || c.te >= s.te) return false;
        const auto next = d.toks[c.te].lower;
        return next == "("_w || next == "-"_w;
    }
    static void drop_dateline(const Doc& d, const Sentence& s, std::vector<Cue>& cues) {
        if (cues.size() < 2 || !is_dateline(d, s, cues.front())) return;
        for (std::size_t i = 1; i < cues.size(); ++i)
            if (cues[i].kind == Cue::weekday || cues[i].kind == Cue::offset ||
                cues[i].kind == Cue::month_day) {
                cues.erase(cues.begin());
                return;
            }
    }

    // The one past day a sentence names, if it names exactly one.
    std::optional<std::int64_t> sentence_day(const Doc& d, const Sentence& s) const {
        std::optional<std::int64_t> day;
        std::vector<Cue> cues;
        scan(d, s, cues);
        drop_dateline(d, s, cues);
        for (const Cue& cue : cues) {
            std::optional<std::int64_t> x;
            if (cue.kind == Cue::weekday && cue.qual == -1)
                x = last_weekday(*d.pub_day, cue.wd);
            else if (cue.kind == Cue::weekday && cue.qual <= 0)
                x = weekday_on_or_before(*d.pub_day, cue.wd, cue.qual < 0);
            else if (cue.kind == Cue::offset && cue.off <= 0)
                x = *d.pub_day + cue.off;
            else if (cue.kind == Cue::month_day)
                x = resolve_month_day(*d.pub_day, cue.month, cue.dom, cue.year, false);
            if (!x) continue;
            if (day && *day != *x) return std::nullopt;
            day = x;
        }
        return day;
    }

    // "The talks came a day after X arrived in Riyadh", "hours after Y struck":
    // the clause after "N days after" happened N days before what it follows, the
    // dated event before it in the sentence or else the news day.
    void interval_clauses(Doc& d, std::optional<std::int64_t> news_day) const {
        const Knowledge& k = *d.k;
        std::vector<std::pair<Candidate*, std::int64_t>> moved;
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.status != "occurred"_w) continue;
            const Sentence& s = d.sents[c.sentence];
            // ("after" is looked for before the trigger only)
            bool after_before = false;
            for (std::size_t t = s.tb + 1; t < c.tb && !after_before; ++t)
                after_before = d.toks[t].lower == "after"_w;
            if (!after_before) continue;
            std::size_t after = SIZE_MAX;
            // (over a long subject: "two days after X, Y's President Z and W called on")
            std::size_t from = c.tb;
            if (c.syntax == TrigSyntax::verb)
                if (const TokSpan sp = subject_phrase(d, s, c.tb); !sp.empty()) from = sp.b;
            for (std::size_t t = from; t > s.tb + 1 && t + 8 > from; --t) {
                const Token& tok = d.toks[t - 1];
                if (tok.lower == "after"_w) {
                    after = t - 1;
                    break;
                }
                if (tok.lower == ","_w || tok.lower == ";"_w || tok.kind == TokKind::quote ||
                    (tok.lex & LSubordinator))
                    break;
            }
            if (after == SIZE_MAX) continue;
            const std::string_view unit = d.toks[after - 1].lower;
            const std::string_view count = after >= s.tb + 2 ? d.toks[after - 2].lower : ""sv;
            long long n = -1;
            if (unit == "hours"_w || unit == "hour"_w || unit == "minutes"_w)
                n = 0;
            else if (unit == "day"_w || unit == "week"_w) {
                if (count == "a"_w || count == "one"_w || count == "the"_w)
                    n = unit == "week"_w ? 7 : 1;
            } else if (unit == "days"_w || unit == "weeks"_w) {
                long long m = 0;
                if (auto nw = k.number_words.find(count); nw != k.number_words.end())
                    m = nw->second;
                else if (!parse_int(count, m))
                    m = 0;
                if (m > 0 && m < 60) n = unit == "weeks"_w ? 7 * m : m;
            }
            if (n < 0) continue;
            // a day named in the clause wins; "overnight" may be either day
            if (in_clause_after(d, c, [&](const Token& tok) {
                    return (c.ev.date && (tok.lex & LDateWord)) || tok.lower == "overnight"_w;
                }))
                continue;
            // the event it follows: dated before this pass ("came a day after X, and
            // two days after Y" counts both from what came)
            std::optional<std::int64_t> anchor = news_day;
            for (const Candidate& o : d.cands)
                if (!o.drop && o.sentence == c.sentence && o.te <= after && o.ev.date)
                    if (auto t = parse_iso8601(*o.ev.date)) anchor = *t / 86400;
            if (anchor) moved.emplace_back(&c, *anchor - n);
        }
        for (auto [c, day] : moved) c->ev.date = date_text(civil_from_days(day));
    }

    // A word between the trigger and the end of its clause that \p pred accepts.
    template <class Pred>
    static bool in_clause_after(const Doc& d, const Candidate& c, Pred pred) {
        for (std::size_t t = c.te; t < d.sents[c.sentence].te; ++t) {
            const Token& tok = d.toks[t];
            if (tok.lower == ","_w || tok.lower == ";"_w || (tok.lex & LSubordinator)) break;
            if (pred(tok)) return true;
        }
        return false;
    }

    // "next week", "next Saturday", "tomorrow": a cue that can only date what is
    // yet to come, so it says nothing about the day of a sentence's reported past.
    static bool future_cue(const Cue& c) {
        return c.kind == Cue::vague_future || (c.kind == Cue::weekday && c.qual > 0) ||
               (c.kind == Cue::offset && c.off > 0);
    }

    static bool shares_party(const Candidate& a, const Candidate& b) {
        auto key = [](const Participant& p) -> const std::string& {
            return p.country.empty() ? p.name : p.country;
        };
        for (const auto* va : {&a.ev.actors, &a.ev.targets})
            for (const auto& p : *va)
                for (const auto* vb : {&b.ev.actors, &b.ev.targets})
                    for (const auto& q : *vb)
                        if (p.name == q.name || key(p) == key(q)) return true;
        return false;
    }

    // "days/weeks/months after": what follows happened on another day.
    static bool interval_after(const Doc& d, std::size_t t, std::size_t sent_begin) {
        if (d.toks[t].lower != "after"_w || t <= sent_begin) return false;
        const auto prev = d.toks[t - 1].lower;
        return prev == "days"_w || prev == "day"_w || prev == "weeks"_w || prev == "week"_w ||
               prev == "months"_w || prev == "month"_w || prev == "years"_w;
    }

    // A word that moves what follows to another time: "since", "before", "ahead
    // of", "last", "earlier", "previous", "until", "when", a quote, "days after".
    static bool time_shift_at(const Doc& d, std::size_t t, std::size_t sent_begin) {
        const auto lw = d.toks[t].lower;
        return lw == "since"_w || lw == "before"_w || lw == "ahead"_w || lw == "last"_w ||
               lw == "earlier"_w || lw == "previous"_w || lw == "until"_w || lw == "when"_w ||
               d.toks[t].kind == TokKind::quote || interval_after(d, t, sent_begin);
    }

    // Such a word between two triggers of one sentence.
    static bool time_shift_between(const Doc& d, const Candidate& a, const Candidate& b) {
        const std::size_t from = std::min(a.te, b.te), to = std::max(a.tb, b.tb);
        for (std::size_t t = from; t < to; ++t)
            if (time_shift_at(d, t, d.sents[a.sentence].tb)) return true;
        return false;
    }

    // "Days after X met Y, ...", "Since ...": the trigger's sentence opens at
    // another time.
    static bool time_shift_before(const Doc& d, const Candidate& c) {
        const std::size_t from = d.sents[c.sentence].tb;
        for (std::size_t t = from; t < c.tb; ++t) {
            if (!has(d.toks[t], WGapStop)) continue;  // ("since" and "after" have the bit)
            // "Since X met Y, ...", not "X, on his first visit since 2020, met Y"
            if (d.toks[t].lower == "since"_w && (t == from || d.toks[t - 1].lower == ","_w))
                return true;
            if (interval_after(d, t, from)) return true;
        }
        return false;
    }

    // "has repeatedly called for", "have met", "for years accused": a habit or a
    // state up to now, not the event of one day.
    static bool background(const Doc& d, const Candidate& c) {
        const std::size_t from = d.sents[c.sentence].tb;
        // "among the first to travel to Syria": an infinitive tells no event of the day
        if (c.tb > from && d.toks[c.tb - 1].lower == "to"_w) return true;
        // back through the trigger's clause; a participle ("has expressed hope, stating
        // that ...") belongs to the clause before its comma
        bool participle = has_suffix(d.toks[c.tb].lower, "ing"_w);
        for (std::size_t t = c.tb; t > from; --t) {
            const auto w = d.toks[t - 1].lower;
            if (w == ","_w) {
                if (!participle) break;
                participle = false;
                continue;
            }
            if (w == "has"_w || w == "have"_w || w == "had"_w || w == "repeatedly"_w ||
                w == "long"_w || w == "often"_w || w == "previously"_w || w == "once"_w)
                return true;
        }
        for (std::size_t t = from; t + 1 < d.sents[c.sentence].te; ++t)
            if (d.toks[t].lower == "for"_w &&
                (d.toks[t + 1].lower == "years"_w || d.toks[t + 1].lower == "decades"_w ||
                 d.toks[t + 1].lower == "months"_w))
                return true;
        return false;
    }

    // "had agreed", "had met": the trigger follows "had" within two words.
    static bool past_perfect(const Doc& d, const Candidate& c) {
        const std::size_t from = d.sents[c.sentence].tb;
        for (std::size_t t = c.tb; t > from && t + 3 > c.tb; --t)
            if (d.toks[t - 1].lower == "had"_w) return true;
        return false;
    }

    // "MOSCOW, Jan 17 (AP) -", "AMMAN -": the known city a story is datelined in (one
    // place; "DAMASCUS/JERUSALEM" names two and gives none, and so does a name two cities
    // share, "TRIPOLI").
    static const PlaceRec* dateline_city(const Doc& d) {
        std::size_t t = 0;
        const std::string name = d.dateline_words(t);
        if (name.empty() || t >= d.sents[0].te || !in(d.toks[t].text, {",", "-"})) return nullptr;
        return d.k->city_named(ascii_lower(name));
    }

    // "MOSCOW, Jan 17 - ... the two leaders held talks": a meeting, talks or agreement of
    // the dateline's day with no place named, between a party of the dateline city's
    // state (the host) and a foreign one, took place where the story is datelined. The
    // dateline's day is a day the lede's own events carry; other days (the eve's talks
    // elsewhere, background) keep no place.
    static void dateline_host(Doc& d, const PlaceRec& city) {
        if (city.country.empty()) return;
        std::vector<std::string> lede_days;
        for (const Candidate& c : d.cands)
            if (c.sentence == 0 && !c.drop && c.ev.date) lede_days.push_back(*c.ev.date);
        if (lede_days.empty()) return;
        for (Candidate& c : d.cands) {
            // (a phone call has no venue)
            if (c.drop || c.carrier || c.ev.location || c.ev.status != "occurred"_w || !c.ev.date ||
                !in(c.ev.type, {"meeting", "negotiation", "agreement"}) ||
                c.ev.plover_mode == "phone"_w ||
                std::find(lede_days.begin(), lede_days.end(), *c.ev.date) == lede_days.end())
                continue;
            bool host = false, guest = false;
            for (const auto* lst : {&c.ev.actors, &c.ev.targets})
                for (const Participant& p : *lst) {
                    if (p.country.empty()) continue;
                    if (p.country == city.country)
                        host = host || p.kind == "person"_w || p.kind == "country"_w;
                    else
                        guest = true;
                }
            if (!host || !guest) continue;
            c.ev.location = Place{city.name, city.country};
            c.inherited_location = true;
        }
    }

    // "BENGHAZI, Sept 13 - ... The UAE said it had dispatched two aircraft with food": aid
    // that names no recipient (none in its clause, its sentence or the aid told before)
    // goes to the state of the Middle East city the story is filed from, unless a donor
    // is of that state.
    static void dateline_aid(Doc& d, const PlaceRec& city) {
        if (city.country.empty() || !city.mena) return;
        const Participant* cp = d.k->country_of_code(city.country);
        if (!cp) return;
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.type != "aid"_w || !c.ev.targets.empty() ||
                c.ev.actors.empty() ||
                std::any_of(c.ev.actors.begin(), c.ev.actors.end(),
                            [&](const Participant& a) { return a.country == city.country; }))
                continue;
            c.ev.targets.push_back(*cp);
        }
    }

    static void host_soil(Doc& d) {
        // "Crown Prince X received Rubio on Monday evening": a reception a head of state
        // or government gives (the verb's subject, a person of a state) with no place named
        // is on the host's soil
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.location || c.ev.type != "meeting"_w ||
                c.syntax != TrigSyntax::verb || c.ev.actors.size() != 1 || c.ev.targets.empty() ||
                !d.k->reception_verbs.count(d.toks[c.tb].lower))
                continue;
            const Participant& host = c.ev.actors.front();
            if (host.kind != "person"_w || host.country.empty() ||
                std::any_of(c.ev.targets.begin(), c.ev.targets.end(),
                            [&](const Participant& t) { return t.country == host.country; }))
                continue;
            if (const Participant* cp = d.k->country_of_code(host.country)) {
                c.ev.location = Place{cp->name, host.country};
                c.inherited_location = true;
            }
        }
    }

    // A meeting or statement with no place of its own happened where its
    // person's (only) visit in this article took place.
    void inherit_locations(Doc& d) const {
        // the occurred, located visits (the loop below changes only meetings/statements)
        std::vector<const Candidate*> visits;
        // (not a trip told with a month only, "chose Iraq for his first trip as president in
        // September": an earlier trip is not where this story's meetings took place)
        auto month_only = [&](const Candidate& v) {
            const Sentence& s = d.sents[v.sentence];
            for (std::size_t t = s.tb; t + 1 < s.te; ++t)
                if ((d.toks[t].lower == "in"_w || d.toks[t].lower == "last"_w) &&
                    has(d.toks[t + 1], WMonth) &&
                    (t + 2 >= s.te || d.toks[t + 2].kind != TokKind::number))
                    return true;
            return false;
        };
        for (const Candidate& v : d.cands)
            if (!v.drop && !v.carrier && v.ev.type == "visit"_w && v.ev.status == "occurred"_w &&
                v.ev.location && !month_only(v))
                visits.push_back(&v);
        if (visits.empty()) return;
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.location || c.ev.status != "occurred"_w) continue;
            if (c.ev.type != "meeting"_w && c.ev.type != "statement"_w) continue;
            std::optional<Place> loc;
            bool ambiguous = false;
            for (const Candidate* vp : visits) {
                const Candidate& v = *vp;
                // (a visiting person, or a group's delegation: "the Houthi delegation
                // arrived in Riyadh ... the prince received the delegation")
                bool shares = false;
                for (const auto& a : v.ev.actors) {
                    if (a.kind != "person"_w && a.kind != "group"_w) continue;
                    for (const auto& p : c.ev.actors) shares = shares || same_word(p.name, a.name);
                    for (const auto& p : c.ev.targets) shares = shares || same_word(p.name, a.name);
                    if (shares) break;
                }
                if (!shares) continue;
                if (loc && loc->country != v.ev.location->country) ambiguous = true;
                if (!loc) loc = v.ev.location;
            }
            if (loc && !ambiguous) {
                c.ev.location = loc;
                c.inherited_location = true;
            }
        }
    }

    // The date cues of a sentence, in `out` (cleared first; its buffer is reused).
    void scan(const Doc& d, const Sentence& s, std::vector<Cue>& out) const {
        const Knowledge& k = *d.k;
        out.clear();
        for (std::size_t t = s.tb; t < s.te; ++t) {
            const Token& tok = d.toks[t];
            // "Late that night, ...", "that evening": the day just told, like "later that day"
            // (opening the sentence, after "late"/"early"/"later" or closing its phrase; not
            // "said that night raids would go on")
            if (tok.lower == "that"_w && t + 1 < s.te && !tok.in_quote &&
                in_set(d.toks[t + 1].lower, {"night", "evening", "afternoon", "morning"})) {
                const bool after_time =
                    t > s.tb && in_set(d.toks[t - 1].lower, {"late", "early", "later"});
                const bool closed = t + 2 >= s.te || d.toks[t + 2].kind == TokKind::punct;
                if (after_time || closed || t == s.tb) {
                    Cue c;
                    c.kind = Cue::relative;
                    c.off = 0;
                    c.qual = 4;
                    c.tb = after_time ? t - 1 : t;
                    c.te = t + 2;
                    out.push_back(c);
                    ++t;
                    continue;
                }
            }
            if (!(tok.lex & LDateWord) && tok.kind != TokKind::number) continue;  // (most)
            if (tok.in_quote) continue;
            const std::string_view lw = tok.lower;
            const std::string_view prev = t > s.tb ? d.toks[t - 1].lower : std::string_view();
            const std::string_view next = t + 1 < s.te ? d.toks[t + 1].lower : std::string_view();
            Cue c;
            c.tb = t;
            c.te = t + 1;
            // (weekdays and months are capitalised: no lookup for the other words)
            if (auto w = tok.cap ? k.weekdays.find(lw) : k.weekdays.end(); w != k.weekdays.end()) {
                c.kind = Cue::weekday;
                c.wd = w->second;
                // (-1 "last Thursday": the week before's; -2 "this past Thursday": the latest)
                if (prev == "last"_w) c.qual = -1;
                if (prev == "past"_w) c.qual = -2;
                if (prev == "next"_w || prev == "coming"_w) c.qual = 1;
                if (prev == "last"_w || prev == "next"_w || prev == "this"_w || prev == "on"_w)
                    c.tb = t - 1;
                out.push_back(c);
                continue;
            }
            if (lw == "today"_w || lw == "tonight"_w) {
                c.kind = Cue::offset;
                c.off = 0;
                out.push_back(c);
                continue;
            }
            if (lw == "yesterday"_w) {
                c.kind = Cue::offset;
                c.off = -1;
                out.push_back(c);
                continue;
            }
            if (lw == "tomorrow"_w) {
                c.kind = Cue::offset;
                c.off = 1;
                out.push_back(c);
                continue;
            }
            // "earlier in the day", "later that day", "hours earlier": no day of their own,
            // the day of the story's last dated event (else the publication day)
            if (lw == "earlier"_w || lw == "later"_w) {
                std::size_t b = t, e = t + 1;
                if (prev == "hours"_w || prev == "hour"_w)
                    b = t - 1;
                else if (next == "in"_w && t + 3 < s.te && d.toks[t + 2].lower == "the"_w &&
                         d.toks[t + 3].lower == "day"_w)
                    e = t + 4;
                else if (next == "that"_w && t + 2 < s.te && d.toks[t + 2].lower == "day"_w)
                    e = t + 3;
                if (e > t + 1 || b < t) {
                    c.kind = Cue::relative;
                    c.off = 0;
                    // (3: the story's day, "earlier in the day"; 4: the day just told, "hours
                    // later", "later that day")
                    c.qual = next == "in"_w ? 3 : 4;
                    c.tb = b;
                    c.te = e;
                    out.push_back(c);
                    t = e - 1;
                    continue;
                }
            }
            // "a day earlier", "two days later", "the previous day", "the next day"
            if ((lw == "day"_w || lw == "days"_w) && t > s.tb) {
                long long n = 0;
                if (auto nw = k.number_words.find(prev); nw != k.number_words.end())
                    n = nw->second;
                else if (!parse_int(prev, n))
                    n = 0;
                const bool earlier = next == "earlier"_w;
                const bool later = next == "later"_w;
                if (n > 0 && n < 60 && (earlier || later)) {
                    c.kind = Cue::relative;
                    c.off = earlier ? -n : n;
                    c.tb = t - 1;
                    c.te = t + 2;
                    out.push_back(c);
                    continue;
                }
                // ("the following day", "on the same day")
                if (lw == "day"_w &&
                    (prev == "previous"_w || prev == "next"_w || prev == "following"_w ||
                     (prev == "same"_w && t >= s.tb + 2 && d.toks[t - 2].lower == "the"_w))) {
                    c.kind = Cue::relative;
                    c.off = prev == "previous"_w ? -1 : (prev == "same"_w ? 0 : 1);
                    c.tb = t - 1;
                    out.push_back(c);
                    continue;
                }
            }
            // N days/weeks ago
            if ((lw == "days"_w || lw == "day"_w || lw == "weeks"_w || lw == "week"_w) &&
                next == "ago"_w && t > s.tb) {
                long long n = 0;
                if (auto nw = k.number_words.find(prev); nw != k.number_words.end())
                    n = nw->second;
                else if (!parse_int(prev, n))
                    n = 0;
                if (n > 0 && n < 400) {
                    c.kind = Cue::offset;
                    c.off = -n * ((lw == "weeks"_w || lw == "week"_w) ? 7 : 1);
                    c.tb = t - 1;
                    c.te = t + 2;
                    out.push_back(c);
                    continue;
                }
            }
            // Month day [, year] / day Month [year]
            if (auto mo = tok.cap ? k.months.find(lw) : k.months.end(); mo != k.months.end()) {
                std::size_t q = t + 1;
                if (q < s.te && d.toks[q].text == "."_w) ++q;
                long long dom = 0, year = 0;
                if (q < s.te && d.toks[q].kind == TokKind::number &&
                    parse_int(d.toks[q].text, dom) && dom >= 1 && dom <= 31) {
                    c.kind = Cue::month_day;
                    c.month = mo->second;
                    c.dom = static_cast<int>(dom);
                    c.te = q + 1;
                    std::size_t r = q + 1;
                    if (r < s.te && d.toks[r].text == ","_w) ++r;
                    if (r < s.te && d.toks[r].kind == TokKind::number &&
                        d.toks[r].text.size() == 4 && parse_int(d.toks[r].text, year)) {
                        c.year = static_cast<int>(year);
                        c.te = r + 1;
                    }
                    out.push_back(c);
                    t = c.te - 1;
                    continue;
                }
                if (t > s.tb && d.toks[t - 1].kind == TokKind::number &&
                    parse_int(d.toks[t - 1].text, dom) && dom >= 1 && dom <= 31) {
                    c.kind = Cue::month_day;
                    c.month = mo->second;
                    c.dom = static_cast<int>(dom);
                    c.tb = t - 1;
                    if (q < s.te && d.toks[q].kind == TokKind::number &&
                        d.toks[q].text.size() == 4 && parse_int(d.toks[q].text, year)) {
                        c.year = static_cast<int>(year);
                        c.te = q + 1;
                    }
                    out.push_back(c);
                    continue;
                }
                // "in March 2023" / "last March": month without a day
                if (q < s.te && d.toks[q].kind == TokKind::number && d.toks[q].text.size() == 4 &&
                    parse_int(d.toks[q].text, year)) {
                    c.kind = Cue::old_year;
                    c.year = static_cast<int>(year);
                    c.month = mo->second;
                    c.te = q + 1;
                    out.push_back(c);
                    t = q;
                    continue;
                }
                // "said in April": a month, no day
                if (prev == "in"_w || prev == "last"_w || prev == "early"_w || prev == "late"_w ||
                    prev == "mid"_w) {
                    c.kind = Cue::vague_past;
                    c.tb = t - 1;
                    out.push_back(c);
                    continue;
                }
            }
            // "in 2015"
            if (tok.kind == TokKind::number && tok.text.size() == 4 &&
                (prev == "in"_w || prev == "since"_w || prev == "of"_w)) {
                long long y = 0;
                if (parse_int(tok.text, y) && y >= 1900 && y <= 2100) {
                    c.kind = Cue::old_year;
                    c.year = static_cast<int>(y);
                    if (prev == "since"_w) c.qual = 2;
                    out.push_back(c);
                    continue;
                }
            }
            // "over the past decade", "in recent years": a span of years is background
            if ((lw == "decade"_w || lw == "decades"_w || lw == "years"_w) &&
                (prev == "past"_w || prev == "last"_w || prev == "recent"_w)) {
                c.kind = Cue::old_year;
                c.year = 0;
                c.tb = t - 1;
                out.push_back(c);
                continue;
            }
            // last/next/this week|month|year|weekend, later/earlier this week
            if (lw == "week"_w || lw == "month"_w || lw == "year"_w || lw == "weekend"_w ||
                lw == "weeks"_w || lw == "days"_w) {
                if (prev == "last"_w || prev == "past"_w || (prev == "recent"_w && t > s.tb + 1)) {
                    c.kind = lw == "year"_w ? Cue::old_year : Cue::vague_past;
                    c.year = 0;
                    c.tb = t - 1;
                    // "since last year": a process still going on, like "since 2022"
                    if (t >= s.tb + 2 && d.toks[t - 2].lower == "since"_w) {
                        c.kind = Cue::old_year;
                        c.qual = 2;
                    }
                    out.push_back(c);
                    continue;
                }
                if (prev == "next"_w || prev == "coming"_w) {
                    c.kind = Cue::vague_future;
                    c.tb = t - 1;
                    out.push_back(c);
                    continue;
                }
                if (prev == "this"_w || prev == "the"_w) {
                    const std::string_view pp =
                        t >= s.tb + 2 ? d.toks[t - 2].lower : std::string_view();
                    if (pp == "later"_w)
                        c.kind = Cue::vague_future;
                    else if (pp == "earlier"_w || pp == "during"_w || pp == "over"_w)
                        c.kind = (lw == "weekend"_w && pp != "earlier"_w) ? Cue::vague_now
                                                                          : Cue::vague_past;
                    else if (prev == "this"_w)
                        c.kind = Cue::vague_now;
                    else
                        continue;
                    c.tb = t - (pp.empty() ? 1 : 2);
                    out.push_back(c);
                    continue;
                }
            }
        }
    }

    // The words between a saying and a cue are a venue phrase: a preposition's phrase
    // ("in a televised speech", "at a news conference in Washington") of at most eight
    // words, with no verb or clause in it. (Not a bare noun phrase: "said the border
    // crossing reopened on Monday" dates what was said.)
    static bool venue_gap(const Doc& d, const Candidate& c, const Cue& cue) {
        if (cue.tb <= c.te || cue.tb - c.te > 8) return false;
        if (!(d.toks[c.te].lex & LPreposition)) return false;
        for (std::size_t t = c.te; t < cue.tb; ++t) {
            const Token& w = d.toks[t];
            if (w.kind != TokKind::word || has(w, WFiniteAux) || (w.lex & LSubordinator) ||
                w.lower == "that"_w || w.lower == "to"_w)
                return false;
        }
        return true;
    }

    // "the Oct. 7 attack", "a March 10 deal": a month and day between a determiner and a
    // lower-case word modify that word
    static bool premodifier_cue(const Doc& d, const Sentence& s, const Cue& cue) {
        if (cue.kind != Cue::month_day || cue.tb <= s.tb || cue.te >= s.te) return false;
        const Token& next = d.toks[cue.te];
        return (d.toks[cue.tb - 1].lex & LDeterminer) && next.kind == TokKind::word && !next.cap &&
               !(next.lex & (LPreposition | LSubordinator | LDateWord | LDeterminer));
    }

    // "Trump, who leaves for Saudi Arabia on Tuesday, ...": an event verb in the present
    // simple with a day is a schedule in news copy, so its day is the coming one (a
    // saying is not: "says" is the headline's past)
    static bool scheduled(const Doc& d, const Candidate& c) {
        return c.syntax == TrigSyntax::verb && c.form == VerbForm::third &&
               in(c.ev.type, {"visit", "meeting", "negotiation"}) && !d.toks[c.tb].in_quote &&
               !(c.tb > 0 && (d.toks[c.tb - 1].lex & (LPreposition | LDeterminer)));
    }

    void apply(const Doc& d, Candidate& c, const Cue& cue, std::optional<std::int64_t> last_day,
               DayText& texts) const {
        if (c.has_cue && c.ev.date) return;  // first day-level cue wins
        c.has_cue = true;
        const bool planned = c.ev.status == "planned"_w;
        switch (cue.kind) {
            case Cue::vague_future:
                if (c.ev.status == "occurred"_w && c.ev.type != "statement"_w)
                    c.ev.status = "planned";
                return;
            case Cue::vague_past:
                if (c.ev.status == "ongoing"_w && c.ev.type == "negotiation"_w)
                    c.ev.status = "occurred";
                return;
            case Cue::vague_now:
                return;
            case Cue::old_year:
                if (cue.qual == 2) {  // "since 2022": a process still going on
                    if (c.ev.type == "negotiation"_w)
                        c.ev.status = "ongoing";
                    else
                        c.has_cue = false;  // "his first visit since 2020": no day of its own
                    return;
                }
                if (cue.te + 6 < c.tb) return;  // too far to date the event
                // "X, on his first visit since succeeding Y in 2020, was welcomed by Z"
                if (cue_in_aside(d, d.sents[c.sentence].tb, cue, c.tb)) return;
                if (cue.tb > c.te + 6) {
                    // "killed X in Baghdad in 2020": further on in the same clause still dates it
                    bool same_clause = cue.tb <= c.te + 10;
                    for (std::size_t t = c.te; t < cue.tb && same_clause; ++t)
                        same_clause =
                            d.toks[t].kind == TokKind::word && !(d.toks[t].lex & LSubordinator);
                    if (!same_clause) return;
                }
                if (d.pub_day && max_age_ > 0 && max_age_ < 365) {
                    const int py = civil_from_days(*d.pub_day).year;
                    if ((cue.year > 0 && cue.year < py) || cue.year == 0) c.drop = true;
                }
                return;
            default:
                break;
        }
        if (!d.pub_day) return;
        const std::int64_t pub = *d.pub_day;
        std::optional<std::int64_t> day;
        if (cue.kind == Cue::weekday) {
            const bool fwd = cue.qual > 0 || (cue.qual == 0 && (planned || scheduled(d, c)));
            day = fwd              ? weekday_on_or_after(pub, cue.wd, cue.qual > 0)
                  : cue.qual == -1 ? last_weekday(pub, cue.wd)
                                   : weekday_on_or_before(pub, cue.wd, cue.qual < 0);
        } else if (cue.kind == Cue::offset) {
            day = pub + cue.off;
        } else if (cue.kind == Cue::relative) {
            if (!last_day) return;
            day = *last_day + cue.off;
        } else if (cue.kind == Cue::month_day) {
            day = resolve_month_day(pub, cue.month, cue.dom, cue.year, planned || scheduled(d, c));
        }
        if (!day) return;
        // "said on Saturday that talks would resume next Saturday": a day after
        // publication dates what was said, not the saying
        if (*day > pub && c.ev.status == "occurred"_w && c.ev.type == "statement"_w) {
            c.has_cue = false;
            return;
        }
        if (*day > pub && c.ev.status == "occurred"_w) c.ev.status = "planned";
        if (*day <= pub && c.ev.status == "ongoing"_w && c.ev.type == "negotiation"_w)
            c.ev.status = "occurred";
        if (max_age_ > 0 && *day < pub - max_age_) {
            c.drop = true;
            return;
        }
        c.ev.date = texts.of(*day);
    }
};

// ---------------------------------------------------------------- attributes

struct Amount {
    double value = 0;
    std::string currency;
};

class AttributesStage final : public Stage {
  public:
    const char* name() const override { return "attributes"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"topics", "ordinals", "amounts", "casualties", "quotes"}, sink);
        topics_ = read_bool(n, "topics", true, sink);
        ordinals_ = read_bool(n, "ordinals", true, sink);
        amounts_ = read_bool(n, "amounts", true, sink);
        casualties_ = read_bool(n, "casualties", true, sink);
        quotes_ = read_bool(n, "quotes", true, sink);
    }
    std::vector<std::string> requires_before() const override { return {"events"}; }

    void run(Doc& d) const override {
        const Knowledge& k = *d.k;
        // topics per sentence (only sentences with candidates)
        auto& topics = d.sent_topics;  // per sentence, on first use
        topics.assign(d.sents.size(), std::nullopt);
        for (Candidate& c : d.cands) {
            if (c.drop) continue;
            const Sentence& s = d.sents[c.sentence];
            if (topics_) {
                auto& st = topics[c.sentence];
                if (!st) st = sentence_topics(d, s);
                if (!st->empty()) c.attrs.topics = *st;
            }
            if (!c.mediators.empty()) c.attrs.mediators = c.mediators;
            if (amounts_ && c.ev.type == "aid"_w) {
                if (auto a = find_amount(d, s)) {
                    c.attrs.amount_value = static_cast<long long>(std::llround(a->value));
                    c.attrs.amount_currency = a->currency;
                }
            }
            if (quotes_ && c.ev.type == "statement"_w) {
                if (auto q = find_quote(d, s)) c.attrs.quote = *q;
            }
        }
        if (casualties_) add_casualties(d);
        if (ordinals_) add_ordinals(d);
        (void)k;
    }

  private:
    bool topics_ = true, ordinals_ = true, amounts_ = true, casualties_ = true, quotes_ = true;

    TopicList sentence_topics(const Doc& d, const Sentence& s) const {
        const Knowledge& k = *d.k;
        SmallVec<std::uint32_t, 8> hit;  // topic indices found (few)
        auto found = [&](std::uint32_t ti) {
            return std::find(hit.begin(), hit.end(), ti) != hit.end();
        };
        const Token* const toks = d.toks.data();  // (loaded once, not per token)
        for (std::size_t t = s.tb, te = s.te; t < te; ++t) {
            if (!(toks[t].lex & LTopicFirst)) continue;
            const auto it = k.topic_first.find(toks[t].lower);
            if (it == k.topic_first.end()) continue;
            for (const auto& [ti, pi] : it->second)
                if (!found(ti) && match_words(d, t, s.te, k.topics[ti].phrases[pi]))
                    hit.push_back(ti);
        }
        std::sort(hit.begin(), hit.end());  // in topics.yaml order
        TopicList out;
        for (const std::uint32_t ti : hit) out.push_back(&k.topics[ti].name);
        return out;
    }

    std::optional<double> number_at(const Doc& d, std::size_t t) const {
        const Token& tok = d.toks[t];
        if (tok.kind == TokKind::number) {
            std::string s;
            for (char ch : tok.text)
                if (ch != ',') s += ch;
            char* end = nullptr;
            const double v = std::strtod(s.c_str(), &end);
            if (end && *end == '\0') return v;
            return std::nullopt;
        }
        if (auto it = d.k->number_words.find(tok.lower);
            it != d.k->number_words.end() && tok.lower != "a"_w && tok.lower != "an"_w)
            return it->second;
        return std::nullopt;
    }

    std::optional<Amount> find_amount(const Doc& d, const Sentence& s) const {
        const Knowledge& k = *d.k;
        for (std::size_t t = s.tb; t < s.te; ++t) {
            const Token& tok = d.toks[t];
            std::string cur;
            std::size_t q = t;
            if (tok.kind == TokKind::symbol) {
                auto it = k.currencies.find(tok.text);
                if (it == k.currencies.end()) continue;
                cur = it->second;
                ++q;
            }
            if (q >= s.te) continue;
            const Token& nt = d.toks[q];
            double value = 0;
            std::size_t r = q + 1;
            if (nt.kind == TokKind::number) {
                auto v = number_at(d, q);
                if (!v) continue;
                value = *v;
            } else if (nt.kind == TokKind::word && !cur.empty() && nt.text.size() > 1 &&
                       nt.text[0] >= '0' && nt.text[0] <= '9') {
                // "$100m", "$1.3bn" (the tokenizer keeps "100m" as one word)
                std::size_t i = 0;
                while (i < nt.text.size() &&
                       ((nt.text[i] >= '0' && nt.text[i] <= '9') || nt.text[i] == '.'))
                    ++i;
                auto sc = k.scales.find(nt.lower.substr(i));
                if (sc == k.scales.end()) continue;
                value =
                    std::strtod(std::string(nt.text.substr(0, i)).c_str(), nullptr) * sc->second;
            } else {
                continue;
            }
            if (r < s.te) {
                if (auto sc = k.scales.find(d.toks[r].lower); sc != k.scales.end()) {
                    value *= sc->second;
                    ++r;
                }
            }
            if (cur.empty()) {
                if (r < s.te) {
                    auto it = k.currencies.find(d.toks[r].lower);
                    if (it != k.currencies.end() && d.toks[r].kind == TokKind::word)
                        cur = it->second;
                }
                if (cur.empty()) continue;
            }
            if (value <= 0) continue;
            return Amount{value, cur};
        }
        return std::nullopt;
    }

    std::optional<std::string> find_quote(const Doc& d, const Sentence& s) const {
        std::size_t open = SIZE_MAX;
        for (std::size_t t = s.tb; t < s.te; ++t) {
            if (d.toks[t].kind != TokKind::quote) continue;
            if (open == SIZE_MAX) {
                open = t;
                continue;
            }
            if (t > open + 1) {
                const std::size_t b = d.orig(d.toks[open + 1].b);
                std::size_t e = d.orig(d.toks[t - 1].e);
                // drop the trailing comma of '"..., " he said'
                if (d.toks[t - 1].text == ","_w && t - 1 > open + 1) e = d.orig(d.toks[t - 2].e);
                const std::string& src = d.article->text;
                if (b < e && e <= src.size())
                    return utf8_copy(std::string_view(src).substr(b, e - b));
            }
            open = SIZE_MAX;
        }
        return std::nullopt;
    }

    void add_casualties(Doc& d) const {
        // the live attacks grouped by sentence (candidate order kept within a sentence)
        std::vector<Candidate*> all;
        for (Candidate& c : d.cands)
            if (!c.drop && c.ev.type == "attack"_w) all.push_back(&c);
        std::stable_sort(all.begin(), all.end(), [](const Candidate* a, const Candidate* b) {
            return a->sentence < b->sentence;
        });
        for (std::size_t g = 0; g < all.size();) {
            const std::size_t si = all[g]->sentence;
            std::size_t h = g;
            while (h < all.size() && all[h]->sentence == si) ++h;
            const std::span<Candidate* const> attacks(all.data() + g, h - g);
            g = h;
            const Sentence& s = d.sents[si];
            for (std::size_t t = s.tb; t < s.te; ++t) {
                if (d.toks[t].kind != TokKind::number && !(d.toks[t].lex & LNumberWord)) continue;
                auto n = number_at(d, t);
                if (!n || *n <= 0) continue;
                if (d.toks[t].kind == TokKind::number && d.toks[t].text.size() == 4 && *n >= 1900 &&
                    *n <= 2100)
                    continue;
                const char* what = nullptr;
                for (std::size_t j = t, skipped = 0; j-- > s.tb && skipped <= 5;) {
                    if (has(d.toks[j], WKillVerb)) {
                        what = "killed";
                        break;
                    }
                    if (has(d.toks[j], WInjureVerb)) {
                        what = "injured";
                        break;
                    }
                    if (!(d.toks[j].sets & (WCasualtySkip | WKilledWord))) break;
                    ++skipped;
                }
                if (!what) {
                    for (std::size_t j = t + 1, skipped = 0; j < s.te && skipped <= 4; ++j) {
                        if (has(d.toks[j], WKilledWord)) {
                            what = "killed";
                            break;
                        }
                        if (has(d.toks[j], WInjuredWord)) {
                            what = "injured";
                            break;
                        }
                        if (!has(d.toks[j], WCasualtySkip)) break;
                        ++skipped;
                    }
                }
                if (!what) continue;
                // the attack trigger nearest before the number, else the first one
                Candidate* target = attacks.front();
                for (Candidate* c : attacks)
                    if (c->tb < t) target = c;
                if (!target->attrs.contains(what))
                    target->attrs.set_count(what, static_cast<long long>(std::llround(*n)));
            }
        }
    }

    void add_ordinals(Doc& d) const {
        // (the tokens through a pointer read once: ordinal_at takes the Doc to change, so
        // d.toks would be loaded again for every token of this walk over the article)
        const Token* const toks = d.toks.data();
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            // An ordinal counts only with a visit noun one to three words after it, and
            // every visit noun opens with a WVisitFirst word: only the tokens up to three
            // before such a word are tried (in token order, each once, as a walk over all)
            std::size_t next = s.tb;  // the first token not tried yet
            for (std::size_t j = s.tb, te = s.te; j < te; ++j) {
                if (!has(toks[j], WVisitFirst)) continue;
                for (std::size_t t = std::max(next, j >= s.tb + 3 ? j - 3 : s.tb); t < j; ++t)
                    ordinal_at(d, si, t);
                next = std::max(next, j);
            }
        }
    }

    // "his third visit to the region": the ordinal at token `t` of sentence `si` given to
    // the visit it counts.
    void ordinal_at(Doc& d, std::size_t si, std::size_t t) const {
        const Knowledge& k = *d.k;
        const Sentence& s = d.sents[si];
        const Token& tok = d.toks[t];
        int n = 0;
        if (!(tok.lex & LOrdinal) &&
            !(tok.kind == TokKind::word && tok.text[0] >= '0' && tok.text[0] <= '9'))
            return;
        if (auto it = k.ordinals.find(tok.lower); it != k.ordinals.end()) {
            n = it->second;
        } else if (tok.kind == TokKind::word && tok.text.size() >= 3 && tok.text[0] >= '0' &&
                   tok.text[0] <= '9') {
            std::size_t i = 0;
            while (i < tok.text.size() && tok.text[i] >= '0' && tok.text[i] <= '9') ++i;
            const auto suf = tok.lower.substr(i);
            if (suf == "st"_w || suf == "nd"_w || suf == "rd"_w || suf == "th"_w)
                n = std::atoi(std::string(tok.text.substr(0, i)).c_str());
        }
        if (n <= 0 || n > 200) return;
        bool visit = false;
        for (std::size_t j = t + 1; j < s.te && j <= t + 3 && !visit; ++j) {
            std::size_t len = 0;
            if (joined_in(d, j, s.te, k.visit_nouns, len)) visit = true;
        }
        if (!visit) return;
        // owner: nearest person mention before, in this sentence
        std::string owner;
        for (std::size_t mi = d.mention_from(t); mi-- > 0;) {
            const Mention& m = d.mentions[mi];
            if (m.sentence != si) break;
            if (m.part && m.part->kind == "person"_w) {
                owner = m.part->name;
                break;
            }
        }
        Candidate* best = nullptr;
        std::size_t best_dist = SIZE_MAX;
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || c.ev.type != "visit"_w) continue;
            if (!owner.empty() &&
                std::none_of(c.ev.actors.begin(), c.ev.actors.end(),
                             [&](const Participant& p) { return p.name == owner; }))
                continue;
            const std::size_t dist = (c.sentence > si ? c.sentence - si : si - c.sentence) * 2 +
                                     (c.sentence > si ? 1 : 0);
            if (dist < best_dist) {
                best = &c;
                best_dist = dist;
            }
        }
        if (best && !best->attrs.contains("ordinal")) best->attrs.ordinal = n;
    }
};

// ---------------------------------------------------------------- region

class RegionStage final : public Stage {
  public:
    const char* name() const override { return "region"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"topic_words", "article_context", "scope"}, sink);
        words_ = read_bool(n, "topic_words", true, sink);
        article_ = read_bool(n, "article_context", true, sink);
        scope_ = read_bool(n, "scope", true, sink);
    }
    std::vector<std::string> requires_before() const override { return {"events"}; }
    void run(Doc& d) const override {
        const Knowledge& k = *d.k;
        // Is the article about the region? (most named states and places are in it) A walk
        // over all mentions, asked only by a diplomacy candidate that names no place of the
        // region: worked out on the first such question (-1: not yet).
        int article_mena = article_ ? -1 : 0;
        auto about_region = [&] {
            if (article_mena < 0) {
                std::size_t mena = 0, other = 0;
                for (const Mention& m : d.mentions) {
                    std::string_view cc;
                    if (m.part && !m.part->country.empty())
                        cc = m.part->country;
                    else if (m.place && !m.place->country.empty())
                        cc = m.place->country;
                    if (cc.empty()) continue;
                    (k.country_in_region(cc) ? mena : other) += 1;
                }
                article_mena = mena >= 3 && mena >= other ? 1 : 0;
            }
            return article_mena == 1;
        };
        // per sentence: -1 not looked at yet, else whether it names the region
        std::vector<signed char> sentence_in(d.sents.size(), -1);
        // persons named as another beat's speakers ("FIFA President X announced"): their
        // other sayings in the article ("..., X said in Zurich") are that beat's too
        std::vector<std::string_view> beat_speakers;
        if (scope_)
            for (Candidate& c : d.cands) {
                if (c.drop || !out_of_scope(d, c)) continue;
                c.drop = true;
                for (const auto& p : c.ev.actors)
                    if (p.kind == "person"_w) beat_speakers.push_back(p.name);
            }
        for (Candidate& c : d.cands) {
            if (c.drop) continue;
            if (!beat_speakers.empty() && !c.ev.actors.empty() &&
                (c.ev.type == "statement"_w || c.ev.type == "appeal"_w)) {
                bool all = true;
                for (const auto& p : c.ev.actors)
                    if (std::find(beat_speakers.begin(), beat_speakers.end(), p.name) ==
                        beat_speakers.end())
                        all = false;
                if (all) {
                    c.drop = true;
                    continue;
                }
            }
            bool in = false;  // (the first participant or place of the region answers)
            for (const auto* v : {&c.ev.actors, &c.ev.targets, &c.mediators})
                for (std::size_t i = 0; !in && i < v->size(); ++i)
                    in = k.country_in_region((*v)[i].country);
            for (std::size_t i = 0; !in && i < c.places.size(); ++i)
                in = k.country_in_region(c.places[i].country);
            if (!in && c.ev.location) in = k.country_in_region(c.ev.location->country);
            if (!in && words_) {
                signed char& memo = sentence_in[c.sentence];
                if (memo < 0) memo = sentence_in_region(d, d.sents[c.sentence]) ? 1 : 0;
                in = memo == 1;
            }
            if (!in && c.ev.category == "diplomacy"_w &&
                (!c.ev.location || k.country_in_region(c.ev.location->country)) && about_region()) {
                bool foreign_place = false;
                for (const auto& p : c.places)
                    if (!p.country.empty() && !k.country_in_region(p.country)) foreign_place = true;
                in = !foreign_place && !foreign_recipient(d, c);
            }
            c.ev.in_region = in;
        }
    }

  private:
    bool words_ = true;
    bool article_ = true;
    bool scope_ = true;

    // The words a phrase of a list can open with (every alternative of every phrase's first
    // slot; match_phrase needs one of them at its first token), with a bit per hash of a
    // word's first two bytes and length: names_phrase passes most tokens by one bit test
    // instead of a match_phrase call per phrase (a set bit is confirmed by the words). Made
    // at bind() for the Knowledge bound; another one (not bound) lets all in.
    struct FirstWords {
        bool all = true;  // no filter
        std::bitset<1024> bits;
        std::vector<std::string_view> words;
        static std::size_t bit(std::string_view w) {
            const std::size_t b0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
            const std::size_t b1 = w.size() < 2 ? 0 : static_cast<unsigned char>(w[1]);
            return (b0 * 131 + b1 * 7 + w.size()) & 1023;
        }
        void build(const std::vector<Phrase>& list) {
            all = false;
            bits.reset();
            words.clear();
            for (const Phrase& ph : list) {
                if (ph.slots.empty()) continue;  // (matches nothing)
                for (const std::string& w : ph.slots[0]) {
                    bits.set(bit(w));
                    words.push_back(w);
                }
            }
        }
        [[gnu::always_inline]] bool may_open(std::string_view w) const {
            return all || (bits.test(bit(w)) && find_word(words.begin(), words.end(), w));
        }
    };
    const Knowledge* bound_ = nullptr;
    FirstWords speakers_first_, objects_first_, sources_first_, no_filter_;

  public:
    void bind(const Knowledge& k) override {
        bound_ = &k;
        speakers_first_.build(k.scope_speakers);
        objects_first_.build(k.scope_objects);
        sources_first_.build(k.scope_sources);
    }

  private:
    // Does a phrase of `list` start at a token of [b, e) that `skip` leaves in? (`first`:
    // the list's opening words)
    static bool names_phrase(const Doc& d, const std::vector<Phrase>& list, const FirstWords& first,
                             std::size_t b, std::size_t e, std::span<const std::uint8_t> skip) {
        for (std::size_t t = b; t < e; ++t) {
            if (skip[t - b] || d.toks[t].kind != TokKind::word) continue;
            if (!first.may_open(d.toks[t].lower)) continue;
            for (const Phrase& ph : list)
                if (match_phrase(d, t, e, ph)) return true;
        }
        return false;
    }

    // Another beat's news (tests/heldout/MIXEDFEED.md): a saying, appeal, proposal, agreement
    // or rejection whose subject names a sports body or the business world (lexicon
    // `scope_speakers`: "FIFA President X announced", "X, president of the football
    // federation, said", "Saudi business leaders are expected to announce"), or an agreement,
    // proposal or rejection about a market quantity or a sports competition (`scope_objects`:
    // "agreed to raise output by 411,000 barrels per day", "plan to bid to host the World
    // Cup"). The subject is the words before the trigger back to the sentence start, a quote,
    // ';' or ':' (at most 16), without a relative clause ("Riyadh, which hosts the World Cup,
    // said" is still the state speaking); with no subject before ("..., said X, president of
    // ..."), the words after it. The object is the clause after the trigger (to a comma, ';'
    // or a subordinator other than "that", at most 12 words). Meetings, visits, talks, aid
    // and attacks are left alone: leaders meeting at a World Cup opening still met.
    bool out_of_scope(const Doc& d, const Candidate& c) const {
        const std::string_view type = c.ev.type;
        const bool saying = type == "statement"_w || type == "appeal"_w;
        const bool deal = type == "proposal"_w || type == "agreement"_w || type == "rejection"_w;
        if (!saying && !deal) return false;
        const Knowledge& k = *d.k;
        const bool bound = d.k == bound_;  // (the first-word filters are this Knowledge's)
        if (k.scope_speakers.empty() && k.scope_objects.empty() && k.scope_sources.empty())
            return false;
        const Sentence& s = d.sents[c.sentence];
        auto stop = [&](const Token& tk) {
            return tk.kind == TokKind::quote || tk.in_quote || tk.lower == ";"_w ||
                   tk.lower == ":"_w;
        };
        SmallVec<std::uint8_t, 32> skip;  // (on the stack: the ranges are at most 16 words)
        auto clear_skip = [&](std::size_t len) {
            skip.clear();
            for (std::size_t i = 0; i < len; ++i) skip.push_back(0);
        };
        // the subject: back from the trigger to a comma, past one apposition right before it
        std::size_t b = c.tb;
        bool apposition = c.tb > s.tb && d.toks[c.tb - 1].lower == ","_w;
        if (apposition) --b;
        while (b > s.tb && c.tb - b < 16 && !stop(d.toks[b - 1])) {
            if (d.toks[b - 1].lower == ","_w) {
                if (!apposition) break;
                apposition = false;
            }
            --b;
        }
        std::size_t e = c.tb;
        while (e > b && (d.toks[e - 1].lower == ","_w || d.toks[e - 1].kind == TokKind::quote)) --e;
        if (e == b) {  // "..., said X, president of ...": the speaker follows
            b = c.te;
            e = b;
            while (e < s.te && e - b < 16 && !stop(d.toks[e])) ++e;
        }
        clear_skip(e - b);
        for (std::size_t t = b; t < e; ++t) {
            const auto w = d.toks[t].lower;
            if (w != "who"_w && w != "which"_w && w != "whose"_w) continue;
            for (; t < e && d.toks[t].lower != ","_w; ++t) skip[t - b] = 1;
        }
        if (type == "statement"_w && !k.scope_sources.empty()) {
            bool person = false;
            for (const auto& p : c.ev.actors)
                if (p.kind == "person"_w) person = true;
            if (!person && names_phrase(d, k.scope_sources, bound ? sources_first_ : no_filter_, b,
                                        e, {skip.data(), skip.size()}))
                return true;
        }
        if (names_phrase(d, k.scope_speakers, bound ? speakers_first_ : no_filter_, b, e,
                         {skip.data(), skip.size()}))
            return true;
        if (!deal) return false;
        // the object: the clause after the trigger
        e = c.te;
        while (e < s.te && e - c.te < 12) {
            const auto w = d.toks[e].lower;
            if (w == ","_w || stop(d.toks[e]) || (w != "that"_w && has(d.toks[e], WSubordinator)))
                break;
            ++e;
        }
        clear_skip(e - c.te);
        return names_phrase(d, k.scope_objects, bound ? objects_first_ : no_filter_, c.te, e,
                            {skip.data(), skip.size()});
    }

    // Admitted only by the article's region, an event whose target is a state outside the
    // region named as where something goes ("pledged 40 billion euros in military aid to
    // Ukraine") is that state's news, not the region's (the contract's filter; MIXEDFEED.md).
    static bool foreign_recipient(const Doc& d, const Candidate& c) {
        const Knowledge& k = *d.k;
        const Sentence& s = d.sents[c.sentence];
        for (const auto& p : c.ev.targets) {
            if (p.kind != "country"_w || p.country.empty() || k.country_in_region(p.country))
                continue;
            for (std::size_t mi = d.mention_from(s.tb);
                 mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
                const Mention& m = d.mentions[mi];
                if (m.part && m.part->country == p.country && m.prep == "to"_w && m.tb > c.te)
                    return true;
            }
        }
        return false;
    }

    // A sentence names the region: a state or place of it, or one of its words.
    static bool sentence_in_region(const Doc& d, const Sentence& s) {
        const Knowledge& k = *d.k;
        for (std::size_t mi = d.mention_from(s.tb);
             mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
            const Mention& m = d.mentions[mi];
            if ((m.part && k.country_in_region(m.part->country)) ||
                (m.place && k.country_in_region(m.place->country)))
                return true;
        }
        for (std::size_t t = s.tb; t < s.te; ++t) {
            if (!(d.toks[t].lex & LRegionFirst)) continue;
            const auto it = k.region_first.find(d.toks[t].lower);
            if (it == k.region_first.end()) continue;
            for (const std::uint32_t ri : it->second)
                if (match_words(d, t, s.te, k.region_words[ri])) return true;
        }
        return false;
    }
};

// ---------------------------------------------------------------- merge

// ---------------------------------------------------------------- precision policy

// Kinds of finished events that are usually wrong (config/extraction/precision.yaml,
// measured in tests/heldout/CALIBRATION.md) are dropped once merging is done, so a rule
// sees the event as it would be published: its type, location, actors, targets, date.
bool precision_rule_matches(const Knowledge::PrecisionRule& r, const Event& ev) {
    if (ev.type != r.type) return false;
    if (r.location >= 0 && ev.location.has_value() != (r.location == 1)) return false;
    if (r.dated >= 0 && ev.date.has_value() != (r.dated == 1)) return false;
    if (r.targets >= 0 && ev.targets.size() != static_cast<std::size_t>(r.targets)) return false;
    if (r.actor_kind == "none"_w) return ev.actors.empty();
    if (!r.actor_kind.empty()) {
        if (ev.actors.empty()) return false;
        for (const Participant& p : ev.actors)
            if (p.kind != r.actor_kind) return false;
    }
    return true;
}

void apply_precision_policy(Doc& d) {
    const auto& rules = d.k->precision_drop;
    if (rules.empty()) return;
    for (Candidate& c : d.cands) {
        if (c.drop || c.carrier) continue;
        for (const auto& r : rules)
            if (precision_rule_matches(r, c.ev)) {
                c.drop = true;
                break;
            }
    }
}

// "The army said it struck the port", "Washington said its envoy would travel to
// Cairo": a state or organisation saying what it or its own people did or will do is
// the source of that event, not a statement of its own (a person's saying stays).
// "The crown prince said the kingdom demanded a halt": what a person says his own state
// does is his act, not one more event of the state.
void drop_source_sayings(Doc& d) {
    // "U.N. agencies have warned that an appeal for $426 million was barely funded", "the
    // U.N. office told the council that 576,000 people ...", "Syria, where the U.N. says
    // conditions are not in place": a body giving a figure or a standing view is the
    // source of a fact, not a diplomatic statement
    for (Candidate& c : d.cands) {
        if (c.drop || c.ev.type != "statement"_w || c.syntax != TrigSyntax::verb ||
            c.ev.actors.size() != 1 || c.ev.actors[0].kind != "organisation"_w)
            continue;
        const Sentence& s = d.sents[c.sentence];
        const auto v = d.toks[c.tb].lower;
        bool source = v == "says"_w || v == "say"_w ||
                      (c.tb > s.tb && in_set(d.toks[c.tb - 1].lower, {"has", "have"}));
        for (std::size_t t = s.tb; t < s.te && !source; ++t) {
            const Token& w = d.toks[t];
            if (w.kind != TokKind::number || w.in_quote) continue;
            const bool year =
                w.text.size() == 4 && (w.text.starts_with("19") || w.text.starts_with("20"));
            const bool day = t > s.tb && (d.toks[t - 1].lex & LDateWord);
            source = !year && !day;
        }
        if (source) c.drop = true;
    }
    auto same_side = [](const Participant& speaker, const Participant& p) {
        if (same_pkey(speaker, p)) return true;
        return !speaker.country.empty() && p.kind != "group"_w && p.country == speaker.country;
    };
    // "Z hosted A and B for talks in Paris", "A and B held talks in Rome hosted by Z": a
    // host receiving guests of two other states hosts their meeting, a venue; no state
    // visit of each guest (as "Z received A in Riyadh" is). Dropped here, after the visits
    // gave the dates and places they give.
    for (std::size_t i = 0; i < d.cands.size(); ++i) {
        const Candidate& v = d.cands[i];
        if (v.ev.type != "visit"_w || v.ev.actors.size() != 1 || v.syntax == TrigSyntax::noun)
            continue;
        const auto hw = d.toks[v.tb].lower;
        if (!(has_prefix(hw, "receiv"_w) || has_prefix(hw, "host"_w) || has_prefix(hw, "welcom"_w)))
            continue;
        bool other_state = false;
        for (const Candidate& o : d.cands)
            other_state |= &o != &v && o.ev.type == "visit"_w && o.sentence == v.sentence &&
                           o.tb == v.tb && o.ev.actors.size() == 1 &&
                           o.ev.actors[0].country != v.ev.actors[0].country;
        if (!other_state) continue;
        for (Candidate& o : d.cands)
            if (o.ev.type == "visit"_w && o.sentence == v.sentence && o.tb == v.tb) o.drop = true;
    }
    // "Lavrov called for a halt to the use of force, Moscow said.", "Burns visited Benghazi,
    // U.S. officials said.": a state named after the clause it reports, when that clause
    // tells what its own people did, is the source of that event, not a statement of its own
    for (Candidate& c : d.cands) {
        if (c.drop || c.ev.type != "statement"_w || c.syntax != TrigSyntax::verb ||
            c.ev.actors.size() != 1 || c.ev.actors[0].kind != "country"_w ||
            !in_set(d.toks[c.tb].lower, {"said", "says"}))
            continue;
        const Sentence& s = d.sents[c.sentence];
        // the verb ends the sentence ("..., Moscow said.")
        if (!(c.te == s.te || (c.te + 1 == s.te && d.toks[c.te].lower == "."_w))) continue;
        // the speaker is all that stands between a comma and the verb
        std::size_t comma = c.tb;
        while (comma > s.tb && c.tb - comma < 6 && d.toks[comma - 1].lower != ","_w &&
               d.toks[comma - 1].kind == TokKind::word)
            --comma;
        if (comma == s.tb || comma == c.tb || d.toks[comma - 1].lower != ","_w) continue;
        const Participant& speaker = c.ev.actors[0];
        // (a saying of one of the state's people folds it in at merge, with its day)
        if (std::any_of(d.cands.begin(), d.cands.end(), [&](const Candidate& o) {
                return &o != &c && !o.drop && o.ev.type == "statement"_w &&
                       o.ev.status == c.ev.status &&
                       (!o.ev.date || !c.ev.date || *o.ev.date == *c.ev.date) &&
                       std::any_of(o.ev.actors.begin(), o.ev.actors.end(),
                                   [&](const Participant& a) {
                                       return a.kind == "person"_w && a.country == speaker.country;
                                   });
            }))
            continue;
        for (const Candidate& o : d.cands) {
            if (&o == &c || o.sentence != c.sentence || o.drop || o.te >= comma ||
                o.ev.type == "statement"_w)
                continue;
            if (std::any_of(o.ev.actors.begin(), o.ev.actors.end(), [&](const Participant& a) {
                    return a.kind == "person"_w && same_side(speaker, a);
                })) {
                c.drop = true;
                break;
            }
        }
    }
    for (Candidate& c : d.cands) {
        if (c.drop || c.ev.type != "statement"_w || c.syntax != TrigSyntax::verb ||
            c.ev.actors.size() != 1 || c.ev.actors[0].kind == "group"_w ||
            !in_set(d.toks[c.tb].lower, {"said", "says", "say", "told", "announced"}))
            continue;
        const Participant& speaker = c.ev.actors[0];
        const bool person = speaker.kind == "person"_w;
        const Sentence& s = d.sents[c.sentence];
        // the subject of the reported clause: right after the verb (and "that")
        std::size_t at = c.te;
        if (at < s.te && d.toks[at].lower == "that"_w) ++at;
        const Mention* subj = nullptr;
        for (std::size_t mi = d.mention_from(at); mi < d.mentions.size() && d.mentions[mi].tb == at;
             ++mi)
            if (d.mentions[mi].part) subj = &d.mentions[mi];
        if (!subj || subj->possessive || !same_side(speaker, *subj->part)) continue;
        // only "the kingdom", "the country", "it", or the capital standing for the state
        // ("Miller said Washington condemned the attack"): the speaker's own state
        if (person && (subj->part->kind != "country"_w ||
                       (subj->kind == MentionKind::entity && !subj->metonym)))
            continue;
        std::size_t end = s.te;
        for (std::size_t t = subj->te; t < s.te; ++t)
            if (d.toks[t].lower == ";"_w) {
                end = t;
                break;
            }
        for (Candidate& o : d.cands) {
            if (&o == &c || o.sentence != c.sentence || (o.drop && !o.carrier) ||
                o.ev.type == "statement"_w || o.tb < subj->te || o.tb >= end)
                continue;
            if (person) {
                if (o.ev.actors.size() == 1 && same_pkey(o.ev.actors[0], *subj->part))
                    o.ev.actors[0] = speaker;
                continue;
            }
            bool own = false;
            for (const Participant& a : o.ev.actors) own |= same_pkey(a, *subj->part);
            if (own) {
                c.drop = true;
                break;
            }
        }
    }
}

bool same_place(const std::optional<Place>& a, const std::optional<Place>& b) {
    if (!a || !b) return true;
    if (!a->country.empty() && a->country == b->country) return true;
    return a->name == b->name;
}

// The sorted, distinct pkey()s of the participants of some lists together.
std::vector<std::string> keys_of(std::initializer_list<const std::vector<Participant>*> lists) {
    std::size_t n = 0;
    for (const auto* v : lists) n += v->size();
    std::vector<std::string> out;
    out.reserve(n);
    for (const auto* v : lists)
        for (const auto& p : *v) out.push_back(pkey(p));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> keys(const std::vector<Participant>& v) {
    return keys_of({&v});
}

// Three-way comparison of pkey(a) and pkey(b) without building them.
int pkey_compare(const Participant& a, const Participant& b) {
    const std::string_view as[3] = {a.kind, ":", pkey_value(a)};
    const std::string_view bs[3] = {b.kind, ":", pkey_value(b)};
    std::size_t ai = 0, bi = 0, ao = 0, bo = 0;
    for (;;) {
        while (ai < 3 && ao == as[ai].size()) ++ai, ao = 0;
        while (bi < 3 && bo == bs[bi].size()) ++bi, bo = 0;
        if (ai == 3 || bi == 3) return (ai == 3 ? 0 : 1) - (bi == 3 ? 0 : 1);
        const std::size_t n = std::min(as[ai].size() - ao, bs[bi].size() - bo);
        if (const int c = as[ai].substr(ao, n).compare(bs[bi].substr(bo, n)); c != 0) return c;
        ao += n;
        bo += n;
    }
}

// Appends the sorted, distinct pkey()s of some lists, each followed by ',' (as
// joining keys_of() would), without building a string per participant.
void append_keys(std::string& out, std::initializer_list<const std::vector<Participant>*> lists,
                 std::vector<const Participant*>& scratch) {
    scratch.clear();
    for (const auto* v : lists)
        for (const auto& p : *v) scratch.push_back(&p);
    std::sort(scratch.begin(), scratch.end(),
              [](const Participant* a, const Participant* b) { return pkey_compare(*a, *b) < 0; });
    const Participant* last = nullptr;
    for (const Participant* p : scratch) {
        if (last && pkey_compare(*last, *p) == 0) continue;
        last = p;
        out += p->kind;
        out += ':';
        out += pkey_value(*p);
        out += ',';
    }
}

// A hash of pkey(p): equal keys, equal hashes (no string built; the kind, one of a
// few words, by its length and first letter).
std::uint64_t pkey_hash(const Participant& p) {
    const std::uint64_t kind =
        p.kind.empty() ? 0 : (p.kind.size() << 8 | static_cast<unsigned char>(p.kind[0]));
    return (word_hash(pkey_value(p)) ^ kind) * 0x9E3779B97F4A7C15ULL;
}

// Folds the sorted, distinct pkey_hash()es of some lists into `sig` (as append_keys
// appends the sorted, distinct keys): equal key sets, equal contributions.
std::uint64_t fold_keys(std::uint64_t sig,
                        std::initializer_list<const std::vector<Participant>*> lists) {
    SmallVec<std::uint64_t, 16> hashes;  // (a few: sorted by insertion)
    for (const auto* v : lists)
        for (const auto& p : *v) {
            const std::uint64_t h = pkey_hash(p);
            hashes.push_back(h);
            std::size_t i = hashes.size() - 1;
            for (; i > 0 && hashes[i - 1] > h; --i) hashes[i] = hashes[i - 1];
            hashes[i] = h;
        }
    for (std::size_t i = 0; i < hashes.size(); ++i)
        if (i == 0 || hashes[i] != hashes[i - 1]) sig = (sig ^ hashes[i]) * 0xFF51AFD7ED558CCDULL;
    return (sig ^ (sig >> 29)) + 0x632BE59BD9B4E019ULL;  // (the end of a section)
}

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

void absorb(Candidate& into, Candidate& from) {
    Event& a = into.ev;
    Event& b = from.ev;
    for (auto& e : from.evidence)
        if (std::none_of(into.evidence.begin(), into.evidence.end(),
                         [&](const EvidenceSpan& x) { return x.start == e.start; }))
            into.evidence.push_back(e);
    if (!a.date) a.date = b.date;
    if (!a.location || (into.inherited_location && b.location && !from.inherited_location)) {
        a.location = b.location;
        into.inherited_location = from.inherited_location;
    }
    for (auto& t : b.targets)
        if (std::none_of(a.targets.begin(), a.targets.end(),
                         [&](const Participant& x) { return same_pkey(x, t); }))
            a.targets.push_back(t);
    for (auto& [key, val] : b.attributes.items()) {
        if (!a.attributes.contains(key)) {
            a.attributes[key] = val;
        } else if (key == "topics"_w || key == "mediators"_w) {
            for (const auto& x : val)
                if (std::find(a.attributes[key].begin(), a.attributes[key].end(), x) ==
                    a.attributes[key].end())
                    a.attributes[key].push_back(x);
        }
    }
    into.attrs.absorb(from.attrs);
    for (auto& p : from.places) into.places.push_back(p);
    for (auto& m : from.mediators) into.mediators.push_back(m);
    from.drop = true;
}

// Small integer codes for a few distinct words (event types, statuses): equal words,
// equal codes. (same_word: inline, no memcmp call per comparison)
class WordCodes {
  public:
    [[gnu::always_inline]] std::uint32_t of(std::string_view w) {
        for (std::size_t i = 0; i < seen_.size(); ++i)
            if (same_word(seen_[i], w)) return static_cast<std::uint32_t>(i);
        seen_.push_back(w);
        return static_cast<std::uint32_t>(seen_.size() - 1);
    }

  private:
    SmallVec<std::string_view, 16> seen_;
};

// The indices that have a code, grouped by code and ascending within a group (a counting
// sort): a pair loop that needs equal codes visits one group instead of every index.
class ByCode {
  public:
    void build(const std::vector<std::uint32_t>& codes, std::uint32_t none) {
        std::uint32_t ncodes = 0;
        for (const std::uint32_t c : codes)
            if (c != none) ncodes = std::max(ncodes, c + 1);
        from_.assign(ncodes + 1, 0);
        for (const std::uint32_t c : codes)
            if (c != none) ++from_[c + 1];
        for (std::uint32_t c = 0; c < ncodes; ++c) from_[c + 1] += from_[c];
        at_.resize(from_[ncodes]);
        std::vector<std::uint32_t> next(from_.begin(), from_.end() - 1);
        for (std::size_t i = 0; i < codes.size(); ++i)
            if (codes[i] != none) at_[next[codes[i]]++] = static_cast<std::uint32_t>(i);
    }
    // The indices with `code` (one that some index has).
    std::span<const std::uint32_t> of(std::uint32_t code) const {
        return {at_.data() + from_[code], at_.data() + from_[code + 1]};
    }

  private:
    std::vector<std::uint32_t> from_, at_;
};

// One side of an event's participants (for symmetric types both sides), as
// views: nothing is copied.
struct Side {
    const std::vector<Participant>* first;
    const std::vector<Participant>* second;
    template <class F>
    bool any(F f) const {
        for (const auto& p : *first)
            if (f(p)) return true;
        if (second)
            for (const auto& p : *second)
                if (f(p)) return true;
        return false;
    }
};

// The original byte range of sentence `s`, clamped to the article's text.
EvidenceSpan sentence_span(const Doc& d, const Sentence& s) {
    EvidenceSpan e;
    e.start = d.orig(s.b);
    e.end = d.orig(s.e);
    const std::string& src = d.article->text;
    if (e.end > src.size()) e.end = src.size();
    if (e.start > e.end) e.start = e.end;
    return e;
}

// A candidate without evidence gets `span`, its sentence's.
void set_evidence(const Doc& d, Candidate& c, const EvidenceSpan& span) {
    c.evidence.push_back(span);
    c.ev.paragraph = d.sents[c.sentence].paragraph;
}

class MergeStage final : public Stage {
  public:
    const char* name() const override { return "merge"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"subsume", "precision"}, sink);
        subsume_ = read_bool(n, "subsume", true, sink);
        precision_ = read_bool(n, "precision", true, sink);
    }
    std::vector<std::string> requires_before() const override { return {"events"}; }
    void run(Doc& d) const override {
        merge(d);
        if (precision_) apply_precision_policy(d);
    }

  private:
    void merge(Doc& d) const {
        // (after the dates: a saying dropped here still anchored the days of the others)
        drop_source_sayings(d);
        // (a sentence's candidates share its span: looked up once per run of them)
        std::size_t span_sentence = SIZE_MAX;
        EvidenceSpan span;
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier || !c.evidence.empty()) continue;
            if (c.sentence != span_sentence) {
                span_sentence = c.sentence;
                span = sentence_span(d, d.sents[c.sentence]);
            }
            set_evidence(d, c, span);
        }
        auto live = [](const Candidate& c) { return !c.drop && !c.carrier; };
        auto symmetric = [](const std::string& t) {
            return t == "meeting"_w || t == "negotiation"_w || t == "agreement"_w;
        };
        std::vector<const Participant*> scratch;
        scratch.reserve(16);
        // (the flag per type code: sym_of below; sym(i) for a candidate live at the start)
        SmallVec<char, 16> sym_of;
        std::vector<std::uint32_t> type_code;
        auto sym = [&](std::size_t i) { return sym_of[type_code[i]] != 0; };
        auto ident = [&](std::size_t i, std::string& key) {  // key's buffer is reused
            const Candidate& c = d.cands[i];
            const bool sym_c = sym(i);
            key.clear();
            key += c.ev.type;
            key += '|';
            key += c.ev.status;
            key += '|';
            if (sym_c)
                append_keys(key, {&c.ev.actors, &c.ev.targets, &c.mediators}, scratch);
            else
                append_keys(key, {&c.ev.actors}, scratch);
            if (!sym_c && c.ev.type != "statement"_w) {
                key += '|';
                append_keys(key, {&c.ev.targets}, scratch);
            }
        };
        auto dates_ok = [](const Candidate& a, const Candidate& b) {
            return !a.ev.date || !b.ev.date || *a.ev.date == *b.ev.date;
        };
        const std::size_t n = d.cands.size();
        std::vector<std::string>& ids = d.merge_ids;
        if (ids.size() < n) ids.resize(n);
        // small codes for the type and the status of every live candidate (equal strings,
        // equal codes; a dead one's never equals a live one's), so the pair loops compare
        // integers first
        constexpr std::uint32_t kDead = UINT32_MAX;
        WordCodes types, statuses;
        type_code.assign(n, kDead);
        std::vector<std::uint32_t> status_code(n, kDead);
        // A signature of every live candidate's identity key (ident(): equal keys, equal
        // signatures), from hashes of its participants' keys: the keys themselves are built
        // only for candidates that share a signature with another.
        // (pairs of signature and index: sorted by value, with no lookup per comparison)
        std::vector<std::pair<std::uint64_t, std::uint32_t>> by_sig;  // the live ones, sorted
        by_sig.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Candidate& c = d.cands[i];
            if (!live(c)) continue;
            type_code[i] = types.of(c.ev.type);
            if (type_code[i] == sym_of.size()) sym_of.push_back(symmetric(c.ev.type) ? 1 : 0);
            status_code[i] = statuses.of(c.ev.status);
            std::uint64_t h = (std::uint64_t{type_code[i]} << 32) | status_code[i];
            if (sym(i)) {
                h = fold_keys(h, {&c.ev.actors, &c.ev.targets, &c.mediators});
            } else {
                h = fold_keys(h, {&c.ev.actors});
                if (c.ev.type != "statement"_w) h = fold_keys(h, {&c.ev.targets});
            }
            by_sig.emplace_back(h, static_cast<std::uint32_t>(i));
        }
        ByCode by_type;  // the live candidates by type (the pair loops below need equal types)
        by_type.build(type_code, kDead);
        std::sort(by_sig.begin(), by_sig.end());
        // Candidates with equal keys fold into the first of them. Only candidates of one
        // signature can share a key, and absorb() touches only the pair, so the groups are
        // worked one after the other (in candidate order within one, as a loop over all
        // pairs would).
        for (std::size_t g = 0, h = 0; g < by_sig.size(); g = h) {
            for (h = g + 1; h < by_sig.size() && by_sig[h].first == by_sig[g].first;) ++h;
            if (h - g < 2) continue;
            for (std::size_t x = g; x < h; ++x) ident(by_sig[x].second, ids[by_sig[x].second]);
            for (std::size_t x = g; x < h; ++x) {
                const std::uint32_t ax = by_sig[x].second;
                Candidate& a = d.cands[ax];
                if (!live(a)) continue;
                for (std::size_t y = x + 1; y < h; ++y) {
                    const std::uint32_t by = by_sig[y].second;
                    Candidate& b = d.cands[by];
                    if (!live(b) || ids[ax] != ids[by] || !dates_ok(a, b)) continue;
                    if (!same_place(a.ev.location, b.ev.location) &&
                        !(a.inherited_location || b.inherited_location))
                        continue;
                    absorb(a, b);
                }
            }
        }
        if (!subsume_) return;
        // A country-level event beside the same event of that country's people
        // ("Iran" visits beside "Araghchi" visits, a meeting with "Lebanon" beside
        // the one with Mikati) is the same event: fold it into the person-level one.
        auto side = [&](std::size_t i, bool actors) {  // (a candidate live at the start)
            const Candidate& c = d.cands[i];
            const auto* mine = actors ? &c.ev.actors : &c.ev.targets;
            const auto* other = actors ? &c.ev.targets : &c.ev.actors;
            return Side{mine, sym(i) ? other : nullptr};
        };
        auto covered = [](const Participant& p, const Side& by) {
            return by.any([&](const Participant& q) {
                return same_pkey(q, p) ||
                       (p.kind == "country"_w && !p.country.empty() && q.country == p.country &&
                        (q.kind == "person"_w || q.kind == "organisation"_w));
            });
        };
        for (std::size_t j = 0; j < n; ++j) {
            Candidate& b = d.cands[j];
            if (!live(b) || b.ev.actors.empty()) continue;
            bool has_country = false;
            for (const auto& p : b.ev.actors) has_country |= p.kind == "country"_w;
            for (const auto& p : b.ev.targets) has_country |= p.kind == "country"_w;
            if (!has_country) continue;
            const Side ba = side(j, true), bt = sym(j) ? ba : side(j, false);
            for (const std::uint32_t i : by_type.of(type_code[j])) {  // (b is live: it has one)
                Candidate& a = d.cands[i];
                if (status_code[i] != status_code[j] || i == j || !live(a) || !dates_ok(a, b))
                    continue;
                if (b.ev.location && a.ev.location && !same_place(a.ev.location, b.ev.location))
                    continue;
                const Side aa = side(i, true), at = sym(i) ? aa : side(i, false);
                bool ok = aa.any([](const Participant& q) { return q.kind == "person"_w; });
                if (!ok) continue;
                bool finer = false;  // a names a person where b names a country
                auto check = [&](const Side& from, const Side& by) {
                    from.any([&](const Participant& p) {
                        ok = covered(p, by);
                        finer |= p.kind == "country"_w &&
                                 !by.any([&](const Participant& q) { return same_pkey(q, p); });
                        return !ok;  // (one not covered: no fold, whatever `finer` is)
                    });
                };
                check(ba, aa);
                if (ok && !sym(j)) check(bt, at);
                if (!ok || !finer) continue;
                absorb(a, b);
                break;
            }
        }
        // A definite nominal repeat of an attack ("after the Israeli attack", "the
        // strike") with no day or casualties of its own is the attack already
        // reported, not a new one.
        for (std::size_t j = 0; j < n; ++j) {
            Candidate& b = d.cands[j];
            if (!live(b) || b.ev.type != "attack"_w || b.syntax == TrigSyntax::verb || b.has_cue ||
                b.attrs.contains("killed") || b.attrs.contains("injured"))
                continue;
            const Sentence& s = d.sents[b.sentence];
            bool definite = false;
            for (std::size_t t = b.tb; t-- > s.tb && t + 4 > b.tb;) {
                const auto w = d.toks[t].lower;
                if (w == "the"_w || w == "this"_w || w == "that"_w || w == "last"_w ||
                    w == "earlier"_w) {
                    definite = true;
                    break;
                }
                if (w == ","_w || w == "a"_w || w == "an"_w) break;
            }
            if (!definite) continue;
            const auto ba = keys(b.ev.actors);
            // "A drone struck Tel Aviv, killing one. The Houthis claimed the attack.": the
            // attack told just before without an attacker is the one named again
            bool named = false;
            for (std::size_t i = j; i-- > 0 && !ba.empty();) {
                Candidate& a = d.cands[i];
                if (!live(a) || a.ev.type != "attack"sv || a.sentence >= b.sentence) continue;
                if (a.sentence + 1 < b.sentence) break;
                if (!a.ev.actors.empty()) break;
                a.ev.actors = b.ev.actors;
                absorb(a, b);
                named = true;
                break;
            }
            if (named) continue;
            for (std::size_t i = j; i-- > 0;) {
                Candidate& a = d.cands[i];
                if (!live(a) || a.ev.type != "attack"sv || a.sentence >= b.sentence) continue;
                if (!subset(ba, keys(a.ev.actors))) continue;
                if (b.ev.location && a.ev.location && !same_place(a.ev.location, b.ev.location))
                    continue;
                absorb(a, b);
                break;
            }
        }
        // An event without actors folds into one of the same type that has them
        // and covers its place and targets ("the attacks in Syria" after "the US
        // launched strikes in Iraq and Syria").
        for (std::size_t j = 0; j < n; ++j) {
            Candidate& b = d.cands[j];
            if (!live(b) || !b.ev.actors.empty()) continue;
            const auto bt = keys(b.ev.targets);
            for (const std::uint32_t i : by_type.of(type_code[j])) {
                Candidate& a = d.cands[i];
                if (i == j || !live(a) || a.ev.actors.empty()) continue;
                // "Indirect talks between X and Y resumed on Saturday, mediated by Oman": one
                // negotiation, dated and with the status of the dated mention
                if (a.sentence == b.sentence && a.ev.type == "negotiation"_w && dates_ok(a, b)) {
                    std::vector<Participant> sides = a.ev.actors;
                    sides.insert(sides.end(), a.ev.targets.begin(), a.ev.targets.end());
                    const auto ka = keys(sides), kb = keys(b.ev.targets);
                    std::vector<std::string> common;
                    std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(),
                                          std::back_inserter(common));
                    if (!kb.empty() && common.empty()) continue;
                    if (!a.ev.date && b.ev.date) a.ev.status = b.ev.status;
                    absorb(a, b);
                    break;
                }
                if (a.ev.status != b.ev.status || !dates_ok(a, b)) continue;
                // the same sentence: "an Israeli strike on the building killed five"
                if (a.sentence == b.sentence && a.ev.type == "attack"_w &&
                    (!b.ev.location || !a.ev.location ||
                     same_place(a.ev.location, b.ev.location))) {
                    absorb(a, b);
                    break;
                }
                // (an attack's target state may stand for where the fuller one hit: "the
                // deadliest attack on Iranian soil" after attacks in Kerman, Iran)
                bool targets_ok = subset(bt, keys(a.ev.targets));
                if (!targets_ok && a.ev.type == "attack"_w && a.ev.location &&
                    !a.ev.location->country.empty()) {
                    targets_ok = true;
                    for (const Participant& t : b.ev.targets)
                        targets_ok &= t.kind == "country"_w && t.country == a.ev.location->country;
                }
                if (!targets_ok) continue;
                bool place_ok = !b.ev.location;
                for (const auto& p : a.places)
                    if (b.ev.location &&
                        (p.name == b.ev.location->name ||
                         (!p.country.empty() && p.country == b.ev.location->country)))
                        place_ok = true;
                if (!place_ok || (!b.ev.location && b.ev.targets.empty())) continue;
                absorb(a, b);
                break;
            }
        }
        // An attack noun inside a prepositional phrase with nobody acting, nobody hit and
        // no casualties ("detained staff in raids in X", "in retaliation for a campaign of
        // drone attacks") is only mentioned.
        for (Candidate& b : d.cands) {
            if (!live(b) || b.ev.type != "attack"_w || b.syntax == TrigSyntax::verb ||
                !b.ev.actors.empty() || !b.ev.targets.empty() || b.attrs.contains("killed") ||
                b.attrs.contains("injured"))
                continue;
            const Sentence& s = d.sents[b.sentence];
            for (std::size_t t = b.tb, steps = 0; t-- > s.tb && steps < 4; ++steps) {
                const Token& w = d.toks[t];
                if (w.lex & LPreposition) {
                    b.drop = true;
                    break;
                }
                const bool modifier =
                    (w.lex & LDeterminer) || w.lower == "and"_w || w.lower == "or"_w ||
                    (w.kind == TokKind::word && !w.cap && !has_suffix(w.lower, "ed"_w) &&
                     !has_suffix(w.lower, "ing"_w));
                if (!modifier) break;
            }
        }
        // An attack noun that is still left with nobody acting, no day and no casualties
        // ("condemned the attack", "the deadliest attack since 1979", "heavy bombardment
        // around the city") names an attack; it reports none. Nor does one that something
        // is set against ("rally support against an Israeli attack", "defend itself against
        // attacks by the group"), whoever would make it.
        for (Candidate& b : d.cands) {
            if (!live(b) || b.ev.type != "attack"_w || b.ev.date || b.attrs.contains("killed") ||
                b.attrs.contains("injured"))
                continue;
            // (and "frequent raids", "repeated strikes": a habit, not one attack, even when
            // the plural reads like a verb)
            bool against = false, habit = false;
            const Sentence& s = d.sents[b.sentence];
            for (std::size_t t = b.tb; t < b.te; ++t)  // "carried out repeated strikes"
                habit |= d.k->habitual_words.count(d.toks[t].lower) > 0;
            for (std::size_t t = b.tb, k = 0; t-- > s.tb && k < 4; ++k) {
                const Token& w = d.toks[t];
                if (w.lower == "against"_w) against = true;
                if (d.k->habitual_words.count(w.lower)) habit = true;
                if (against || habit || w.kind != TokKind::word ||
                    (w.lex & (LPreposition | LSubordinator)))
                    break;
            }
            if (habit || (b.syntax != TrigSyntax::verb && (b.ev.actors.empty() || against)))
                b.drop = true;
        }
        // Talks or a meeting of bodies only (no state, no person), with no day, no place
        // and no go-between ("merged the two summits into one meeting", "after talks hosted
        // by the agency") name a gathering; they report none.
        for (Candidate& b : d.cands) {
            if (!live(b) || (b.ev.type != "meeting"_w && b.ev.type != "negotiation"_w) ||
                b.ev.date || b.ev.location || !b.mediators.empty())
                continue;
            bool bodies = true;
            for (const auto* v : {&b.ev.actors, &b.ev.targets})
                for (const Participant& p : *v) bodies &= p.kind == "organisation"_w;
            if (bodies) b.drop = true;
        }
    }

    bool subsume_ = true;
    bool precision_ = true;
};

}  // namespace

void retype(Event& ev, const EventTypeInfo& ti) {
    ev.type = ti.name;
    ev.category = ti.category;
    ev.plover_type = ti.plover_type;
    ev.plover_mode = ti.plover_mode;
    ev.cameo = ti.cameo;
}

bool retype(Event& ev, const Knowledge& k, std::string_view name) {
    for (const auto& ti : k.types)
        if (ti.name == name) {
            retype(ev, ti);
            return true;
        }
    return false;
}

void add_evidence(const Doc& d, Candidate& c) {
    if (!c.evidence.empty()) return;
    set_evidence(d, c, sentence_span(d, d.sents[c.sentence]));
}

void fill_evidence(const Article& a, const Candidate& c, Event& ev) {
    ev.evidence.reserve(c.evidence.size());
    // (each Evidence made from its fields, then moved in: no empty strings assigned to
    // after; braces, because clang 14, the fuzz build's compiler, cannot emplace an aggregate)
    for (const EvidenceSpan& s : c.evidence)
        ev.evidence.push_back(Evidence{
            a.id, a.url, utf8_copy(std::string_view(a.text).substr(s.start, s.end - s.start)),
            s.start, s.end});
}

std::unique_ptr<Stage> make_modality_stage() {
    return std::make_unique<ModalityStage>();
}
std::unique_ptr<Stage> make_dates_stage() {
    return std::make_unique<DatesStage>();
}
std::unique_ptr<Stage> make_attributes_stage() {
    return std::make_unique<AttributesStage>();
}
std::unique_ptr<Stage> make_region_stage() {
    return std::make_unique<RegionStage>();
}
std::unique_ptr<Stage> make_merge_stage() {
    return std::make_unique<MergeStage>();
}

}  // namespace herald::processors

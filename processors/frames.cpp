// Occasion frames (see frames.hpp).
//
// Rule families, each tested in tests/unit/processors/test_frames.cpp:
// - the frame: the occasion the lede tells (its meeting, talks, agreement or visit) with
//   one place (two places in the lede are two occasions: no frame), else the venue of
//   "at a meeting in X" in the lede; its day; its parties;
// - outcome at an occasion: "The decision was taken at a meeting ... in X" places the
//   agreement told just before and tells the meeting of its parties there;
// - attendance: "<the occasion>, hosted by X and attended by Y" adds X and Y to the
//   frame's meeting (a separate "attended by" meeting folds into it);
// - members: a later meeting, talks or agreement with no place of its own that refers back
//   ("the talks", "the meeting", "Wednesday's session"), names the frame's place in its
//   sentence, or has the frame's parties on its day takes the frame's place (and day);
//   its participants join the frame; a saying (statement, appeal, rejection, proposal) of a
//   frame participant on the frame's day takes the frame's place (so a non-MENA speaker at
//   an occasion held in the region passes the region filter);
//   (a person's, or a state's or body's with a back-reference; not in the lede);
// - the frame's visit: "X, on a two-day visit, held talks" (no destination) by a frame party
//   from another state is the visit to the frame's place; an undated meeting of a frame party
//   at the frame's place takes its day;
// - boundaries: "The envoy's visit followed a meeting on Saturday in Aqaba": the place after
//   another occasion told as before/after the visit is that occasion's (told as a meeting of
//   the parties its "where" clause names); the visit of a frame party is the frame's, and
//   what inherited the wrong place from it follows;
// - saying venues: a saying's own framing phrase places it ("In London, X said", "Speaking
//   at a news conference in Tehran, X said", "X told reporters at Vienna airport"), over a
//   place it only inherited;
// - never: a past perfect, a habit, a clause moved in time ("since", "at the time", "days
//   after"), another round ("last", "previous"), another day, another place named in the
//   sentence.
// Lexicon lists (config/extraction/lexicon.yaml): occasion_nouns, outcome_nouns,
// outcome_verbs, attendance_words, audience_nouns, venue_participles.
#include "processors/frames.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "processors/lit.hpp"
#include "processors/stage.hpp"

namespace herald::processors {
namespace {

bool occasion_type(std::string_view t) {
    return t == "meeting"_w || t == "negotiation"_w || t == "agreement"_w;
}
bool saying_type(std::string_view t) {
    return t == "statement"_w || t == "appeal"_w || t == "rejection"_w || t == "proposal"_w;
}
bool live(const Candidate& c) {
    return !c.drop && !c.carrier;
}

// A place below the level of its country (a city, a resort, a region of it).
bool below_country(const Knowledge& k, const Place& p) {
    if (p.country.empty()) return false;
    const Participant* c = k.country_of_code(p.country);
    return !c || c->name != p.name;
}

bool same_party(const Participant& a, const Participant& b) {
    if (a.kind != b.kind) return false;
    if (a.kind == "country"_w) return a.country == b.country;
    return a.name == b.name;
}

struct Frame {
    std::optional<Place> place;
    std::optional<std::string> day;
    std::vector<Participant> parts;  // pooled: the lede's parties and the members'
    std::size_t lede_end = 0;        // the first sentence after the lede
    std::size_t meeting = SIZE_MAX;  // the frame's meeting (index into Doc::cands)

    void add_party(const Participant& p) {
        if (std::none_of(parts.begin(), parts.end(),
                         [&](const Participant& q) { return same_party(p, q); }))
            parts.push_back(p);
    }
    // A party of the frame: the same person, group, body or state, or a person of a state
    // the frame names as a state.
    bool has_party(const Participant& p) const {
        for (const Participant& q : parts) {
            if (same_party(p, q)) return true;
            if (p.kind == "person"_w && q.kind == "country"_w && !p.country.empty() &&
                p.country == q.country)
                return true;
        }
        return false;
    }
    // The place `p` is the frame's (the same, or its country when the frame's place is a
    // city of it).
    bool same_place(const Knowledge& k, const Place& p) const {
        if (!place || p.country != place->country) return false;
        return p.name == place->name || !below_country(k, p);
    }
};

// A determiner or possessive that makes the noun at `u` refer back: "the talks", "this
// meeting", "their discussions", "Wednesday's session".
bool definite_at(const Doc& d, std::size_t u, std::size_t sent_b) {
    if (u <= sent_b) return false;
    const auto w = d.toks[u - 1].lower;
    if (in(w, {"the", "this", "that", "their", "these"})) return true;
    return w == "'s"_w && u >= sent_b + 2 && has(d.toks[u - 2], WWeekday);
}

// The sentence refers back to an occasion: a definite occasion noun ("the talks").
bool refers_back(const Doc& d, const Sentence& s) {
    for (std::size_t u = s.tb + 1; u < s.te; ++u)
        if (has(d.toks[u], WOccasionNoun) && !d.toks[u].in_quote && definite_at(d, u, s.tb))
            return true;
    return false;
}

// "said at the time", "then": the sentence tells another time.
bool at_the_time(const Doc& d, const Sentence& s) {
    for (std::size_t t = s.tb; t < s.te; ++t) {
        if (d.toks[t].in_quote) continue;
        if (d.toks[t].lower == "then"_w && t > s.tb && d.toks[t - 1].lower != "and"_w &&
            d.toks[t - 1].lower != ","_w)
            return true;
        if (t + 2 < s.te && d.toks[t].lower == "at"_w && d.toks[t + 1].lower == "the"_w &&
            d.toks[t + 2].lower == "time"_w)
            return true;
    }
    return false;
}

// "last met", "previous talks", "an earlier visit": a word right before the trigger puts it
// at another time.
bool earlier_round(const Doc& d, const Candidate& c) {
    const std::size_t from = d.sents[c.sentence].tb;
    for (std::size_t t = c.tb; t > from && t + 3 > c.tb; --t)
        if (in(d.toks[t - 1].lower, {"last", "previous", "earlier", "past", "former", "first"}))
            return true;
    // "The talks last took place ..."
    return c.te < d.sents[c.sentence].te &&
           in(d.toks[c.te].lower, {"last", "previously", "earlier", "first"});
}

// A place named in the sentence (with a locative preposition) that is not the frame's.
bool other_place_in(const Doc& d, const Sentence& s, const Frame& f) {
    for (std::size_t mi = d.mention_from(s.tb); mi < d.mentions.size() && d.mentions[mi].tb < s.te;
         ++mi) {
        const Mention& m = d.mentions[mi];
        if (!m.place || !m.place_concrete || m.in_quote) continue;
        if (!in(m.prep, {"in", "at", "to", "from"})) continue;
        // ("officials from Qatar": a party, not a place)
        if (m.part && (m.part->kind != "country"_w || !in(m.prep, {"in", "at"}))) continue;
        if (!f.same_place(*d.k, *m.place)) return true;
    }
    return false;
}

// The frame's place named in the sentence after "in"/"at" ("who was also in Moscow").
bool frame_place_in(const Doc& d, const Sentence& s, const Frame& f) {
    if (!f.place || !below_country(*d.k, *f.place)) return false;
    for (std::size_t mi = d.mention_from(s.tb); mi < d.mentions.size() && d.mentions[mi].tb < s.te;
         ++mi) {
        const Mention& m = d.mentions[mi];
        if (m.place && !m.in_quote && in(m.prep, {"in", "at"}) && m.place->name == f.place->name)
            return true;
    }
    return false;
}

// Adds `p` where it is not yet among the candidate's parties.
void add_target(Candidate& c, const Participant& p) {
    for (const auto* v : {&c.ev.actors, &c.ev.targets})
        for (const Participant& q : *v)
            if (same_party(p, q)) return;
    c.ev.targets.push_back(p);
}

// "The decision was taken at a meeting of ... in Riyadh": the outcome the sentence before
// told (an agreement) was reached at that occasion, in that place. Places the agreement and
// returns the meetings to tell (copies of it).
std::vector<Candidate> outcome_at_occasion(Doc& d) {
    const Knowledge& k = *d.k;
    std::vector<Candidate> meetings;
    for (std::size_t si = 1; si < d.sents.size(); ++si) {
        const Sentence& s = d.sents[si];
        std::size_t t = s.tb;
        if (t + 3 >= s.te || d.toks[t].lower != "the"_w || !has(d.toks[t + 1], WOutcomeNoun))
            continue;
        // "at a/the <occasion noun>" soon after the outcome's verb
        std::size_t occ = SIZE_MAX;
        for (std::size_t u = t + 3; u < s.te && u < t + 9; ++u)
            if (has(d.toks[u], WOccasionNoun) && d.toks[u - 2].lower == "at"_w &&
                in(d.toks[u - 1].lower, {"a", "an", "the"})) {
                occ = u;
                break;
            }
        if (occ == SIZE_MAX) continue;
        // reached there ("was taken/reached/made at"), not judged there ("was criticised at")
        bool reached = false;
        for (std::size_t u = t + 2; u + 2 < occ; ++u)
            reached = reached || has(d.toks[u], WOutcomeVerb);
        if (!reached) continue;
        // the place of that occasion, before the clause ends
        const Place* where = nullptr;
        for (std::size_t mi = d.mention_from(occ);
             mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
            const Mention& m = d.mentions[mi];
            if (m.place && m.place_concrete && in(m.prep, {"in", "at"}) && !m.in_quote &&
                below_country(k, *m.place)) {
                where = m.place;
                break;
            }
        }
        if (!where) continue;
        // the agreement told in the sentence before (a dated one first); all its
        // agreements there take the place
        Candidate* a = nullptr;
        for (Candidate& c : d.cands)
            if (live(c) && c.sentence + 1 == si && c.ev.type == "agreement"_w &&
                c.ev.status == "occurred"_w && !c.ev.location &&
                c.ev.actors.size() + c.ev.targets.size() >= 2) {
                c.ev.location = *where;
                c.inherited_location = true;
                if (!a || (!a->ev.date && c.ev.date)) a = &c;
            }
        if (!a) continue;
        bool told = false;
        for (const Candidate& c : d.cands)
            if (live(c) && c.sentence == si &&
                (c.ev.type == "meeting"_w || c.ev.type == "negotiation"_w))
                told = true;
        if (told) continue;
        Candidate m = *a;
        if (!retype(m.ev, k, "meeting")) continue;
        m.sentence = si;
        m.tb = occ;
        m.te = occ + 1;
        m.syntax = TrigSyntax::noun;
        m.has_cue = false;
        m.evidence.clear();
        m.places.assign(1, *where);
        add_evidence(d, m);
        meetings.push_back(std::move(m));
    }
    return meetings;
}

// The place a saying's own clause gives it: "In London, X said", "Speaking at a news
// conference in Tehran, X said", "X told reporters at Vienna airport". The last concrete place
// after "in"/"at" in the framing phrase (a city rather than its country).
const Place* place_among(const Doc& d, std::size_t from, std::size_t to) {
    const Place* best = nullptr;
    for (std::size_t mi = d.mention_from(from); mi < d.mentions.size() && d.mentions[mi].tb < to;
         ++mi) {
        const Mention& m = d.mentions[mi];
        if (!m.place || !m.place_concrete || m.in_quote || !in(m.prep, {"in", "at"})) continue;
        if (m.part && m.part->kind != "country"_w) continue;
        if (best && below_country(*d.k, *best) && !below_country(*d.k, *m.place)) continue;
        best = m.place;
    }
    return best;
}

void saying_venues(Doc& d) {
    for (Candidate& c : d.cands) {
        if (!live(c) || !saying_type(c.ev.type) || c.syntax != TrigSyntax::verb) continue;
        if (c.ev.location && !c.inherited_location) continue;
        const Sentence& s = d.sents[c.sentence];
        if (d.toks[c.tb].in_quote) continue;
        const Place* where = nullptr;
        // a fronted framing phrase up to its comma: "In London,", "Speaking ... in Tehran ...,"
        const Token& first = d.toks[s.tb];
        const bool fronted_in = first.lower == "in"_w;
        const bool fronted_participle = has(first, WVenueParticiple);
        if (fronted_in || fronted_participle) {
            std::size_t comma = s.tb + 1;
            while (comma < c.tb && d.toks[comma].lower != ","_w) ++comma;
            if (comma < c.tb) {
                // the speaker follows the comma ("In London, X said"; "..., the court's
                // president, X, said"), not a new clause ("In Paris, talks stalled, and X said")
                bool subject_next = false;
                for (std::size_t mi = d.mention_from(comma + 1);
                     mi < d.mentions.size() && d.mentions[mi].tb < c.tb && !subject_next; ++mi) {
                    const Mention& m = d.mentions[mi];
                    if (!m.part || !m.prep.empty()) continue;
                    bool clause = false;
                    for (std::size_t u = comma + 1; u < m.tb; ++u)
                        clause = clause || in(d.toks[u].lower, {"and", "but", "while", "as"}) ||
                                 (d.toks[u].lex & LVerbCue) != 0;
                    if (clause) break;
                    for (const Participant& a : c.ev.actors)
                        subject_next = subject_next || same_party(a, *m.part);
                    if (!subject_next) break;
                }
                if (subject_next && (!fronted_in || comma <= s.tb + 5))
                    where = place_among(d, s.tb, comma);
            }
        }
        // after the verb: "told reporters/a news conference ... in/at X" (before "that" or a
        // quote)
        if (!where) {
            // (the place right after the audience: "told reporters in Paris", not "told
            // reporters the talks in Paris had failed")
            std::size_t audience = SIZE_MAX;
            std::size_t end = c.te;
            for (; end < s.te && end < c.te + 9; ++end) {
                const Token& w = d.toks[end];
                if (w.kind == TokKind::quote || w.lower == "that"_w || w.lower == ","_w) break;
                if (has(w, WAudienceNoun)) audience = end;
            }
            if (audience != SIZE_MAX)
                where = place_among(d, audience + 1, std::min(end, audience + 5));
        }
        if (!where) continue;
        c.ev.location = *where;
        c.inherited_location = false;
        if (c.places.empty())
            c.places.push_back(*where);
        else
            c.places.front() = *where;
    }
}

// The lede's occasion (see the top of this file); no place, no frame.
std::optional<Frame> lede_frame(const Doc& d, const FrameTests& tests) {
    const Knowledge& k = *d.k;
    if (d.sents.empty()) return std::nullopt;
    Frame f;
    const std::size_t para = d.sents[0].paragraph;
    f.lede_end = d.sents.size() > 1 && d.sents[1].paragraph == para ? 2 : 1;
    bool conflict = false, day_conflict = false;
    for (std::size_t ci = 0; ci < d.cands.size(); ++ci) {
        const Candidate& c = d.cands[ci];
        if (!live(c) || c.sentence >= f.lede_end) continue;
        const bool talks = c.ev.type == "meeting"_w || c.ev.type == "negotiation"_w;
        const bool ok_status = c.ev.status == "occurred"_w || (talks && c.ev.status == "ongoing"_w);
        if (!ok_status || (!occasion_type(c.ev.type) && c.ev.type != "visit"_w)) continue;
        if (tests.past_perfect && tests.past_perfect(d, c)) continue;
        if (c.ev.location && !c.ev.location->country.empty()) {
            const Place& p = *c.ev.location;
            if (!f.place)
                f.place = p;
            else if (p.country != f.place->country)
                conflict = true;
            else if (below_country(k, p) && below_country(k, *f.place) && p.name != f.place->name)
                conflict = true;
            else if (below_country(k, p))
                f.place = p;
        }
        if (c.ev.date && c.ev.status == "occurred"_w) {
            if (f.day && *f.day != *c.ev.date) day_conflict = true;
            f.day = c.ev.date;
        }
        for (const auto* v : {&c.ev.actors, &c.ev.targets})
            for (const Participant& p : *v) f.add_party(p);
        if (talks && (f.meeting == SIZE_MAX ||
                      (c.ev.type == "meeting"_w && d.cands[f.meeting].ev.type != "meeting"_w)))
            f.meeting = ci;
    }
    if (conflict) return std::nullopt;
    // "agreed on Sunday ..., at a meeting in the Jordanian capital": the venue of an occasion
    // noun in the lede
    if (!f.place)
        for (std::size_t si = 0; si < f.lede_end; ++si) {
            const Sentence& s = d.sents[si];
            for (std::size_t mi = d.mention_from(s.tb);
                 mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
                const Mention& m = d.mentions[mi];
                if (!m.place || !m.place_concrete || m.in_quote || !in(m.prep, {"in", "at"}))
                    continue;
                bool occasion = false;
                for (std::size_t u = m.tb; u-- > s.tb && u + 5 > m.tb;)
                    if (has(d.toks[u], WOccasionNoun)) occasion = true;
                if (!occasion) continue;
                if (f.place && !(*f.place == *m.place)) return std::nullopt;
                f.place = *m.place;
            }
        }
    // "X met Y in Damascus on Sunday and called for ...": else the one place the lede's own
    // diplomatic events name (not inherited)
    if (!f.place) {
        std::vector<std::size_t> located;
        for (std::size_t ci = 0; ci < d.cands.size(); ++ci) {
            const Candidate& c = d.cands[ci];
            if (!live(c) || c.sentence >= f.lede_end || c.ev.status != "occurred"_w ||
                c.ev.category != "diplomacy"_w || !c.ev.location || c.inherited_location ||
                !below_country(k, *c.ev.location))
                continue;
            if (f.place && !(*f.place == *c.ev.location)) return std::nullopt;
            f.place = c.ev.location;
            located.push_back(ci);
        }
        for (const std::size_t ci : located)
            for (const auto* v : {&d.cands[ci].ev.actors, &d.cands[ci].ev.targets})
                for (const Participant& p : *v) f.add_party(p);
    }
    if (!f.place) return std::nullopt;
    if (day_conflict) f.day.reset();
    if (!f.day && d.pub_day && tests.sentence_day)
        if (auto x = tests.sentence_day(d.sents[0])) f.day = format_date(civil_from_days(*x));
    return f;
}

// "The talks, hosted by Jordan and attended by officials from X and Y, ...": who the
// attendance participles name joins the frame's meeting.
void attendance(Doc& d, Frame& f) {
    const Knowledge& k = *d.k;
    if (f.meeting == SIZE_MAX) return;
    for (std::size_t si = 0; si < d.sents.size(); ++si) {
        const Sentence& s = d.sents[si];
        for (std::size_t t = s.tb + 1; t + 2 < s.te; ++t) {
            if (d.toks[t + 1].lower != "by"_w || !has(d.toks[t], WAttendanceWord) ||
                d.toks[t].in_quote)
                continue;
            // ", attended by", "and hosted by", "The talks were (also) attended by"
            if (!in(d.toks[t - 1].lower, {",", "and", "was", "were", "been", "also"})) continue;
            // the occasion noun it hangs on, definite after the lede
            std::size_t occ = SIZE_MAX;
            for (std::size_t u = t; u-- > s.tb && u + 16 > t;) {
                if (has(d.toks[u], WOccasionNoun)) {
                    occ = u;
                    break;
                }
            }
            if (occ == SIZE_MAX) continue;
            // a named gathering ("the China-Arab States Cooperation Forum") from its first word
            std::size_t head = occ;
            while (d.toks[head].cap && head > s.tb + 1 && head + 8 > occ &&
                   (d.toks[head - 1].cap || d.toks[head - 1].lower == "-"_w ||
                    d.toks[head - 1].lower == "of"_w))
                --head;
            if (d.toks[head].lower == "-"_w || d.toks[head].lower == "of"_w) ++head;
            // (in the lede: the occasion noun of the frame's own event, "for a forum")
            bool definite = false;
            for (const Candidate& c : d.cands)
                if (si < f.lede_end && live(c) && c.sentence == si && c.tb <= occ && occ < c.te &&
                    (c.ev.type == "meeting"_w || c.ev.type == "negotiation"_w))
                    definite = true;
            for (std::size_t u = head + 1; u-- > s.tb && u + 4 > head;)
                if (definite_at(d, u, s.tb)) definite = true;
            if (!definite) continue;
            bool shifted = false;  // "last month's talks", "days before a summit"
            for (std::size_t u = head; u-- > s.tb && u + 4 > head;)
                if (in(d.toks[u].lower,
                       {"last", "previous", "earlier", "past", "next", "before", "after", "ahead"}))
                    shifted = true;
            if (shifted) continue;
            // the clause: up to a comma that does not continue the list, a verb or a quote
            std::size_t end = t + 2;
            for (; end < s.te; ++end) {
                const Token& w = d.toks[end];
                if (w.kind == TokKind::quote || w.lower == ";"_w) break;
                if (!w.cap && in(w.lower, {"who", "which", "that", "where", "were", "was", "is",
                                           "are", "said", "says"}))
                    break;
                if (w.lower == ","_w) {
                    if (end + 1 >= s.te) break;
                    const Token& n = d.toks[end + 1];
                    if (!(n.cap || n.lower == "the"_w || n.lower == "and"_w)) break;
                }
            }
            // another place or day in the clause: another occasion
            bool other = false;
            for (std::size_t mi = d.mention_from(occ);
                 mi < d.mentions.size() && d.mentions[mi].tb < end; ++mi) {
                const Mention& m = d.mentions[mi];
                if (m.place && !m.part && m.place_concrete && !f.same_place(k, *m.place))
                    other = true;
            }
            if (other) continue;
            Candidate& meet = d.cands[f.meeting];
            for (std::size_t mi = d.mention_from(t + 2);
                 mi < d.mentions.size() && d.mentions[mi].tb < end; ++mi) {
                const Mention& m = d.mentions[mi];
                if (!m.part || m.in_quote || m.possessive || m.modifier) continue;
                const auto kind = m.part->kind;
                if (kind != "person"_w && kind != "country"_w && kind != "organisation"_w &&
                    kind != "group"_w)
                    continue;
                add_target(meet, *m.part);
                for (const Participant& x : m.extra) add_target(meet, x);
                f.add_party(*m.part);
            }
            // a meeting told by the participle itself is the frame's
            for (std::size_t ci = 0; ci < d.cands.size(); ++ci) {
                Candidate& c = d.cands[ci];
                if (ci == f.meeting || !live(c) || c.sentence != si || c.tb < t || c.tb >= end ||
                    c.ev.type != "meeting"_w || c.ev.location)
                    continue;
                if (c.ev.date && f.day && *c.ev.date != *f.day) continue;
                for (const auto* v : {&c.ev.actors, &c.ev.targets})
                    for (const Participant& p : *v) add_target(meet, p);
                c.drop = true;
            }
            t = end;
        }
    }
}

// "The envoy's visit followed a meeting on Saturday in Aqaba": the place after another,
// indefinite occasion noun is that occasion's, not the visit's (that meeting goes to `made`). The
// visit of a frame party is the frame's (its place and day); the events that only inherited the
// wrong place from the visit take the visit's new one.
void misplaced_visits(Doc& d, const Frame* f, std::vector<Candidate>& made) {
    const Knowledge& k = *d.k;
    for (Candidate& c : d.cands) {
        if (!live(c) || c.ev.type != "visit"_w || !c.ev.location || c.inherited_location) continue;
        const Sentence& s = d.sents[c.sentence];
        std::size_t at = SIZE_MAX;  // the place's mention after the trigger
        for (std::size_t mi = d.mention_from(c.te);
             mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi)
            if (d.mentions[mi].place && d.mentions[mi].place->name == c.ev.location->name) {
                at = d.mentions[mi].tb;
                break;
            }
        if (at == SIZE_MAX) continue;
        // the other occasion's noun, told as before or after the visit ("followed a
        // meeting", "came days after a summit"; not "a visit for a summit in X")
        std::size_t other = SIZE_MAX;
        bool when = false;
        for (std::size_t u = c.te; u < at; ++u) {
            when = when || in(d.toks[u].lower, {"followed", "follows", "following", "after",
                                                "before", "preceded", "precedes", "ahead"});
            if (u > c.te && when && !d.toks[u].in_quote && in(d.toks[u - 1].lower, {"a", "an"}) &&
                (has(d.toks[u], WOccasionNoun) || has(d.toks[u], WGatheringNoun)) &&
                !has(d.toks[u], WVisitNoun))
                other = u;
        }
        if (other == SIZE_MAX) continue;
        const Place old = *c.ev.location;
        // that occasion is told too: a meeting there, on the day the clause gave, of the
        // parties a "where" clause after the place names ("..., where ministers from A, B and
        // C backed ...")
        bool told = false;
        for (const Candidate& x : d.cands)
            told = told || (live(x) && x.sentence == c.sentence && x.tb <= other && x.te > other);
        if (!told && c.ev.status == "occurred"_w) {
            Candidate m = c;
            if (retype(m.ev, k, "meeting")) {
                m.tb = other;
                m.te = other + 1;
                m.syntax = TrigSyntax::noun;
                m.attrs.ordinal.reset();  // the visit's, not the meeting's
                m.ev.actors.clear();
                m.ev.targets.clear();
                m.places.assign(1, old);
                std::size_t w = at;
                while (w < s.te && d.toks[w].lower != "where"_w) ++w;
                for (std::size_t mi = d.mention_from(w);
                     w < s.te && mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
                    const Mention& x = d.mentions[mi];
                    if (in(x.prep, {"in", "on", "to", "into", "at"})) break;
                    if (!x.part || x.in_quote || x.possessive || x.modifier) continue;
                    if (x.adjective && !x.people) continue;
                    m.ev.actors.push_back(*x.part);
                }
                if (m.ev.actors.size() >= 2) made.push_back(std::move(m));
            }
        }
        bool party = false;
        if (f)
            for (const Participant& p : c.ev.actors) party = party || f->has_party(p);
        if (party) {
            c.ev.location = f->place;
            c.ev.date = f->day;
        } else {
            c.ev.location.reset();
        }
        if (!c.places.empty()) c.places.erase(c.places.begin());
        // a target that only named the wrong place's state goes with it
        std::erase_if(c.ev.targets, [&](const Participant& p) {
            return p.kind == "country"_w && p.country == old.country;
        });
        if (c.ev.location)
            if (const Participant* cp = k.country_of_code(c.ev.location->country))
                add_target(c, *cp);
        for (Candidate& x : d.cands) {
            if (!live(x) || &x == &c || !x.inherited_location || !x.ev.location ||
                !(*x.ev.location == old))
                continue;
            bool shares = false;
            for (const auto* v : {&x.ev.actors, &x.ev.targets})
                for (const Participant& p : *v)
                    for (const Participant& q : c.ev.actors) shares = shares || same_party(p, q);
            if (shares) x.ev.location = c.ev.location;
        }
    }
}

// "X, on a two-day visit, held talks with Y": a visit with no destination of its own
// (a carrier) by a frame party from another state is the visit to the frame's place.
void frame_visits(Doc& d, const Frame& f, const FrameTests& tests) {
    const Knowledge& k = *d.k;
    if (!f.place || !below_country(k, *f.place)) return;
    for (Candidate& c : d.cands) {
        if (c.drop || !c.carrier || c.ev.type != "visit"_w || c.ev.status != "occurred"_w ||
            c.ev.location || c.sentence < f.lede_end)
            continue;
        if ((tests.past_perfect && tests.past_perfect(d, c)) ||
            (tests.time_shift_before && tests.time_shift_before(d, c)))
            continue;
        if (c.ev.actors.size() != 1) continue;
        const Participant& v = c.ev.actors.front();
        if (!f.has_party(v) || v.country.empty() || v.country == f.place->country) continue;
        const Sentence& s = d.sents[c.sentence];
        if (other_place_in(d, s, f) || at_the_time(d, s)) continue;
        if (c.ev.date && f.day && *c.ev.date != *f.day) continue;
        if (earlier_round(d, c)) continue;
        c.carrier = false;
        c.ev.location = f.place;
        c.inherited_location = true;
        c.places.assign(1, *f.place);
        if (const Participant* cp = k.country_of_code(f.place->country)) add_target(c, *cp);
    }
}

// Later events that refer back to the frame take its place (and day).
void members(Doc& d, Frame& f, const FrameTests& tests) {
    const Knowledge& k = *d.k;
    std::size_t si_done = SIZE_MAX;
    bool def = false, named = false, other = false;
    for (std::size_t ci = 0; ci < d.cands.size(); ++ci) {
        Candidate& c = d.cands[ci];
        // (the lede's second sentence too, for what did not give the frame its place)
        if (!live(c) || c.sentence == 0 || (c.sentence < f.lede_end && c.ev.location) ||
            ci == f.meeting)
            continue;
        const bool occasion = occasion_type(c.ev.type);
        if (!occasion && !saying_type(c.ev.type)) continue;
        // (sayings only after the lede: the lede's own sayings may be made elsewhere)
        if (!occasion && c.sentence < f.lede_end) continue;
        if (c.sentence != si_done) {
            si_done = c.sentence;
            const Sentence& s = d.sents[c.sentence];
            def = refers_back(d, s);
            named = frame_place_in(d, s, f);
            other = other_place_in(d, s, f) || at_the_time(d, s);
        }
        // (a sentence naming another place: only events already at the frame's place)
        if (other && !(c.ev.location && f.same_place(k, *c.ev.location))) continue;
        const bool talks = c.ev.type == "meeting"_w || c.ev.type == "negotiation"_w;
        if (c.ev.status != "occurred"_w && !(talks && def && c.ev.status == "ongoing"_w)) continue;
        if ((tests.past_perfect && tests.past_perfect(d, c)) ||
            (tests.time_shift_before && tests.time_shift_before(d, c)) ||
            (tests.background && tests.background(d, c)))
            continue;
        if (c.ev.date && f.day && *c.ev.date != *f.day) continue;
        // another round ("the talks last took place", "their previous meeting")
        if (earlier_round(d, c)) continue;
        const bool same_day = c.ev.date && f.day && *c.ev.date == *f.day;
        if (c.ev.location) {
            // a located event of the frame's place and day is a member: its parties join;
            // undated, with a frame party, it took place on the frame's day
            if (occasion && f.same_place(k, *c.ev.location) && (same_day || !c.ev.date)) {
                bool shares = false;
                for (const auto* v : {&c.ev.actors, &c.ev.targets})
                    for (const Participant& p : *v) shares = shares || f.has_party(p);
                if (!c.ev.date && shares && f.day && c.ev.status == "occurred"_w) c.ev.date = f.day;
                for (const auto* v : {&c.ev.actors, &c.ev.targets})
                    for (const Participant& p : *v) f.add_party(p);
            }
            continue;
        }
        bool party = false;
        if (occasion) {
            for (const auto* v : {&c.ev.actors, &c.ev.targets})
                for (const Participant& p : *v) party = party || f.has_party(p);
            if (!(def || named || (party && same_day))) continue;
            c.ev.location = f.place;
            c.inherited_location = true;
            if (!c.ev.date && f.day && c.ev.status == "occurred"_w) c.ev.date = f.day;
            for (const auto* v : {&c.ev.actors, &c.ev.targets})
                for (const Participant& p : *v) f.add_party(p);
            continue;
        }
        // a saying: its speaker took part (exactly that person; a state or body only when
        // the sentence refers back to the occasion)
        for (const Participant& p : c.ev.actors)
            for (const Participant& q : f.parts)
                party = party || (same_party(p, q) && (def || p.kind == "person"_w));
        // (undated: a participating person's saying later in the story of the occasion)
        if (!party || !(same_day || !c.ev.date)) continue;
        c.ev.location = f.place;
        c.inherited_location = true;
    }
}

}  // namespace

void occasion_frames(Doc& d, const FrameTests& tests) {
    if (!d.k) return;
    saying_venues(d);
    std::vector<Candidate> told = outcome_at_occasion(d);
    std::optional<Frame> f = lede_frame(d, tests);
    misplaced_visits(d, f ? &*f : nullptr, told);
    if (f) {
        attendance(d, *f);
        members(d, *f, tests);
        frame_visits(d, *f, tests);
    }
    // in sentence order, after the candidates of its sentence
    for (Candidate& m : told) {
        auto at = std::find_if(d.cands.begin(), d.cands.end(),
                               [&](const Candidate& c) { return c.sentence > m.sentence; });
        d.cands.insert(at, std::move(m));
    }
}

}  // namespace herald::processors

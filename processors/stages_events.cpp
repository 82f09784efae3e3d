// Stage `events`: trigger patterns (data) + argument slots (shallow syntax).
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "common/text.hpp"
#include "config/diagnostics.hpp"
#include "processors/arguments.hpp"
#include "processors/stage.hpp"

namespace herald::processors {

using namespace std::string_view_literals;

namespace {

struct Match {
    std::size_t tb = 0, te = 0;
    std::uint32_t trig = 0;
};

// The first token of a date right before a noun at `b` ("the Oct. 7 attack", "the 7 October
// attack"), else SIZE_MAX: the noun names a known event by its day.
std::size_t date_named(const Doc& d, const Sentence& s, std::size_t b) {
    if (b >= s.tb + 2 && has(d.toks[b - 1], WMonth) && d.toks[b - 2].kind == TokKind::number)
        return b - 2;
    std::size_t t = b;
    if (t > s.tb && d.toks[t - 1].kind == TokKind::number) --t;
    if (t == b) return SIZE_MAX;
    if (t > s.tb && d.toks[t - 1].text == "."_w) --t;
    return t > s.tb && has(d.toks[t - 1], WMonth) ? t - 1 : SIZE_MAX;
}

constexpr std::size_t kGap = 7;
constexpr std::size_t kSkips = 3;

bool hard_punct(const Token& t) {
    return t.kind == TokKind::quote ||
           (t.kind == TokKind::punct && t.text != "-"_w && t.text != "'"_w);
}

// "Wang Yi held talks in Cairo with his Egyptian counterpart Sameh Shoukry at the start of
// a tour of Africa": a meeting in a named place of state S between a host of S on one side
// and foreign persons on the other (persons of another state, none of them posted there:
// `resident_titles`), told in a sentence that calls it a visit (`meeting_visit_nouns`
// outside quotes: "in the highest-level Turkish visit since", "X's visit also included
// talks with"), is also those persons' visit to that place. The side that is all foreign
// persons visits; the other side must hold a party of S. A meeting abroad alone is no
// visit (a summit's side meetings, talks at the White House). (Receptions, "X received Y
// in Riyadh", are told by the reception rule before this one.)
// (`visit_words`: k.meeting_visit_nouns's prefilter)
std::optional<Candidate> visit_of_meeting_abroad(const Doc& d, const Knowledge& k,
                                                 const WordPrefilter& visit_words,
                                                 const Candidate& cd) {
    if (cd.ev.type != "meeting"_w || !cd.ev.location || cd.ev.location->country.empty())
        return std::nullopt;
    const std::string& host = cd.ev.location->country;
    const auto foreign_persons = [&](const std::vector<Participant>& side) {
        // (a person of no known state counts when a foreign state stands by: "a Russian
        // delegation led by Deputy Defence Minister X")
        const bool state = std::any_of(side.begin(), side.end(), [&](const Participant& p) {
            return p.kind == "country"_w && !p.country.empty() && p.country != host;
        });
        bool person = false;
        for (const Participant& p : side) {
            if (p.kind != "person"_w) continue;
            if (p.country == host || (p.country.empty() && !state)) return false;
            const std::string role = ascii_lower(p.role);
            for (const auto w : split(role, ' '))
                if (k.resident_titles.count(w)) return false;
            person = true;
        }
        return person && std::none_of(side.begin(), side.end(),
                                      [&](const Participant& p) { return p.country == host; });
    };
    const auto has_host = [&](const std::vector<Participant>& side) {
        return std::any_of(side.begin(), side.end(),
                           [&](const Participant& p) { return p.country == host; });
    };
    // (the cheap tests first: a host on either side, then the sentence's words; the
    // foreign persons, whose titles are looked up word by word, last)
    const bool host_targets = has_host(cd.ev.targets), host_actors = has_host(cd.ev.actors);
    if (!host_targets && !host_actors) return std::nullopt;
    const Sentence& s = d.sents[cd.sentence];
    bool called_visit = false;
    for (std::size_t t = s.tb; t < s.te && !called_visit; ++t)
        called_visit = !d.toks[t].in_quote && visit_words.may_hold(d.toks[t].lower) &&
                       k.meeting_visit_nouns.count(d.toks[t].lower);
    if (!called_visit) return std::nullopt;
    const std::vector<Participant>* guests = nullptr;
    if (host_targets && foreign_persons(cd.ev.actors))
        guests = &cd.ev.actors;
    else if (host_actors && foreign_persons(cd.ev.targets))
        guests = &cd.ev.targets;
    if (!guests) return std::nullopt;
    const Participant* state = k.country_of_code(host);
    if (!state) return std::nullopt;
    Candidate v = cd;
    if (!retype(v.ev, k, "visit")) return std::nullopt;
    v.ev.actors.clear();
    for (const Participant& p : *guests)
        if (p.kind == "person"_w) v.ev.actors.push_back(p);
    v.ev.targets = {*state};
    v.places = {*cd.ev.location};
    v.mediators.clear();
    return v;
}

std::string pkey(const Participant& p) {
    if (p.kind == "person"_w || p.kind == "group"_w || p.country.empty())
        return p.kind + ':' + p.name;
    return p.kind + ':' + p.country;
}

// Same identity as pkey() without building strings.
bool same_party(const Participant& a, const Participant& b) {
    if (a.kind != b.kind) return false;
    const bool by_name = a.kind == "person"_w || a.kind == "group"_w || a.country.empty();
    const bool by_name_b = b.kind == "person"_w || b.kind == "group"_w || b.country.empty();
    if (by_name != by_name_b) return false;
    return by_name ? a.name == b.name : a.country == b.country;
}

// pkey(a) == pkey(b) without building the strings: a key is the kind, ':' and the keyed
// field, so keys of one kind are equal when their fields are, and keys of different kinds
// never are unless a kind holds the ':' itself (then the strings decide).
bool same_key(const Participant& a, const Participant& b) {
    auto field = [](const Participant& p) -> const std::string& {
        return p.kind == "person"_w || p.kind == "group"_w || p.country.empty() ? p.name
                                                                                : p.country;
    };
    if (a.kind == b.kind) return field(a) == field(b);
    if (a.kind.find(':') == std::string::npos && b.kind.find(':') == std::string::npos)
        return false;
    return pkey(a) == pkey(b);
}

void add_unique(std::vector<Participant>& v, const Participant& p) {
    for (const auto& q : v)
        if (same_party(q, p)) return;
    if (v.empty()) v.reserve(2);  // one allocation for the usual few participants
    v.push_back(p);
}

// A participant list in the making (build's actors, targets and mediators): handles to
// records that outlive the stage's run on the article (the Doc's participants that mentions
// point to, mentions' `extra`, Knowledge's countries, Doc::own copies), read through like
// a list of values. Taking a participant is a pointer push with no allocation; the values
// are copied once, into the candidate (`values`), when a rule keeps the list. Lists are
// never built from a candidate's own vectors (those move when Doc::cands grows): such
// values are copied into Doc::own records first (`owned_copies`).
class PartList {
  public:
    class iterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Participant;
        using difference_type = std::ptrdiff_t;
        using pointer = const Participant*;
        using reference = const Participant&;
        iterator() = default;
        explicit iterator(const Participant* const* p) : p_(p) {}
        const Participant& operator*() const { return **p_; }
        const Participant* operator->() const { return *p_; }
        iterator& operator++() {
            ++p_;
            return *this;
        }
        iterator operator++(int) {
            iterator t = *this;
            ++p_;
            return t;
        }
        bool operator==(const iterator&) const = default;

      private:
        const Participant* const* p_ = nullptr;
    };
    using const_iterator = iterator;

    std::size_t size() const { return refs_.size(); }
    bool empty() const { return refs_.empty(); }
    void clear() { refs_.clear(); }
    iterator begin() const { return iterator(refs_.begin()); }
    iterator end() const { return iterator(refs_.end()); }
    const Participant& operator[](std::size_t i) const { return *refs_[i]; }
    // `p` must outlive the list (see above)
    void push_back(const Participant& p) { refs_.push_back(&p); }
    void append(const PartList& o) {
        for (const Participant* p : o.refs_) refs_.push_back(p);
    }
    template <class Pred>
    void erase_if(Pred pred) {
        const SmallVec<const Participant*, 4> all = refs_;
        refs_.clear();
        for (const Participant* p : all)
            if (!pred(*p)) refs_.push_back(p);
    }
    // The values, for a candidate.
    std::vector<Participant> values() const { return std::vector<Participant>(begin(), end()); }
    // The values equal `v`'s, in order.
    bool same_values(const std::vector<Participant>& v) const {
        return v.size() == size() && std::equal(v.begin(), v.end(), begin());
    }

  private:
    SmallVec<const Participant*, 4> refs_;
};

void add_unique(PartList& v, const Participant& p) {
    for (const auto& q : v)
        if (same_party(q, p)) return;
    v.push_back(p);
}

// Copies of a candidate's participants that a PartList may point to.
PartList owned_copies(Doc& d, const std::vector<Participant>& v) {
    PartList out;
    for (const Participant& p : v) out.push_back(*d.own(Participant(p)));
    return out;
}

class EventsStage final : public Stage {
  public:
    const char* name() const override { return "events"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"types", "max_targets"}, sink);
        only_ = read_strings(n, "types", sink);
        max_targets_ = static_cast<std::size_t>(std::max(1, read_int(n, "max_targets", 6, sink)));
    }
    void bind(const Knowledge& k) override {
        enabled_.assign(k.types.size(), only_.empty());
        for (const auto& t : only_) {
            const int i = k.type_index(t);
            if (i >= 0) enabled_[static_cast<std::size_t>(i)] = true;
        }
        visit_words_.emplace(k.meeting_visit_nouns);
        arg_filters_.emplace(k);
        heads_.clear();
        heads_.reserve(k.triggers.size());
        for (const Trigger& tr : k.triggers)
            heads_.push_back(TrigHead{enabled_[tr.type], tr.syntax, tr.form, tr.slots.size() > 1});
    }
    std::vector<std::string> requires_before() const override { return {"entities"}; }

    void run(Doc& d) const override {
        d.cands.clear();
        std::vector<int>& ends_at = d.ends_at;
        std::vector<int>& starts_at = d.starts_at;
        ends_at.assign(d.toks.size(), -1);
        starts_at.assign(d.toks.size(), -1);
        for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
            const Mention& m = d.mentions[mi];
            if (m.te == 0 || m.te > d.toks.size()) continue;
            ends_at[m.te - 1] = static_cast<int>(mi);
            if (starts_at[m.tb] < 0) starts_at[m.tb] = static_cast<int>(mi);
        }
        Ctx c{d, ends_at, starts_at, {}, SIZE_MAX};
        std::vector<Match> ms;  // one sentence's triggers (buffer reused)
        WalkTokens walk;        // ... and argument_rules' tokens
        SentenceActors sa;      // per sentence (buffers reused)
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            find_triggers(d, si, starts_at, ms, walk);
            // "killed Sinwar, the architect of the Oct. 7 attack": an attack named by its day
            // in an "of" phrase is a known one the sentence describes someone by, not news
            std::erase_if(ms, [&](const Match& m) {
                const Trigger& tr = d.k->triggers[m.trig];
                if (tr.syntax == TrigSyntax::verb || d.k->types[tr.type].name != "attack"_w)
                    return false;
                const std::size_t db = date_named(d, d.sents[si], m.tb);
                return db != SIZE_MAX && db >= d.sents[si].tb + 2 &&
                       d.toks[db - 1].lower == "the"_w && d.toks[db - 2].lower == "of"_w;
            });
            sa.clear();
            const std::size_t first = d.cands.size();
            for (std::size_t q = 0; q < ms.size(); ++q) {
                const std::size_t next_tb = q + 1 < ms.size() ? ms[q + 1].tb : d.sents[si].te;
                build(c, si, ms, q, next_tb, sa);
            }
            told_meetings(c, si, first);
            meeting_before_signing(d, si, first);
            talks_cover_meetings(d, first);
            participle_sayings(d, first);
            argument_rules(d, si, first, walk, *arg_filters_);
        }
        dateline_agreements(d);
    }

  private:
    std::vector<std::string> only_;
    std::vector<bool> enabled_;
    // What find_triggers reads of each trigger (Knowledge::triggers order) before it matches
    // the rest of its words: one small array instead of the trigger, its slots and enabled_.
    struct TrigHead {
        bool enabled = false;
        TrigSyntax syntax = TrigSyntax::verb;
        VerbForm form = VerbForm::none;
        bool multi = false;  // more than one slot (a one-word trigger matches its word)
    };
    std::vector<TrigHead> heads_;
    std::optional<WordPrefilter> visit_words_;  // (made by bind)
    std::optional<ArgPrefilters> arg_filters_;  // (made by bind)
    std::size_t max_targets_ = 6;

    // The actors of the verb triggers of one sentence so far: the last one's (`prev()`) and
    // the first one's (`main()`). Most sentences have one such verb, so the first list is
    // kept as "the same as prev" until prev changes: one list copy per verb, not two. The
    // lists keep their elements when cleared (only marked empty), so a new list is assigned
    // over the old participants' strings instead of copy-constructed.
    class SentenceActors {
      public:
        const PartList& prev() const { return has_prev_ ? prev_ : none(); }
        const PartList& main() const { return main_is_prev_ ? prev_ : has_main_ ? main_ : none(); }
        void clear() { has_prev_ = has_main_ = main_is_prev_ = false; }
        // prev() = act, and main() = act when it was empty (act is not empty)
        void set(const PartList& act) {
            if (main_is_prev_) {
                std::swap(main_, prev_);  // main() keeps the first verb's list
                has_main_ = true;
                main_is_prev_ = false;
            }
            prev_ = act;
            has_prev_ = true;
            if (!has_main_) main_is_prev_ = true;
        }

      private:
        static const PartList& none() {
            static const PartList empty{};
            return empty;
        }
        PartList prev_, main_;  // (what they held before, when not has_)
        bool has_prev_ = false, has_main_ = false, main_is_prev_ = false;
    };

    struct Ctx {
        Doc& d;
        const std::vector<int>& ends_at;
        const std::vector<int>& starts_at;
        PartList kill_act;                 // subject of a kill verb folded into an attack
        std::size_t kill_sent = SIZE_MAX;  // ... in this sentence
    };

    // "CAIRO - Arab ministers voted to readmit Syria": an agreement in the lede without a
    // place of its own was reached where the story is datelined (a known city).
    static void dateline_agreements(Doc& d) {
        std::size_t t = 0;
        const std::string name = d.dateline_words(t);
        if (name.empty() || t >= d.sents[0].te || d.toks[t].text != "-"_w ||
            !d.toks[t].space_before)
            return;
        const PlaceRec* city = d.k->city_named(ascii_lower(name));
        if (!city) return;
        for (Candidate& cd : d.cands)
            if (cd.sentence == 0 && cd.ev.type == "agreement"_w && !cd.ev.location) {
                cd.ev.location = Place{city->name, city->country};
                cd.places.push_back(*cd.ev.location);
            }
    }

    // ---------------------------------------------------------------- triggers

    bool match_trigger(const Doc& d, const Trigger& tr, std::size_t i, std::size_t end,
                       std::size_t& out_end) const {
        std::size_t pos = i + 1;
        std::size_t skips = 0;
        for (std::size_t s = 1; s < tr.slots.size(); ++s) {
            const auto& alts = tr.slots[s];
            if (alts.size() == 1 && alts[0] == "*"_w) {
                // gap: find the next slot within kGap tokens
                if (s + 1 >= tr.slots.size()) return false;
                const auto& want = tr.slots[s + 1];
                bool found = false;
                for (std::size_t g = 0; g <= kGap && pos + g < end; ++g) {
                    const Token& t = d.toks[pos + g];
                    if (hard_punct(t) && t.text != "$"_w) break;
                    // "signed the document after talks hosted by X": a gap does not run
                    // into a new clause or time phrase
                    if (g > 0 && has(t, WGapStop)) break;  // after, before, while, since, ...
                    if (find_word(want.begin(), want.end(), t.lower)) {
                        pos = pos + g + 1;
                        found = true;
                        break;
                    }
                }
                if (!found) return false;
                ++s;
                continue;
            }
            for (;;) {
                if (pos >= end) return false;
                const Token& t = d.toks[pos];
                if (find_word(alts.begin(), alts.end(), t.lower)) {
                    ++pos;
                    break;
                }
                if (skips < kSkips && (t.lex & LSkippable)) {
                    ++skips;
                    ++pos;
                    continue;
                }
                // "travel later this week to Erbil", "meet on Sunday with": a time phrase
                // inside the phrase (one per match)
                if (skips < kSkips && t.kind == TokKind::word) {
                    std::size_t q = pos;
                    if (has(t, WTimeLead)) ++q;  // this, next, last, on, early, late
                    if (q < end && q < pos + 2 && (d.toks[q].lex & LDateWord) &&
                        d.toks[q].kind == TokKind::word) {
                        skips = kSkips;
                        pos = q + 1;
                        continue;
                    }
                }
                return false;
            }
        }
        out_end = pos;
        return true;
    }

    // The trigger matches of sentence `si`, left to right, into `out`; on the way, the
    // tokens argument_rules walks into `walk` (this loop reads every token anyway).
    void find_triggers(const Doc& d, std::size_t si, const std::vector<int>& starts_at,
                       std::vector<Match>& out, WalkTokens& walk) const {
        out.clear();
        walk.clear();
        const Sentence& s = d.sents[si];
        std::size_t i = s.tb;
        std::size_t mention_end = 0;
        while (i < s.te) {
            const Token& t = d.toks[i];
            if ((t.lex & kWalkLex) && i > s.tb) walk.push_back(static_cast<std::uint32_t>(i));
            if (starts_at[i] >= 0) {
                const Mention& m = d.mentions[static_cast<std::size_t>(starts_at[i])];
                if (m.kind == MentionKind::entity && !m.adjective)
                    mention_end = std::max(mention_end, m.te);
            }
            // (no trigger starts here: the usual case, tested first)
            if (!(t.lex & LTrigFirst) || t.in_quote || i < mention_end ||
                (t.kind != TokKind::word && !(t.text == "-"_w && !t.space_before))) {
                ++i;
                continue;
            }
            bool hit = false;
            if (t.trig) {
                const bool verb_ctx = verb_context(d, s, i);
                std::size_t best_end = 0;
                std::uint32_t best = 0;
                VerbReading reading(*this, d, s, i);
                for (const std::uint32_t ti : *t.trig) {
                    const TrigHead h = heads_[ti];
                    if (!h.enabled) continue;
                    const bool is_verb = h.syntax == TrigSyntax::verb;
                    if (is_verb && reading.rejects(h.form, verb_ctx)) continue;
                    std::size_t e = i + 1;  // (a one-word trigger matches here)
                    if (h.multi) {
                        const Trigger& tr = d.k->triggers[ti];
                        if (guest_pattern(tr) ? !guest_for_talks(d, s, tr, i, e)
                                              : !match_trigger(d, tr, i, s.te, e))
                            continue;
                        if (!frame_gate(d, s, tr, i, e)) continue;
                    }
                    // "aid workers", "attack helicopters": the trigger's last noun only
                    // modifies the head after it
                    if ((!is_verb || h.multi) && e < s.te && has(d.toks[e], WCompoundHead))
                        continue;
                    const bool better =
                        e > best_end || (e == best_end && best_end &&
                                         ((heads_[best].syntax == TrigSyntax::verb) != is_verb) &&
                                         (is_verb == verb_ctx));
                    if (better) {
                        best_end = e;
                        best = ti;
                    }
                }
                if (best_end) {
                    // "-mediated talks": a glued hyphen trigger needs its left part
                    // "hosted X for talks": the guest after the verb is its object; the
                    // talks are the occasion of the meeting, not a negotiation of their own
                    const bool guest = heads_[best].multi && guest_pattern(d.k->triggers[best]);
                    out.push_back(Match{i, guest ? i + 1 : best_end, best});
                    for (std::size_t u = i + 1; u < best_end; ++u)  // (the loop skips these)
                        if (d.toks[u].lex & kWalkLex) walk.push_back(static_cast<std::uint32_t>(u));
                    i = best_end;
                    hit = true;
                }
            }
            if (!hit) ++i;
        }
    }

    // The tests that make a verb trigger at token i no verb there. They depend on the token
    // and the trigger's form only, and several triggers start at most trigger words: each
    // test is made at most once per token.
    class VerbReading {
      public:
        VerbReading(const EventsStage& st, const Doc& d, const Sentence& s, std::size_t i)
            : st_(st), d_(d), s_(s), i_(i) {}
        bool rejects(VerbForm form, bool verb_ctx) {
            const bool past = form == VerbForm::past, ing = form == VerbForm::ing;
            // "US-brokered ceasefire": a participle glued to a hyphen is an adjective
            if (once(glued_, [&] { return glued(); })) return true;
            // a verb form right after a determiner or adjective is a noun ("the proposed
            // deal", "Arab states"); a bare noun after a subject is a verb
            if (!verb_ctx && !past && !ing &&
                once(noun_, [&] { return st_.noun_context(d_, s_, i_); }))
                return true;
            if ((past || ing) && st_.determiner_before(d_, s_, i_)) return true;
            if (past && once(adverb_, [&] { return adverb_participle(); })) return true;
            if (ing && once(gerund_, [&] { return gerund_noun(); })) return true;
            return false;
        }

      private:
        // `v`: -1 not made yet, else the result
        template <class F>
        static bool once(std::int8_t& v, F test) {
            if (v < 0) v = test() ? 1 : 0;
            return v != 0;
        }
        bool glued() const {
            const Token& t = d_.toks[i_];
            return !t.space_before && i_ > s_.tb && d_.toks[i_ - 1].text == "-"_w &&
                   !(i_ > s_.tb + 1 && d_.toks[i_ - 2].lower == "co"_w);  // "co-hosted"
        }
        // "their first publicly announced talks": an adverb between a determiner or ordinal
        // and the participle
        bool adverb_participle() const {
            const auto& toks = d_.toks;
            return i_ > s_.tb + 1 && has_suffix(toks[i_ - 1].lower, "ly"_w) && !toks[i_ - 1].cap &&
                   (st_.determiner_before(d_, s_, i_ - 1) || (toks[i_ - 2].lex & LOrdinal));
        }
        // "an emergency meeting", "a rare meeting": a gerund after a determiner and
        // adjectives is a noun
        bool gerund_noun() const {
            if (i_ <= s_.tb + 1) return false;
            const auto& toks = d_.toks;
            std::size_t h = i_;
            while (h > s_.tb + 1 && i_ - h < 2 && toks[h - 1].kind == TokKind::word &&
                   !toks[h - 1].cap && !has_suffix(toks[h - 1].lower, "ly"_w) &&
                   !(toks[h - 1].lex &
                     (LNegator | LPreposition | LSubordinator | LDeterminer | LTrigFirst)) &&
                   !in(toks[h - 1].lower,
                       {"is", "are", "was", "were", "been", "be", "also", "still", "then", "and"}))
                --h;
            return h < i_ && st_.determiner_before(d_, s_, h) && toks[h - 1].lower != "'s"_w;
        }
        const EventsStage& st_;
        const Doc& d_;
        const Sentence& s_;
        std::size_t i_;
        std::int8_t glued_ = -1, noun_ = -1, adverb_ = -1, gerund_ = -1;
    };

    static bool copula_visit(const Doc& d, const Sentence& s, std::size_t i, std::size_t e) {
        const Mention* place = nullptr;
        const Mention* subject = nullptr;
        std::size_t j = i;  // the subject ends before "will", "also", "still"
        while (j > s.tb && ((d.toks[j - 1].lex & LSkippable) ||
                            in(d.toks[j - 1].lower, {"will", "would", "'ll", "has", "had", "have",
                                                     "also", "still", "already"})))
            --j;
        const std::size_t at = d.mention_from(e), before = d.mention_from(j);
        if (at < d.mentions.size() && d.mentions[at].tb == e && d.mentions[at].place)
            place = &d.mentions[at];
        if (before > 0) {
            const Mention& m = d.mentions[before - 1];
            if (m.te == j && m.tb >= s.tb && m.part && m.part->kind == "person"_w && !m.possessive)
                subject = &m;
        }
        if (!place || !subject || !d.k->city_by_name.count(ascii_lower(place->place->name)))
            return false;
        const bool cue = j < i && in(d.toks[j].lower, {"will", "'ll"});
        if (cue) return true;
        for (std::size_t t = place->te; t < s.te; ++t)
            if ((d.toks[t].lex & LDateWord) && d.toks[t].kind == TokKind::word) return true;
        return false;
    }

    // "hosted Secretary of State Peter Brandt for talks": the meeting patterns "host|join *
    // for talks" match only with a named guest (one or two parties, "X and Y") of any length
    // right after the verb; "hosted Israeli and Hamas negotiators for talks" stays talks.
    static bool guest_pattern(const Trigger& tr) {
        return tr.slots.size() == 4 && tr.slots[2].size() == 1 && tr.slots[2][0] == "for"_w &&
               tr.syntax == TrigSyntax::verb;
    }
    // The token after the guest named right after the verb at i, or 0.
    static std::size_t guest_end(const Doc& d, const Sentence& s, std::size_t i) {
        std::size_t p = i + 1;
        for (int n = 0; n < 2; ++n) {
            const std::size_t mi = d.mention_from(p);
            if (mi >= d.mentions.size() || d.mentions[mi].tb != p) return 0;
            const Mention& m = d.mentions[mi];
            if (!m.part || m.possessive || m.adjective || m.people || m.te >= s.te) return 0;
            p = m.te;
            if (n == 0 && p + 1 < s.te && d.toks[p].lower == "and"_w)
                ++p;
            else
                break;
        }
        return p;
    }
    static bool guest_for_talks(const Doc& d, const Sentence& s, const Trigger& tr, std::size_t i,
                                std::size_t& e) {
        const std::size_t p = guest_end(d, s, i);
        if (!p || p + 1 >= s.te || d.toks[p].lower != "for"_w ||
            !find_word(tr.slots[3].begin(), tr.slots[3].end(), d.toks[p + 1].lower))
            return false;
        e = p + 2;
        return true;
    }

    // Frames of the lexicon audit (tests/heldout/LEXICON.md): phrases whose words are known
    // but whose frame decides the reading. False drops the match [i, e).
    static bool frame_gate(const Doc& d, const Sentence& s, const Trigger& tr, std::size_t i,
                           std::size_t e) {
        const std::string_view type = d.k->types[tr.type].name;
        const std::string_view w = d.toks[i].lower;
        // "hosted Blinken for talks", "joined Safadi for talks": a meeting with the guest
        // (the meeting patterns); the negotiation is "hosted talks", "joined the talks"
        if (type == "negotiation"_w && tr.syntax == TrigSyntax::verb && e >= i + 3 &&
            d.toks[e - 2].lower == "for"_w &&
            (has_prefix(w, "host"_w) || has_prefix(w, "join"_w)) && guest_end(d, s, i) == e - 2)
            return false;
        // "is expected in Cairo": the passive of expect before a named place only (not "is
        // expected in March", "is expected in the coming days")
        if (type == "visit"_w && has_prefix(w, "expect"_w)) {
            if (w != "expected"_w || e >= s.te || !d.toks[e].cap || (d.toks[e].lex & LDateWord))
                return false;
            for (std::size_t b = i; b > s.tb && i - b < 3; --b) {  // "is also expected"
                if (in(d.toks[b - 1].lower, {"is", "are", "was", "were", "'s"})) return true;
                if (!(d.toks[b - 1].lex & LSkippable)) return false;
            }
            return false;
        }
        // "was in Cairo on Monday", "will be in Amman": a person's stay in a city, with a day
        // or a planned cue (not "was in talks", "is in charge", "was in Gaza" of a group)
        if (type == "visit"_w && in(w, {"is", "are", "was", "were", "be", "been", "being", "am"}))
            return copula_visit(d, s, i, e);
        // "told Israel to stop the war": an appeal to the addressee only with a to-infinitive
        // right after a named addressee (not "told reporters he wants to", "told X to Cairo")
        if (type == "appeal"_w && (has_prefix(w, "tell"_w) || w == "told"_w)) {
            if (e >= s.te) return false;
            const Token& v = d.toks[e];
            if (v.kind != TokKind::word || v.cap ||
                (v.lex & (LDeterminer | LPreposition | LDateWord | LNegator)))
                return false;
            bool named = false;
            for (std::size_t t = i + 1; t + 1 < e; ++t) {
                const Token& g = d.toks[t];
                if (g.cap && !in(g.lower, {"i", "he", "she", "we", "they", "it"})) {
                    named = true;
                    continue;
                }
                if (g.kind == TokKind::word &&
                    ((g.lex & (LDeterminer | LDateWord)) ||
                     in(g.lower, {"him", "them", "his", "her", "its", "their", "on", "this", "next",
                                  "last", "'s"})))
                    continue;
                if (!g.space_before && g.lower == "'s"_w) continue;
                return false;
            }
            return named || (e == i + 3 && in(d.toks[i + 1].lower, {"him", "them"}));
        }
        return true;
    }

    // "a senior official", "one diplomat": an indefinite noun phrase ends at i.
    static bool indefinite_before(const Doc& d, const Sentence& s, std::size_t i) {
        for (std::size_t t = i, n = 0; t-- > s.tb && n < 3; ++n) {
            const Token& w = d.toks[t];
            if (w.lower == "a"_w || w.lower == "an"_w || w.lower == "one"_w ||
                w.lower == "another"_w)
                return true;
            if (w.cap || w.kind != TokKind::word) return false;
        }
        return false;
    }

    bool determiner_before(const Doc& d, const Sentence& s, std::size_t i) const {
        if (i == s.tb) return false;
        return d.toks[i - 1].lex & LDetBefore;  // the, a, an, this, its, their, 's, ...
    }

    // A noun reading is likely: after a determiner, possessive, number, adjective
    // mention or a plain adjective-like word.
    bool noun_context(const Doc& d, const Sentence& s, std::size_t i) const {
        if (i == s.tb) return false;
        if (determiner_before(d, s, i)) return true;
        const Token& p = d.toks[i - 1];
        // "the EU member state closest to", "five member states visited": a noun-like
        // verb form after a singular noun modifier of a determined phrase is the head noun
        if (in(d.toks[i].lower,
               {"state", "states", "claim", "claims", "comment", "comments", "note", "notes"}) &&
            i >= s.tb + 2 && p.kind == TokKind::word && !p.cap && !has_suffix(p.lower, "s"_w) &&
            !(p.lex & (LVerbCue | LPreposition | LSubordinator | LSkippable | LPronoun))) {
            const Token& q = d.toks[i - 2];
            if ((q.lex & (LDetBefore | LNumberWord)) || q.kind == TokKind::number ||
                mention_ending_any(d, i - 2))
                return true;
        }
        if (p.kind == TokKind::number) return true;
        if (p.text == "-"_w && !p.space_before)
            return !(i >= s.tb + 2 && d.toks[i - 2].lower == "co"_w);  // "will co-chair"
        if (p.lex & LOrdinal) return true;
        const std::size_t mi = d.mention_from(i);
        if (mi > 0) {
            const Mention& m = d.mentions[mi - 1];
            if (m.te == i && (m.adjective || (m.tb > s.tb && determiner_before(d, s, m.tb))))
                return true;
        }
        if (p.kind == TokKind::word && !p.cap && (p.lex & LSkippable) && !(p.lex & LNegator) &&
            p.lower != "also"_w && p.lower != "then"_w && p.lower != "did"_w &&
            p.lower != "does"_w && p.lower != "do"_w && p.lower != "will"_w &&
            p.lower != "would"_w && p.lower != "has"_w && p.lower != "have"_w &&
            p.lower != "had"_w && !has_suffix(p.lower, "ly"_w))
            return true;
        if (p.lower == "to"_w && has_suffix(d.toks[i].lower, "s"_w))
            return true;  // "in response to attacks"
        // "the EU member state", "a peace summit": a plain form after a singular common noun
        // that follows a determiner or a name is the compound's head (a verb would agree)
        if (const auto w = d.toks[i].lower;
            p.kind == TokKind::word && !p.cap && i >= s.tb + 2 && !has_suffix(p.lower, "s"_w) &&
            !has_suffix(p.lower, "ly"_w) &&
            !(p.lex & (LVerbCue | LSkippable | LPreposition | LSubordinator | LNegator | LPronoun |
                       LDeterminer)) &&
            ((d.toks[i - 2].lex & LDeterminer) || mention_ending_any(d, i - 2)) &&
            !has_suffix(w, "s"_w) && !has_suffix(w, "ed"_w) && !has_suffix(w, "ing"_w))
            return true;
        // "in neighbouring states", "for other states": an adjective inside a phrase
        if (p.kind == TokKind::word && !p.cap && i >= s.tb + 2 && !(p.lex & LVerbCue) &&
            (d.toks[i - 2].lex & (LPreposition | LDeterminer)) && !(p.lex & LPreposition) &&
            has_suffix(d.toks[i].lower, "s"_w) && !mention_ending_any(d, i - 1))
            return true;
        return false;
    }
    static bool mention_ending_any(const Doc& d, std::size_t t) {
        const std::size_t mi = d.mention_from(t + 1);
        return mi > 0 && d.mentions[mi - 1].te == t + 1;
    }

    // A verb reading is likely: after a subject pronoun, auxiliary, modal, "to",
    // an adverb, or a non-adjective mention.
    bool verb_context(const Doc& d, const Sentence& s, std::size_t i) const {
        if (i == s.tb) return false;
        const Token& p = d.toks[i - 1];
        // will, would, to, can, did, not, n't, also, then, he, they, who, and, has, ...
        if (p.lex & LVerbCue) return !(p.lower == "to"_w && has_suffix(d.toks[i].lower, "s"_w));
        if (has_suffix(p.lower, "ly"_w) && p.kind == TokKind::word) return true;
        // the last mention starting before i, if it ends at i: the last one ending at i
        // (ends_at) when no later one starts before i (mentions are ordered by tb)
        if (const int j = d.ends_at[i - 1]; j >= 0) {
            const std::size_t mj = static_cast<std::size_t>(j);
            const Mention& m = d.mentions[mj];
            if ((mj + 1 == d.mentions.size() || d.mentions[mj + 1].tb >= i) && !m.adjective &&
                !(m.tb > s.tb && determiner_before(d, s, m.tb)) && !m.possessive)
                return true;
        }
        return false;
    }

    // Passive participle: "was criticized", "Egypt, often criticized for ..."
    bool passive_at(const Doc& d, const Sentence& s, std::size_t i) const {
        // "reforms demanded by foreign donors": a participle after a plain noun with its
        // agent after "by" (a reduced relative clause)
        if (i > s.tb && i + 2 < s.te && d.toks[i + 1].lower == "by"_w &&
            d.toks[i - 1].kind == TokKind::word && !d.toks[i - 1].cap &&
            has_suffix(d.toks[i - 1].lower, "s"_w) &&
            !(d.toks[i - 1].lex & (LSkippable | LPreposition | LSubordinator | LDeterminer)) &&
            !d.toks[i + 2].cap && d.toks[i + 2].kind == TokKind::word &&
            !d.k->weekdays.count(d.toks[i + 2].lower))
            return true;
        std::size_t p = i;
        for (int guard = 0; guard < 2 && p > s.tb; ++guard) {
            const auto lw = d.toks[p - 1].lower;
            if (lw == "is"_w || lw == "are"_w || lw == "was"_w || lw == "were"_w ||
                lw == "been"_w || lw == "being"_w || lw == "be"_w || lw == "get"_w || lw == "got"_w)
                return true;
            // "Egypt, often criticized for ...": an adverb after the comma marks the
            // participle; right after a comma it is passive only with "by"
            if (lw == ","_w) {
                // "Erdogan, who flew in from Dubai, also called for": the comma closes a
                // relative clause on the subject; the verb is finite
                std::size_t q = p - 1;
                while (q > s.tb && d.toks[q - 1].lower != ","_w && p - q < 30) --q;
                if (q > s.tb && d.toks[q - 1].lower == ","_w &&
                    (d.toks[q].lower == "who"_w || d.toks[q].lower == "which"_w))
                    return false;
                // ("X, who ..., spoke by phone with Y" is active: "by phone" names no agent)
                return guard == 1 ||
                       (i + 1 < s.te && d.toks[i + 1].lower == "by"_w &&
                        !(i + 2 < s.te && in(d.toks[i + 2].lower, {"phone", "telephone", "video",
                                                                   "videoconference", "letter"})));
            }
            if (has_suffix(lw, "ly"_w) || lw == "often"_w || lw == "widely"_w || lw == "also"_w ||
                lw == "not"_w || lw == "long"_w)
                --p;
            else
                break;
        }
        return false;
    }

    // ---------------------------------------------------------------- mentions

    bool usable(const Mention& m) const {
        if (!m.part || m.in_quote) return false;
        if (m.modifier) return false;
        if (m.adjective && !m.people) return false;
        return true;
    }

    // "an Israeli delegation led by X", "a Qatari team headed by X": the person after
    // "led by" / "headed by" when `m` (a state or its adjective) qualifies such a group noun
    const Mention* delegation_head(const Ctx& c, const Sentence& s, const Mention& m) const {
        const Doc& d = c.d;
        if (!m.part || m.part->kind == "person"_w) return nullptr;
        std::size_t j = m.te;
        if (j < s.te && d.toks[j].lower == "'s"_w) ++j;
        for (int skip = 0; skip < 2 && j < s.te && d.toks[j].kind == TokKind::word &&
                           !d.toks[j].cap && !has(d.toks[j], WDelegationNoun);
             ++skip)
            ++j;
        if (j + 3 >= s.te || !has(d.toks[j], WDelegationNoun) ||
            !in(d.toks[j + 1].lower, {"led", "headed"}) || d.toks[j + 2].lower != "by"_w ||
            c.starts_at[j + 3] < 0)
            return nullptr;
        const Mention& h = d.mentions[static_cast<std::size_t>(c.starts_at[j + 3])];
        if (!h.part || h.part->kind != "person"_w || !usable(h)) return nullptr;
        return &h;
    }

    const Mention* mention_ending(const Ctx& c, std::size_t t) const {
        const int mi = c.ends_at[t];
        return mi < 0 ? nullptr : &c.d.mentions[static_cast<std::size_t>(mi)];
    }

    // "Yemen's Houthis", "Iran's Revolutionary Guards": the owner names whose the party
    // is; the owned mention right after it is the party.
    const Mention* owned_or_self(const Ctx& c, const Mention* m) const {
        if (!m->possessive || m->te >= c.d.toks.size()) return m;
        std::size_t t = m->te;
        if (c.d.toks[t].lower == "'s"_w) ++t;
        if (t >= c.d.toks.size() || c.starts_at[t] < 0) return m;
        const Mention& o = c.d.mentions[static_cast<std::size_t>(c.starts_at[t])];
        return o.part && usable(o) && o.kind == MentionKind::entity ? &o : m;
    }

    // The agreement noun heading the object of a verb that ends at `te` ("brokered a
    // ceasefire", "announced a 60-day truce", "mediated the prisoner exchange"), else SIZE_MAX.
    static std::size_t agreement_object(const Doc& d, const Sentence& s, std::size_t te) {
        for (std::size_t t = te; t < s.te && t < te + 5; ++t) {
            const Token& x = d.toks[t];
            if (d.k->agreement_nouns.count(x.lower)) return t;
            const bool modifier =
                x.kind == TokKind::number || (x.text == "-"_w && !x.space_before) ||
                (x.lex & (LDeterminer | LSkippable)) ||
                (x.kind == TokKind::word && !x.cap &&
                 !(x.lex & (LPreposition | LSubordinator | LTrigFirst | LNegator)));
            if (!modifier) break;
        }
        return SIZE_MAX;
    }

    // The attack trigger `mt` is a definite singular noun: "the attack" (a noun trigger
    // right after "the"), or a verb phrase ending in one ("carried out the attack"): 1; over
    // one capitalised modifier ("the Israeli assault"): 2; else 0.
    static int definite_attack(const Doc& d, const Sentence& s, const Match& mt, bool noun) {
        const auto last = d.toks[mt.te - 1].lower;
        if (has_suffix(last, "s"_w)) return 0;  // "the strikes": a series, not one back-reference
        if (!noun) return mt.te >= mt.tb + 3 && d.toks[mt.te - 2].lower == "the"_w ? 1 : 0;
        if (mt.te != mt.tb + 1) return 0;
        std::size_t b = mt.tb;
        int kind = 1;
        if (b >= s.tb + 2 && d.toks[b - 1].cap && d.toks[b - 1].kind == TokKind::word &&
            d.toks[b - 2].lower == "the"_w) {
            --b;
            kind = 2;
        }
        // ("The Houthis claimed the attack" gives the attacker: kept)
        if (b < s.tb + 1 || d.toks[b - 1].lower != "the"_w ||
            (b >= s.tb + 2 && in(d.toks[b - 2].lower, {"claimed", "claims", "claim", "claiming"})))
            return 0;
        return kind;
    }

    // A deal noun at `noun` named as the frame of a clause: "under/in/through/via [a|the|its
    // 2023 China-] deal": a preposition before the noun's determiners and modifiers.
    static bool deal_in_frame(const Doc& d, const Sentence& s, std::size_t noun) {
        for (std::size_t t = noun; t-- > s.tb && noun - t <= 4;) {
            const Token& x = d.toks[t];
            if (x.lex & LPreposition)
                return in(x.lower, {"under", "in", "through", "via", "within"});
            const bool modifier = x.kind == TokKind::number || (x.lex & LDeterminer) ||
                                  (x.text == "-"_w && !x.space_before) ||
                                  (x.kind == TokKind::word && !(x.lex & LSubordinator));
            if (!modifier) return false;
        }
        return false;
    }

    // The word before the "to" at `to` over a day cue: "voted on Sunday to readmit".
    static std::size_t frame_verb(const Doc& d, const Sentence& s, std::size_t to) {
        std::size_t p = to - 1;
        for (int n = 0; n < 3 && p > s.tb &&
                        ((d.toks[p].lex & LDateWord) || d.toks[p].lower == "on"_w ||
                         d.k->weekdays.count(d.toks[p].lower));
             ++n)
            --p;
        return p;
    }

    // A copy of `from` as an agreement between `parties` (actors) reached with `mediators`.
    static void push_agreement(Doc& d, const Candidate& from, std::vector<Participant> parties,
                               std::vector<Participant> others, std::vector<Participant> med) {
        Candidate ag = from;
        if (!retype(ag.ev, *d.k, "agreement")) return;
        ag.ev.actors = std::move(parties);
        ag.ev.targets = std::move(others);
        ag.mediators = std::move(med);
        ag.places.clear();
        if (ag.ev.location) ag.places.push_back(*ag.ev.location);
        d.cands.push_back(std::move(ag));
    }

    // Coordinated mentions to the left of m ("A, B and C", "X, along with Y").
    void coord_left(const Ctx& c, const Sentence& s, const Mention& m, MentionList& out) const {
        const Doc& d = c.d;
        std::size_t cur = m.tb;
        // "A and Trump's envoy B": the owner before B is no party of the list
        if (cur > s.tb + 1 && d.toks[cur - 1].lower == "'s"_w)
            if (const Mention* o = mention_ending(c, cur - 2); o && o->possessive) cur = o->tb;
        bool seen_and = false;
        for (int guard = 0; guard < 8 && cur > s.tb; ++guard) {
            std::size_t p = cur - 1;
            // "X and U.S. President Donald Trump's envoy Y": the possessor is part of the item
            if (d.toks[p].lower == "'s"_w && p > s.tb)
                if (const Mention* owner = mention_ending(c, p - 1);
                    owner && owner->possessive && owner->part && owner->part->kind == "person"_w &&
                    m.part && m.part->kind == "person"_w) {
                    cur = owner->tb;
                    continue;
                }
            // "Saudi Arabia, the United Arab Emirates and Bahrain"
            if (d.toks[p].lower == "the"_w && p > s.tb) --p;
            const auto lw = d.toks[p].lower;
            if (lw == "and"_w || lw == "&"_w) {
                seen_and = true;
                if (p > s.tb && d.toks[p - 1].lower == ","_w) --p;
            } else if (lw == "with"_w && p >= s.tb + 2 &&
                       (d.toks[p - 1].lower == "along"_w || d.toks[p - 1].lower == "together"_w)) {
                p -= 1;
                if (p > s.tb && d.toks[p - 1].lower == ","_w) --p;
            } else if (lw == "as"_w && p >= s.tb + 2 && d.toks[p - 1].lower == "well"_w &&
                       d.toks[p - 2].lower == "as"_w) {
                p -= 2;
            } else if (lw == ","_w && seen_and) {
                // list comma
            } else {
                break;
            }
            if (p == s.tb) break;
            const Mention* prev = mention_ending(c, p - 1);
            // "Menfi, Takala and Aguila Saleh": a name the gazetteer does not know is still a
            // member of the list; the coordination goes on before it (the list comma)
            if (!prev) {
                std::size_t q = p;
                while (q > s.tb && p - q < 3 && d.toks[q - 1].cap &&
                       d.toks[q - 1].kind == TokKind::word && c.ends_at[q - 1] < 0 &&
                       c.starts_at[q - 1] < 0 &&
                       !(d.toks[q - 1].lex & (LStopwordCap | LDateWord | LPreposition)))
                    --q;
                if (q < p && q > s.tb + 1 && d.toks[q - 1].lower == ","_w &&
                    mention_ending(c, q - 2)) {
                    cur = q;
                    seen_and = true;
                    continue;
                }
            }
            if (!prev && lw == ","_w) {
                // "Iran and the three European powers, France, Germany and Britain": the list
                // names a plural noun phrase; the coordination goes on before it
                std::size_t q = p;
                while (q > s.tb && q + 6 > p &&
                       (mention_ending(c, q - 1) || d.toks[q - 1].kind == TokKind::word ||
                        d.toks[q - 1].kind == TokKind::number) &&
                       d.toks[q - 1].lower != "the"_w && d.toks[q - 1].lower != "and"_w) {
                    const Mention* mm = mention_ending(c, q - 1);
                    q = mm ? mm->tb : q - 1;
                }
                if (q > s.tb + 1 && d.toks[q - 1].lower == "the"_w && q < p &&
                    has_suffix(d.toks[p - 1].lower, "s"_w) && d.toks[q - 2].lower == "and"_w) {
                    cur = q - 1;
                    continue;
                }
            }
            // "Menfi, Takala and Aguila Saleh met": a name the gazetteer does not know, inside
            // a list of named people, is skipped and the list goes on
            if (!prev && p >= s.tb + 2 && d.toks[p - 1].cap &&
                d.toks[p - 1].kind == TokKind::word && d.toks[p - 2].lower == ","_w &&
                mention_ending(c, p - 3) && mention_ending(c, p - 3)->part &&
                mention_ending(c, p - 3)->part->kind == "person"_w) {
                cur = p - 1;
                seen_and = true;
                continue;
            }
            if (!prev || !usable(*prev)) break;
            out.push_back(prev);
            cur = prev->tb;
        }
    }

    // Coordinated mentions to the right of m.
    void coord_right(const Ctx& c, std::size_t end, const Mention& m, MentionList& out,
                     bool places) const {
        const Doc& d = c.d;
        std::size_t cur = m.te;
        for (int guard = 0; guard < 8 && cur < end; ++guard) {
            std::size_t p = cur;
            const auto lw = d.toks[p].lower;
            if (lw == ","_w) {
                ++p;
                if (p < end && (d.toks[p].lower == "and"_w || d.toks[p].lower == "or"_w)) ++p;
            } else if (lw == "and"_w || lw == "&"_w || lw == "or"_w) {
                ++p;
            } else {
                break;
            }
            if (p < end && (d.toks[p].lower == "then"_w || d.toks[p].lower == "also"_w)) ++p;
            if (p < end && d.toks[p].lower == "the"_w && c.starts_at[p] < 0) ++p;
            // "X and his Iranian counterpart Y": the possessive is not the next party
            if (p + 1 < end && (d.toks[p].lex & LPronoun) && c.starts_at[p] >= 0 &&
                c.starts_at[p + 1] >= 0 &&
                d.mentions[static_cast<std::size_t>(c.starts_at[p])].possessive)
                ++p;
            if (p >= end || c.starts_at[p] < 0) break;
            const Mention& n = d.mentions[static_cast<std::size_t>(c.starts_at[p])];
            if (places ? !n.place : !usable(n)) break;
            out.push_back(&n);
            cur = n.te;
        }
    }

    // The subject to the left of a trigger.
    MentionList left_actors(const Ctx& c, const Sentence& s, std::size_t tb, bool finite,
                            bool gerund = false) const {
        const Doc& d = c.d;
        MentionList out;
        // first token left of the trigger that is not an auxiliary/adverb
        std::size_t first_left = tb;
        while (first_left > s.tb) {
            const auto lw = d.toks[first_left - 1].lower;
            if ((d.toks[first_left - 1].lex & LSkippable) || has_suffix(lw, "ly"_w) ||
                lw == "is"_w || lw == "are"_w || lw == "was"_w || lw == "were"_w || lw == "been"_w)
                --first_left;
            else
                break;
        }
        std::size_t t = tb;
        if (first_left > s.tb + 1 && d.toks[first_left - 1].text == ","_w) {
            // "Blinken, on his fourth trip to the region, arrived": skip the aside
            std::size_t q = first_left - 1;
            while (q > s.tb && d.toks[q - 1].text != ","_w && first_left - q < 30) --q;
            // only a prepositional aside, not a list ("X, along with Y and Z, have") or a
            // relative clause ("X, who ..., said")
            const auto first = d.toks[q].lower;
            // "Safadi, who accompanied the king, met Rubio": a relative clause on a
            // person names no subject of its own
            const Mention* before = q > s.tb + 1 ? mention_ending(c, q - 2) : nullptr;
            // "The Houthis, who say they act for Gaza, have attacked": the same for a group
            // or state ("Saudi Arabia, which has been negotiating, said")
            const bool person_rel =
                before && before->part && usable(*before) &&
                (before->kind == MentionKind::entity || before->part->kind == "person"_w) &&
                (((first == "who"_w || first == "whose"_w) &&
                  before->part->kind != "organisation"_w) ||
                 (first == "which"_w &&
                  (before->part->kind == "country"_w || before->part->kind == "group"_w)));
            // "Biden, speaking at the White House alongside Blinken, said": a participle aside
            // on a person
            const bool participle = before && before->part && usable(*before) &&
                                    before->part->kind == "person"_w && !d.toks[q].cap &&
                                    d.toks[q].kind == TokKind::word && has_suffix(first, "ing"_w) &&
                                    !in(first, {"including", "according"});
            // "Abdulsalam, the Houthis' chief negotiator, welcomed": an apposition on a person
            // ("Brett X, President Y's Middle East coordinator, travelled": one whose head
            // is owned by a name)
            const bool apposition =
                before && before->part && usable(*before) && before->part->kind == "person"_w &&
                (in(first, {"the", "a", "an"}) ||
                 (c.starts_at[q] >= 0 &&
                  d.mentions[static_cast<std::size_t>(c.starts_at[q])].possessive));
            if (q > s.tb && d.toks[q - 1].text == ","_w && before &&
                (((d.toks[q].lex & LPreposition) && first != "with"_w &&
                  !in(first, {"including", "like"})) ||
                 person_rel || participle || apposition))
                t = q - 1;
        }
        while (t > s.tb) {
            --t;
            const Token& tok = d.toks[t];
            if (const Mention* m = mention_ending(c, t)) {
                // "after Biden outlined": the conjunction opens a clause, Biden is its subject;
                // "with Burns meeting ...": the absolute construction's subject.
                // (tested only when the mention has a preposition of its own)
                auto conj = [&] {
                    return finite && in(m->prep, {"after", "before", "since", "until", "as",
                                                  "while", "once"});
                };
                auto absolute = [&] { return !finite && t + 1 == tb && m->prep == "with"_w; };
                if (usable(*m) && (m->prep.empty() || m->prep_attached || conj() || absolute())) {
                    out.push_back(m);
                    coord_left(c, s, *m, out);
                    return out;
                }
                // ", a senior official said": an unresolved title is the (unknown) subject
                if (finite && !m->part && m->kind == MentionKind::role_only && m->prep.empty() &&
                    t + 1 >= first_left)
                    break;
                // "..., Iranian state media said": a state's adjective on the noun right
                // before the verb makes that noun phrase the subject; no state named earlier
                if (finite && m->adjective && !m->people && m->prep.empty() && m->te < first_left &&
                    first_left - m->te <= 3 &&
                    std::all_of(d.toks.begin() + static_cast<std::ptrdiff_t>(m->te),
                                d.toks.begin() + static_cast<std::ptrdiff_t>(first_left),
                                [](const Token& x) {
                                    return x.kind == TokKind::word && !x.cap &&
                                           !(x.lex & (LPreposition | LSubordinator | LDeterminer |
                                                      LPronoun));
                                }))
                    break;
                t = m->tb;
                continue;
            }
            if (tok.in_quote) continue;
            // "Wang Yi said 14 factions had agreed": the reported clause's subject lies after
            // the reporting verb; the speaker is not the one who acted
            if ((finite || gerund) && t + 1 < first_left && reporting(d, tok)) break;
            // "Safadi, who arrived on Sunday, is due to travel": skip the relative clause
            if (tok.lower == ","_w && t > s.tb) {
                std::size_t q = t;
                while (q > s.tb && d.toks[q - 1].lower != ","_w && t - q < 25) --q;
                // (also "X, President Y's coordinator, travelled to Z to ask": an
                // apposition owned by a name, on a person)
                const bool owned = q > s.tb + 1 && q < t && c.starts_at[q] >= 0 &&
                                   d.mentions[static_cast<std::size_t>(c.starts_at[q])].possessive;
                if (q > s.tb + 1 && q < t && d.toks[q - 1].lower == ","_w &&
                    (d.toks[q].lower == "who"_w || d.toks[q].lower == "which"_w ||
                     d.toks[q].lower == "whose"_w || owned)) {
                    if (const Mention* m = mention_ending(c, q - 2);
                        m && usable(*m) &&
                        (owned ? m->part->kind == "person"_w
                               : (m->kind == MentionKind::entity || m->part->kind == "person"_w))) {
                        out.push_back(m);
                        coord_left(c, s, *m, out);
                        return out;
                    }
                }
            }
            if (tok.lower == ";"_w || tok.lower == ":"_w) break;
            if (tok.text == "-"_w && tok.space_before) break;  // spaced dash: an aside
            if (tok.lower == "it"_w || tok.lower == "they"_w || tok.lower == "we"_w ||
                tok.lower == "i"_w || tok.lower == "you"_w || tok.lower == "there"_w)
                break;  // a subject we cannot resolve
            // "Turkey said its jets struck": the state's or group's own forces act for it
            if (finite && t + 1 == first_left && (tok.lex & LPeopleNoun) && t > s.tb) {
                const Mention* pm = mention_ending(c, t - 1);
                if (pm && pm->kind == MentionKind::pronoun && pm->possessive && pm->part &&
                    pm->part->kind != "person"_w) {
                    out.push_back(pm);
                    return out;
                }
            }
            // "Netanyahu's office said", "Lebanon's health ministry said": the owner speaks
            if (finite && t + 1 == first_left && t >= s.tb + 2 && d.toks[t - 1].lower == "'s"_w &&
                ((tok.lex & LPeopleNoun) || tok.lower == "office"_w)) {
                const Mention* owner = mention_ending(c, t - 2);
                if (owner && usable(*owner) && owner->prep.empty()) {
                    out.push_back(owner);
                    return out;
                }
            }
            if (finite && t + 1 == first_left && tok.kind == TokKind::word && !tok.cap &&
                t > s.tb && !(tok.lex & (LSkippable | LPreposition | LSubordinator))) {
                // "Macron's office said", "Iran's foreign ministry said": the possessor
                // (of a saying only: "Yemen's war has killed" names no attacker)
                for (std::size_t h = t;
                     has(d.toks[tb], WReportingVerb) && h > s.tb + 1 && t - h < 2; --h) {
                    if (d.toks[h - 1].lower != "'s"_w) {
                        if (d.toks[h - 1].kind != TokKind::word || d.toks[h - 1].cap) break;
                        continue;
                    }
                    if (const Mention* m = mention_ending(c, h - 2);
                        m && m->possessive && m->part && !m->in_quote && !m->modifier) {
                        out.push_back(m);
                        return out;
                    }
                    break;
                }
                // "the agency said", "a palace statement said": an unknown noun subject
                std::size_t h = t;
                bool det = determiner_before(d, s, h);
                while (!det && h > s.tb + 1 && t - h < 3) {
                    // "a French diplomatic source said": over an adjective too
                    if (const Mention* a = mention_ending(c, h - 1);
                        a && a->adjective && has(d.toks[tb], WReportingVerb)) {
                        h = a->tb;
                        det = determiner_before(d, s, h) && d.toks[h - 1].lower != "'s"_w;
                        // ", Iranian state media said": a bare noun opening its clause
                        if (h == s.tb || d.toks[h - 1].lower == ","_w) det = true;
                        continue;
                    }
                    // (adjectives like "senior", "diplomatic" are skippable words too)
                    if (d.toks[h - 1].kind != TokKind::word || d.toks[h - 1].cap ||
                        (d.toks[h - 1].lex & (LPreposition | LSubordinator | LNegator)) ||
                        in(d.toks[h - 1].lower, {"has", "have", "had", "did", "does", "do", "will",
                                                 "would", "also", "then", "and"}) ||
                        mention_ending(c, h - 1))
                        break;
                    det = determiner_before(d, s, --h) && d.toks[h - 1].lower != "'s"_w;
                }
                if (det) break;
            }
            if (finite && t + 1 >= first_left && (tok.lex & LPeopleNoun) && !tok.cap &&
                !(t > s.tb && mention_ending(c, t - 1)) &&
                (has_suffix(tok.lower, "s"_w) || indefinite_before(d, s, t)))
                break;  // "officials said", "diplomats said", "a senior official said"
            if (tok.lex & LSubordinator) {
                if (has(tok, WRelativePronoun) && tb - t <= 4 && t > s.tb) {
                    std::size_t a = t - 1;
                    if (d.toks[a].lower == ","_w && a > s.tb) --a;
                    // ("a draft in the Security Council that demanded": not the place the
                    // head noun was in)
                    const Mention* m = mention_ending(c, a);
                    // "Grossi, head of the U.N. nuclear watchdog, who met X": "who" is the
                    // person the apposition describes, not the body it heads
                    if (m && m->part && m->part->kind != "person"_w && m->prep == "of"_w &&
                        d.toks[t - 1].lower == ","_w &&
                        (tok.lower == "who"_w || tok.lower == "whose"_w)) {
                        std::size_t h = m->tb;
                        while (h > s.tb && m->tb - h < 6 && d.toks[h - 1].lower != ","_w &&
                               d.toks[h - 1].kind == TokKind::word && !d.toks[h - 1].cap)
                            --h;
                        const Mention* p = h >= s.tb + 2 && d.toks[h - 1].lower == ","_w
                                               ? mention_ending(c, h - 2)
                                               : nullptr;
                        if (p && p->part && p->part->kind == "person"_w && usable(*p)) m = p;
                    }
                    std::size_t b = m ? m->tb : a;  // "in the U.N. Security Council"
                    while (b > s.tb && (mention_ending(c, b - 1) || d.toks[b - 1].lower == "the"_w))
                        b = mention_ending(c, b - 1) ? mention_ending(c, b - 1)->tb : b - 1;
                    // (no comma: a restrictive clause on the head noun; "Israel, which
                    // responded" is on the name right before it)
                    const bool place_pp =
                        d.toks[t - 1].lower != ","_w &&
                        ((m && d.k->locative_preps.count(m->prep) && !m->prep_attached) ||
                         (b > s.tb &&
                          (d.toks[b - 1].lower == "in"_w || d.toks[b - 1].lower == "at"_w)));
                    if (m && usable(*m) && !place_pp) {
                        out.push_back(m);
                        // "Iran and Saudi Arabia, which agreed", "A and B, who met" (syntax
                        // audit): a clause on a list is on every party of it
                        if (d.toks[t - 1].lower == ","_w) coord_left(c, s, *m, out);
                    }
                    return out;
                }
                if (finite) break;
                if (tok.lower == "that"_w || tok.lower == "which"_w || tok.lower == "who"_w) break;
            }
        }
        return out;
    }

    // Possessive / adjective / compound attached in front of a noun trigger.
    const Mention* attached(const Ctx& c, const Sentence& s, std::size_t tb,
                            const Mention** compound_place) const {
        const Doc& d = c.d;
        std::size_t t = tb;
        for (int guard = 0; guard < 5 && t > s.tb; ++guard) {
            --t;
            if (const Mention* m = mention_ending(c, t)) {
                if (m->place && !m->possessive &&
                    (!m->part || m->metonym || m->part->kind == "country"_w) && compound_place &&
                    !*compound_place && !m->adjective) {
                    *compound_place = m;
                    t = m->tb;
                    continue;
                }
                if (m->part && !m->in_quote) return m;
                return nullptr;
            }
            const Token& tok = d.toks[t];
            if (tok.cap && (tok.lex & LDateWord)) continue;
            if (tok.lower == "'s"_w || tok.text == "-"_w || (tok.lex & LSkippable) ||
                (tok.lex & LOrdinal) || tok.lower == "the"_w || tok.kind == TokKind::number ||
                (tok.kind == TokKind::word && !tok.cap && tok.lower.size() > 2 &&
                 !has_suffix(tok.lower, "ed"_w) && !has_suffix(tok.lower, "ing"_w) &&
                 !(tok.lex & (LPreposition | LSubordinator | LTrigFirst))))
                continue;
            break;
        }
        return nullptr;
    }

    // k.reporting_verbs.count(t.lower)
    static bool reporting(const Doc&, const Token& t) { return has(t, WReportingVerb); }

    std::size_t clause_end(const Ctx& c, const Sentence& s, std::size_t from,
                           std::size_t next_tb) const {
        const Doc& d = c.d;
        const std::size_t end = std::min(s.te, next_tb);
        for (std::size_t t = from; t < end; ++t) {
            const Token& tok = d.toks[t];
            if (tok.kind == TokKind::quote) return t;
            if (tok.lower == ";"_w || tok.lower == ":"_w) return t;
            if ((tok.lex & LSubordinator) && tok.lower != "as"_w) return t;
            // ", the State Department said": a trailing attribution
            // ", and the two diplomats said ...": a new clause with its own subject
            if (tok.lower == ","_w && t + 1 < end &&
                (d.toks[t + 1].lower == "and"_w || d.toks[t + 1].lower == "but"_w))
                for (std::size_t u = t + 2; u < s.te && u < t + 8; ++u) {
                    if (d.toks[u].lower == ","_w || d.toks[u].kind == TokKind::quote) break;
                    if (reporting(d, d.toks[u])) return t;
                }
            if (tok.lower == ","_w && t > from) {
                for (std::size_t u = t + 1; u < s.te && u < t + 8; ++u) {
                    if (d.toks[u].lower == ","_w || d.toks[u].kind == TokKind::quote) break;
                    if (reporting(d, d.toks[u]) && u > t + 1) {
                        // the attribution ends the sentence (or a date follows)
                        std::size_t v = u + 1;
                        while (v < s.te && d.toks[v].kind == TokKind::word && v < u + 4) ++v;
                        if (v >= s.te || d.toks[v].kind != TokKind::word) return t;
                        break;
                    }
                }
            }
        }
        return end;
    }

    MentionList right_mentions(const Ctx& c, std::size_t from, std::size_t end) const {
        MentionList out;
        for (std::size_t t = from; t < end; ++t) {
            if (c.starts_at[t] < 0) continue;
            const Mention& m = c.d.mentions[static_cast<std::size_t>(c.starts_at[t])];
            if (m.in_quote) continue;
            t = m.te - 1;
            if (m.kind == MentionKind::pronoun && m.possessive) continue;  // "his counterpart X"
            if (out.empty()) out.reserve(8);  // one allocation for the usual few
            out.push_back(&m);
        }
        return out;
    }

    [[gnu::always_inline]] static bool in(std::string_view s, std::initializer_list<Lit> l) {
        return processors::in(s, l);
    }

    // (List: a PartList, or a candidate's vector)
    template <class List>
    void take(List& v, const Mention& m) const {
        if (!m.part) return;
        add_unique(v, *m.part);
        for (const auto& e : m.extra) add_unique(v, e);
    }

    // "the war in Gaza", "a ceasefire in Lebanon": a place hanging on a topic noun is
    // what the event is about, not where it happens.
    static bool topic_place(const Doc& d, const Mention& m) {
        std::size_t t = m.tb;
        while (t > 0 && (d.toks[t - 1].lower == "the"_w || d.toks[t - 1].lower == "southern"_w ||
                         d.toks[t - 1].lower == "northern"_w))
            --t;
        if (t < 2 || m.prep.empty() || d.toks[t - 1].lower != m.prep) return false;
        return has(d.toks[t - 2], WTopicNoun);
    }

    // "A and B signed the pact after a meeting in which they discussed ...": the meeting
    // the signing followed is one of the signatories (persons of two states)
    static void meeting_before_signing(Doc& d, std::size_t si, std::size_t first) {
        const Sentence& s = d.sents[si];
        const std::size_t last = d.cands.size();
        for (std::size_t i = first; i < last; ++i) {
            const Candidate& a = d.cands[i];
            if (a.ev.type != "agreement"_w || a.drop || a.ev.actors.size() < 2) continue;
            std::vector<Participant> x;  // the signing persons
            for (const auto& p : a.ev.actors)
                if (p.kind == "person"_w) x.push_back(p);
            if (x.size() < 2 || std::all_of(x.begin(), x.end(), [&](const Participant& p) {
                    return p.country == x[0].country;
                }))
                continue;
            for (std::size_t t = a.te; t + 2 < s.te && t < a.te + 6; ++t) {
                if (!in(d.toks[t].lower, {"after", "following", "before"})) continue;
                std::size_t u = t + 1;
                if (!in(d.toks[u].lower, {"a", "an", "their"})) break;
                ++u;
                if (u < s.te && !d.toks[u].cap && d.toks[u].kind == TokKind::word &&
                    !in(d.toks[u].lower, {"meeting", "talks"}))
                    ++u;  // "a brief meeting"
                if (u >= s.te || !in(d.toks[u].lower, {"meeting", "talks"})) break;
                // ("after a meeting with X": the meeting trigger itself tells it)
                if (u + 1 < s.te && in(d.toks[u + 1].lower, {"with", "between"})) break;
                Candidate m = a;
                if (!retype(m.ev, *d.k, "meeting")) return;
                m.ev.targets.assign(x.begin() + 1, x.end());
                m.ev.actors.assign(x.begin(), x.begin() + 1);
                m.tb = u;
                m.te = u + 1;
                m.ev.location.reset();
                m.places.clear();
                d.cands.push_back(std::move(m));
                return;
            }
        }
    }

    // "The king called on the world to act, warning that ...", "The EU pledged 2.5 billion
    // euros, announcing ...", "Washington launched strikes, saying ...": a participle saying
    // of the same actor only tells the act of the main clause (an appeal, pledge or attack),
    // no statement of its own.
    static void participle_sayings(Doc& d, std::size_t first) {
        const std::size_t last = d.cands.size();
        for (std::size_t i = first; i < last; ++i) {
            Candidate& st = d.cands[i];
            if (st.ev.type != "statement"_w || st.drop || st.form != VerbForm::ing ||
                st.syntax != TrigSyntax::verb || st.tb == 0 || d.toks[st.tb - 1].lower != ","_w)
                continue;
            for (std::size_t j = first; j < last; ++j) {
                const Candidate& m = d.cands[j];
                if (j == i || m.drop || m.tb >= st.tb ||
                    (m.ev.type != "appeal"_w && m.ev.type != "aid"_w && m.ev.type != "attack"_w) ||
                    m.ev.actors.size() != st.ev.actors.size() ||
                    !std::equal(m.ev.actors.begin(), m.ev.actors.end(), st.ev.actors.begin(),
                                [](const Participant& a, const Participant& b) {
                                    return same_party(a, b);
                                }))
                    continue;
                st.drop = true;
                break;
            }
        }
    }

    // "A and B met in Abu Dhabi for peace talks hosted by C": the talks are the event; a
    // meeting of the same sides in the same sentence adds nothing.
    static void talks_cover_meetings(Doc& d, std::size_t first) {
        const std::size_t last = d.cands.size();
        for (std::size_t i = first; i < last; ++i) {
            Candidate& m = d.cands[i];
            if (m.ev.type != "meeting"_w || m.drop) continue;
            for (std::size_t j = first; j < last; ++j) {
                Candidate& n = d.cands[j];
                if (n.ev.type != "negotiation"_w) continue;
                const auto in_talks = [&](const Participant& p) {
                    const auto same = [&](const Participant& q) { return same_party(p, q); };
                    return std::any_of(n.ev.actors.begin(), n.ev.actors.end(), same) ||
                           std::any_of(n.ev.targets.begin(), n.ev.targets.end(), same) ||
                           std::any_of(n.mediators.begin(), n.mediators.end(), same);
                };
                if (std::all_of(m.ev.actors.begin(), m.ev.actors.end(), in_talks) &&
                    std::all_of(m.ev.targets.begin(), m.ev.targets.end(), in_talks)) {
                    m.drop = true;
                    // "met ... for talks": the verb carries the tense and the date
                    if (m.syntax == TrigSyntax::verb && n.syntax != TrigSyntax::verb &&
                        m.tb < n.tb) {
                        n.tb = m.tb;
                        n.te = m.te;
                        n.syntax = m.syntax;
                        n.form = m.form;
                    }
                    break;
                }
            }
        }
    }

    // "X told Y at the White House", "In a call on Saturday, X told Y": telling a
    // person face to face or on the phone is also a meeting with that person.
    void told_meetings(Ctx& c, std::size_t si, std::size_t first) const {
        Doc& d = c.d;
        const Sentence& s = d.sents[si];
        const std::size_t last = d.cands.size();
        for (std::size_t i = first; i < last; ++i)
            if (d.cands[i].ev.type == "meeting"_w) return;
        for (std::size_t i = first; i < last; ++i) {
            const Candidate& st = d.cands[i];
            if ((st.ev.type != "statement"_w && st.ev.type != "appeal"_w) || st.ev.actors.empty())
                continue;
            const auto w = d.toks[st.tb].lower;
            if (w != "told"_w && w != "tells"_w && w != "tell"_w && w != "telling"_w) continue;
            // "told visiting Iraqi Prime Minister Y": the guest is the addressee
            std::vector<Participant> told = st.ev.targets;
            const bool visiting = told.empty() && st.te + 1 < s.te &&
                                  d.toks[st.te].lower == "visiting"_w &&
                                  c.starts_at[st.te + 1] >= 0;
            if (visiting) {
                const Mention& g = d.mentions[static_cast<std::size_t>(c.starts_at[st.te + 1])];
                if (g.part && g.part->kind == "person"_w) told.push_back(*g.part);
            }
            if (told.empty() || std::any_of(told.begin(), told.end(), [](const Participant& p) {
                    return p.kind != "person"_w;
                }))
                continue;
            bool call = false;
            for (std::size_t t = s.tb; t < st.tb; ++t) {
                const auto x = d.toks[t].lower;
                if (x == "call"_w || x == "phone"_w || x == "telephone"_w || x == "phoned"_w)
                    call = true;
            }
            // the place right after the addressee: "told Trump at the White House"
            std::optional<Place> loc;
            bool setting = false;  // "at the White House", "in the Oval Office"
            std::size_t after = st.te;
            while (after < s.te && c.starts_at[after] >= 0) {
                const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[after])];
                if (!m.part || m.part->kind != "person"_w || m.te <= after) break;
                after = m.te;
            }
            if (after < s.te && (d.toks[after].lower == "at"_w || d.toks[after].lower == "in"_w)) {
                std::size_t n = after + 1;
                if (n < s.te && d.toks[n].lower == "the"_w) ++n;
                setting = n < s.te && d.toks[n].cap && d.toks[n].kind == TokKind::word &&
                          !has(d.toks[n], WWeekday) && !has(d.toks[n], WMonth);
                for (std::size_t t = after + 1; t < s.te && t < after + 5; ++t) {
                    if (c.starts_at[t] < 0) continue;
                    const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
                    if (m.place && !topic_place(d, m)) loc = place_value(m.place);
                    break;
                }
            }
            // "told him during their meeting", "told Y at their joint appearance": the
            // place stays the statement's ("Abbas travelled to Amman, where the king told him")
            const bool their =
                after + 1 < s.te &&
                (d.toks[after].lower == "during"_w || d.toks[after].lower == "at"_w) &&
                d.toks[after + 1].lower == "their"_w;
            // "Iran's President X told Qatar's Emir Y on Tuesday that ...", "told visiting
            // Iraqi Prime Minister Y": a person telling a person of another state something
            // on a day named right after the addressee, or telling a visiting guest, is in
            // contact with them (both persons of known, different states); undated telling
            // ("X told Y that") stays a statement, and so does telling in writing ("told
            // King Y in a letter": `written_channels` before "that")
            bool written = false;
            for (std::size_t t = st.te; t < s.te && t < st.te + 12 && !written; ++t) {
                const auto x = d.toks[t].lower;
                if (x == "that"_w || d.toks[t].kind == TokKind::quote) break;
                written = d.k->written_channels.count(x) > 0;
            }
            const bool dated = after + 1 < s.te && d.toks[after].lower == "on"_w &&
                               (has(d.toks[after + 1], WWeekday) || has(d.toks[after + 1], WMonth));
            const bool foreign = !written && (dated || visiting) &&
                                 std::all_of(st.ev.actors.begin(), st.ev.actors.end(),
                                             [](const Participant& p) {
                                                 return p.kind == "person"_w && !p.country.empty();
                                             }) &&
                                 std::all_of(told.begin(), told.end(), [&](const Participant& p) {
                                     return !p.country.empty() &&
                                            std::none_of(st.ev.actors.begin(), st.ev.actors.end(),
                                                         [&](const Participant& a) {
                                                             return a.country == p.country;
                                                         });
                                 });
            if (!call && !loc && !setting && !their && !foreign) continue;
            Candidate mt = st;
            mt.ev.targets = told;
            if (!retype(mt.ev, *d.k, "meeting")) continue;
            if (call) mt.ev.plover_mode = "phone";
            if (loc || !their) {
                mt.ev.location = loc;
                mt.places.clear();
                if (loc) mt.places.push_back(*loc);
            }
            d.cands.push_back(std::move(mt));
        }
    }

    // "Beirut's southern suburbs", "Lebanon's south": a place noun after the possessive.
    static bool place_noun_after(const Doc& d, const Mention& m) {
        std::size_t c = m.te;
        if (c < d.toks.size() && d.toks[c].lower == "'s"_w) ++c;
        for (int skip = 0; skip < 4 && c < d.toks.size(); ++skip, ++c) {
            const Token& t = d.toks[c];
            if (has(t, WPlaceNoun)) return true;
            if (t.cap || t.kind != TokKind::word || (t.lex & (LPreposition | LDeterminer)))
                return false;
        }
        return false;
    }

    // Location: the nearest concrete place after the trigger (locative PP), else before;
    // `on_ok`: "on X" also places it (attacks: "strikes on Rafah").
    // "talks on a deal to free hostages held in Gaza": the place hangs on a participle
    // after another noun (not after the trigger, not after "were"), so it is not where
    static bool on_other_noun(const Doc& d, const Mention& m, std::size_t te) {
        std::size_t p = m.tb;
        while (p > te && (d.toks[p - 1].lex & LDeterminer)) --p;
        if (p < te + 3 || !(d.toks[p - 1].lex & LPreposition)) return false;
        const Token& part = d.toks[p - 2];
        const Token& noun = d.toks[p - 3];
        const bool participle =
            part.kind == TokKind::word && !part.cap &&
            (has_suffix(part.lower, "ed"_w) ||
             in(part.lower, {"held", "kept", "hidden", "taken", "built", "born", "stuck"}));
        return participle && noun.kind == TokKind::word && !noun.cap &&
               !(noun.lex & (LPreposition | LDeterminer | LSkippable | LPronoun | LSubordinator)) &&
               !in(noun.lower, {"is", "are", "was", "were", "be", "been", "being", "has", "have",
                                "had", "and", "or", "but", "not"}) &&
               !has_suffix(noun.lower, "ly"_w);
    }

    std::optional<Place> location_near(const Ctx& c, const Sentence& s, std::size_t tb,
                                       std::size_t te, std::size_t end, bool on_ok = false) const {
        const Doc& d = c.d;
        // "in the Red Sea resort of Aqaba", "at the port city of Jeddah": a venue told by
        // a place noun and "of" after "in"/"at" in the same phrase
        auto venue_of = [&](const Mention& m) {
            if (m.prep != "of"_w || m.tb < s.tb + 3 || d.toks[m.tb - 1].lower != "of"_w ||
                !has(d.toks[m.tb - 2], WPlaceNoun))
                return false;
            for (std::size_t t = m.tb - 2; t-- > s.tb && t + 8 > m.tb;) {
                const auto w = d.toks[t].lower;
                if (w == "in"_w || w == "at"_w) return true;
                if (hard_punct(d.toks[t]) || w == ","_w || w == "of"_w) return false;
            }
            return false;
        };
        for (std::size_t t = te; t < end; ++t) {
            if (c.starts_at[t] < 0) continue;
            const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
            // ("talks over Tehran's nuclear programme in Muscat": an owner is no place)
            if (m.place && !m.in_quote && (d.k->locative_preps.count(m.prep) || venue_of(m)) &&
                m.prep != "on"_w && !topic_place(d, m) &&
                !(m.possessive && !place_noun_after(d, m)) && !on_other_noun(d, m, te))
                return place_value(m.place);
        }
        for (std::size_t t = tb; t-- > s.tb;) {
            // "The Houthis, who act for Gaza, attacked ships": a relative clause aside is
            // about its antecedent, not where the event happened
            if (d.toks[t].lower == ","_w && t > s.tb) {
                std::size_t q = t;
                while (q > s.tb && d.toks[q - 1].lower != ","_w && t - q < 25) --q;
                if (q > s.tb && q < t &&
                    (d.toks[q].lower == "who"_w || d.toks[q].lower == "which"_w))
                    t = q;  // continue left of the opening comma
                continue;
            }
            if (d.toks[t].lower == "where"_w && t > s.tb) {
                std::size_t a = t - 1;
                if (d.toks[a].text == ","_w && a > s.tb) --a;
                // "travelled to Muscat last week, where": skip the time phrase
                for (int k2 = 0; k2 < 3 && a > s.tb && !mention_ending(c, a) &&
                                 (d.toks[a].lower == "week"_w || d.toks[a].lower == "month"_w ||
                                  d.toks[a].lower == "last"_w || d.toks[a].lower == "yesterday"_w ||
                                  d.toks[a].lower == "earlier"_w || d.toks[a].lower == "this"_w ||
                                  d.toks[a].lower == "on"_w || has(d.toks[a], WWeekday));
                     ++k2)
                    --a;
                const Mention* w = mention_ending(c, a);
                if (w && w->place) return *w->place;
                return std::nullopt;
            }
            const Mention* m = mention_ending(c, t);
            if (!m) continue;
            if (m->place && !m->in_quote && d.k->locative_preps.count(m->prep) &&
                (m->prep != "on"_w || on_ok) && !topic_place(d, *m) &&
                !(m->possessive && !place_noun_after(d, *m)))
                return place_value(m->place);
            t = m->tb;
        }
        return std::nullopt;
    }

    Candidate make(const Doc& d, std::size_t si, const Match& mt) const {
        const Trigger& tr = d.k->triggers[mt.trig];
        const EventTypeInfo& ti = d.k->types[tr.type];
        // strings copy-constructed in place (no default construction then assignment)
        return Candidate{.ev = Event{.type = ti.name,
                                     .category = ti.category,
                                     .plover_type = ti.plover_type,
                                     .plover_mode = ti.plover_mode,
                                     .cameo = ti.cameo,
                                     .status = "occurred",
                                     .date = {},
                                     .actors = {},
                                     .targets = {},
                                     .location = {},
                                     .attributes = nullptr,  // Candidate::attrs until output
                                     .evidence = {}},
                         .sentence = si,
                         .tb = mt.tb,
                         .te = mt.te,
                         .syntax = tr.syntax,
                         .form = tr.form,
                         .places = {},
                         .mediators = {}};
    }

    // The trigger shares the subject of the previous one: "will meet X and then
    // travel to Y", "met X before returning to Z".
    bool shares_subject(const Doc& d, const Sentence& s, const Match& mt, const Trigger& tr) const {
        if (tr.syntax != TrigSyntax::verb) return false;
        std::size_t p = mt.tb;
        // "and was due to travel on", "and is expected to meet": the frame shares it too
        // (then, also, later, to, was, is, were, are, due, expected, set, scheduled, will, would)
        while (p > s.tb && has(d.toks[p - 1], WSharedAux)) --p;
        if (p == s.tb) return false;
        const auto lw = d.toks[p - 1].lower;
        // ("said the bloc was ready ... but urged": "but" joins two verbs of one subject)
        if (lw == "and"_w || lw == "before"_w || lw == "after"_w || lw == "while"_w ||
            lw == "upon"_w || lw == "without"_w || lw == "since"_w || lw == "by"_w || lw == ","_w ||
            lw == "but"_w)
            return lw == "and"_w || lw == "but"_w || tr.form == VerbForm::ing;
        return false;
    }

    // Syntax audit (tests/heldout/SYNTAX.md): a sentence opened by a gerund clause, with
    // at most a subordinator before it ("Arriving in Cairo, X said", "After landing in
    // Cairo, X said", "Rejecting the plan, Hamas said"): the gerund's position, or SIZE_MAX.
    // A gerund after "before" is not taken (its act comes after the main clause's).
    static std::size_t fronted_gerund(const Doc& d, const Sentence& s) {
        std::size_t g = s.tb;
        if (g < s.te && in(d.toks[g].lower,
                           {"after", "upon", "on", "while", "when", "since", "following", "by"}))
            ++g;
        if (g + 1 >= s.te || d.toks[g].kind != TokKind::word ||
            !has_suffix(d.toks[g].lower, "ing"_w) || d.toks[g].lower.size() < 6 ||
            in(d.toks[g].lower, {"according", "including", "during", "regarding", "concerning",
                                 "following", "nothing", "something", "morning", "evening"}))
            return SIZE_MAX;
        return g;
    }

    // ... and the main clause's subject after the comma that closes it: a party (not an
    // owner or an adjective) with its coordinated parties ("..., Iran and Saudi Arabia
    // said"); none when a quote or a second comma-less clause intervenes.
    void fronted_subject(const Ctx& c, const Sentence& s, std::size_t from,
                         MentionList& out) const {
        const Doc& d = c.d;
        std::size_t comma = from;
        while (comma < s.te && comma - from < 25 && d.toks[comma].lower != ","_w) {
            // ("Rejecting the plan would be a mistake, X said": the gerund is a subject)
            if (d.toks[comma].kind == TokKind::quote || d.toks[comma].in_quote ||
                d.toks[comma].lower == ";"_w || d.toks[comma].lower == ":"_w ||
                in(d.toks[comma].lower,
                   {"is", "was", "are", "were", "would", "will", "could", "can", "may", "might",
                    "should", "must", "has", "have", "had"}))
                return;
            ++comma;
        }
        if (comma + 2 >= s.te || d.toks[comma].lower != ","_w) return;
        std::size_t b = comma + 1;
        if (d.toks[b].lower == "the"_w && c.starts_at[b] < 0) ++b;  // ", the United Arab Emirates"
        if (c.starts_at[b] < 0) return;
        const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[b])];
        if (!usable(m) || !m.prep.empty() || m.possessive || m.adjective ||
            m.kind == MentionKind::pronoun)
            return;
        out.push_back(&m);
        coord_right(c, s.te, m, out, false);
    }

    void build(Ctx& c, std::size_t si, const std::vector<Match>& ms, std::size_t q,
               std::size_t next_tb, SentenceActors& sa) const {
        Doc& d = c.d;
        const Knowledge& k = *d.k;
        const Sentence& s = d.sents[si];
        const Match& mt = ms[q];
        const Trigger& tr = k.triggers[mt.trig];
        const std::string& type = k.types[tr.type].name;
        const bool noun = tr.syntax == TrigSyntax::noun || tr.syntax == TrigSyntax::attached_noun;
        const bool to_inf = mt.tb > s.tb && d.toks[mt.tb - 1].lower == "to"_w;
        const bool finite = tr.syntax == TrigSyntax::verb && tr.form != VerbForm::ing;
        (void)to_inf;
        // "troops pulled back to agreed lines", "the agreed text": a one-word past
        // participle between a preposition or determiner and a plain noun is an adjective
        if (tr.syntax == TrigSyntax::verb && tr.form == VerbForm::past && mt.te == mt.tb + 1 &&
            mt.tb > s.tb && mt.te < s.te && has_suffix(d.toks[mt.tb].lower, "ed"_w) &&
            (d.toks[mt.tb - 1].lex & (LPreposition | LDeterminer)) &&
            d.toks[mt.tb - 1].lower != "that"_w) {
            const Token& nx = d.toks[mt.te];
            if (nx.kind == TokKind::word && !nx.cap &&
                !(nx.lex & (LPreposition | LDeterminer | LSubordinator | LNegator | LTrigFirst)) &&
                !has_suffix(nx.lower, "ly"_w) && !has_suffix(nx.lower, "ed"_w) &&
                !in(nx.lower, {"to", "and", "or", "but", "as", "that"}))
                return;
        }
        const std::size_t cend = clause_end(c, s, mt.te, next_tb);

        // actors
        MentionList actors;
        bool attached_actor = false;
        const Mention* compound = nullptr;
        if (tr.syntax == TrigSyntax::passive) {
            // "X-led talks": the modifier before the hyphen
            if (d.toks[mt.tb].text == "-"_w && mt.tb > s.tb) {
                if (const Mention* m = mention_ending(c, mt.tb - 1); m && m->part)
                    actors.push_back(m);
            } else {
                for (const Mention* m : right_mentions(c, mt.te, cend)) {
                    if (!usable(*m) && !(m->modifier && m->part)) break;
                    actors.push_back(m);
                    coord_right(c, cend, *m, actors, false);
                    break;
                }
            }
        } else if (noun) {
            // "has presented itself as an alternative mediator": a role it claims, no talks
            if (tr.syntax == TrigSyntax::attached_noun) {
                std::size_t b = mt.tb;
                while (b > s.tb && mt.tb - b < 4 && d.toks[b - 1].kind == TokKind::word &&
                       !d.toks[b - 1].cap && d.toks[b - 1].lower != "as"_w)
                    --b;
                if (b >= s.tb + 2 && d.toks[b - 1].lower == "as"_w &&
                    in(d.toks[b - 2].lower, {"itself", "himself", "herself", "themselves"}))
                    return;
            }
            if (const Mention* a = attached(c, s, mt.tb, &compound)) {
                // "fell short of its demands", "a version of an Egyptian proposal": a demand
                // or proposal named inside a prepositional phrase is only mentioned
                if (tr.syntax == TrigSyntax::attached_noun &&
                    (type == "appeal"_w || type == "proposal"_w)) {
                    std::size_t b = a->tb;
                    while (b > s.tb && (d.toks[b - 1].lex & LDeterminer)) --b;
                    if (b > s.tb && (d.toks[b - 1].lex & LPreposition)) return;
                }
                actors.push_back(a);
                attached_actor = true;
            }
            if (actors.empty() && tr.syntax == TrigSyntax::noun)
                actors = left_actors(c, s, mt.tb, false);
        } else {
            // ("said the council would keep pressing for": a gerund after its own verb)
            actors = left_actors(c, s, mt.tb, finite,
                                 tr.form == VerbForm::ing && mt.tb > s.tb &&
                                     d.toks[mt.tb - 1].kind == TokKind::word &&
                                     !(d.toks[mt.tb - 1].lex & (LPreposition | LSubordinator)));
        }
        // "kill" only stands alone when no other attack trigger is in the sentence
        // ("Israeli forces killed three people during a raid": its subject is the raid's)
        if (type == "attack"_w && has(d.toks[mt.tb], WKillVerb) &&
            !kill_in_own_clause(d, s, mt.tb)) {
            for (const Match& o : ms)
                if (&o != &mt && k.types[k.triggers[o.trig].type].name == "attack"_w) {
                    // ("were killed in the strike": a passive names no attacker)
                    if (!actors.empty() && tr.form != VerbForm::ing && !passive_at(d, s, mt.tb)) {
                        c.kill_act.clear();
                        for (const Mention* m : actors) take(c.kill_act, *m);
                        c.kill_sent = si;
                        for (auto it = d.cands.rbegin(); it != d.cands.rend(); ++it) {
                            if (it->sentence != si) break;
                            if (it->ev.type == "attack"_w && it->ev.actors.empty())
                                it->ev.actors = c.kill_act.values();
                        }
                    }
                    return;
                }
        }
        // "Later he travelled on to Riyadh, where he was received by X": travelling on is
        // the traveller's, whoever was named last; so is "he" in the rest of the sentence
        if (type == "visit"_w && actors.size() == 1 && actors[0]->kind == MentionKind::pronoun &&
            actors[0]->part && actors[0]->part->kind == "person"_w) {
            bool on_to = false;
            for (std::size_t t = mt.tb; t + 1 < mt.te; ++t)
                if (d.toks[t].lower == "on"_w && d.toks[t + 1].lower == "to"_w) on_to = true;
            const Participant* traveller = nullptr;
            for (auto it = d.cands.rbegin(); on_to && it != d.cands.rend(); ++it)
                if (it->ev.type == "visit"_w && !it->drop && it->sentence < si &&
                    it->ev.actors.size() == 1 && it->ev.actors[0].kind == "person"_w) {
                    traveller = &it->ev.actors[0];
                    break;
                }
            if (traveller && traveller->name != actors[0]->part->name) {
                const std::string wrong = actors[0]->part->name;
                const Participant right_one = *traveller;
                for (std::size_t mi = d.mention_from(s.tb);
                     mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
                    Mention& pm = d.mentions[mi];
                    if (pm.kind == MentionKind::pronoun && pm.part && pm.part->name == wrong)
                        pm.part = d.own(Participant(right_one));
                }
            }
        }
        PartList act;
        for (const Mention* m : actors) {
            // "an Israeli delegation led by Mossad chief X travelled": the delegation's
            // side and its head both act
            take(act, *m);
            if (const Mention* head = delegation_head(c, s, *m)) take(act, *head);
        }
        // "X circulated a draft, which would back a truce and would warn Israel": a verb in a
        // relative clause on a thing shares the relative's subject, not the main clause's
        bool in_relative = false;
        for (std::size_t t = q > 0 ? ms[q - 1].te : s.tb; t < mt.tb && t > s.tb && t >= 2; ++t)
            if ((d.toks[t].lower == "which"_w || d.toks[t].lower == "that"_w) &&
                d.toks[t - 1].lower == ","_w && !mention_ending(c, t - 2))
                in_relative = true;
        if (in_relative && tr.syntax == TrigSyntax::verb) sa.clear();
        if (sa.prev().empty() && !in_relative && shares_subject(d, s, mt, tr) && mt.tb > s.tb &&
            (d.toks[mt.tb - 1].lower == "and"_w || d.toks[mt.tb - 1].lower == "but"_w)) {
            // "Aoun thanked France ... and said": the sentence's subject ("In Tehran, X
            // defended ... and insisted": after a fronted phrase)
            std::size_t from = s.tb;
            if (d.toks[s.tb].lex & LPreposition) {
                std::size_t comma = s.tb;
                while (comma < mt.tb && comma - s.tb < 8 && d.toks[comma].lower != ","_w) ++comma;
                if (comma < mt.tb && d.toks[comma].lower == ","_w) from = comma + 1;
            }
            std::size_t mi0 = d.mention_from(from);
            // ("Trump's adviser for Africa, Massad Boulos, has been shuttling ... and said":
            // the person apposed to the owned title, not its owner)
            if (mi0 < d.mentions.size() && d.mentions[mi0].tb == from &&
                d.mentions[mi0].possessive && d.mentions[mi0].part &&
                d.mentions[mi0].part->kind == "person"_w) {
                std::size_t comma = d.mentions[mi0].te;
                while (comma < mt.tb && comma < d.mentions[mi0].te + 8 &&
                       d.toks[comma].lower != ","_w)
                    ++comma;
                if (comma + 1 < mt.tb && d.toks[comma].lower == ","_w &&
                    c.starts_at[comma + 1] >= 0) {
                    const auto ai = static_cast<std::size_t>(c.starts_at[comma + 1]);
                    const Mention& ap = d.mentions[ai];
                    if (ap.part && ap.part->kind == "person"_w && ap.te < mt.tb &&
                        d.toks[ap.te].lower == ","_w) {
                        mi0 = ai;
                        from = ap.tb;
                    }
                }
            }
            if (mi0 < d.mentions.size() && d.mentions[mi0].tb == from && usable(d.mentions[mi0]) &&
                d.mentions[mi0].tb < mt.tb) {
                act.clear();
                take(act, d.mentions[mi0]);
            }
        }
        // act is a copy of sa.prev(), unchanged since: sa.set(act) would leave sa's lists as
        // they are, so the copy back is skipped
        bool act_is_prev = false;
        if (!sa.prev().empty() && shares_subject(d, s, mt, tr)) {
            // ", saying ...": the main clause's subject; "and then travel": the previous verb's
            const bool participle = mt.tb > s.tb && d.toks[mt.tb - 1].lower == ","_w;
            // "X said the two countries had agreed ..., and said": a second saying joined
            // after a comma is the speaker's, not that of the clause it reported
            // (and so is an appeal joined the same way: "X said Y could no longer cope, and
            // called for ...", when the sentence opened with a saying)
            bool opened_saying = false;
            for (const Candidate& o : d.cands)
                if (o.sentence == si && o.ev.type == "statement"_w && o.tb < mt.tb &&
                    has(d.toks[o.tb], WReportingVerb) && sa.main().same_values(o.ev.actors))
                    opened_saying = true;
            const bool second_saying =
                mt.tb >= s.tb + 2 && d.toks[mt.tb - 2].lower == ","_w &&
                ((type == "statement"_w && has(d.toks[mt.tb], WReportingVerb)) ||
                 (type == "appeal"_w && opened_saying));
            // ("X said A had agreed and said ...": without the comma too; and "X said the
            // two governments had agreed ... and urged Y", when the sentence opened with a
            // saying)
            const bool second_report =
                (has(d.toks[mt.tb], WReportingVerb) || (type == "appeal"_w && opened_saying)) &&
                mt.tb > s.tb && d.toks[mt.tb - 1].lower == "and"_w;
            const bool use_main =
                (participle || second_saying || second_report) && !sa.main().empty();
            act = use_main ? sa.main() : sa.prev();
            act_is_prev = !use_main;
        }
        // "Hamas wanted the mediators to present a plan": the object before the infinitive
        // proposes or agrees, not the subject of the verb that wants it
        if ((type == "proposal"_w || type == "agreement"_w) && tr.syntax == TrigSyntax::verb &&
            mt.tb >= s.tb + 2 && d.toks[mt.tb - 1].lower == "to"_w &&
            (d.toks[mt.tb - 2].lex & LPeopleNoun) && !d.toks[mt.tb - 2].cap &&
            !mention_ending(c, mt.tb - 2)) {
            act.clear();
            act_is_prev = false;
        }
        // a passive participle has no subject actor ("Egypt, often criticized for ..."); nor
        // one right after a plain noun with its agent after it ("reforms demanded by donors")
        const bool reduced_relative =
            tr.syntax == TrigSyntax::verb && tr.form == VerbForm::past && mt.te == mt.tb + 1 &&
            mt.te + 1 < s.te && d.toks[mt.te].lower == "by"_w && mt.tb > s.tb &&
            d.toks[mt.tb - 1].kind == TokKind::word && !d.toks[mt.tb - 1].cap &&
            !mention_ending(c, mt.tb - 1) &&
            !(d.toks[mt.tb - 1].lex &
              (LSkippable | LPronoun | LPreposition | LSubordinator | LNegator | LDateWord)) &&
            !(d.toks[mt.te + 1].lex & LDateWord) && !d.k->weekdays.count(d.toks[mt.te + 1].lower);
        bool passive_agent = false;
        // ("is expected in Cairo": the expected one travels)
        if (tr.syntax == TrigSyntax::verb && tr.form == VerbForm::past &&
            !(type == "visit"_w && d.toks[mt.tb].lower == "expected"_w) &&
            (passive_at(d, s, mt.tb) || reduced_relative)) {
            act.clear();
            act_is_prev = false;
            if (mt.te + 1 < s.te && d.toks[mt.te].lower == "by"_w && c.starts_at[mt.te + 1] >= 0) {
                const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[mt.te + 1])];
                if (usable(m)) take(act, m);
            }
            // "was pledged to the Palestinians by the UAE", "were airdropped over Gaza by
            // Jordan" (syntax audit): the agent after the verb's own phrase, in its clause
            // (the agent and its coordinated parties; not "by phone", "by sea")
            for (std::size_t t = mt.te + 1;
                 act.empty() && !reduced_relative && t + 1 < s.te && t <= mt.te + 8; ++t) {
                const auto w = d.toks[t].lower;
                if (w == ","_w || w == ";"_w || w == "and"_w || d.toks[t].kind == TokKind::quote ||
                    (d.toks[t].lex & LSubordinator))
                    break;
                if (w != "by"_w) continue;
                std::size_t a = t + 1;
                if (d.toks[a].lower == "the"_w && c.starts_at[a] < 0) ++a;
                if (a < s.te && c.starts_at[a] >= 0) {
                    const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[a])];
                    if (usable(m) && !m.possessive && m.kind != MentionKind::pronoun) {
                        MentionList agents{&m};
                        coord_right(c, s.te, m, agents, false);
                        for (const Mention* x : agents) take(act, *x);
                    }
                }
                break;
            }
            passive_agent = !act.empty();
        }
        // "Arriving in Cairo on Tuesday, X said", "Rejecting the plan, Hamas said": the gerund
        // opening the sentence is the act of the main clause's subject after its comma
        // (not a bare "Speaking later, X said", "Calling the strike a crime, X said": a venue
        // participle or a one-word call frames the saying, it meets no one)
        if (act.empty() && tr.syntax == TrigSyntax::verb && tr.form == VerbForm::ing &&
            fronted_gerund(d, s) == mt.tb &&
            !(mt.te == mt.tb + 1 &&
              (has(d.toks[mt.tb], WVenueParticiple) || d.toks[mt.tb].lower == "calling"_w))) {
            MentionList subj;
            fronted_subject(c, s, mt.te, subj);
            for (const Mention* m : subj) take(act, *m);
        }
        // "and repeated Britain's call for a ceasefire", "renewed Egypt's offer": the one who
        // renews it acts (the subject of the renewing verb)
        if (attached_actor && (type == "appeal"_w || type == "proposal"_w) && !actors.empty()) {
            std::size_t b = actors[0]->tb;
            if (b > s.tb && (d.toks[b - 1].lex & LDeterminer) && d.toks[b - 1].lower != "'s"_w &&
                !(d.toks[b - 1].lex & LPronoun))
                --b;
            if (b > s.tb && in(d.toks[b - 1].lower,
                               {"repeated", "renewed", "reiterated", "reaffirmed", "echoed",
                                "repeats", "renews", "reiterates", "repeat", "renew", "reiterate",
                                "echoing", "repeating", "renewing", "reiterating"})) {
                const std::size_t v = b - 1;
                PartList who;
                if (v > s.tb && d.toks[v - 1].lower == "and"_w && !sa.prev().empty())
                    who = sa.prev();
                else
                    for (const Mention* m : left_actors(c, s, v, true)) take(who, *m);
                if (!who.empty()) {
                    act = who;
                    act_is_prev = false;
                }
            }
        }
        if (!act.empty() && tr.syntax == TrigSyntax::verb && !act_is_prev) sa.set(act);
        const MentionList right = right_mentions(c, mt.te, cend);
        // (made here, after the subject rules: a trigger they reject costs no candidate)
        Candidate cd = make(d, si, mt);

        if (type == "visit"_w) {
            // "X met Y in Damascus, the most senior Arab official to visit the capital": the
            // apposition's infinitive is the sentence subject's, not of the name before it
            if (tr.syntax == TrigSyntax::verb && mt.tb >= s.tb + 3 &&
                d.toks[mt.tb - 1].lower == "to"_w && (d.toks[mt.tb - 2].lex & LPeopleNoun) &&
                !d.toks[mt.tb - 2].cap && !mention_ending(c, mt.tb - 2)) {
                std::size_t b = mt.tb - 2;
                while (b > s.tb && mt.tb - b < 9 && d.toks[b - 1].kind == TokKind::word &&
                       c.ends_at[b - 1] < 0 && d.toks[b - 1].lower != "the"_w &&
                       d.toks[b - 1].lower != "a"_w)
                    --b;
                act.clear();
                if (b >= s.tb + 2 &&
                    (d.toks[b - 1].lower == "the"_w || d.toks[b - 1].lower == "a"_w) &&
                    d.toks[b - 2].lower == ","_w) {
                    const std::size_t mi0 = d.mention_from(s.tb);
                    if (mi0 < d.mentions.size() && d.mentions[mi0].tb < b &&
                        usable(d.mentions[mi0]) && d.mentions[mi0].prep.empty())
                        take(act, d.mentions[mi0]);
                }
            }
            // "returned one Erdogan made to Cairo", "the trip he made to Doha": "made to" is a
            // visit only as a relative clause on a visit noun (or "one" standing for it)
            if (tr.syntax == TrigSyntax::verb && mt.te == mt.tb + 2 &&
                d.toks[mt.tb + 1].lower == "to"_w &&
                (d.toks[mt.tb].lower == "made"_w || has_prefix(d.toks[mt.tb].lower, "make"_w))) {
                const std::size_t a = actors.empty() ? mt.tb : actors[0]->tb;
                if (actors.empty() || a == s.tb ||
                    !(d.toks[a - 1].lower == "one"_w || has(d.toks[a - 1], WVisitNoun)))
                    return;
            }
            if (noun && tr.syntax == TrigSyntax::noun) {
                // "X urged Y to act during a visit to Jerusalem": the visit of the sentence's
                // subject, not of the nearest name
                std::size_t b = mt.tb;
                while (b > s.tb && (d.toks[b - 1].lex & (LDeterminer | LOrdinal | LSkippable)) &&
                       !(d.toks[b - 1].lex & LPreposition))
                    --b;
                const bool in_pp = b > s.tb && in(d.toks[b - 1].lower,
                                                  {"during", "on", "after", "before", "following"});
                if (in_pp && !attached_actor) {
                    std::size_t mi0 = d.mention_from(s.tb);
                    while (mi0 < d.mentions.size() && d.mentions[mi0].possessive &&
                           d.mentions[mi0].tb < mt.tb)
                        ++mi0;
                    if (mi0 < d.mentions.size() && d.mentions[mi0].tb < mt.tb &&
                        usable(d.mentions[mi0]) && d.mentions[mi0].prep.empty()) {
                        act.clear();
                        take(act, d.mentions[mi0]);
                    }
                }
                // "On the second day of a visit to Riyadh, Araghchi met ...": a visit in a
                // fronted phrase is the subject's after the comma
                if (act.empty() && mt.tb <= s.tb + 8 &&
                    ((d.toks[s.tb].lex & LPreposition) || fronted_gerund(d, s) == s.tb)) {
                    std::size_t comma = mt.te;
                    while (comma < s.te && d.toks[comma].lower != ","_w) ++comma;
                    if (comma + 1 < s.te && c.starts_at[comma + 1] >= 0) {
                        const Mention& subj =
                            d.mentions[static_cast<std::size_t>(c.starts_at[comma + 1])];
                        if (usable(subj) && subj.prep.empty()) take(act, subj);
                    }
                }
                // "the first visit to Iran by a Bahraini foreign minister"
                for (const Mention* m : right)
                    if (m->prep == "by"_w && m->part && !m->adjective) {
                        act.clear();
                        take(act, *m);
                        break;
                    }
            }
            MentionList dests;
            if (compound && compound->place) dests.push_back(compound);
            // "chose Riyadh for his first trip abroad", "paid Cairo a visit": the verb's object
            // inside a phrase trigger with a gap is where the trip goes
            if (dests.empty() && tr.syntax == TrigSyntax::verb && mt.te > mt.tb + 2 &&
                c.starts_at[mt.tb + 1] >= 0) {
                const Mention& o = d.mentions[static_cast<std::size_t>(c.starts_at[mt.tb + 1])];
                if (o.place && o.prep.empty() && !o.adjective && !o.possessive && o.te < mt.te)
                    dests.push_back(&o);
            }
            for (const Mention* m : right) {
                if (!dests.empty()) break;
                if (!m->place) {
                    if (m->part && m->prep.empty() && !m->adjective) break;  // direct object person
                    continue;
                }
                if (!(m->prep.empty() || in(m->prep, {"in", "to", "for", "at", "into", "of"})))
                    continue;
                // ("a visit focused on the ceasefire, Syria and trade": a place listed after a
                // topic's preposition is a topic too; a bare place is the verb's object)
                bool listed = false;
                for (std::size_t t = mt.te; m->prep.empty() && t < m->tb && !listed; ++t)
                    listed = (d.toks[t].lex & LPreposition) != 0;
                if (listed) continue;
                dests.push_back(m);
                coord_right(c, cend, *m, dests, true);
            }
            // "travel to Qatar on Wednesday and to the UAE on Thursday": a second leg (its
            // trigger is its own "to", so that its day is its own)
            const std::size_t first_legs = dests.size();
            std::vector<std::size_t> leg_to;
            for (int leg = 0; leg < 3 && !dests.empty(); ++leg) {
                std::size_t p = dests.back()->te;
                const std::size_t p0 = p;
                while (p < cend && p < p0 + 4 &&
                       ((d.toks[p].lex & LDateWord) ||
                        in(d.toks[p].lower, {"on", "this", "next", "early", "late", "later"}) ||
                        d.toks[p].kind == TokKind::number))
                    ++p;
                if (p + 2 >= cend || d.toks[p].lower != "and"_w) break;
                ++p;
                if (d.toks[p].lower == "then"_w || d.toks[p].lower == "on"_w) ++p;
                if (p + 1 >= cend || d.toks[p].lower != "to"_w) break;
                const std::size_t to = p;
                ++p;
                if (d.toks[p].lower == "the"_w && c.starts_at[p] < 0) ++p;
                if (p >= cend || c.starts_at[p] < 0) break;
                const Mention& n = d.mentions[static_cast<std::size_t>(c.starts_at[p])];
                if (!n.place) break;
                dests.push_back(&n);
                leg_to.push_back(to);
            }
            if (act.empty()) return;
            cd.ev.actors = act.values();
            // "before returning to Tehran", "the delegation returned to Riyadh": a return to
            // the travellers' own country is the way home, no visit
            const bool going_back = has_prefix(d.toks[mt.tb].lower, "return"_w);
            auto home = [&](const Mention* m) {
                return going_back && !m->place->country.empty() &&
                       std::all_of(
                           cd.ev.actors.begin(), cd.ev.actors.end(),
                           [&](const Participant& p) { return p.country == m->place->country; });
            };
            // the last destination that makes a visit takes `cd` itself (no copy): no
            // later one makes any, and the carrier below is only for no visit at all
            std::size_t last = dests.size();
            for (std::size_t di = 0; di < dests.size(); ++di)
                if (dests[di]->place_concrete && !home(dests[di])) last = di;
            bool any = false;
            for (std::size_t di = 0; di < dests.size(); ++di) {
                const Mention* m = dests[di];
                if (!m->place_concrete) continue;
                if (home(m)) {
                    any = true;  // (no carrier either)
                    continue;
                }
                // (the last one is `cd` itself, moved into Doc::cands once)
                std::optional<Candidate> copy;
                Candidate& v = di == last ? cd : copy.emplace(cd);
                if (di >= first_legs) {
                    v.tb = leg_to[di - first_legs];
                    v.te = v.tb + 1;
                }
                v.ev.location = *m->place;
                v.places.push_back(*m->place);
                if (!m->place->country.empty()) {
                    if (const Participant* cp = k.country_of_code(m->place->country)) {
                        v.ev.targets.push_back(*cp);
                    }
                }
                d.cands.push_back(std::move(v));
                any = true;
                if (di == last) break;  // (`cd` is gone; the rest make no visit)
            }
            // "Blinken would travel to the Middle East later this week": a trip to a named
            // region (not "the region") is a visit there, with no state as target
            if (!any && tr.syntax == TrigSyntax::verb)
                for (const Mention* m : dests)
                    if (m->place && m->place->country.empty() && !m->place->name.empty() &&
                        m->prep == "to"_w && m->kind == MentionKind::entity &&
                        d.toks[m->te - 1].cap) {
                        cd.ev.location = *m->place;  // (its last use)
                        cd.places.push_back(*m->place);
                        d.cands.push_back(std::move(cd));
                        any = true;
                        break;
                    }
            if (!any) {
                cd.carrier = true;
                d.cands.push_back(std::move(cd));
            }
            return;
        }

        PartList tgt;
        if (type == "meeting"_w) {
            // "X greeted Y at the airport before the two leaders held talks": the greeting
            // opens the meeting told next, no meeting of its own
            if (has_prefix(d.toks[mt.tb].lower, "greet"_w))
                for (const Match& o : ms)
                    if (o.tb > mt.tb && k.types[k.triggers[o.trig].type].name == "meeting"_w)
                        return;
            // "X, who attended the spring meetings with his finance minister": "with" after
            // an attended gathering names who came along, not the other side
            if (noun && tr.syntax == TrigSyntax::noun) {
                std::size_t b = mt.tb;
                while (b > s.tb && mt.tb - b < 4 && d.toks[b - 1].kind == TokKind::word &&
                       !d.toks[b - 1].cap && !has_prefix(d.toks[b - 1].lower, "attend"_w) &&
                       !(d.toks[b - 1].lex & LPreposition))
                    --b;
                if (b > s.tb && has_prefix(d.toks[b - 1].lower, "attend"_w)) return;
            }
            if (tr.syntax == TrigSyntax::passive) {
                // "ceasefire talks in Cairo attended by Hamas and Israeli delegations": the
                // attendees are the sides of the talks
                if (d.toks[mt.tb].lower == "attended"_w && !act.empty())
                    for (std::size_t ci = d.cands.size(); ci-- > 0 && d.cands[ci].sentence == si;) {
                        Candidate& h = d.cands[ci];
                        if (h.ev.type != "negotiation"_w) continue;
                        for (const auto& p : act)
                            if (std::none_of(
                                    h.mediators.begin(), h.mediators.end(),
                                    [&](const Participant& a) { return same_party(a, p); }))
                                add_unique(h.ev.actors, p);
                        return;
                    }
                // "the summit was attended by X, Y and Z": only a gathering is attended
                if (d.toks[mt.tb].lower == "attended"_w &&
                    std::none_of(d.toks.begin() + static_cast<std::ptrdiff_t>(s.tb),
                                 d.toks.begin() + static_cast<std::ptrdiff_t>(mt.tb),
                                 [&](const Token& x) { return has(x, WGatheringNoun); }))
                    return;
                // "The summit, hosted by X, was attended by Y and Z": one gathering, the
                // attendees join the host's meeting
                if (d.toks[mt.tb].lower == "attended"_w && !act.empty()) {
                    // the host named in the sentence ("hosted by X") when it made no meeting
                    for (std::size_t t = s.tb; t + 2 < mt.tb; ++t)
                        if (d.toks[t].lower == "hosted"_w && d.toks[t + 1].lower == "by"_w &&
                            c.starts_at[t + 2] >= 0) {
                            const Mention& h =
                                d.mentions[static_cast<std::size_t>(c.starts_at[t + 2])];
                            if (!h.part || !usable(h)) break;
                            PartList host;
                            take(host, h);
                            tgt = std::move(act);
                            act = std::move(host);
                            break;
                        }
                    for (std::size_t ci = d.cands.size(); ci-- > 0 && d.cands[ci].sentence == si;) {
                        Candidate& h = d.cands[ci];
                        const bool host_gathering =
                            h.syntax == TrigSyntax::verb && h.te > h.tb + 1 &&
                            std::any_of(d.toks.begin() + static_cast<std::ptrdiff_t>(h.tb + 1),
                                        d.toks.begin() + static_cast<std::ptrdiff_t>(h.te),
                                        [&](const Token& x) { return has(x, WGatheringNoun); });
                        if (h.ev.type == "meeting"_w && ((h.syntax == TrigSyntax::passive &&
                                                          d.toks[h.tb].lower == "hosted"_w) ||
                                                         host_gathering)) {
                            for (const auto& p : act)
                                if (std::none_of(
                                        h.ev.actors.begin(), h.ev.actors.end(),
                                        [&](const Participant& a) { return same_party(a, p); }))
                                    add_unique(h.ev.targets, p);
                            return;
                        }
                    }
                }
                // "hosted by X": the subject is the guest
                if (d.toks[mt.tb].lower != "attended"_w) {
                    PartList guests;
                    for (const Mention* m : left_actors(c, s, mt.tb, false)) take(guests, *m);
                    tgt = std::move(guests);
                }
            } else {
                bool seen_place = false;
                for (const Mention* m : right) {
                    if (m->place && k.locative_preps.count(m->prep) && !tgt.empty())
                        seen_place = true;
                    if (seen_place && m->prep == "with"_w && usable(*m) && !act.empty()) {
                        // "talks with X in A and with Y in B": a second meeting
                        Candidate second = cd;
                        second.ev.actors = act.values();
                        for (const Mention* r2 : right) {
                            if (r2->tb < m->tb) continue;
                            const bool loc = r2->place && k.locative_preps.count(r2->prep);
                            if (loc && !second.ev.location)
                                second.ev.location = place_value(r2->place);
                            if (!loc && usable(*r2)) take(second.ev.targets, *r2);
                        }
                        if (second.ev.location) second.places.push_back(*second.ev.location);
                        d.cands.push_back(std::move(second));
                        break;
                    }
                    if (!usable(*m)) continue;
                    if (m->place && m->part && m->part->kind == "country"_w &&
                        k.locative_preps.count(m->prep))
                        continue;  // "in Egypt" is where, not whom
                    // "a conference to support Lebanon's reconstruction": a possessor only
                    if (m->possessive && m->part && m->part->kind != "person"_w) continue;
                    // "talks on the ceasefire with Israel": a side of the topic, not a guest
                    if (m->prep == "with"_w && m->tb >= 2 && has(d.toks[m->tb - 2], WTopicNoun))
                        continue;
                    // "met X on Monday to discuss Lebanon": what is discussed is a topic
                    if (m->prep != "with"_w &&
                        std::any_of(
                            d.toks.begin() + static_cast<std::ptrdiff_t>(mt.te),
                            d.toks.begin() + static_cast<std::ptrdiff_t>(m->tb),
                            [](const Token& x) { return has_prefix(x.lower, "discuss"_w); }))
                        continue;
                    if (!(m->prep.empty() ||
                          in(m->prep, {"with", "between", "by", "and", "from", "to"})) &&
                        !m->prep_attached)
                        continue;
                    take(tgt, *m);
                    if (tgt.size() >= max_targets_) break;
                }
            }
            // "In addition to X, ..."
            if (s.te - s.tb > 4 && d.toks[s.tb].lower == "in"_w &&
                d.toks[s.tb + 1].lower == "addition"_w && d.toks[s.tb + 2].lower == "to"_w) {
                for (std::size_t t = s.tb + 3; t < s.te && d.toks[t].lower != ","_w; ++t)
                    if (c.starts_at[t] >= 0) {
                        const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
                        if (m.part) take(tgt, m);
                    }
            }
            // "In a phone call with X on Tuesday, Y said ...": the fronted phrase's meeting
            // is held by the subject after the comma
            // ("Speaking after talks with X, Y said": a fronted gerund clause alike, for a
            // meeting "with" someone; not "Speaking at a forum, Y said")
            if (noun && act.empty() && mt.tb > s.tb && mt.tb <= s.tb + 4 &&
                ((d.toks[s.tb].lex & LPreposition) ||
                 (fronted_gerund(d, s) == s.tb && d.toks[mt.te - 1].lower == "with"_w))) {
                std::size_t comma = mt.te;
                while (comma < s.te && d.toks[comma].lower != ","_w) ++comma;
                if (comma + 1 < s.te && c.starts_at[comma + 1] >= 0) {
                    const Mention& subj =
                        d.mentions[static_cast<std::size_t>(c.starts_at[comma + 1])];
                    if (usable(subj) && subj.prep.empty()) {
                        PartList keep;
                        for (const auto& p : tgt)
                            if (!same_party(p, *subj.part)) keep.push_back(p);
                        tgt = keep;
                        take(act, subj);
                    }
                }
            }
            // "his meeting with Blinken, Sisi's office said": the actor is someone else
            fix_self(c, s, act, tgt);
            // "spoke by phone with", "a phone call with", "received a call from": by phone
            for (std::size_t t = mt.tb; t < mt.te; ++t) {
                const auto w = d.toks[t].lower;
                if (w == "phone"_w || w == "telephone"_w || w == "call"_w || w == "calls"_w ||
                    w == "called"_w || w == "phoned"_w || w == "phones"_w || w == "telephoned"_w ||
                    w == "telephones"_w)
                    cd.ev.plover_mode = "phone";
            }
            // "Sudani called the strikes "a clear aggression"", "called the attack a crime":
            // naming a thing is a statement of the caller
            if (mt.te == mt.tb + 1 && has_prefix(d.toks[mt.tb].lower, "call"_w) && !act.empty() &&
                mt.te < s.te &&
                (in(d.toks[mt.te].lower, {"the", "it", "them", "this", "these", "those", "his",
                                          "her", "their", "its"}) ||
                 (!right.empty() && right[0]->tb == mt.te && right[0]->possessive))) {
                bool complement = false;
                for (std::size_t t = mt.te + 1; t < s.te && t < mt.te + 8; ++t) {
                    if (d.toks[t].kind == TokKind::quote || d.toks[t].lower == "a"_w ||
                        d.toks[t].lower == "an"_w) {
                        complement = true;
                        break;
                    }
                    if (d.toks[t].kind == TokKind::punct || (d.toks[t].lex & LSubordinator)) break;
                }
                if (complement) {
                    if (!retype(cd.ev, k, "statement")) return;
                    cd.ev.actors = act.values();
                    cd.ev.targets.clear();
                    d.cands.push_back(std::move(cd));
                    return;
                }
            }
            // "Sisi called King Abdullah", "Erdogan and Trump spoke": a bare contact verb
            // is a meeting only with a person on the other side
            if (mt.te == mt.tb + 1 && has(d.toks[mt.tb], WContactVerb)) {
                const auto person = [](const Participant& p) { return p.kind == "person"_w; };
                const bool naming =
                    has_prefix(d.toks[mt.tb].lower, "call"_w) && !tgt.empty() &&
                    (right.empty() || right[0]->tb != mt.te || right[0]->possessive ||
                     (right[0]->te < s.te && ((d.toks[right[0]->te].lex & LDeterminer) ||
                                              d.toks[right[0]->te].kind == TokKind::quote)));
                tgt.erase_if([&](const Participant& p) { return !person(p); });
                if (naming) tgt.clear();  // "called Israel's actions a crime"
                if (tgt.empty() && std::count_if(act.begin(), act.end(), person) < 2) return;
                if (tgt.empty() && !std::all_of(act.begin(), act.end(), person)) return;
            }
            // "welcomed the end of the fighting", "hosted the talks": receiving a thing is no
            // meeting; the guest is the direct object
            if (tr.syntax == TrigSyntax::verb && mt.te == mt.tb + 1 &&
                has(d.toks[mt.tb], WReceptionVerb)) {
                std::size_t o = mt.te;
                while (o < s.te && (d.toks[o].lex & LDeterminer) && c.starts_at[o] < 0) ++o;
                // "hosted the foreign ministers of Saudi Arabia and Iraq": people of a state
                for (std::size_t p = o; p < s.te && p < o + 3 && c.starts_at[o] < 0; ++p) {
                    if (d.toks[p].kind != TokKind::word || d.toks[p].cap || c.starts_at[p] >= 0)
                        break;
                    if ((d.toks[p].lex & LPeopleNoun) && p + 2 < s.te &&
                        in(d.toks[p + 1].lower, {"of", "from"}) && c.starts_at[p + 2] >= 0)
                        o = p + 2;
                }
                if (o >= s.te || c.starts_at[o] < 0) return;
                // "welcomed Trump's sincere efforts": the possessor owns the thing welcomed
                // (not "received her guest, X")
                if (const Mention& om = d.mentions[static_cast<std::size_t>(c.starts_at[o])];
                    om.possessive && om.kind != MentionKind::pronoun)
                    return;
            }
            auto loc = location_near(c, s, mt.tb, mt.te, cend);
            // "hosted a donor conference in Amman", "will attend a peace summit in Sharm
            // el-Sheikh": a gathering needs one named party and its venue
            bool gathering = false;
            // (the verb "meeting" itself is no gathering: "Burns meeting officials in Doha")
            const std::size_t gfrom = tr.syntax == TrigSyntax::verb ? mt.tb + 1 : mt.tb;
            for (std::size_t t = gfrom; t < mt.te; ++t)
                if (has(d.toks[t], WGatheringNoun) &&
                    !(t > s.tb && has(d.toks[t - 1], WGatheringExclude)))
                    gathering = true;
            // "addressed a government summit in Dubai": a speech to a gathering, no meeting
            if (gathering && tr.syntax != TrigSyntax::verb)
                for (std::size_t t = mt.tb; t-- > s.tb && mt.tb - t <= 4;) {
                    if (has_prefix(d.toks[t].lower, "address"_w)) return;
                    if (d.toks[t].kind != TokKind::word) break;
                }
            // "Arab leaders meeting in Cairo", "EU ministers met in Brussels": the members of
            // one body meeting among themselves
            const auto mv = d.toks[mt.tb].lower;
            const bool members = tr.syntax == TrigSyntax::verb &&
                                 (mt.te == mt.tb + 1 ||
                                  (mt.te == mt.tb + 2 && has(d.toks[mt.tb + 1], WLocativePrep))) &&
                                 (has_prefix(mv, "meet"_w) || mv == "met"_w ||
                                  has_prefix(mv, "gather"_w) || has_prefix(mv, "conven"_w)) &&
                                 actors.size() == 1 &&
                                 (actors[0]->people || actors[0]->prep_attached) &&
                                 act.size() == 1 && act[0].kind == "organisation"_w && tgt.empty();
            // "The conference, co-hosted by Egypt and the UN, ...": the gathering named in an
            // earlier sentence with its venue ("a conference in Cairo")
            if (!loc && tr.syntax == TrigSyntax::passive)
                for (std::size_t g = mt.tb; g-- > s.tb && mt.tb - g <= 4;) {
                    if (!has(d.toks[g], WGatheringNoun)) continue;
                    if (g == s.tb || d.toks[g - 1].lower != "the"_w) break;
                    for (std::size_t sj = si; sj-- > 0 && si - sj <= 3 && !loc;) {
                        const Sentence& ps = d.sents[sj];
                        for (std::size_t t = ps.tb; t + 2 < ps.te && !loc; ++t) {
                            if (d.toks[t].lower != d.toks[g].lower ||
                                (d.toks[t + 1].lower != "in"_w && d.toks[t + 1].lower != "at"_w) ||
                                c.starts_at[t + 2] < 0)
                                continue;
                            const Mention& v =
                                d.mentions[static_cast<std::size_t>(c.starts_at[t + 2])];
                            if (v.place && v.place_concrete && !v.in_quote)
                                loc = place_value(v.place);
                        }
                        // "The meeting, co-hosted by ...": "an emergency conference on Gaza
                        // held at the Dead Sea" (another gathering word, its venue after "held")
                        for (std::size_t t = ps.tb; t + 3 < ps.te && !loc; ++t) {
                            if (!k.gathering_nouns.count(d.toks[t].lower)) continue;
                            for (std::size_t u = t + 1; u + 2 < ps.te && u < t + 6; ++u) {
                                if (hard_punct(d.toks[u])) break;
                                if (d.toks[u].lower != "held"_w || (d.toks[u + 1].lower != "in"_w &&
                                                                    d.toks[u + 1].lower != "at"_w))
                                    continue;
                                for (std::size_t w = u + 2; w < ps.te && w < u + 4; ++w)
                                    if (c.starts_at[w] >= 0) {
                                        const Mention& v =
                                            d.mentions[static_cast<std::size_t>(c.starts_at[w])];
                                        // (a venue named "held at": also a shore, "the
                                        // Dead Sea")
                                        if (v.place && !v.in_quote) loc = place_value(v.place);
                                        break;
                                    }
                                break;
                            }
                        }
                    }
                    break;
                }
            // "Sisi, who hosted the emergency summit": the gathering the story opened with
            // ("Arab leaders meeting in Cairo on Tuesday")
            if (gathering && !loc && tr.syntax == TrigSyntax::verb &&
                std::any_of(d.toks.begin() + static_cast<std::ptrdiff_t>(mt.tb + 1),
                            d.toks.begin() + static_cast<std::ptrdiff_t>(mt.te),
                            [](const Token& x) { return x.lower == "the"_w; }))
                for (std::size_t sj = si; sj-- > 0 && si - sj <= 3 && !loc;) {
                    const Sentence& ps = d.sents[sj];
                    for (std::size_t t = ps.tb; t + 2 < ps.te && !loc; ++t) {
                        if (!in(d.toks[t].lower, {"meeting", "met", "gathered", "convened"}) ||
                            (d.toks[t + 1].lower != "in"_w && d.toks[t + 1].lower != "at"_w) ||
                            c.starts_at[t + 2] < 0)
                            continue;
                        const Mention& v = d.mentions[static_cast<std::size_t>(c.starts_at[t + 2])];
                        if (v.place && v.place_concrete && !v.in_quote) loc = place_value(v.place);
                    }
                }
            // "a news conference with X, the first leader he has hosted at the White House":
            // the place a host received the other side
            if (!loc)
                for (std::size_t t = mt.te; t + 2 < s.te; ++t) {
                    const auto w = d.toks[t].lower;
                    if (w == ";"_w || d.toks[t].kind == TokKind::quote) break;
                    if ((w != "hosted"_w && w != "received"_w) ||
                        (d.toks[t + 1].lower != "at"_w && d.toks[t + 1].lower != "in"_w) ||
                        c.starts_at[t + 2] < 0)
                        continue;
                    const Mention& v = d.mentions[static_cast<std::size_t>(c.starts_at[t + 2])];
                    if (v.place && v.place_concrete && !v.in_quote && !topic_place(d, v))
                        loc = place_value(v.place);
                    break;
                }
            // "held talks on the sidelines of the conference": where the article put that
            // conference ("a conference in Paris")
            if (!loc)
                for (std::size_t t = mt.te; t + 3 < cend && t < mt.te + 6; ++t) {
                    if (d.toks[t].lower != "sidelines"_w || d.toks[t + 1].lower != "of"_w ||
                        d.toks[t + 2].lower != "the"_w ||
                        !k.gathering_nouns.count(d.toks[t + 3].lower))
                        continue;
                    const auto g = d.toks[t + 3].lower;
                    for (std::size_t sj = 0; sj < si && !loc; ++sj) {
                        const Sentence& ps = d.sents[sj];
                        for (std::size_t u = ps.tb; u + 2 < ps.te && !loc; ++u) {
                            if (d.toks[u].lower != g ||
                                (d.toks[u + 1].lower != "in"_w && d.toks[u + 1].lower != "at"_w) ||
                                c.starts_at[u + 2] < 0)
                                continue;
                            const Mention& v =
                                d.mentions[static_cast<std::size_t>(c.starts_at[u + 2])];
                            if (v.place && v.place_concrete && !v.in_quote)
                                loc = place_value(v.place);
                        }
                    }
                    break;
                }
            // "will host the Cairo Peace Summit": the place in the gathering's name
            if (gathering && !loc)
                for (std::size_t t = mt.tb + 1; t < mt.te; ++t)
                    if (c.starts_at[t] >= 0) {
                        const Mention& v = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
                        if (v.place && v.place_concrete && (!v.part || v.metonym) && v.te < mt.te)
                            loc = place_value(v.place);
                    }
            // "a conference on Syria's reconstruction in Istanbul": the topic already has its
            // place ("Syria's"), the next one is the venue
            if (gathering && !loc)
                for (std::size_t t = mt.te; t + 1 < cend; ++t) {
                    if (c.starts_at[t + 1] < 0 || d.toks[t].lower != "in"_w) continue;
                    const Mention& v = d.mentions[static_cast<std::size_t>(c.starts_at[t + 1])];
                    if (v.place && v.place_concrete && !v.in_quote && t >= mt.te + 3 &&
                        d.toks[t - 2].lower == "'s"_w)
                        loc = place_value(v.place);
                    break;
                }
            // "Sisi, who hosted the emergency summit, ...": the definite gathering is the one
            // an earlier sentence placed ("Arab leaders meeting in Cairo")
            if (gathering && !loc && tr.syntax == TrigSyntax::verb && mt.tb + 1 < mt.te &&
                d.toks[mt.tb + 1].lower == "the"_w)
                for (std::size_t sj = si; sj-- > 0 && si - sj <= 2 && !loc;) {
                    const Sentence& ps = d.sents[sj];
                    for (std::size_t t = ps.tb; t + 2 < ps.te && !loc; ++t) {
                        const auto w = d.toks[t].lower;
                        if (!k.gathering_nouns.count(w) && w != "meeting"_w && w != "met"_w)
                            continue;
                        if (t > ps.tb && k.gathering_exclude.count(d.toks[t - 1].lower)) continue;
                        if ((d.toks[t + 1].lower != "in"_w && d.toks[t + 1].lower != "at"_w) ||
                            c.starts_at[t + 2] < 0)
                            continue;
                        const Mention& v = d.mentions[static_cast<std::size_t>(c.starts_at[t + 2])];
                        if (v.place && v.place_concrete && !v.in_quote) loc = place_value(v.place);
                    }
                }
            const bool lone_ok = (gathering || members) && loc && !act.empty();
            if (act.size() + tgt.size() < 2 && !lone_ok) return;
            if (tgt.empty() && act.size() < 2 && !lone_ok) return;
            // "an Israeli delegation led by X travelled ... for talks": a state and one of
            // its people alone are one side and hold no meeting (three Libyan leaders may)
            if (tgt.empty() && !lone_ok && !act[0].country.empty() &&
                std::all_of(act.begin(), act.end(),
                            [&](const Participant& p) { return p.country == act[0].country; }) &&
                std::count_if(act.begin(), act.end(),
                              [](const Participant& p) { return p.kind == "person"_w; }) < 2)
                return;
            // (tgt stays as it is now for the received-guest rule below: the rules between
            // drop mediators from the candidate's targets)
            const auto hw = d.toks[mt.tb].lower;
            const bool receives = has_prefix(hw, "receiv"_w) || has_prefix(hw, "host"_w) ||
                                  has_prefix(hw, "welcom"_w);
            cd.ev.actors = act.values();
            cd.ev.targets = tgt.values();
            // (not a place inside what was said: "In a call with X, Y said attacks in Gaza")
            cd.ev.location = loc;
            // "held indirect talks with", "held peace talks in": negotiations
            // (also a noun trigger headed by the talks: "will hold nuclear talks with")
            for (std::size_t t = std::max(mt.tb, s.tb + 1); t < mt.te; ++t)
                if ((d.toks[t].lower == "talks"_w || d.toks[t].lower == "negotiations"_w) &&
                    has(d.toks[t - 1], WNegotiationModifier) &&
                    // (not a verb before the trigger: "Qatar mediated talks", told by the verb)
                    (t > mt.tb || !has_suffix(d.toks[t - 1].lower, "ed"_w))) {
                    retype(cd.ev, k, "negotiation");
                    break;
                }
            // "pursues talks with Saudi Arabia on a broader arrangement": talks towards a
            // deal are a negotiation
            if (cd.ev.type == "meeting"_w && !noun_is_meeting(d, mt) &&
                talks_towards_deal(d, s, mt))
                retype(cd.ev, k, "negotiation");
            // "held talks in Muscat, with Oman's foreign minister carrying messages between
            // the two delegations": a go-between makes them a mediated negotiation
            for (std::size_t t = mt.te; t + 3 < s.te && cd.ev.type == "meeting"_w; ++t) {
                if (d.toks[t].lower != "with"_w || c.starts_at[t + 1] < 0) continue;
                const Mention& g = d.mentions[static_cast<std::size_t>(c.starts_at[t + 1])];
                if (!g.part || g.te + 2 >= s.te) break;
                // ("with Oman's foreign minister again acting as go-between")
                std::size_t a = g.te;
                if (in(d.toks[a].lower, {"again", "also"})) ++a;
                bool acting = false;
                if (a + 2 < s.te && d.toks[a].lower == "acting"_w &&
                    d.toks[a + 1].lower == "as"_w) {
                    std::size_t r = a + 2;
                    if (in(d.toks[r].lower, {"a", "an", "the"}) && r + 1 < s.te) ++r;
                    const auto rw = d.toks[r].lower;
                    acting = rw == "mediator"_w || rw == "intermediary"_w ||
                             (rw == "go"_w && r + 2 < s.te && d.toks[r + 2].lower == "between"_w);
                }
                const auto v = d.toks[g.te].lower;
                if (acting) {
                    if (!retype(cd.ev, k, "negotiation")) break;
                    std::erase_if(cd.ev.targets,
                                  [&](const Participant& p) { return same_party(p, *g.part); });
                    add_unique(cd.mediators, *g.part);
                    break;
                }
                if (!(v == "carrying"_w || v == "passing"_w || v == "relaying"_w ||
                      v == "shuttling"_w) ||
                    std::none_of(
                        d.toks.begin() + static_cast<std::ptrdiff_t>(g.te),
                        d.toks.begin() + static_cast<std::ptrdiff_t>(std::min(s.te, g.te + 4)),
                        [](const Token& x) { return x.lower == "between"_w; }))
                    break;
                if (!retype(cd.ev, k, "negotiation")) break;
                std::erase_if(cd.ev.targets,
                              [&](const Participant& p) { return same_party(p, *g.part); });
                add_unique(cd.mediators, *g.part);
                break;
            }
            // "talks between Baghdad and Washington on the coalition are continuing": talks
            // of states (no person on either side) that go on are negotiations
            if (noun && d.toks[mt.tb].lower == "talks"_w && !cd.ev.actors.empty() &&
                !cd.ev.targets.empty() &&
                std::none_of(cd.ev.actors.begin(), cd.ev.actors.end(),
                             [](const Participant& p) { return p.kind == "person"_w; }) &&
                std::none_of(cd.ev.targets.begin(), cd.ev.targets.end(),
                             [](const Participant& p) { return p.kind == "person"_w; })) {
                bool going_on = false;
                for (std::size_t t = mt.te; t < s.te && t < mt.te + 16; ++t) {
                    const auto w = d.toks[t].lower;
                    if (w == ";"_w || w == ","_w) break;
                    if (w == "continuing"_w || w == "ongoing"_w || w == "continue"_w)
                        going_on = true;
                }
                if (going_on) retype(cd.ev, k, "negotiation");
            }
            // "Cairo is in talks with the IMF": being in talks is negotiating, not a meeting
            if (noun && d.toks[mt.tb].lower == "talks"_w && mt.tb >= s.tb + 2 &&
                d.toks[mt.tb - 1].lower == "in"_w && k.copulas.count(d.toks[mt.tb - 2].lower))
                retype(cd.ev, k, "negotiation");
            // "X received his Iranian counterpart Y in Riyadh": the foreign guest visited
            if (cd.ev.location && !cd.ev.location->country.empty() && receives)
                for (const Participant& g : tgt) {
                    if (g.kind != "person"_w || g.country.empty() ||
                        g.country == cd.ev.location->country)
                        continue;
                    const Participant* host = k.country_of_code(cd.ev.location->country);
                    if (!host) break;
                    Candidate v = cd;
                    if (!retype(v.ev, k, "visit")) break;
                    v.ev.actors = {g};
                    v.ev.targets = {*host};
                    v.places = {*cd.ev.location};
                    d.cands.push_back(std::move(v));
                }
            else if (auto v = visit_of_meeting_abroad(d, k, *visit_words_, cd))
                d.cands.push_back(std::move(*v));
        } else if (type == "negotiation"_w) {
            PartList med;
            if (tr.syntax == TrigSyntax::passive) {
                med = std::move(act);
                act.clear();
                // the subject of the sentence ("Egypt and Qatar mediated talks": handled by verbs)
                // "held indirect talks in Muscat, mediated by X": the talks named just before
                if (!med.empty() && mt.tb > s.tb && d.toks[mt.tb - 1].lower == ","_w &&
                    d.toks[mt.tb].text != "-"_w)
                    for (std::size_t ci = d.cands.size(); ci-- > 0 && d.cands[ci].sentence == si;) {
                        Candidate& h = d.cands[ci];
                        if ((h.ev.type != "negotiation"_w && h.ev.type != "meeting"_w) ||
                            h.tb >= mt.tb)
                            continue;
                        // mediated talks are a negotiation
                        retype(h.ev, k.types[tr.type]);
                        for (const auto& p : med)
                            if (std::none_of(
                                    h.ev.actors.begin(), h.ev.actors.end(),
                                    [&](const Participant& a) { return same_party(a, p); }))
                                add_unique(h.mediators, p);
                        // "Talks between A and B, mediated by C, resumed in Doha"
                        if (!h.ev.location) {
                            h.ev.location = location_near(c, s, h.tb, h.te, s.te);
                            if (h.ev.location) h.places.push_back(*h.ev.location);
                        }
                        return;
                    }
            } else {
                const bool mediator_noun = has_prefix(d.toks[mt.tb].lower, "mediat"_w);
                // "told a news conference after the talks": a time reference back to talks
                // reported before, no event of its own (unless its sides follow)
                if (noun && mt.tb >= s.tb + 2 && d.toks[mt.tb - 1].lower == "the"_w &&
                    in(d.toks[mt.tb - 2].lower, {"after", "before", "following"}) &&
                    std::none_of(right.begin(), right.end(), [&](const Mention* m) {
                        return m->tb <= mt.te + 1 && in(m->prep, {"with", "between"});
                    }))
                    return;
                // "negotiations, facilitated by X": a passive right after the noun
                for (std::size_t t = mt.te; t < std::min(s.te, mt.te + 4); ++t) {
                    if (d.toks[t].lower == "by"_w) {
                        for (const Mention* m : right_mentions(c, t + 1, s.te)) {
                            if (!m->part) break;
                            MentionList l{m};
                            coord_right(c, s.te, *m, l, false);
                            for (const Mention* x : l) take(med, *x);
                            break;
                        }
                        break;
                    }
                }
                // "four days of talks, which had not been made public, between A and B": the
                // sides after a relative clause on the talks
                MentionList sides = right;
                if (noun && mt.te + 2 < s.te && d.toks[mt.te].lower == ","_w &&
                    (d.toks[mt.te + 1].lower == "which"_w || d.toks[mt.te + 1].lower == "that"_w))
                    for (std::size_t t = mt.te + 2; t + 1 < s.te && t < mt.te + 25; ++t) {
                        if (hard_punct(d.toks[t]) && d.toks[t].lower != ","_w) break;
                        if (d.toks[t].lower != ","_w) continue;
                        if (d.toks[t + 1].lower == "between"_w || d.toks[t + 1].lower == "with"_w)
                            for (const Mention* m : right_mentions(c, t + 1, s.te))
                                sides.push_back(m);
                        break;
                    }
                bool between = false;
                for (const Mention* m : sides) {
                    if (!usable(*m) && !(mediator_noun && m->part && !m->adjective)) continue;
                    if (mediator_noun && (m->prep.empty() || m->prep == "from"_w)) {
                        take(med, *m);
                    } else if (m->prep == "between"_w || m->prep == "with"_w ||
                               m->prep == "and"_w) {
                        between = between || m->prep == "between"_w;
                        take(tgt, *owned_or_self(c, m));
                    } else if (between && m->part && m->part->kind == "person"_w &&
                               m->tb >= s.tb + 2 && d.toks[m->tb - 1].lower == "and"_w &&
                               d.toks[m->tb - 2].lower == ","_w) {
                        // "between A, the secretary of X, and B": past A's apposition
                        take(tgt, *m);
                    }
                }
                const auto& vw = d.toks[mt.tb].lower;
                if (tr.syntax == TrigSyntax::verb &&
                    (has_prefix(vw, "mediat"_w) || has_prefix(vw, "broker"_w) ||
                     has_prefix(vw, "facilitat"_w) || has_prefix(vw, "host"_w))) {
                    // "Egypt and Qatar mediated": the subject mediates; "negotiators
                    // from X and Y resumed talks": the subject negotiates
                    med.append(act);
                    act.clear();
                }
            }
            // "The talks, which Iran described as frank, came a day after X arrived": the
            // talks reported before, taken up again; no sides to gather from the asides
            if (noun && act.empty() && tgt.empty() && med.empty() && mt.tb == s.tb + 1 &&
                d.toks[s.tb].lower == "the"_w && mt.te + 1 < s.te && d.toks[mt.te].lower == ","_w &&
                (d.toks[mt.te + 1].lower == "which"_w || d.toks[mt.te + 1].lower == "who"_w))
                return;
            if (act.size() + tgt.size() + med.size() < 2 && !attached_actor) {
                // fallback: the states and bodies named in the sentence (in the trigger's
                // own conjunct: not "Russia has kept contacts with Israel, and has hosted
                // talks")
                std::size_t from = s.tb;
                for (std::size_t t = mt.tb; t-- > s.tb + 1;)
                    if (d.toks[t].lower == ";"_w ||
                        (d.toks[t - 1].lower == ","_w &&
                         (d.toks[t].lower == "and"_w || d.toks[t].lower == "but"_w))) {
                        from = t + 1;
                        break;
                    }
                PartList all;
                for (std::size_t mi = d.mention_from(s.tb);
                     mi < d.mentions.size() && d.mentions[mi].tb < s.te; ++mi) {
                    const Mention& m = d.mentions[mi];
                    if (!usable(m) || !m.part) continue;
                    if (m.tb < from && !(med.size() == 1 && same_party(*m.part, med[0]))) continue;
                    if (m.part->kind != "country"_w && m.part->kind != "organisation"_w) continue;
                    // ("proposed a ceasefire at the United Nations": a venue is no side)
                    if (m.prep == "at"_w && m.part->kind == "organisation"_w) continue;
                    add_unique(all, *m.part);
                }
                // "The talks, which X described as useful, came a day after ...": the talks
                // told before, named again as a subject, are no new event
                if (all.size() >= 2 && tr.syntax == TrigSyntax::noun && mt.tb == s.tb + 1 &&
                    d.toks[s.tb].lower == "the"_w && mt.te < s.te && d.toks[mt.te].lower == ","_w)
                    return;
                if (all.size() >= 2) {
                    for (const auto& p : all)
                        if (std::none_of(med.begin(), med.end(),
                                         [&](const Participant& x) { return same_key(x, p); }))
                            add_unique(act, p);
                }
            }
            if (act.empty() && tgt.empty() && med.empty()) return;
            // talks need two sides (or a mediator named by a verb: "Oman mediated")
            if (tr.syntax != TrigSyntax::verb && tr.syntax != TrigSyntax::passive &&
                act.size() + tgt.size() + med.size() < 2)
                return;
            // "Russia has hosted several rounds of talks": one host alone, without sides or
            // a venue, names no talks
            if (tr.syntax == TrigSyntax::verb && has_prefix(d.toks[mt.tb].lower, "host"_w) &&
                act.empty() && tgt.empty() && med.size() < 2 &&
                !location_near(c, s, mt.tb, mt.te, s.te))
                return;
            cd.ev.actors = act.values();
            cd.ev.targets = tgt.values();
            cd.mediators = med.values();
            cd.ev.location = location_near(c, s, mt.tb, mt.te, s.te);
            // "X travelled to Paris on Friday for talks with mediators": the talks are where
            // the trip went, with the traveller as a side
            if (!cd.ev.location && noun) {
                // ("for talks with mediators", "for a new round of talks")
                std::size_t b = mt.tb;
                while (b > s.tb && mt.tb - b < 6 && d.toks[b - 1].kind == TokKind::word &&
                       !d.toks[b - 1].cap && d.toks[b - 1].lower != "for"_w &&
                       (!(d.toks[b - 1].lex & LPreposition) ||
                        in(d.toks[b - 1].lower, {"with", "of"})))
                    --b;
                if (b > s.tb && d.toks[b - 1].lower == "for"_w)
                    for (std::size_t ci = d.cands.size(); ci-- > 0 && d.cands[ci].sentence == si;) {
                        const Candidate& v = d.cands[ci];
                        if (v.ev.type != "visit"_w || v.drop || v.carrier || !v.ev.location ||
                            v.te > mt.tb)
                            continue;
                        cd.ev.location = v.ev.location;
                        if (cd.ev.actors.empty()) cd.ev.actors = v.ev.actors;
                        break;
                    }
            }
            // "China hosted a round of talks between the two movements": on the host state's
            // soil when no place is named (the sides named with the talks)
            if (!cd.ev.location && tr.syntax == TrigSyntax::verb && !cd.ev.targets.empty() &&
                has_prefix(d.toks[mt.tb].lower, "host"_w) && cd.mediators.size() == 1 &&
                cd.mediators[0].kind == "country"_w && !cd.mediators[0].country.empty())
                cd.ev.location = Place{cd.mediators[0].name, cd.mediators[0].country};
            // "signed the document after talks hosted by Egyptian Foreign Minister X": talks
            // a state's official hosted are on that state's soil when no place is named
            if (!cd.ev.location && noun && mt.te + 2 < s.te && d.toks[mt.te].lower == "hosted"_w &&
                d.toks[mt.te + 1].lower == "by"_w && c.starts_at[mt.te + 2] >= 0) {
                const Mention& h = d.mentions[static_cast<std::size_t>(c.starts_at[mt.te + 2])];
                if (h.part && usable(h) && !h.part->country.empty() &&
                    (h.part->kind == "person"_w || h.part->kind == "country"_w)) {
                    const auto it = k.country_by_code.find(h.part->country);
                    if (it != k.country_by_code.end())
                        cd.ev.location =
                            Place{k.countries[it->second].name, k.countries[it->second].code};
                }
            }
            // "released in a prisoner exchange brokered by Qatar", "a truce mediated by
            // Egypt": the deal itself was reached, between the parties, with these mediators
            const bool agreed_already = std::any_of(
                d.cands.begin(), d.cands.end(),
                [&](const Candidate& o) { return o.sentence == si && o.ev.type == "agreement"_w; });
            std::size_t head = mt.tb;  // the noun before "brokered by", past "between X and Y"
            while (head > s.tb && head + 10 > mt.tb) {
                const auto w = d.toks[head - 1].lower;
                if (const Mention* m = mention_ending(c, head - 1)) {
                    head = m->tb;
                    continue;
                }
                if (w != "and"_w && w != "between"_w && w != "the"_w && w != ","_w) break;
                --head;
            }
            // "The agreement, brokered by the United States and France, was announced": the
            // deal named before, no talks of their own when its sides are not named here
            if (tr.syntax == TrigSyntax::passive && head > s.tb && cd.ev.actors.empty() &&
                cd.ev.targets.empty() && k.agreement_nouns.count(d.toks[head - 1].lower) &&
                d.toks[mt.tb].text != "-"_w)
                return;
            if (tr.syntax == TrigSyntax::passive && head > s.tb && !cd.ev.actors.empty() &&
                !cd.mediators.empty() && !agreed_already && has(d.toks[head - 1], WAgreementNoun)) {
                Candidate ag = cd;
                if (retype(ag.ev, k, "agreement")) {
                    ag.places.clear();
                    if (ag.ev.location) ag.places.push_back(*ag.ev.location);
                    d.cands.push_back(std::move(ag));
                }
            }
            // "restored ties under a deal brokered by China", "agreed, in a deal mediated by
            // Qatar, to ...": the deal's origin told as the frame of another clause (a
            // preposition before the deal noun, the noun right before the participle) is
            // background, no talks of its own
            if (tr.syntax == TrigSyntax::passive && head == mt.tb && head >= s.tb + 2 &&
                has(d.toks[head - 1], WAgreementNoun) && d.toks[mt.tb].text != "-"_w &&
                deal_in_frame(d, s, head - 1))
                return;
            // "Oman brokered a ceasefire between the United States and the Houthis": the
            // deal was reached by the two sides, with the broker as mediator
            const auto bw = d.toks[mt.tb].lower;
            if (tr.syntax == TrigSyntax::verb && !agreed_already && !cd.ev.targets.empty() &&
                !cd.mediators.empty() &&
                (has_prefix(bw, "broker"_w) || has_prefix(bw, "mediat"_w)) &&
                agreement_object(d, s, mt.te) != SIZE_MAX)
                push_agreement(d, cd, cd.ev.targets, {}, cd.mediators);
            // "The agreement, brokered by the United States and France, was announced": a
            // deal's brokers named in passing, with no side of the talks, are no negotiation
            if (tr.syntax == TrigSyntax::passive && cd.ev.actors.empty() && cd.ev.targets.empty() &&
                head > s.tb && has(d.toks[head - 1], WAgreementNoun))
                return;
        } else if (type == "statement"_w) {
            // "targets (in) what it said were militant bases": a hedge, not a statement
            // (also in a relative clause: "Yehud, whom it said should have been freed",
            // "sites which it said were used")
            if (mt.tb >= s.tb + 2 && in(d.toks[mt.tb - 2].lower, {"what", "whom", "which"}) &&
                !noun)
                return;
            // "air strikes that Lebanese authorities say have killed 700 people", "ships they
            // say are linked to Israel": a saying whose own clause lacks a subject (a finite
            // verb right after it) sits in a relative clause about the noun before it; by an
            // unnamed source it hedges that noun, no statement (a named speaker's stays: "an
            // operation Trump said had obliterated the site")
            if (!noun && mt.te < s.te && in(d.toks[mt.tb].lower, {"say", "says", "said"}) &&
                has(d.toks[mt.te], WFiniteAux) &&
                std::none_of(actors.begin(), actors.end(), [](const Mention* a) {
                    return a->kind == MentionKind::entity && !a->adjective && !a->people;
                }))
                return;
            // "Israeli officials have said for years that ...", "have long said": a
            // standing view, not a statement made on one occasion
            if (!noun && mt.tb > s.tb &&
                ((mt.te + 1 < s.te && d.toks[mt.te].lower == "for"_w &&
                  in(d.toks[mt.te + 1].lower, {"years", "decades"})) ||
                 d.toks[mt.tb - 1].lower == "long"_w))
                return;
            // "declined to comment, saying it does not comment on foreign reports": the
            // reason given for not commenting is no statement
            if (!noun && has_suffix(d.toks[mt.tb].lower, "ing"_w) && mt.tb >= s.tb + 4 &&
                d.toks[mt.tb - 1].lower == ","_w && d.toks[mt.tb - 2].lower == "comment"_w &&
                d.toks[mt.tb - 3].lower == "to"_w)
                return;
            // "..., Egyptian officials said.": a trailing attribution to unnamed officials is
            // sourcing for the clause before it, not a statement of its own
            // (", a Lebanese official said." too, also when read as a title)
            if (!noun && actors.size() == 1 && actors[0]->kind == MentionKind::role_only &&
                actors[0]->te == mt.tb && actors[0]->tb > s.tb &&
                in(d.toks[actors[0]->tb].lower, {"a", "an", "one"}) &&
                d.toks[actors[0]->tb - 1].lower == ","_w && has(d.toks[mt.tb], WReportingVerb))
                return;
            if (!noun && actors.size() == 1 && actors[0]->people && actors[0]->adjective &&
                actors[0]->te < mt.tb && mt.tb <= actors[0]->te + 2 &&
                (d.toks[mt.tb - 1].lex & LPeopleNoun) && !d.toks[mt.tb - 1].cap &&
                has(d.toks[mt.tb], WReportingVerb)) {
                std::size_t b = actors[0]->tb;
                bool indefinite = false;
                while (b > s.tb && b + 3 > actors[0]->tb && d.toks[b - 1].kind == TokKind::word &&
                       !d.toks[b - 1].cap) {
                    const auto w = d.toks[b - 1].lower;
                    if (w == "a"_w || w == "an"_w || w == "one"_w || w == "another"_w)
                        indefinite = true;
                    if (!(d.toks[b - 1].lex & (LDeterminer | LRoleModifier)) && w != "one"_w &&
                        w != "another"_w)
                        break;
                    --b;
                }
                if (b > s.tb && d.toks[b - 1].lower == ","_w &&
                    (has_suffix(d.toks[mt.tb - 1].lower, "s"_w) || indefinite))
                    return;
            }
            if (noun) {
                // "Egypt's statement", "a statement from the ministry"
                act.clear();
                if (const Mention* a = attached(c, s, mt.tb, nullptr)) take(act, *a);
                if (mt.te + 1 < s.te && in(d.toks[mt.te].lower, {"from", "by", "of"}) &&
                    c.starts_at[mt.te + 1] >= 0) {
                    const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[mt.te + 1])];
                    if (usable(m) || (m.adjective && m.part)) {
                        take(act, m);
                        // "a joint statement by Egypt, Qatar and the United States"
                        MentionList more;
                        coord_right(c, s.te, m, more, false);
                        for (const Mention* x : more) take(act, *x);
                    }
                }
            }
            // (only inverted after the quote or clause it reports: not "Witnesses said
            // Israeli jets struck")
            if (act.empty() && !right.empty() && right[0]->tb == mt.te && usable(*right[0]) &&
                right[0]->kind != MentionKind::pronoun && mt.tb > s.tb &&
                (d.toks[mt.tb - 1].kind == TokKind::quote || d.toks[mt.tb - 1].lower == ","_w))
                take(act, *right[0]);  // '"...," said Sisi'
            if (act.empty()) return;
            // the addressee / object: "told Blinken", "accused Israel" (not "said Israel was")
            const auto v = d.toks[mt.tb].lower;
            const bool transitive = has_prefix(v, "tell"_w) || v == "told"_w ||
                                    has_prefix(v, "accus"_w) || has_prefix(v, "condemn"_w) ||
                                    has_prefix(v, "blam"_w) || has_prefix(v, "warn"_w) ||
                                    has_prefix(v, "prais"_w) || has_prefix(v, "critici"_w) ||
                                    has_prefix(v, "brief"_w) || has_prefix(v, "welcom"_w);
            // ("told his guest": the possessive pronoun before the addressee)
            const std::size_t obj_at = mt.te + 1 < s.te && (d.toks[mt.te].lower == "his"_w ||
                                                            d.toks[mt.te].lower == "her"_w)
                                           ? mt.te + 1
                                           : mt.te;
            if (!noun && transitive && !right.empty() &&
                (right[0]->tb == mt.te || right[0]->tb == obj_at) && usable(*right[0]) &&
                right[0]->prep.empty() &&
                std::none_of(act.begin(), act.end(), [&](const Participant& a) {
                    return same_party(a, *right[0]->part);  // "X warned it would ..."
                }))
                take(tgt, *right[0]);
            // '"Hamas should accept the deal," X told reporters': a demand is an appeal
            if (!noun) quoted_demand(c, s, mt, cd, tgt);
            cd.ev.actors = act.values();
            cd.ev.targets = tgt.values();
            // "said in Cairo", "told Blinken in Riyadh on Monday that ..."
            std::size_t near = mt.te + 1;
            if (!right.empty() && right[0]->tb == mt.te && right[0]->part) near = right[0]->te + 1;
            for (const Mention* m : right)
                if (m->place && (m->prep == "in"_w || m->prep == "at"_w) && !m->in_quote &&
                    m->tb <= near) {
                    cd.ev.location = place_value(m->place);
                    break;
                }
            // "Qatar announced a ceasefire between Israel and Hamas": the two sides agreed,
            // the announcer mediated; "announced a truce with Hamas": the announcer is a side
            if (!noun && has_prefix(d.toks[mt.tb].lower, "announc"_w) && !cd.ev.actors.empty()) {
                const std::size_t obj = agreement_object(d, s, mt.te);
                std::vector<Participant> sides, partners;
                for (const Mention* m : right) {
                    if (obj == SIZE_MAX || m->tb <= obj || !usable(*m)) continue;
                    if (m->prep == "between"_w) take(sides, *owned_or_self(c, m));
                    if (m->prep == "with"_w && m->tb == obj + 2)
                        take(partners, *owned_or_self(c, m));
                }
                const auto is_side = [&](const Participant& a) {
                    return std::any_of(sides.begin(), sides.end(),
                                       [&](const Participant& x) { return same_party(a, x); });
                };
                if (sides.size() >= 2) {
                    std::vector<Participant> med;
                    for (const auto& a : cd.ev.actors)
                        if (!is_side(a)) med.push_back(a);
                    push_agreement(d, cd, sides, {}, med);
                } else if (!partners.empty()) {
                    push_agreement(d, cd, cd.ev.actors, partners, {});
                }
            }
        } else if (type == "appeal"_w || type == "proposal"_w || type == "rejection"_w ||
                   type == "agreement"_w || type == "aid"_w) {
            // ("International donors pledged $1 billion for Lebanon": aid may have no named
            // donor when it names its recipient, see below)
            if (act.empty() && type != "agreement"_w && type != "aid"_w) return;
            // "agreed that the talks were constructive", "agreed with Egypt that ...": an
            // opinion shared, not a deal
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb &&
                has_prefix(d.toks[mt.tb].lower, "agree"_w))
                for (std::size_t t = mt.te; t < s.te && t < mt.te + 5; ++t) {
                    const auto w = d.toks[t].lower;
                    if (w == "to"_w || w == "on"_w || w == "upon"_w || w == ","_w) break;
                    if (w == "that"_w) return;
                }
            // "the accord was signed by X and Y" (not "the letter was signed by X")
            if (type == "agreement"_w && tr.syntax == TrigSyntax::passive &&
                std::none_of(d.toks.begin() + static_cast<std::ptrdiff_t>(s.tb),
                             d.toks.begin() + static_cast<std::ptrdiff_t>(mt.tb),
                             [&](const Token& x) { return has(x, WAgreementNoun); }))
                return;
            // "He said Morocco's autonomy plan was the only basis", "did not take up France's
            // offer of help": a plan described by a copula or in the object of a negated verb
            // is background, not a proposal made here
            if (type == "proposal"_w && tr.syntax == TrigSyntax::attached_noun && !actors.empty()) {
                if (mt.te < s.te &&
                    in(d.toks[mt.te].lower, {"is", "was", "are", "were", "remains", "remained"}))
                    return;
                for (std::size_t b = actors[0]->tb; b-- > s.tb && actors[0]->tb - b <= 4;) {
                    if (d.toks[b].lex & LNegator) return;
                    if (d.toks[b].kind != TokKind::word) break;
                }
            }
            // "fell short of its demands", "rejected Hamas's demands": a demand named in
            // the object of something else is background, not an appeal made here
            if (type == "appeal"_w && tr.syntax == TrigSyntax::attached_noun && !actors.empty()) {
                std::size_t b = actors[0]->tb;
                if (b > s.tb && (d.toks[b - 1].lex & LDeterminer)) --b;
                if (b > s.tb && d.toks[b - 1].kind == TokKind::word &&
                    !in(d.toks[b - 1].lower, {"and", "but", "while", "as", "after"}))
                    return;
            }
            // "to agree on a response": the aim of something else, unless planned
            // ("are expected to agree")
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb &&
                tr.form == VerbForm::base && mt.tb > s.tb + 1 &&
                d.toks[mt.tb - 1].lower == "to"_w &&
                !in(d.toks[frame_verb(d, s, mt.tb - 1)].lower,
                    {"expected", "set", "due", "scheduled", "going", "plan", "plans", "planned",
                     "planning", "is", "are", "likely", "ready", "agreed", "voted", "votes",
                     "decided", "decides"}))
                return;
            // "A ceasefire between Israel and Hezbollah took effect": the deal's sides; a deal
            // taking effect without them named ("the truce took effect") adds nothing here
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb &&
                in(d.toks[mt.te - 1].lower, {"effect", "force"})) {
                act.clear();
                tgt.clear();
                std::size_t b = SIZE_MAX;
                for (std::size_t t = mt.tb; t-- > s.tb + 1 && mt.tb - t < 15;) {
                    if (hard_punct(d.toks[t])) break;
                    if (d.toks[t].lower == "between"_w &&
                        k.agreement_nouns.count(d.toks[t - 1].lower)) {
                        b = t;
                        break;
                    }
                }
                for (std::size_t t = b == SIZE_MAX ? mt.tb : b + 1; t < mt.tb; ++t) {
                    if (c.starts_at[t] < 0) continue;
                    const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
                    if (usable(m) && in(m.prep, {"between", "and"}))
                        take(act, *owned_or_self(c, &m));
                    t = std::max(t, m.te - 1);
                }
                if (act.size() < 2) return;
            }
            // "voted to readmit Syria to the Arab League", "restored Syria's membership": the
            // state admitted is the other side; the body it rejoins decided
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb) {
                const auto lw = d.toks[mt.tb].lower;
                bool membership = has_prefix(lw, "readmit"_w);
                for (std::size_t t = mt.tb + 1; t < mt.te; ++t)
                    if (d.toks[t].lower == "membership"_w) membership = true;
                for (std::size_t t = mt.tb + 1; membership && t < cend; ++t) {
                    if (c.starts_at[t] < 0) continue;
                    const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
                    if (!m.part || m.in_quote || m.modifier) continue;
                    const bool in_span = t < mt.te && m.possessive;
                    const bool object = t == mt.te && m.prep.empty() && usable(m);
                    if (in_span || object) add_unique(tgt, *m.part);
                    if (t >= mt.te && act.empty() && in(m.prep, {"to", "into"}) && usable(m) &&
                        m.part->kind == "organisation"_w)
                        take(act, m);
                    t = std::max(t, m.te - 1);
                }
            }
            // "asked the international community to act", "pressed Washington to rein in
            // Israel" (the addressee inside the pattern's gap); "demanded that Israel
            // withdraw" (the subject of the demanded clause)
            // "urged Israelis not to be consumed by rage": exhorting a people is no request
            // to a party
            if (type == "appeal"_w && tr.syntax == TrigSyntax::verb && mt.te < s.te &&
                c.starts_at[mt.te] >= 0) {
                const Mention& a = d.mentions[static_cast<std::size_t>(c.starts_at[mt.te])];
                if (a.adjective && a.te < s.te &&
                    (d.toks[a.te].lower == "to"_w || d.toks[a.te].lower == "not"_w))
                    return;
            }
            if (type == "appeal"_w && tr.syntax == TrigSyntax::verb) {
                std::size_t from = mt.te;
                if (mt.te > mt.tb + 1 && d.toks[mt.te - 1].lower == "to"_w &&
                    !in(d.toks[mt.tb + 1].lower, {"to", "on", "upon", "for"}))
                    from = mt.tb + 1;
                else if (mt.te + 1 < s.te && d.toks[mt.te].lower == "that"_w)
                    from = mt.te + 1;
                if (from != mt.te && from + 1 < s.te && d.toks[from].lower == "the"_w &&
                    c.starts_at[from] < 0)
                    ++from;
                if (from != mt.te && c.starts_at[from] >= 0) {
                    const Mention& a = d.mentions[static_cast<std::size_t>(c.starts_at[from])];
                    if (usable(a) &&
                        std::none_of(act.begin(), act.end(),
                                     [&](const Participant& x) { return same_party(x, *a.part); }))
                        take(tgt, a);
                }
            }
            for (const Mention* m : right) {
                if (type == "appeal"_w && !tgt.empty()) break;
                const bool adj_target =
                    (type == "rejection"_w && m->adjective && m->part && m->tb <= mt.te + 3) ||
                    (type == "aid"_w && m->adjective && m->part && in(m->prep, {"to", "for"}));
                if (!usable(*m) && !adj_target) continue;
                const auto p = m->prep;
                bool ok = adj_target;
                if (type == "appeal"_w) ok = ok || p.empty() || in(p, {"on", "upon", "to"});
                if (type == "proposal"_w)
                    ok =
                        in(p, {"to", "for"}) ||
                        // "invited Erdogan to attend": the guest is whom it is offered
                        (p.empty() && m->tb == mt.te && has_prefix(d.toks[mt.tb].lower, "invit"_w));
                if (type == "rejection"_w)
                    ok = ok || p.empty() || in(p, {"of", "from", "by"}) || m->possessive;
                if (type == "agreement"_w) ok = in(p, {"with", "between", "and"});
                if (type == "aid"_w) ok = ok || in(p, {"to", "for"});
                if (!ok) continue;
                if (type == "agreement"_w && p == "between"_w) {
                    take(act, *m);
                    continue;
                }
                // "the United States has urged it to ...": "it" is not the subject itself
                if (m->kind == MentionKind::pronoun && m->part &&
                    std::any_of(act.begin(), act.end(),
                                [&](const Participant& a) { return same_party(a, *m->part); })) {
                    const Mention* other = nullptr;
                    for (std::size_t mi = d.mention_from(s.tb);
                         mi < d.mentions.size() && d.mentions[mi].tb < mt.tb; ++mi) {
                        const Mention& o = d.mentions[mi];
                        if (usable(o) && o.kind == MentionKind::entity && o.part &&
                            o.part->kind != "person"_w &&
                            std::none_of(act.begin(), act.end(), [&](const Participant& a) {
                                return same_party(a, *o.part);
                            })) {
                            other = &o;
                            break;
                        }
                    }
                    if (other) take(tgt, *other);
                    if (type == "appeal"_w) break;
                    continue;
                }
                take(tgt, *m);
                // "urging Israel, Saudi Arabia, Oman and Iran to help": every addressee
                if (type == "appeal"_w) {
                    MentionList more;
                    coord_right(c, cend, *m, more, false);
                    for (const Mention* x : more)
                        if (std::none_of(act.begin(), act.end(), [&](const Participant& a) {
                                return same_party(a, *x->part);
                            }))
                            take(tgt, *x);
                }
                if (type == "rejection"_w || type == "appeal"_w) break;
            }
            // "Israel was urged by Qatar to", "Israel's proposal was rejected by Hamas" (syntax
            // audit): the passive's subject (or the owner of its subject) is the one asked or
            // refused, not the agent
            if ((type == "appeal"_w || type == "rejection"_w) && passive_agent) {
                PartList subj;
                for (const Mention* m : actors)
                    if (m->part && std::none_of(act.begin(), act.end(), [&](const Participant& a) {
                            return same_party(a, *m->part);
                        }))
                        take(subj, *m);
                if (!subj.empty()) tgt = subj;
                tgt.erase_if([&](const Participant& p) {
                    return std::any_of(act.begin(), act.end(),
                                       [&](const Participant& a) { return same_party(a, p); });
                });
            }
            // "adopted an Egyptian plan", "endorsed Egypt's proposal": the plan's author is
            // the other side
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb && tgt.empty() &&
                (has_prefix(d.toks[mt.tb].lower, "adopt"_w) ||
                 has_prefix(d.toks[mt.tb].lower, "endors"_w)))
                for (std::size_t t = mt.tb + 1; t < mt.te; ++t) {
                    if (c.starts_at[t] < 0) continue;
                    const Mention& o = d.mentions[static_cast<std::size_t>(c.starts_at[t])];
                    if (o.part && !o.in_quote && (o.adjective || o.possessive) &&
                        std::none_of(act.begin(), act.end(),
                                     [&](const Participant& a) { return same_party(a, *o.part); }))
                        add_unique(tgt, *o.part);
                    t = std::max(t, o.te - 1);
                }
            // (without an author, "adopted a resolution" is a vote, not an agreement here)
            if (type == "agreement"_w && tgt.empty() && tr.syntax == TrigSyntax::verb &&
                (has_prefix(d.toks[mt.tb].lower, "adopt"_w) ||
                 has_prefix(d.toks[mt.tb].lower, "endors"_w)))
                return;
            // ... and that author proposed it ("an Egyptian plan" is Egypt's proposal)
            if (type == "agreement"_w && !tgt.empty() && tr.syntax == TrigSyntax::verb &&
                (has_prefix(d.toks[mt.tb].lower, "adopt"_w) ||
                 has_prefix(d.toks[mt.tb].lower, "endors"_w)) &&
                !in(d.toks[mt.te - 1].lower, {"resolution", "declaration"})) {
                Candidate pr = cd;
                if (retype(pr.ev, k, "proposal")) {
                    pr.syntax = TrigSyntax::attached_noun;
                    pr.tb = mt.te - 1;
                    pr.ev.actors = tgt.values();
                    d.cands.push_back(std::move(pr));
                }
            }
            // "Ankara had agreed to supply Egypt with drones": the object of the agreed
            // infinitive is the other side
            // "The leaders held talks with X before signing the declaration": the signing
            // is with whom the talks were held
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb && tgt.empty() &&
                tr.form == VerbForm::ing && mt.tb > s.tb &&
                in(d.toks[mt.tb - 1].lower, {"before", "after"}))
                for (std::size_t ci = d.cands.size(); ci-- > 0 && d.cands[ci].sentence == si;) {
                    const Candidate& h = d.cands[ci];
                    if (h.ev.type != "meeting"_w || h.drop || h.ev.targets.empty() ||
                        h.te > mt.tb || h.ev.actors.size() != act.size() ||
                        !std::equal(act.begin(), act.end(), h.ev.actors.begin(), same_party))
                        continue;
                    tgt = owned_copies(d, h.ev.targets);
                    break;
                }
            // ("agreed in March to supply natural gas to Syria": past a time phrase, the
            // state the infinitive's thing goes to)
            std::size_t inf = mt.te;
            if (inf + 2 < cend && in(d.toks[inf].lower, {"in", "on", "last", "this"}) &&
                (d.toks[inf + 1].lex & LDateWord) && d.toks[inf + 1].kind == TokKind::word)
                inf += 2;
            if (type == "agreement"_w && tr.syntax == TrigSyntax::verb && tgt.empty() &&
                mt.te == mt.tb + 1 && has_prefix(d.toks[mt.tb].lower, "agree"_w) &&
                inf + 2 < cend && d.toks[inf].lower == "to"_w &&
                d.toks[inf + 1].kind == TokKind::word && !d.toks[inf + 1].cap) {
                const Mention* o = nullptr;
                if (c.starts_at[inf + 2] >= 0) {
                    o = &d.mentions[static_cast<std::size_t>(c.starts_at[inf + 2])];
                    if (!o->prep.empty()) o = nullptr;
                } else if (in(d.toks[inf + 1].lower, {"supply", "provide", "send", "sell",
                                                      "deliver", "export", "give", "lend"})) {
                    for (std::size_t t = inf + 2; t + 1 < cend && t < inf + 7; ++t) {
                        if (d.toks[t].kind != TokKind::word || d.toks[t].cap) break;
                        if (d.toks[t].lower == "to"_w && c.starts_at[t + 1] >= 0) {
                            o = &d.mentions[static_cast<std::size_t>(c.starts_at[t + 1])];
                            break;
                        }
                    }
                }
                if (o && usable(*o) && !o->possessive && o->part->kind != "person"_w &&
                    std::none_of(act.begin(), act.end(),
                                 [&](const Participant& a) { return same_party(a, *o->part); }))
                    take(tgt, *o);
            }
            // an invitation names its guests and what to: "invited X to attend", "invited five
            // key figures to a meeting" (not "Israel's actions invite retaliation")
            if (type == "proposal"_w && has_prefix(d.toks[mt.tb].lower, "invit"_w)) {
                bool to = false;
                for (std::size_t t = mt.te + 1; t < s.te && t < mt.te + 6 && !to; ++t) {
                    if (hard_punct(d.toks[t])) break;
                    to = d.toks[t].lower == "to"_w;
                }
                if (!to) return;
            }
            if (type == "aid"_w && tgt.empty()) {
                // "sent aid to Gaza": the place's country receives it
                for (const Mention* m : right)
                    if (m->place && !m->part && in(m->prep, {"to", "for", "into"}) &&
                        !m->place->country.empty()) {
                        if (const Participant* cp = k.country_of_code(m->place->country)) {
                            add_unique(tgt, *cp);
                            break;
                        }
                    }
            }
            if (type == "aid"_w && act.empty() && tgt.empty()) return;
            // The state mentioned in [b, e) nearest the trigger that is not an actor's.
            auto nearest_other_state = [&](std::size_t b, std::size_t e) -> const Mention* {
                const Mention* best = nullptr;
                std::size_t best_dist = 0;
                for (std::size_t mi = d.mention_from(b);
                     mi < d.mentions.size() && d.mentions[mi].tb < e; ++mi) {
                    const Mention& m = d.mentions[mi];
                    if (!usable(m) || m.part->kind != "country"_w) continue;
                    // ("after the war in Ukraine": a topic, not a recipient)
                    if (topic_place(d, m)) continue;
                    if (std::any_of(act.begin(), act.end(), [&](const Participant& a) {
                            return a.country == m.part->country;
                        }))
                        continue;
                    const std::size_t dist = m.tb > mt.tb ? m.tb - mt.tb : mt.tb - m.tb;
                    if (!best || dist < best_dist) {
                        best = &m;
                        best_dist = dist;
                    }
                }
                return best;
            };
            if (type == "aid"_w && tgt.empty()) {
                // the recipient is often named elsewhere in the clause ("..., while X said
                // Berlin would provide": not in another one's)
                std::size_t from = s.tb;
                for (std::size_t t = mt.tb; t-- > s.tb;)
                    if (in(d.toks[t].lower, {"while", "whereas", ";", "but"})) {
                        from = t + 1;
                        break;
                    }
                if (const Mention* m = nearest_other_state(from, cend)) take(tgt, *m);
            }
            if (type == "aid"_w && tgt.empty()) {
                // "The United States pledged $300 million": to the recipient of the aid the
                // article told before
                for (auto it = d.cands.rbegin(); it != d.cands.rend(); ++it)
                    if (it->ev.type == "aid"_w && !it->drop && !it->ev.targets.empty()) {
                        tgt = owned_copies(d, it->ev.targets);
                        tgt.erase_if([&](const Participant& x) {
                            return std::any_of(act.begin(), act.end(), [&](const Participant& a) {
                                return same_party(a, x);
                            });
                        });
                        break;
                    }
            }
            if (type == "aid"_w && tgt.empty()) {
                // else a state named elsewhere in the sentence ("announced the airdrops, a day
                // after Palestinians were killed ...")
                if (const Mention* m = nearest_other_state(s.tb, s.te)) take(tgt, *m);
            }
            if (act.empty() && tgt.empty()) return;
            cd.ev.actors = act.values();
            cd.ev.targets = tgt.values();
            // ("signed in Riyadh by X": the place inside a passive's gap)
            if (type != "statement"_w)
                cd.ev.location = location_near(
                    c, s, mt.tb, tr.syntax == TrigSyntax::passive ? mt.tb + 1 : mt.te, cend);
        } else if (type == "attack"_w) {
            // "condolences for the Palestinians killed in Gaza", "mourned those killed": a
            // kill participle on the object of a preposition only describes the victims
            if (tr.syntax == TrigSyntax::verb && tr.form == VerbForm::past && mt.tb > s.tb &&
                has(d.toks[mt.tb], WKillVerb) && !(mt.te < s.te && d.toks[mt.te].lower == "by"_w)) {
                const Mention* pm = mention_ending(c, mt.tb - 1);
                if ((pm && !pm->prep.empty() && !pm->prep_attached &&
                     !in(pm->prep, {"after", "before", "since", "until", "as", "while", "once",
                                    "when", "by"})) ||
                    d.toks[mt.tb - 1].lower == "those"_w)
                    return;
            }
            // "a man in Jericho was killed by falling debris" after "Iran fired missiles at
            // Israel": a death from the debris of an attack just told is part of it
            // ("was killed in the occupied West Bank by falling debris": over a place phrase)
            std::size_t by_at = mt.te;
            while (by_at < s.te && by_at < mt.te + 8 && d.toks[by_at].lower != "by"_w &&
                   (d.toks[by_at].kind == TokKind::word) && !(d.toks[by_at].lex & LSubordinator))
                ++by_at;
            if (tr.syntax == TrigSyntax::verb && has(d.toks[mt.tb], WKillVerb) &&
                by_at + 1 < s.te && d.toks[by_at].lower == "by"_w) {
                std::size_t a = by_at + 1;
                if (in(d.toks[a].lower, {"falling", "flying"}) && a + 1 < s.te) ++a;
                if (in(d.toks[a].lower, {"debris", "shrapnel", "fragments", "rubble"}) &&
                    std::any_of(d.cands.begin(), d.cands.end(), [&](const Candidate& o) {
                        return o.ev.type == "attack"_w && o.sentence < si && o.sentence + 3 >= si;
                    }))
                    return;
            }
            if (act.empty() && c.kill_sent == si) act = c.kill_act;
            // "Israel responded with strikes on Lebanon", "X, which retaliated with air
            // raids": the subject of the responding verb
            std::size_t w = mt.tb;  // "with [a wave of | new] strikes"
            for (int n = 0; n < 4 && w > s.tb + 2 && d.toks[w - 1].lower != "with"_w &&
                            d.toks[w - 1].kind == TokKind::word && !d.toks[w - 1].cap &&
                            !((d.toks[w - 1].lex & LPreposition) && d.toks[w - 1].lower != "of"_w);
                 ++n)
                --w;
            if (act.empty() && noun && w >= s.tb + 2 && d.toks[w - 1].lower == "with"_w) {
                const auto v = d.toks[w - 2].lower;
                if (has_prefix(v, "respond"_w) || has_prefix(v, "retaliat"_w) ||
                    has_prefix(v, "repl"_w) || has_prefix(v, "answer"_w))
                    for (const Mention* m : left_actors(c, s, w - 2, true)) take(act, *m);
            }
            // "The Houthis claimed responsibility for a drone attack": the claimant
            if (act.empty() && noun)
                for (std::size_t t = mt.tb; t-- > s.tb && t + 6 > mt.tb;)
                    if (d.toks[t].lower == "responsibility"_w && t + 1 < mt.tb &&
                        d.toks[t + 1].lower == "for"_w && t > s.tb) {
                        for (const Mention* m : left_actors(c, s, t - 1, true)) take(act, *m);
                        break;
                    }
            // "The Houthis claimed the attack": the claimant of a definite attack
            if (act.empty() && noun && mt.tb >= s.tb + 2 && d.toks[mt.tb - 1].lower == "the"_w &&
                in(d.toks[mt.tb - 2].lower, {"claimed", "claims", "claim"}))
                for (const Mention* m : left_actors(c, s, mt.tb - 2, true)) take(act, *m);
            // "attacks by X"
            if (act.empty()) {
                for (std::size_t t = mt.te; t + 1 < std::min(s.te, mt.te + 2); ++t)
                    if (d.toks[t].lower == "by"_w && c.starts_at[t + 1] >= 0) {
                        const Mention& m = d.mentions[static_cast<std::size_t>(c.starts_at[t + 1])];
                        if (usable(m)) take(act, m);
                    }
            }
            std::size_t pend = s.te;
            for (std::size_t o = q + 1; o < ms.size(); ++o)
                // "strikes killed 30 people across Gaza": a kill verb beside another attack
                // trigger is no attack of its own, its places belong to this one
                if (k.types[k.triggers[ms[o].trig].type].name == "attack"_w &&
                    !has(d.toks[ms[o].tb], WKillVerb)) {
                    pend = ms[o].tb;
                    break;
                }
            pend = clause_end(c, s, mt.te, pend);
            // "since the attack of October 7 and says it acts for Palestinians in Gaza",
            // "according to the ministry in Gaza": a place after a reporting verb belongs to
            // what is said
            // (not a hedge inside the object: "on what it said were targets in Pakistan")
            for (std::size_t t = mt.te; t < pend; ++t)
                if (reporting(d, d.toks[t]) &&
                    !(t >= mt.te + 2 &&
                      (d.toks[t - 2].lower == "what"_w || d.toks[t - 2].lower == "which"_w))) {
                    pend = t;
                    break;
                }
            std::optional<Place> group_home;
            const Mention* killed_group = nullptr;
            for (const Mention* m : right_mentions(c, mt.te, pend)) {
                // "a drone strike ... killed a senior commander of Iraq's Kataib Hezbollah":
                // the group whose member the attack killed (its target when none other is)
                if (!killed_group && m->part && m->part->kind == "group"_w && !m->in_quote)
                    for (std::size_t t = m->tb; t-- > mt.te && t + 8 > m->tb;) {
                        if (d.toks[t].kind == TokKind::punct || d.toks[t].kind == TokKind::quote)
                            break;
                        if (has(d.toks[t], WKillVerb)) {
                            killed_group = m;
                            break;
                        }
                    }
                if (m->part && !m->adjective && in(m->prep, {"on", "against"}) && !m->place)
                    take(tgt, *m);
                // "struck Hezbollah targets": the direct object of an attack verb
                if (tr.syntax == TrigSyntax::verb && m->tb == mt.te && m->part && m->prep.empty() &&
                    !m->place)
                    take(tgt, *m);
                if (m->part && m->part->kind != "country"_w && !m->adjective &&
                    in(m->prep, {"on", "against"}))
                    take(tgt, *m);
                // "strikes on Houthi targets", "raids against Hamas": the group is hit, in
                // its home country (when no place is named)
                if (m->part && m->part->kind == "group"_w && !m->in_quote &&
                    in(m->prep, {"on", "against"})) {
                    take(tgt, *m);
                    const auto it = k.country_by_code.find(m->part->country);
                    if (it != k.country_by_code.end() && !group_home)
                        group_home = Place{k.countries[it->second].name, m->part->country};
                }
                // "struck Damascus", "areas of Yemen"
                const bool object_place =
                    tr.syntax == TrigSyntax::verb && m->tb == mt.te && m->prep.empty();
                // ("the mountains of northern Iraq": over a direction word too)
                std::size_t of_at = m->tb;
                while (of_at > s.tb + 1 && d.toks[of_at - 1].lower != "of"_w &&
                       in(d.toks[of_at - 1].lower,
                          {"the", "northern", "southern", "eastern", "western", "central"}))
                    --of_at;
                const bool of_place = m->prep == "of"_w && of_at >= s.tb + 2 &&
                                      d.toks[of_at - 1].lower == "of"_w &&
                                      has(d.toks[of_at - 2], WPlaceNoun);
                // "near the terminal of Israel's Ben Gurion airport", "in Lebanon's Tyre": a
                // place right after a state's possessive inside a prepositional phrase
                const Mention* owner = m->tb >= 2 && d.toks[m->tb - 1].lower == "'s"_w
                                           ? mention_ending(c, m->tb - 2)
                                           : nullptr;
                const bool owned_place = m->place && m->prep.empty() && owner &&
                                         owner->possessive && !owner->prep.empty();
                // "a building in Iran's embassy compound in Damascus": a possessive names
                // an owner, not where the attack happened (unless a place noun follows)
                // ("Sanaa's international airport": a city's possessive is where it hit)
                if (m->place && m->possessive && m->part && !place_noun_after(d, *m)) continue;
                // "attacks on US bases": an adjective is a place only before a place noun
                if (m->place && m->adjective && !place_noun_after(d, *m)) continue;
                if (m->place && m->part && m->part->kind == "country"_w && m->te < s.te &&
                    !place_noun_after(d, *m)) {
                    const Token& nx = d.toks[m->te];
                    // ("a U.S. outpost in Jordan": a singular noun before a preposition too)
                    const bool det_modifier =  // "a U.S. outpost", "the U.S. embassy"
                        (m->tb > s.tb && (d.toks[m->tb - 1].lex & LDeterminer)) ||
                        d.toks[m->tb].lower == "the"_w;
                    const bool noun_then_pp =
                        det_modifier && m->te + 1 < s.te &&
                        ((d.toks[m->te + 1].lex & LPreposition) || hard_punct(d.toks[m->te + 1])) &&
                        !has_suffix(nx.lower, "ly"_w) && !has_suffix(nx.lower, "ed"_w) &&
                        !has_suffix(nx.lower, "ing"_w) && !(nx.lex & (LSkippable | LPreposition)) &&
                        !in(nx.lower, {"overnight", "today", "tonight",  "yesterday", "again",
                                       "itself",    "alone", "directly", "late",      "early",
                                       "twice",     "once",  "earlier",  "later",     "anew",
                                       "last",      "this",  "next",     "hard",      "heavily"});
                    if (nx.kind == TokKind::word && !nx.cap && nx.lower.size() > 3 &&
                        (has_suffix(nx.lower, "s"_w) || noun_then_pp) &&
                        !(nx.lex & (LTrigFirst | LDateWord))) {
                        // still whom it hit: "attacks on US troops" target the United States
                        if (in(m->prep, {"on", "against"})) take(tgt, *m);
                        continue;
                    }
                }
                if (m->place && (in(m->prep, {"in", "across", "at", "near", "throughout", "on",
                                              "against", "inside", "over", "including"}) ||
                                 object_place || of_place || owned_place ||
                                 (m->prep.empty() && !cd.places.empty()))) {
                    if (m->place_concrete || cd.places.empty()) cd.places.push_back(*m->place);
                    if (m->part && m->part->kind == "country"_w && in(m->prep, {"on", "against"}))
                        take(tgt, *m);
                }
            }
            if (tgt.empty() && killed_group) take(tgt, *killed_group);
            // "Israeli strikes hit Beirut's southern suburbs": a verb whose subject is the
            // attack noun right before it adds its object place to that attack
            if (tr.syntax == TrigSyntax::verb && q > 0 && ms[q - 1].te == mt.tb &&
                k.triggers[ms[q - 1].trig].syntax != TrigSyntax::verb &&
                k.types[k.triggers[ms[q - 1].trig].type].name == "attack"_w) {
                for (auto it = d.cands.rbegin(); it != d.cands.rend(); ++it) {
                    if (it->sentence != si) break;
                    if (it->tb != ms[q - 1].tb) continue;
                    // the verb's object is where it hit, before any place found further left
                    if (!cd.places.empty()) {
                        it->places.insert(it->places.begin(), cd.places.begin(), cd.places.end());
                        it->ev.location = cd.places.front();
                    }
                    for (const auto& t : tgt) add_unique(it->ev.targets, t);
                    break;
                }
                return;
            }
            // "hit"/"pound" alone ("prices hit a record", "talks hit a snag") need an attacker
            if (act.empty() && (has_prefix(d.toks[mt.tb].lower, "hit"_w) ||
                                has_prefix(d.toks[mt.tb].lower, "pound"_w)))
                return;
            if (cd.places.empty() && group_home) cd.places.push_back(*group_home);
            if (cd.places.empty()) {
                // "missiles on Israeli cities ..., killing three": the target place of the
                // clause the attack verb or participle hangs on
                if (auto l = location_near(c, s, mt.tb, mt.tb, mt.tb, true))
                    cd.places.push_back(*l);
            }
            if (act.empty() && tgt.empty() && cd.places.empty()) return;
            bool day_cue = false;  // a day or month named in the clause
            for (std::size_t t = mt.te; t < pend && !day_cue; ++t)
                day_cue = (d.toks[t].lex & LDateWord) && d.toks[t].cap;
            // "more than 37,000 have been killed in Gaza since the war began": a toll
            // counted since a start is no attack of its own
            if (act.empty() && tr.syntax == TrigSyntax::verb &&
                k.kill_verbs.count(d.toks[mt.tb].lower) && mt.tb > s.tb &&
                d.toks[mt.tb - 1].lower == "been"_w)
                for (std::size_t t = mt.te; t < s.te; ++t)
                    if (d.toks[t].lower == "since"_w) return;
            if (noun && mt.te + 2 < s.te) {
                // "Israel's offensive has since killed more than 67,000": the toll of a
                // campaign counted so far, no attack of its own
                if (in(d.toks[mt.te].lower, {"has", "have"})) {
                    std::size_t v = mt.te + 1;
                    if (in(d.toks[v].lower, {"since", "so", "now", "already"})) ++v;
                    if (d.toks[v].lower == "far"_w) ++v;
                    if (v < s.te && has(d.toks[v], WKillVerb)) return;
                }
                // "Israel's attacks on civilians must stop": what must end is demanded, not
                // reported
                for (std::size_t t = mt.te; t + 1 < pend + 1 && t + 1 < s.te && t < mt.te + 6; ++t)
                    if (in(d.toks[t].lower, {"must", "should"}) &&
                        in(d.toks[t + 1].lower, {"stop", "end", "cease", "halt"}))
                        return;
            }
            // "the road, damaged by Israeli air strikes, ...": an attack noun as the agent
            // of a participle, with no place, target or day, only describes something
            if (noun && cd.places.empty() && tgt.empty() && !day_cue) {
                std::size_t b = mt.tb;
                if (compound || attached_actor)
                    for (const Mention* a : actors) b = std::min(b, a->tb);
                while (b > s.tb && d.toks[b - 1].kind == TokKind::word && !d.toks[b - 1].cap &&
                       !(d.toks[b - 1].lex & LPreposition) && mt.tb - b < 4)
                    --b;
                if (b >= s.tb + 2 && d.toks[b - 1].lower == "by"_w &&
                    (has_suffix(d.toks[b - 2].lower, "ed"_w) ||
                     has_suffix(d.toks[b - 2].lower, "en"_w)))
                    return;
            }
            // "Syria said Israel bore full responsibility for the attack", "It said the
            // Houthis had carried out the attack": a definite attack noun with no place,
            // target or day of its own after an attack already told names that one again
            // ("the Israeli attack": only when the merge would not fold it into that attack
            // anyway, i.e. no earlier attack by the same attackers)
            if (const int def = definite_attack(d, s, mt, noun);
                def != 0 && cd.places.empty() && tgt.empty() && !day_cue) {
                bool earlier = false, folds = false;
                for (const Candidate& o : d.cands) {
                    if (o.ev.type != "attack"_w || o.sentence >= si) continue;
                    earlier = true;
                    folds |= !o.ev.actors.empty() &&
                             std::all_of(act.begin(), act.end(), [&](const Participant& p) {
                                 return std::any_of(
                                     o.ev.actors.begin(), o.ev.actors.end(),
                                     [&](const Participant& x) { return same_party(p, x); });
                             });
                }
                if (earlier && (def == 1 || !folds)) return;
            }
            cd.ev.actors = act.values();
            cd.ev.targets = tgt.values();
            if (!cd.places.empty()) cd.ev.location = cd.places.front();
        } else {
            if (act.empty()) return;
            cd.ev.actors = act.values();
        }
        if (type != "visit"_w && type != "attack"_w && cd.ev.location)
            cd.places.push_back(*cd.ev.location);
        // "Iran and the U.N. nuclear watchdog agreed on a framework. Araghchi and Grossi
        // signed the document ...": a definite document signed by people of the parties
        // told just before is that agreement: the signers join it
        if (type == "agreement"_w && tr.syntax == TrigSyntax::verb && mt.tb + 1 < mt.te &&
            d.toks[mt.tb + 1].lower == "the"_w && !cd.ev.actors.empty() &&
            std::all_of(cd.ev.actors.begin(), cd.ev.actors.end(),
                        [](const Participant& p) { return p.kind == "person"_w; }))
            for (std::size_t ci = d.cands.size(); ci-- > 0;) {
                Candidate& e = d.cands[ci];
                if (e.sentence + 2 < si) break;
                if (e.sentence == si || e.drop || e.ev.type != "agreement"_w ||
                    e.ev.status != cd.ev.status || e.ev.actors.size() < 2 ||
                    std::any_of(e.ev.actors.begin(), e.ev.actors.end(),
                                [](const Participant& p) { return p.kind == "person"_w; }))
                    continue;
                const bool represented =
                    std::any_of(e.ev.actors.begin(), e.ev.actors.end(), [&](const Participant& p) {
                        return !p.country.empty() &&
                               std::any_of(cd.ev.actors.begin(), cd.ev.actors.end(),
                                           [&](const Participant& signer) {
                                               return signer.country == p.country;
                                           });
                    });
                if (!represented) continue;
                // (the earlier one keeps its trigger, day and place; the signers join it)
                for (const auto& p : cd.ev.actors) add_unique(e.ev.actors, p);
                if (!e.ev.location && cd.ev.location) {
                    e.ev.location = cd.ev.location;
                    e.places.push_back(*cd.ev.location);
                }
                break;
            }
        // "Biden told Netanyahu in a phone call that ...", "urged him during a call": what
        // one leader tells another in a call is also a (phone) meeting of the two
        // (the parties first: they rule out most sayings without the walk)
        if ((type == "statement"_w || type == "appeal"_w) && tr.syntax == TrigSyntax::verb &&
            !cd.ev.actors.empty() && !cd.ev.targets.empty() && cd.ev.actors[0].kind == "person"_w &&
            cd.ev.targets[0].kind == "person"_w && said_in_call(d, s, mt.te)) {
            Candidate call = cd;
            if (retype(call.ev, k, "meeting")) {
                call.ev.plover_mode = "phone";
                call.ev.targets.resize(1);
                d.cands.push_back(std::move(call));
            }
        }
        d.cands.push_back(std::move(cd));
    }

    static bool noun_is_meeting(const Doc& d, const Match& mt) {
        for (std::size_t t = mt.tb; t < mt.te; ++t)
            if (d.toks[t].lower == "meeting"_w || d.toks[t].lower == "meetings"_w ||
                d.toks[t].lower == "met"_w || has_prefix(d.toks[t].lower, "meet"_w))
                return true;
        return false;
    }

    // "talks ... on a broader arrangement", "pursue talks": the words after the trigger
    // (up to a clause break) name a deal the talks are about, or the verb is "pursue"
    static bool talks_towards_deal(const Doc& d, const Sentence& s, const Match& mt) {
        bool talks = false;
        for (std::size_t t = mt.tb; t < mt.te; ++t)
            if (d.toks[t].lower == "talks"_w) talks = true;
        if (!talks) return false;
        if (mt.tb > s.tb && has_prefix(d.toks[mt.tb - 1].lower, "pursu"_w)) return true;
        for (std::size_t t = mt.te; t + 1 < s.te && t < mt.te + 8; ++t) {
            const Token& w = d.toks[t];
            if (w.kind != TokKind::word || (w.lex & LSubordinator)) return false;
            if (!in(w.lower, {"on", "over", "about", "toward", "towards"})) continue;
            std::size_t u = t + 1;
            while (u < s.te && u < t + 5 && d.toks[u].kind == TokKind::word && !d.toks[u].cap &&
                   !has(d.toks[u], WAgreementNoun) &&
                   !in(d.toks[u].lower, {"arrangement", "treaty", "pact", "settlement"}))
                ++u;
            return u < s.te &&
                   (has(d.toks[u], WAgreementNoun) ||
                    in(d.toks[u].lower, {"arrangement", "treaty", "pact", "settlement"}));
        }
        return false;
    }

    // "in a phone call", "during a telephone conversation", "by phone" after the
    // addressee, before the reported clause
    static bool said_in_call(const Doc& d, const Sentence& s, std::size_t from) {
        for (std::size_t t = from; t + 1 < s.te && t < from + 8; ++t) {
            const Token& w = d.toks[t];
            if (w.kind != TokKind::word || w.in_quote || w.lower == "that"_w) return false;
            if (!has(w, WCallPrep)) continue;  // in, during, by, over
            std::size_t u = t + 1;
            if (u < s.te && (d.toks[u].lex & LDeterminer)) ++u;
            if (u < s.te && in(d.toks[u].lower, {"phone", "telephone", "video"})) {
                if (w.lower == "by"_w || w.lower == "over"_w) return true;
                ++u;
            }
            if (u < s.te && in(d.toks[u].lower, {"call", "conversation", "phone", "telephone"}) &&
                u > t + 1)
                return true;
        }
        return false;
    }

    // match_phrase's first test, inline: `ph` fits in [i, end) and its first slot holds
    // token i (most words start no phrase, and the call costs more than this test)
    static bool may_start(const Doc& d, std::size_t i, std::size_t end, const Phrase& ph) {
        return !ph.slots.empty() && i + ph.slots.size() <= end &&
               find_word(ph.slots[0].begin(), ph.slots[0].end(), d.toks[i].lower);
    }

    // The quote an attribution verb reports ('"...," X told', '"...," said X'): when it
    // demands (a modal of obligation not said of the speaker's own side, or an imperative
    // opener) the statement is an appeal; the modal's subject is its addressee.
    void quoted_demand(const Ctx& c, const Sentence& s, const Match& mt, Candidate& cd,
                       PartList& tgt) const {
        const Doc& d = c.d;
        const Knowledge& k = *d.k;
        std::size_t t = mt.tb;
        while (t > s.tb && mt.tb - t < 12 && !d.toks[t - 1].in_quote &&
               d.toks[t - 1].kind != TokKind::quote)
            --t;
        if (t == s.tb || mt.tb - t >= 12) return;
        std::size_t qe = t;  // quote tokens end here (exclusive)
        while (t > s.tb && (d.toks[t - 1].in_quote || d.toks[t - 1].kind == TokKind::quote)) --t;
        const std::size_t qb = t;
        std::size_t first = qb;  // first word of the quote
        while (first < qe && d.toks[first].kind != TokKind::word) ++first;
        if (first >= qe) return;
        bool demand = first == s.tb + 1 && has(d.toks[first], WDemandOpener) && first + 1 < qe &&
                      d.toks[first + 1].kind == TokKind::word;
        std::size_t modal = qe;
        for (std::size_t p = first; p < qe && !demand; ++p)
            for (const Phrase& ph : k.demand_modals)
                if (may_start(d, p, qe, ph) && match_phrase(d, p, qe, ph)) {
                    // the obligation falls on a party ("Hamas should", "the international
                    // community must"), not on a thing ("the suffering must end")
                    const Mention* subj = p > first ? mention_ending(c, p - 1) : nullptr;
                    const bool party = (subj && subj->part && subj->kind != MentionKind::pronoun) ||
                                       (p > first && ((d.toks[p - 1].lex & LPeopleNoun) ||
                                                      has(d.toks[p - 1], WDemandSubject)));
                    if (party) {
                        demand = true;
                        modal = p;
                    }
                    break;
                }
        if (!demand) return;
        for (std::size_t mi = d.mention_from(qb); mi < d.mentions.size() && d.mentions[mi].tb < qe;
             ++mi)
            if (d.mentions[mi].te == modal && d.mentions[mi].part &&
                d.mentions[mi].kind != MentionKind::pronoun)
                add_unique(tgt, *d.mentions[mi].part);
        retype(cd.ev, k, "appeal");
    }

    void fix_self(const Ctx& c, const Sentence& s, PartList& act, PartList& tgt) const {
        if (act.empty()) return;
        bool clash = false;
        for (const auto& a : act)
            for (const auto& t : tgt)
                if (same_key(a, t)) clash = true;
        if (!clash) return;
        for (std::size_t mi = c.d.mention_from(s.tb);
             mi < c.d.mentions.size() && c.d.mentions[mi].tb < s.te; ++mi) {
            const Mention& m = c.d.mentions[mi];
            if (!usable(m) || m.part->kind != "person"_w || m.kind == MentionKind::pronoun)
                continue;
            if (std::any_of(tgt.begin(), tgt.end(),
                            [&](const Participant& t) { return same_key(t, *m.part); }))
                continue;
            act.clear();
            act.push_back(*m.part);
            return;
        }
        // "During his meeting with X, Y stressed": Y is both; X stays the counterpart
        const auto in_act = [&](const Participant& t) {
            return std::any_of(act.begin(), act.end(),
                               [&](const Participant& a) { return same_key(a, t); });
        };
        if (!std::all_of(tgt.begin(), tgt.end(), in_act)) {
            tgt.erase_if(in_act);
            return;
        }
        act.clear();
    }
};

}  // namespace

std::unique_ptr<Stage> make_events_stage() {
    return std::make_unique<EventsStage>();
}

}  // namespace herald::processors

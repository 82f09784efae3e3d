// Argument structure of a clause (internal to herald_processors): a small chunker that
// reads, around a verb group, the subject phrase (coordinated items, modifiers, a fronted
// phrase cut off), the object phrase (adverbials and day phrases skipped) and a complement
// clause ("demanded that X ...", "told KUNA that X ...", "called on X and Y to ..."), and
// the rule families of the events stage that take arguments from it (argument_rules, run
// on each sentence's candidates after the trigger rules):
//  - attack objects: "stormed southern Israel", "struck hundreds of Syrian military
//    sites", "strikes on Israel's bases" (owner state, never the attacker's own); a kill
//    verb with its own subject in a when-clause is an attack of its own; "X-led" actors;
//    natural causes (lexicon `natural_causes`) and past-year attacks are no attacks
//  - subjects: every party of a coordinated subject ("X and his counterpart Y", "A, B, C
//    and several governments"); "a delegation led by <title> X"
//  - complements: that-clause subject = an appeal's addressee; "said ... that X must" is
//    also an appeal (lexicon `demand_modals`); "told Y that <own state> rejected" is the
//    speaker's; an event in an appeal's to-infinitive is the addressees' (planned, with
//    its venue, callers as go-betweens) when given a day, else only the appeal's aim;
//    "agreed to let X" makes X the counterpart; an appeal participle on the main verb's
//    object ("issued an alert urging") is the subject's
//  - event vs mention and word sense: rejected calls, standing (perfect progressive)
//    appeals, talks named only as a time reference, a gathering named as a venue
//    ("on the sidelines of"), welcoming a thing (statement) vs a person (meeting), "call
//    on" a person (a courtesy call), facilitating a thing, announcing an agreement, a
//    saying after a question quote (statement)
//  - nominal and possessive heads: "their meeting", "a meeting of the two countries' ..."
#pragma once

#include <cstddef>
#include <cstdint>

#include "processors/doc.hpp"

namespace herald::processors {

struct TokSpan {
    std::size_t b = 0, e = 0;  // token range [b, e)
    bool empty() const { return b >= e; }
};

enum class ComplementKind : std::uint8_t {
    none,
    that_clause,    // "demanded that Russia expel ...": comp_subject = Russia
    to_infinitive,  // "called on Israel and Hamas to resume ...": comp_subject = addressees
};

// The frame of the verb group [vb, ve) of sentence `s`.
// (The subject is not part of the frame: no rule reading a frame needs it, and it is the
// costliest chunk; subject_phrase gives it.)
struct ArgFrame {
    TokSpan object;  // noun phrase after the verb group, adverbials and day phrases skipped
    ComplementKind comp = ComplementKind::none;
    TokSpan comp_subject;       // the complement clause's subject, or the addressees
    std::size_t comp_verb = 0;  // first word after "that <subject>" / "<addressees> to"
    std::size_t comp_end = 0;   // end of the complement clause (a clause break or the sentence end)
};

// The first token at or after `t` that is not an adverb, "also"/"again" or a day phrase
// ("on Friday", "on Thursday, Aug. 15,", "last week").
std::size_t skip_adjuncts(const Doc& d, const Sentence& s, std::size_t t);

// A noun phrase starting at `t`: determiners, quantifiers ("hundreds of"), modifiers,
// names and nouns, up to a preposition, a clause word or punctuation.
TokSpan noun_phrase(const Doc& d, const Sentence& s, std::size_t t);

// Mentions joined by "," / "and" / "or" starting at the mention that begins at `t`
// ("Israel and Hamas", "Egypt, Qatar and the United States"); empty when none starts there.
TokSpan mention_list(const Doc& d, const Sentence& s, std::size_t t);

// The subject items before the verb group starting at `vb` (auxiliaries and adverbs
// skipped): "The United States, NATO, the EU and several Arab governments",
// "Turkish Foreign Minister X and his Iraqi counterpart Y".
TokSpan subject_phrase(const Doc& d, const Sentence& s, std::size_t vb);

ArgFrame arg_frame(const Doc& d, const Sentence& s, std::size_t vb, std::size_t ve);

// "strikes since Oct. 7, when Hamas gunmen killed 1,400 people": the kill verb at `vb` has
// its own subject (with a party) in a subordinate clause, so it is an attack of its own.
bool kill_in_own_clause(const Doc& d, const Sentence& s, std::size_t vb);

// "called on them to return to talks on Thursday": `c` lies in the infinitive complement
// of an appeal of its sentence, and that complement names a day (a weekday or a month).
bool asked_with_day(const Doc& d, const Candidate& c);

// An exact pre-test for lookups in a word set with no token bit of its own: the lengths and
// first bytes of its words. Most words fail it, and it costs a few instructions where the
// set's hash lookup costs some forty.
class WordPrefilter {
  public:
    explicit WordPrefilter(const StrSet& words) {
        for (const std::string& w : words) {
            if (w.empty() || w.size() >= 64) {
                any_ = true;  // (not expected; then every word is looked up)
                continue;
            }
            lens_ |= 1ull << w.size();
            const auto b = static_cast<unsigned char>(w[0]);
            first_[b >> 6] |= 1ull << (b & 63);
        }
    }
    bool may_hold(std::string_view w) const {
        if (any_) return true;
        if (w.empty() || w.size() >= 64 || !((lens_ >> w.size()) & 1)) return false;
        const auto b = static_cast<unsigned char>(w[0]);
        return (first_[b >> 6] >> (b & 63)) & 1;
    }

  private:
    std::uint64_t lens_ = 0;       // bit n: a word of n bytes
    std::uint64_t first_[4] = {};  // bit b: a word starting with byte b
    bool any_ = false;
};

// The prefilters of the lexicon sets argument_rules looks words up in (made once per
// Knowledge, by the events stage's bind).
struct ArgPrefilters {
    explicit ArgPrefilters(const Knowledge& k) : relief_team_words(k.relief_team_words) {}
    WordPrefilter relief_team_words;
};

// The rule families reading argument frames, on the candidates the events stage made for
// sentence `si` (d.cands from index `first`).
// `at`: the sentence's tokens after its first that start a trigger (Lex LTrigFirst:
// Token::trig is set) or are "meeting"/"talks" (LMeetingNoun), in order, all that its token
// walks look at (the events stage gathers them while it finds the sentence's triggers).
using WalkTokens = SmallVec<std::uint32_t, 16>;
constexpr std::uint32_t kWalkLex = LTrigFirst | LMeetingNoun;
void argument_rules(Doc& d, std::size_t si, std::size_t first, const WalkTokens& at,
                    const ArgPrefilters& pf);

}  // namespace herald::processors

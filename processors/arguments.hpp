// Argument structure of a clause (internal to herald_processors): a small chunker that
// reads, around a verb group, the subject phrase, the object phrase and a complement
// clause ("demanded that X ...", "called on X and Y to ..."), and the rule families of
// the events stage that take arguments from it (docs/processors.md, "argument frames").
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
struct ArgFrame {
    TokSpan
        subject;  // coordinated subject items before the verb group ("A, B and his counterpart C")
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

// The rule families reading argument frames, on the candidates the events stage made for
// sentence `si` (d.cands from index `first`).
void argument_rules(Doc& d, std::size_t si, std::size_t first);

}  // namespace herald::processors

#include "processors/word_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/text.hpp"
#include "processors/doc.hpp"
#include "processors/knowledge.hpp"
#include "processors/lit.hpp"
#include "processors/stage.hpp"

namespace herald::processors {
namespace {

// Runs the normalise and segment stages on `a` into `d`, as the pipeline does before the
// entity stages, so the tests see the token bits the later stages test.
void segment_text(const Knowledge& k, const Article& a, Doc& d) {
    d.article = &a;
    d.k = &k;
    d.para_orig = split_paragraphs(a.text);
    const auto normalise = make_normalise_stage();
    const auto segment = make_segment_stage();
    for (Stage* stage : {normalise.get(), segment.get()}) {
        stage->bind(k);
        stage->run(d);
    }
}

// Expects `bit` on exactly the tokens that are one of `words`; returns how many were.
std::size_t expect_bit_on_exactly(const Doc& d, const std::vector<std::string>& words,
                                  std::uint64_t bit) {
    std::size_t hits = 0;
    for (const Token& t : d.toks) {
        const bool listed = std::find(words.begin(), words.end(), t.lower) != words.end();
        EXPECT_EQ((t.sets & bit) != 0, listed) << t.text;
        hits += listed;
    }
    return hits;
}

TEST(WordTable, FindsEveryKeyAndNothingElse) {
    StrMap<int> m;
    for (int i = 0; i < 1000; ++i) m["w" + std::to_string(i)] = i;
    m[""] = -1;
    WordTable<int> t;
    t.build(m);
    for (int i = 0; i < 1000; ++i) {
        const int* v = t.find("w" + std::to_string(i));
        ASSERT_NE(v, nullptr) << i;
        EXPECT_EQ(*v, i);
    }
    ASSERT_NE(t.find(""), nullptr);
    EXPECT_EQ(*t.find(""), -1);
    EXPECT_EQ(t.find("w1000"), nullptr);
    EXPECT_EQ(t.find("W1"), nullptr);
    EXPECT_EQ(t.find("w"), nullptr);
}

TEST(WordTable, EmptyTableFindsNothing) {
    WordTable<int> t;
    EXPECT_EQ(t.find("x"), nullptr);
    t.build(StrMap<int>{});
    EXPECT_EQ(t.find("x"), nullptr);
}

TEST(WordTable, KeysOfEveryLengthDifferingInOneByte) {
    // the hash reads a word in 8-byte steps and its tail in one or two loads: every
    // byte position of every length must count
    StrMap<int> m;
    int n = 0;
    for (std::size_t len = 1; len <= 20; ++len)
        for (std::size_t pos = 0; pos < len; ++pos)
            for (const char c : {'a', 'b', 'Z', '\xC3'}) {
                std::string w(len, 'x');
                w[pos] = c;
                m.emplace(w, n++);
            }
    WordTable<int> t;
    t.build(m);
    for (const auto& [w, v] : m) {
        const int* found = t.find(w);
        ASSERT_NE(found, nullptr) << w;
        EXPECT_EQ(*found, v) << w;
    }
    EXPECT_EQ(t.find(std::string(21, 'x')), nullptr);
    EXPECT_EQ(t.find("xxxxxxxxxxy"), nullptr);
}

TEST(WordLiterals, CompareLikeStringViews) {
    const std::string_view the = "the", they = "they", th = "th";
    EXPECT_TRUE(the == "the"_w);
    EXPECT_FALSE(they == "the"_w);
    EXPECT_FALSE(th == "the"_w);
    EXPECT_TRUE(std::string("the") == "the"_w);
    EXPECT_TRUE(std::string_view() == ""_w);
    EXPECT_TRUE(in("on", {"in", "on", "at"}));
    EXPECT_FALSE(in("o", {"in", "on", "at"}));
    EXPECT_FALSE(in("ont", {"in", "on", "at"}));
}

TEST(WordLiterals, SameWordSeesEveryByte) {
    for (std::size_t len = 0; len <= 20; ++len) {
        const std::string a(len, 'x');
        EXPECT_TRUE(same_word(a, std::string(len, 'x')));
        EXPECT_FALSE(same_word(a, std::string(len + 1, 'x')));
        for (std::size_t pos = 0; pos < len; ++pos) {
            std::string b = a;
            b[pos] = 'y';
            EXPECT_FALSE(same_word(a, b)) << len << " " << pos;
        }
    }
}

// The segmenter's per-token set bits are exactly the lexicon sets' membership,
// and its lower-case view is ascii_lower of the token.
TEST(WordSets, TokenBitsAreTheLexiconSets) {
    const auto k = load_knowledge(std::string(HERALD_SOURCE_DIR) + "/config", "");
    const std::vector<std::pair<const StrSet*, std::uint64_t>> sets = {
        {&k->place_nouns, WPlaceNoun},
        {&k->prepositions, WPreposition},
        {&k->subordinators, WSubordinator},
        {&k->relative_pronouns, WRelativePronoun},
        {&k->name_connectors, WNameConnector},
        {&k->visit_nouns, WVisitNoun},
        {&k->pair_anaphors, WPairAnaphor},
        {&k->group_anaphors, WGroupAnaphor},
        {&k->plural_person_anaphors, WPluralPersonAnaphor},
        {&k->plural_country_anaphors, WPluralCountryAnaphor},
        {&k->guest_nouns, WGuestNoun},
        {&k->compound_heads, WCompoundHead},
        {&k->reporting_verbs, WReportingVerb},
        {&k->topic_nouns, WTopicNoun},
        {&k->kill_verbs, WKillVerb},
        {&k->gathering_nouns, WGatheringNoun},
        {&k->contact_verbs, WContactVerb},
        {&k->reception_verbs, WReceptionVerb},
        {&k->gathering_exclude, WGatheringExclude},
        {&k->locative_preps, WLocativePrep},
        {&k->negotiation_modifiers, WNegotiationModifier},
        {&k->agreement_nouns, WAgreementNoun},
        {&k->demand_openers, WDemandOpener},
        {&k->demand_subjects, WDemandSubject},
        {&k->speculative, WSpeculative},
        {&k->unasserted_verbs, WUnassertedVerb},
        {&k->hearsay_denials, WHearsayDenial},
        {&k->hearsay_nouns, WHearsayNoun},
        {&k->threat_verbs, WThreatVerb},
        {&k->purpose_heads, WPurposeHead},
        {&k->person_descriptors, WPersonDescriptor},
        {&k->invitation_words, WInvitationWord},
        {&k->injure_verbs, WInjureVerb},
        {&k->casualty_skip, WCasualtySkip},
        {&k->killed_words, WKilledWord},
        {&k->injured_words, WInjuredWord},
        {&k->denial_verbs, WDenialVerb},
        {&k->occasion_nouns, WOccasionNoun},
        {&k->audience_nouns, WAudienceNoun},
        {&k->outcome_nouns, WOutcomeNoun},
        {&k->outcome_verbs, WOutcomeVerb},
        {&k->attendance_words, WAttendanceWord},
        {&k->venue_participles, WVenueParticiple},
        {&k->campaign_aspects, WCampaignAspect},
        {&k->past_holder_words, WPastHolderWord},
    };
    // every member (as written and capitalised) and some words that are in no set
    std::string text =
        "Zebra quickly 42 , ; \"quoted\" U.S. caf\xC3\xA9 Stra\xC3\x9F"
        "e ";
    std::size_t members = 0;
    for (const auto& [set, bit] : sets)
        for (const auto& w : *set) {
            text += w + " ";
            if (!w.empty())
                text += static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]);
            text += w.empty() ? std::string() : w.substr(1);
            text += ". ";
            ++members;
        }
    ASSERT_GT(members, 100u);
    Article a;
    a.text = text;
    Doc d;
    segment_text(*k, a, d);
    ASSERT_GT(d.toks.size(), members);
    std::size_t with_bits = 0;
    for (const Token& t : d.toks) {
        with_bits += t.sets != 0;
        EXPECT_EQ(std::string(t.lower), ascii_lower(t.text));
        for (const auto& [set, bit] : sets)
            EXPECT_EQ((t.sets & bit) != 0, set->count(t.lower) != 0) << t.text;
        EXPECT_EQ((t.sets & WWeekday) != 0, k->weekdays.count(t.lower) != 0) << t.text;
        EXPECT_EQ((t.sets & WMonth) != 0, k->months.count(t.lower) != 0) << t.text;
    }
    EXPECT_GT(with_bits, members / 2);
}

// The bits for the events stage's fixed grammar words (knowledge.cpp) are set on exactly
// those words, whatever their case, and on no other token.
TEST(WordSets, FixedWordBitsAreExact) {
    const auto k = load_knowledge(std::string(HERALD_SOURCE_DIR) + "/config", "");
    const std::vector<std::pair<std::vector<std::string>, std::uint64_t>> sets = {
        {{"after", "before", "following", "while", "amid", "when", "because", "since"}, WGapStop},
        {{"this", "next", "last", "on", "early", "late"}, WTimeLead},
        {{"then", "also", "later", "to", "was", "is", "were", "are", "due", "expected", "set",
          "scheduled", "will", "would"},
         WSharedAux},
        {{"delegation", "delegations", "team", "teams"}, WDelegationNoun},
        {{"in", "during", "by", "over"}, WCallPrep},
        {{"during", "amid", "while", "when", "after", "before", "as", "despite"}, WClauseStop},
        {{"no", "nobody", "none"}, WNoSubject},
        {{"if", "unless"}, WConditional},
        {{"since"}, WSinceWord},
        {{"is", "are", "was", "were", "has", "have", "had", "will", "would", "shall", "should",
          "could", "can", "may", "might", "must"},
         WFiniteAux},
    };
    const std::vector<std::string> meeting = {"meeting", "talks"};
    std::string text = "Afterwards thence meetings talk ontology Lately sets , the ";
    for (const auto& [words, bit] : sets)
        for (const auto& w : words) text += w + " " + ascii_lower(w) + " After Talks MEETING . ";
    for (const auto& w : meeting) text += w + " ";
    Article a;
    a.text = text;
    Doc d;
    segment_text(*k, a, d);
    ASSERT_GT(d.toks.size(), 40u);
    std::size_t hits = 0;
    for (const Token& t : d.toks) {
        for (const auto& [words, bit] : sets) {
            const bool listed = std::find(words.begin(), words.end(), t.lower) != words.end();
            EXPECT_EQ((t.sets & bit) != 0, listed) << t.text;
            hits += listed;
        }
        const bool meets = std::find(meeting.begin(), meeting.end(), t.lower) != meeting.end();
        EXPECT_EQ((t.lex & LMeetingNoun) != 0, meets) << t.text;
    }
    EXPECT_GE(hits, 34u);
}

// WAccountFirst is set on exactly the words that open an accountability phrase (the
// modality stage tests a token's bit before trying the phrases).
TEST(WordSets, AccountabilityFirstWordsAreExact) {
    const auto k = load_knowledge(std::string(HERALD_SOURCE_DIR) + "/config", "");
    ASSERT_FALSE(k->accountability_phrases.empty());
    std::vector<std::string> first;
    std::string text = "He called for those responsible to be punished , justice held . ";
    for (const Phrase& p : k->accountability_phrases) {
        for (const auto& slot : p.slots)
            for (const auto& w : slot) text += w + " ";
        for (const auto& w : p.slots[0]) first.push_back(w);
        text += ". ";
    }
    Article a;
    a.text = text;
    Doc d;
    segment_text(*k, a, d);
    EXPECT_GE(expect_bit_on_exactly(d, first, WAccountFirst), k->accountability_phrases.size());
}

// WVisitFirst is set on exactly the first words of the visit nouns (the attributes stage
// tries ordinals only before such words).
TEST(WordSets, VisitFirstWordsAreExact) {
    const auto k = load_knowledge(std::string(HERALD_SOURCE_DIR) + "/config", "");
    ASSERT_FALSE(k->visit_nouns.empty());
    std::vector<std::string> first;
    std::string text = "His third visit to the region , a tour . Visiting trips toward them . ";
    for (const std::string& v : k->visit_nouns) {
        text += v + " . ";
        first.push_back(v.substr(0, v.find(' ')));
    }
    Article a;
    a.text = text;
    Doc d;
    segment_text(*k, a, d);
    EXPECT_GE(expect_bit_on_exactly(d, first, WVisitFirst), k->visit_nouns.size());
}

// SmallVec (inline storage, heap past N) holds what a std::vector holds through
// push_back, end insertion, copies and moves in both directions, clear and reserve.
TEST(SmallVec, BehavesLikeVector) {
    using V = SmallVec<int, 4>;
    std::uint32_t seed = 7;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    auto same = [](const V& a, const std::vector<int>& b) {
        return std::vector<int>(a.begin(), a.end()) == b && a.size() == b.size() &&
               a.empty() == b.empty();
    };
    V a, b;
    std::vector<int> ra, rb;
    for (int step = 0; step < 20000; ++step) {
        const int v = static_cast<int>(next() % 1000);
        switch (next() % 9) {
            case 0:
            case 1:
            case 2:
                a.push_back(v);
                ra.push_back(v);
                break;
            case 3:
                b = a;  // copy
                rb = ra;
                break;
            case 4:
                std::swap(a, b);  // moves both ways (inline and heap)
                std::swap(ra, rb);
                break;
            case 5: {
                V c(std::move(a));
                a = std::move(c);
                break;
            }
            case 6:
                a.insert(a.end(), rb.begin(), rb.end());
                ra.insert(ra.end(), rb.begin(), rb.end());
                break;
            case 7:
                a.reserve(next() % 16);
                break;
            default:
                if (next() % 4 == 0) {
                    a.clear();
                    ra.clear();
                }
        }
        if (ra.size() > 40) {
            a.clear();
            ra.clear();
        }
        ASSERT_TRUE(same(a, ra)) << step;
        ASSERT_TRUE(same(b, rb)) << step;
        if (!ra.empty()) {
            ASSERT_EQ(a.back(), ra.back());
        }
    }
    const V l{1, 2, 3, 4, 5, 6};
    EXPECT_EQ(l.size(), 6u);
    EXPECT_EQ(l.front(), 1);
    EXPECT_EQ(l[5], 6);
}

}  // namespace
}  // namespace herald::processors

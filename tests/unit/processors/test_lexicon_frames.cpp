// Frames from the trigger lexicon audit (tests/heldout/LEXICON.md) that need code, not data:
// "is expected in <place>" (a planned visit), "hosted X for talks" (a meeting with X, not a
// negotiation), "told X to <verb>" (an appeal to X), "did not accept" / "said no to" a
// proposal (a rejection). Sentences of our own on the fixture gazetteer, with negative
// controls for the other readings of the same words.
#include <gtest/gtest.h>

#include <string>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string show(const std::vector<Event>& evs) {
    std::string s;
    for (const auto& e : evs) s += e.type + "/" + e.status + " ";
    return s.empty() ? "(none)" : s;
}

// The events of `type` with `status` in `text`.
std::vector<Event> found(const std::string& text, const std::string& type,
                         const std::string& status) {
    std::vector<Event> out;
    for (const auto& e : of_type(extract(text), type))
        if (e.status == status) out.push_back(e);
    return out;
}

void none_of(const std::string& text, const std::string& type) {
    const auto all = extract(text);
    EXPECT_TRUE(of_type(all, type).empty()) << text << "\n  got: " << show(all);
}

// ---------------------------------------------------------------- expected in

TEST(LexiconFrames, ExpectedInIsPlannedVisit) {
    for (const char* t : {"Secretary of State Peter Brandt is expected in Cairo on Thursday.",
                          "Secretary of State Peter Brandt is also expected in Amman on Friday.",
                          "Secretary of State Peter Brandt is due in Doha on Thursday."}) {
        const auto v = found(t, "visit", "planned");
        ASSERT_EQ(v.size(), 1u) << t << "\n  got: " << show(extract(t));
        EXPECT_TRUE(has(v[0].actors, "Peter Brandt")) << t;
        EXPECT_TRUE(v[0].location.has_value()) << t;
    }
}

TEST(LexiconFrames, ExpectedInNegativeControls) {
    // a time, not a place; an active "expected"; "expected in the region"
    none_of("A decision by Jordan is expected in March.", "visit");
    none_of("Jordan expected in Cairo a quick answer from Israel.", "visit");
    none_of("Secretary of State Peter Brandt is expected in the coming days to decide.", "visit");
    none_of("Secretary of State Peter Brandt said results were expected in Cairo soon.", "visit");
}

// ---------------------------------------------------------------- hosted X for talks

TEST(LexiconFrames, HostedForTalksIsMeeting) {
    for (const char* t :
         {"President Omar Selim hosted Secretary of State Peter Brandt for talks in Cairo on "
          "Tuesday.",
          "Secretary of State Peter Brandt joined Jordanian Foreign Minister Amal Haddad for "
          "talks in Amman on Tuesday.",
          "Secretary of State Peter Brandt landed in Amman on Tuesday. Jordanian Foreign "
          "Minister Amal Haddad hosted him for talks at her office."}) {
        const auto all = extract(t);
        const auto m = found(t, "meeting", "occurred");
        ASSERT_EQ(m.size(), 1u) << t << "\n  got: " << show(all);
        EXPECT_TRUE(has(participants(m[0]), "Peter Brandt")) << t;
        EXPECT_EQ(participants(m[0]).size(), 2u) << t;
        EXPECT_TRUE(of_type(all, "negotiation").empty()) << t << "\n  got: " << show(all);
    }
}

TEST(LexiconFrames, HostedTalksStaysNegotiation) {
    // no guest between the verb and "talks": the talks are hosted / joined
    for (const char* t : {"Egypt hosted talks between Israel and Hamas in Cairo on Tuesday.",
                          "Jordan joined the talks on Gaza in Cairo on Tuesday.",
                          // a mediator hosting two sides' delegations: talks, not a meeting
                          "Qatar hosted Israeli and Hamas negotiators for talks in Doha on "
                          "Tuesday."}) {
        const auto all = extract(t);
        EXPECT_FALSE(of_type(all, "negotiation").empty()) << t << "\n  got: " << show(all);
    }
}

// ---------------------------------------------------------------- told X to

TEST(LexiconFrames, ToldToIsAppeal) {
    for (const char* t :
         {"Jordanian Foreign Minister Amal Haddad told Israel on Tuesday to stop the war.",
          "Jordanian Foreign Minister Amal Haddad told Israel to stop the war."}) {
        const auto a = found(t, "appeal", "occurred");
        ASSERT_EQ(a.size(), 1u) << t << "\n  got: " << show(extract(t));
        EXPECT_TRUE(has(a[0].actors, "Amal Haddad")) << t;
        EXPECT_TRUE(has(a[0].targets, "ISR")) << t;
    }
}

TEST(LexiconFrames, ToldWithoutInfinitiveIsNoAppeal) {
    // told reporters (a statement); a "to" of a later clause; a destination
    for (const char* t :
         {"Jordanian Foreign Minister Amal Haddad told reporters on Tuesday that the war had "
          "ended.",
          "Jordanian Foreign Minister Amal Haddad told reporters she wants to see a ceasefire.",
          "Jordanian Foreign Minister Amal Haddad told Israel she would travel to Cairo.",
          "Jordanian Foreign Minister Amal Haddad told Israel to Cairo's dismay that she was "
          "leaving."}) {
        none_of(t, "appeal");
        EXPECT_FALSE(found(t, "statement", "occurred").empty()) << t;
    }
}

// ---------------------------------------------------------------- did not accept

TEST(LexiconFrames, NegatedAcceptanceIsRejection) {
    for (const char* t : {"Israel did not accept the ceasefire proposal on Tuesday.",
                          "Israel said no to the ceasefire proposal on Tuesday.",
                          "Israel refused to accept the ceasefire proposal on Tuesday.",
                          "Israel didn't accept the ceasefire proposal on Tuesday.",
                          "Israel doesn't accept the ceasefire plan, its minister said on Tuesday.",
                          "Israel did not accept the conditions set by Jordan on Tuesday."}) {
        const auto r = found(t, "rejection", "occurred");
        ASSERT_EQ(r.size(), 1u) << t << "\n  got: " << show(extract(t));
        EXPECT_TRUE(has(r[0].actors, "ISR")) << t;
    }
}

TEST(LexiconFrames, NegatedAcceptanceControls) {
    // "did not say no": the negated rejection is no rejection; an accepted proposal is none
    none_of("Israel did not say no to the ceasefire proposal on Tuesday.", "rejection");
    none_of("Israel accepted the ceasefire proposal on Tuesday.", "rejection");
    none_of("Israel did not accept responsibility for the strike on Tuesday.", "rejection");
    none_of("Israel didn't accept responsibility for the strike on Tuesday.", "rejection");
    none_of("Israel didn't say no to the ceasefire proposal on Tuesday.", "rejection");
}

// ---------------------------------------------------------------- relief and addressees

TEST(LexiconFrames, SentRescuersIsAid) {
    for (const char* t : {"Jordan said it had sent rescuers to Lebanon on Tuesday.",
                          "Qatar sent search and rescue teams to Lebanon on Tuesday.",
                          "Egypt dispatched relief crews to Lebanon on Tuesday."}) {
        const auto a = found(t, "aid", "occurred");
        ASSERT_EQ(a.size(), 1u) << t << "\n  got: " << show(extract(t));
        EXPECT_TRUE(has(a[0].targets, "LBN")) << t;
    }
}

TEST(LexiconFrames, SentRescuersControls) {
    // "to rescue" is a purpose, not a team sent
    none_of("Israel sent special forces to rescue the hostages on Tuesday.", "aid");
}

TEST(LexiconFrames, ReliefTeamArrivingAfterADisasterIsAid) {
    for (const char* t :
         {"An earthquake killed 300 people in Lebanon on Sunday. A Qatari team flew into Beirut on "
          "Monday.",
          "Floods killed 300 people in Lebanon on Sunday. A Qatari rescue team arrived in Beirut "
          "on Monday."}) {
        const auto a = found(t, "aid", "occurred");
        ASSERT_EQ(a.size(), 1u) << t << "\n  got: " << show(extract(t));
        EXPECT_TRUE(has(a[0].actors, "QAT")) << t;
        EXPECT_TRUE(has(a[0].targets, "LBN")) << t;
        none_of(t, "visit");
    }
}

TEST(LexiconFrames, ReliefTeamControls) {
    // no disaster named: a team arriving is a visit; a person arriving after a quake too
    const std::string war =
        "Israeli strikes killed 20 people on Sunday. A Qatari team flew into Beirut on Monday.";
    EXPECT_EQ(found(war, "visit", "occurred").size(), 1u) << show(extract(war));
    none_of(war, "aid");
    const std::string person =
        "An earthquake killed 300 people in Lebanon on Sunday. Secretary of State Peter Brandt "
        "flew into Beirut on Monday.";
    EXPECT_EQ(found(person, "visit", "occurred").size(), 1u) << show(extract(person));
    none_of(person, "aid");
}

TEST(LexiconFrames, SessionOfABodyIsTheAppealsAddressee) {
    for (const char* t : {"Jordan called for an emergency session of the Arab League on Tuesday.",
                          "Jordan requested an urgent meeting of the Arab League on Tuesday."}) {
        const auto a = found(t, "appeal", "occurred");
        ASSERT_EQ(a.size(), 1u) << t << "\n  got: " << show(extract(t));
        EXPECT_TRUE(has(a[0].actors, "JOR")) << t;
        EXPECT_TRUE(has(a[0].targets, "Arab League")) << t;
    }
}

TEST(LexiconFrames, SessionAddresseeControls) {
    // the body's meeting is not what is called for; a meeting with a person is no appeal
    const std::string t =
        "Jordan called for calm before the meeting of the Arab League on Tuesday.";
    const auto a = found(t, "appeal", "occurred");
    ASSERT_EQ(a.size(), 1u) << show(extract(t));
    EXPECT_FALSE(has(a[0].targets, "Arab League"));
    none_of("Jordan requested a meeting with Secretary of State Peter Brandt on Tuesday.",
            "appeal");
}

// ---------------------------------------------------------------- copula visits

TEST(LexiconFrames, CopulaInCityIsVisit) {
    const auto was =
        found("Secretary of State Peter Brandt was in Cairo on Monday.", "visit", "occurred");
    ASSERT_EQ(was.size(), 1u);
    EXPECT_TRUE(has(was[0].actors, "Peter Brandt"));
    ASSERT_TRUE(was[0].location.has_value());
    EXPECT_EQ(was[0].location->name, "Cairo");
    const auto will =
        found("Secretary of State Peter Brandt will be in Amman on Thursday.", "visit", "planned");
    ASSERT_EQ(will.size(), 1u) << show(
        extract("Secretary of State Peter Brandt will be in "
                "Amman on Thursday."));
    EXPECT_TRUE(has(will[0].actors, "Peter Brandt"));
}

TEST(LexiconFrames, CopulaNegativeControls) {
    // talks, charge, a country subject, a region, no day or plan
    none_of("Secretary of State Peter Brandt was in talks with Jordan on Monday.", "visit");
    none_of("Secretary of State Peter Brandt is in charge of the file since Monday.", "visit");
    none_of("Jordan was in Cairo on Monday.", "visit");
    none_of("Secretary of State Peter Brandt was in the Gaza Strip on Monday.", "visit");
    none_of("Secretary of State Peter Brandt was in Cairo when the war began.", "visit");
    // a relative clause: the copula has no subject of its own
    none_of(
        "Secretary of State Peter Brandt, who was also in Cairo on Monday for consultations, "
        "praised Jordan.",
        "visit");
}

}  // namespace
}  // namespace herald::processors

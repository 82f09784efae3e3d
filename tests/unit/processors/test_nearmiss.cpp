// Near misses on fresh text (tests/heldout/NEARMISS.md): the right event with the wrong
// place or no recipient. A meeting, talks or agreement of the dateline's day with no place
// named, between a party of the dateline city's state and a foreign one, took place in the
// dateline city; aid that names no recipient goes to the state of the Middle East city the
// story is filed from.
// Sentences of our own on the fixture gazetteer (tests/unit/processors/data/gazetteer),
// each with negative controls.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// The place of the first event of `type` whose participants include `name` ("" = none).
std::string place_of(const std::vector<Event>& evs, const std::string& type,
                     const std::string& name) {
    for (const auto& e : of_type(evs, type))
        if (has(participants(e), name)) return e.location ? e.location->name : std::string();
    return "<no event>";
}

TEST(DatelineHost, LaterTalksOfTheDayAreInTheDatelineCity) {
    const auto evs = extract(
        "AMMAN, Jan 15 (Reuters) - Jordan and the United States signed a water agreement on "
        "Monday. Secretary of State Peter Brandt said the accord was a model. King Faris, who "
        "met Brandt separately, warned of a wider war.",
        "2024-01-15T18:00:00Z");
    EXPECT_EQ(place_of(evs, "meeting", "King Faris"), "Amman");
    EXPECT_EQ(place_of(evs, "agreement", "Jordan"), "Amman");
}

TEST(DatelineHost, ControlTalksOfAnotherDayKeepNoPlace) {
    // the eve's talks were elsewhere ("a day after talks in ..."): another day, no place
    const auto evs = extract(
        "AMMAN, Jan 15 (Reuters) - Jordan and the United States signed a water agreement on "
        "Monday. Brandt met President Omar Selim on Sunday.",
        "2024-01-15T18:00:00Z");
    EXPECT_EQ(place_of(evs, "meeting", "Omar Selim"), "");
}

TEST(DatelineHost, ControlNoPartyOfTheHostState) {
    // two foreigners meeting: the dateline does not say where
    const auto evs = extract(
        "AMMAN, Jan 15 (Reuters) - Jordan and the United States signed a water agreement on "
        "Monday. Secretary of State Peter Brandt also met President Omar Selim on Monday.",
        "2024-01-15T18:00:00Z");
    EXPECT_EQ(place_of(evs, "meeting", "Omar Selim"), "");
}

TEST(DatelineHost, ControlAPhoneCallHasNoVenue) {
    const auto evs = extract(
        "WASHINGTON, Jan 15 (Reuters) - Secretary of State Peter Brandt spoke by phone with "
        "President Omar Selim on Monday, and the United States signed an aid agreement with "
        "Egypt on Monday.",
        "2024-01-15T18:00:00Z");
    EXPECT_EQ(place_of(evs, "meeting", "Omar Selim"), "");
    // (the agreement of the day, face to face, is placed)
    EXPECT_EQ(place_of(evs, "agreement", "Egypt"), "Washington");
}

TEST(DatelineHost, ControlTwoPlaceDatelineGivesNone) {
    const auto evs = extract(
        "CAIRO/AMMAN, Jan 15 (Reuters) - Jordan and the United States signed a water "
        "agreement on Monday. King Faris, who met Brandt separately, warned of a wider war.",
        "2024-01-15T18:00:00Z");
    EXPECT_EQ(place_of(evs, "meeting", "King Faris"), "");
}

TEST(DatelineHost, ControlACityNameTwoCitiesShareGivesNone) {
    // shipped gazetteer: Tripoli is a city of Lebanon and of Libya, so a TRIPOLI dateline
    // places nothing; Benghazi is one city
    const char* day = "2024-01-15T18:00:00Z";
    EXPECT_EQ(place_of(extract_shipped("TRIPOLI - Libya and Italy signed a migration agreement "
                                       "on Monday.",
                                       day),
                       "agreement", "Libya"),
              "");
    EXPECT_EQ(place_of(extract_shipped("BENGHAZI - Libya and Italy signed a migration agreement "
                                       "on Monday.",
                                       day),
                       "agreement", "Libya"),
              "Benghazi");
}

// ---- aid with no recipient: the dateline's state

std::vector<Participant> aid_targets(const std::vector<Event>& evs, const std::string& donor) {
    for (const auto& e : of_type(evs, "aid"))
        if (has(e.actors, donor)) return e.targets;
    Participant none;
    none.name = "<no event>";
    return {none};
}

TEST(DatelineAid, UnnamedRecipientIsTheDatelineState) {
    const auto evs = extract(
        "BEIRUT, Jan 15 (Reuters) - Rescue teams searched the rubble of the flattened port "
        "district on Monday. France said it had sent 40 tonnes of medical supplies.",
        "2024-01-15T18:00:00Z", true);
    const auto t = aid_targets(evs, "France");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t.front().country, "LBN");
}

TEST(DatelineAid, ControlANamedRecipientIsKept) {
    const auto evs = extract(
        "BEIRUT, Jan 15 (Reuters) - Rescue teams searched the rubble of the flattened port "
        "district on Monday. France said it had sent 40 tonnes of medical supplies to Jordan.",
        "2024-01-15T18:00:00Z", true);
    const auto t = aid_targets(evs, "France");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t.front().country, "JOR");
}

TEST(DatelineAid, ControlADonorOfTheDatelineStateGetsNone) {
    const auto evs = extract(
        "CAIRO, Jan 15 (Reuters) - Rescue teams searched the rubble of the flattened district "
        "on Monday. Egypt said it had sent 40 tonnes of medical supplies.",
        "2024-01-15T18:00:00Z", true);
    EXPECT_TRUE(aid_targets(evs, "Egypt").empty());
}

TEST(DatelineAid, ControlACityOutsideTheRegionGivesNone) {
    const auto evs = extract(
        "PARIS, Jan 15 (Reuters) - Rescue teams searched the rubble of the flattened district "
        "on Monday. Qatar said it had sent 40 tonnes of medical supplies.",
        "2024-01-15T18:00:00Z", true);
    EXPECT_TRUE(aid_targets(evs, "Qatar").empty());
}

}  // namespace
}  // namespace herald::processors

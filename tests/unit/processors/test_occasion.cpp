// Occasion place: the lede tells where an occasion took place, and its follow-up
// diplomatic events (meeting, negotiation, agreement) told later without a place take
// it, when they belong to that occasion: the same parties, or a definite noun ("the
// talks", "the meeting") referring back. Sentences of our own on the fixture gazetteer,
// with negative controls (another day, a new place, sayings, two places in the lede).
// Also the venue form "in the ... resort/city/port of X" (a place noun and "of" inside a
// locative phrase).
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string where(const Event& e) {
    return e.location ? e.location->name : std::string();
}

TEST(OccasionPlace, FollowUpOfTheSamePartiesTakesTheLedePlace) {
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. Selim and Haddad agreed to reopen the "
        "border crossing.");
    const auto a = of_type(evs, "agreement");
    ASSERT_FALSE(a.empty());
    for (const auto& e : a) EXPECT_EQ(where(e), "Amman");
}

TEST(OccasionPlace, DefiniteTalksReferBackToTheLedeOccasion) {
    const auto evs = extract(
        "Brandt met Selim in Cairo on Monday. The talks were also attended by Haddad and "
        "Mansour.");
    bool found = false;
    for (const auto* t : {"meeting", "negotiation"})
        for (const auto& e : of_type(evs, t)) {
            found = true;
            EXPECT_EQ(where(e), "Cairo");
        }
    EXPECT_TRUE(found);
}

TEST(OccasionPlace, AFollowUpThatNamesANewPlaceKeepsIt) {
    // control: the second sentence names its own place
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. Selim and Haddad agreed in Paris to reopen "
        "the border crossing.");
    const auto a = of_type(evs, "agreement");
    ASSERT_FALSE(a.empty());
    for (const auto& e : a) EXPECT_EQ(where(e), "Paris");
}

TEST(OccasionPlace, AnotherDayIsAnotherOccasion) {
    // control: the follow-up has a day of its own, other than the lede's
    const auto evs = extract(
        "Brandt met Selim in Cairo on Monday. The talks on Jan. 2 had focused on the border "
        "crossing.");
    for (const auto* t : {"meeting", "negotiation"})
        for (const auto& e : of_type(evs, t))
            if (e.date && *e.date != "2024-01-15") {
                EXPECT_NE(where(e), "Cairo");
            }
}

TEST(OccasionPlace, AnEarlierDealOfTheSamePartiesIsAnotherOccasion) {
    // control: background of the same parties, not dated on the lede's day
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. Selim and Haddad had agreed in 2019 to "
        "reopen the border crossing.");
    for (const auto& e : of_type(evs, "agreement")) EXPECT_EQ(where(e), "");
}

TEST(OccasionPlace, TwoPlacesInTheLedeGiveNoSingleOccasion) {
    // control: the lede tells two occasions in two places; "the talks" is not resolved
    const auto evs = extract(
        "Brandt met Selim in Cairo on Monday, and Haddad met Mansour in Paris on Monday. "
        "The talks focused on the border crossing.");
    for (const auto* t : {"meeting", "negotiation"})
        for (const auto& e : of_type(evs, t))
            if (!has(participants(e), "Peter Brandt") && !has(participants(e), "Amal Haddad")) {
                EXPECT_EQ(where(e), "");
            }
}

TEST(OccasionPlace, SayingsDoNotTakeTheOccasionPlace) {
    // control: a later statement of a lede party may be made elsewhere
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. Selim said the border crossing would "
        "reopen.");
    for (const auto& e : of_type(evs, "statement")) EXPECT_EQ(where(e), "");
}

TEST(OccasionPlace, AResortOfAPlaceIsTheVenue) {
    const auto evs = extract("Brandt met Selim in the Mediterranean resort of Tyre on Monday.");
    const auto m = of_type(evs, "meeting");
    ASSERT_FALSE(m.empty());
    for (const auto& e : m) EXPECT_EQ(where(e), "Tyre");
}

TEST(OccasionPlace, APlaceNounOfAPlaceOutsideALocativePhraseIsNoVenue) {
    // control: "the port of Tyre" is the topic here, not where they met
    const auto evs =
        extract("Brandt met Selim on Monday to discuss the reconstruction of the port of Tyre.");
    for (const auto& e : of_type(evs, "meeting")) EXPECT_EQ(where(e), "");
}

}  // namespace
}  // namespace herald::processors

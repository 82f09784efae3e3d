// Plural party references ("the two sides", "both countries", "the two leaders", "the
// pair"): resolved to the sides of the current occasion, the latest list of parties joined
// by "and", in the kind the noun asks for. Sentences of our own on the fixture gazetteer,
// with negative controls (no list in context, a single person, attendees, a place phrase).
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

bool any_with(const std::vector<Event>& evs, const std::string& a, const std::string& b) {
    for (const auto& e : evs) {
        const auto all = participants(e);
        if (has(all, a) && has(all, b)) return true;
    }
    return false;
}

TEST(PluralRefs, BothSidesAreTheStatesJoinedByAnd) {
    const auto evs = extract(
        "Egypt and Jordan held talks in Cairo on Monday. Both sides agreed to expand trade.");
    EXPECT_TRUE(any_with(of_type(evs, "agreement"), "EGY", "JOR"));
}

TEST(PluralRefs, TheTwoSidesKeepPersonsAsPersons) {
    const auto evs = extract(
        "Brandt held talks with Selim and Haddad in Amman on Monday. The two sides agreed to "
        "reopen the border crossing.");
    const auto a = of_type(evs, "agreement");
    EXPECT_TRUE(any_with(a, "Omar Selim", "Amal Haddad"));
}

TEST(PluralRefs, TheTwoLeadersAreThePersonsOfTheList) {
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. The two leaders agreed to reopen the border "
        "crossing.");
    EXPECT_TRUE(any_with(of_type(evs, "agreement"), "Omar Selim", "Amal Haddad"));
}

TEST(PluralRefs, BothCountriesAfterAListOfPersonsAreTheirStates) {
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. France pledged $20 million in aid to both "
        "countries on Tuesday.");
    const auto aid = of_type(evs, "aid");
    ASSERT_FALSE(aid.empty());
    EXPECT_TRUE(any_with(aid, "EGY", "JOR"));
}

TEST(PluralRefs, AttendeesFromAListAreNotTheSides) {
    const auto evs = extract(
        "Israeli and Lebanese officials met in Amman on Monday. The talks were attended by "
        "officials from Egypt and France. The two sides agreed to meet again next month.");
    const auto a = of_type(evs, "agreement");
    EXPECT_FALSE(any_with(a, "EGY", "FRA"));
    EXPECT_TRUE(any_with(a, "ISR", "LBN"));
}

TEST(PluralRefs, NoListInContextLeavesBothSidesUnresolved) {
    // control: one person and one place, no two sides to refer to
    const auto evs = extract(
        "Selim visited Amman on Monday. Both sides agreed to expand trade, officials said.");
    for (const auto& e : of_type(evs, "agreement")) EXPECT_LT(participants(e).size(), 2u);
}

TEST(PluralRefs, BothSidesOfAPlaceIsNoReference) {
    // control: "both sides of the border" is a place phrase, not the parties
    const auto evs = extract(
        "Egypt and Jordan held talks in Cairo on Monday. Haddad said residents on both sides "
        "of the border wanted peace.");
    for (const auto& e : of_type(evs, "statement")) {
        EXPECT_TRUE(has(e.actors, "Amal Haddad"));
        EXPECT_FALSE(has(participants(e), "EGY"));
    }
}

TEST(PluralRefs, ASinglePersonIsNotTheTwoLeaders) {
    // control: only one person named: "the two leaders" does not become a list
    const auto evs = extract(
        "Haddad arrived in Cairo on Monday. The two leaders agreed to reopen the border "
        "crossing.");
    for (const auto& e : of_type(evs, "agreement")) EXPECT_LT(participants(e).size(), 2u);
}

TEST(PluralRefs, NamedGroupTheyIsNotThePair) {
    // control: "they" after a named armed group stays the group
    const auto evs = extract(
        "Israel and Lebanon agreed on a ceasefire on Monday. Hezbollah said on Tuesday they "
        "would respect the truce.");
    for (const auto& e : of_type(evs, "statement")) EXPECT_FALSE(has(e.actors, "ISR"));
}

TEST(PluralRefs, BothSidesLateInTheStoryAreTheLedesSides) {
    const auto evs = extract(
        "Egypt and Jordan held talks in Cairo on Monday. The session lasted six hours. "
        "Officials described it as frank. Trade was also on the agenda. A second round is "
        "expected soon. Brandt urged both sides to keep talking.");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a[0].targets, "EGY"));
    EXPECT_TRUE(has(a[0].targets, "JOR"));
}

TEST(PluralRefs, BothSidesLateInTheStoryWithoutALedeListStayUnresolved) {
    // control: the lede names one visitor and one place, no two sides
    const auto evs = extract(
        "Selim visited Amman on Monday. The session lasted six hours. Officials described it "
        "as frank. Trade was also on the agenda. A second round is expected soon. Brandt "
        "urged both sides to keep talking.");
    for (const auto& e : of_type(evs, "appeal")) EXPECT_LT(e.targets.size(), 2u);
}

TEST(PluralRefs, ThePartiesWithoutANumberAreAllTheSides) {
    const auto evs = extract(
        "Israel, Lebanon and France held talks in Paris on Monday. Brandt urged the parties "
        "to keep talking.");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a[0].targets, "ISR"));
    EXPECT_TRUE(has(a[0].targets, "LBN"));
    EXPECT_TRUE(has(a[0].targets, "FRA"));
}

TEST(PluralRefs, ThePartiesOfSomethingAreNoReference) {
    // control: "the parties of the coalition" names other parties
    const auto evs = extract(
        "Israel and Lebanon held talks in Paris on Monday. Brandt urged the parties of the "
        "coalition to keep talking.");
    for (const auto& e : of_type(evs, "appeal")) EXPECT_FALSE(has(e.targets, "LBN"));
}

TEST(PluralRefs, TheLeadersWithoutANumberAreThePersonsOfTheList) {
    const auto evs = extract(
        "Selim and Haddad met in Amman on Monday. Brandt urged the leaders to reopen the "
        "border crossing.");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a[0].targets, "Omar Selim"));
    EXPECT_TRUE(has(a[0].targets, "Amal Haddad"));
}

TEST(PluralRefs, TheLeadersOfSomethingAreNoReference) {
    // control: "the leaders of the region" are other people; a list of states is no
    // list of persons either
    for (const char* text :
         {"Selim and Haddad met in Amman on Monday. Brandt urged the leaders of the region to "
          "reopen the border crossing.",
          "Egypt and Jordan held talks in Amman on Monday. Brandt urged the leaders to reopen "
          "the border crossing."})
        for (const auto& e : of_type(extract(text), "appeal")) EXPECT_LT(e.targets.size(), 2u);
}

TEST(PluralRefs, CapitalisedModifiersBeforeThePluralNoun) {
    // "the two Arab neighbours" is "the two neighbours"
    const auto evs = extract(
        "Egypt and Jordan held talks in Cairo on Monday. France pledged $20 million in aid to "
        "the two Arab neighbours on Tuesday.");
    const auto aid = of_type(evs, "aid");
    ASSERT_FALSE(aid.empty());
    EXPECT_TRUE(any_with(aid, "EGY", "JOR"));
    // control: the same modifiers before a noun that is no party reference
    const auto other = of_type(extract("Egypt and Jordan held talks in Cairo on Monday. France "
                                       "pledged $20 million in aid to the two Arab families on "
                                       "Tuesday."),
                               "aid");
    for (const auto& e : other) EXPECT_FALSE(has(e.targets, "EGY") && has(e.targets, "JOR"));
}

// ---------------------------------------------------------------- "the city of X"

TEST(PluralRefs, TheCityOfANamedPlaceIsThatPlaceNotTheCityNamedBefore) {
    const auto evs = extract(
        "The raids alarmed officials in Washington. On Monday, an Israeli air strike on the "
        "city of Tyre killed four people.");
    const auto a = of_type(evs, "attack");
    ASSERT_FALSE(a.empty());
    for (const auto& e : a) {
        ASSERT_TRUE(e.location.has_value());
        EXPECT_EQ(e.location->name, "Tyre");
    }
}

TEST(PluralRefs, TheCityAloneIsStillTheCityNamedLast) {
    // control: a bare "the city" keeps referring to the city named before
    const auto evs = extract(
        "Israeli jets struck targets near Tyre on Monday. An air strike on the city killed "
        "four people on Tuesday.");
    bool tyre = false;
    for (const auto& e : of_type(evs, "attack"))
        if (e.location && e.location->name == "Tyre") tyre = true;
    EXPECT_TRUE(tyre);
}

// ---------------------------------------------------------------- "they"

TEST(PluralRefs, TheyAfterASubjectListIsTheList) {
    const auto evs = extract(
        "Jordan and Egypt held talks in Amman on Monday. They called on France to lift the "
        "sanctions.");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a[0].actors, "JOR"));
    EXPECT_TRUE(has(a[0].actors, "EGY"));
}

TEST(PluralRefs, TheyPassesThePairOn) {
    // "They met ... They called": the second "they" keeps both sides
    const auto evs = extract(
        "Jordan and Egypt held talks in Amman on Monday. They said the talks were useful and "
        "they called on France to lift the sanctions.");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a[0].actors, "JOR"));
    EXPECT_TRUE(has(a[0].actors, "EGY"));
}

TEST(PluralRefs, TheyAfterANamedGroupIsTheGroup) {
    // control: a named armed group in between is the antecedent, not the list
    const auto evs = extract(
        "Israel and Lebanon held talks in Paris on Monday. Hezbollah rejected the talks on "
        "Tuesday. They called on France to stay out of Lebanon.");
    for (const auto& e : of_type(evs, "appeal")) {
        EXPECT_FALSE(has(e.actors, "ISR"));
        EXPECT_FALSE(has(e.actors, "Israel"));
    }
}

TEST(PluralRefs, TheyAfterAListInAPrepositionalPhraseIsNotTheList) {
    // control: "talks with A and B" is no subject list
    const auto evs = extract(
        "Brandt held talks with Jordan and Egypt in Paris on Monday. They called on Qatar to "
        "lift the sanctions.");
    for (const auto& e : of_type(evs, "appeal"))
        EXPECT_FALSE(has(e.actors, "JOR") && has(e.actors, "EGY"));
}

}  // namespace
}  // namespace herald::processors

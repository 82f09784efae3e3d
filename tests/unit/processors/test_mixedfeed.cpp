// Precision on a mixed feed (tests/heldout/MIXEDFEED.md): a live feed carries business,
// sport and other regions' news next to Middle East diplomacy. Sayings and deals of another
// beat (sports bodies, the business world, market quantities, sports competitions), the
// sayings of police, health and rescue services giving a toll, and events whose recipient is
// a state outside the region are not published; the diplomacy beside them is. Sentences are
// our own; the fixture gazetteer knows Haddad (JOR), Brandt (USA), Selim (EGY), Kassem (QAT),
// King Faris (JOR), Rami al-Haddad (LBN) and the states Egypt, Jordan, Qatar, Israel,
// Lebanon, France, Ukraine and the United States.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// Publication: Tuesday 2024-01-16.

// "Jordan's sports minister, X, said", "X, president of the football federation, said"
TEST(MixedFeed, ASpeakerNamedAsASportsBodyOrPortfolioMakesNoStatement) {
    EXPECT_TRUE(of_type(extract("Jordan's sports minister, Amal Haddad, said on Monday that the "
                                "kingdom would deliver an exceptional tournament."),
                        "statement")
                    .empty());
    EXPECT_TRUE(of_type(extract("Nadia Kassem, president of the Qatar Football Federation, said "
                                "on Monday that the country was ready to welcome the world."),
                        "statement")
                    .empty());
    // negative control: the same construction with a diplomatic title
    EXPECT_TRUE(has_actor(of_type(extract("Jordan's foreign minister, Amal Haddad, said on "
                                          "Monday that the kingdom would send aid to Gaza."),
                                  "statement"),
                          "Amal Haddad"));
    EXPECT_TRUE(has_actor(of_type(extract("Amal Haddad, Jordan's foreign minister, said on "
                                          "Monday that the country was ready to host talks."),
                                  "statement"),
                          "Amal Haddad"));
}

// a sports word outside the speaker's own noun phrase leaves the saying alone
TEST(MixedFeed, ASportsWordOutsideTheSubjectLeavesTheSayingAlone) {
    // a relative clause about a state speaker
    EXPECT_TRUE(has_actor(of_type(extract("Qatar, which hosted the World Cup and the FIFA "
                                          "congress, said on Monday that it would send aid to "
                                          "Gaza."),
                                  "statement"),
                          "QAT"));
    // an earlier clause before the subject's comma
    EXPECT_TRUE(has_actor(of_type(extract("After talks with FIFA officials, President Omar "
                                          "Selim said on Monday that Egypt would host talks on "
                                          "Gaza."),
                                  "statement"),
                          "Omar Selim"));
}

// the speaker's other sayings in the article are the same beat
TEST(MixedFeed, ASportsSpeakersLaterSayingIsTheSameBeat) {
    const auto a = extract(
        "Delegates applauded as FIFA President Nadia Kassem announced the outcome on Monday.\n"
        "\"This is a historic day for the game,\" Kassem said in Zurich.");
    EXPECT_TRUE(of_type(a, "statement").empty());
    // negative control: without the sports title her saying is a statement
    const auto b = extract(
        "Delegates applauded as Ambassador Nadia Kassem announced the outcome on Monday.\n"
        "\"This is a historic day for Gaza,\" Kassem said in Paris.");
    EXPECT_TRUE(has_actor(of_type(b, "statement"), "Nadia Kassem"));
}

// "Egyptian business leaders are expected to announce investment deals"
TEST(MixedFeed, TheBusinessWorldIsNoStateSpeaking) {
    EXPECT_TRUE(of_type(extract("Egyptian business leaders are expected to announce investment "
                                "deals during the visit."),
                        "statement")
                    .empty());
    // negative control: officials of the state
    EXPECT_TRUE(has_actor(of_type(extract("Egyptian officials are expected to announce the "
                                          "deals during the visit."),
                                  "statement"),
                          "EGY"));
}

// "agreed to raise output by 400,000 barrels per day": a market decision
TEST(MixedFeed, AnAgreementOnOutputIsAMarketDecision) {
    EXPECT_TRUE(of_type(extract("Egypt, Qatar and Jordan agreed on Monday to raise output by "
                                "400,000 barrels per day in June."),
                        "agreement")
                    .empty());
    EXPECT_TRUE(of_type(extract("Qatar and Jordan agreed on Monday to voluntary cuts of 2 "
                                "million barrels per day."),
                        "agreement")
                    .empty());
    // negative controls: deals between states on ties and on supplies
    EXPECT_EQ(of_type(extract("Egypt, Qatar and Jordan agreed on Monday to restore diplomatic "
                              "ties."),
                      "agreement")
                  .size(),
              1u);
    EXPECT_FALSE(
        extract("Qatar agreed on Monday to supply gas to Lebanon through Jordan.").empty());
}

// "plan to bid jointly to host the World Cup": a sports bid, not a proposal
TEST(MixedFeed, ABidToHostASportsCompetitionIsNoProposal) {
    EXPECT_TRUE(of_type(extract("Jordan and Egypt plan to bid jointly to host the 2034 World "
                                "Cup."),
                        "proposal")
                    .empty());
    // negative control: leaders meeting at a World Cup opening still met
    EXPECT_EQ(of_type(extract("President Omar Selim met King Faris in Doha on Monday at the "
                              "opening of the World Cup."),
                      "meeting")
                  .size(),
              1u);
}

// "..., police said", "Lebanon's health ministry said strikes had killed 300 people"
TEST(MixedFeed, APoliceHealthOrMaritimeServiceGivingATollIsASource) {
    EXPECT_TRUE(of_type(extract("Israeli strikes have killed 300 people in southern Lebanon "
                                "since Monday, Lebanon's health ministry said."),
                        "statement")
                    .empty());
    EXPECT_TRUE(of_type(extract("A gunman wounded two people in Jerusalem on Monday, Israeli "
                                "police said."),
                        "statement")
                    .empty());
    EXPECT_TRUE(of_type(extract("A tanker was hit by a drone in the Red Sea on Monday, the "
                                "Jordanian maritime agency said."),
                        "statement")
                    .empty());
    // negative controls: the foreign ministry speaks for the state; a named minister speaks
    EXPECT_TRUE(has_actor(of_type(extract("Lebanon's foreign ministry said on Monday that "
                                          "Israeli strikes had killed 300 people."),
                                  "statement"),
                          "LBN"));
    EXPECT_TRUE(has_actor(of_type(extract("Health Minister Rami al-Haddad said on Monday that "
                                          "Israeli strikes had killed 300 people."),
                                  "statement"),
                          "Rami al-Haddad"));
}

// admitted only by the article's region: aid to a state outside it is that state's news
TEST(MixedFeed, AidToAStateOutsideTheRegionIsNotTheRegionsNews) {
    const std::string lede =
        "President Omar Selim met King Faris in Cairo on Monday to discuss Gaza, and Qatar and "
        "Jordan joined the talks.\n";
    const auto a = extract(lede + "France pledged 40 million euros in military aid to Ukraine.");
    EXPECT_TRUE(of_type(a, "aid").empty());
    // still printed with the events outside the region
    const auto all = extract(lede + "France pledged 40 million euros in military aid to Ukraine.",
                             "2024-01-16T12:00:00Z", true);
    EXPECT_EQ(of_type(all, "aid").size(), 1u);
    // negative control: aid to a state of the region
    EXPECT_EQ(
        of_type(extract(lede + "France pledged 40 million euros in aid to Lebanon."), "aid").size(),
        1u);
}

}  // namespace
}  // namespace herald::processors

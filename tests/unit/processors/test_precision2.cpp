// Precision round 2: mentions that name no event of their own (a deal's origin as a clause
// frame, campaigns, plots, awaited attacks, back-references, sayings that are no
// statements). Sentences are our own; the fixture gazetteer knows Haddad (JOR), Brandt (USA),
// Selim (EGY), Darwish (Hamas) and the states Egypt, Jordan, Qatar, Israel, Lebanon, France.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// Publication: Tuesday 2024-01-16.

TEST(DealFrames, ADealsOriginAsTheFrameOfAClauseIsNoNegotiation) {
    EXPECT_TRUE(of_type(extract("Jordan and Qatar restored diplomatic ties in 2023 under a deal "
                                "brokered by Egypt."),
                        "negotiation")
                    .empty());
    EXPECT_TRUE(of_type(extract("Lebanon and Israel agreed in May, in a truce mediated by France, "
                                "to pull back their forces."),
                        "negotiation")
                    .empty());
    // negative control: talks between named sides brokered by a mediator are news
    EXPECT_EQ(of_type(extract("Talks between Jordan and Qatar, brokered by Egypt, resumed in Cairo "
                              "on Monday."),
                      "negotiation")
                  .size(),
              1u);
    // negative control: a deal brokered between named sides still makes the agreement
    EXPECT_EQ(of_type(extract("Three Jordanians held in Israel were freed on Monday in a prisoner "
                              "swap between Israel and Jordan brokered by Egypt."),
                      "agreement")
                  .size(),
              1u);
}

TEST(AttackMentions, AnAspectVerbBeforeAnAttackGerundIsACampaign) {
    EXPECT_TRUE(of_type(extract("Brandt said on Monday that Israel would keep striking Hezbollah "
                                "positions in Lebanon until the group withdrew."),
                        "attack")
                    .empty());
    EXPECT_TRUE(of_type(extract("Trade through Beirut fell after Hezbollah began attacking "
                                "Israeli ships off Tyre."),
                        "attack")
                    .empty());
    // negative control: the same verb told as one attack on a day
    EXPECT_EQ(of_type(extract("Israel struck Hezbollah positions in Lebanon on Monday."), "attack")
                  .size(),
              1u);
}

TEST(AttackMentions, APlotOrAnAwaitedAttackIsNoAttack) {
    EXPECT_TRUE(of_type(extract("A Lebanese man was jailed in France on Monday for a plot to bomb "
                                "a concert in Paris."),
                        "attack")
                    .empty());
    EXPECT_TRUE(of_type(extract("Jordan closed its airspace on Monday in anticipation of an "
                                "Israeli attack on Lebanon."),
                        "attack")
                    .empty());
    // negative control: an attack reported as done
    EXPECT_EQ(of_type(extract("An Israeli attack on Tyre killed four people on Monday."), "attack")
                  .size(),
              1u);
}

TEST(AttackMentions, ADefiniteAttackNounAfterAnAttackIsThatAttack) {
    auto a = of_type(extract("Four people were killed on Monday when three missiles struck a house "
                             "in Tyre, according to a Hezbollah statement. Jordan condemned the "
                             "killing. Lebanon's foreign ministry said Israel bore full "
                             "responsibility for the attack."),
                     "attack");
    EXPECT_EQ(a.size(), 1u);
    a = of_type(extract("Four people were killed on Monday when three missiles struck a house in "
                        "Tyre, according to a Hezbollah statement. Lebanon's army said in a "
                        "statement that Israel had carried out the attack \"in breach of the "
                        "truce\"."),
                "attack");
    EXPECT_EQ(a.size(), 1u);
    // negative control: without an attack told before, the definite noun is the news
    a = of_type(extract("Lebanon said Israel bore full responsibility for the attack on Tyre."),
                "attack");
    EXPECT_EQ(a.size(), 1u);
    // negative control: a second attack with its own place and day stays
    a = of_type(extract("Four people were killed on Monday when three missiles struck a house in "
                        "Tyre. Israel also carried out the attack on Beirut on Tuesday."),
                "attack");
    EXPECT_EQ(a.size(), 2u);
}

TEST(Sayings, HedgesRefusalsAndStandingViewsAreNoStatements) {
    EXPECT_TRUE(of_type(extract("Israel kept the crossing shut, citing Darwish, whom it said "
                                "should have been freed first."),
                        "statement")
                    .empty());
    EXPECT_TRUE(of_type(extract("Israel's army declined to comment, saying it does not comment on "
                                "foreign reports."),
                        "statement")
                    .empty());
    EXPECT_TRUE(of_type(extract("Israeli officials have said for years that Hezbollah is a "
                                "threat."),
                        "statement")
                    .empty());
    // negative control: a saying on one occasion
    EXPECT_EQ(of_type(extract("Israeli officials said on Monday that Hezbollah is a threat."),
                      "statement")
                  .size(),
              1u);
    EXPECT_EQ(of_type(extract("Haddad said on Monday that Jordan would not comment on the plan."),
                      "statement")
                  .size(),
              1u);
}

TEST(AttackMentions, TollsDemandsAndDebrisAreNoNewAttack) {
    // a campaign's toll so far
    EXPECT_TRUE(of_type(extract("Israel's offensive has since killed more than 67,000 "
                                "Palestinians, according to Gaza's health ministry."),
                        "attack")
                    .empty());
    // attacks that must stop are demanded, not reported
    EXPECT_TRUE(of_type(extract("Jordan's king told France's president on Monday that Israel's "
                                "attacks on civilians must stop."),
                        "attack")
                    .empty());
    // a death by the debris of the attack just told, over a place phrase
    EXPECT_EQ(of_type(extract("Hamas fired rockets at Israel on Monday. Most were intercepted, and "
                              "a man was killed in Gaza by falling debris."),
                      "attack")
                  .size(),
              1u);
    // "the Israeli assault" names the attack told before
    EXPECT_EQ(of_type(extract("Four people were killed on Monday when three missiles struck a "
                              "house in Tyre, according to a Hezbollah statement. Jordan "
                              "condemned the killing. Lebanon's foreign ministry said the "
                              "Israeli assault was a massacre."),
                      "attack")
                  .size(),
              1u);
    // negative control: a toll of one attack on a day stays an attack
    EXPECT_EQ(of_type(extract("An Israeli strike killed four people in Tyre on Monday."), "attack")
                  .size(),
              1u);
}

TEST(WordSense, AParticipleBeforeANounAndAGerundSubjectAreNoEvents) {
    EXPECT_TRUE(of_type(extract("Israeli troops pulled back on Monday to agreed lines inside "
                                "Lebanon."),
                        "agreement")
                    .empty());
    EXPECT_TRUE(of_type(extract("The row erupted in Lebanon, where normalising relations with "
                                "Israel is a crime."),
                        "agreement")
                    .empty());
    // negative controls: the verb and the reported gerund
    EXPECT_EQ(of_type(extract("Israel and Lebanon agreed on Monday to pull back their troops."),
                      "agreement")
                  .size(),
              1u);
    EXPECT_EQ(
        of_type(extract("Jordan and Qatar agreed on Monday to restore relations."), "agreement")
            .size(),
        1u);
}

TEST(Background, ReturnsHomeFirstTimeSinceAndStandingTalks) {
    // a return to one's own country is no visit
    auto e = extract(
        "Jordan's foreign minister met Egypt's foreign minister in Cairo on Monday "
        "before returning to Amman.");
    EXPECT_TRUE(of_type(e, "visit").empty());
    EXPECT_EQ(of_type(e, "meeting").size(), 1u);
    // negative control: a return to a foreign capital is a visit
    EXPECT_EQ(
        of_type(extract("Jordan's foreign minister returned to Cairo on Monday."), "visit").size(),
        1u);
    // what a "first time since" clause tells is the time reference
    e = extract(
        "Egypt's president and Qatar's emir spoke by phone on Monday for the first time "
        "since the two countries restored ties.");
    EXPECT_TRUE(of_type(e, "agreement").empty());
    EXPECT_EQ(of_type(e, "meeting").size(), 1u);
    // a perfect "since" a start told as a clause is a standing arrangement
    EXPECT_TRUE(of_type(extract("Egypt has held talks with Hamas since the war began."), "meeting")
                    .empty());
    // negative control: talks on a day
    EXPECT_EQ(of_type(extract("Egypt held talks with Hamas in Cairo on Monday."), "meeting").size(),
              1u);
}

TEST(TypeChoice, AnnouncedDealsAndGoBetweens) {
    // one side announcing a deal made with another party is an agreement, placed by its object
    auto e = extract(
        "Lebanon's interior ministry announced a ceasefire in Tyre agreed with local "
        "leaders on Monday.");
    auto ag = of_type(e, "agreement");
    ASSERT_EQ(ag.size(), 1u);
    ASSERT_TRUE(ag[0].location.has_value());
    EXPECT_EQ(ag[0].location->name, "Tyre");
    EXPECT_TRUE(of_type(e, "statement").empty());
    // negative control: announcing a plan alone stays a statement
    EXPECT_TRUE(of_type(extract("Lebanon's interior ministry announced a ceasefire in Tyre on "
                                "Monday."),
                        "agreement")
                    .empty());
    // a meeting with a go-between is a mediated negotiation
    e = extract(
        "Israeli and Lebanese envoys are due to meet again in Paris on Saturday, with "
        "Qatar's foreign minister again acting as go-between.");
    const auto n = of_type(e, "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_TRUE(of_type(e, "meeting").empty());
    // negative control: a companion is no go-between
    EXPECT_TRUE(of_type(extract("Israeli and Lebanese envoys are due to meet again in Paris on "
                                "Saturday, with Qatar's foreign minister attending."),
                        "negotiation")
                    .empty());
}

TEST(DealFrames, BrokeringADealOfAPastYearIsBackground) {
    // publication 2024-01-16: 2021 is older than the age limit reaches
    EXPECT_TRUE(of_type(extract("Egypt brokered the 2021 agreement between Jordan and Qatar and "
                                "remains a key partner of both."),
                        "negotiation")
                    .empty());
    // negative control: brokering a deal of the news
    EXPECT_EQ(of_type(extract("Egypt brokered an agreement between Jordan and Qatar on Monday."),
                      "negotiation")
                  .size(),
              1u);
}

TEST(DealFrames, TalksThatAPlanIsTheBasisForAreNoTalks) {
    const auto e = extract(
        "France backed Jordan's plan on Monday as the basis for talks between "
        "Israel and Lebanon.");
    EXPECT_TRUE(of_type(e, "meeting").empty());
    EXPECT_TRUE(of_type(e, "negotiation").empty());
    // negative control: talks between them on a day
    EXPECT_EQ(
        of_type(extract("Israel and Lebanon held talks in Paris on Monday."), "meeting").size() +
            of_type(extract("Israel and Lebanon held talks in Paris on Monday."), "negotiation")
                .size(),
        1u);
}

TEST(TypeChoice, PlannedNuclearTalksOutsideALaterCondition) {
    const auto e = extract(
        "Jordan will hold nuclear talks with France in Cairo on Friday, Haddad "
        "said on Monday, after Israel warned that it would strike Lebanon if "
        "there was no progress.");
    const auto n = of_type(e, "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].status, "planned");
    EXPECT_TRUE(of_type(e, "meeting").empty());
    // negative control: a condition on the talks themselves
    const auto c = extract(
        "Jordan will hold talks with France in Cairo on Friday if the crossings "
        "reopen.");
    EXPECT_TRUE(of_type(c, "meeting").empty());
    EXPECT_TRUE(of_type(c, "negotiation").empty());
}

}  // namespace
}  // namespace herald::processors

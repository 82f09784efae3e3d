// Attack events: places, actors and triggers from general news phrasing (sentences of our
// own on the fixture gazetteer), each rule with a negative control.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// ---------------------------------------------------------------- places

TEST(AttackRules, TheCityIsTheCityNamedLast) {
    const auto a = of_type(extract("The talks moved to Tyre on Sunday. Israeli jets fired "
                                   "missiles at the city on Monday, killing four people."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
    // the possessive form with a place noun after it
    const auto b = of_type(extract("Crowds gathered in Tyre on Sunday. Israeli troops opened "
                                   "fire on the city's northern edge on Monday."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    ASSERT_TRUE(b[0].location.has_value());
    EXPECT_EQ(b[0].location->name, "Tyre");
    // negative: no city named before, no place
    const auto c =
        of_type(extract("Israeli jets fired missiles at the city on Monday, killing four people."),
                "attack");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_FALSE(c[0].location.has_value());
}

TEST(AttackRules, ACitysPossessiveBeforeAFacilityIsWhereItHit) {
    const auto a = of_type(
        extract("Israeli warplanes bombed Tyre's main port on Monday, destroying two ships."),
        "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
    // negative: a state's possessive names an owner (the place named after it counts)
    const auto b = of_type(extract("Israeli warplanes bombed Egypt's consulate compound in "
                                   "Tyre on Monday."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    ASSERT_TRUE(b[0].location.has_value());
    EXPECT_EQ(b[0].location->name, "Tyre");
}

TEST(AttackRules, AGroupsTargetsAreInItsHomeCountry) {
    const auto a =
        of_type(extract("Israel launched strikes on Hezbollah targets on Monday."), "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
    EXPECT_TRUE(has(a[0].targets, "Hezbollah"));
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->country, "LBN");
    // negative: a place named for the strikes wins over the group's home
    const auto b = of_type(
        extract("Israel launched strikes on Hezbollah targets in Tyre on Monday."), "attack");
    ASSERT_EQ(b.size(), 1u);
    ASSERT_TRUE(b[0].location.has_value());
    EXPECT_EQ(b[0].location->name, "Tyre");
    // negative: a country adjective is hit, but gives no place
    const auto c =
        of_type(extract("Hamas launched attacks on Israeli targets on Monday."), "attack");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_FALSE(c[0].location.has_value());
}

TEST(AttackRules, AMetonymOpeningAClauseAfterAConjunctionIsItsSubject) {
    const auto a = of_type(extract("Jordan closed its airspace on Monday, hours after Cairo "
                                   "launched a missile attack on Israel."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "EGY"));
    // negative: after a metonym used as a place, no actor
    const auto b = of_type(extract("Israeli jets struck Gaza on Monday after Cairo talks "
                                   "failed."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "ISR"));
    EXPECT_FALSE(has(b[0].actors, "EGY"));
}

TEST(AttackRules, AStatesNameBeforeASingularNounIsHitNotWhere) {
    const auto a = of_type(extract("A drone strike on a U.S. outpost in Jordan killed three "
                                   "soldiers on Sunday."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->country, "JOR");
    EXPECT_TRUE(has(a[0].targets, "USA"));
    // negative: an adverb after the state is no noun it modifies
    for (const char* text : {"Israel carried out strikes on Lebanon late on Monday.",
                             "Israel struck Lebanon twice on Monday."}) {
        const auto c = of_type(extract(text), "attack");
        ASSERT_EQ(c.size(), 1u) << text;
        ASSERT_TRUE(c[0].location.has_value()) << text;
        EXPECT_EQ(c[0].location->country, "LBN");
    }
    // negative: the state itself struck is still the place
    const auto b =
        of_type(extract("Israeli jets struck Lebanon overnight, killing two people."), "attack");
    ASSERT_EQ(b.size(), 1u);
    ASSERT_TRUE(b[0].location.has_value());
    EXPECT_EQ(b[0].location->country, "LBN");
}

TEST(AttackRules, APlaceAfterAReportingVerbIsInWhatIsSaid) {
    const auto a = of_type(
        extract("Israeli jets struck on Monday and the army says the targets were in Gaza."),
        "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_FALSE(a[0].location.has_value());
    // negative: a hedge inside the object keeps its place
    const auto b = of_type(extract("Israel launched missile strikes on what it said were "
                                   "militant targets in Tyre on Monday."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    ASSERT_TRUE(b[0].location.has_value());
    EXPECT_EQ(b[0].location->name, "Tyre");
}

TEST(AttackRules, AKillParticipleOnAPrepositionsObjectIsNoAttack) {
    EXPECT_TRUE(of_type(extract("Macron offered condolences for the Lebanese killed in Tyre "
                                "and said the war must end."),
                        "attack")
                    .empty());
    EXPECT_TRUE(
        of_type(extract("The Jordanian king prayed for those killed in Tyre on Monday."), "attack")
            .empty());
    // negative: a clause after a conjunction, and a plain subject, still kill
    const auto a = of_type(extract("Qatar recalled its envoy on Monday, hours after Israel killed "
                                   "a commander in Tyre."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
    const auto b =
        of_type(extract("Israeli troops killed three people in Tyre on Monday."), "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "ISR"));
}

TEST(AttackRules, APlaceNamedAfterIncludingIsWhereItHit) {
    const auto a = of_type(extract("Israeli warplanes carried out strikes on villages in the "
                                   "south, including Tyre, on Monday."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
    // negative: people included are no place
    const auto b = of_type(extract("Israeli warplanes carried out strikes on Monday, killing "
                                   "ten people, including two Egyptians."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_FALSE(b[0].location.has_value());
}

TEST(AttackRules, ItsAfterTheGroupAsSubjectIsTheGroups) {
    const auto a = of_type(extract("The deal did not cover Israel, and Hamas said the group "
                                   "would keep up its attacks on Israeli targets."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "Hamas"));
    EXPECT_FALSE(has(a[0].actors, "ISR"));
    // negative: "its" inside a prepositional phrase keeps its own antecedent
    const auto b = of_type(
        extract("Hamas fought on. Israel said the group fired rockets at its towns on Monday."),
        "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "Hamas"));
    EXPECT_FALSE(has(b[0].actors, "ISR"));
}

TEST(AttackRules, StoppedAttackingIsNoAttack) {
    const auto a = of_type(extract("Hamas rejected the offer. Washington said it would continue "
                                   "its strikes until the group stopped attacking Israel."),
                           "attack");
    for (const auto& e : a) EXPECT_FALSE(has(e.actors, "Hamas")) << e.evidence[0].sentence;
    // negative: stopping something else leaves the attack
    const auto b =
        of_type(extract("Israeli jets struck Beirut on Monday after talks stopped."), "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "ISR"));
}

TEST(AttackRules, SeizingAShipIsAnAttack) {
    const auto a = of_type(extract("Hamas fighters seized a cargo ship near Tyre late on Monday, "
                                   "steering it to the coast."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "Hamas"));
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
    EXPECT_EQ(a[0].date, "2024-01-15");
    // negative: seizing something else is no attack
    EXPECT_TRUE(
        of_type(extract("The army seized the initiative near Tyre on Monday."), "attack").empty());
}

TEST(AttackRules, AnAttackOnTheEveSetsNoNewsDay) {
    // the reactions to an attack late on the eve may come the next day
    const auto a = of_type(extract("Hamas fighters seized a cargo ship near Tyre late on Monday, "
                                   "steering it to the coast.\n\nEgypt condemned the seizure."),
                           "statement");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_FALSE(a[0].date.has_value());
    // negative: a diplomatic lede on the eve still dates the day's reactions
    const auto b = of_type(extract("Qatar's foreign minister met Egypt's foreign minister in "
                                   "Cairo on Monday.\n\nJordan condemned the seizure."),
                           "statement");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].date, "2024-01-15");
}

TEST(AttackRules, AWeaponThatLandedIsAnAttack) {
    const auto a = of_type(extract("The talks stalled after a Hamas rocket that landed near the "
                                   "port of Lebanon's Tyre on Monday, wounding six people."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "Hamas"));
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
    EXPECT_EQ(a[0].date, "2024-01-15");
    const auto b = of_type(
        extract("A Hamas drone slammed into a building in Tyre on Monday, killing two people."),
        "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "Hamas"));
    // a participle phrase between the weapon and the verb
    const auto c = of_type(extract("A Hamas rocket fired from Gaza hit a house in Tyre on "
                                   "Monday."),
                           "attack");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_TRUE(has(c[0].actors, "Hamas"));
    // negative: another head noun after the weapon ("missile programme")
    EXPECT_TRUE(
        of_type(extract("The Egyptian rocket programme has hit a snag, Qatar said."), "attack")
            .empty());
    // negative: without a possessive or adjective attacker, no event from the noun
    EXPECT_TRUE(of_type(extract("Prices of rockets hit a record on Monday."), "attack").empty());
    // negative: a weapon that did not land anywhere is no attack
    EXPECT_TRUE(
        of_type(extract("Egypt said a Hamas rocket was displayed in Cairo on Monday."), "attack")
            .empty());
}

TEST(AttackRules, AClaimNamesTheAttackerOfTheAttackJustTold) {
    const auto a = of_type(extract("A drone struck a building in Tyre early on Monday, killing "
                                   "one man. Hamas claimed the attack."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "Hamas"));
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
    EXPECT_EQ(a[0].date, "2024-01-15");
    // negative: an attack told with its attacker keeps it
    const auto b = of_type(extract("Israeli jets struck a building in Tyre early on Monday, "
                                   "killing one man. Hamas claimed the attack."),
                           "attack");
    for (const auto& e : b) {
        if (e.location && e.location->name == "Tyre") {
            EXPECT_TRUE(has(e.actors, "ISR"));
            EXPECT_FALSE(has(e.actors, "Hamas"));
        }
    }
}

TEST(AttackRules, MergedAttacksKeepThePlaceOfTheMemberThatHasOne) {
    for (const char* text : {"Israel kept up its own strikes. Israeli warplanes bombed Tyre's "
                             "main port on Monday, killing three people.",
                             "Israeli warplanes bombed Tyre's main port on Monday, killing three "
                             "people. Israel kept up its strikes."}) {
        const auto a = of_type(extract(text), "attack");
        ASSERT_EQ(a.size(), 1u) << text;
        ASSERT_TRUE(a[0].location.has_value()) << text;
        EXPECT_EQ(a[0].location->name, "Tyre");
    }
}

TEST(AttackRules, APassiveKillGivesNoAttackerToTheStrike) {
    const auto a =
        of_type(extract("Lebanon's health ministry said three people were killed in the strike."),
                "attack");
    for (const auto& e : a) EXPECT_FALSE(has(e.actors, "LBN"));
    // negative: an active kill verb still gives the strike its attacker
    const auto b = of_type(extract("Israeli jets killed three people in a strike on Tyre on "
                                   "Monday."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "ISR"));
}

TEST(AttackRules, BeginningRaidsIsAnAttack) {
    const auto a = of_type(extract("Israel said on Monday it had begun ground raids against "
                                   "Hamas in Tyre."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
    EXPECT_TRUE(has(a[0].targets, "Hamas"));
    // negative: beginning talks is no attack
    EXPECT_TRUE(of_type(extract("Israel began a new phase of talks with Hamas in Cairo on "
                                "Monday."),
                        "attack")
                    .empty());
}

TEST(AttackRules, MountainsOfADirectionOfAStateArePlaces) {
    const auto a = of_type(extract("Egyptian forces carried out air strikes against Hamas "
                                   "fighters in the mountains of northern Lebanon on Monday."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->country, "LBN");
    // negative: mountains of no named state give no place
    const auto b = of_type(extract("Egyptian forces carried out air strikes against Hamas "
                                   "fighters in the mountains on Monday."),
                           "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_FALSE(b[0].location.has_value());
}

TEST(AttackRules, ATollCountedSinceAStartIsNoAttack) {
    EXPECT_TRUE(of_type(extract("More than 37,000 people have been killed in Gaza since the war "
                                "began, the ministry said."),
                        "attack")
                    .empty());
    // negative: the same perfect without "since" is still reported
    EXPECT_EQ(of_type(extract("Two people have been killed in Gaza, the ministry said."), "attack")
                  .size(),
              1u);
}

TEST(AttackRules, AnAttackNounAsTheAgentOfAParticipleOnlyDescribes) {
    EXPECT_TRUE(of_type(extract("Egypt said the road, damaged by Israeli air strikes, was still "
                                "closed."),
                        "attack")
                    .empty());
    // negative: with a day or a place it is an attack
    const auto a = of_type(extract("Egypt said the road, damaged by Israeli air strikes on "
                                   "Monday, was still closed."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].date, "2024-01-15");
    const auto b =
        of_type(extract("Egypt said the road was hit by Israeli air strikes in Tyre."), "attack");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "ISR"));
}

TEST(AttackRules, QuotedThreatsAndTheWarAreNoAttacks) {
    EXPECT_TRUE(of_type(extract("\"They said, please don't bomb us anymore and we're not going "
                                "to attack your ships,\" Egypt's president told reporters on "
                                "Monday."),
                        "attack")
                    .empty());
    EXPECT_TRUE(of_type(extract("Israel's war on Hamas, launched after the October 7 attack, has "
                                "killed more than 30,000 people, according to the health "
                                "ministry in Gaza."),
                        "attack")
                    .empty());
    // negative: the same words outside a quote are an attack
    EXPECT_EQ(of_type(extract("Israeli jets bombed ships near Tyre on Monday."), "attack").size(),
              1u);
}

TEST(AttackRules, ADeathFromDebrisBelongsToTheAttackJustTold) {
    const auto a = of_type(extract("Egypt fired missiles at Israel on Monday. Most were "
                                   "intercepted. A man in Tyre was killed by falling debris."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "EGY"));
    // negative: with no attack told before, the death is reported
    EXPECT_EQ(
        of_type(extract("A man in Tyre was killed by falling debris on Monday."), "attack").size(),
        1u);
}

TEST(AttackRules, AThreatenedAttackNounIsNoAttack) {
    EXPECT_TRUE(
        of_type(extract("Israel has long threatened strikes on Hezbollah."), "attack").empty());
    EXPECT_TRUE(of_type(extract("Egypt warned of a harsh attack on Israel."), "attack").empty());
    // negative: a warning after a real attack leaves the attack
    const auto a = of_type(extract("Hezbollah warned Israel on Monday after Israeli strikes "
                                   "killed five people in Tyre."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
}

}  // namespace
}  // namespace herald::processors

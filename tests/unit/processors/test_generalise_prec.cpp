// Round-4 precision rules: what separates a reported event from a mention of one.
// Sentences are our own; the fixture gazetteer knows Haddad (JOR), Brandt (USA), Selim (EGY),
// Mansour (UN envoy), Darwish (Hamas), the UN, Hezbollah and Hamas.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// Publication: Tuesday 2024-01-16.

TEST(GeneraliseMentions, AnAttackNounWithNoAttackerNoDayNoTollIsOnlyNamed) {
    // "condemned the attack", "the worst attack in years": named, not reported
    EXPECT_TRUE(
        of_type(extract("Jordan and Egypt condemned the attack in Lebanon."), "attack").empty());
    EXPECT_TRUE(
        of_type(extract("Selim said it was the worst bombing in Lebanon in a decade."), "attack")
            .empty());
    // controls: a day, a toll or an attacker make it a report
    auto a = of_type(extract("Jordan condemned the attack on Tyre on Monday."), "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].date.value_or(""), "2024-01-15");
    a = of_type(extract("A bombing in Tyre killed five people, Lebanese officials said."),
                "attack");
    EXPECT_EQ(a.size(), 1u);
    a = of_type(extract("Jordan condemned the Israeli air strike in Tyre."), "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
}

TEST(GeneraliseMentions, AnAttackSomethingIsSetAgainstIsNotReported) {
    EXPECT_TRUE(of_type(extract("Haddad toured the region seeking support against an Israeli "
                                "offensive in Lebanon."),
                        "attack")
                    .empty());
    // control: the same attacker and place told as an event with a day
    EXPECT_EQ(
        of_type(extract("Haddad condemned an Israeli offensive in Lebanon on Monday."), "attack")
            .size(),
        1u);
}

TEST(GeneraliseMentions, AStateSayingWhatItsOwnSideDidIsTheSourceNotAStatement) {
    // the state reports its own envoy's trip or its own strike: one event, no statement
    auto evs = extract("The United States said Brandt would travel to Cairo on Thursday.");
    EXPECT_TRUE(of_type(evs, "statement").empty());
    ASSERT_EQ(of_type(evs, "visit").size(), 1u);
    EXPECT_EQ(of_type(evs, "visit")[0].actors.at(0).name, "Peter Brandt");
    evs = extract("Israel said it struck a weapons depot in Tyre on Monday.");
    EXPECT_TRUE(of_type(evs, "statement").empty());
    EXPECT_EQ(of_type(evs, "attack").size(), 1u);
    // controls: a person's saying stays; so does a state speaking about another side, or
    // saying something that is no event
    evs = extract("Haddad said Brandt would travel to Cairo on Thursday.");
    EXPECT_EQ(of_type(evs, "statement").size(), 1u);
    evs = extract("The United States said Haddad would travel to Cairo on Thursday.");
    EXPECT_EQ(of_type(evs, "statement").size(), 1u);
    evs = extract("Israel said it was ready for a long war in Lebanon.");
    EXPECT_EQ(of_type(evs, "statement").size(), 1u);
}

TEST(GeneraliseMentions, GreetingAPersonIsAMeetingGreetingAThingIsNot) {
    auto m = of_type(extract("Selim greeted Haddad at Cairo airport on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].targets, "Amal Haddad") || has(m[0].actors, "Amal Haddad"));
    // controls: no person on the other side
    EXPECT_TRUE(
        of_type(extract("Selim greeted the decision by Jordan on Monday."), "meeting").empty());
    EXPECT_TRUE(
        of_type(extract("The freed men were greeted by crowds in Doha on Monday."), "meeting")
            .empty());
}

TEST(GeneraliseMentions, ItAfterADocumentIsTheDocumentNotAStateNamedInIt) {
    // the document speaks: no appeal by the body or state it mentions
    auto a = of_type(extract("The final communique said the United Nations had failed the "
                             "region. It called on Israel to open the crossings."),
                     "appeal");
    for (const auto& e : a) EXPECT_FALSE(has(e.actors, "United Nations"));
    a = of_type(extract("Under the plan, Gaza would be demilitarised and Jordan would run the "
                        "crossings. It also calls on Israel to release the funds."),
                "appeal");
    for (const auto& e : a) EXPECT_FALSE(has(e.actors, "JOR"));
    // controls: a state after the fronted document speaks; after a state as subject, "it"
    // is that state
    a = of_type(extract("In the statement, Jordan said the crossings must open. It also called "
                        "on Israel to release the funds."),
                "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "JOR"));
    a = of_type(extract("Jordan published a report on Monday. It called on Israel to open the "
                        "crossings."),
                "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "JOR"));
}

TEST(GeneraliseMentions, TalksAnAimWordAsksForAreNoNegotiation) {
    EXPECT_TRUE(of_type(extract("The communique urged Lebanon to engage in direct negotiations "
                                "with Israel."),
                        "negotiation")
                    .empty());
    // control: talks that are going on
    EXPECT_EQ(of_type(extract("Lebanon and Israel held indirect negotiations in Cairo on "
                              "Monday, mediated by Egypt."),
                      "negotiation")
                  .size(),
              1u);
}

TEST(GeneraliseMentions, AnAdjectiveAndBareNounOpeningAClauseIsAnUnknownSource) {
    // ", Egyptian state media said": the media speak, not a state named before them
    auto st = of_type(extract("Selim met Haddad in Cairo on Monday for talks on the crossings, "
                              "Lebanon and trade, Egyptian state media said."),
                      "statement");
    for (const auto& e : st) EXPECT_FALSE(has(e.actors, "LBN"));
    // control: a state as the subject of the saying
    st = of_type(extract("Selim met Haddad in Cairo on Monday, and Lebanon said it welcomed the "
                         "meeting."),
                 "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_TRUE(has(st[0].actors, "LBN"));
}

TEST(GeneraliseMentions, AConditionCoversEveryVerbOfItsList) {
    // the talks are the third verb of the "unless" clause
    EXPECT_TRUE(of_type(extract("France will keep the sanctions unless Lebanon releases the "
                                "prisoners, reopens the border and resumes talks with Israel."),
                        "negotiation")
                    .empty());
    // control: a comma before a new subject ends the condition
    EXPECT_EQ(of_type(extract("Unless the weather turns, the crossings stay open for aid, and "
                              "Lebanon and Israel held indirect negotiations in Cairo on Monday."),
                      "negotiation")
                  .size(),
              1u);
}

TEST(GeneraliseMentions, ASecondSayingAfterAReportedClauseIsTheSpeakers) {
    auto st = of_type(extract("Haddad said Egypt and Qatar had agreed to reopen the crossing, and "
                              "said the talks would go on."),
                      "statement");
    ASSERT_FALSE(st.empty());
    for (const auto& e : st) {
        EXPECT_FALSE(has(e.actors, "EGY"));
        EXPECT_FALSE(has(e.actors, "QAT"));
    }
    // control: a new subject keeps its own saying
    st = of_type(extract("Haddad said Egypt had agreed to reopen the crossing, and Selim said the "
                         "talks would go on."),
                 "statement");
    bool selim = false;
    for (const auto& e : st) selim |= has(e.actors, "Omar Selim");
    EXPECT_TRUE(selim);
}

TEST(GeneraliseMentions, WhatAPersonSaysHisOwnStateDoesIsHisAct) {
    auto a = of_type(extract("King Faris met Selim in Amman on Monday. Faris said the kingdom "
                             "demanded an immediate halt to the fighting in Gaza."),
                     "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].actors.at(0).name, "King Faris");
    // control: another state named in the reported clause keeps its act
    a = of_type(extract("Selim said Jordan demanded an immediate halt to the fighting in Gaza."),
                "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "JOR"));
}

TEST(GeneraliseMentions, APlaceListedAfterATopicIsNoDestination) {
    auto v = of_type(extract("Haddad met Selim in Cairo on Monday, on a visit focused on the "
                             "crossings, Lebanon and trade."),
                     "visit");
    for (const auto& e : v) {
        ASSERT_TRUE(e.location.has_value());
        EXPECT_NE(e.location->name, "Lebanon");
    }
    // control: the place right after the visit is where it goes
    v = of_type(extract("Haddad began a visit to Lebanon on Monday focused on trade."), "visit");
    ASSERT_EQ(v.size(), 1u);
    ASSERT_TRUE(v[0].location.has_value());
    EXPECT_EQ(v[0].location->name, "Lebanon");
}

TEST(GeneraliseMentions, APlainFormAfterASingularCompoundNounIsItsHead) {
    // "the UN member state": no statement by the UN
    auto st = of_type(extract("Haddad said Jordan, the UN member state closest to the border, "
                              "could no longer cope, and called for safe zones in Lebanon."),
                      "statement");
    for (const auto& e : st) EXPECT_FALSE(has(e.actors, "United Nations"));
    // ... and the appeal joined after the reported clause is the speaker's
    auto ap = of_type(extract("Haddad said Jordan, the UN member state closest to the border, "
                              "could no longer cope, and called for safe zones in Lebanon."),
                      "appeal");
    ASSERT_EQ(ap.size(), 1u);
    EXPECT_EQ(ap[0].actors.at(0).name, "Amal Haddad");
    // control: a plural subject before the plain form is a verb
    st = of_type(extract("The UN officials state that Lebanon needs aid, Haddad said."),
                 "statement");
    EXPECT_FALSE(st.empty());
}

TEST(GeneraliseMentions, AHabitOfAttacksIsNoAttack) {
    EXPECT_TRUE(of_type(extract("Haddad visited Amman on Monday, after months of frequent Israeli "
                                "raids in Lebanon."),
                        "attack")
                    .empty());
    EXPECT_TRUE(
        of_type(extract("Israel has carried out repeated strikes in Lebanon this year."), "attack")
            .empty());
    // control: a single attack with a day
    EXPECT_EQ(of_type(extract("Israel carried out strikes in Lebanon on Monday."), "attack").size(),
              1u);
}

TEST(GeneraliseMentions, AnActorlessAttackOnTheStateWhereAFullerOneHitIsThatAttack) {
    auto a = of_type(extract("Israeli jets struck Tyre on Monday. Officials said five people "
                             "were killed in the deadliest attack on Lebanese soil this year."),
                     "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
    // control: an attack on another state is another attack
    a = of_type(extract("Israeli jets struck Tyre on Monday. Officials said five people were "
                        "killed in the deadliest attack on Egyptian soil this year."),
                "attack");
    EXPECT_EQ(a.size(), 2u);
}

TEST(GeneraliseMentions, AMeetingOfBodiesOnlyWithNoDayNoPlaceIsNamedNotReported) {
    EXPECT_TRUE(of_type(extract("Officials said the Arab League and the GCC would merge their "
                                "summits into one meeting."),
                        "meeting")
                    .empty());
    // controls: a day and place, or a state taking part, make it a report
    EXPECT_EQ(
        of_type(extract("The Arab League held an emergency meeting in Cairo on Monday."), "meeting")
            .size(),
        1u);
    EXPECT_EQ(
        of_type(extract("Jordan will meet the Arab League to discuss the crossings."), "meeting")
            .size(),
        1u);
}

TEST(GeneraliseMentions, ABodyGivingAFigureOrAStandingViewIsASource) {
    EXPECT_TRUE(
        of_type(extract("The UN said on Monday that 500 people had fled Tyre."), "statement")
            .empty());
    EXPECT_TRUE(of_type(extract("Haddad met Selim in Amman on Monday to discuss refugees in "
                                "Lebanon, where the UN says conditions are not yet safe."),
                        "statement")
                    .empty());
    // controls: a body's position, and a state's figure, are statements
    EXPECT_EQ(of_type(extract("The UN said on Monday that the crossings into Gaza must reopen."),
                      "statement")
                  .size(),
              1u);
    EXPECT_EQ(of_type(extract("Jordan said on Monday that 500 people had fled Tyre."), "statement")
                  .size(),
              1u);
}

TEST(GeneraliseMentions, ANoSubjectNegatesItsClause) {
    EXPECT_TRUE(
        of_type(extract("Brandt said no U.S. troops in Lebanon had been hit on Monday."), "attack")
            .empty());
    EXPECT_TRUE(of_type(extract("Officials said no agreement between Israel and Lebanon was "
                                "reached on Monday."),
                        "agreement")
                    .empty());
    // controls: "no longer" negates nothing of the event; a plain passive is an attack
    EXPECT_EQ(of_type(extract("Jordan, no longer neutral, struck targets in Lebanon on Monday."),
                      "attack")
                  .size(),
              1u);
    EXPECT_EQ(
        of_type(extract("Brandt said U.S. troops in Lebanon had been hit on Monday."), "attack")
            .size(),
        1u);
}

TEST(GeneraliseMentions, AttendanceInAnAsideOnTheSubjectIsItsCircumstance) {
    EXPECT_TRUE(of_type(extract("Haddad, attending a forum in Paris, rejected the Israeli plan "
                                "on Monday."),
                        "meeting")
                    .empty());
    EXPECT_TRUE(of_type(extract("Haddad, who attended the talks with her deputy, urged Israel on "
                                "Monday to open the crossings."),
                        "meeting")
                    .empty());
    // control: attendance as the sentence's own verb
    EXPECT_EQ(of_type(extract("Haddad attended a summit in Cairo on Monday."), "meeting").size(),
              1u);
}

}  // namespace
}  // namespace herald::processors

// Argument frames: the clause chunker (subject items, object phrase, that/to complements)
// and the rule families that read it. Sentences of our own on the fixture gazetteer, each
// with negative controls.
#include <gtest/gtest.h>

#include <algorithm>

#include "helpers.hpp"
#include "processors/arguments.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string where(const Event& e) {
    return e.location ? e.location->name : std::string();
}
std::string where_code(const Event& e) {
    return e.location ? e.location->country : std::string();
}

bool has_mediator(const Event& e, const std::string& name) {
    const auto it = e.attributes.find("mediators");
    if (it == e.attributes.end()) return false;
    for (const auto& m : *it)
        if (m.value("name", "") == name || m.value("country", "") == name) return true;
    return false;
}

// ---------------------------------------------------------------- attack objects

TEST(ArgumentFrames, AttackObjectWithCompassWordIsWhereItHit) {
    const auto a = of_type(extract("Hamas fighters stormed southern Israel on Monday, killing "
                                   "dozens of people."),
                           "attack");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(where_code(a.front()), "ISR");
}

TEST(ArgumentFrames, AttackObjectQuantifiedAdjectivePlace) {
    const auto a = of_type(
        extract("Israeli warplanes have struck dozens of Lebanese military sites since Monday."),
        "attack");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(where_code(a.front()), "LBN");
    EXPECT_TRUE(has(a.front().actors, "ISR"));
}

TEST(ArgumentFrames, AttackObjectStopsAtAParticipleOrPreposition) {
    // negative controls: the adjective belongs to a participle's object or a later phrase
    for (const auto& e : of_type(extract("Israeli jets struck a convoy carrying Lebanese "
                                         "officials on Monday."),
                                 "attack"))
        EXPECT_NE(where_code(e), "LBN");
    for (const auto& e : of_type(extract("Israeli jets struck a convoy on Monday after Lebanese "
                                         "officials left."),
                                 "attack"))
        EXPECT_NE(where_code(e), "LBN");
}

TEST(ArgumentFrames, TheStateOwningWhatWasHitIsWhereItHit) {
    const auto a = of_type(extract("Hezbollah fighters launched strikes on Israel's northern "
                                   "army bases on Monday."),
                           "attack");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(where_code(a.front()), "ISR");
    // negative controls: a place named in the object wins; no side hits its own
    for (const auto& e : of_type(extract("Israeli jets struck Lebanon's embassy in Cairo on "
                                         "Monday."),
                                 "attack"))
        EXPECT_NE(where_code(e), "LBN");
}

TEST(ArgumentFrames, AnXLedSubjectOrModifierIsTheAttacker) {
    const auto a = of_type(extract("Israel launched its offensive after Hamas-led fighters "
                                   "attacked southern Israel on Jan. 7, killing 1,200 people.",
                                   "2024-01-20T12:00:00Z"),
                           "attack");
    bool hamas = false;
    for (const auto& e : a)
        if (has(e.actors, "Hamas")) hamas = true;
    EXPECT_TRUE(hamas);
    const auto b = of_type(extract("The war began with the Hamas-led attack of Jan. 7 on southern "
                                   "Israel.",
                                   "2024-01-20T12:00:00Z"),
                           "attack");
    ASSERT_FALSE(b.empty());
    EXPECT_TRUE(has(b.front().actors, "Hamas"));
    // negative control: "led" as a verb of its own is no modifier
    for (const auto& e : of_type(extract("Selim led the talks after the attack on Tyre on Jan. 7.",
                                         "2024-01-20T12:00:00Z"),
                                 "attack"))
        EXPECT_FALSE(has(e.actors, "Omar Selim"));
}

// ---------------------------------------------------------------- coordinated subjects

TEST(ArgumentFrames, CounterpartInACoordinatedSubjectIsAnActor) {
    const auto a = of_type(extract("Jordanian Foreign Minister Amal Haddad and her Egyptian "
                                   "counterpart Omar Selim signed the agreement in Amman on "
                                   "Monday."),
                           "agreement");
    ASSERT_FALSE(a.empty());
    const auto ps = participants(a.front());
    EXPECT_TRUE(has(ps, "Amal Haddad"));
    EXPECT_TRUE(has(ps, "Omar Selim"));
}

TEST(ArgumentFrames, EveryItemOfASubjectListIsAnActor) {
    const auto evs = extract(
        "The United States, France, the Arab League and several other "
        "governments condemned the bombing in Cairo on Monday.",
        "2024-01-16T12:00:00Z", true);
    const auto st = of_type(evs, "statement");
    ASSERT_FALSE(st.empty());
    const auto& e = st.front();
    EXPECT_TRUE(has(e.actors, "USA"));
    EXPECT_TRUE(has(e.actors, "FRA"));
    EXPECT_TRUE(has(e.actors, "Arab League"));
}

TEST(ArgumentFrames, NoCoordinationNoExtraActors) {
    // negative controls: an aside is not a list, and an owner is no item of its own
    const auto a = of_type(extract("Haddad, who met Selim in Cairo on Sunday, signed the "
                                   "agreement on Monday."),
                           "agreement");
    for (const auto& e : a) EXPECT_FALSE(has(e.actors, "Omar Selim"));
    const auto b = of_type(extract("Egypt's President Omar Selim and Haddad signed the agreement "
                                   "in Amman on Monday."),
                           "agreement");
    ASSERT_FALSE(b.empty());
    for (const auto& p : b.front().actors) EXPECT_NE(p.kind, "country");
}

TEST(ArgumentFrames, AListRunningIntoAnAppositionIsNoSubject) {
    // negative control: the items before the apposition's comma are no speakers
    const auto st = of_type(extract("The blast killed two commanders of the group's armed wing, "
                                    "the Fatah youth, Jordanian officials and Hamas said on "
                                    "Monday.",
                                    "2024-01-16T12:00:00Z", true),
                            "statement");
    for (const auto& e : st) EXPECT_FALSE(has(e.actors, "Fatah"));
}

// ---------------------------------------------------------------- more than one event

TEST(ArgumentFrames, AKillVerbWithItsOwnSubjectInAWhenClauseIsAnAttackOfItsOwn) {
    const auto a = of_type(extract("Hundreds have been killed in Israeli strikes since Jan. 7, "
                                   "when Hezbollah fighters killed 12 people in northern Israel."),
                           "attack");
    bool hezbollah = false, israel = false;
    for (const auto& e : a) {
        if (has(e.actors, "Hezbollah")) hezbollah = true;
        if (has(e.actors, "ISR")) israel = true;
    }
    EXPECT_TRUE(hezbollah);
    EXPECT_TRUE(israel);
}

TEST(ArgumentFrames, AKillVerbSharingTheAttacksClauseFoldsIntoIt) {
    // negative control: no subject of its own, one attack
    const auto a =
        of_type(extract("Israeli strikes on Tyre on Monday killed 12 people."), "attack");
    EXPECT_EQ(a.size(), 1u);
}

// ---------------------------------------------------------------- complements

TEST(ArgumentFrames, ThatClauseSubjectIsTheAppealsAddressee) {
    const auto a = of_type(extract("Israel demanded on Friday that Egypt close the Rafah "
                                   "crossing."),
                           "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a.front().targets, "EGY"));
    EXPECT_TRUE(has(a.front().actors, "ISR"));
}

TEST(ArgumentFrames, ThatClauseOfASayingIsNoAppeal) {
    // negative controls: a report is no appeal; a pronoun subject gives no addressee
    EXPECT_TRUE(of_type(extract("Israel said on Friday that Egypt closed the crossing."), "appeal")
                    .empty());
    const auto a = of_type(extract("Jordan demanded on Friday that it be consulted."), "appeal");
    for (const auto& e : a) EXPECT_TRUE(e.targets.empty());
}

TEST(ArgumentFrames, ASayingThatPutsAMustOnAPartyIsAlsoAnAppeal) {
    const auto evs = extract(
        "Haddad and Selim said in a joint statement on Monday that Israel "
        "must immediately lift the restrictions on aid.");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a.front().targets, "ISR"));
    EXPECT_TRUE(has(a.front().actors, "Amal Haddad"));
    EXPECT_FALSE(of_type(evs, "statement").empty());
}

TEST(ArgumentFrames, ASayingOfAFactOrOfTheSpeakersOwnDutyIsNoAppeal) {
    // negative controls: no modal; the speaker's own obligation
    EXPECT_TRUE(of_type(extract("Haddad said in a statement on Monday that Israel had lifted the "
                                "restrictions on aid."),
                        "appeal")
                    .empty());
    EXPECT_TRUE(
        of_type(extract("Jordan said on Monday that Jordan must protect its borders."), "appeal")
            .empty());
}

TEST(ArgumentFrames, AnAppealParticipleOnTheObjectIsTheSubjectsAppeal) {
    const auto a = of_type(extract("The French embassy in Beirut issued a security alert urging "
                                   "Lebanese citizens to avoid the border area."),
                           "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a.front().actors, "FRA"));
    // negative control: a participle after a comma or a name is no object's appeal
    EXPECT_TRUE(of_type(extract("The French embassy in Beirut reopened on Monday, Lebanese "
                                "officials said."),
                        "appeal")
                    .empty());
}

TEST(ArgumentFrames, AQuestionQuoteThenASayingIsAStatement) {
    const auto evs = extract(
        "Haddad met Selim in Amman on Monday. \"How many Israelis have to be "
        "killed before this ends?\" she asked, telling reporters that aid alone "
        "could not save Gaza.");
    bool said = false;
    for (const auto& e : of_type(evs, "statement"))
        if (has(e.actors, "Amal Haddad")) said = true;
    EXPECT_TRUE(said);
    for (const auto& e : of_type(evs, "appeal")) EXPECT_FALSE(has(e.actors, "Amal Haddad"));
}

TEST(ArgumentFrames, AQuotedDemandThenASayingStaysAnAppeal) {
    // negative control: the quote is a demand on a party
    const auto evs = extract(
        "Haddad met Selim in Amman on Monday. \"Israel must stop the "
        "bombing,\" she said, telling reporters that aid alone could not "
        "save Gaza.");
    bool appeal = false;
    for (const auto& e : of_type(evs, "appeal"))
        if (has(e.actors, "Amal Haddad")) appeal = true;
    EXPECT_TRUE(appeal);
}

TEST(ArgumentFrames, TalksAskedOfTwoSidesOnADayAreTheirsAndPlanned) {
    const auto n = of_type(extract("Selim and Brandt called on Israel and Hamas to resume talks "
                                   "on Thursday, Jan. 18, in either Doha or Cairo."),
                           "negotiation");
    ASSERT_EQ(n.size(), 1u);
    const auto& e = n.front();
    EXPECT_TRUE(has(e.actors, "ISR"));
    EXPECT_TRUE(has(e.actors, "Hamas"));
    EXPECT_FALSE(has(e.actors, "Omar Selim"));
    EXPECT_TRUE(has_mediator(e, "Omar Selim"));
    EXPECT_EQ(e.status, "planned");
    EXPECT_EQ(e.date.value_or(""), "2024-01-18");
    EXPECT_EQ(where(e), "Doha");
}

TEST(ArgumentFrames, DaysAfterCountsBackOverALongSubject) {
    // the appeal is dated by "two days after" even when its subject list is long
    const auto evs = extract(
        "An Israeli strike on Tyre killed 12 people on Tuesday. The strike "
        "came two days after Jordanian Foreign Minister Amal Haddad, "
        "Egypt's President Omar Selim and Peter Brandt called on Israel and "
        "Hamas to resume talks on Thursday, Jan. 18, in Doha.",
        "2024-01-16T12:00:00Z");
    const auto a = of_type(evs, "appeal");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a.front().date.value_or(""), "2024-01-14");
}

TEST(ArgumentFrames, TalksAskedForWithoutADayAreOnlyTheAppealsAim) {
    // negative control: no day, no talks of their own
    const auto evs =
        extract("Selim and Brandt called on Israel and Hamas to resume talks as soon as possible.");
    EXPECT_TRUE(of_type(evs, "negotiation").empty());
    EXPECT_FALSE(of_type(evs, "appeal").empty());
}

TEST(ArgumentFrames, AnEventCoordinatedInAnAppealsComplementIsItsAim) {
    // even when the appeal itself has no speaker yet ("They")
    EXPECT_TRUE(of_type(extract("They urged Egypt to reopen the crossing, release the prisoners "
                                "and resume negotiations with Israel."),
                        "negotiation")
                    .empty());
    // negative control: talks told as held, not asked for
    EXPECT_FALSE(of_type(extract("Egypt reopened the crossing on Monday and resumed negotiations "
                                 "with Israel in Cairo."),
                         "negotiation")
                     .empty());
}

TEST(ArgumentFrames, AnAppealInThePerfectProgressiveIsAStandingPosition) {
    EXPECT_TRUE(of_type(extract("Israel agreed on Monday to open the crossing, a step Washington "
                                "has been pressing for."),
                        "appeal")
                    .empty());
    // negative control: the appeal of the day
    EXPECT_FALSE(
        of_type(extract("Jordan on Monday called for the opening of the crossing."), "appeal")
            .empty());
}

TEST(ArgumentFrames, TalksNamedOnlyAsATimeReferenceAreNoEvent) {
    const auto evs = extract(
        "The strike drew condemnation from France and Jordan on Monday, days "
        "before planned ceasefire talks.");
    EXPECT_TRUE(of_type(evs, "negotiation").empty());
    // negative control: talks with parties of their own
    const auto n = of_type(extract("Selim arrived in Doha on Monday, days before talks with Haddad "
                                   "in Doha on Thursday."),
                           "negotiation");
    const auto m = of_type(extract("Selim arrived in Doha on Monday, days before talks with Haddad "
                                   "in Doha on Thursday."),
                           "meeting");
    EXPECT_FALSE(n.empty() && m.empty());
}

TEST(ArgumentFrames, RejectedCallsAreNoAppealOfTheRejectingSide) {
    const auto evs = extract("Israel has rejected calls for a full ceasefire in Gaza.");
    EXPECT_FALSE(of_type(evs, "rejection").empty());
    EXPECT_TRUE(of_type(evs, "appeal").empty());
    // negative control: the call itself
    EXPECT_FALSE(of_type(extract("Jordan renewed its call for a full ceasefire in Gaza on Monday."),
                         "appeal")
                     .empty());
}

TEST(ArgumentFrames, AStatesStanceToldByItsOfficialIsTheOfficials) {
    const auto r = of_type(extract("Jordanian Foreign Minister Amal Haddad told reporters on "
                                   "Monday that Jordan rejected any Israeli presence in the "
                                   "valley."),
                           "rejection");
    ASSERT_FALSE(r.empty());
    EXPECT_TRUE(has(r.front().actors, "Amal Haddad"));
    EXPECT_FALSE(has(r.front().actors, "Jordan"));
}

TEST(ArgumentFrames, AnotherStatesStanceStaysThatStates) {
    // negative control: the speaker reports a stance of another state
    const auto r = of_type(extract("Jordanian Foreign Minister Amal Haddad told reporters on "
                                   "Monday that Egypt rejected any Israeli presence in the "
                                   "valley."),
                           "rejection");
    ASSERT_FALSE(r.empty());
    EXPECT_TRUE(has(r.front().actors, "EGY"));
    EXPECT_FALSE(has(r.front().actors, "Amal Haddad"));
}

// ---------------------------------------------------------------- nominal and possessive heads

TEST(ArgumentFrames, TheirMeetingIsOfTheSubjectAndTheAddressee) {
    const auto m =
        of_type(extract("Selim expressed his condolences to Haddad at the start of their "
                        "meeting in Amman on Monday."),
                "meeting");
    ASSERT_FALSE(m.empty());
    const auto ps = participants(m.front());
    EXPECT_TRUE(has(ps, "Omar Selim"));
    EXPECT_TRUE(has(ps, "Amal Haddad"));
    EXPECT_EQ(where(m.front()), "Amman");
}

TEST(ArgumentFrames, AMeetingOfTheTwoCountriesCommitteeIsTheirs) {
    const auto evs = extract(
        "Egypt and Jordan agreed on Monday to reopen the border crossing. "
        "The decision was taken at a meeting of the two countries' joint "
        "committee in Cairo.");
    const auto m = of_type(evs, "meeting");
    ASSERT_FALSE(m.empty());
    const auto ps = participants(m.front());
    EXPECT_TRUE(has(ps, "EGY"));
    EXPECT_TRUE(has(ps, "JOR"));
    EXPECT_EQ(where(m.front()), "Cairo");
}

TEST(ArgumentFrames, AMeetingWithNoPossessorPartiesIsNoneOfTheirs) {
    // negative controls: "their" with no addressee; "of" a body that is no plural reference
    EXPECT_TRUE(
        of_type(extract("Officials said their meeting schedule was full."), "meeting").empty());
    const auto m = of_type(extract("Selim spoke after a meeting of the cabinet."), "meeting");
    for (const auto& e : m) EXPECT_FALSE(has(participants(e), "JOR"));
}

// ---------------------------------------------------------------- subject heads, word sense

TEST(ArgumentFrames, TheTitledHeadOfADelegationIsTheActor) {
    const auto m = of_type(extract("Haddad arrived in Cairo on Sunday. A delegation led by senior "
                                   "Hamas official Yusuf Darwish met Egyptian President Omar Selim "
                                   "and Jordan's Amal Haddad in Cairo on Monday."),
                           "meeting");
    bool found = false;
    for (const auto& e : m)
        if (has(e.actors, "Yusuf Darwish")) found = true;
    EXPECT_TRUE(found);
}

TEST(ArgumentFrames, NoDelegationNoHeadAsActor) {
    // negative control: a person after "by" in a passive is no subject head
    const auto m = of_type(extract("Selim and Haddad met in Cairo on Monday, a meeting "
                                   "requested by Brandt."),
                           "meeting");
    for (const auto& e : m) EXPECT_FALSE(has(e.actors, "Peter Brandt"));
}

TEST(ArgumentFrames, WelcomingAThingIsAStatementNotAMeeting) {
    const auto evs = extract(
        "France announced a new aid plan for Lebanon on Monday. Hezbollah "
        "also welcomed it.",
        "2024-01-16T12:00:00Z", true);
    for (const auto& e : of_type(evs, "meeting")) EXPECT_FALSE(has(e.actors, "Hezbollah"));
    // negative control: welcoming a person is a reception
    const auto m = of_type(extract("Selim welcomed Haddad in Cairo on Monday."), "meeting");
    ASSERT_FALSE(m.empty());
    EXPECT_TRUE(has(participants(m.front()), "Amal Haddad"));
}

TEST(ArgumentFrames, CallingOnAPersonIsACourtesyCall) {
    const auto evs = extract("Later on Monday, Brandt called on President Omar Selim in Cairo.");
    const auto m = of_type(evs, "meeting");
    ASSERT_FALSE(m.empty());
    EXPECT_TRUE(has(participants(m.front()), "Omar Selim"));
    EXPECT_TRUE(of_type(evs, "appeal").empty());
}

TEST(ArgumentFrames, CallingOnAPersonToActIsAnAppeal) {
    // negative controls: an infinitive or "for" after the addressee keeps the appeal
    for (const char* t : {"Brandt called on Selim on Monday to release the prisoners.",
                          "Brandt called on Selim for restraint on Monday."}) {
        const auto evs = extract(t);
        EXPECT_FALSE(of_type(evs, "appeal").empty()) << t;
        EXPECT_TRUE(of_type(evs, "meeting").empty()) << t;
    }
}

TEST(ArgumentFrames, AGatheringNamedAsAVenueIsNoMeetingOfItsOwn) {
    const auto m = of_type(extract("Selim and Haddad met on the sidelines of the Arab League "
                                   "summit in Cairo on Monday."),
                           "meeting");
    for (const auto& e : m) EXPECT_FALSE(has(e.actors, "Arab League"));
    // negative control: the summit as the event itself
    const auto n = of_type(extract("The Arab League summit in Cairo on Monday was attended by "
                                   "Selim and Haddad."),
                           "meeting");
    EXPECT_FALSE(n.empty());
}

TEST(ArgumentFrames, FacilitatingAThingIsNoMediation) {
    EXPECT_TRUE(of_type(extract("Israel is obliged to facilitate relief for civilians in Gaza, "
                                "Haddad said on Monday."),
                        "negotiation")
                    .empty());
    // negative control: facilitating talks is
    EXPECT_FALSE(of_type(extract("Qatar facilitated talks between Israel and Hamas in Doha on "
                                 "Monday."),
                         "negotiation")
                     .empty());
}

TEST(ArgumentFrames, ANaturalCauseThatKillsIsNoAttack) {
    EXPECT_TRUE(of_type(extract("The Jan. 6 earthquake and its aftershocks killed more than 5,000 "
                                "people in northern Lebanon."),
                        "attack")
                    .empty());
    // any attack verb, not only a kill verb
    EXPECT_TRUE(of_type(extract("Floods struck eastern Libya on Sunday, sweeping away whole "
                                "districts of Derna."),
                        "attack")
                    .empty());
    EXPECT_TRUE(of_type(extract("A powerful earthquake hit southern Lebanon on Monday."), "attack")
                    .empty());
    // negative control: an attacker that kills
    EXPECT_FALSE(of_type(extract("Hezbollah fighters killed five people in northern Israel on "
                                 "Jan. 6."),
                         "attack")
                     .empty());
}

TEST(ArgumentFrames, WhomAnAgreementLetsIsItsCounterpart) {
    const auto a = of_type(extract("TYRE, Jan 15 - Hezbollah has agreed to let the UNRA reinstall "
                                   "cameras and step up inspections at its sites, "
                                   "Arab League envoy Karim Mansour said on Monday after two days "
                                   "of talks in Tyre."),
                           "agreement");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(participants(a.front()), "UN Relief Agency"));
    // negative control: an agreement to do something itself names no counterpart
    const auto b = of_type(extract("Hamas has agreed to monitor the crossing with care, Haddad "
                                   "said on Monday."),
                           "agreement");
    for (const auto& e : b) EXPECT_FALSE(has(participants(e), "Arab League"));
}

TEST(ArgumentFrames, AnAttackNamedByAPastYearIsBackground) {
    EXPECT_TRUE(of_type(extract("The group has carried out bombings in Jordan, including a 2015 "
                                "suicide attack in Amman that killed 27 people."),
                        "attack")
                    .empty());
    // negative control: this year's attack, told with its day
    EXPECT_FALSE(of_type(extract("Hezbollah's Jan. 14 rocket attack on Tyre killed two people.",
                                 "2024-01-16T12:00:00Z"),
                         "attack")
                     .empty());
}

TEST(ArgumentFrames, TwoSidesAnnouncingAnAgreementMakeIt) {
    const auto evs = extract(
        "Selim will hold talks with Haddad on Friday, when Jordan and Egypt "
        "are expected to announce a strategic partnership.");
    const auto a = of_type(evs, "agreement");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(has(a.front().actors, "JOR"));
    EXPECT_TRUE(has(a.front().actors, "EGY"));
    // negative control: one side announcing a figure is a statement
    EXPECT_TRUE(
        of_type(extract("Jordan announced on Monday that exports rose."), "agreement").empty());
}

// ---------------------------------------------------------------- aid transfer verbs

TEST(ArgumentFrames, AidAsATransferOrIncreaseVerbWithAnAmount) {
    const auto a1 = of_type(extract("France increased its humanitarian aid for Palestinians in "
                                    "Gaza to 100 million euros on Monday."),
                            "aid");
    ASSERT_FALSE(a1.empty());
    EXPECT_TRUE(has(a1.front().actors, "FRA"));
    const auto a2 = of_type(extract("Qatar will give Jordan's government $500 million in new "
                                    "economic support, Haddad said on Monday."),
                            "aid");
    ASSERT_FALSE(a2.empty());
    EXPECT_TRUE(has(a2.front().actors, "QAT"));
    EXPECT_TRUE(has(a2.front().targets, "JOR"));
}

TEST(ArgumentFrames, IncreasingPressureIsNoAid) {
    // negative control: the increased object is pressure, the aid is another clause's
    EXPECT_TRUE(of_type(extract("Haddad urged France to increase pressure on Israel to allow more "
                                "humanitarian aid into Gaza."),
                        "aid")
                    .empty());
}

// ---------------------------------------------------------------- lookups

// The prefilter in front of a word set's lookups is exact: every word of the set passes it;
// words of another length or first byte do not (a word it passes may still be no member).
TEST(ArgumentFrames, WordPrefilterPassesEveryWordOfItsSet) {
    const StrSet words{"rescue", "team", "medics", "paramedics"};
    const WordPrefilter f(words);
    for (const std::string& w : words) EXPECT_TRUE(f.may_hold(w)) << w;
    EXPECT_TRUE(f.may_hold("teal"));      // same length and first byte: looked up
    EXPECT_FALSE(f.may_hold("the"));      // no word of three bytes
    EXPECT_FALSE(f.may_hold("steam"));    // no word starting with 's'
    EXPECT_FALSE(f.may_hold("helpers"));  // no 'h', no seven bytes
    EXPECT_FALSE(f.may_hold(""));
    EXPECT_FALSE(f.may_hold(std::string(70, 't')));
    // an empty set holds nothing; a set with a word the filter cannot describe passes all
    EXPECT_FALSE(WordPrefilter(StrSet{}).may_hold("team"));
    EXPECT_TRUE(WordPrefilter(StrSet{"", "team"}).may_hold("anything"));
}

}  // namespace
}  // namespace herald::processors

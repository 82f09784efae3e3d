// Precision and recall rules for appeals, negotiations, meetings, aid and statements.
// Sentences are our own; the fixture gazetteer knows Haddad (JOR), Brandt (USA), Selim (EGY),
// Mansour (UN envoy), Darwish (Hamas).
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// Publication: Tuesday 2024-01-16.

TEST(Subjects, AnAsideBeforeByPhoneIsNoPassive) {
    auto m = of_type(extract("Haddad, who flew home early, spoke by phone with Selim on Monday."),
                     "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].actors.at(0).name, "Amal Haddad");
    EXPECT_TRUE(has(m[0].targets, "Omar Selim"));
    // negative control: a real passive after an aside still has no subject actor
    m = of_type(extract("Jordan, widely praised by Selim, met no one."), "meeting");
    EXPECT_TRUE(m.empty());
}

TEST(Subjects, ButAndAfterAFrontedPhraseShareTheSubject) {
    auto st = of_type(extract("Haddad called the plan a step forward, but said much more was "
                              "needed."),
                      "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Amal Haddad");
    st = of_type(extract("In Cairo, Selim defended the decision as a necessary measure, and "
                         "insisted that Egypt respected its neighbours."),
                 "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Omar Selim");
    // negative control: "and" before another subject keeps that subject
    st = of_type(extract("In Cairo, Selim defended the decision, and Haddad said Jordan agreed."),
                 "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Amal Haddad");
}

TEST(Subjects, AnAppositionOnAPersonIsSkipped) {
    auto st = of_type(extract("Darwish, the Hamas chief negotiator, welcomed the agreement and "
                              "said the group was ready."),
                      "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Yusuf Darwish");
    st = of_type(extract("Darwish, the negotiator sent by Hamas, said the group was ready."),
                 "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Yusuf Darwish");
    // negative control: a list of states is no apposition
    st = of_type(extract("Egypt, the United States and Qatar, said the talks would go on."),
                 "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_TRUE(has(st[0].actors, "QAT"));
}

TEST(Appeals, APresentPerfectCallIsAStandingPosition) {
    EXPECT_TRUE(of_type(extract("Haddad has long called for an international conference on "
                                "Gaza."),
                        "appeal")
                    .empty());
    EXPECT_TRUE(
        of_type(extract("Jordan has repeatedly urged Israel to open the crossings."), "appeal")
            .empty());
    // negative control: the call of one day
    const auto a = of_type(extract("Haddad called for an international conference on Gaza on "
                                   "Monday."),
                           "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].date, "2024-01-15");
}

TEST(Appeals, TheAppealAskedForIsNotMade) {
    const auto a = of_type(extract("Haddad said on Monday that Jordan had asked the United States "
                                   "to urge Israel to show restraint."),
                           "appeal");
    for (const auto& e : a) EXPECT_FALSE(has(e.actors, "USA"));
    // negative control: two appeals of their own
    const auto b = of_type(extract("Haddad urged Israel to show restraint, and Brandt called on "
                                   "Hamas to release the hostages."),
                           "appeal");
    EXPECT_EQ(b.size(), 2u);
}

TEST(Appeals, ACallForJusticeIsACondemnation) {
    const auto evs = extract(
        "Selim condemned the attack on Monday and called for those "
        "responsible to be brought to justice.");
    EXPECT_TRUE(of_type(evs, "appeal").empty());
    const auto st = of_type(evs, "statement");
    ASSERT_FALSE(st.empty());
    EXPECT_EQ(st[0].actors.at(0).name, "Omar Selim");
    // negative control
    EXPECT_EQ(
        of_type(extract("Selim called for an immediate ceasefire in Gaza on Monday."), "appeal")
            .size(),
        1u);
}

TEST(Negotiations, ARoleOrStalledTalksAreNoEvent) {
    EXPECT_TRUE(of_type(extract("Qatar has been a key mediator in talks on a ceasefire, alongside "
                                "Egypt and the United States."),
                        "negotiation")
                    .empty());
    EXPECT_TRUE(of_type(extract("Peace talks between Israel and Hamas have been frozen since "
                                "2014."),
                        "negotiation")
                    .empty());
    EXPECT_TRUE(
        of_type(extract("Brandt urged Haddad to take steps to resume negotiations."), "negotiation")
            .empty());
    EXPECT_TRUE(of_type(extract("Selim told Haddad during their talks that Egypt would help."),
                        "negotiation")
                    .empty());
    // negative controls
    EXPECT_EQ(of_type(extract("Qatar mediated talks between Israel and Hamas in Doha on Monday."),
                      "negotiation")
                  .size(),
              1u);
    const auto n = of_type(extract("Israel and Hamas will resume negotiations in Cairo next week."),
                           "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].status, "planned");
}

TEST(Meetings, TellingDuringTheirMeetingIsAMeetingWhereTheStatementIs) {
    const auto m = of_type(extract("Brandt travelled to Cairo on Monday, where Selim told him "
                                   "during their meeting that Egypt rejected the plan."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].actors.at(0).name, "Omar Selim");
    EXPECT_TRUE(has(m[0].targets, "Peter Brandt"));
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "Cairo");
    // negative control: telling reporters is no meeting
    EXPECT_TRUE(
        of_type(extract("Selim told reporters on Monday that Egypt rejected the plan."), "meeting")
            .empty());
}

TEST(Meetings, TheWhiteHouseIsAVenueAndAMetonym) {
    const auto m = of_type(extract("Brandt met Haddad at the White House on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "White House");
    EXPECT_EQ(m[0].location->country, "USA");
    // as a subject it is still the government
    const auto st = of_type(extract("The White House said on Monday that the talks in Cairo would "
                                    "go on."),
                            "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_TRUE(has(st[0].actors, "USA"));
}

TEST(Meetings, TelephonedAndSeparateCalls) {
    auto m =
        of_type(extract("Haddad telephoned Selim on Monday to discuss the crossings."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].targets, "Omar Selim"));
    EXPECT_EQ(m[0].plover_mode, "phone");
    m = of_type(extract("Brandt held separate phone calls with Haddad and Selim on Monday."),
                "meeting");
    ASSERT_FALSE(m.empty());
    EXPECT_TRUE(has(m[0].targets, "Amal Haddad"));
    // negative control: the noun after a determiner is no verb
    EXPECT_TRUE(
        of_type(extract("The telephone lines to Gaza were cut on Monday."), "meeting").empty());
}

TEST(Aid, UnnamedDonorsWithARecipient) {
    const auto a = of_type(extract("International donors pledged $1 billion in aid for Lebanon at "
                                   "a conference in Paris on Monday."),
                           "aid");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(a[0].actors.empty());
    EXPECT_TRUE(has(a[0].targets, "LBN"));
    // negative control: no donor and no recipient is no event
    EXPECT_TRUE(of_type(extract("Donors pledged $1 billion on Monday."), "aid").empty());
}

TEST(Aid, TheRecipientIsNotTakenFromAnotherClause) {
    const auto a = of_type(extract("Donors pledged $1 billion in aid for Lebanon on Monday. The "
                                   "United States pledged $300 million in assistance, while "
                                   "Haddad said Jordan would provide 20 million dollars."),
                           "aid");
    bool usa = false, jor = false;
    for (const auto& e : a) {
        if (has(e.actors, "USA")) {
            usa = true;
            EXPECT_TRUE(has(e.targets, "LBN"));
            EXPECT_FALSE(has(e.targets, "JOR"));
        }
        if (has(e.actors, "JOR")) {
            jor = true;
            EXPECT_TRUE(has(e.targets, "LBN"));
            EXPECT_FALSE(has(e.targets, "USA"));
        }
    }
    EXPECT_TRUE(usa);
    EXPECT_TRUE(jor);
    // negative control: a recipient in its own clause stays
    const auto b =
        of_type(extract("Jordan pledged $20 million to Lebanon on Monday, while Egypt sent "
                        "aid to Gaza."),
                "aid");
    ASSERT_FALSE(b.empty());
    for (const auto& e : b) {
        if (has(e.actors, "JOR")) {
            EXPECT_TRUE(has(e.targets, "LBN"));
        }
    }
}

TEST(Meetings, OnTheSidelinesOfTheConferenceNamedBefore) {
    const auto m =
        of_type(extract("Donors pledged $1 billion in aid for Lebanon at a conference in "
                        "Paris on Monday. Haddad said Jordan would send doctors. Selim "
                        "and Brandt held talks on the sidelines of the conference."),
                "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "Paris");
    // negative control: no earlier venue, no place
    const auto n = of_type(extract("Selim and Brandt held talks on the sidelines of the "
                                   "conference."),
                           "meeting");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_FALSE(n[0].location.has_value());
}

TEST(Aid, AnnouncedContributionsAreAid) {
    const auto evs = extract(
        "Donors pledged $1 billion in aid for Lebanon on Monday. Jordan and "
        "Qatar also announced contributions.");
    const auto a = of_type(evs, "aid");
    bool qat = false;
    for (const auto& e : a)
        if (has(e.actors, "QAT")) qat = has(e.targets, "LBN");
    EXPECT_TRUE(qat);
    EXPECT_TRUE(of_type(evs, "statement").empty());
    // negative control: announcing a decision is a statement
    EXPECT_TRUE(of_type(extract("Qatar announced the decision on Monday."), "aid").empty());
}

TEST(Appeals, EveryCoordinatedAddresseeIsATarget) {
    const auto a = of_type(extract("Brandt said on Monday he was urging Israel, Jordan, Qatar and "
                                   "Egypt to help secure the release of the crew."),
                           "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].targets, "ISR"));
    EXPECT_TRUE(has(a[0].targets, "QAT"));
    EXPECT_TRUE(has(a[0].targets, "EGY"));
    // negative control: a place after the addressee is no addressee
    const auto b =
        of_type(extract("Haddad urged Israel to halt its strikes on Gaza on Monday."), "appeal");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].targets.size(), 1u);
}

TEST(Statements, CallingAThingSomethingIsAStatement) {
    const auto evs = extract("Selim called the strikes \"a clear aggression\" on Monday.");
    const auto st = of_type(evs, "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Omar Selim");
    EXPECT_TRUE(of_type(evs, "meeting").empty());
    EXPECT_EQ(
        of_type(extract("Haddad called the attack a crime against civilians."), "statement").size(),
        1u);
    // negative controls: calling a person is a call; calling a meeting is neither
    EXPECT_EQ(of_type(extract("Selim called Haddad on Monday."), "meeting").size(), 1u);
    EXPECT_TRUE(
        of_type(extract("Selim called an emergency meeting of the cabinet."), "statement").empty());
}

TEST(Statements, PromisedDenouncedAndAParticipleAside) {
    EXPECT_EQ(of_type(extract("Haddad promised a firm response on Monday."), "statement").size(),
              1u);
    const auto st = of_type(extract("In Jordan, Foreign Minister Amal Haddad, a critic of the "
                                    "plan, denounced it as a failure."),
                            "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Amal Haddad");
    const auto st2 = of_type(extract("Haddad, attending the Arab League meeting in Cairo, "
                                     "dismissed the report."),
                             "statement");
    ASSERT_EQ(st2.size(), 1u);
    EXPECT_EQ(st2[0].actors.at(0).name, "Amal Haddad");
    // negative control: a list after a fronted place keeps its preposition
    const auto m =
        of_type(extract("Selim held talks with Jordan, Qatar and Lebanon on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].targets, "QAT"));
}

TEST(Statements, TheSayingOfAnAppealIsItsOwnWording) {
    const auto evs = extract(
        "Haddad urged both sides to exercise restraint on Monday, saying "
        "civilians must be protected.");
    EXPECT_EQ(of_type(evs, "appeal").size(), 1u);
    EXPECT_TRUE(of_type(evs, "statement").empty());
    // negative control: a statement's saying stays a statement
    EXPECT_EQ(of_type(extract("Haddad praised the deal on Monday, saying it would save lives."),
                      "statement")
                  .size(),
              1u);
}

TEST(Meetings, WelcomingSomeonesEffortsReceivesNoGuest) {
    EXPECT_TRUE(of_type(extract("The foreign ministers of Jordan and Qatar welcomed Brandt's "
                                "sincere efforts to end the war."),
                        "meeting")
                    .empty());
    // negative control: welcoming a person is receiving a guest
    EXPECT_EQ(of_type(extract("Selim welcomed Haddad in Cairo on Monday."), "meeting").size(), 1u);
}

TEST(Negotiations, BeingInTalksWithIsNegotiating) {
    const auto evs = extract("Jordan is in talks with Qatar to expand its loan programme.");
    EXPECT_TRUE(of_type(evs, "meeting").empty());
    const auto n = of_type(evs, "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].status, "ongoing");
    // negative control: holding talks with a person is a meeting
    EXPECT_EQ(
        of_type(extract("Selim held talks with Haddad in Cairo on Monday."), "meeting").size(), 1u);
}

TEST(Negotiations, ADealsBrokersNamedInPassingAreNoNegotiation) {
    const auto evs = extract(
        "The ceasefire, brokered by the United States and Qatar, ended a "
        "year of fighting in Lebanon.");
    EXPECT_TRUE(of_type(evs, "negotiation").empty());
    // negative control: talks between named sides brokered by a mediator
    const auto n = of_type(extract("Talks between Israel and Hamas, brokered by Qatar, resumed in "
                                   "Doha on Monday."),
                           "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_TRUE(has(n[0].actors, "ISR") || has(n[0].targets, "ISR"));
}

TEST(Subjects, AlsoAfterARelativeClauseIsNoPassive) {
    const auto a = of_type(extract("Selim, who flew in from Paris on Monday, also called for an "
                                   "immediate ceasefire in Gaza."),
                           "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].actors.at(0).name, "Omar Selim");
    // negative control: an adverb and a participle after a comma is a passive
    EXPECT_TRUE(
        of_type(extract("Jordan, often criticized for its stance, welcomed nobody."), "meeting")
            .empty());
}

TEST(Coreference, TheTwoLeadersAreNotAFormerPersonOfNoState) {
    const auto m =
        of_type(extract("Haddad arrived in Cairo on Monday, years after the army removed "
                        "president Ahmed Fathy in 2013. Selim greeted his guest at the "
                        "airport before the two leaders held talks at the palace."),
                "meeting");
    bool pair = false;
    for (const auto& e : m) {
        EXPECT_FALSE(has(e.actors, "Ahmed Fathy"));
        EXPECT_FALSE(has(e.targets, "Ahmed Fathy"));
        // a meeting is symmetric: the greeting host may stand as actor, the guest as target
        if ((has(e.actors, "Omar Selim") || has(e.targets, "Omar Selim")) &&
            (has(e.actors, "Amal Haddad") || has(e.targets, "Amal Haddad")))
            pair = true;
    }
    EXPECT_TRUE(pair);
    // negative control: two named leaders
    const auto n = of_type(extract("Selim met Haddad in Amman on Monday. The two leaders held "
                                   "talks at the palace."),
                           "meeting");
    ASSERT_FALSE(n.empty());
}

TEST(Coreference, TheLeadersOpeningASentenceAreThePersonsBefore) {
    const auto m = of_type(extract("Brandt was accompanied by Selim and Haddad on Monday. The "
                                   "leaders held talks with King Faris at the palace in Amman."),
                           "meeting");
    bool found = false;
    for (const auto& e : m)
        if (has(e.actors, "Peter Brandt") && has(e.targets, "King Faris")) found = true;
    EXPECT_TRUE(found);
    // negative control: "the leaders of X and Y" name their own sides
    const auto n = of_type(extract("Brandt was accompanied by Selim on Monday. The leaders of "
                                   "Jordan and Qatar held talks in Amman."),
                           "meeting");
    for (const auto& e : n) EXPECT_FALSE(has(e.actors, "Peter Brandt"));
}

TEST(Aid, APledgeOfTheNewsDayTakesThatDay) {
    const auto a =
        of_type(extract("Donors pledged $1 billion in aid for Lebanon at a conference in "
                        "Paris on Tuesday. Qatar pledged $300 million in assistance."),
                "aid");
    bool qat = false;
    for (const auto& e : a)
        if (has(e.actors, "QAT")) {
            qat = true;
            EXPECT_EQ(e.date, "2024-01-16");
        }
    EXPECT_TRUE(qat);
    // negative control: a pledge of another time keeps no day
    const auto b =
        of_type(extract("Donors pledged $1 billion in aid for Lebanon at a conference in "
                        "Paris on Tuesday. Qatar pledged $300 million in assistance "
                        "in 2022."),
                "aid");
    for (const auto& e : b) {
        if (has(e.actors, "QAT")) {
            EXPECT_FALSE(e.date.has_value());
        }
    }
}

TEST(Appeals, ExhortingAPeopleIsNoRequestToAParty) {
    EXPECT_TRUE(of_type(extract("In a speech in Amman, Brandt urged Israelis not to be consumed by "
                                "rage."),
                        "appeal")
                    .empty());
    // negative controls: a state, or its people's leaders, are addressees
    EXPECT_EQ(
        of_type(extract("Brandt urged Israel not to launch an offensive on Monday."), "appeal")
            .size(),
        1u);
    EXPECT_EQ(
        of_type(extract("Brandt urged Israeli leaders to show restraint on Monday."), "appeal")
            .size(),
        1u);
}

TEST(Coreference, TravellingOnIsTheTravellersEvenAfterAnotherSubject) {
    const auto evs = extract(
        "Brandt flew to Amman on Monday, where King Faris welcomed him. "
        "Faris thanked Brandt for the visit. Later he travelled on to Cairo, "
        "where he was received by Selim.");
    bool visit = false, meeting = false;
    for (const auto& e : evs) {
        if (e.type == "visit" && e.location && e.location->name == "Cairo") {
            visit = true;
            EXPECT_TRUE(has(e.actors, "Peter Brandt"));
        }
        if (e.type == "meeting" && has(e.actors, "Omar Selim")) {
            meeting = true;
            EXPECT_TRUE(has(e.targets, "Peter Brandt"));
            EXPECT_FALSE(has(e.targets, "King Faris"));
        }
    }
    EXPECT_TRUE(visit);
    EXPECT_TRUE(meeting);
    // negative control: travelling (not on) keeps the pronoun's own antecedent
    const auto v = of_type(extract("Brandt flew to Amman on Monday. Faris thanked Brandt for the "
                                   "visit. He travelled to Cairo on Tuesday."),
                           "visit");
    for (const auto& e : v) {
        if (e.location && e.location->name == "Cairo") {
            EXPECT_TRUE(has(e.actors, "King Faris"));
        }
    }
}

TEST(Negotiations, AVenueIsNoSideOfTheTalks) {
    EXPECT_TRUE(of_type(extract("Diplomats said the talks in Geneva also sought to revive a plan "
                                "proposed at the United Nations that Israel did not accept."),
                        "negotiation")
                    .empty());
    // negative control: two sides named in the sentence
    EXPECT_EQ(of_type(extract("Diplomats said the talks in Geneva brought together Egypt and "
                              "Qatar on Monday."),
                      "negotiation")
                  .size(),
              1u);
}

TEST(Gatherings, AddressingASummitIsNoMeeting) {
    EXPECT_TRUE(of_type(extract("Selim flew in from Paris, where he addressed a government summit "
                                "in Paris on Monday."),
                        "meeting")
                    .empty());
    // negative control: attending one with its venue is
    EXPECT_EQ(
        of_type(extract("Selim attended a peace summit in Paris on Monday."), "meeting").size(),
        1u);
}

TEST(Statements, AnAppositionNameWithAConnectorAndWelcomingTheEnd) {
    const auto st = of_type(extract("Hamas's chief negotiator, Khalil al-Hayya, said on Monday the "
                                    "group was ready."),
                            "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Khalil al-Hayya");
    // negative control: without a name the title is the known holder
    const auto st2 = of_type(extract("Hamas's chief negotiator said on Monday the group was "
                                     "ready."),
                             "statement");
    ASSERT_EQ(st2.size(), 1u);
    EXPECT_EQ(st2[0].actors.at(0).name, "Yusuf Darwish");
    EXPECT_EQ(
        of_type(extract("Selim welcomed the end of the fighting in Gaza on Monday."), "statement")
            .size(),
        1u);
    EXPECT_TRUE(
        of_type(extract("Selim welcomed the end of the fighting in Gaza on Monday."), "meeting")
            .empty());
}

TEST(Entities, AnUnknownNameWithAnAppositionNamingItsBodySpeaks) {
    const auto st = of_type(extract("Layla Nassar, the head of the Hamas prisoners committee, said "
                                    "on Monday the exchange would go ahead. Nassar added that "
                                    "Qatar would oversee it."),
                            "statement");
    ASSERT_FALSE(st.empty());
    EXPECT_EQ(st[0].actors.at(0).name, "Layla Nassar");
    EXPECT_EQ(st[0].actors.at(0).country, "PSE");
    // negative control: no body named in the apposition, no person
    const auto n = of_type(extract("Layla Nassar, the head of the committee, said on Monday the "
                                   "exchange would go ahead."),
                           "statement");
    for (const auto& e : n) EXPECT_FALSE(has(e.actors, "Layla Nassar"));
}

TEST(Meetings, TheHostsPlaceInAnApposition) {
    const auto m = of_type(extract("Brandt spoke on Monday at a joint news conference with Selim, "
                                   "the first leader he has hosted at the White House this year."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "White House");
    // negative control: no hosting, no place
    const auto n = of_type(extract("Brandt spoke on Monday at a joint news conference with Selim, "
                                   "his old friend."),
                           "meeting");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_FALSE(n[0].location.has_value());
}

TEST(Negotiations, ContinuingTalksBetweenStatesAreNegotiations) {
    const auto evs = extract(
        "Egypt has closed the border, and talks between Jordan and Qatar on "
        "the future of the crossing are continuing.");
    EXPECT_TRUE(of_type(evs, "meeting").empty());
    EXPECT_EQ(of_type(evs, "negotiation").size(), 1u);
    // negative control: talks between two persons are a meeting
    EXPECT_EQ(of_type(extract("Talks between Selim and Haddad in Cairo on Monday focused on the "
                              "crossing."),
                      "meeting")
                  .size(),
              1u);
}

TEST(Appeals, ADocumentInAPhraseThatDemandedIsNoParty) {
    EXPECT_TRUE(of_type(extract("The United States vetoed a draft resolution in the Arab League "
                                "that demanded an immediate ceasefire in Gaza."),
                        "appeal")
                    .empty());
    // negative control: a party that demanded
    const auto a = of_type(extract("It was Qatar that demanded an immediate ceasefire in Gaza on "
                                   "Monday."),
                           "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "QAT"));
}

TEST(Meetings, AnUnknownNameInAListOfPeopleKeepsTheList) {
    const auto m = of_type(extract("Selim, Takala and Haddad met in Cairo on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].actors, "Omar Selim") || has(m[0].targets, "Omar Selim"));
    EXPECT_TRUE(has(m[0].actors, "Amal Haddad") || has(m[0].targets, "Amal Haddad"));
    // negative control: a capitalised word after a place is no list item
    EXPECT_TRUE(of_type(extract("In Cairo, Sunday and Haddad met nobody."), "meeting").empty());
}

TEST(Meetings, HostingTheMinistersOfStates) {
    const auto m =
        of_type(extract("Jordan hosted the foreign ministers of Egypt, Qatar and Lebanon "
                        "in Amman on Monday."),
                "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].actors, "JOR"));
    EXPECT_TRUE(has(m[0].targets, "EGY"));
    EXPECT_TRUE(has(m[0].targets, "LBN"));
    // negative control: hosting the rest of a thing is no meeting
    EXPECT_TRUE(
        of_type(extract("Jordan hosted the rest of the talks of Egypt on Monday."), "meeting")
            .empty());
}

TEST(Meetings, APossessorInsideAListItemAndNoPossessorPlace) {
    const auto m = of_type(extract("Haddad and U.S. President Peter Brandt's envoy Karim Mansour "
                                   "also spoke directly on Monday."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].actors, "Amal Haddad") || has(m[0].targets, "Amal Haddad"));
    const auto t =
        of_type(extract("Selim and Haddad held talks over Jordan's water supply in Cairo "
                        "on Monday."),
                "meeting");
    ASSERT_EQ(t.size(), 1u);
    ASSERT_TRUE(t[0].location.has_value());
    EXPECT_EQ(t[0].location->name, "Cairo");
    // negative control: a possessive place noun is a place ("Lebanon's south")
    const auto u = of_type(extract("Selim met Haddad in Amman on Monday."), "meeting");
    ASSERT_EQ(u.size(), 1u);
    ASSERT_TRUE(u[0].location.has_value());
    EXPECT_EQ(u[0].location->name, "Amman");
}

TEST(Negotiations, TalksThroughAGoBetweenAreANegotiation) {
    const auto evs = extract(
        "Israel and Qatar held their first talks in years in Amman on "
        "Monday, with Haddad carrying messages between the two delegations.");
    const auto n = of_type(evs, "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_TRUE(has(n[0].actors, "ISR"));
    EXPECT_TRUE(of_type(evs, "meeting").empty());
    // negative control: direct talks stay a meeting
    EXPECT_EQ(of_type(extract("Selim and Haddad held talks in Amman on Monday."), "meeting").size(),
              1u);
}

TEST(Negotiations, TheTalksToldAgainAndARapprochementSince) {
    const auto n = of_type(extract("Selim met Haddad in Amman on Monday. The talks, which Egypt "
                                   "described as useful, came a day after Jordan and Qatar "
                                   "reopened their embassies."),
                           "negotiation");
    EXPECT_TRUE(n.empty());
    EXPECT_TRUE(of_type(extract("It was his first visit since the rapprochement between Jordan and "
                                "Qatar brokered by Egypt."),
                        "negotiation")
                    .empty());
    // negative control: a mediation reported as news
    EXPECT_EQ(of_type(extract("Talks between Israel and Hamas, brokered by Qatar, resumed in Doha "
                              "on Monday."),
                      "negotiation")
                  .size(),
              1u);
}

TEST(Subjects, AWhoseClauseIsSkipped) {
    const auto st = of_type(extract("Selim, whose party defeated Haddad's allies, said on Monday "
                                    "that Egypt wanted calm."),
                            "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].actors.at(0).name, "Omar Selim");
}

TEST(Appeals, AReducedPassiveHasNoSubjectActor) {
    const auto a = of_type(extract("Haddad urged Qatar on Monday to press ahead with reforms "
                                   "demanded by foreign donors."),
                           "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].actors.at(0).name, "Amal Haddad");
    // negative control: an active demand with a time after "by"
    const auto b =
        of_type(extract("Egypt demanded by Monday a full withdrawal from Gaza."), "appeal");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0].actors, "EGY"));
}

TEST(Meetings, ATelephoneConversationWith) {
    const auto m = of_type(extract("Brandt said on Monday, after a telephone conversation with "
                                   "Selim, that Egypt would open the crossing."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].actors, "Peter Brandt"));
    EXPECT_TRUE(has(m[0].targets, "Omar Selim"));
    // negative control: a telephone line is no conversation
    EXPECT_TRUE(
        of_type(extract("Brandt said the telephone lines with Gaza were cut."), "meeting").empty());
}

TEST(Gatherings, HostingTheSummitPlacedBefore) {
    const auto m = of_type(extract("Arab leaders meeting in Cairo on Tuesday adopted a plan for "
                                   "Gaza. Selim, who hosted the emergency summit, presented the "
                                   "plan."),
                           "meeting");
    bool found = false;
    for (const auto& e : m)
        if (has(e.actors, "Omar Selim") && e.location && e.location->name == "Cairo") found = true;
    EXPECT_TRUE(found);
    // negative control: no earlier venue, no lone host
    const auto n =
        of_type(extract("Selim, who hosted the emergency summit, presented the plan."), "meeting");
    EXPECT_TRUE(n.empty());
}

TEST(Subjects, ALongWhoseClauseIsSkipped) {
    const auto st = of_type(extract("Brandt, whose special envoy Karim Mansour joined the final "
                                    "rounds of talks in Doha alongside Egypt's adviser Omar Selim "
                                    "last week, claimed credit for the agreement on Monday."),
                            "statement");
    ASSERT_FALSE(st.empty());
    EXPECT_EQ(st[0].actors.at(0).name, "Peter Brandt");
    for (const auto& e : st) EXPECT_FALSE(has(e.actors, "Omar Selim"));
}

TEST(Statements, AnAdverbAndParticipleAfterADeterminerIsNoVerb) {
    const auto evs = extract(
        "Selim met Haddad in Cairo on Monday, their first publicly announced "
        "talks in years, and urged Israel to open the crossings.");
    EXPECT_TRUE(of_type(evs, "statement").empty());
    const auto a = of_type(evs, "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].actors.at(0).name, "Omar Selim");
    // negative control: an adverb before a finite verb
    EXPECT_EQ(of_type(extract("Selim publicly announced on Monday that Egypt would reopen the "
                              "crossing."),
                      "statement")
                  .size(),
              1u);
}

TEST(Appeals, TheMeetingAnAppealAsksForIsNotPlanned) {
    const auto evs = extract(
        "Selim invited Haddad to attend the next meeting of the council in "
        "Cairo next year.");
    EXPECT_TRUE(of_type(evs, "meeting").empty());
    // negative control: a meeting planned by its party
    const auto m = of_type(extract("Haddad is due to attend the next meeting of the council in "
                                   "Cairo next year."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].status, "planned");
}

TEST(Aid, ALastResortRecipientFromTheSentence) {
    const auto a = of_type(extract("Brandt announced the airdrops on Monday, a day after more than "
                                   "100 Lebanese were killed in Beirut."),
                           "aid");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].targets, "LBN"));
}

}  // namespace
}  // namespace herald::processors

// Dates on fresh text (tests/heldout/DATES.md): a day premodifying a noun ("the Oct. 7
// attack") is that noun's; an attack named by its day in an "of" phrase is a known one, not
// the sentence's news; a noun trigger whose later verb or aside is planned ("talks ...,
// mediated by X, are scheduled to take place on Sunday") is planned; a visit, meeting or
// talks verb in the present simple with a day is a schedule ("who leaves for X on
// Tuesday"); "earlier in the day", "hours later" give the news day. Sentences of our own on
// the fixture gazetteer, with negative controls and week-boundary cases.
// 2024-01-16 (the default publication day) is a Tuesday.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string date_of(const Event& e) {
    return e.date.value_or("-");
}

// ("talks between A and B" is a meeting, "indirect talks" a negotiation)
std::vector<Event> talks(const std::vector<Event>& evs) {
    std::vector<Event> out;
    for (const auto& e : evs)
        if (e.type == "meeting" || e.type == "negotiation") out.push_back(e);
    return out;
}

// ---- a day in front of a noun

TEST(DatesFresh, ADayInFrontOfAnotherNounDoesNotDateTheMainEvent) {
    const auto evs = of_type(
        extract("Brandt met Selim in Cairo to discuss the Jan. 10 ceasefire proposal."), "meeting");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_NE(date_of(evs[0]), "2024-01-10");
}

TEST(DatesFresh, ADayAfterTheVerbStillDatesIt) {
    // (control: not in front of a noun)
    const auto evs =
        of_type(extract("Brandt met Selim in Cairo on Jan. 10 to discuss the ceasefire proposal."),
                "meeting");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-10");
}

TEST(DatesFresh, AnAttackNamedByItsDayInAnOfPhraseIsNotTheKill) {
    const auto evs = of_type(extract("Israel said on Thursday its troops had killed Darwish, the "
                                     "architect of the Oct. 7 attack, in the Gaza Strip.",
                                     "2024-10-17T12:00:00Z"),
                             "attack");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_TRUE(has(evs[0].targets, "Yusuf Darwish"));
    EXPECT_NE(date_of(evs[0]), "2024-10-07");
}

TEST(DatesFresh, AnAttackNamedByItsDayOutsideAnOfPhraseStays) {
    // (control: "in the Oct. 7 attack" is the kill's own attack)
    const auto evs =
        of_type(extract("Hamas fighters killed hundreds of people in the Oct. 7 attack on Israel.",
                        "2024-10-17T12:00:00Z"),
                "attack");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-10-07");
}

// ---- a planned verb or aside further on than the noun

TEST(DatesFresh, TalksWhoseVerbIsScheduledArePlanned) {
    const auto evs = of_type(extract("A new round of talks between Egypt and Qatar, mediated by "
                                     "France, is scheduled to take place in Cairo on Sunday, "
                                     "Selim said."),
                             "negotiation");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].status, "planned");
    EXPECT_EQ(date_of(evs[0]), "2024-01-21");
}

TEST(DatesFresh, TalksWithADueToAsideArePlanned) {
    const auto evs = of_type(extract("Selim said a new round of talks between Egypt and Qatar, due "
                                     "to be held in Doha on Sunday, would focus on aid."),
                             "meeting");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].status, "planned");
    EXPECT_EQ(date_of(evs[0]), "2024-01-21");
}

TEST(DatesFresh, PlannedOnTheDayOfPublicationIsThatDay) {
    // (week boundary: published on the Sunday itself)
    const auto evs = of_type(extract("A new round of talks between Egypt and Qatar, mediated by "
                                     "France, is scheduled to take place in Cairo on Sunday.",
                                     "2024-01-21T08:00:00Z"),
                             "negotiation");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-21");
}

TEST(DatesFresh, TalksThatEndedBeforeANewClauseAreNotPlanned) {
    // (controls: a finite past verb, or "and" before the next verb's auxiliary, ends the
    // noun's subject)
    const auto a =
        talks(extract("Talks between Egypt and Qatar in Doha on Sunday ended without a "
                      "deal, and the two sides will meet again next week."));
    bool sunday = false;
    for (const auto& e : a)
        if (date_of(e) == "2024-01-14") {
            sunday = true;
            EXPECT_EQ(e.status, "occurred");
        }
    EXPECT_TRUE(sunday);
    const auto b = of_type(extract("Egypt and Qatar held a first round of indirect talks in Doha "
                                   "last Saturday and are due to meet again in Cairo."),
                           "negotiation");
    ASSERT_FALSE(b.empty());
    EXPECT_EQ(b[0].status, "occurred");
}

// ---- present simple with a day

TEST(DatesFresh, PresentSimpleVisitWithADayIsScheduled) {
    const auto evs = of_type(extract("Brandt, who travels to Cairo on Thursday at the start of a "
                                     "regional tour, called for calm in Gaza."),
                             "visit");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].status, "planned");
    EXPECT_EQ(date_of(evs[0]), "2024-01-18");
}

TEST(DatesFresh, PresentSimpleOnThePublicationWeekdayIsToday) {
    // (week boundary: "leaves on Tuesday" in a Tuesday article is today, not next week)
    const auto evs =
        of_type(extract("Brandt, who travels to Cairo on Tuesday, called for calm."), "visit");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-16");
}

TEST(DatesFresh, PastVisitAndAPluralNounAreNotScheduled) {
    // (controls: the past tense; "strikes" after a preposition is a noun)
    const auto a = of_type(extract("Brandt travelled to Cairo on Thursday."), "visit");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].status, "occurred");
    EXPECT_EQ(date_of(a[0]), "2024-01-11");
    const auto b = of_type(extract("Hezbollah fired rockets at Israel on Monday in retaliation for "
                                   "Israeli strikes on Beirut on Sunday."),
                           "attack");
    for (const auto& e : b) EXPECT_EQ(e.status, "occurred");
}

// ---- same-day cues

TEST(DatesFresh, EarlierInTheDayIsTheNewsDay) {
    const auto evs =
        of_type(extract("Selim told Brandt in Cairo on Monday that the war must end.\n\n"
                        "Brandt arrived in Cairo earlier in the day from Amman."),
                "visit");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-15");
}

TEST(DatesFresh, HoursLaterIsTheDayJustToldEarlierInTheDayTheNewsDay) {
    const std::string lede =
        "Selim met Brandt in Cairo on Tuesday.\n\nHaddad travelled to Beirut "
        "on Sunday. ";
    const auto a = of_type(extract(lede + "Hours later, Faris arrived in Amman."), "visit");
    const auto b = of_type(extract(lede + "Faris arrived in Amman earlier in the day."), "visit");
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(date_of(a[1]), "2024-01-14");
    EXPECT_EQ(date_of(b[1]), "2024-01-16");
}

TEST(DatesFresh, HoursLaterWithNoDayBeforeIsThePublicationDay) {
    const auto evs = of_type(extract("Hours later, Brandt arrived in Amman."), "visit");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-16");
}

TEST(DatesFresh, ADayOfItsOwnBeatsTheSameDayCue) {
    // (control: "later in the day" is no day when the sentence names one)
    const auto evs = of_type(extract("Selim met Brandt in Cairo on Monday.\n\nBrandt travelled to "
                                     "Amman on Thursday, and later in the day met Faris."),
                             "visit");
    ASSERT_FALSE(evs.empty());
    EXPECT_EQ(date_of(evs[0]), "2024-01-11");
}

}  // namespace
}  // namespace herald::processors

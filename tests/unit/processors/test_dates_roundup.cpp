// Dates in round-ups and analysis pieces (tests/heldout/DATES.md, session 9): "last
// Thursday" is the Thursday of the week before the publication's; a dateline that is its
// sentence's only day dates none of its events; a framing first paragraph (no day but the
// dateline, no news event of its own) hands the lede to the next paragraph; a saying takes
// a day at the end of its venue phrase ("said in a televised speech on Thursday");
// "late that night" is the day just told. Sentences of our own on the fixture gazetteer,
// with negative controls.
// 2024-01-16 (the default publication day) is a Tuesday.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "processors/dates.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string date_of(const Event& e) {
    return e.date.value_or("-");
}

std::string iso(std::int64_t day) {
    return format_date(civil_from_days(day));
}

std::int64_t day_of(const char* iso_day) {
    return *parse_iso8601(std::string(iso_day) + "T00:00:00Z") / 86400;
}

// Weekday 0 = Sunday ... 6 = Saturday.
constexpr int kSun = 0, kMon = 1, kTue = 2, kWed = 3, kThu = 4, kFri = 5, kSat = 6;

// ---- "last Thursday": the week before the publication's

TEST(DatesRoundup, LastWeekdayOfTheCurrentWeekIsTheWeekBefore) {
    const auto sat = day_of("2024-01-20");                  // a Saturday
    EXPECT_EQ(iso(last_weekday(sat, kFri)), "2024-01-12");  // not yesterday
    EXPECT_EQ(iso(last_weekday(sat, kThu)), "2024-01-11");
    const auto tue = day_of("2024-01-16");
    EXPECT_EQ(iso(last_weekday(tue, kMon)), "2024-01-08");
}

TEST(DatesRoundup, LastWeekdayOfTheWeekBeforeIsTheLatest) {
    // (controls: the weekday fell in the week before anyway, or is three or more days back)
    const auto sat = day_of("2024-01-20");
    EXPECT_EQ(iso(last_weekday(sat, kWed)), "2024-01-17");
    const auto mon = day_of("2024-01-15");
    EXPECT_EQ(iso(last_weekday(mon, kSun)), "2024-01-14");  // the weekend just past
    EXPECT_EQ(iso(last_weekday(mon, kSat)), "2024-01-13");
    EXPECT_EQ(iso(last_weekday(mon, kThu)), "2024-01-11");
    const auto tue = day_of("2024-01-16");
    EXPECT_EQ(iso(last_weekday(tue, kSun)), "2024-01-14");
    EXPECT_EQ(iso(last_weekday(tue, kFri)), "2024-01-12");
}

TEST(DatesRoundup, LastWeekdayOnThePublicationsWeekdayIsAWeekBack) {
    EXPECT_EQ(iso(last_weekday(day_of("2024-01-18"), kThu)), "2024-01-11");
    EXPECT_EQ(iso(last_weekday(day_of("2024-01-16"), kTue)), "2024-01-09");
}

TEST(DatesRoundup, LastFridayInASaturdayPieceIsEightDaysBack) {
    const auto evs =
        of_type(extract("Omar Selim met Amal Haddad in Cairo last Friday.", "2024-01-20T12:00:00Z"),
                "meeting");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-12");
}

TEST(DatesRoundup, OnFridayAndThisPastFridayStayTheLatest) {
    // (controls: no "last")
    const auto a =
        of_type(extract("Omar Selim met Amal Haddad in Cairo on Friday.", "2024-01-20T12:00:00Z"),
                "meeting");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(date_of(a[0]), "2024-01-19");
    const auto b = of_type(
        extract("Omar Selim met Amal Haddad in Cairo this past Friday.", "2024-01-20T12:00:00Z"),
        "meeting");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(date_of(b[0]), "2024-01-19");
}

TEST(DatesRoundup, TheFollowingDayCountsFromLastThursday) {
    const auto evs =
        of_type(extract("Peter Brandt called Omar Selim last Thursday, and Amal Haddad travelled "
                        "to Doha the following day.",
                        "2024-01-19T12:00:00Z"),  // a Friday
                "visit");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-12");
}

// ---- the dateline is the filing day

TEST(DatesRoundup, ADatelineAloneDoesNotDateABackgroundClause) {
    const auto evs = of_type(extract("CAIRO, Jan 16 (Reuters) - Less than a month after Egypt and "
                                     "Qatar signed an agreement in Doha, the two states have "
                                     "moved closer than many expected."),
                             "agreement");
    for (const auto& e : evs) EXPECT_NE(date_of(e), "2024-01-16");
}

TEST(DatesRoundup, ADayInTheDatelinedSentenceStillDatesIt) {
    // (control: the sentence names its own day)
    const auto evs =
        of_type(extract("CAIRO, Jan 16 (Reuters) - Egypt and Qatar signed an agreement in Doha "
                        "on Monday to reopen their embassies."),
                "agreement");
    ASSERT_FALSE(evs.empty());
    EXPECT_EQ(date_of(evs[0]), "2024-01-15");
}

TEST(DatesRoundup, ADatelinedLedeWithoutADayStillGivesTheNewsDay) {
    // (control: a saying of a lede that names no day is the filing day's news)
    const auto evs = of_type(
        extract("CAIRO, Jan 16 (Reuters) - Omar Selim said Egypt would reopen the crossing."),
        "statement");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-16");
}

// ---- a framing first paragraph

TEST(DatesRoundup, AFramingLedeHandsTheNewsDayToTheNextParagraph) {
    const auto evs = of_type(
        extract("CAIRO, Jan 16 (Reuters) - Less than a month after Egypt and Qatar signed an "
                "agreement in Doha, the two states have moved faster than many expected.\n\n"
                "The clearest sign came in Amman on Monday, when Omar Selim met Amal Haddad.\n\n"
                "Haddad told reporters afterwards that the talks had been useful."),
        "statement");
    bool haddad = false;
    for (const auto& e : evs)
        if (has(e.actors, "Amal Haddad")) {
            haddad = true;
            EXPECT_EQ(date_of(e), "2024-01-15");
        }
    EXPECT_TRUE(haddad);
}

TEST(DatesRoundup, ALedeWithANewsEventStaysTheLede) {
    // (control: the first paragraph tells the news, without a day: the next paragraph's
    // day is a detail, the news day stays the filing day)
    const auto evs =
        of_type(extract("CAIRO, Jan 16 (Reuters) - Omar Selim announced a new crossing for aid to "
                        "Gaza.\n\n"
                        "Trucks waited at the border late on Monday, officials said.\n\n"
                        "Amal Haddad said Jordan welcomed the step."),
                "statement");
    bool haddad = false;
    for (const auto& e : evs)
        if (has(e.actors, "Amal Haddad")) {
            haddad = true;
            EXPECT_NE(date_of(e), "2024-01-15");
        }
    EXPECT_TRUE(haddad);
}

// ---- a saying's venue phrase

TEST(DatesRoundup, ADayAfterASayingsVenuePhraseDatesTheSaying) {
    const auto evs = of_type(extract("Peter Brandt said in a televised speech on Thursday that "
                                     "Egypt would reopen the crossing."),
                             "statement");
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(date_of(evs[0]), "2024-01-11");
}

TEST(DatesRoundup, ADayAfterAReportedNounPhraseIsNotTheSayings) {
    // (control: a bare noun phrase after the saying is what was said)
    const auto evs = of_type(extract("Peter Brandt said the Rafah border crossing reopened on "
                                     "Thursday after weeks of pressure."),
                             "statement");
    for (const auto& e : evs) EXPECT_NE(date_of(e), "2024-01-11");
}

// ---- "late that night"

TEST(DatesRoundup, LateThatNightIsTheDayJustTold) {
    const auto evs = extract(
        "Omar Selim met Amal Haddad in Cairo on Sunday.\n\n"
        "Late that night, Israeli jets struck sites near Damascus.");
    bool strike = false;
    for (const auto& e : of_type(evs, "attack")) {
        strike = true;
        EXPECT_EQ(date_of(e), "2024-01-14");
    }
    EXPECT_TRUE(strike);
}

TEST(DatesRoundup, ThatAsAPronounIsNoDay) {
    // (control: "that" not before night/evening/morning/afternoon)
    const auto evs = extract(
        "Omar Selim met Amal Haddad in Cairo on Sunday.\n\n"
        "Israeli jets struck sites near Damascus, and officials said that night raids would "
        "continue.");
    for (const auto& e : of_type(evs, "attack")) EXPECT_NE(date_of(e), "2024-01-14");
}

}  // namespace
}  // namespace herald::processors

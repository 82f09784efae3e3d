#include <gtest/gtest.h>

#include "common/time.hpp"
#include "processors/dates.hpp"

namespace herald::processors {
namespace {

std::int64_t day(int y, int m, int d) {
    return days_from_civil(CivilDate{y, m, d});
}
std::string iso(std::int64_t d) {
    return format_date(civil_from_days(d));
}

// 2024-01-16 is a Tuesday.
TEST(Dates, PastWeekdayIsOnOrBeforePublication) {
    const auto pub = day(2024, 1, 16);
    EXPECT_EQ(iso(weekday_on_or_before(pub, 2)), "2024-01-16");        // Tuesday: the same day
    EXPECT_EQ(iso(weekday_on_or_before(pub, 1)), "2024-01-15");        // Monday
    EXPECT_EQ(iso(weekday_on_or_before(pub, 4)), "2024-01-11");        // Thursday: previous week
    EXPECT_EQ(iso(weekday_on_or_before(pub, 0)), "2024-01-14");        // Sunday
    EXPECT_EQ(iso(weekday_on_or_before(pub, 2, true)), "2024-01-09");  // "last Tuesday"
}

TEST(Dates, FutureWeekdayIsOnOrAfterPublication) {
    const auto pub = day(2024, 1, 16);
    EXPECT_EQ(iso(weekday_on_or_after(pub, 4)), "2024-01-18");        // Thursday
    EXPECT_EQ(iso(weekday_on_or_after(pub, 1)), "2024-01-22");        // Monday: next week
    EXPECT_EQ(iso(weekday_on_or_after(pub, 2)), "2024-01-16");        // today
    EXPECT_EQ(iso(weekday_on_or_after(pub, 2, true)), "2024-01-23");  // "next Tuesday"
}

TEST(Dates, WeekdayAcrossYearBoundary) {
    const auto pub = day(2024, 1, 1);                            // Monday
    EXPECT_EQ(iso(weekday_on_or_before(pub, 5)), "2023-12-29");  // Friday
    EXPECT_EQ(iso(weekday_on_or_after(day(2023, 12, 30), 2)), "2024-01-02");
}

TEST(Dates, MonthDayPicksTheYearByTense) {
    const auto pub = day(2024, 9, 18);
    EXPECT_EQ(iso(*resolve_month_day(pub, 10, 7, 0, false)), "2023-10-07");
    EXPECT_EQ(iso(*resolve_month_day(pub, 9, 1, 0, false)), "2024-09-01");
    EXPECT_EQ(iso(*resolve_month_day(pub, 1, 10, 0, true)), "2025-01-10");
    EXPECT_EQ(iso(*resolve_month_day(pub, 10, 7, 2021, false)), "2021-10-07");
    EXPECT_FALSE(resolve_month_day(pub, 2, 30, 0, false).has_value());
}

}  // namespace
}  // namespace herald::processors

#include "processors/dates.hpp"

#include "common/time.hpp"

namespace herald::processors {

std::int64_t weekday_on_or_before(std::int64_t day, int weekday, bool strict) {
    const int wd = weekday_from_days(day);
    int back = (wd - weekday + 7) % 7;
    if (strict && back == 0) back = 7;
    return day - back;
}

std::int64_t weekday_on_or_after(std::int64_t day, int weekday, bool strict) {
    const int wd = weekday_from_days(day);
    int fwd = (weekday - wd + 7) % 7;
    if (strict && fwd == 0) fwd = 7;
    return day + fwd;
}

std::int64_t last_weekday(std::int64_t pub, int weekday) {
    const int wd = weekday_from_days(pub);
    int back = (wd - weekday + 7) % 7;
    if (back == 0) return pub - 7;
    // (days since the Monday that opens the publication's week)
    const int into_week = (wd + 6) % 7;
    if (back <= 2 && back <= into_week) back += 7;
    return pub - back;
}

namespace {
bool valid(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    const CivilDate c{y, m, d};
    const CivilDate back = civil_from_days(days_from_civil(c));
    return back.year == y && back.month == m && back.day == d;
}
}  // namespace

std::optional<std::int64_t> resolve_month_day(std::int64_t pub, int month, int day_of_month,
                                              int year, bool forward) {
    if (year > 0) {
        if (!valid(year, month, day_of_month)) return std::nullopt;
        return days_from_civil(CivilDate{year, month, day_of_month});
    }
    const int py = civil_from_days(pub).year;
    for (int y : {py, forward ? py + 1 : py - 1}) {
        if (!valid(y, month, day_of_month)) continue;
        const std::int64_t d = days_from_civil(CivilDate{y, month, day_of_month});
        if (forward ? d >= pub - 1 : d <= pub + 1) return d;
    }
    return std::nullopt;
}

}  // namespace herald::processors

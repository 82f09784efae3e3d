// Calendar arithmetic for date cues, relative to the publication day.
// Days are counted since 1970-01-01 (common/time.hpp).
#pragma once

#include <cstdint>
#include <optional>

namespace herald::processors {

// Weekday 0 = Sunday ... 6 = Saturday.
// The most recent `weekday` on or before `day` (strictly before when `strict`).
std::int64_t weekday_on_or_before(std::int64_t day, int weekday, bool strict = false);
// The next `weekday` on or after `day` (strictly after when `strict`).
std::int64_t weekday_on_or_after(std::int64_t day, int weekday, bool strict = false);
// "last Thursday" in a piece of day `pub`: the `weekday` of the calendar week (Monday to
// Sunday) before the publication's. News copy names a day of the current week with "on"
// ("on Thursday") and keeps "last" for the week before, so in a Friday or Saturday piece
// "last Thursday" is eight or nine days back, not yesterday; a weekday that fell in the
// week before anyway is the latest one ("last Thursday" in a Monday piece: four days
// back), and the publication's own weekday is a week back. Only the two days before
// publication move: further back, usage is mixed and the latest one is kept.
std::int64_t last_weekday(std::int64_t pub, int weekday);
// "October 7" [year]: without a year, the occurrence nearest to `pub` in the
// direction of the sentence (past: on/before pub + 1 day slack; future: on/after pub - 1).
std::optional<std::int64_t> resolve_month_day(std::int64_t pub, int month, int day_of_month,
                                              int year, bool forward);

}  // namespace herald::processors

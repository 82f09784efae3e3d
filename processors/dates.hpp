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
// "October 7" [year]: without a year, the occurrence nearest to `pub` in the
// direction of the sentence (past: on/before pub + 1 day slack; future: on/after pub - 1).
std::optional<std::int64_t> resolve_month_day(std::int64_t pub, int month, int day_of_month,
                                              int year, bool forward);

}  // namespace herald::processors

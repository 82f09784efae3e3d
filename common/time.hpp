// UTC time helpers shared by feeds (item dates), processors (date resolution)
// and the sink (first_seen/updated, CloudEvents ce_time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herald {

// Seconds since the Unix epoch, UTC.
using UnixTime = std::int64_t;

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);

// 0 = Sunday ... 6 = Saturday.
int weekday_from_days(std::int64_t days);

// "YYYY-MM-DDTHH:MM:SSZ"
std::string format_utc(UnixTime t);
// "YYYY-MM-DD"
std::string format_date(CivilDate d);

// Strict RFC 3339 / ISO 8601 as used on the command line and in config
// ("2024-09-18", "2024-09-18T14:00:00Z", "2024-09-18T14:00:00+02:00",
// fractional seconds allowed). Feeds use the lenient parser in feeds/.
std::optional<UnixTime> parse_iso8601(std::string_view s);

UnixTime now_utc();

}  // namespace herald

// Lenient feed date parsing (RFC 822 and variants, ISO 8601, Unix time).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "feeds/parse/feed.hpp"

namespace herald::feeds {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// Reads up to `max` digits at s[i]; returns digit count (0 = none).
std::size_t read_num(std::string_view s, std::size_t i, std::size_t max, std::int64_t& out) {
    std::size_t n = 0;
    std::int64_t v = 0;
    while (i + n < s.size() && n < max && is_digit(s[i + n])) {
        v = v * 10 + (s[i + n] - '0');
        ++n;
    }
    out = v;
    return n;
}

int month_from_name(std::string_view w) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (w.size() < 3) return 0;
    for (std::size_t m = 0; m < 12; ++m) {
        if (!ieq(w.substr(0, 3), kMonths[m])) continue;
        // "June", "Sept", "September": accept any word starting with the abbreviation.
        return static_cast<int>(m) + 1;
    }
    return 0;
}

bool is_weekday(std::string_view w) {
    static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu",
                                                              "fri", "sat", "sun"};
    if (w.size() < 3) return false;
    for (const auto d : kDays)
        if (ieq(w.substr(0, 3), d)) return true;
    return false;
}

// Zone name -> offset in minutes east of UTC.
std::optional<int> zone_from_name(std::string_view w) {
    struct Z {
        std::string_view name;
        int minutes;
    };
    static constexpr Z kZones[] = {
        {"ut", 0},        {"utc", 0},       {"gmt", 0},       {"z", 0},         {"est", -5 * 60},
        {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60}, {"mst", -7 * 60}, {"mdt", -6 * 60},
        {"pst", -8 * 60}, {"pdt", -7 * 60}, {"ast", -4 * 60}, {"adt", -3 * 60}, {"et", -5 * 60},
        {"ct", -6 * 60},  {"mt", -7 * 60},  {"pt", -8 * 60},  {"bst", 60},      {"cet", 60},
        {"cest", 120},    {"met", 60},      {"mest", 120},    {"eet", 120},     {"eest", 180},
        {"ist", 330},     {"jst", 540},     {"hkt", 480},     {"sgt", 480},     {"aest", 600},
        {"aedt", 660},    {"nzst", 720},    {"wet", 0},       {"west", 60},     {"msk", 180},
        {"idt", 180},
    };
    for (const auto& z : kZones)
        if (ieq(w, z.name)) return z.minutes;
    if (w.size() == 1 && is_alpha(w[0])) {
        // RFC 822 military zones, with the signs as written in RFC 822 (as feedparser).
        const char c = lower(w[0]);
        if (c >= 'a' && c <= 'i') return -(c - 'a' + 1) * 60;
        if (c >= 'k' && c <= 'm') return -(c - 'k' + 10) * 60;
        if (c >= 'n' && c <= 'y') return (c - 'n' + 1) * 60;
    }
    return std::nullopt;
}

std::optional<UnixTime> make_time(std::int64_t year, std::int64_t month, std::int64_t day,
                                  std::int64_t hh, std::int64_t mm, std::int64_t ss,
                                  int zone_minutes) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
    static constexpr int kDim[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kDim[month - 1]) return std::nullopt;
    if (month == 2 && day == 29) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (!leap) return std::nullopt;
    }
    if (hh > 24 || mm > 59 || ss > 60 || (hh == 24 && (mm > 0 || ss > 0))) return std::nullopt;
    const std::int64_t days = days_from_civil(
        CivilDate{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)});
    return days * 86400 + hh * 3600 + mm * 60 + ss - static_cast<std::int64_t>(zone_minutes) * 60;
}

std::int64_t expand_year(std::int64_t y, std::size_t digits) {
    if (digits <= 2) return y < 50 ? 2000 + y : 1900 + y;
    if (digits == 3) return 1900 + y;  // "103" from broken strftime %y arithmetic
    return y;
}

// "+0200", "-05:00", "+02", "+2" at s[i]; returns chars consumed, 0 if none.
std::size_t read_offset(std::string_view s, std::size_t i, int& minutes) {
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return 0;
    const int sign = s[i] == '-' ? -1 : 1;
    std::int64_t v = 0;
    std::size_t n = read_num(s, i + 1, 4, v);
    if (n == 0) return 0;
    std::int64_t h = 0, m = 0;
    std::size_t used = 1 + n;
    if (n == 4) {
        h = v / 100;
        m = v % 100;
    } else if (n == 3) {
        h = v / 100;
        m = v % 100;
    } else {
        h = v;
        if (i + used < s.size() && s[i + used] == ':') {
            std::int64_t mv = 0;
            const std::size_t mn = read_num(s, i + used + 1, 2, mv);
            if (mn == 2) {
                m = mv;
                used += 3;
            }
        }
    }
    if (h > 14 || m > 59) return 0;
    minutes = sign * static_cast<int>(h * 60 + m);
    return used;
}

// Time "HH:MM[:SS][.frac]" at s[i]; returns chars consumed, 0 if none.
std::size_t read_clock(std::string_view s, std::size_t i, std::int64_t& hh, std::int64_t& mm,
                       std::int64_t& ss) {
    std::size_t n = read_num(s, i, 2, hh);
    if (n == 0 || i + n >= s.size() || s[i + n] != ':') return 0;
    std::size_t p = i + n + 1;
    const std::size_t m = read_num(s, p, 2, mm);
    if (m == 0) return 0;
    p += m;
    ss = 0;
    if (p + 1 < s.size() && s[p] == ':' && is_digit(s[p + 1])) {
        p += 1 + read_num(s, p + 1, 2, ss);
        if (p < s.size() && (s[p] == '.' || s[p] == ',') && p + 1 < s.size() &&
            is_digit(s[p + 1])) {
            ++p;
            while (p < s.size() && is_digit(s[p])) ++p;
        }
    }
    return p - i;
}

// Zone after a time: spaces, then 'Z', an offset or a zone name. Missing zone = UTC.
std::optional<int> read_zone_tail(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) return 0;
    int minutes = 0;
    if (const std::size_t n = read_offset(s, i, minutes); n > 0) return minutes;
    std::size_t j = i;
    while (j < s.size() && is_alpha(s[j])) ++j;
    if (j > i) {
        auto z = zone_from_name(s.substr(i, j - i));
        if (!z) return std::nullopt;
        // "GMT+2" / "UTC-05:00"
        int extra = 0;
        if (read_offset(s, j, extra) > 0) return *z + extra;
        return z;
    }
    return std::nullopt;
}

// ISO 8601 / RFC 3339 and "2016/6/29" style: year first.
std::optional<UnixTime> parse_year_first(std::string_view s) {
    std::int64_t y = 0, mo = 0, d = 0;
    std::size_t p = read_num(s, 0, 4, y);
    if (p != 4) return std::nullopt;
    if (p < s.size() && (s[p] == '-' || s[p] == '/' || s[p] == '.')) {
        const char sep = s[p];
        const std::size_t n = read_num(s, p + 1, 2, mo);
        if (n == 0) return std::nullopt;
        p += 1 + n;
        if (p < s.size() && s[p] == sep) {
            const std::size_t dn = read_num(s, p + 1, 2, d);
            if (dn == 0) return std::nullopt;
            p += 1 + dn;
        } else {
            d = 1;  // "2003-12"
        }
    } else {
        // Basic format YYYYMMDD
        if (read_num(s, 4, 2, mo) != 2 || read_num(s, 6, 2, d) != 2) return std::nullopt;
        p = 8;
    }
    std::int64_t hh = 0, mm = 0, ss = 0;
    int zone = 0;
    if (p < s.size()) {
        std::size_t q = p;
        if (s[q] == 'T' || s[q] == 't') {
            ++q;
        } else {
            while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == ',')) ++q;
        }
        if (q >= s.size()) return make_time(y, mo, d, 0, 0, 0, 0);
        std::size_t c = read_clock(s, q, hh, mm, ss);
        if (c == 0) {
            // Basic time "HHMMSS" or "HHMM"
            std::int64_t v = 0;
            const std::size_t n = read_num(s, q, 6, v);
            if (n == 6) {
                hh = v / 10000;
                mm = v / 100 % 100;
                ss = v % 100;
            } else if (n == 4) {
                hh = v / 100;
                mm = v % 100;
            } else {
                return std::nullopt;
            }
            c = n;
            if (q + c < s.size() && s[q + c] == '.') {
                ++c;
                while (q + c < s.size() && is_digit(s[q + c])) ++c;
            }
        }
        const auto z = read_zone_tail(s, q + c);
        if (!z) return std::nullopt;
        zone = *z;
    }
    return make_time(y, mo, d, hh, mm, ss, zone);
}

// RFC 822 and loose variants: tokens in (almost) any order.
std::optional<UnixTime> parse_tokens(std::string_view s) {
    std::int64_t year = -1, month = 0, day = -1, hh = 0, mm = 0, ss = 0;
    std::size_t year_digits = 4;
    bool have_time = false, have_zone = false;
    int zone = 0;
    std::int64_t pending_num = -1;  // a number seen before the month name ("29 Jun")
    std::size_t i = 0;
    int paren = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '(') {
            ++paren;
            ++i;
            continue;
        }
        if (c == ')') {
            if (paren > 0) --paren;
            ++i;
            continue;
        }
        if (paren > 0) {
            ++i;
            continue;
        }
        if (is_digit(c)) {
            std::int64_t a = 0, b = 0, d2 = 0;
            if (!have_time) {
                if (const std::size_t n = read_clock(s, i, a, b, d2); n > 0) {
                    hh = a;
                    mm = b;
                    ss = d2;
                    have_time = true;
                    i += n;
                    continue;
                }
            }
            std::int64_t v = 0;
            const std::size_t n = read_num(s, i, 10, v);
            i += n;
            // Ordinal suffixes: "1st", "2nd", "29th"
            if (i + 1 < s.size() && is_alpha(s[i]) && is_alpha(s[i + 1]) &&
                (ieq(s.substr(i, 2), "st") || ieq(s.substr(i, 2), "nd") ||
                 ieq(s.substr(i, 2), "rd") || ieq(s.substr(i, 2), "th")))
                i += 2;
            if (n >= 3) {
                if (year >= 0) return std::nullopt;
                year = v;
                year_digits = n;
            } else if (day < 0 && pending_num < 0 && v >= 1 && v <= 31) {
                if (month == 0)
                    pending_num = v;
                else
                    day = v;
            } else if (year < 0) {
                year = v;
                year_digits = n;
            } else {
                return std::nullopt;
            }
            continue;
        }
        if ((c == '+' || c == '-') && have_time && !have_zone) {
            int z = 0;
            if (const std::size_t n = read_offset(s, i, z); n > 0) {
                zone = z;
                have_zone = true;
                i += n;
                continue;
            }
        }
        if (is_alpha(c)) {
            std::size_t j = i;
            while (j < s.size() && is_alpha(s[j])) ++j;
            const std::string_view w = s.substr(i, j - i);
            i = j;
            if (const int m = month_from_name(w); m != 0 && month == 0 && w.size() <= 9) {
                month = m;
                if (pending_num >= 0) {
                    day = pending_num;
                    pending_num = -1;
                }
                continue;
            }
            if (is_weekday(w)) continue;
            if (ieq(w, "at") || ieq(w, "of") || ieq(w, "the")) continue;
            if (ieq(w, "am") || ieq(w, "pm")) {
                if (have_time && hh <= 12) {
                    if (ieq(w, "pm") && hh < 12) hh += 12;
                    if (ieq(w, "am") && hh == 12) hh = 0;
                }
                continue;
            }
            if (const auto z = zone_from_name(w); z && !have_zone) {
                zone = *z;
                have_zone = true;
                int extra = 0;
                if (const std::size_t n = read_offset(s, i, extra); n > 0) {
                    zone += extra;
                    i += n;
                }
                continue;
            }
            continue;  // unknown words (e.g. "CEST" after an offset) are ignored
        }
        ++i;  // separators: spaces, commas, dots, slashes
    }
    if (month == 0) return std::nullopt;
    if (day < 0 && pending_num >= 0) day = pending_num;
    if (day < 0 || year < 0) return std::nullopt;
    return make_time(expand_year(year, year_digits), month, day, hh, mm, ss, zone);
}

}  // namespace

std::optional<UnixTime> parse_feed_date(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
    if (s.empty() || s.size() > 128) return std::nullopt;
    // Unix timestamps: 9+ digits (seconds) or 13 digits (milliseconds).
    {
        std::size_t n = 0;
        while (n < s.size() && is_digit(s[n])) ++n;
        const bool frac = n < s.size() && s[n] == '.';
        std::size_t m = n;
        if (frac)
            for (m = n + 1; m < s.size() && is_digit(s[m]);) ++m;
        if (m == s.size() && n >= 9 && n <= 13) {
            std::int64_t v = 0;
            read_num(s, 0, n, v);
            if (n == 13) v /= 1000;
            return v;
        }
    }
    if (s.size() >= 7 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
        (!is_digit(s[4]) || (s.size() >= 8 && is_digit(s[7])))) {
        if (auto t = parse_year_first(s)) return t;
    }
    return parse_tokens(s);
}

}  // namespace herald::feeds

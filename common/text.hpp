// Small string helpers used across folders. Anything language-aware
// (normalisation, segmentation) lives in processors/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace herald {

std::string_view trim(std::string_view s);
std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::vector<std::string_view> split(std::string_view s, char sep);

// Length (1-4) of the well-formed UTF-8 sequence starting at s[i], 0 when the
// bytes there are ill-formed (overlong, surrogate, truncated, stray byte).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
// Copy of `s` where every ill-formed sequence is replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s);
// Appends the UTF-8 encoding of code point `cp` (invalid ones become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

}  // namespace herald

// HTML named character references (the HTML 4 set plus common HTML5 additions)
// and a decoder for markup-free text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace herald::feeds::detail {

// Code point for an entity name without '&' and ';' ("nbsp" -> 0xA0), 0 when unknown.
// Case-sensitive, like HTML.
char32_t lookup_entity(std::string_view name);

// Decodes &name; &#NNN; &#xHH; (HTML semantics: unknown references stay as they are).
void append_decoded_entities(std::string& out, std::string_view s);

// Digits of a numeric character reference starting at s[i] (just after "&#" and,
// when `hex`, the 'x'): at most 8 digits. Returns the value and the index after
// the last digit (== i when there is none).
struct NumericReference {
    std::uint32_t value = 0;
    std::size_t end = 0;
};
NumericReference numeric_reference_digits(std::string_view s, std::size_t i, bool hex);

}  // namespace herald::feeds::detail

// HTML named character references (the HTML 4 set plus common HTML5 additions)
// and a decoder for markup-free text.
#pragma once

#include <string>
#include <string_view>

namespace herald::feeds::detail {

// Code point for an entity name without '&' and ';' ("nbsp" -> 0xA0), 0 when unknown.
// Case-sensitive, like HTML.
char32_t lookup_entity(std::string_view name);

// Decodes &name; &#NNN; &#xHH; (HTML semantics: unknown references stay as they are).
void append_decoded_entities(std::string& out, std::string_view s);

}  // namespace herald::feeds::detail

// Internals shared by the parser's translation units.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "feeds/parse/feed.hpp"

namespace herald::feeds::detail {

// Appends XML character data with entity references decoded. HTML named
// entities XML lacks are mapped, stray '&' kept literally, C0 controls dropped,
// CR/CRLF turned into LF. Sets `clean` to false when anything was repaired.
void append_xml_text(std::string& out, std::string_view raw, bool& clean);
// Appends raw bytes (CDATA) with controls dropped and CR/CRLF turned into LF.
void append_raw_text(std::string& out, std::string_view raw, bool& clean);

// Markup-free text from an HTML fragment without gumbo (for titles): tags
// removed, entities decoded, whitespace collapsed, trimmed.
std::string strip_markup(std::string_view html);
// Whitespace runs collapsed to one space, trimmed.
std::string collapse_whitespace(std::string_view s);

// Repairs broken XML so that pugixml can read it: junk before the root
// dropped, stray '<' escaped, controls removed, end tags balanced, a
// truncated trailing item/entry removed and open elements closed.
std::string repair_xml(std::string_view text);

// XML (RSS / Atom) and JSON Feed parsers over UTF-8 text.
herald::Result<FeedDocument> parse_xml_feed(std::string&& text, std::string_view original,
                                            const ParseOptions& opts, bool clean);
herald::Result<FeedDocument> parse_json_feed(std::string_view text, const ParseOptions& opts);

// Fills empty ids (link, else hash) and makes duplicate ids unique.
void assign_ids(std::vector<Item>& items);

}  // namespace herald::feeds::detail

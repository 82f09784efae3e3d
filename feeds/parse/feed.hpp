// Feed parsing: RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1
// into one normalised document. Lenient: broken XML, wrong encodings and odd
// dates are recovered where possible (wellformed = false) and never crash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "common/time.hpp"

namespace herald::feeds {

struct Person {
    std::string name, email, uri;
};

struct Enclosure {
    std::string url, type;
    std::optional<std::int64_t> length;
};

struct Item {
    // guid/id, else link, else "h:" + hex hash of title + content. Stable across
    // polls; duplicates within one feed get "#2", "#3", ... in document order.
    std::string id;
    std::string title;  // plain text (entities decoded, markup stripped)
    std::string link;   // absolute when a base (xml:base or ParseOptions::base_url) is known
    std::optional<herald::UnixTime> published, updated;
    std::string summary, content;  // (X)HTML markup as the feed carried it, entities decoded
    std::vector<Person> authors;
    std::vector<std::string> categories;
    std::vector<Enclosure> enclosures;
};

struct FeedMeta {
    std::string title, link, subtitle, language;
    std::optional<herald::UnixTime> updated;
    std::optional<int> ttl_minutes;                     // RSS <ttl>
    std::optional<std::int64_t> update_period_seconds;  // sy:updatePeriod / sy:updateFrequency
};

struct FeedDocument {
    // "rss2.0" "rss1.0" "rss0.91" "rss0.92" "rss0.90" "atom1.0" "atom0.3" "json1.0" "json1.1"
    std::string format;
    bool wellformed = true;  // false when anything had to be repaired
    std::string encoding;    // encoding the bytes were decoded from ("utf-8", "windows-1252", ...)
    FeedMeta feed;
    std::vector<Item> items;
};

struct ParseOptions {
    std::string base_url;      // URL the feed was fetched from (resolves relative links)
    std::string http_charset;  // charset from the HTTP Content-Type, may be empty
};

// Error (kind "parse") only when nothing feed-like can be recovered.
herald::Result<FeedDocument> parse_feed(std::string_view bytes, const ParseOptions& opts = {});

// The `herald parse` output contract: absent fields are omitted, dates are
// "YYYY-MM-DDTHH:MM:SSZ".
nlohmann::json to_json(const FeedDocument& doc);

// Plain text for the NLP processors: block elements become paragraph breaks
// ("\n\n"), <br> becomes "\n", scripts/styles are dropped, entities decoded,
// whitespace collapsed.
std::string html_to_text(std::string_view html);

// Lenient date parser for feed dates: RFC 822 and its real-world variants,
// RFC 3339 / ISO 8601, "2016/6/29", Unix timestamps.
std::optional<herald::UnixTime> parse_feed_date(std::string_view s);

// RFC 3986 section 5 reference resolution. Returns `ref` unchanged when `base`
// is empty or not absolute, or `ref` is already absolute.
std::string resolve_url(std::string_view base, std::string_view ref);

}  // namespace herald::feeds

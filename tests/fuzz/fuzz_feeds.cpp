// libFuzzer target for feed parsing. The first input byte picks an HTTP charset
// and a base URL; the rest is the feed document.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "feeds/parse/feed.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kCharsets[] = {"",       "utf-8",  "iso-8859-1", "windows-1252",
                                            "utf-16", "koi8-r", "bogus",      "UTF-16LE"};
    const std::uint8_t sel = data[0];
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    herald::feeds::ParseOptions opts;
    opts.http_charset = kCharsets[sel & 7];
    if (sel & 8) opts.base_url = "https://feeds.example.net/a/b/feed.xml?x=1";

    auto doc = herald::feeds::parse_feed(bytes, opts);
    if (doc) {
        // dump() throws on invalid UTF-8: every string we produce must be valid.
        const std::string json = herald::feeds::to_json(*doc).dump();
        if (json.empty()) __builtin_trap();
        if (doc->encoding.empty() || doc->format.empty()) __builtin_trap();
        std::set<std::string> ids;
        for (const auto& item : doc->items) {
            // ids are never empty and unique within a feed
            if (item.id.empty() || !ids.insert(item.id).second) __builtin_trap();
            (void)herald::feeds::html_to_text(item.content.empty() ? item.summary : item.content);
        }
    } else if (doc.error().kind != "parse") {
        __builtin_trap();
    }
    (void)herald::feeds::html_to_text(bytes);
    (void)herald::feeds::parse_feed_date(bytes.substr(0, 96));
    const std::size_t half = bytes.size() / 2;
    (void)herald::feeds::resolve_url(bytes.substr(0, half), bytes.substr(half));
    return 0;
}

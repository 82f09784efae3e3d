#include "feeds/parse/feed.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/hash.hpp"
#include "common/text.hpp"
#include "feeds/parse/encoding.hpp"
#include "feeds/parse/internal.hpp"

namespace herald::feeds {

namespace detail {

void assign_ids(std::vector<Item>& items) {
    std::unordered_set<std::string> seen;
    seen.reserve(items.size() * 2);
    for (auto& item : items) {
        if (item.id.empty()) item.id = item.link;
        if (item.id.empty()) {
            std::string key = item.title;
            key += '\0';
            key += item.content.empty() ? item.summary : item.content;
            item.id = "h:" + hex64(stable_hash64(key));
        }
        if (seen.insert(item.id).second) continue;
        // Duplicate within this feed: "#2", "#3", ... in document order.
        for (int n = 2;; ++n) {
            std::string candidate = item.id + "#" + std::to_string(n);
            if (seen.insert(candidate).second) {
                item.id = std::move(candidate);
                break;
            }
        }
    }
}

}  // namespace detail

herald::Result<FeedDocument> parse_feed(std::string_view bytes, const ParseOptions& opts) {
    if (trim(bytes).empty()) return herald::fail("parse", "empty document");
    detail::Decoded dec = detail::decode_to_utf8(bytes, opts.http_charset);
    std::size_t first = 0;
    while (first < dec.text.size() && (dec.text[first] == ' ' || dec.text[first] == '\t' ||
                                       dec.text[first] == '\r' || dec.text[first] == '\n'))
        ++first;
    if (first >= dec.text.size()) return herald::fail("parse", "empty document");
    herald::Result<FeedDocument> res;
    if (dec.text[first] == '{') {
        res = detail::parse_json_feed(dec.text, opts);
        if (res && !dec.clean) res->wellformed = false;
    } else {
        // Junk before the first markup (PHP notices, stray text): not well-formed.
        bool clean = dec.clean;
        if (dec.text[first] != '<') clean = false;
        // Keep the original text for the repair path. When the decoded text is the
        // input itself, a view of the input is enough (no copy on the fast path).
        std::string saved;
        std::string_view original;
        if (dec.verbatim) {
            original = bytes.substr(dec.skip);
        } else {
            saved = dec.text;
            original = saved;
        }
        res = detail::parse_xml_feed(std::move(dec.text), original, opts, clean);
    }
    if (res) res->encoding = dec.encoding;
    return res;
}

}  // namespace herald::feeds

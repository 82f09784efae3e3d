// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/).
#include <string>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "feeds/parse/internal.hpp"

namespace herald::feeds::detail {

namespace {

using nlohmann::json;

std::string str(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
    return {};
}

Person person(const json& a, const std::string& base) {
    Person p;
    if (!a.is_object()) return p;
    p.name = collapse_whitespace(str(a, "name"));
    const std::string url = str(a, "url");
    if (url.starts_with("mailto:"))
        p.email = url.substr(7);
    else if (!url.empty())
        p.uri = resolve_url(base, url);
    return p;
}

void add_people(std::vector<Person>& out, const json& obj, const std::string& base) {
    if (const auto it = obj.find("authors"); it != obj.end() && it->is_array()) {
        for (const auto& a : *it) {
            Person p = person(a, base);
            if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) out.push_back(std::move(p));
        }
    }
    if (out.empty()) {
        if (const auto it = obj.find("author"); it != obj.end()) {
            Person p = person(*it, base);
            if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) out.push_back(std::move(p));
        }
    }
}

}  // namespace

// A truncated or damaged JSON Feed: cut after the last complete element of an array
// directly inside the root object (the items) and close what is open. Empty when
// there is no such point.
std::string repair_json(std::string_view text) {
    std::string stack;  // open '{' / '['
    std::size_t cut = std::string_view::npos;
    std::string cut_stack;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (stack.size() > 256) break;
            stack += c;
        } else if (c == '}' || c == ']') {
            if (stack.empty() || stack.back() != (c == '}' ? '{' : '[')) break;  // damaged here
            stack.pop_back();
            if (stack == "{[") {
                cut = i + 1;
                cut_stack = stack;
            }
        }
    }
    if (cut == std::string_view::npos) return {};
    std::string out(text.substr(0, cut));
    for (auto it = cut_stack.rbegin(); it != cut_stack.rend(); ++it) out += *it == '{' ? '}' : ']';
    return out;
}

herald::Result<FeedDocument> parse_json_feed(std::string_view text, const ParseOptions& opts) {
    json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    bool repaired = false;
    if (j.is_discarded()) {
        const std::string fixed = repair_json(text);
        if (!fixed.empty()) j = json::parse(fixed, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded()) return herald::fail("parse", "invalid JSON");
        repaired = true;
    }
    if (!j.is_object()) return herald::fail("parse", "JSON document is not an object");
    const std::string version = str(j, "version");
    const auto items_it = j.find("items");
    const bool has_items = items_it != j.end() && items_it->is_array();
    if (version.find("jsonfeed.org/version/") == std::string::npos && !has_items)
        return herald::fail("parse", "JSON document is not a JSON Feed (no version, no items)");

    FeedDocument doc;
    doc.format = version.ends_with("/1.1") ? "json1.1" : "json1.0";
    doc.wellformed = !repaired && version.find("jsonfeed.org/version/") != std::string::npos;
    std::string base = opts.base_url;
    if (const std::string feed_url = str(j, "feed_url"); !feed_url.empty())
        base = resolve_url(base, feed_url);
    doc.feed.title = strip_markup(str(j, "title"));
    if (const std::string home = str(j, "home_page_url"); !home.empty())
        doc.feed.link = resolve_url(base, home);
    doc.feed.subtitle = strip_markup(str(j, "description"));
    doc.feed.language = str(j, "language");
    if (!has_items) return doc;
    for (const auto& it : *items_it) {
        if (!it.is_object()) {
            doc.wellformed = false;
            continue;
        }
        Item item;
        item.id = std::string(trim(str(it, "id")));
        if (const std::string url = str(it, "url"); !url.empty())
            item.link = resolve_url(base, url);
        else if (const std::string ext = str(it, "external_url"); !ext.empty())
            item.link = resolve_url(base, ext);
        item.title = strip_markup(str(it, "title"));
        item.summary = str(it, "summary");
        item.content = str(it, "content_html");
        if (item.content.empty()) item.content = str(it, "content_text");
        if (const std::string d = str(it, "date_published"); !d.empty())
            item.published = parse_feed_date(d);
        if (const std::string d = str(it, "date_modified"); !d.empty())
            item.updated = parse_feed_date(d);
        add_people(item.authors, it, base);
        if (const auto tags = it.find("tags"); tags != it.end() && tags->is_array()) {
            for (const auto& t : *tags)
                if (t.is_string() && !t.get<std::string>().empty())
                    item.categories.push_back(t.get<std::string>());
        }
        if (const auto att = it.find("attachments"); att != it.end() && att->is_array()) {
            for (const auto& a : *att) {
                if (!a.is_object()) continue;
                Enclosure e;
                e.url = str(a, "url");
                if (e.url.empty()) continue;
                e.url = resolve_url(base, e.url);
                e.type = str(a, "mime_type");
                if (const auto s = a.find("size_in_bytes");
                    s != a.end() && s->is_number_integer() && s->get<std::int64_t>() >= 0)
                    e.length = s->get<std::int64_t>();
                item.enclosures.push_back(std::move(e));
            }
        }
        if (const std::string img = str(it, "image"); !img.empty()) {
            Enclosure e;
            e.url = resolve_url(base, img);
            bool dup = false;
            for (const auto& x : item.enclosures) dup = dup || x.url == e.url;
            if (!dup) item.enclosures.push_back(std::move(e));
        }
        doc.items.push_back(std::move(item));
    }
    assign_ids(doc.items);
    return doc;
}

}  // namespace herald::feeds::detail

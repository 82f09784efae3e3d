// The `herald parse` JSON contract.
#include "feeds/parse/feed.hpp"

namespace herald::feeds {

namespace {

using nlohmann::json;

void put(json& o, const char* key, const std::string& v) {
    if (!v.empty()) o[key] = v;
}
void put(json& o, const char* key, const std::optional<UnixTime>& t) {
    if (t) o[key] = format_utc(*t);
}

}  // namespace

nlohmann::json to_json(const FeedDocument& doc) {
    json out = json::object();
    out["format"] = doc.format;
    out["wellformed"] = doc.wellformed;
    put(out, "encoding", doc.encoding);
    json feed = json::object();
    put(feed, "title", doc.feed.title);
    put(feed, "link", doc.feed.link);
    put(feed, "subtitle", doc.feed.subtitle);
    put(feed, "language", doc.feed.language);
    put(feed, "updated", doc.feed.updated);
    out["feed"] = std::move(feed);
    json items = json::array();
    for (const Item& it : doc.items) {
        json o = json::object();
        put(o, "id", it.id);
        put(o, "title", it.title);
        put(o, "link", it.link);
        put(o, "published", it.published);
        put(o, "updated", it.updated);
        put(o, "summary", it.summary);
        put(o, "content", it.content);
        if (!it.authors.empty()) {
            json a = json::array();
            for (const Person& p : it.authors) {
                json po = json::object();
                put(po, "name", p.name);
                put(po, "email", p.email);
                put(po, "uri", p.uri);
                a.push_back(std::move(po));
            }
            o["authors"] = std::move(a);
        }
        if (!it.categories.empty()) o["categories"] = it.categories;
        if (!it.enclosures.empty()) {
            json a = json::array();
            for (const Enclosure& e : it.enclosures) {
                json eo = json::object();
                put(eo, "url", e.url);
                put(eo, "type", e.type);
                if (e.length) eo["length"] = *e.length;
                a.push_back(std::move(eo));
            }
            o["enclosures"] = std::move(a);
        }
        items.push_back(std::move(o));
    }
    out["items"] = std::move(items);
    return out;
}

}  // namespace herald::feeds

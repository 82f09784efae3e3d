#include "kafka/records.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace herald::kafka {

namespace {

using nlohmann::json;

bool contains(const std::vector<std::string>& list, const std::string& v) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& x) { return iequals(x, v); });
}

std::string str_field(const json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void collect_countries(const json& parts, std::vector<std::string>& out) {
    if (!parts.is_array()) return;
    for (const auto& p : parts)
        if (auto c = str_field(p, "country"); !c.empty()) out.push_back(c);
}

std::vector<state::Header> ce_headers(std::string id, std::string source, std::string type,
                                      std::string time) {
    return {{"ce_specversion", "1.0"},
            {"ce_id", std::move(id)},
            {"ce_source", source.empty() ? std::string("herald") : std::move(source)},
            {"ce_type", std::move(type)},
            {"ce_time", std::move(time)},
            {"content-type", "application/json"}};
}

std::string route_of(const std::vector<RouteRule>& rules, const std::string& default_topic,
                     const std::string& category, const std::string& type,
                     const std::vector<std::string>& countries,
                     const std::vector<std::string>& feed_tags) {
    for (const auto& r : rules) {
        if (!r.categories.empty() && !contains(r.categories, category)) continue;
        if (!r.types.empty() && !contains(r.types, type)) continue;
        if (!r.countries.empty() &&
            std::none_of(countries.begin(), countries.end(),
                         [&](const std::string& c) { return contains(r.countries, c); }))
            continue;
        if (!r.tags.empty() &&
            std::none_of(feed_tags.begin(), feed_tags.end(),
                         [&](const std::string& t) { return contains(r.tags, t); }))
            continue;
        return r.topic;
    }
    return default_topic;
}

}  // namespace

std::string route(const std::vector<RouteRule>& rules, const std::string& default_topic,
                  const json& event, const std::vector<std::string>& feed_tags) {
    const std::string category = str_field(event, "category");
    const std::string type = str_field(event, "type");
    std::vector<std::string> countries;
    if (event.is_object()) {
        if (event.contains("actors")) collect_countries(event["actors"], countries);
        if (event.contains("targets")) collect_countries(event["targets"], countries);
        if (event.contains("location"))
            if (auto c = str_field(event["location"], "country"); !c.empty())
                countries.push_back(c);
    }
    return route_of(rules, default_topic, category, type, countries, feed_tags);
}

std::string route(const std::vector<RouteRule>& rules, const std::string& default_topic,
                  const processors::Event& event, const std::vector<std::string>& feed_tags) {
    if (rules.empty()) return default_topic;
    std::vector<std::string> countries;
    for (const auto* ps : {&event.actors, &event.targets})
        for (const auto& p : *ps)
            if (!p.country.empty()) countries.push_back(p.country);
    if (event.location && !event.location->country.empty())
        countries.push_back(event.location->country);
    return route_of(rules, default_topic, event.category, event.type, countries, feed_tags);
}

state::OutboxRecord event_record(const std::string& topic, const json& event,
                                 const std::string& feed_id, UnixTime now) {
    return event_record(topic, event, event.dump(-1, ' ', false, json::error_handler_t::replace),
                        feed_id, now);
}

state::OutboxRecord event_record(const std::string& topic, const json& event, std::string value,
                                 const std::string& feed_id, UnixTime now) {
    state::OutboxRecord r;
    r.topic = topic;
    r.key = str_field(event, "id");
    r.value = std::move(value);
    int revision = event.is_object() && event.contains("revision") && event["revision"].is_number()
                       ? event["revision"].get<int>()
                       : 1;
    r.headers =
        ce_headers(r.key + ":" + std::to_string(revision), feed_id,
                   "org.herald.event." + str_field(event, "type"), str_field(event, "first_seen"));
    r.created = now;
    return r;
}

state::OutboxRecord event_record(const std::string& topic, const state::EventRecord& ev,
                                 const std::string& type, const std::string& feed_id,
                                 UnixTime now) {
    state::OutboxRecord r;
    r.topic = topic;
    r.key = ev.id;
    r.value = ev.json;
    std::string id;
    id.reserve(ev.id.size() + 12);
    id += ev.id;
    id += ':';
    id += std::to_string(ev.revision);
    r.headers = ce_headers(std::move(id), feed_id, "org.herald.event." + type, ev.first_seen);
    r.created = now;
    return r;
}

json article_json(const processors::Article& a) {
    return json{{"id", a.id},
                {"feed", a.feed_id},
                {"url", a.url},
                {"title", a.title},
                {"published", a.published ? json(format_utc(*a.published)) : json(nullptr)},
                {"text", a.text}};
}

state::OutboxRecord article_record(const std::string& topic, const processors::Article& a,
                                   UnixTime now) {
    state::OutboxRecord r;
    r.topic = topic;
    r.key = a.id;
    r.value = article_json(a).dump(-1, ' ', false, json::error_handler_t::replace);
    r.headers = ce_headers(a.id, a.feed_id, "org.herald.article", format_utc(now));
    r.created = now;
    return r;
}

state::OutboxRecord dead_letter_record(const std::string& topic, const processors::Article& a,
                                       const Error& err, UnixTime now) {
    state::OutboxRecord r;
    r.topic = topic;
    r.key = a.id;
    json v = {{"article", article_json(a)},
              {"error", {{"kind", err.kind}, {"message", err.message}}},
              {"failed_at", format_utc(now)}};
    r.value = v.dump(-1, ' ', false, json::error_handler_t::replace);
    r.headers = ce_headers(a.id + ":" + std::to_string(now), a.feed_id, "org.herald.dead_letter",
                           format_utc(now));
    r.created = now;
    return r;
}

state::OutboxRecord refused_record(const std::string& topic, const state::OutboxRecord& refused,
                                   const std::string& code, const std::string& message,
                                   bool include_value, UnixTime now) {
    json headers = json::object();
    std::string source, id;
    for (const auto& [k, v] : refused.headers) {
        headers[k] = v;
        if (k == "ce_source") source = v;
        if (k == "ce_id") id = v;
    }
    json rec = {{"topic", refused.topic},
                {"key", refused.key},
                {"headers", std::move(headers)},
                {"value_bytes", refused.value.size()},
                {"value", include_value ? json(refused.value) : json(nullptr)}};
    json v = {{"record", std::move(rec)},
              {"error", {{"kind", "kafka"}, {"code", code}, {"message", message}}},
              {"failed_at", format_utc(now)}};
    state::OutboxRecord r;
    r.topic = topic;
    r.key = refused.key;
    r.value = v.dump(-1, ' ', false, json::error_handler_t::replace);
    r.headers = ce_headers((id.empty() ? refused.key : id) + ":refused", source,
                           "org.herald.dead_letter", format_utc(now));
    r.created = now;
    return r;
}

bool is_secret_property(const std::string& name) {
    const std::string n = ascii_lower(name);
    for (const char* s : {"password", "secret", "sasl.oauthbearer.config", "ssl.key.pem", "ssl_key",
                          "ssl.keystore", "token", "credential", "sasl.jaas"})
        if (n.find(s) != std::string::npos) return true;
    return false;
}

std::string redacted(const std::map<std::string, std::string>& properties) {
    std::string out;
    for (const auto& [k, v] : properties) {
        if (!out.empty()) out += ", ";
        out += k + "=" + (is_secret_property(k) ? std::string("***") : v);
    }
    return out;
}

}  // namespace herald::kafka

#include "processors/event.hpp"

#include <algorithm>

#include "common/hash.hpp"
#include "common/text.hpp"

namespace herald::processors {

using namespace std::string_view_literals;

namespace {

// A participant's identity key: persons by canonical name, everything else by
// country code when it has one (so "Washington", "the US" and "United States"
// agree), else by name.
std::string participant_key(const Participant& p) {
    if (p.kind == "person"sv || p.kind == "group"sv || p.country.empty())
        return p.kind + ':' + ascii_lower(p.name);
    return p.kind + ':' + p.country;
}

std::string join_keys(const std::vector<Participant>& ps) {
    std::vector<std::string> keys;
    keys.reserve(ps.size());
    for (const auto& p : ps) keys.push_back(participant_key(p));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::string out;
    for (const auto& k : keys) {
        if (!out.empty()) out += ',';
        out += k;
    }
    return out;
}

nlohmann::json participant_json(const Participant& p) {
    nlohmann::json j = {{"name", p.name}, {"kind", p.kind}};
    if (!p.role.empty()) j["role"] = p.role;
    if (!p.country.empty()) j["country"] = p.country;
    return j;
}

}  // namespace

std::string fingerprint(const Event& ev) {
    std::string fp = ev.type;
    fp += '|';
    fp += join_keys(ev.actors);
    fp += '|';
    // Negotiations and meetings are symmetric: who is "actor" and who is
    // "target" depends on the sentence, not on the event.
    if (ev.type == "negotiation"sv || ev.type == "meeting"sv || ev.type == "agreement"sv) {
        std::vector<Participant> all = ev.actors;
        all.insert(all.end(), ev.targets.begin(), ev.targets.end());
        fp = ev.type + "|" + join_keys(all) + "|";
    } else {
        fp += join_keys(ev.targets);
    }
    fp += '|';
    if (ev.location)
        fp += ev.location->country.empty() ? ascii_lower(ev.location->name) : ev.location->country;
    fp += '|';
    fp += ev.date.value_or("");
    return fp;
}

std::string event_id(const Event& ev) {
    return "evt_" + hex64(stable_hash64(fingerprint(ev)));
}

nlohmann::json to_contract_json(const Event& ev, const EventMeta& meta) {
    nlohmann::json j;
    j["id"] = meta.id;
    j["revision"] = meta.revision;
    j["type"] = ev.type;
    j["category"] = ev.category;
    nlohmann::json plover = {{"type", ev.plover_type}};
    if (!ev.plover_mode.empty()) plover["mode"] = ev.plover_mode;
    j["plover"] = plover;
    j["cameo"] = ev.cameo;
    j["status"] = ev.status;
    j["date"] = ev.date ? nlohmann::json(*ev.date) : nlohmann::json(nullptr);
    j["actors"] = nlohmann::json::array();
    for (const auto& p : ev.actors) j["actors"].push_back(participant_json(p));
    j["targets"] = nlohmann::json::array();
    for (const auto& p : ev.targets) j["targets"].push_back(participant_json(p));
    if (ev.location) {
        nlohmann::json loc = {{"name", ev.location->name}};
        if (!ev.location->country.empty()) loc["country"] = ev.location->country;
        j["location"] = loc;
    } else {
        j["location"] = nullptr;
    }
    j["attributes"] = ev.attributes.is_object() ? ev.attributes : nlohmann::json::object();
    j["evidence"] = nlohmann::json::array();
    for (const auto& e : ev.evidence) {
        nlohmann::json ej = {{"article_id", e.article_id},
                             {"sentence", e.sentence},
                             {"start", e.start},
                             {"end", e.end}};
        if (!e.url.empty()) ej["url"] = e.url;
        j["evidence"].push_back(ej);
    }
    j["sources"] = meta.sources;
    j["first_seen"] = meta.first_seen;
    j["updated"] = meta.updated;
    return j;
}

}  // namespace herald::processors

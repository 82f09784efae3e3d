// The event model shared by the processors (which produce events), the state
// store (which merges them across articles) and the Kafka sink (which publishes
// them). Its JSON form is the public contract: docs/event-contract.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/time.hpp"

namespace herald::processors {

// One article handed to the pipeline: plain text (markup already removed).
struct Article {
    std::string id;       // "art_<hex>": stable per (feed, item id)
    std::string feed_id;  // config id of the feed ("" for `herald extract`)
    std::string url;
    std::string title;
    std::string text;
    std::optional<UnixTime> published;
    std::vector<std::string> tags;  // the feed's tags (routing may use them)
};

struct Participant {
    std::string name;
    std::string kind;     // "person" | "country" | "organisation" | "group"
    std::string role;     // as written ("Secretary of State"); may be empty
    std::string country;  // ISO 3166-1 alpha-3; may be empty (UN, EU)

    bool operator==(const Participant&) const = default;
};

struct Place {
    std::string name;
    std::string country;

    bool operator==(const Place&) const = default;
};

struct Evidence {
    std::string article_id;
    std::string url;
    std::string sentence;
    std::size_t start = 0;  // byte offsets of `sentence` in Article::text
    std::size_t end = 0;
};

struct Event {
    std::string type;      // visit, meeting, negotiation, statement, appeal, proposal,
                           // agreement, rejection, aid, attack
    std::string category;  // diplomacy | conflict
    std::string plover_type;
    std::string plover_mode;  // may be empty
    std::string cameo;
    std::string status;               // occurred | planned | ongoing
    std::optional<std::string> date;  // YYYY-MM-DD
    std::vector<Participant> actors;
    std::vector<Participant> targets;
    std::optional<Place> location;
    nlohmann::json attributes = nlohmann::json::object();
    std::vector<Evidence> evidence;
    bool in_region = true;      // passes the Middle East filter
    std::size_t paragraph = 0;  // paragraph index of the first evidence sentence
};

// Bookkeeping added when an event is published (the state store owns it).
struct EventMeta {
    std::string id;
    int revision = 1;
    int sources = 1;
    std::string first_seen;  // YYYY-MM-DDTHH:MM:SSZ
    std::string updated;
};

// Identity of the real-world event across articles: type, principal
// participants, location and date, folded so that name variants agree
// ("Blinken" / "Antony Blinken", "US" / "United States" resolve upstream to one
// canonical name or country code).
std::string fingerprint(const Event& ev);

// "evt_" + 16 hex digits of the fingerprint hash.
std::string event_id(const Event& ev);

// The contract JSON object (docs/event-contract.md).
nlohmann::json to_contract_json(const Event& ev, const EventMeta& meta);

}  // namespace herald::processors

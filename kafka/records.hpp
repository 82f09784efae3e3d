// What herald writes to Kafka: topic routing and the records (key, value,
// CloudEvents headers) for events, articles and dead letters. Pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "common/time.hpp"
#include "processors/event.hpp"
#include "state/store.hpp"

namespace herald::kafka {

// A rule matches when every non-empty list has a match (lists are ORs):
// `categories`/`types` against the event's category/type, `countries`
// against any actor, target or location country, `tags` against the feed's
// tags. A rule with all lists empty matches everything.
struct RouteRule {
    std::vector<std::string> categories, types, countries, tags;
    std::string topic;
};

// First matching rule's topic, else `default_topic`.
std::string route(const std::vector<RouteRule>& rules, const std::string& default_topic,
                  const nlohmann::json& event, const std::vector<std::string>& feed_tags);

// The same decision from the event's own fields (no JSON tree); equal to the
// above for the contract JSON of `event`.
std::string route(const std::vector<RouteRule>& rules, const std::string& default_topic,
                  const processors::Event& event, const std::vector<std::string>& feed_tags);

// key = event id, value = contract JSON, headers per the contract:
// ce_specversion=1.0, ce_id=<id>:<revision>, ce_source=<feed id>,
// ce_type=org.herald.event.<type>, ce_time=<first_seen>, content-type.
state::OutboxRecord event_record(const std::string& topic, const nlohmann::json& event,
                                 const std::string& feed_id, UnixTime now);
// Same, with `event` already serialised as `value`.
state::OutboxRecord event_record(const std::string& topic, const nlohmann::json& event,
                                 std::string value, const std::string& feed_id, UnixTime now);

// Same, from the stored state: value = ev.json, `type` = the event type.
state::OutboxRecord event_record(const std::string& topic, const state::EventRecord& ev,
                                 const std::string& type, const std::string& feed_id, UnixTime now);

// The normalised article: {id, feed, url, title, published, text}; key = article id.
nlohmann::json article_json(const processors::Article& a);
state::OutboxRecord article_record(const std::string& topic, const processors::Article& a,
                                   UnixTime now);

// {article: {...}, error: {kind, message}, failed_at}; key = article id.
state::OutboxRecord dead_letter_record(const std::string& topic, const processors::Article& a,
                                       const Error& err, UnixTime now);

// A record the broker (or librdkafka) refused for good, for the dead-letter
// topic: {record: {topic, key, headers, value_bytes, value}, error: {kind:
// "kafka", code, message}, failed_at}; key = the record's key. `value` is the
// original value as a JSON string, null when `include_value` is false (size
// errors: the copy would be refused too).
state::OutboxRecord refused_record(const std::string& topic, const state::OutboxRecord& refused,
                                   const std::string& code, const std::string& message,
                                   bool include_value, UnixTime now);

// Property names whose values are secrets (passwords, keys, tokens).
bool is_secret_property(const std::string& name);
// "k=v, k2=***" with secrets masked, for logs.
std::string redacted(const std::map<std::string, std::string>& properties);

}  // namespace herald::kafka

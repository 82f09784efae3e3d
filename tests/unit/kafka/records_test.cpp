#include "kafka/records.hpp"

#include <gtest/gtest.h>

namespace herald::kafka {
namespace {

using nlohmann::json;

json event_json(const std::string& category, const std::string& type,
                const std::string& actor_country, const std::string& loc_country) {
    json j = {{"id", "evt_0123456789abcdef"},
              {"revision", 3},
              {"type", type},
              {"category", category},
              {"first_seen", "2024-09-18T10:02:11Z"},
              {"actors", json::array()},
              {"targets", json::array()}};
    if (!actor_country.empty())
        j["actors"].push_back({{"name", "x"}, {"kind", "country"}, {"country", actor_country}});
    j["location"] =
        loc_country.empty() ? json(nullptr) : json{{"name", "somewhere"}, {"country", loc_country}};
    return j;
}

std::vector<RouteRule> rules() {
    RouteRule conflict;
    conflict.categories = {"conflict"};
    conflict.topic = "conflict";
    RouteRule gulf_aid;
    gulf_aid.types = {"aid"};
    gulf_aid.countries = {"QAT", "ARE"};
    gulf_aid.topic = "gulf-aid";
    RouteRule tagged;
    tagged.tags = {"wire"};
    tagged.topic = "wire";
    return {conflict, gulf_aid, tagged};
}

TEST(KafkaRoute, FirstMatchWinsElseDefault) {
    auto r = rules();
    EXPECT_EQ(route(r, "events", event_json("conflict", "attack", "ISR", ""), {"wire"}),
              "conflict");
    EXPECT_EQ(route(r, "events", event_json("diplomacy", "aid", "", "QAT"), {"wire"}), "gulf-aid");
    EXPECT_EQ(route(r, "events", event_json("diplomacy", "aid", "ARE", ""), {}), "gulf-aid");
    // aid, but not to/from the listed countries: next rule (tag), then default.
    EXPECT_EQ(route(r, "events", event_json("diplomacy", "aid", "USA", "EGY"), {"wire"}), "wire");
    EXPECT_EQ(route(r, "events", event_json("diplomacy", "aid", "USA", "EGY"), {"news"}), "events");
    EXPECT_EQ(route({}, "events", event_json("conflict", "attack", "", ""), {}), "events");
}

TEST(KafkaRoute, TargetCountriesCount) {
    auto ev = event_json("diplomacy", "aid", "USA", "");
    ev["targets"].push_back({{"name", "Qatar"}, {"kind", "country"}, {"country", "QAT"}});
    EXPECT_EQ(route(rules(), "events", ev, {}), "gulf-aid");
}

std::string header(const state::OutboxRecord& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "<missing>";
}

TEST(KafkaRecords, EventRecordFollowsTheContract) {
    auto ev = event_json("diplomacy", "visit", "USA", "EGY");
    auto r = event_record("events", ev, "reuters-world", 1726653731);
    EXPECT_EQ(r.topic, "events");
    EXPECT_EQ(r.key, "evt_0123456789abcdef");
    EXPECT_EQ(json::parse(r.value), ev);
    EXPECT_EQ(header(r, "ce_specversion"), "1.0");
    EXPECT_EQ(header(r, "ce_id"), "evt_0123456789abcdef:3");
    EXPECT_EQ(header(r, "ce_source"), "reuters-world");
    EXPECT_EQ(header(r, "ce_type"), "org.herald.event.visit");
    EXPECT_EQ(header(r, "ce_time"), "2024-09-18T10:02:11Z");
    EXPECT_EQ(header(r, "content-type"), "application/json");
    EXPECT_EQ(r.headers.size(), 6u);
    EXPECT_EQ(r.created, 1726653731);
    // `herald extract` articles have no feed: the source is still non-empty.
    EXPECT_EQ(header(event_record("events", ev, "", 0), "ce_source"), "herald");
}

TEST(KafkaRecords, ArticleAndDeadLetter) {
    processors::Article a;
    a.id = "art_1";
    a.feed_id = "f";
    a.url = "https://example.org/1";
    a.title = "Title";
    a.text = "Body \xff bad byte";
    a.published = 1726653600;
    auto r = article_record("articles", a, 1726653700);
    EXPECT_EQ(r.key, "art_1");
    auto v = json::parse(r.value);
    EXPECT_EQ(v["id"], "art_1");
    EXPECT_EQ(v["feed"], "f");
    EXPECT_EQ(v["published"], "2024-09-18T10:00:00Z");
    EXPECT_EQ(v["title"], "Title");
    EXPECT_TRUE(v["text"].is_string());  // invalid UTF-8 replaced, not thrown
    EXPECT_EQ(header(r, "ce_type"), "org.herald.article");

    a.published.reset();
    auto d = dead_letter_record("dlq", a, Error{"parse", "no sentences"}, 1726653700);
    auto dv = json::parse(d.value);
    EXPECT_EQ(d.topic, "dlq");
    EXPECT_EQ(d.key, "art_1");
    EXPECT_EQ(dv["error"]["kind"], "parse");
    EXPECT_EQ(dv["error"]["message"], "no sentences");
    EXPECT_TRUE(dv["article"]["published"].is_null());
    EXPECT_EQ(dv["failed_at"], "2024-09-18T10:01:40Z");
}

// The publish path routes and builds records from the event's fields and the
// stored state (no JSON tree): same topics, keys, values and headers.
TEST(KafkaRecords, FieldBasedRoutingAndRecordsEqualTheJsonBased) {
    auto r = rules();
    for (const char* category : {"diplomacy", "conflict"})
        for (const char* type : {"aid", "visit"})
            for (const char* actor : {"", "QAT", "USA"})
                for (const char* target : {"", "ARE"})
                    for (const char* loc : {"", "QAT", "EGY"})
                        for (const std::vector<std::string>& tags :
                             {std::vector<std::string>{}, std::vector<std::string>{"wire"}}) {
                            processors::Event ev;
                            ev.category = category;
                            ev.type = type;
                            ev.actors = {{"A", "country", "", actor}};
                            ev.targets = {{"T", "country", "", target}};
                            if (*loc != 0) ev.location = processors::Place{"L", loc};
                            processors::EventMeta meta{"evt_1", 2, 1, "2024-09-18T10:02:11Z",
                                                       "2024-09-18T11:00:00Z"};
                            const json j = processors::to_contract_json(ev, meta);
                            EXPECT_EQ(route(r, "events", ev, tags), route(r, "events", j, tags))
                                << j.dump();
                        }

    const json j = event_json("diplomacy", "visit", "EGY", "");
    state::EventRecord stored;
    stored.id = j["id"];
    stored.revision = j["revision"];
    stored.first_seen = j["first_seen"];
    stored.json = j.dump();
    auto a = event_record("events", j, stored.json, "feed-1", 1726653731);
    auto b = event_record("events", stored, "visit", "feed-1", 1726653731);
    EXPECT_EQ(a.topic, b.topic);
    EXPECT_EQ(a.key, b.key);
    EXPECT_EQ(a.value, b.value);
    EXPECT_EQ(a.headers, b.headers);
    EXPECT_EQ(a.created, b.created);
}

TEST(KafkaRecords, RefusedRecordForTheDeadLetterTopic) {
    state::OutboxRecord orig;
    orig.topic = "events";
    orig.key = "evt_1";
    orig.value = "{\"id\":\"evt_1\",\"note\":\"\\u00e9 \\\"q\\\"\"}";
    orig.headers = {{"ce_id", "evt_1:4"}, {"ce_source", "feed-1"}, {"ce_type", "x"}};
    auto r = refused_record("dlq", orig, "INVALID_RECORD", "refused by the broker: bad", true,
                            1726653731);
    EXPECT_EQ(r.topic, "dlq");
    EXPECT_EQ(r.key, "evt_1");
    EXPECT_EQ(header(r, "ce_type"), "org.herald.dead_letter");
    EXPECT_EQ(header(r, "ce_id"), "evt_1:4:refused");
    EXPECT_EQ(header(r, "ce_source"), "feed-1");
    EXPECT_EQ(header(r, "ce_time"), "2024-09-18T10:02:11Z");
    const json v = json::parse(r.value);
    EXPECT_EQ(v["record"]["topic"], "events");
    EXPECT_EQ(v["record"]["key"], "evt_1");
    EXPECT_EQ(v["record"]["headers"]["ce_id"], "evt_1:4");
    EXPECT_EQ(v["record"]["value"], orig.value);
    EXPECT_EQ(v["record"]["value_bytes"], orig.value.size());
    EXPECT_EQ(v["error"]["kind"], "kafka");
    EXPECT_EQ(v["error"]["code"], "INVALID_RECORD");
    EXPECT_EQ(v["error"]["message"], "refused by the broker: bad");
    EXPECT_EQ(v["failed_at"], "2024-09-18T10:02:11Z");
    // Size errors: no copy of the value (it would be refused as well).
    auto small = refused_record("dlq", orig, "MSG_SIZE_TOO_LARGE", "too large", false, 1);
    EXPECT_TRUE(json::parse(small.value)["record"]["value"].is_null());
    EXPECT_LT(small.value.size(), 400u);
}

TEST(KafkaRedact, SecretsNeverAppear) {
    std::map<std::string, std::string> p = {{"security.protocol", "SASL_SSL"},
                                            {"sasl.username", "herald"},
                                            {"sasl.password", "hunter2"},
                                            {"ssl.key.password", "k3y"},
                                            {"sasl.oauthbearer.client.secret", "s3cret"},
                                            {"ssl.key.pem", "-----BEGIN"}};
    auto s = redacted(p);
    EXPECT_NE(s.find("security.protocol=SASL_SSL"), std::string::npos);
    EXPECT_NE(s.find("sasl.username=herald"), std::string::npos);
    for (const char* secret : {"hunter2", "k3y", "s3cret", "BEGIN"})
        EXPECT_EQ(s.find(secret), std::string::npos) << secret << " leaked in: " << s;
    EXPECT_NE(s.find("sasl.password=***"), std::string::npos);
}

}  // namespace
}  // namespace herald::kafka

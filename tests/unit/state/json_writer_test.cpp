// The direct JSON writer must produce exactly nlohmann's compact dump (with
// the replace error handler): same bytes for the contract JSON of any event,
// so the record values published to Kafka did not change.
#include "state/json_writer.hpp"

#include <gtest/gtest.h>

#include <random>

#include "state/merge.hpp"

namespace herald::state {
namespace {

using nlohmann::json;

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Strings that exercise every escaping rule: quotes, backslashes, all
// control characters, DEL, '/', multi-byte UTF-8, and ill-formed UTF-8
// (truncated, overlong, surrogates, stray continuation bytes, > U+10FFFF).
const std::vector<std::string>& tricky() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out = {
            "",
            "plain",
            "Antony Blinken",
            "He said \"no\" \\ twice",
            "a/b",
            "tab\there\nnew\rline\fform\bback",
            std::string("nul\0inside", 10),
            "\x01\x02\x1f\x7f",
            "Caf\xc3\xa9 \xe2\x80\x94 \xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9",
            "emoji \xf0\x9f\x98\x80 end",
            "\xef\xbb\xbf BOM and \xef\xbf\xbf",
            "truncated \xc3",
            "truncated3 \xe2\x80",
            "overlong \xc0\xaf",
            "overlong3 \xe0\x80\xaf",
            "surrogate \xed\xa0\x80",
            "stray \x80\x80 bytes",
            "too big \xf4\x90\x80\x80",
            "\xf5\x80\x80\x80",
            "\xff\xfe",
            "mixed \xc3\xa9\xc3 \"q\" \x01",
        };
        for (int c = 0; c < 256; ++c) out.push_back(std::string(1, static_cast<char>(c)));
        return out;
    }();
    return v;
}

std::string random_string(std::mt19937& rng) {
    const auto& pool = tricky();
    std::string s;
    const int parts = static_cast<int>(rng() % 4);
    for (int i = 0; i < parts; ++i) s += pool[rng() % pool.size()];
    if (rng() % 3 == 0)  // raw random bytes
        for (auto n = rng() % 12; n > 0; --n) s += static_cast<char>(rng() % 256);
    return s;
}

json random_value(std::mt19937& rng, int depth) {
    switch (rng() % (depth > 2 ? 6 : 8)) {
        case 0:
            return json(random_string(rng));
        case 1:
            return json(static_cast<std::int64_t>(rng()) - (1LL << 31));
        case 2:
            return json(static_cast<std::uint64_t>(rng()) << 20);
        case 3:
            return json(rng() % 2 == 0);
        case 4:
            return json(nullptr);
        case 5:
            return json(static_cast<double>(rng() % 100000) / 7.0);
        case 6: {
            json a = json::array();
            for (auto n = rng() % 4; n > 0; --n) a.push_back(random_value(rng, depth + 1));
            return a;
        }
        default: {
            json o = json::object();
            for (auto n = rng() % 4; n > 0; --n)
                o[random_string(rng)] = random_value(rng, depth + 1);
            return o;
        }
    }
}

processors::Participant random_participant(std::mt19937& rng) {
    processors::Participant p;
    p.name = random_string(rng);
    p.kind = rng() % 2 == 0 ? "person" : random_string(rng);
    if (rng() % 2 == 0) p.role = random_string(rng);
    if (rng() % 2 == 0) p.country = rng() % 2 == 0 ? "EGY" : random_string(rng);
    return p;
}

processors::Event random_event(std::mt19937& rng) {
    processors::Event e;
    e.type = rng() % 2 == 0 ? "meeting" : random_string(rng);
    e.category = random_string(rng);
    e.plover_type = random_string(rng);
    if (rng() % 2 == 0) e.plover_mode = random_string(rng);
    e.cameo = random_string(rng);
    e.status = random_string(rng);
    if (rng() % 2 == 0) e.date = random_string(rng);
    for (auto n = rng() % 3; n > 0; --n) e.actors.push_back(random_participant(rng));
    for (auto n = rng() % 3; n > 0; --n) e.targets.push_back(random_participant(rng));
    if (rng() % 2 == 0) {
        e.location = processors::Place{random_string(rng), ""};
        if (rng() % 2 == 0) e.location->country = random_string(rng);
    }
    switch (rng() % 3) {
        case 0:
            e.attributes = json::object();
            break;
        case 1:
            e.attributes = random_value(rng, 1);
            break;  // may be a non-object
        default: {
            e.attributes = json::object();
            for (auto n = rng() % 5; n > 0; --n)
                e.attributes[random_string(rng)] = random_value(rng, 1);
        }
    }
    for (auto n = rng() % 3; n > 0; --n) {
        processors::Evidence ev;
        ev.article_id = random_string(rng);
        if (rng() % 2 == 0) ev.url = random_string(rng);
        ev.sentence = random_string(rng);
        ev.start = rng() % 100000;
        ev.end = ev.start + rng() % 1000;
        e.evidence.push_back(ev);
    }
    return e;
}

TEST(StateJsonWriter, StringsMatchNlohmann) {
    for (const auto& s : tricky()) {
        std::string out = "prefix";
        append_json_string(out, s);
        EXPECT_EQ(out, "prefix" + dump(json(s)))
            << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
    }
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const std::string s = random_string(rng);
        std::string out;
        append_json_string(out, s);
        ASSERT_EQ(out, dump(json(s))) << "case " << i;
    }
}

TEST(StateJsonWriter, ValuesMatchNlohmann) {
    std::mt19937 rng(11);
    for (int i = 0; i < 5000; ++i) {
        const json v = random_value(rng, 0);
        std::string out;
        append_json(out, v);
        ASSERT_EQ(out, dump(v)) << "case " << i;
    }
}

TEST(StateJsonWriter, ContractJsonMatchesNlohmann) {
    std::mt19937 rng(3);
    for (int i = 0; i < 5000; ++i) {
        const auto ev = random_event(rng);
        processors::EventMeta meta{"evt_" + std::to_string(i), static_cast<int>(rng() % 9) + 1,
                                   static_cast<int>(rng() % 50) + 1, random_string(rng),
                                   random_string(rng)};
        std::string out;
        append_contract_json(out, ev, meta);
        ASSERT_EQ(out, dump(processors::to_contract_json(ev, meta))) << "case " << i;
    }
}

TEST(StateJsonWriter, RealisticEventMatchesNlohmann) {
    processors::Event e;
    e.type = "meeting";
    e.category = "diplomacy";
    e.plover_type = "CONSULT";
    e.plover_mode = "meet";
    e.cameo = "040";
    e.status = "occurred";
    e.date = "2024-09-18";
    e.actors = {{"Ayman Safadi", "person", "Foreign Minister", "JOR"},
                {"Mohammed bin Abdulrahman Al Thani", "person", "", "QAT"}};
    e.targets = {{"United Nations", "organisation", "", ""}};
    e.location = processors::Place{"Doha", "QAT"};
    e.attributes = {{"topics", {"ceasefire", "hostages"}}, {"ordinal", 10}, {"note", "\"x\""}};
    e.evidence = {{"art_1", "https://example.org/a?b=1&c=\"2\"",
                   "Safadi met Al Thani in Doha \xe2\x80\x94 \"a step\".\n", 12, 70}};
    processors::EventMeta meta{"evt_0123456789abcdef", 3, 2, "2024-09-18T10:00:00Z",
                               "2024-09-18T11:00:00Z"};
    std::string out;
    append_contract_json(out, e, meta);
    EXPECT_EQ(out, dump(processors::to_contract_json(e, meta)));
    // And the merge writes the same for a new event, with or without the tree.
    processors::Article a;
    a.id = "art_1";
    for (bool tree : {true, false}) {
        auto m = merge_event(std::nullopt, e, a, 1726653600, nullptr, tree);
        EXPECT_EQ(m.record.json, dump(json::parse(m.record.json)));
        EXPECT_EQ(tree, !m.value.is_null());
        if (tree) {
            EXPECT_EQ(m.record.json, dump(m.value));
        }
    }
}

}  // namespace
}  // namespace herald::state

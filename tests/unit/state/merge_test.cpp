#include "state/merge.hpp"

#include <gtest/gtest.h>

namespace herald::state {
namespace {

using processors::Article;
using processors::Event;

Event visit() {
    Event e;
    e.type = "visit";
    e.category = "diplomacy";
    e.plover_type = "CONSULT";
    e.plover_mode = "visit";
    e.cameo = "042";
    e.status = "occurred";
    e.date = "2024-09-18";
    e.actors = {{"Antony Blinken", "person", "", "USA"}};
    e.targets = {{"Egypt", "country", "", "EGY"}};
    return e;
}

Article article(const std::string& id, const std::string& feed) {
    Article a;
    a.id = id;
    a.feed_id = feed;
    a.url = "https://example.org/" + id;
    return a;
}

processors::Evidence evidence(const std::string& art, const std::string& sentence) {
    return {art, "https://example.org/" + art, sentence, 0, sentence.size()};
}

TEST(StateMerge, NewEventIsRevisionOne) {
    auto ev = visit();
    ev.evidence = {evidence("art_1", "Blinken arrived in Cairo.")};
    auto m = merge_event(std::nullopt, ev, article("art_1", "f1"), 1726653600);
    ASSERT_TRUE(m.changed);
    EXPECT_EQ(m.record.id, processors::event_id(ev));
    EXPECT_EQ(m.record.fingerprint, processors::fingerprint(ev));
    EXPECT_EQ(m.record.revision, 1);
    EXPECT_EQ(m.record.sources, 1);
    EXPECT_EQ(m.record.first_seen, "2024-09-18T10:00:00Z");
    EXPECT_EQ(m.value["revision"], 1);
    EXPECT_EQ(m.value["sources"], 1);
    EXPECT_EQ(m.value["id"], m.record.id);
    EXPECT_EQ(nlohmann::json::parse(m.record.json), m.value);
    // With the fingerprint passed in, the same id.
    auto fp = processors::fingerprint(ev);
    auto m2 = merge_event(std::nullopt, ev, article("art_1", "f1"), 1726653600, &fp);
    EXPECT_EQ(m2.record.id, processors::event_id(ev));
    EXPECT_EQ(m2.record.json, m.record.json);
}

TEST(StateMerge, SameArticleAgainChangesNothing) {
    auto ev = visit();
    ev.evidence = {evidence("art_1", "Blinken arrived in Cairo.")};
    auto first = merge_event(std::nullopt, ev, article("art_1", "f1"), 1000);
    auto again = merge_event(first.record, ev, article("art_1", "f1"), 2000);
    EXPECT_FALSE(again.changed);
    EXPECT_EQ(again.record.revision, 1);
    EXPECT_EQ(again.record.updated, first.record.updated);
}

TEST(StateMerge, SecondArticleBumpsSourcesAndFillsGaps) {
    auto ev = visit();
    ev.evidence = {evidence("art_1", "Blinken arrived in Cairo.")};
    auto first = merge_event(std::nullopt, ev, article("art_1", "f1"), 1726653600);

    auto ev2 = visit();
    ev2.actors[0].role = "Secretary of State";
    ev2.location = processors::Place{"Cairo", "EGY"};
    ev2.attributes = {{"ordinal", 10}, {"topics", {"ceasefire"}}};
    ev2.evidence = {evidence("art_2", "US Secretary of State Antony Blinken landed in Cairo.")};
    // location is part of the fingerprint; the stored one has none, so the
    // caller matched on the id. Merge trusts the caller's pairing.
    auto m = merge_event(first.record, ev2, article("art_2", "f2"), 1726657200);
    ASSERT_TRUE(m.changed);
    EXPECT_EQ(m.record.id, first.record.id);
    EXPECT_EQ(m.record.revision, 2);
    EXPECT_EQ(m.record.sources, 2);
    EXPECT_EQ(m.record.first_seen, "2024-09-18T10:00:00Z");
    EXPECT_EQ(m.record.updated, "2024-09-18T11:00:00Z");
    EXPECT_EQ(m.value["evidence"].size(), 2u);
    EXPECT_EQ(m.value["evidence"][1]["article_id"], "art_2");
    EXPECT_EQ(m.value["location"]["name"], "Cairo");
    EXPECT_EQ(m.value["actors"][0]["role"], "Secretary of State");
    EXPECT_EQ(m.value["attributes"]["ordinal"], 10);
    EXPECT_EQ(m.value["sources"], 2);
    EXPECT_EQ(m.value["revision"], 2);
    EXPECT_EQ(m.record.articles, (std::vector<std::string>{"art_1", "art_2"}));

    // A third report with more topics appends them; the same third report again is a no-op.
    auto ev3 = ev2;
    ev3.attributes = {{"topics", {"ceasefire", "hostages"}}};
    ev3.evidence = {evidence("art_3", "Talks on hostages.")};
    auto m3 = merge_event(m.record, ev3, article("art_3", "f1"), 1726660800);
    ASSERT_TRUE(m3.changed);
    EXPECT_EQ(m3.record.revision, 3);
    EXPECT_EQ(m3.value["attributes"]["topics"], (nlohmann::json{"ceasefire", "hostages"}));
    EXPECT_EQ(m3.value["attributes"]["ordinal"], 10);
    EXPECT_FALSE(merge_event(m3.record, ev3, article("art_3", "f1"), 1726664400).changed);
}

TEST(StateMerge, EditedArticleWithNewEvidenceIsANewRevisionSameSources) {
    auto ev = visit();
    ev.evidence = {evidence("art_1", "Blinken arrived in Cairo.")};
    auto first = merge_event(std::nullopt, ev, article("art_1", "f1"), 1000);
    ev.evidence = {evidence("art_1", "Blinken arrived in Cairo on Wednesday.")};
    auto m = merge_event(first.record, ev, article("art_1", "f1"), 2000);
    ASSERT_TRUE(m.changed);
    EXPECT_EQ(m.record.revision, 2);
    EXPECT_EQ(m.record.sources, 1);
}

TEST(StateMerge, PlannedBecomesOccurred) {
    auto ev = visit();
    ev.status = "planned";
    auto first = merge_event(std::nullopt, ev, article("art_1", "f1"), 1000);
    ev.status = "occurred";
    auto m = merge_event(first.record, ev, article("art_1", "f1"), 2000);
    ASSERT_TRUE(m.changed);
    EXPECT_EQ(m.value["status"], "occurred");
    // ...but never back.
    ev.status = "planned";
    EXPECT_FALSE(merge_event(m.record, ev, article("art_1", "f1"), 3000).changed);
}

}  // namespace
}  // namespace herald::state

// EventSink against a real Kafka-protocol broker (librdkafka mock cluster),
// read back with a real consumer.
#include <gtest/gtest.h>

#include "kafka/sink.hpp"
#include "tests/integration/kafka/harness.hpp"

namespace herald::kafka {
namespace {

using namespace herald::kafka::testing;
using processors::Event;

constexpr UnixTime kNow = 1726653731;  // 2024-09-18T10:02:11Z

class KafkaPublish : public ::testing::Test {
  protected:
    void SetUp() override {
        cluster_.create_topic("events", 3);
        cluster_.create_topic("conflict", 1);
        cluster_.create_topic("articles", 1);
        cluster_.create_topic("dlq", 1);
        auto s = state::Store::open(dir_.path() + "/state");
        ASSERT_TRUE(s) << s.error().str();
        store_ = std::move(*s);
    }

    SinkConfig config() const {
        SinkConfig c;
        c.brokers = cluster_.bootstraps();
        c.default_topic = "events";
        c.articles_topic = "articles";
        c.dead_letter_topic = "dlq";
        RouteRule r;
        r.categories = {"conflict"};
        r.topic = "conflict";
        c.routes = {r};
        c.flush_timeout = std::chrono::milliseconds(2000);
        return c;
    }

    std::unique_ptr<EventSink> open_sink(SinkConfig c) {
        auto s = EventSink::open(c, *store_);
        EXPECT_TRUE(s) << s.error().str();
        return s ? std::move(*s) : nullptr;
    }

    void flush_all(EventSink& sink) {
        auto left = sink.flush(std::chrono::seconds(30));
        ASSERT_TRUE(left) << left.error().str();
        ASSERT_EQ(*left, 0u);
        ASSERT_EQ(*store_->outbox_count(), 0u) << "acked records must leave the outbox";
    }

    std::vector<Message> read(const std::map<std::string, int>& topics) {
        return read_all(cluster_.bootstraps(), topics);
    }

    MockCluster cluster_;
    TempDir dir_;
    std::unique_ptr<state::Store> store_;
};

std::map<std::string, std::vector<int>> revisions_by_key(const std::vector<Message>& ms) {
    std::map<std::string, std::vector<int>> out;
    for (const auto& m : ms) out[m.key].push_back(m.revision());
    return out;
}

TEST_F(KafkaPublish, UnchangedEditedAndCorroboratedArticles) {
    auto sink = open_sink(config());
    ASSERT_TRUE(sink);
    auto a1 = article("art_1", "feed-a");
    std::vector<Event> v1 = {visit("Person One", "EGY", "art_1"),
                             visit("Person Two", "QAT", "art_1")};
    ItemRef item{"feed-a", "item-1"};

    // The daemon's flow: observe the item, extract what changed, publish.
    auto change = store_->observe_item("feed-a", "item-1", 111, {1, 2}, kNow);
    ASSERT_TRUE(change);
    ASSERT_EQ(change->kind, state::ItemChange::Kind::added);
    auto st = sink->publish_article(a1, v1, kNow, &item);
    ASSERT_TRUE(st) << st.error().str();
    EXPECT_EQ(st->published, 2u);

    // Polled again, unchanged: the item says so, and even a re-extraction
    // publishes nothing.
    change = store_->observe_item("feed-a", "item-1", 111, {1, 2}, kNow + 60);
    ASSERT_TRUE(change);
    EXPECT_EQ(change->kind, state::ItemChange::Kind::unchanged);
    st = sink->publish_article(a1, v1, kNow + 60, &item);
    ASSERT_TRUE(st);
    EXPECT_EQ(st->published, 0u);
    EXPECT_EQ(st->unchanged, 2u);
    EXPECT_EQ(st->records, 0u);

    // Edited: one new paragraph with a new event; old events unchanged.
    change = store_->observe_item("feed-a", "item-1", 112, {1, 2, 3}, kNow + 120);
    ASSERT_TRUE(change);
    EXPECT_EQ(change->kind, state::ItemChange::Kind::changed);
    EXPECT_EQ(change->changed_paragraphs, (std::vector<bool>{false, false, true}));
    a1.text += " edited";
    auto v1b = v1;
    v1b.push_back(visit("Person Three", "JOR", "art_1"));
    st = sink->publish_article(a1, v1b, kNow + 120, &item);
    ASSERT_TRUE(st);
    EXPECT_EQ(st->published, 1u);
    EXPECT_EQ(st->unchanged, 2u);

    // Another feed reports Person One's visit: revision 2, sources 2, same key.
    auto a2 = article("art_2", "feed-b");
    st = sink->publish_article(a2, {visit("Person One", "EGY", "art_2")}, kNow + 3600);
    ASSERT_TRUE(st);
    EXPECT_EQ(st->published, 1u);
    flush_all(*sink);

    auto msgs = read({{"events", 3}, {"articles", 1}});
    std::vector<Message> events, articles;
    for (auto& m : msgs) (m.topic == "events" ? events : articles).push_back(m);
    ASSERT_EQ(events.size(), 4u);
    auto by_key = revisions_by_key(events);
    const auto one = processors::event_id(visit("Person One"));
    EXPECT_EQ(by_key[one], (std::vector<int>{1, 2}));
    EXPECT_EQ(by_key[processors::event_id(visit("Person Two", "QAT"))], (std::vector<int>{1}));
    EXPECT_EQ(by_key[processors::event_id(visit("Person Three", "JOR"))], (std::vector<int>{1}));
    for (const auto& m : events) {
        auto j = m.json();
        EXPECT_EQ(j["id"], m.key);
        EXPECT_EQ(m.headers.at("ce_specversion"), "1.0");
        EXPECT_EQ(m.headers.at("ce_id"), m.key + ":" + std::to_string(m.revision()));
        EXPECT_EQ(m.headers.at("ce_type"), "org.herald.event.visit");
        EXPECT_EQ(m.headers.at("ce_time"), j["first_seen"]);
        EXPECT_EQ(m.headers.at("content-type"), "application/json");
        if (m.key == one && m.revision() == 2) {
            EXPECT_EQ(j["sources"], 2);
            EXPECT_EQ(j["evidence"].size(), 2u);
            EXPECT_EQ(j["first_seen"], "2024-09-18T10:02:11Z");
            EXPECT_EQ(j["updated"], "2024-09-18T11:02:11Z");
            EXPECT_EQ(m.headers.at("ce_source"), "feed-b");
        } else {
            EXPECT_EQ(j["sources"], 1);
            EXPECT_EQ(m.headers.at("ce_source"), "feed-a");
        }
    }
    // Articles: art_1, its edit, art_2; the unchanged repeat is not re-sent.
    ASSERT_EQ(articles.size(), 3u);
    EXPECT_EQ(articles[0].key, "art_1");
    EXPECT_EQ(articles[1].json()["text"], "text of art_1 edited");
    EXPECT_EQ(articles[2].key, "art_2");
    auto c = sink->counters();
    EXPECT_EQ(c.acked, 7u);
    EXPECT_EQ(c.produced, 7u);
    EXPECT_EQ(c.publish_latency_count, 7u);
    EXPECT_EQ(c.outbox_depth, 0u);
}

TEST_F(KafkaPublish, SameEventTwiceInOneArticleIsOneRecord) {
    auto sink = open_sink(config());
    ASSERT_TRUE(sink);
    auto e1 = visit("Person One", "EGY", "art_1");
    auto e2 = e1;
    e2.evidence[0].sentence = "Person One later met officials in Egypt.";
    e2.evidence[0].start = 100;
    auto st = sink->publish_article(article("art_1", "f"), {e1, e2}, kNow);
    ASSERT_TRUE(st);
    EXPECT_EQ(st->published, 1u);
    flush_all(*sink);
    auto msgs = read({{"events", 3}});
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].revision(), 1);
    EXPECT_EQ(msgs[0].json()["evidence"].size(), 2u);
}

TEST_F(KafkaPublish, RoutingOutOfRegionAndDeadLetters) {
    auto sink = open_sink(config());
    ASSERT_TRUE(sink);
    auto attack = visit("Militia", "LBN", "art_1");
    attack.type = "attack";
    attack.category = "conflict";
    auto far = visit("Person Far", "FRA", "art_1");
    far.in_region = false;
    auto st = sink->publish_article(article("art_1", "f"),
                                    {attack, visit("P", "EGY", "art_1"), far}, kNow);
    ASSERT_TRUE(st);
    EXPECT_EQ(st->published, 2u);
    EXPECT_EQ(st->out_of_region, 1u);
    ASSERT_TRUE(
        sink->publish_dead_letter(article("art_bad", "f"), Error{"parse", "bad markup"}, kNow));
    flush_all(*sink);
    auto msgs = read({{"events", 3}, {"conflict", 1}, {"dlq", 1}});
    std::map<std::string, std::vector<Message>> by_topic;
    for (auto& m : msgs) by_topic[m.topic].push_back(m);
    ASSERT_EQ(by_topic["conflict"].size(), 1u);
    EXPECT_EQ(by_topic["conflict"][0].json()["type"], "attack");
    EXPECT_EQ(by_topic["conflict"][0].headers.at("ce_type"), "org.herald.event.attack");
    ASSERT_EQ(by_topic["events"].size(), 1u);
    EXPECT_EQ(by_topic["events"][0].key, processors::event_id(visit("P", "EGY")));
    ASSERT_EQ(by_topic["dlq"].size(), 1u);
    auto dl = by_topic["dlq"][0].json();
    EXPECT_EQ(by_topic["dlq"][0].key, "art_bad");
    EXPECT_EQ(dl["error"]["kind"], "parse");
    EXPECT_EQ(dl["error"]["message"], "bad markup");
    EXPECT_EQ(dl["article"]["url"], "https://example.org/art_bad");
}

TEST_F(KafkaPublish, OutOfRegionEventsWhenAskedFor) {
    auto c = config();
    c.include_out_of_region = true;
    auto sink = open_sink(c);
    ASSERT_TRUE(sink);
    auto far = visit("Person Far", "FRA", "art_1");
    far.in_region = false;
    auto st = sink->publish_article(article("art_1", "f"), {far}, kNow);
    ASSERT_TRUE(st);
    EXPECT_EQ(st->published, 1u);
    EXPECT_EQ(st->out_of_region, 0u);
    flush_all(*sink);
    auto msgs = read({{"events", 3}});
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].key, processors::event_id(far));
}

TEST_F(KafkaPublish, UnacknowledgedRecordsAreSentAtTheNextStart) {
    cluster_.down(1);
    {
        auto c = config();
        c.flush_timeout = std::chrono::milliseconds(300);
        auto sink = open_sink(c);
        ASSERT_TRUE(sink);
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(sink->publish_article(article("art_" + std::to_string(i), "f"),
                                              {visit("P" + std::to_string(i))}, kNow));
        EXPECT_EQ(sink->outbox_depth(), 10u);
        auto left = sink->flush(std::chrono::milliseconds(200));
        ASSERT_TRUE(left);
        EXPECT_EQ(*left, 10u);
    }  // closed while the broker is down
    EXPECT_EQ(*store_->outbox_count(), 10u);
    cluster_.up(1);
    auto sink = open_sink(config());
    ASSERT_TRUE(sink);
    EXPECT_EQ(sink->outbox_depth(), 10u);
    flush_all(*sink);
    auto msgs = read({{"events", 3}, {"articles", 1}});
    EXPECT_EQ(msgs.size(), 10u);
    std::set<std::string> keys;
    for (const auto& m : msgs) keys.insert(m.key);
    EXPECT_EQ(keys.size(), 10u) << "each record exactly once";
}

TEST_F(KafkaPublish, FullStateStoreFailsCleanlyAndRecovers) {
    store_.reset();
    state::StoreOptions o;
    o.max_page_count = 48;
    auto s = state::Store::open(dir_.path() + "/small", o);
    ASSERT_TRUE(s);
    store_ = std::move(*s);
    auto sink = open_sink(config());
    ASSERT_TRUE(sink);
    int ok = 0;
    Error err;
    processors::Article failed;
    for (int i = 0; i < 1000; ++i) {
        auto a = article("art_" + std::to_string(i), "f");
        a.text = std::string(3000, 'x') + std::to_string(i);
        auto st = sink->publish_article(a, {visit("P" + std::to_string(i))}, kNow);
        if (!st) {
            err = st.error();
            failed = a;
            break;
        }
        ++ok;
    }
    ASSERT_LT(ok, 1000) << "the size limit was never reached";
    EXPECT_EQ(err.kind, "state");
    EXPECT_NE(err.message.find("full"), std::string::npos) << err.message;
    ASSERT_TRUE(store_->check_integrity());
    EXPECT_EQ(*store_->event_count(), static_cast<std::size_t>(ok)) << "failed article left state";
    // Delivery and outbox cleanup still work while full.
    flush_all(*sink);
    // Space returns: the failed article goes through on retry.
    ASSERT_TRUE(store_->set_max_page_count(0));
    auto st = sink->publish_article(failed, {visit("P" + std::to_string(ok))}, kNow);
    ASSERT_TRUE(st) << st.error().str();
    EXPECT_EQ(st->published, 1u);
    flush_all(*sink);
    auto msgs = read({{"events", 3}, {"articles", 1}});
    std::map<std::string, int> seen;
    for (const auto& m : msgs) ++seen[m.topic + "/" + m.key];
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(2 * (ok + 1)));
    for (const auto& [k, n] : seen) EXPECT_EQ(n, 1) << k;
}

TEST_F(KafkaPublish, BatchKeepsOneRevisionPerArticle) {
    auto sink = open_sink(config());
    ASSERT_TRUE(sink);
    auto a1 = article("art_1", "feed-a"), a2 = article("art_2", "feed-b"),
         a3 = article("art_3", "f");
    std::vector<Event> e1 = {visit("Person One", "EGY", "art_1")};
    std::vector<Event> e2 = {visit("Person One", "EGY", "art_2"),
                             visit("Person Two", "EGY", "art_2")};
    std::vector<Event> e3 = {visit("Person One", "EGY", "art_1")};  // art_1 again: nothing new
    ItemRef i1{"feed-a", "item-1"};
    ASSERT_TRUE(store_->observe_item("feed-a", "item-1", 1, {1}, kNow));
    auto st =
        sink->publish_batch({{&a1, &e1, &i1}, {&a2, &e2, nullptr}, {&a1, &e3, nullptr}}, kNow);
    ASSERT_TRUE(st) << st.error().str();
    EXPECT_EQ(st->events, 4u);
    EXPECT_EQ(st->published, 3u);
    EXPECT_EQ(st->unchanged, 1u);
    // The item was committed in the same transaction.
    auto change = store_->observe_item("feed-a", "item-1", 1, {1}, kNow + 1);
    ASSERT_TRUE(change);
    EXPECT_EQ(change->kind, state::ItemChange::Kind::unchanged);
    flush_all(*sink);
    auto msgs = read({{"events", 3}});
    auto by_key = revisions_by_key(msgs);
    EXPECT_EQ(by_key[processors::event_id(visit("Person One"))], (std::vector<int>{1, 2}));
    EXPECT_EQ(by_key[processors::event_id(visit("Person Two"))], (std::vector<int>{1}));
    for (const auto& m : msgs) {
        if (m.revision() == 2) {
            EXPECT_EQ(m.json()["sources"], 2);
        }
    }
}

TEST(KafkaSink, OpenRejectsBadConfigWithoutABroker) {
    TempDir dir;
    auto store = state::Store::open(dir.path());
    ASSERT_TRUE(store);
    SinkConfig c;
    c.brokers = "127.0.0.1:1";
    c.default_topic = "events";
    c.compression = "lzma";
    auto s = EventSink::open(c, **store);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, "config");
}

}  // namespace
}  // namespace herald::kafka

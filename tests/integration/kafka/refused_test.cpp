// Records refused for good (poison records) against a real Kafka-protocol
// broker (librdkafka mock cluster): they leave the normal flow — to the
// dead-letter topic, or parked in the state database — without holding up
// the records behind them, and nothing else is lost or duplicated.
#include <gtest/gtest.h>

#include "kafka/sink.hpp"
#include "tests/integration/kafka/harness.hpp"

namespace herald::kafka {
namespace {

using namespace herald::kafka::testing;

constexpr UnixTime kNow = 1726653600;

class KafkaRefused : public ::testing::Test {
  protected:
    void SetUp() override {
        cluster_.create_topic("events", 3);
        cluster_.create_topic("dlq", 1);
        reopen_store();
    }

    void reopen_store() {
        sink_.reset();
        store_.reset();
        auto s = state::Store::open(dir_.path() + "/state");
        ASSERT_TRUE(s) << s.error().str();
        store_ = std::move(*s);
    }

    SinkConfig config(bool dead_letters) const {
        SinkConfig c;
        c.brokers = cluster_.bootstraps();
        c.default_topic = "events";
        if (dead_letters) c.dead_letter_topic = "dlq";
        // librdkafka refuses any record above this (MSG_SIZE_TOO_LARGE).
        c.properties["message.max.bytes"] = "20000";
        c.retry_backoff = std::chrono::milliseconds(100);
        c.flush_timeout = std::chrono::milliseconds(2000);
        return c;
    }

    void open_sink(const SinkConfig& c) {
        auto s = EventSink::open(c, *store_);
        ASSERT_TRUE(s) << s.error().str();
        sink_ = std::move(*s);
    }

    void flush_all() {
        auto left = sink_->flush(std::chrono::seconds(30));
        ASSERT_TRUE(left) << left.error().str();
        ASSERT_EQ(*left, 0u);
        ASSERT_EQ(*store_->outbox_count(), 0u) << "the outbox must be empty";
    }

    // 10 articles of 2 events (a new one and a shared one with a revision per
    // article); article 4 starts with an event far above message.max.bytes.
    void publish_with_poison() {
        for (int i = 0; i < 10; ++i) {
            std::vector<processors::Event> evs;
            const std::string art = "art_" + std::to_string(i);
            if (i == 4) {
                poison_ = visit("Poison", "JOR", art);
                poison_.evidence[0].sentence = std::string(30000, 'x');
                evs.push_back(poison_);
            }
            auto p = visit("Person " + std::to_string(i), "EGY", art);
            auto e = visit("Envoy", "QAT", art);
            evs.push_back(p);
            evs.push_back(e);
            auto st = sink_->publish_article(article(art, "f"), evs, kNow + i);
            ASSERT_TRUE(st) << st.error().str();
            ASSERT_TRUE(sink_->poll());
            expected_[{processors::event_id(p), 1}] = 1;
            expected_[{processors::event_id(e), i + 1}] = 1;
        }
    }

    // Every expected (key, revision) exactly once, in revision order per
    // key, and nothing else.
    void expect_events_exactly_once() {
        std::map<std::pair<std::string, int>, int> seen;
        std::map<std::string, int> last;
        for (const auto& m : read({{"events", 3}})) {
            ++seen[{m.key, m.revision()}];
            EXPECT_GT(m.revision(), last[m.key]) << m.key;
            last[m.key] = m.revision();
        }
        EXPECT_EQ(seen, expected_);
    }

    std::vector<Message> read(const std::map<std::string, int>& topics) {
        return read_all(cluster_.bootstraps(), topics);
    }

    MockCluster cluster_;
    TempDir dir_;
    std::unique_ptr<state::Store> store_;
    std::unique_ptr<EventSink> sink_;
    processors::Event poison_;
    std::map<std::pair<std::string, int>, int> expected_;
};

TEST_F(KafkaRefused, OversizedRecordGoesToTheDeadLetterTopic) {
    open_sink(config(true));
    publish_with_poison();
    flush_all();
    expect_events_exactly_once();

    auto dl = read({{"dlq", 1}});
    ASSERT_EQ(dl.size(), 1u);
    const auto v = dl[0].json();
    EXPECT_EQ(dl[0].key, processors::event_id(poison_));
    EXPECT_EQ(dl[0].headers["ce_type"], "org.herald.dead_letter");
    EXPECT_EQ(dl[0].headers["ce_source"], "f");
    EXPECT_EQ(v["record"]["topic"], "events");
    EXPECT_EQ(v["record"]["key"], processors::event_id(poison_));
    EXPECT_EQ(v["record"]["headers"]["ce_id"], processors::event_id(poison_) + ":1");
    EXPECT_GT(v["record"]["value_bytes"].get<std::size_t>(), 30000u);
    EXPECT_TRUE(v["record"]["value"].is_null()) << "a size error carries no copy of the value";
    EXPECT_EQ(v["error"]["kind"], "kafka");
    EXPECT_EQ(v["error"]["code"], "MSG_SIZE_TOO_LARGE");
    EXPECT_FALSE(v["failed_at"].get<std::string>().empty());

    auto c = sink_->counters();
    EXPECT_EQ(c.refused, 1u);
    EXPECT_EQ(c.dead_lettered, 1u);
    EXPECT_EQ(c.parked, 0u);
    EXPECT_EQ(*store_->parked_count(), 0u);

    // A restart sends nothing again.
    reopen_store();
    open_sink(config(true));
    flush_all();
    EXPECT_EQ(sink_->counters().produced, 0u);
    expect_events_exactly_once();
    EXPECT_EQ(read({{"dlq", 1}}).size(), 1u);
}

TEST_F(KafkaRefused, WithoutADeadLetterTopicTheRecordIsParked) {
    open_sink(config(false));
    publish_with_poison();
    flush_all();
    expect_events_exactly_once();

    auto c = sink_->counters();
    EXPECT_EQ(c.refused, 1u);
    EXPECT_EQ(c.dead_lettered, 0u);
    EXPECT_EQ(c.parked, 1u);
    auto parked = store_->parked_load();
    ASSERT_TRUE(parked) << parked.error().str();
    ASSERT_EQ(parked->size(), 1u);
    const auto& p = (*parked)[0];
    EXPECT_EQ(p.record.key, processors::event_id(poison_));
    EXPECT_EQ(p.record.topic, "events");
    EXPECT_GT(p.record.value.size(), 30000u);
    EXPECT_NE(p.error.find("MSG_SIZE_TOO_LARGE"), std::string::npos) << p.error;
    EXPECT_GT(p.parked_at, 0);
    EXPECT_EQ(read({{"dlq", 1}}).size(), 0u);

    // Parked is not pending: a restart neither sends it nor loses it.
    reopen_store();
    open_sink(config(false));
    EXPECT_EQ(sink_->counters().parked, 1u);
    EXPECT_EQ(sink_->outbox_depth(), 0u);
    flush_all();
    EXPECT_EQ(sink_->counters().produced, 0u);
    EXPECT_EQ(*store_->parked_count(), 1u);
    expect_events_exactly_once();
}

// A broker error for a produce request may belong to another record of the
// batch: one refusal is retried alone (and here succeeds); a record refused
// again while alone is the poison.
TEST_F(KafkaRefused, BrokerRefusalIsConfirmedAloneBeforeDeadLettering) {
    auto c = config(true);
    // One request at a time, so each pushed error hits the next request.
    c.properties["max.in.flight.requests.per.connection"] = "1";
    open_sink(c);
    auto publish_one = [&](const std::string& who, int i) {
        auto ev = visit(who, "EGY", "art_" + std::to_string(i));
        auto st = sink_->publish_article(article("art_" + std::to_string(i), "f"), {ev}, kNow + i);
        EXPECT_TRUE(st) << st.error().str();
        flush_all();
        return ev;
    };
    auto x = publish_one("X", 0);
    expected_[{processors::event_id(x), 1}] = 1;

    cluster_.push_errors(0 /* Produce */, {RD_KAFKA_RESP_ERR_INVALID_RECORD});
    auto y = publish_one("Y", 1);
    expected_[{processors::event_id(y), 1}] = 1;
    EXPECT_EQ(sink_->counters().refused, 0u) << "one refusal of a batch blames no record";

    cluster_.push_errors(0, {RD_KAFKA_RESP_ERR_INVALID_RECORD, RD_KAFKA_RESP_ERR_INVALID_RECORD});
    auto z = publish_one("Z", 2);
    EXPECT_EQ(sink_->counters().refused, 1u);
    EXPECT_EQ(sink_->counters().dead_lettered, 1u);

    auto w = publish_one("W", 3);
    expected_[{processors::event_id(w), 1}] = 1;
    expect_events_exactly_once();

    auto dl = read({{"dlq", 1}});
    ASSERT_EQ(dl.size(), 1u);
    const auto v = dl[0].json();
    EXPECT_EQ(dl[0].key, processors::event_id(z));
    EXPECT_EQ(v["error"]["code"], "INVALID_RECORD");
    // Not a size error: the refused value travels along, unchanged.
    ASSERT_TRUE(v["record"]["value"].is_string());
    const auto original = nlohmann::json::parse(v["record"]["value"].get<std::string>());
    EXPECT_EQ(original["id"], processors::event_id(z));
    EXPECT_EQ(original["revision"], 1);
    EXPECT_EQ(v["record"]["value_bytes"], v["record"]["value"].get<std::string>().size());
}

}  // namespace
}  // namespace herald::kafka

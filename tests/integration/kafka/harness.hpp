// Test harness for the Kafka integration tests: an in-process librdkafka
// mock cluster (a real Kafka-protocol broker on 127.0.0.1) and a real
// librdkafka consumer that reads topics back to their end.
#pragma once

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "processors/event.hpp"
#include "tests/support/temp_dir.hpp"

namespace herald::kafka::testing {

class MockCluster {
  public:
    explicit MockCluster(int brokers = 1) {
        char errstr[256];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "log_level", "2", errstr, sizeof errstr);
        rk_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        if (rk_ == nullptr) throw std::runtime_error(errstr);
        mc_ = rd_kafka_mock_cluster_new(rk_, brokers);
        if (mc_ == nullptr) throw std::runtime_error("rd_kafka_mock_cluster_new failed");
    }
    ~MockCluster() {
        rd_kafka_mock_cluster_destroy(mc_);
        rd_kafka_destroy(rk_);
    }
    MockCluster(const MockCluster&) = delete;
    MockCluster& operator=(const MockCluster&) = delete;

    std::string bootstraps() const { return rd_kafka_mock_cluster_bootstraps(mc_); }
    void create_topic(const std::string& name, int partitions) {
        rd_kafka_mock_topic_create(mc_, name.c_str(), partitions, 1);
    }
    void down(int id) { rd_kafka_mock_broker_set_down(mc_, id); }
    void up(int id) { rd_kafka_mock_broker_set_up(mc_, id); }
    void push_errors(int16_t api_key, std::vector<rd_kafka_resp_err_t> errs) {
        rd_kafka_mock_push_request_errors_array(mc_, api_key, errs.size(), errs.data());
    }
    void clear_errors(int16_t api_key) { rd_kafka_mock_clear_request_errors(mc_, api_key); }
    rd_kafka_mock_cluster_t* handle() { return mc_; }

  private:
    rd_kafka_t* rk_ = nullptr;
    rd_kafka_mock_cluster_t* mc_ = nullptr;
};

struct Message {
    std::string topic;
    int partition = 0;
    std::int64_t offset = 0;
    std::string key;
    std::string value;
    std::map<std::string, std::string> headers;

    nlohmann::json json() const { return nlohmann::json::parse(value); }
    int revision() const { return json().value("revision", 0); }
};

// Reads every partition of `topics` from the beginning to its current end.
inline std::vector<Message> read_all(const std::string& bootstraps,
                                     const std::map<std::string, int>& topics,
                                     std::chrono::seconds timeout = std::chrono::seconds(30)) {
    char errstr[256];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    auto set = [&](const char* k, const char* v) {
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
            throw std::runtime_error(errstr);
    };
    set("bootstrap.servers", bootstraps.c_str());
    set("group.id", "herald-test-reader");
    set("enable.auto.commit", "false");
    set("enable.partition.eof", "true");
    set("session.timeout.ms", "6000");
    set("auto.offset.reset", "earliest");
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    if (rk == nullptr) throw std::runtime_error(errstr);
    rd_kafka_poll_set_consumer(rk);
    rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(8);
    std::size_t total = 0;
    for (const auto& [t, n] : topics)
        for (int p = 0; p < n; ++p, ++total)
            rd_kafka_topic_partition_list_add(parts, t.c_str(), p)->offset =
                RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(rk, parts);
    rd_kafka_topic_partition_list_destroy(parts);

    std::vector<Message> out;
    std::set<std::pair<std::string, int>> at_end;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (at_end.size() < total && std::chrono::steady_clock::now() < deadline) {
        rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, 200);
        if (m == nullptr) continue;
        std::string topic = m->rkt != nullptr ? rd_kafka_topic_name(m->rkt) : "";
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            at_end.insert({topic, m->partition});
        } else if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            Message msg;
            msg.topic = topic;
            msg.partition = m->partition;
            msg.offset = m->offset;
            if (m->key != nullptr) msg.key.assign(static_cast<const char*>(m->key), m->key_len);
            if (m->payload != nullptr)
                msg.value.assign(static_cast<const char*>(m->payload), m->len);
            rd_kafka_headers_t* hdrs = nullptr;
            if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                const char* name = nullptr;
                const void* val = nullptr;
                size_t size = 0;
                for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &val, &size) ==
                                   RD_KAFKA_RESP_ERR_NO_ERROR;
                     ++i)
                    msg.headers[name] = std::string(static_cast<const char*>(val), size);
            }
            at_end.erase({topic, m->partition});
            out.push_back(std::move(msg));
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    if (at_end.size() < total) throw std::runtime_error("consumer did not reach the end in time");
    return out;
}

// A visit by `person` to `country`: distinct persons give distinct events.
inline processors::Event visit(const std::string& person, const std::string& country = "EGY",
                               const std::string& article_id = "art_x") {
    processors::Event e;
    e.type = "visit";
    e.category = "diplomacy";
    e.plover_type = "CONSULT";
    e.plover_mode = "visit";
    e.cameo = "042";
    e.status = "occurred";
    e.date = "2024-09-18";
    e.actors = {{person, "person", "", "USA"}};
    e.targets = {{country, "country", "", country}};
    std::string sentence = person + " visited " + country + ".";
    e.evidence = {{article_id, "https://example.org/" + article_id, sentence, 0, sentence.size()}};
    return e;
}

inline processors::Article article(const std::string& id, const std::string& feed) {
    processors::Article a;
    a.id = id;
    a.feed_id = feed;
    a.url = "https://example.org/" + id;
    a.title = "Article " + id;
    a.text = "text of " + id;
    a.published = 1726653600;
    return a;
}

using herald::test::TempDir;

}  // namespace herald::kafka::testing

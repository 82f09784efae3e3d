#include <gtest/gtest.h>

#include "kafka/sink.hpp"

namespace herald::kafka {
namespace {

SinkConfig good() {
    SinkConfig c;
    c.brokers = "127.0.0.1:9092";
    c.default_topic = "herald.events";
    RouteRule r;
    r.categories = {"conflict"};
    r.types = {"attack"};
    r.countries = {"LBN"};
    r.topic = "herald.conflict";
    c.routes = {r};
    c.properties = {{"security.protocol", "plaintext"}, {"message.timeout.ms", "60000"}};
    return c;
}

std::string error_of(const SinkConfig& c) {
    auto s = validate(c);
    return s ? std::string() : s.error().kind + ": " + s.error().message;
}

TEST(KafkaValidate, AcceptsAGoodConfig) {
    EXPECT_EQ(error_of(good()), "");
}

TEST(KafkaValidate, ListsAlternatives) {
    auto c = good();
    c.compression = "brotli";
    EXPECT_EQ(error_of(c),
              "config: kafka.compression: unknown codec 'brotli' (valid: none, gzip, snappy, lz4, "
              "zstd)");
    c = good();
    c.routes[0].types = {"visit", "summit"};
    EXPECT_NE(error_of(c).find("kafka.routes[0].types: unknown event type 'summit' (valid: visit,"),
              std::string::npos);
    c = good();
    c.routes[0].categories = {"sports"};
    EXPECT_NE(error_of(c).find("(valid: diplomacy, conflict)"), std::string::npos);
    c = good();
    c.routes[0].countries = {"Lebanon"};
    EXPECT_NE(error_of(c).find("alpha-3"), std::string::npos);
}

TEST(KafkaValidate, RequiredFieldsAndTopicNames) {
    auto c = good();
    c.brokers.clear();
    EXPECT_NE(error_of(c).find("kafka.brokers: required"), std::string::npos);
    c = good();
    c.default_topic.clear();
    EXPECT_NE(error_of(c).find("kafka.default_topic"), std::string::npos);
    c = good();
    c.articles_topic = "bad topic";
    EXPECT_NE(error_of(c).find("kafka.articles_topic: invalid topic name 'bad topic'"),
              std::string::npos);
    c = good();
    c.routes[0].topic.clear();
    EXPECT_NE(error_of(c).find("kafka.routes[0].topic"), std::string::npos);
}

TEST(KafkaValidate, PropertiesCheckedByLibrdkafkaAndGuarantees) {
    auto c = good();
    c.properties["no.such.property"] = "1";
    EXPECT_NE(error_of(c).find("kafka.properties.no.such.property"), std::string::npos);
    c = good();
    c.properties["acks"] = "1";
    EXPECT_NE(error_of(c).find("requires all"), std::string::npos);
    c = good();
    c.properties["enable.idempotence"] = "false";
    EXPECT_NE(error_of(c).find("requires true"), std::string::npos);
    c = good();
    c.properties["bootstrap.servers"] = "x:1";
    EXPECT_NE(error_of(c).find("set kafka.brokers instead"), std::string::npos);
    c = good();
    c.properties["acks"] = "all";
    c.properties["enable.idempotence"] = "true";
    EXPECT_EQ(error_of(c), "");
}

}  // namespace
}  // namespace herald::kafka

#include "config/config.hpp"

#include <gtest/gtest.h>

namespace herald::config {
namespace {

std::vector<std::string> errors_of(const std::string& yaml) {
    try {
        parse_config(yaml, "herald.yaml");
    } catch (const ConfigError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str());
        return out;
    }
    return {};
}

constexpr const char* kMinimal = "kafka:\n  brokers: 127.0.0.1:9092\n";

TEST(Config, MinimalConfigGetsDefaults) {
    const Config c = parse_config(kMinimal, "herald.yaml", "/etc/herald");
    EXPECT_EQ(c.kafka.brokers, "127.0.0.1:9092");
    EXPECT_EQ(c.kafka.default_topic, "mideast.diplomacy.events");
    EXPECT_EQ(c.state_dir, "/var/lib/herald");
    EXPECT_EQ(c.defaults.interval, std::chrono::seconds(300));
    EXPECT_EQ(c.defaults.max_body, 20u << 20);
    EXPECT_TRUE(c.feeds.empty());
}

TEST(Config, UnknownKeyIsReportedWithLineAndColumn) {
    const auto errs = errors_of(std::string(kMinimal) +
                                "feeds:\n  - id: a\n    url: http://x/\n    intervall: 5m\n");
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0],
              "herald.yaml:6:5: unknown key 'intervall' in feed (did you mean 'interval'?)");
}

TEST(Config, WrongTypeIsReportedWithLineAndColumn) {
    const auto errs =
        errors_of(std::string(kMinimal) + "fetch:\n  max_concurrency: lots\n  verify_tls: maybe\n");
    ASSERT_EQ(errs.size(), 2u);
    EXPECT_EQ(errs[0], "herald.yaml:4:20: 'max_concurrency' must be an integer, got 'lots'");
    EXPECT_EQ(errs[1], "herald.yaml:5:15: 'verify_tls' must be true or false, got 'maybe'");
}

TEST(Config, ListWhereMappingExpected) {
    const auto errs = errors_of(std::string(kMinimal) + "defaults: [1, 2]\n");
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0], "herald.yaml:3:11: 'defaults' must be a mapping, got a list");
}

TEST(Config, FeedsInheritDefaultsAndOverride) {
    const Config c =
        parse_config(std::string(kMinimal) +
                         "defaults:\n  interval: 10m\n  tags: [wire]\n"
                         "feeds:\n  - id: a\n    url: https://a.example/rss\n"
                         "  - id: b\n    url: https://b.example/rss\n    interval: 2m\n"
                         "    headers: {X-Key: v}\n",
                     "herald.yaml");
    ASSERT_EQ(c.feeds.size(), 2u);
    EXPECT_EQ(c.feeds[0].settings.interval, std::chrono::minutes(10));
    EXPECT_EQ(c.feeds[0].settings.tags, std::vector<std::string>{"wire"});
    EXPECT_EQ(c.feeds[1].settings.interval, std::chrono::minutes(2));
    ASSERT_EQ(c.feeds[1].settings.headers.size(), 1u);
    EXPECT_EQ(c.feeds[1].settings.headers[0].first, "X-Key");
}

TEST(Config, FeedValidation) {
    const auto errs =
        errors_of(std::string(kMinimal) +
                  "feeds:\n  - id: a\n    url: ftp://x/\n  - id: a\n    url: http://y/\n"
                  "  - url: http://z/\n    interval: 0s\n");
    ASSERT_EQ(errs.size(), 5u) << ::testing::PrintToString(errs);
    EXPECT_EQ(errs[0],
              "herald.yaml:5:10: feed url must start with http:// or https://, got 'ftp://x/'");
    EXPECT_EQ(errs[1], "herald.yaml:6:9: duplicate feed id 'a'");
    EXPECT_EQ(errs[2], "herald.yaml:8:5: feed needs an 'id' (letters, digits, '-', '_', '.')");
}

TEST(Config, KafkaRoutesAreValidated) {
    const auto errs = errors_of(
        "kafka:\n  brokers: b:1\n  compression: brotli\n  routes:\n"
        "    - match: {type: parade}\n      topic: t\n    - topic: u\n");
    ASSERT_EQ(errs.size(), 3u) << ::testing::PrintToString(errs);
    EXPECT_EQ(
        errs[0],
        "herald.yaml:3:16: compression must be one of none, gzip, snappy, lz4, zstd; got 'brotli'");
    EXPECT_NE(errs[1].find("unknown event type 'parade'"), std::string::npos);
    EXPECT_EQ(errs[2], "herald.yaml:7:7: route needs a 'match'");
}

TEST(Config, MissingKafkaAndSyntaxErrors) {
    EXPECT_EQ(errors_of("state_dir: /tmp/x\n").at(0),
              "herald.yaml:1:1: missing 'kafka' section (at least kafka.brokers)");
    const auto errs = errors_of("kafka: [unclosed\n");
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_NE(errs[0].find("YAML syntax error"), std::string::npos);
}

TEST(Config, RelativePathsResolveAgainstTheFile) {
    const Config c =
        parse_config(std::string(kMinimal) + "state_dir: state\npipeline:\n  data_dir: ../data\n",
                     "x.yaml", "/etc/herald");
    EXPECT_EQ(c.state_dir, "/etc/herald/state");
    EXPECT_EQ(c.pipeline.data_dir, "/etc/data");
}

TEST(Config, EnvironmentSecrets) {
    ::setenv("HERALD_TEST_SECRET", "s3cret", 1);
    const Config c = parse_config(
        std::string(kMinimal) + "  properties:\n    sasl.password: ${HERALD_TEST_SECRET}\n",
        "x.yaml");
    EXPECT_EQ(c.kafka.properties.at("sasl.password"), "s3cret");
    const auto errs = errors_of(std::string(kMinimal) +
                                "  properties:\n    sasl.password: ${HERALD_NOPE_UNSET}\n");
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0], "herald.yaml:4:20: environment variable HERALD_NOPE_UNSET is not set");
}

TEST(Durations, Parse) {
    EXPECT_EQ(parse_duration("90s"), std::chrono::seconds(90));
    EXPECT_EQ(parse_duration("5m"), std::chrono::minutes(5));
    EXPECT_EQ(parse_duration("1h30m"), std::chrono::minutes(90));
    EXPECT_EQ(parse_duration("250ms"), std::chrono::milliseconds(250));
    EXPECT_EQ(parse_duration("42"), std::chrono::seconds(42));
    EXPECT_FALSE(parse_duration("5 parsecs"));
    EXPECT_FALSE(parse_duration(""));
    EXPECT_FALSE(parse_duration("m"));
    EXPECT_EQ(parse_size("20MiB"), 20u << 20);
    EXPECT_EQ(parse_size("1000"), 1000u);
    EXPECT_FALSE(parse_size("lots"));
}

}  // namespace
}  // namespace herald::config

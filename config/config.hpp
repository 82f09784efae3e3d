// herald.yaml: the operator's configuration, validated up front.
//
// Every section is a typed struct with defaults. Unknown keys, wrong types and
// bad values are reported as FILE:LINE:COL: message, all at once (ConfigError).
// The reference is docs/configuration.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "config/diagnostics.hpp"

namespace herald::config {

using Seconds = std::chrono::seconds;
using Millis = std::chrono::milliseconds;

struct AuthConfig {
    std::string type = "none";  // none | basic | bearer
    std::string username;
    std::string password;  // or password_env
    std::string token;     // or token_env
};

// Settings a feed inherits from `defaults:` unless it overrides them.
struct FeedSettings {
    Seconds interval{300};
    Seconds min_interval{60};
    Seconds max_interval{6 * 3600};
    double jitter = 0.1;  // fraction of the interval
    Seconds backoff_base{60};
    Seconds backoff_max{6 * 3600};
    bool adaptive = false;
    Millis connect_timeout{10000};
    Millis timeout{30000};
    std::size_t max_body = 20u << 20;
    std::string user_agent;
    std::vector<std::pair<std::string, std::string>> headers;
    AuthConfig auth;
    std::vector<std::string> tags;
};

struct FeedConfig {
    std::string id;
    std::string url;
    bool enabled = true;
    FeedSettings settings;
    int line = 0;  // where the feed is declared (for diagnostics)
};

struct FetchConfig {
    std::size_t max_concurrency = 32;
    std::size_t per_host = 4;
    bool verify_tls = true;
};

struct PipelineConfig {
    std::string data_dir;   // gazetteer/ and extraction/ live here
    YAML::Node processors;  // the processor chain; validated by processors::Pipeline::build
    bool include_out_of_region = false;
};

struct RouteConfig {
    std::vector<std::string> categories, types, countries, tags;
    std::string topic;
};

struct KafkaConfig {
    std::string brokers;
    std::string client_id = "herald";
    std::string compression = "lz4";
    std::map<std::string, std::string> properties;  // passed to librdkafka as is
    std::string default_topic = "mideast.diplomacy.events";
    std::string articles_topic;     // empty: no articles topic
    std::string dead_letter_topic;  // empty: no dead letters
    std::vector<RouteConfig> routes;
    Millis flush_timeout{10000};
};

struct MetricsConfig {
    bool enabled = false;
    std::string listen = "127.0.0.1:9464";
};

struct Config {
    std::string file;  // the path it was read from
    std::string state_dir = "/var/lib/herald";
    Seconds retention{30 * 86400};  // items and events unseen this long are forgotten
    std::string log_level = "info";
    Seconds shutdown_grace{10};
    Millis loop_tick{200};
    FetchConfig fetch;
    FeedSettings defaults;
    std::vector<FeedConfig> feeds;
    PipelineConfig pipeline;
    KafkaConfig kafka;
    MetricsConfig metrics;
};

// Reads and validates `path`. Relative paths inside (state_dir, data_dir) are
// resolved against the file's folder. Throws ConfigError.
Config load_config(const std::string& path);
// Same, from text (tests, fuzzing); `name` is used in diagnostics.
Config parse_config(const std::string& text, const std::string& name,
                    const std::string& base_dir = ".");

// "90s", "5m", "1h30m", "250ms", "2d" or a bare number of seconds.
std::optional<Millis> parse_duration(const std::string& s);
// "20MiB", "512KiB", "1MB", "1000" (bytes).
std::optional<std::size_t> parse_size(const std::string& s);

}  // namespace herald::config

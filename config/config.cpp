#include "config/config.hpp"
#include "config/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace herald::config {

namespace {

namespace fs = std::filesystem;

bool valid_id(const std::string& s) {
    return !s.empty() && s.size() <= 200 && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

bool valid_topic(const std::string& s) {
    return valid_id(s) && s != "." && s != "..";
}

#define HERALD_FEED_SETTING_KEYS                                                               \
    "interval", "min_interval", "max_interval", "jitter", "backoff_base", "backoff_max",       \
        "adaptive", "connect_timeout", "timeout", "max_body", "user_agent", "headers", "auth", \
        "tags"

void read_auth(Reader& r, const YAML::Node& n, AuthConfig& auth) {
    if (!r.is_map(n, "'auth'")) return;
    r.check_keys(n, {"type", "username", "password", "password_env", "token", "token_env"}, "auth");
    r.str(n, "type", auth.type);
    r.str(n, "username", auth.username);
    r.str(n, "password", auth.password);
    r.str(n, "token", auth.token);
    for (const auto& [key, target] :
         {std::pair{"password_env", &auth.password}, std::pair{"token_env", &auth.token}}) {
        const YAML::Node e = n[key];
        if (!e.IsDefined() || !r.scalar(e, key, "an environment variable name")) continue;
        const char* v = std::getenv(e.Scalar().c_str());
        if (!v)
            r.sink().error(e, "environment variable " + e.Scalar() + " is not set");
        else
            *target = v;
    }
    if (auth.type == "basic") {
        if (auth.username.empty()) r.sink().error(n, "basic auth needs 'username'");
    } else if (auth.type == "bearer") {
        if (auth.token.empty()) r.sink().error(n, "bearer auth needs 'token' or 'token_env'");
    } else if (auth.type != "none") {
        r.sink().error(n["type"],
                       "auth type must be one of none, basic, bearer; got '" + auth.type + "'");
    }
}

void read_feed_settings(Reader& r, const YAML::Node& n, FeedSettings& s) {
    r.duration(n, "interval", s.interval);
    r.duration(n, "min_interval", s.min_interval);
    r.duration(n, "max_interval", s.max_interval);
    r.real(n, "jitter", s.jitter, 0.0, 1.0);
    r.duration(n, "backoff_base", s.backoff_base);
    r.duration(n, "backoff_max", s.backoff_max);
    r.boolean(n, "adaptive", s.adaptive);
    r.duration(n, "connect_timeout", s.connect_timeout);
    r.duration(n, "timeout", s.timeout);
    r.size(n, "max_body", s.max_body);
    r.str(n, "user_agent", s.user_agent);
    r.string_map(n, "headers", s.headers);
    if (n["auth"].IsDefined()) read_auth(r, n["auth"], s.auth);
    r.string_list(n, "tags", s.tags);
}

void check_feed_settings(Reader& r, const YAML::Node& at, const FeedSettings& s) {
    if (s.interval.count() <= 0) r.sink().error(at, "'interval' must be positive");
    if (s.min_interval > s.max_interval)
        r.sink().error(at, "'min_interval' must not exceed 'max_interval'");
    if (s.interval < s.min_interval || s.interval > s.max_interval)
        r.sink().error(at, "'interval' must lie between 'min_interval' and 'max_interval'");
    if (s.timeout.count() <= 0 || s.connect_timeout.count() <= 0)
        r.sink().error(at, "timeouts must be positive");
}

void read_feeds(Reader& r, const YAML::Node& n, Config& cfg) {
    if (!n.IsSequence()) {
        r.sink().error(n, "'feeds' must be a list, got " + node_kind(n));
        return;
    }
    std::set<std::string> ids;
    for (const auto& f : n) {
        if (!r.is_map(f, "a feed")) continue;
        r.check_keys(f, {"id", "url", "enabled", HERALD_FEED_SETTING_KEYS}, "feed");
        FeedConfig feed;
        feed.line = f.Mark().line + 1;
        feed.settings = cfg.defaults;
        r.str(f, "id", feed.id);
        r.str(f, "url", feed.url);
        r.boolean(f, "enabled", feed.enabled);
        read_feed_settings(r, f, feed.settings);
        if (!f["url"].IsDefined()) {
            r.sink().error(f, "feed needs a 'url'");
        } else if (!feed.url.starts_with("http://") && !feed.url.starts_with("https://")) {
            r.sink().error(f["url"],
                           "feed url must start with http:// or https://, got '" + feed.url + "'");
        }
        if (feed.id.empty()) {
            r.sink().error(f, "feed needs an 'id' (letters, digits, '-', '_', '.')");
        } else if (!valid_id(feed.id)) {
            r.sink().error(f["id"], "feed id '" + feed.id +
                                        "' may only contain letters, digits, '-', '_', '.'");
        } else if (!ids.insert(feed.id).second) {
            r.sink().error(f["id"], "duplicate feed id '" + feed.id + "'");
        }
        check_feed_settings(r, f, feed.settings);
        cfg.feeds.push_back(std::move(feed));
    }
}

void read_kafka(Reader& r, const YAML::Node& n, KafkaConfig& k) {
    if (!r.is_map(n, "'kafka'")) return;
    r.check_keys(
        n,
        {"brokers", "client_id", "compression", "properties", "topics", "routes", "flush_timeout"},
        "kafka");
    r.str(n, "brokers", k.brokers);
    r.str(n, "client_id", k.client_id);
    r.str(n, "compression", k.compression);
    r.duration(n, "flush_timeout", k.flush_timeout);
    static const std::set<std::string> codecs = {"none", "gzip", "snappy", "lz4", "zstd"};
    if (!codecs.count(k.compression))
        r.sink().error(n["compression"],
                       "compression must be one of none, gzip, snappy, lz4, zstd; got '" +
                           k.compression + "'");
    std::vector<std::pair<std::string, std::string>> props;
    r.string_map(n, "properties", props);
    for (auto& [key, value] : props) k.properties[key] = value;
    if (const YAML::Node t = n["topics"]; t.IsDefined() && r.is_map(t, "'kafka.topics'")) {
        r.check_keys(t, {"default", "articles", "dead_letter"}, "kafka.topics");
        r.str(t, "default", k.default_topic);
        r.str(t, "articles", k.articles_topic);
        r.str(t, "dead_letter", k.dead_letter_topic);
        for (const char* key : {"default", "articles", "dead_letter"}) {
            if (t[key].IsDefined() && t[key].IsScalar() && !valid_topic(t[key].Scalar()))
                r.sink().error(t[key], std::string("invalid topic name '") + t[key].Scalar() + "'");
        }
    }
    if (k.default_topic.empty()) r.sink().error(n, "kafka.topics.default must not be empty");
    if (const YAML::Node routes = n["routes"]; routes.IsDefined()) {
        if (!routes.IsSequence()) {
            r.sink().error(routes, "'kafka.routes' must be a list, got " + node_kind(routes));
        } else {
            for (const auto& route : routes) {
                if (!r.is_map(route, "a route")) continue;
                r.check_keys(route, {"match", "topic"}, "route");
                RouteConfig rc;
                r.str(route, "topic", rc.topic);
                if (!valid_topic(rc.topic))
                    r.sink().error(route, "route needs a valid 'topic', got '" + rc.topic + "'");
                const YAML::Node m = route["match"];
                if (!m.IsDefined() || !r.is_map(m, "'match'")) {
                    if (!m.IsDefined()) r.sink().error(route, "route needs a 'match'");
                } else {
                    r.check_keys(m, {"category", "type", "country", "tag"}, "route match");
                    r.string_list(m, "category", rc.categories);
                    r.string_list(m, "type", rc.types);
                    r.string_list(m, "country", rc.countries);
                    r.string_list(m, "tag", rc.tags);
                    static const std::set<std::string> types = {
                        "visit",    "meeting",   "negotiation", "statement", "appeal",
                        "proposal", "agreement", "rejection",   "aid",       "attack"};
                    for (const auto& t : rc.types)
                        if (!types.count(t))
                            r.sink().error(m["type"], "unknown event type '" + t +
                                                          "' (types: visit, meeting, negotiation, "
                                                          "statement, appeal, proposal, agreement, "
                                                          "rejection, aid, attack)");
                    for (const auto& c : rc.categories)
                        if (c != "diplomacy" && c != "conflict")
                            r.sink().error(
                                m["category"],
                                "category must be diplomacy or conflict, got '" + c + "'");
                    if (rc.categories.empty() && rc.types.empty() && rc.countries.empty() &&
                        rc.tags.empty())
                        r.sink().error(
                            m, "route match needs at least one of category, type, country, tag");
                }
                k.routes.push_back(std::move(rc));
            }
        }
    }
}

std::string resolve(const std::string& base_dir, const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute()) return p;
    return (fs::path(base_dir) / p).lexically_normal().string();
}

}  // namespace

std::optional<Millis> parse_duration(const std::string& text) {
    const std::string s(text);
    if (s.empty()) return std::nullopt;
    std::size_t i = 0;
    double total_ms = 0;
    bool any = false;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
        if (j == i) return std::nullopt;
        double value = 0;
        try {
            value = std::stod(s.substr(i, j - i));
        } catch (...) {
            return std::nullopt;
        }
        std::size_t k = j;
        while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
        const std::string unit = s.substr(j, k - j);
        double mult;
        if (unit.empty()) {
            if (any || k != s.size()) return std::nullopt;  // bare number: seconds, alone
            mult = 1000;
        } else if (unit == "ms") {
            mult = 1;
        } else if (unit == "s") {
            mult = 1000;
        } else if (unit == "m") {
            mult = 60e3;
        } else if (unit == "h") {
            mult = 3600e3;
        } else if (unit == "d") {
            mult = 86400e3;
        } else {
            return std::nullopt;
        }
        total_ms += value * mult;
        any = true;
        i = k;
    }
    if (total_ms > 1e13) return std::nullopt;
    return Millis(static_cast<long long>(total_ms));
}

std::optional<std::size_t> parse_size(const std::string& s) {
    std::size_t j = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j == 0 || j > 15) return std::nullopt;
    const std::size_t value = std::stoull(s.substr(0, j));
    std::string unit = s.substr(j);
    while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
    static const std::map<std::string, std::size_t> units = {
        {"", 1},           {"B", 1},           {"KB", 1000},
        {"MB", 1000000},   {"GB", 1000000000}, {"KiB", 1u << 10},
        {"MiB", 1u << 20}, {"GiB", 1u << 30},  {"k", 1000},
        {"K", 1u << 10},   {"M", 1u << 20},    {"G", 1u << 30}};
    const auto it = units.find(unit);
    if (it == units.end()) return std::nullopt;
    return value * it->second;
}

Config parse_config(const std::string& text, const std::string& name, const std::string& base_dir) {
    DiagnosticSink sink(name);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        sink.error(e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg);
        sink.throw_if_errors();
    }
    Config cfg;
    cfg.file = name;
    Reader r(sink);
    if (root.IsNull()) {
        sink.error(1, 1, "the configuration is empty");
        sink.throw_if_errors();
    }
    if (!r.is_map(root, "the configuration")) sink.throw_if_errors();
    r.check_keys(root,
                 {"state_dir", "log", "shutdown", "fetch", "defaults", "feeds", "pipeline", "kafka",
                  "metrics"},
                 "the top level");
    r.str(root, "state_dir", cfg.state_dir);
    r.duration(root, "retention", cfg.retention);
    if (cfg.retention < std::chrono::hours(1))
        sink.error(root["retention"], "'retention' must be at least 1h");
    if (const YAML::Node log = root["log"]; log.IsDefined() && r.is_map(log, "'log'")) {
        r.check_keys(log, {"level"}, "log");
        r.str(log, "level", cfg.log_level);
        static const std::set<std::string> levels = {"trace", "debug",    "info", "warn",
                                                     "error", "critical", "off"};
        if (!levels.count(cfg.log_level))
            sink.error(log["level"],
                       "log level must be one of trace, debug, info, warn, error, "
                       "critical, off; got '" +
                           cfg.log_level + "'");
    }
    if (const YAML::Node sd = root["shutdown"]; sd.IsDefined() && r.is_map(sd, "'shutdown'")) {
        r.check_keys(sd, {"grace"}, "shutdown");
        r.duration(sd, "grace", cfg.shutdown_grace);
    }
    if (const YAML::Node f = root["fetch"]; f.IsDefined() && r.is_map(f, "'fetch'")) {
        r.check_keys(f, {"max_concurrency", "per_host", "verify_tls"}, "fetch");
        r.integer(f, "max_concurrency", cfg.fetch.max_concurrency, 1, 10000);
        r.integer(f, "per_host", cfg.fetch.per_host, 1, 1000);
        r.boolean(f, "verify_tls", cfg.fetch.verify_tls);
    }
    if (const YAML::Node d = root["defaults"]; d.IsDefined() && r.is_map(d, "'defaults'")) {
        r.check_keys(d, {HERALD_FEED_SETTING_KEYS}, "defaults");
        read_feed_settings(r, d, cfg.defaults);
        check_feed_settings(r, d, cfg.defaults);
    }
    if (const YAML::Node feeds = root["feeds"]; feeds.IsDefined()) read_feeds(r, feeds, cfg);
    if (const YAML::Node p = root["pipeline"]; p.IsDefined() && r.is_map(p, "'pipeline'")) {
        r.check_keys(p, {"data_dir", "processors", "include_out_of_region"}, "pipeline");
        r.str(p, "data_dir", cfg.pipeline.data_dir);
        r.boolean(p, "include_out_of_region", cfg.pipeline.include_out_of_region);
        if (p["processors"].IsDefined()) cfg.pipeline.processors = p["processors"];
    }
    if (const YAML::Node k = root["kafka"]; k.IsDefined()) {
        read_kafka(r, k, cfg.kafka);
    } else {
        sink.error(1, 1, "missing 'kafka' section (at least kafka.brokers)");
    }
    if (cfg.kafka.brokers.empty() && root["kafka"].IsMap())
        sink.error(root["kafka"], "kafka.brokers must be set (host:port[,host:port...])");
    if (const YAML::Node m = root["metrics"]; m.IsDefined() && r.is_map(m, "'metrics'")) {
        r.check_keys(m, {"enabled", "listen"}, "metrics");
        r.boolean(m, "enabled", cfg.metrics.enabled);
        r.str(m, "listen", cfg.metrics.listen);
        const auto colon = cfg.metrics.listen.rfind(':');
        if (colon == std::string::npos || colon + 1 >= cfg.metrics.listen.size())
            sink.error(m["listen"],
                       "metrics.listen must be host:port, got '" + cfg.metrics.listen + "'");
    }
    cfg.state_dir = resolve(base_dir, cfg.state_dir);
    cfg.pipeline.data_dir = resolve(base_dir, cfg.pipeline.data_dir);
    sink.throw_if_errors();
    return cfg;
}

Config load_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError({Diagnostic{path, 0, 0, "cannot read the configuration file"}});
    std::stringstream ss;
    ss << in.rdbuf();
    const fs::path p(path);
    return parse_config(ss.str(), path, p.has_parent_path() ? p.parent_path().string() : ".");
}

}  // namespace herald::config

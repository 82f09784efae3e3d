#include "config/config.hpp"

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

// Edit distance, for "did you mean" hints on unknown keys.
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t prev = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

std::string node_kind(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Scalar:
            return "'" + n.Scalar() + "'";
        case YAML::NodeType::Null:
            return "nothing";
        default:
            return "an undefined value";
    }
}

// Typed reads from YAML with diagnostics; never throws, reports into the sink.
class Reader {
  public:
    explicit Reader(DiagnosticSink& sink) : sink_(sink) {}

    bool is_map(const YAML::Node& n, const std::string& what) {
        if (n.IsMap()) return true;
        sink_.error(n, what + " must be a mapping, got " + node_kind(n));
        return false;
    }

    void check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                    const std::string& section) {
        std::set<std::string> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it->first.Scalar();
            if (!seen.insert(key).second) {
                sink_.error(it->first, "duplicate key '" + key + "' in " + section);
                continue;
            }
            if (std::find_if(allowed.begin(), allowed.end(),
                             [&](const char* a) { return key == a; }) != allowed.end())
                continue;
            std::string hint;
            std::size_t best = 3;
            for (const char* a : allowed) {
                const std::size_t d = distance(key, a);
                if (d < best) {
                    best = d;
                    hint = a;
                }
            }
            std::string msg = "unknown key '" + key + "' in " + section;
            if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
            sink_.error(it->first, msg);
        }
    }

    bool scalar(const YAML::Node& n, const std::string& key, const char* expected) {
        if (n.IsScalar()) return true;
        sink_.error(n, "'" + key + "' must be " + expected + ", got " + node_kind(n));
        return false;
    }

    void str(const YAML::Node& map, const char* key, std::string& out) {
        const YAML::Node n = map[key];
        if (!n.IsDefined()) return;
        if (scalar(n, key, "a string")) out = n.Scalar();
    }

    void boolean(const YAML::Node& map, const char* key, bool& out) {
        const YAML::Node n = map[key];
        if (!n.IsDefined() || !scalar(n, key, "true or false")) return;
        bool v = false;
        if (YAML::convert<bool>::decode(n, v)) {
            out = v;
        } else {
            sink_.error(
                n, "'" + std::string(key) + "' must be true or false, got '" + n.Scalar() + "'");
        }
    }

    template <class Int>
    void integer(const YAML::Node& map, const char* key, Int& out, long long lo, long long hi) {
        const YAML::Node n = map[key];
        if (!n.IsDefined() || !scalar(n, key, "an integer")) return;
        long long v = 0;
        if (!YAML::convert<long long>::decode(n, v)) {
            sink_.error(n,
                        "'" + std::string(key) + "' must be an integer, got '" + n.Scalar() + "'");
            return;
        }
        if (v < lo || v > hi) {
            sink_.error(n, "'" + std::string(key) + "' must be between " + std::to_string(lo) +
                               " and " + std::to_string(hi) + ", got " + n.Scalar());
            return;
        }
        out = static_cast<Int>(v);
    }

    void real(const YAML::Node& map, const char* key, double& out, double lo, double hi) {
        const YAML::Node n = map[key];
        if (!n.IsDefined() || !scalar(n, key, "a number")) return;
        double v = 0;
        if (!YAML::convert<double>::decode(n, v)) {
            sink_.error(n, "'" + std::string(key) + "' must be a number, got '" + n.Scalar() + "'");
            return;
        }
        if (v < lo || v > hi) {
            std::ostringstream os;
            os << "'" << key << "' must be between " << lo << " and " << hi << ", got "
               << n.Scalar();
            sink_.error(n, os.str());
            return;
        }
        out = v;
    }

    template <class Dur>
    void duration(const YAML::Node& map, const char* key, Dur& out) {
        const YAML::Node n = map[key];
        if (!n.IsDefined() || !scalar(n, key, "a duration like 30s, 5m or 1h")) return;
        const auto d = parse_duration(n.Scalar());
        if (!d) {
            sink_.error(n, "'" + std::string(key) +
                               "' must be a duration like 30s, 5m or 1h, got '" + n.Scalar() + "'");
            return;
        }
        out = std::chrono::duration_cast<Dur>(*d);
    }

    void size(const YAML::Node& map, const char* key, std::size_t& out) {
        const YAML::Node n = map[key];
        if (!n.IsDefined() || !scalar(n, key, "a size like 20MiB")) return;
        const auto v = parse_size(n.Scalar());
        if (!v || *v == 0) {
            sink_.error(n, "'" + std::string(key) + "' must be a size like 512KiB or 20MiB, got '" +
                               n.Scalar() + "'");
            return;
        }
        out = *v;
    }

    void string_list(const YAML::Node& map, const char* key, std::vector<std::string>& out) {
        const YAML::Node n = map[key];
        if (!n.IsDefined()) return;
        if (n.IsScalar()) {  // a single value is a one-element list
            out = {n.Scalar()};
            return;
        }
        if (!n.IsSequence()) {
            sink_.error(
                n, "'" + std::string(key) + "' must be a list of strings, got " + node_kind(n));
            return;
        }
        out.clear();
        for (const auto& e : n) {
            if (e.IsScalar())
                out.push_back(e.Scalar());
            else
                sink_.error(
                    e, "'" + std::string(key) + "' entries must be strings, got " + node_kind(e));
        }
    }

    void string_map(const YAML::Node& map, const char* key,
                    std::vector<std::pair<std::string, std::string>>& out) {
        const YAML::Node n = map[key];
        if (!n.IsDefined()) return;
        if (!is_map(n, "'" + std::string(key) + "'")) return;
        out.clear();
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (!it->second.IsScalar()) {
                sink_.error(it->second, "'" + std::string(key) + "." + it->first.Scalar() +
                                            "' must be a string, got " + node_kind(it->second));
                continue;
            }
            out.emplace_back(it->first.Scalar(), expand_env(it->second));
        }
    }

    // "${NAME}" as the whole value reads the environment (for secrets).
    std::string expand_env(const YAML::Node& n) {
        const std::string& v = n.Scalar();
        if (v.size() > 3 && v.starts_with("${") && v.ends_with("}")) {
            const std::string name = v.substr(2, v.size() - 3);
            const char* env = std::getenv(name.c_str());
            if (!env) {
                sink_.error(n, "environment variable " + name + " is not set");
                return {};
            }
            return env;
        }
        return v;
    }

    DiagnosticSink& sink() { return sink_; }

  private:
    DiagnosticSink& sink_;
};

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

// Typed reads from YAML with FILE:LINE:COL diagnostics, shared by the
// configuration loader and every component that owns config keys (processors).
// Never throws: problems go to the DiagnosticSink.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "config/config.hpp"
#include "config/diagnostics.hpp"

namespace herald::config {

// Edit distance, for "did you mean" hints on unknown keys.
inline std::size_t distance(const std::string& a, const std::string& b) {
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

inline std::string node_kind(const YAML::Node& n) {
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

    // With `scalar_is_list`, a single value is read as a one-element list.
    void string_list(const YAML::Node& map, const char* key, std::vector<std::string>& out,
                     bool scalar_is_list = true) {
        const YAML::Node n = map[key];
        if (!n.IsDefined()) return;
        if (scalar_is_list && n.IsScalar()) {
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

}  // namespace herald::config

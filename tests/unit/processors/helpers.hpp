// Shared helpers for the processors unit tests.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "processors/pipeline.hpp"

namespace herald::processors::testing {

inline std::string data_dir() {
    return std::string(HERALD_SOURCE_DIR) + "/config";
}
inline std::string fixture_gazetteer() {
    return std::string(HERALD_SOURCE_DIR) + "/tests/unit/processors/data/gazetteer";
}

// The default chain, with the fixture gazetteer instead of the real one. The rule tests
// see the events before the calibrated precision policy (config/extraction/precision.yaml,
// tested on its own in test_calibration.cpp): `precision` false unless asked for.
inline std::shared_ptr<const Pipeline> fixture_pipeline(bool precision = false) {
    const YAML::Node chain =
        YAML::Load("[{name: normalise}, {name: segment}, {name: entities, gazetteer_dir: '" +
                   fixture_gazetteer() +
                   "'}, {name: coreference}, {name: events}, {name: modality}, {name: dates}, "
                   "{name: attributes}, {name: region}, {name: merge, precision: " +
                   std::string(precision ? "true" : "false") + "}]");
    return Pipeline::build(chain, data_dir(), "<test>");
}

inline Article article(std::string text, const char* published = "2024-01-16T12:00:00Z") {
    Article a;
    a.id = "art_test";
    a.url = "https://example.org/a";
    a.text = std::move(text);
    if (published) a.published = parse_iso8601(published);
    return a;
}

inline std::vector<Event> extract(const std::string& text,
                                  const char* published = "2024-01-16T12:00:00Z",
                                  bool all = false) {
    static const auto p = fixture_pipeline();
    RunOptions o;
    o.include_out_of_region = all;
    auto r = p->run(article(text, published), o);
    return r ? *r : std::vector<Event>{};
}

// The same with the shipped data (config/: the real gazetteer and extraction data), every
// event in or out of the region.
inline std::vector<Event> extract_shipped(const std::string& text, const char* published) {
    static const auto p = Pipeline::build(YAML::Node(), data_dir(), "<default>");
    RunOptions o;
    o.include_out_of_region = true;
    auto r = p->run(article(text, published), o);
    return r ? *r : std::vector<Event>{};
}

// Copies, so that of_type(extract(...), ...) is safe.
inline std::vector<Event> of_type(const std::vector<Event>& evs, const std::string& type) {
    std::vector<Event> out;
    for (const auto& e : evs)
        if (e.type == type) out.push_back(e);
    return out;
}

inline bool has(const std::vector<Participant>& ps, const std::string& name) {
    for (const auto& p : ps)
        if (p.name == name || p.country == name) return true;
    return false;
}

// Whether any event has this actor (name or country code).
inline bool has_actor(const std::vector<Event>& evs, const std::string& who) {
    for (const auto& e : evs)
        if (has(e.actors, who)) return true;
    return false;
}

// Actors and targets of one event, in that order.
inline std::vector<Participant> participants(const Event& e) {
    std::vector<Participant> all = e.actors;
    all.insert(all.end(), e.targets.begin(), e.targets.end());
    return all;
}

}  // namespace herald::processors::testing

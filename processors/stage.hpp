// A processor ("stage") of the pipeline: a small unit with its own options,
// registered by name and ordered by the `pipeline.processors` YAML sequence.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "processors/doc.hpp"

namespace YAML {
class Node;
}
namespace herald::config {
class DiagnosticSink;
}

namespace herald::processors {

class Stage {
  public:
    virtual ~Stage() = default;
    virtual const char* name() const = 0;
    // Reads the stage's options from its YAML node ({name: x, opt: ...}); reports
    // unknown keys and wrong types to `sink`. The node may be undefined (defaults).
    virtual void configure(const YAML::Node& node, config::DiagnosticSink& sink) = 0;
    // Called once after configure with the loaded data.
    virtual void bind(const Knowledge&) {}
    // Runs on one article. Must not throw.
    virtual void run(Doc& doc) const = 0;
    // Names of stages that must run before this one.
    virtual std::vector<std::string> requires_before() const { return {}; }
};

using StageFactory = std::function<std::unique_ptr<Stage>()>;

// The registry of stage names, in default order.
const std::vector<std::pair<std::string, StageFactory>>& stage_registry();

// Helpers for stage option parsing: checks that every key of `node` other than
// `name` is in `known`.
void check_stage_keys(const YAML::Node& node, const std::vector<std::string>& known,
                      config::DiagnosticSink& sink);
bool read_bool(const YAML::Node& node, const char* key, bool def, config::DiagnosticSink& sink);
int read_int(const YAML::Node& node, const char* key, int def, config::DiagnosticSink& sink);
std::vector<std::string> read_strings(const YAML::Node& node, const char* key,
                                      config::DiagnosticSink& sink);
std::string read_string(const YAML::Node& node, const char* key, const std::string& def,
                        config::DiagnosticSink& sink);

// The individual stages (defined in stages_*.cpp).
std::unique_ptr<Stage> make_normalise_stage();
std::unique_ptr<Stage> make_segment_stage();
std::unique_ptr<Stage> make_entities_stage();
std::unique_ptr<Stage> make_coreference_stage();
std::unique_ptr<Stage> make_events_stage();
std::unique_ptr<Stage> make_modality_stage();
std::unique_ptr<Stage> make_dates_stage();
std::unique_ptr<Stage> make_attributes_stage();
std::unique_ptr<Stage> make_region_stage();
std::unique_ptr<Stage> make_merge_stage();

// Gives `ev` the event type `ti` (or the data's type named `name`) with its category
// and PLOVER/CAMEO codes; false when the data has no type of that name.
void retype(Event& ev, const EventTypeInfo& ti);
bool retype(Event& ev, const Knowledge& k, std::string_view name);

// Adds the evidence (the candidate's sentence as original offsets, in
// Candidate::evidence) when missing. Event::evidence (with the article id, url
// and sentence text) is made by fill_evidence() for the events Pipeline::run
// outputs only.
void add_evidence(const Doc& d, Candidate& c);
void fill_evidence(const Article& a, const Candidate& c, Event& ev);

// Shared token helpers used by several stages.
bool tok_is(const Doc& d, std::size_t i, std::string_view lower);
// Matches a lower-case phrase at token i (skipping nothing); returns its length or 0.
std::size_t match_phrase(const Doc& d, std::size_t i, std::size_t end, const Phrase& p);
std::size_t match_words(const Doc& d, std::size_t i, std::size_t end,
                        const std::vector<std::string>& words);

}  // namespace herald::processors

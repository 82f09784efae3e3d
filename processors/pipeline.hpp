// The article-to-events pipeline: an ordered chain of named processors
// (normalise, segment, entities, coreference, events, modality, dates,
// attributes, region, merge) built once at start-up from YAML and data files,
// then run concurrently on articles. See docs/processors.md.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "processors/event.hpp"

namespace YAML {
class Node;
}

namespace herald::processors {

struct Knowledge;
class Stage;

struct RunOptions {
    bool include_out_of_region = false;
    // When set, only emit events whose evidence lies in a changed paragraph
    // (indices as returned by Pipeline::paragraphs).
    const std::vector<bool>* changed_paragraphs = nullptr;
};

class Pipeline {
  public:
    // processors_config: the YAML sequence under `pipeline.processors` in herald.yaml,
    // e.g. [{name: normalise}, {name: segment, abbreviations: [...]}, ...]; an
    // undefined/null node means the default chain (config/extraction/pipeline.yaml).
    // data_dir: folder containing gazetteer/ and extraction/.
    // config_file: for diagnostics. Throws config::ConfigError (unknown processor
    // name, unknown key, wrong type, bad data file, with file:line:col) at start-up.
    static std::shared_ptr<const Pipeline> build(const YAML::Node& processors_config,
                                                 const std::string& data_dir,
                                                 const std::string& config_file);

    // Thread-safe; never throws.
    herald::Result<std::vector<Event>> run(const Article& article,
                                           const RunOptions& opts = {}) const;

    // [start, end) byte ranges of the paragraphs, the same split run() uses.
    static std::vector<std::pair<std::size_t, std::size_t>> paragraphs(std::string_view text);

    // Human-readable trace of the stages' work on one article (sentences,
    // mentions, candidate events with their fate), for `extract --trace`.
    std::string trace(const Article& article) const;

    // Names of the processors in order.
    std::vector<std::string> processor_names() const;

    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

  private:
    Pipeline();
    std::shared_ptr<const Knowledge> knowledge_;
    std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace herald::processors

// Fuzzes Pipeline::run on arbitrary bytes (valid and invalid UTF-8): it must
// never crash, and evidence offsets must stay inside the article.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "processors/pipeline.hpp"

namespace {

const herald::processors::Pipeline& pipeline() {
    static const auto p = herald::processors::Pipeline::build(
        YAML::Node(), std::string(HERALD_SOURCE_DIR) + "/config", "<fuzz>");
    return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    herald::processors::Article a;
    a.id = "art_fuzz";
    a.text.assign(reinterpret_cast<const char*>(data), size);
    // the first byte picks a publication day, so date resolution is exercised too
    if (size > 0) a.published = 1700000000 + static_cast<std::int64_t>(data[0]) * 86400;
    herald::processors::RunOptions o;
    o.include_out_of_region = size % 2 == 0;
    const auto r = pipeline().run(a, o);
    if (r) {
        for (const auto& ev : *r)
            for (const auto& e : ev.evidence)
                if (e.start > e.end || e.end > a.text.size()) std::abort();
    }
    return 0;
}

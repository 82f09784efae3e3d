// `herald extract` logic, shared by the herald binary and the
// herald-extract-dev test driver: one article's text in, one contract JSON
// event per line out.
#pragma once

#include <iosfwd>
#include <string>

namespace herald::processors {

struct ExtractArgs {
    std::string file = "-";  // article text file, "-" = standard input
    std::string published;   // ISO 8601; empty = unknown
    std::string title;
    std::string url;
    std::string data_dir;       // gazetteer/ + extraction/
    std::string pipeline_file;  // optional YAML with `processors:` (or pipeline.processors)
    bool all = false;           // include events outside the Middle East
    bool trace = false;         // print the pipeline trace to `err`
};

// Returns the process exit code: 0 ok, 1 input/processing error, 2 usage/config error.
int run_extract(const ExtractArgs& args, std::ostream& out, std::ostream& err);

// Parses "[extract] [--published X] [--title T] [--url U] [--data-dir D]
// [--pipeline F] [--all] [--trace] FILE" and runs run_extract.
int extract_main(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace herald::processors

#include "processors/extract_cli.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "common/hash.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "config/diagnostics.hpp"
#include "processors/pipeline.hpp"

namespace herald::processors {

int run_extract(const ExtractArgs& args, std::ostream& out, std::ostream& err) {
    std::optional<UnixTime> published;
    if (!args.published.empty()) {
        published = parse_iso8601(args.published);
        if (!published) {
            err << "extract: --published must be ISO 8601 (2024-09-18 or 2024-09-18T14:00:00Z), "
                   "got '"
                << args.published << "'\n";
            return 2;
        }
    }
    std::string text;
    if (args.file == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    } else {
        std::ifstream in(args.file, std::ios::binary);
        if (!in) {
            err << "extract: " << args.file << ": cannot open for reading\n";
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
    }
    std::shared_ptr<const Pipeline> pipeline;
    try {
        YAML::Node chain;
        std::string cfg = "<default pipeline>";
        if (!args.pipeline_file.empty()) {
            cfg = args.pipeline_file;
            YAML::Node root;
            try {
                root = YAML::LoadFile(args.pipeline_file);
            } catch (const YAML::Exception& e) {
                err << args.pipeline_file << ": " << e.what() << '\n';
                return 2;
            }
            if (root["pipeline"] && root["pipeline"]["processors"])
                chain = root["pipeline"]["processors"];
            else if (root["processors"])
                chain = root["processors"];
        }
        pipeline = Pipeline::build(chain, args.data_dir.empty() ? "." : args.data_dir, cfg);
    } catch (const config::ConfigError& e) {
        for (const auto& d : e.diagnostics()) err << d.str() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << "extract: " << e.what() << '\n';
        return 2;
    }
    Article article;
    article.text = sanitize_utf8(text);
    article.title = args.title;
    article.url = args.url;
    article.published = published;
    article.id = "art_" + hex64(stable_hash64(args.url.empty() ? article.text : args.url));
    if (args.trace) err << pipeline->trace(article);
    RunOptions opts;
    opts.include_out_of_region = args.all;
    const auto events = pipeline->run(article, opts);
    if (!events) {
        err << "extract: " << events.error().str() << '\n';
        return 1;
    }
    const std::string stamp = format_utc(published.value_or(now_utc()));
    for (const auto& ev : *events) {
        EventMeta meta{event_id(ev), 1, 1, stamp, stamp};
        out << to_contract_json(ev, meta).dump() << '\n';
    }
    return 0;
}

int extract_main(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    ExtractArgs a;
    bool have_file = false;
    auto usage = [&]() {
        err << "usage: " << (argc > 0 ? argv[0] : "extract")
            << " [extract] [--published ISO] [--title T] [--url U] [--data-dir DIR]"
               " [--pipeline FILE] [--all] [--trace] FILE|-\n";
        return 2;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view s = argv[i];
        auto value = [&](std::string& dst) {
            if (i + 1 >= argc) return false;
            dst = argv[++i];
            return true;
        };
        if (s == "extract" && i == 1) continue;
        if (s == "--published") {
            if (!value(a.published)) return usage();
        } else if (s == "--title") {
            if (!value(a.title)) return usage();
        } else if (s == "--url") {
            if (!value(a.url)) return usage();
        } else if (s == "--data-dir") {
            if (!value(a.data_dir)) return usage();
        } else if (s == "--pipeline") {
            if (!value(a.pipeline_file)) return usage();
        } else if (s == "--trace") {
            a.trace = true;
        } else if (s == "--all") {
            a.all = true;
        } else if (s == "-h" || s == "--help") {
            usage();
            return 0;
        } else if (!s.empty() && s[0] == '-' && s != "-") {
            err << "unknown option " << s << '\n';
            return usage();
        } else if (!have_file) {
            a.file = std::string(s);
            have_file = true;
        } else {
            return usage();
        }
    }
    if (!have_file) return usage();
    return run_extract(a, out, err);
}

}  // namespace herald::processors

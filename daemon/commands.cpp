#include "daemon/commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <spdlog/spdlog.h>

#include "common/hash.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "config/config.hpp"
#include "daemon/engine.hpp"
#include "daemon/signals.hpp"
#include "feeds/parse/feed.hpp"
#include "kafka/sink.hpp"
#include "processors/extract_cli.hpp"
#include "processors/pipeline.hpp"

namespace herald::daemon {

bool read_input(const std::string& file, std::string& out, std::string& error) {
    if (file == "-") {
        out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = file + ": cannot open for reading";
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        error = file + ": read error";
        return false;
    }
    return true;
}

void print_config_error(const config::ConfigError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.str() << '\n';
}

int cmd_parse(const ParseArgs& args) {
    std::string bytes, error;
    if (!read_input(args.file, bytes, error)) {
        std::cerr << "herald parse: " << error << '\n';
        return 1;
    }
    feeds::ParseOptions opts;
    opts.base_url = args.base_url;
    opts.http_charset = args.charset;
    const auto doc = feeds::parse_feed(bytes, opts);
    if (!doc) {
        std::cerr << "herald parse: " << (args.file == "-" ? "<stdin>" : args.file) << ": "
                  << doc.error().message << '\n';
        return 1;
    }
    std::cout << feeds::to_json(*doc).dump(2) << '\n';
    return 0;
}

int cmd_extract(const ExtractArgs& args) {
    processors::ExtractArgs x;
    x.file = args.file;
    x.published = args.published;
    x.title = args.title;
    x.url = args.url;
    x.all = args.all;
    x.data_dir = args.data_dir;
    if (!args.config.empty()) {
        try {
            const config::Config cfg = config::load_config(args.config);
            if (x.data_dir.empty()) x.data_dir = cfg.pipeline.data_dir;
            x.pipeline_file = args.config;
        } catch (const config::ConfigError& e) {
            print_config_error(e);
            return 2;
        }
    }
    if (x.data_dir.empty()) x.data_dir = default_data_dir();
    return processors::run_extract(x, std::cout, std::cerr);
}

int cmd_check(const std::string& config_path) {
    try {
        const config::Config cfg = config::load_config(config_path);
        const std::string data_dir =
            cfg.pipeline.data_dir.empty() ? default_data_dir() : cfg.pipeline.data_dir;
        processors::Pipeline::build(cfg.pipeline.processors, data_dir, config_path);
        const auto sink_cfg = kafka_sink_config(cfg);
        if (const auto st = kafka::validate(sink_cfg); !st) {
            std::cerr << config_path << ": kafka: " << st.error().message << '\n';
            return 1;
        }
        std::cout << config_path << ": ok (" << cfg.feeds.size() << " feeds, data from " << data_dir
                  << ")\n";
        return 0;
    } catch (const config::ConfigError& e) {
        print_config_error(e);
        return 1;
    } catch (const std::exception& e) {
        std::cerr << config_path << ": " << e.what() << '\n';
        return 1;
    }
}

namespace {

int run_engine(const std::string& config_path, bool once) {
    std::unique_ptr<Engine> engine;
    try {
        config::Config cfg = config::load_config(config_path);
        engine = Engine::start(std::move(cfg));
    } catch (const config::ConfigError& e) {
        print_config_error(e);
        return 2;
    } catch (const std::exception& e) {
        spdlog::critical("start-up failed: {}", e.what());
        return 1;
    }
    return once ? engine->run_once() : engine->run();
}

}  // namespace

int cmd_once(const std::string& config_path) {
    install_signal_handlers();
    return run_engine(config_path, true);
}

int cmd_run(const std::string& config_path) {
    install_signal_handlers();
    return run_engine(config_path, false);
}

}  // namespace herald::daemon

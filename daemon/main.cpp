// herald: Middle East diplomacy events from news feeds to Kafka.
//
//   herald run     --config FILE   the daemon
//   herald once    --config FILE   poll every feed once, publish, flush, exit
//   herald check   --config FILE   validate config and data, no I/O
//   herald state   --config FILE   feeds' poll state, outbox, parked records
//   herald parse   [FILE|-]        one feed document -> normalised JSON
//   herald extract [FILE|-]        one article's text -> contract events, JSON lines
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "config/config.hpp"
#include "daemon/commands.hpp"

namespace {

constexpr const char* kVersion = HERALD_VERSION;

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"herald: Middle East diplomacy events from news feeds to Kafka"};
    app.set_version_flag("--version", std::string("herald ") + kVersion);
    app.require_subcommand(1);

    std::string config_path;
    auto* run =
        app.add_subcommand("run", "Run the daemon: poll, process and publish until SIGTERM");
    run->add_option("-c,--config", config_path, "Configuration file (YAML)")->required();
    auto* once =
        app.add_subcommand("once", "Poll every feed once, process, publish, flush and exit");
    once->add_option("-c,--config", config_path, "Configuration file (YAML)")->required();
    auto* check = app.add_subcommand(
        "check",
        "Validate the configuration and data files without any I/O; errors as FILE:LINE:COL");
    check->add_option("-c,--config", config_path, "Configuration file (YAML)")->required();

    herald::daemon::StateArgs state_args;
    auto* state = app.add_subcommand(
        "state",
        "Show the state database: feeds' poll state, events, outbox depth, parked records");
    state->add_option("-c,--config", state_args.config, "Configuration file (YAML)")->required();
    state->add_flag("--json", state_args.json, "One JSON object instead of text");

    herald::daemon::ParseArgs parse_args;
    auto* parse =
        app.add_subcommand("parse", "Parse one feed document and print it as normalised JSON");
    parse->add_option("file", parse_args.file, "Feed file, or - for standard input")
        ->default_val("-");
    parse->add_option("--base-url", parse_args.base_url, "Resolve relative links against this URL");
    parse->add_option("--charset", parse_args.charset,
                      "Charset as an HTTP Content-Type would give it");

    herald::daemon::ExtractArgs extract_args;
    auto* extract = app.add_subcommand(
        "extract",
        "Extract events from one article's plain text; one contract JSON event per line");
    extract->add_option("file", extract_args.file, "Article text file, or - for standard input")
        ->default_val("-");
    extract->add_option("--published", extract_args.published,
                        "Publication time (ISO 8601); relative dates resolve against it");
    extract->add_option("--title", extract_args.title, "Article title");
    extract->add_option("--url", extract_args.url, "Article URL (goes into the evidence)");
    extract->add_flag("--all", extract_args.all, "Also print events outside the Middle East");
    extract->add_option("--config", extract_args.config,
                        "Take the processor chain and data dir from this configuration");
    extract->add_option("--data-dir", extract_args.data_dir,
                        "Folder with gazetteer/ and extraction/");

    CLI11_PARSE(app, argc, argv);

    using namespace herald::daemon;
    if (*parse) return cmd_parse(parse_args);
    if (*extract) return cmd_extract(extract_args);
    if (*check) return cmd_check(config_path);
    if (*state) return cmd_state(state_args);
    if (*once) return cmd_once(config_path);
    if (*run) return cmd_run(config_path);
    return 2;
}

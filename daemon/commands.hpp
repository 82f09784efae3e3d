// The subcommands of the herald binary; each returns the process exit code.
#pragma once

#include <string>

namespace herald::config {
class ConfigError;
}

namespace herald::daemon {

struct ParseArgs {
    std::string file = "-";
    std::string base_url;
    std::string charset;
};

struct ExtractArgs {
    std::string file = "-";
    std::string published;
    std::string title;
    std::string url;
    std::string config;
    std::string data_dir;
    bool all = false;
};

struct StateArgs {
    std::string config;
    bool json = false;
};

int cmd_parse(const ParseArgs& args);
int cmd_extract(const ExtractArgs& args);
int cmd_check(const std::string& config_path);
int cmd_once(const std::string& config_path);
int cmd_run(const std::string& config_path);
// Prints what the state database of `config` holds: feeds' poll state, event
// count, outbox depth and records the broker refused for good.
int cmd_state(const StateArgs& args);

// Reads a whole file ("-" = standard input); nullopt with a message on error.
// Prints a configuration error's diagnostics (FILE:LINE:COL: ...) to stderr.
void print_config_error(const config::ConfigError& e);

bool read_input(const std::string& file, std::string& out, std::string& error);

}  // namespace herald::daemon

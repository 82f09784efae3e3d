// The subcommands of the herald binary; each returns the process exit code.
#pragma once

#include <string>

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

int cmd_parse(const ParseArgs& args);
int cmd_extract(const ExtractArgs& args);
int cmd_check(const std::string& config_path);
int cmd_once(const std::string& config_path);
int cmd_run(const std::string& config_path);

// Reads a whole file ("-" = standard input); nullopt with a message on error.
bool read_input(const std::string& file, std::string& out, std::string& error);

}  // namespace herald::daemon

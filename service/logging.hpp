// Logging set-up for the journal and for a terminal (spdlog, default logger).
//
// Journal mode: when stderr is connected to journald (JOURNAL_STREAM names the
// device:inode of our stderr, the check sd_journal_stream_fd(3) / systemd.exec(5)
// recommend), each line starts with its syslog priority ("<3>" error, "<4>" warning,
// "<6>" info, "<7>" debug/trace, "<2>" critical) and carries no timestamp: journald
// stamps and prioritises the entry itself.
// Human mode (everything else): "[2026-11-24 02:12:44.123] [info] message" on stderr.
#pragma once

#include <string>
#include <string_view>

#include <spdlog/common.h>

#include "common/result.hpp"

namespace herald::service {

enum class LogMode {
    automatic,  // journal if stderr is the journal stream, human otherwise
    journal,
    human,
};

// "trace", "debug", "info", "warn" (or "warning"), "error", "critical", "off"; case-insensitive.
Result<spdlog::level::level_enum> parse_log_level(std::string_view name);

// The syslog priority journald gives to a line logged at `level` (7 debug ... 2 critical).
int syslog_priority(spdlog::level::level_enum level);

// True when JOURNAL_STREAM is set and its "device:inode" is that of `fd`.
bool journal_stream_connected(int fd);

// What LogMode::automatic resolves to for this process's stderr.
LogMode detect_log_mode();

// Replaces spdlog's default logger with a stderr logger in `mode` at `level`.
// Throws std::invalid_argument with the list of valid names when `level` is unknown
// (start-up only; use parse_log_level to validate a config without side effects).
void setup_logging(const std::string& level, LogMode mode = LogMode::automatic);

// Changes the level of the default logger (reload). Leaves it unchanged on a bad name.
Status set_log_level(std::string_view level);

}  // namespace herald::service

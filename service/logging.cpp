#include "service/logging.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "common/text.hpp"

namespace herald::service {

namespace {

constexpr std::string_view kValidLevels = "trace, debug, info, warn, error, critical, off";

void append_priority(spdlog::level::level_enum level, spdlog::memory_buf_t& dest) {
    const char prefix[] = {'<', static_cast<char>('0' + syslog_priority(level)), '>'};
    dest.append(prefix, prefix + sizeof prefix);
}

// Journal line: "<N>message". journald splits on newlines and would give every further
// line of a multi-line message the default priority, so each one gets the prefix too.
class JournalMessageFlag final : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& msg, const std::tm& /*tm*/,
                spdlog::memory_buf_t& dest) override {
        append_priority(msg.level, dest);
        const std::string_view text(msg.payload.data(), msg.payload.size());
        std::size_t start = 0;
        while (true) {
            const auto nl = text.find('\n', start);
            if (nl == std::string_view::npos || nl + 1 == text.size()) {
                const auto end = nl == std::string_view::npos ? text.size() : nl;
                dest.append(text.data() + start, text.data() + end);
                break;
            }
            dest.append(text.data() + start, text.data() + nl + 1);
            append_priority(msg.level, dest);
            start = nl + 1;
        }
    }
    std::unique_ptr<custom_flag_formatter> clone() const override {
        return std::make_unique<JournalMessageFlag>();
    }
};

}  // namespace

Result<spdlog::level::level_enum> parse_log_level(std::string_view name) {
    const std::string lower = herald::ascii_lower(name);
    if (lower == "trace") return spdlog::level::trace;
    if (lower == "debug") return spdlog::level::debug;
    if (lower == "info") return spdlog::level::info;
    if (lower == "warn" || lower == "warning") return spdlog::level::warn;
    if (lower == "error") return spdlog::level::err;
    if (lower == "critical") return spdlog::level::critical;
    if (lower == "off") return spdlog::level::off;
    return fail("config", fmt::format("unknown log level \"{}\" (valid: {})", name, kValidLevels));
}

int syslog_priority(spdlog::level::level_enum level) {
    switch (level) {
        case spdlog::level::trace:
        case spdlog::level::debug:
            return 7;  // LOG_DEBUG
        case spdlog::level::info:
            return 6;  // LOG_INFO
        case spdlog::level::warn:
            return 4;  // LOG_WARNING
        case spdlog::level::err:
            return 3;  // LOG_ERR
        case spdlog::level::critical:
            return 2;  // LOG_CRIT
        default:
            return 6;
    }
}

bool journal_stream_connected(int fd) {
    const char* env = std::getenv("JOURNAL_STREAM");
    if (env == nullptr || env[0] == '\0') return false;
    unsigned long long dev = 0;
    unsigned long long ino = 0;
    char tail = 0;
    // Exactly "<dev>:<ino>", both decimal.
    if (std::sscanf(env, "%llu:%llu%c", &dev, &ino, &tail) != 2) return false;
    struct stat st {};
    if (fstat(fd, &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == dev &&
           static_cast<unsigned long long>(st.st_ino) == ino;
}

LogMode detect_log_mode() {
    return journal_stream_connected(STDERR_FILENO) ? LogMode::journal : LogMode::human;
}

void setup_logging(const std::string& level, LogMode mode) {
    auto parsed = parse_log_level(level);
    if (!parsed) throw std::invalid_argument(parsed.error().message);
    if (mode == LogMode::automatic) mode = detect_log_mode();

    std::shared_ptr<spdlog::logger> logger;
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    if (mode == LogMode::journal) {
        // Plain sink (no colours); journald adds time, PID and unit.
        logger = std::make_shared<spdlog::logger>(
            "herald", std::make_shared<spdlog::sinks::stderr_sink_mt>());
        formatter->add_flag<JournalMessageFlag>('*').set_pattern("%*");
    } else {
        // Colours only when stderr is a terminal.
        logger = std::make_shared<spdlog::logger>(
            "herald", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        formatter->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] %v");
    }
    logger->set_formatter(std::move(formatter));
    logger->set_level(*parsed);
    spdlog::set_default_logger(std::move(logger));
}

Status set_log_level(std::string_view level) {
    auto parsed = parse_log_level(level);
    if (!parsed) return tl::unexpected(parsed.error());
    spdlog::default_logger()->set_level(*parsed);
    return {};
}

}  // namespace herald::service

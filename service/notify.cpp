#include "service/notify.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <fmt/format.h>
#include <systemd/sd-daemon.h>

namespace herald::service {

namespace {

std::uint64_t monotonic_usec() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1000000u +
           static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
}

std::string one_line(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

}  // namespace

std::string format_status(const StatusCounts& c) {
    return fmt::format("{} feeds, {} articles, {} events, outbox {}", c.feeds, c.articles, c.events,
                       c.outbox);
}

Notifier::Notifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    enabled_ = socket != nullptr && socket[0] != '\0';
    std::uint64_t usec = 0;
    // > 0: enabled for this process; 0: not enabled; < 0: bad WATCHDOG_USEC/WATCHDOG_PID.
    if (enabled_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        watchdog_interval_ = std::chrono::microseconds(static_cast<std::int64_t>(usec / 2));
    }
}

Status Notifier::notify(const std::string& state) {
    if (!enabled_) return {};
    const int rc = sd_notify(0, state.c_str());
    if (rc < 0) {
        return fail("notify", fmt::format("sd_notify(\"{}\") failed: {}", one_line(state),
                                          std::strerror(-rc)));
    }
    return {};
}

Status Notifier::ready(std::string_view status_text) {
    if (status_text.empty()) return notify("READY=1");
    return notify("READY=1\nSTATUS=" + one_line(status_text));
}

Status Notifier::reloading() {
    return notify(fmt::format("RELOADING=1\nMONOTONIC_USEC={}", monotonic_usec()));
}

Status Notifier::stopping() {
    return notify("STOPPING=1");
}

Status Notifier::status(std::string_view text) {
    return notify("STATUS=" + one_line(text));
}

Status Notifier::extend_timeout(std::chrono::microseconds extra) {
    return notify(fmt::format("EXTEND_TIMEOUT_USEC={}", extra.count()));
}

Status Notifier::watchdog_ping() {
    return notify("WATCHDOG=1");
}

bool Notifier::watchdog_tick(bool healthy, Clock::time_point now) {
    if (!watchdog_interval_ || !healthy) return false;
    if (last_ping_ && now - *last_ping_ < *watchdog_interval_) return false;
    if (!watchdog_ping()) return false;
    last_ping_ = now;
    return true;
}

}  // namespace herald::service

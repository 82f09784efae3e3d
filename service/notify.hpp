// systemd readiness and watchdog notifications (sd_notify(3)).
//
// A Notifier is silent when the process does not run under a Type=notify unit:
// without NOTIFY_SOCKET every call is a no-op that succeeds. The daemon core calls
//   ready()          once the broker connection and the state store are up,
//   status(text)     whenever the counts shown by `systemctl status` change,
//   reloading()      when a SIGHUP reload starts, then ready() when it is done
//                    (whether the new config was taken or the old one kept),
//   stopping()       when shutdown starts (extend_timeout() while draining),
//   watchdog_tick()  from the main loop on every iteration, passing whether the
//                    daemon is healthy; it pings at half of WatchdogSec=.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace herald::service {

// What `systemctl status` shows on its Status: line.
struct StatusCounts {
    std::size_t feeds = 0;
    std::uint64_t articles = 0;
    std::uint64_t events = 0;
    std::uint64_t outbox = 0;
};
// "12 feeds, 3400 articles, 120 events, outbox 0"
std::string format_status(const StatusCounts& counts);

class Notifier {
  public:
    using Clock = std::chrono::steady_clock;

    // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID once.
    Notifier();

    // True when NOTIFY_SOCKET is set (the service manager listens).
    bool enabled() const { return enabled_; }

    // "READY=1" (+ "STATUS=..." when status is not empty).
    Status ready(std::string_view status = {});
    // "RELOADING=1" + "MONOTONIC_USEC=<CLOCK_MONOTONIC in µs>" (Type=notify-reload, systemd 253+).
    Status reloading();
    // "STOPPING=1".
    Status stopping();
    // "STATUS=<text>" (one line; newlines are replaced by spaces).
    Status status(std::string_view text);
    // "EXTEND_TIMEOUT_USEC=<n>": asks for more time while starting or stopping.
    Status extend_timeout(std::chrono::microseconds extra);
    // "WATCHDOG=1", unconditionally.
    Status watchdog_ping();

    // How often to ping: half of WATCHDOG_USEC, or nullopt when the watchdog is off
    // (no WatchdogSec=, or WATCHDOG_PID names another process).
    std::optional<std::chrono::microseconds> watchdog_interval() const {
        return watchdog_interval_;
    }

    // Pings when the watchdog is on, `healthy` is true and at least watchdog_interval()
    // has passed since the last ping (or none was sent yet). Returns true when it pinged.
    // An unhealthy daemon stops pinging, so systemd restarts it after WatchdogSec=.
    bool watchdog_tick(bool healthy, Clock::time_point now = Clock::now());

    // Sends `state` as is (NEWLINE-separated assignments). No-op without NOTIFY_SOCKET.
    Status notify(const std::string& state);

  private:
    bool enabled_ = false;
    std::optional<std::chrono::microseconds> watchdog_interval_;
    std::optional<Clock::time_point> last_ping_;
};

}  // namespace herald::service

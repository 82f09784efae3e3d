#include "service/shutdown_watchdog.hpp"

#include <cstdlib>

#include <spdlog/spdlog.h>

namespace herald::service {

ShutdownWatchdog::ShutdownWatchdog(std::chrono::milliseconds limit, int exit_code,
                                   std::function<void(const std::string&)> on_timeout)
    : on_timeout_(std::move(on_timeout)) {
    thread_ = std::thread([this, limit, exit_code] { wait(limit, exit_code); });
}

ShutdownWatchdog::~ShutdownWatchdog() {
    disarm();
    if (thread_.joinable()) thread_.join();
}

void ShutdownWatchdog::set_phase(std::string phase) {
    std::lock_guard lock(mu_);
    phase_ = std::move(phase);
}

void ShutdownWatchdog::disarm() {
    {
        std::lock_guard lock(mu_);
        disarmed_ = true;
    }
    cv_.notify_all();
}

void ShutdownWatchdog::wait(std::chrono::milliseconds limit, int exit_code) {
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, limit, [this] { return disarmed_; })) return;
    const std::string phase = phase_;
    lock.unlock();
    if (on_timeout_) {
        on_timeout_(phase);
        return;
    }
    spdlog::critical("shutdown did not finish within {} ms (stuck in: {}); exiting with {}",
                     limit.count(), phase, exit_code);
    spdlog::default_logger()->flush();
    std::_Exit(exit_code);
}

}  // namespace herald::service

// Bounded shutdown (the osquery pattern): once shutdown starts, a watchdog thread
// ends the process if stopping takes longer than the limit, after logging what it
// was waiting for. Under systemd, keep the limit below TimeoutStopSec= (45 s) so
// herald exits with its own message instead of being SIGKILLed silently.
//
//   notifier.stopping();
//   ShutdownWatchdog guard(cfg.shutdown_grace + 10s);   // arms now
//   guard.set_phase("flushing kafka");  ...  // what the log names if it fires
//   ... stop feeds, drain, flush ...
//   guard.disarm();                        // or let it go out of scope
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace herald::service {

class ShutdownWatchdog {
  public:
    // Arms at once. Without `on_timeout`, firing logs a critical message naming the
    // phase and calls std::_Exit(exit_code) (no destructors: they may be what hangs).
    explicit ShutdownWatchdog(std::chrono::milliseconds limit, int exit_code = 1,
                              std::function<void(const std::string& phase)> on_timeout = {});
    ~ShutdownWatchdog();  // disarms
    ShutdownWatchdog(const ShutdownWatchdog&) = delete;
    ShutdownWatchdog& operator=(const ShutdownWatchdog&) = delete;

    // Names the current step of the shutdown (for the message if the watchdog fires).
    void set_phase(std::string phase);
    // Stops the watchdog; idempotent.
    void disarm();

  private:
    void wait(std::chrono::milliseconds limit, int exit_code);

    std::mutex mu_;
    std::condition_variable cv_;
    bool disarmed_ = false;
    std::string phase_ = "shutdown";
    std::function<void(const std::string&)> on_timeout_;
    std::thread thread_;
};

}  // namespace herald::service

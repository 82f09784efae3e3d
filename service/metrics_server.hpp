// The loopback HTTP endpoint for Prometheus and health checks (cpp-httplib).
//
//   GET /metrics  200, Registry::render() as text/plain; version=0.0.4
//   GET /healthz  200 "ok" when the health callback says healthy, else 503 "<reason>"
//   anything else 404
//
// The server runs in its own thread with a small pool (2 workers) and stops cleanly
// in stop() or the destructor.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "common/result.hpp"
#include "service/metrics.hpp"

namespace httplib {
class Server;
}

namespace herald::service {

struct Health {
    bool healthy = true;
    std::string reason;  // why not healthy (shown in the 503 body)
};

using HealthCheck = std::function<Health()>;

struct ListenAddress {
    std::string host = "127.0.0.1";
    std::uint16_t port = 9464;  // 0: any free port (see MetricsServer::bound_port)
};

// "127.0.0.1:9464", "localhost:0", "[::1]:9464". The port is required.
Result<ListenAddress> parse_listen_address(std::string_view text);

class MetricsServer {
  public:
    // `registry` must outlive the server. `health` runs on the server's thread;
    // without one, /healthz always answers 200.
    explicit MetricsServer(const Registry& registry, HealthCheck health = {});
    ~MetricsServer();
    MetricsServer(const MetricsServer&) = delete;
    MetricsServer& operator=(const MetricsServer&) = delete;

    // Binds synchronously (so a busy port is reported here, with the address) and
    // starts serving on a thread. Fails when already started.
    Status start(const ListenAddress& address);
    // The bound port (the chosen one when started with port 0); 0 when not running.
    std::uint16_t bound_port() const { return bound_port_; }
    bool running() const { return thread_.joinable(); }
    // Stops accepting, waits for the thread. Idempotent.
    void stop();

  private:
    const Registry& registry_;
    HealthCheck health_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    std::atomic<bool> finished_{false};
    std::uint16_t bound_port_ = 0;
};

}  // namespace herald::service

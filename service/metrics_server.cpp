#include "service/metrics_server.hpp"

#include <sys/socket.h>

#include <charconv>
#include <chrono>

#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

namespace herald::service {

Result<ListenAddress> parse_listen_address(std::string_view text) {
    const auto bad = [&](std::string_view why) {
        return fail("config", fmt::format("invalid listen address \"{}\": {} (expected HOST:PORT, "
                                          "e.g. 127.0.0.1:9464)",
                                          text, why));
    };
    std::string_view host;
    std::string_view port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos) return bad("missing ']'");
        host = text.substr(1, close - 1);
        if (close + 1 >= text.size() || text[close + 1] != ':') return bad("missing port");
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos) return bad("missing port");
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.find(':') != std::string_view::npos) return bad("IPv6 hosts need [brackets]");
    }
    if (host.empty()) return bad("missing host");
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535) {
        return bad("port must be a number from 0 to 65535");
    }
    return ListenAddress{std::string(host), static_cast<std::uint16_t>(value)};
}

MetricsServer::MetricsServer(const Registry& registry, HealthCheck health)
    : registry_(registry), health_(std::move(health)) {}

MetricsServer::~MetricsServer() {
    stop();
}

Status MetricsServer::start(const ListenAddress& address) {
    if (server_) return fail("metrics", "metrics server already started");
    auto server = std::make_unique<httplib::Server>();
    server->new_task_queue = [] { return new httplib::ThreadPool(2); };
    server->set_read_timeout(5, 0);
    server->set_write_timeout(5, 0);
    server->set_keep_alive_timeout(5);
    server->set_payload_max_length(64 * 1024);
    // httplib's default also sets SO_REUSEPORT, which would let a second herald bind the
    // same port and silently share the scrapes. SO_REUSEADDR alone allows quick restarts.
    server->set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    server->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(registry_.render(), std::string(kPrometheusContentType).c_str());
    });
    server->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
        Health h = health_ ? health_() : Health{};
        if (h.healthy) {
            res.set_content("ok\n", "text/plain; charset=utf-8");
        } else {
            res.status = 503;
            res.set_content((h.reason.empty() ? std::string("unhealthy") : h.reason) + "\n",
                            "text/plain; charset=utf-8");
        }
    });
    server->set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            spdlog::error("metrics: {} {}: {}", req.method, req.path, what);
            res.status = 500;
            res.set_content("internal error\n", "text/plain; charset=utf-8");
        });

    int port = address.port;
    if (address.port == 0) {
        port = server->bind_to_any_port(address.host);
        if (port < 0) port = 0;
    } else if (!server->bind_to_port(address.host, address.port)) {
        port = 0;
    }
    if (port <= 0) {
        return fail("metrics", fmt::format("cannot listen on {}:{} (address in use or not local?)",
                                           address.host, address.port));
    }
    bound_port_ = static_cast<std::uint16_t>(port);
    server_ = std::move(server);
    finished_ = false;
    thread_ = std::thread([this, srv = server_.get()] {
        if (!srv->listen_after_bind()) spdlog::error("metrics: HTTP server stopped with an error");
        finished_ = true;
    });
    // stop() only works once the accept loop runs; wait for it (it starts at once).
    while (!server_->is_running() && !finished_) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    spdlog::info("metrics: serving /metrics and /healthz on http://{}:{}", address.host,
                 bound_port_);
    return {};
}

void MetricsServer::stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    bound_port_ = 0;
}

}  // namespace herald::service

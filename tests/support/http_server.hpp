// A real HTTP(S) server on 127.0.0.1 (ephemeral port) for loopback tests.
//
//   herald::test::HttpServer srv;                 // listening once constructed
//   srv.serve("/feed.xml", Reply(xml));           // static reply
//   srv.route("/x", [](const auto& req, auto& res) { ... });  // any handler
//   fetch(srv.url("/feed.xml"));
//   EXPECT_EQ(srv.requests("/feed.xml").back().header("If-None-Match"), "\"v1\"");
//
// Routes match the path exactly (query string ignored) for GET and HEAD and can be
// changed while the server runs. Unknown paths get 404. Every request is logged.
// The server counts handlers running at the same time (concurrent(), max_concurrent()),
// which tests use to check client-side concurrency caps.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>

namespace herald::test {

// A canned reply:  Reply(body).with_status(503).with_header("Retry-After", "60")
struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "application/rss+xml; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    // Sleep this long before answering (the handler still counts as running).
    std::chrono::milliseconds delay{0};

    Reply() = default;
    explicit Reply(std::string b, int s = 200) : status(s), body(std::move(b)) {}
    Reply& with_status(int s) {
        status = s;
        return *this;
    }
    Reply& with_type(std::string ct) {
        content_type = std::move(ct);
        return *this;
    }
    Reply& with_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    Reply& with_delay(std::chrono::milliseconds d) {
        delay = d;
        return *this;
    }
};

struct RecordedRequest {
    std::string method, path;
    std::vector<std::pair<std::string, std::string>> headers;
    std::chrono::steady_clock::time_point at;
    // Value of a request header (case-insensitive name), or "" if absent.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

class HttpServer {
  public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    // Binds 127.0.0.1:<ephemeral> and starts serving. Throws std::runtime_error if it cannot.
    // Also makes sure a proxy from the environment is bypassed for 127.0.0.1 (no_proxy).
    enum class Scheme { http, https };

    explicit HttpServer(std::size_t threads = 64) : HttpServer(Scheme::http, threads) {}
    // Scheme::https serves TLS with a fresh self-signed certificate for 127.0.0.1
    // (see cert_pem() to trust it).
    explicit HttpServer(Scheme scheme, std::size_t threads = 64);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    int port() const { return port_; }
    // "http://127.0.0.1:<port>" + path ("https://" for Scheme::https)
    std::string url(std::string_view path = "/") const;
    // PEM of the self-signed certificate (https only; empty for http).
    const std::string& cert_pem() const { return cert_pem_; }

    // --- routes (thread-safe, replace any previous route for the path)
    void route(const std::string& path, Handler handler);
    void serve(const std::string& path, Reply reply);
    // 301/302/303/307/308 to `location` (absolute URL or path on this server).
    void redirect(const std::string& path, int status, const std::string& location);
    // Answers 200 with ETag/Last-Modified and honours If-None-Match / If-Modified-Since (304).
    void serve_conditional(const std::string& path, std::string body, std::string etag,
                           std::string last_modified,
                           std::string content_type = "application/rss+xml");
    // Streams `chunk` forever (chunked encoding) until the client goes away or the server stops.
    void endless(const std::string& path, std::string chunk = std::string(16384, 'x'),
                 std::string content_type = "application/rss+xml");
    // Sends headers, then trickles `body` one byte every `gap` (a slow server).
    void trickle(const std::string& path, std::string body, std::chrono::milliseconds gap);
    // Sends `body` gzip-compressed with "Content-Encoding: gzip".
    void serve_gzip(const std::string& path, const std::string& body,
                    std::string content_type = "application/rss+xml");
    void remove_route(const std::string& path);
    // Serves files of `dir` below the URL prefix `prefix` ("/feeds/"), with ETag and
    // Last-Modified and 304s (see file_reply.hpp). Exact routes win over mounts.
    void mount(std::string prefix, std::filesystem::path dir);

    // --- request log
    std::vector<RecordedRequest> requests() const;
    std::vector<RecordedRequest> requests(std::string_view path) const;
    std::size_t request_count(std::string_view path) const;
    void clear_log();

    // Handlers running right now / the most ever at once (reset with reset_max_concurrent()).
    int concurrent() const { return running_.load(); }
    int max_concurrent() const { return max_running_.load(); }
    void reset_max_concurrent() { max_running_.store(running_.load()); }

    // True once stop() began: long-running handlers should return.
    bool stopping() const { return stopping_.load(); }
    // Sleeps up to `d`, returns early (false) when the server is stopping.
    bool sleep_for(std::chrono::milliseconds d) const;

    void stop();

    // gzip (RFC 1952) of `data` at the given zlib level.
    static std::string gzip(std::string_view data, int level = 9);
    // gzip of `decoded_bytes` zero bytes, built in pieces (a "gzip bomb": ~1000:1).
    static std::string gzip_zeros(std::size_t decoded_bytes);

  private:
    void dispatch(const httplib::Request& req, httplib::Response& res);

    std::unique_ptr<httplib::Server> server_;
    Scheme scheme_ = Scheme::http;
    std::string cert_pem_;
    std::thread thread_;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> running_{0};
    std::atomic<int> max_running_{0};
    mutable std::mutex mu_;
    std::map<std::string, std::shared_ptr<Handler>> routes_;
    std::vector<std::pair<std::string, std::filesystem::path>> mounts_;
    std::vector<RecordedRequest> log_;
};

}  // namespace herald::test

// Concurrent HTTP(S) fetching of feeds on the libcurl multi interface.
//
// One Fetcher drives many transfers from a single thread: submit() queues a
// request, poll() runs the transfers for at most max_wait and returns the ones
// that finished. Nothing on this path throws: every outcome is a
// herald::Result<FetchResponse>. Non-2xx statuses are NOT errors here (the
// Scheduler decides what a 404 or a 503 means); errors are failures to get a
// response at all:
//   "timeout"        connect or total timeout hit
//   "too_large"      body (after gzip/deflate/br decoding) larger than max_body
//   "redirect_loop"  a redirect chain revisits a URL or exceeds max_redirects
//   "network"        DNS, connect, TLS, connection reset, ...
//   "http"           unusable request/response: bad URL, unsupported scheme,
//                    malformed reply, broken content encoding
//   "cancelled"      only from cancel()/cancel_all(), never from poll()
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"

namespace herald::feeds {

struct Auth {
    enum class Kind { none, basic, bearer };
    Kind kind = Kind::none;
    std::string username, password;  // basic
    std::string token;               // bearer
};

struct FetchRequest {
    std::string feed_id;
    std::string url;  // http:// or https:// only
    // Extra request headers ("Accept" etc.). A header named here overrides the default.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string user_agent;  // empty: Fetcher::Options::user_agent
    Auth auth;  // only sent to the same host:port (or the same host over https) on redirects
    // Conditional GET: If-None-Match / If-Modified-Since when non-empty.
    std::string etag, last_modified;
    std::chrono::milliseconds connect_timeout{10000};
    std::chrono::milliseconds timeout{30000};  // whole request, redirects included
    std::size_t max_body = 20u << 20;          // decoded bytes
};

struct FetchResponse {
    long status = 0;            // final status after redirects (200, 304, 404, 503, ...)
    std::string body;           // decoded (gzip/deflate/br); empty for 304
    std::string content_type;   // lower-case media type without parameters ("application/rss+xml")
    std::string charset;        // lower-case charset parameter, or empty
    std::string etag;           // ETag of the final response, or empty
    std::string last_modified;  // Last-Modified of the final response (verbatim), or empty
    std::string effective_url;  // URL of the final response
    // Set when the chain starts with permanent redirects (301/308): the URL the
    // feed has moved to; the caller should store it instead of the old one.
    std::optional<std::string> moved_to;
    std::optional<std::chrono::seconds> retry_after;  // Retry-After (seconds or HTTP-date)
    std::optional<std::chrono::seconds> max_age;      // Cache-Control: max-age
    int redirects = 0;                                // hops followed
    std::size_t bytes = 0;                            // body bytes after decoding
    double seconds = 0;                               // wall time, redirects included
};

struct FetchOutcome {
    std::string feed_id;
    herald::Result<FetchResponse> result;
};

class Fetcher {
  public:
    struct Options {
        std::size_t max_concurrency = 32;  // transfers in flight over all hosts
        std::size_t per_host = 4;          // transfers in flight per host:port
        int max_redirects = 8;
        bool verify_tls = true;
        std::string ca_file;  // PEM bundle to trust instead of the system's; empty: system
        std::string user_agent = "herald/0.1 (+feed poller)";
    };

    Fetcher();
    explicit Fetcher(Options options);
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Queues a request; it starts as soon as the caps allow (in submit order).
    // Never fails: an unusable request comes back as an error from poll().
    void submit(FetchRequest request);

    // Drives the transfers for at most max_wait (returns earlier as soon as at
    // least one finished) and returns the finished ones. Returns immediately
    // when nothing is queued or in flight.
    std::vector<FetchOutcome> poll(std::chrono::milliseconds max_wait);

    // Makes a poll() blocked in another thread return early. Thread-safe.
    void wakeup();

    std::size_t in_flight() const;
    std::size_t queued() const;
    bool idle() const { return in_flight() == 0 && queued() == 0; }

    // Aborts a feed's queued/in-flight requests; returns how many were dropped.
    std::size_t cancel(const std::string& feed_id);
    // Aborts everything; returns the feed ids dropped (no outcome follows for them).
    std::vector<std::string> cancel_all();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Helpers exposed for tests and for other callers.

// "Retry-After" value: delta seconds or an HTTP-date (relative to `now`, never negative).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::int64_t now);
// "Cache-Control" value: the max-age directive, if any.
std::optional<std::chrono::seconds> parse_max_age(std::string_view value);
// "Content-Type" value -> {lower-case media type, lower-case charset or ""}.
std::pair<std::string, std::string> parse_content_type(std::string_view value);
// The URL with any user:password@ removed, for log and error messages.
std::string redact_url(std::string_view url);

}  // namespace herald::feeds

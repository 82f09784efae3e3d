#include "feeds/fetch/fetcher.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "common/text.hpp"
#include "common/time.hpp"

namespace herald::feeds {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kDefaultAccept =
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool is_redirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// "host:port" of a URL (lower-case, default port filled in), plus the scheme.
struct UrlParts {
    std::string scheme, host, host_key;
};

Result<UrlParts> url_parts(const std::string& url) {
    CURLU* u = curl_url();
    if (u == nullptr) return fail("http", "out of memory");
    UrlParts out;
    auto rc = curl_url_set(u, CURLUPART_URL, url.c_str(), 0);
    char* scheme = nullptr;
    char* host = nullptr;
    char* port = nullptr;
    if (rc == CURLUE_OK) rc = curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
    if (rc == CURLUE_OK) rc = curl_url_get(u, CURLUPART_HOST, &host, 0);
    if (rc == CURLUE_OK) rc = curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
    if (rc == CURLUE_OK) {
        out.scheme = ascii_lower(scheme);
        out.host = ascii_lower(host);
        out.host_key = out.host + ":" + port;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    if (rc != CURLUE_OK) {
        return fail("http",
                    fmt::format("invalid URL '{}': {}", redact_url(url), curl_url_strerror(rc)));
    }
    if (out.scheme != "http" && out.scheme != "https") {
        return fail("http", fmt::format("unsupported scheme in '{}'", redact_url(url)));
    }
    return out;
}

bool has_header(const FetchRequest& r, std::string_view name) {
    return std::any_of(r.headers.begin(), r.headers.end(),
                       [&](const auto& h) { return iequals(h.first, name); });
}

}  // namespace

// ---------------------------------------------------------------------------
// Header value helpers

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::int64_t now) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t secs = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), secs);
        if (ec != std::errc() || p != value.data() + value.size()) {
            // Absurdly large: treat as "a very long time".
            return std::chrono::seconds(std::int64_t{1} << 40);
        }
        return std::chrono::seconds(secs);
    }
    std::string v(value);
    time_t t = curl_getdate(v.c_str(), nullptr);
    if (t == -1) return std::nullopt;
    std::int64_t delta = static_cast<std::int64_t>(t) - now;
    return std::chrono::seconds(std::max<std::int64_t>(0, delta));
}

std::optional<std::chrono::seconds> parse_max_age(std::string_view value) {
    for (auto part : split(value, ',')) {
        part = trim(part);
        auto eq = part.find('=');
        if (eq == std::string_view::npos) continue;
        if (!iequals(trim(part.substr(0, eq)), "max-age")) continue;
        auto num = trim(part.substr(eq + 1));
        if (num.size() >= 2 && num.front() == '"' && num.back() == '"') {
            num = num.substr(1, num.size() - 2);
        }
        std::int64_t secs = 0;
        auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), secs);
        if (ec != std::errc() || p != num.data() + num.size() || secs < 0) return std::nullopt;
        return std::chrono::seconds(secs);
    }
    return std::nullopt;
}

std::pair<std::string, std::string> parse_content_type(std::string_view value) {
    auto parts = split(value, ';');
    std::string type = parts.empty() ? std::string() : ascii_lower(trim(parts[0]));
    std::string charset;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        auto p = trim(parts[i]);
        auto eq = p.find('=');
        if (eq == std::string_view::npos) continue;
        if (!iequals(trim(p.substr(0, eq)), "charset")) continue;
        auto v = trim(p.substr(eq + 1));
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        charset = ascii_lower(trim(v));
    }
    return {type, charset};
}

std::string redact_url(std::string_view url) {
    auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return std::string(url);
    auto auth_start = scheme_end + 3;
    auto auth_end = url.find_first_of("/?#", auth_start);
    auto at = url.rfind('@', auth_end == std::string_view::npos ? url.size() : auth_end);
    if (at == std::string_view::npos || at < auth_start) return std::string(url);
    return std::string(url.substr(0, auth_start)) + std::string(url.substr(at + 1));
}

// ---------------------------------------------------------------------------
// Fetcher

namespace {

struct Transfer {
    FetchRequest req;
    CURL* easy = nullptr;
    curl_slist* header_list = nullptr;
    std::string slot;           // host:port of the submitted URL (concurrency slot)
    std::string orig_host_key;  // host:port credentials are sent to
    std::string orig_host;      // ... or this host name over https
    std::string url;            // current hop
    std::vector<std::string> visited;
    int redirects = 0;
    bool permanent_chain = true;
    std::optional<std::string> moved_to;
    Clock::time_point started;
    bool too_large = false;
    // Current response.
    std::string body, etag, last_modified, content_type, retry_after, cache_control;
    std::array<char, CURL_ERROR_SIZE> errbuf{};

    void reset_response() {
        body.clear();
        etag.clear();
        last_modified.clear();
        content_type.clear();
        retry_after.clear();
        cache_control.clear();
        too_large = false;
        errbuf[0] = '\0';
    }
};

size_t on_write(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * n;
    if (t->body.size() + len > t->req.max_body) {
        t->too_large = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->body.append(data, len);
    return len;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * n;
    std::string_view line(data, len);
    if (line.starts_with("HTTP/")) {  // a new response (1xx, proxy CONNECT, ...)
        t->reset_response();
        return len;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return len;
    auto name = trim(line.substr(0, colon));
    auto value = std::string(trim(line.substr(colon + 1)));
    if (iequals(name, "etag")) {
        t->etag = value;
    } else if (iequals(name, "last-modified")) {
        t->last_modified = value;
    } else if (iequals(name, "content-type")) {
        t->content_type = value;
    } else if (iequals(name, "retry-after")) {
        t->retry_after = value;
    } else if (iequals(name, "cache-control")) {
        if (!t->cache_control.empty()) t->cache_control += ", ";
        t->cache_control += value;
    }
    return len;
}

}  // namespace

struct Fetcher::Impl {
    Options opt;
    CURLM* multi = nullptr;
    std::deque<std::unique_ptr<Transfer>> queue;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> active;
    std::unordered_map<std::string, std::size_t> per_host;
    std::vector<FetchOutcome> ready;  // finished outside of curl (bad URL, ...)
    std::atomic<bool> woken{false};

    explicit Impl(Options o) : opt(std::move(o)) {
        global_init();
        multi = curl_multi_init();
    }

    ~Impl() {
        for (auto& [easy, t] : active) {
            curl_multi_remove_handle(multi, easy);
            destroy(*t);
        }
        active.clear();
        if (multi != nullptr) curl_multi_cleanup(multi);
    }

    static void destroy(Transfer& t) {
        if (t.easy != nullptr) curl_easy_cleanup(t.easy);
        t.easy = nullptr;
        if (t.header_list != nullptr) curl_slist_free_all(t.header_list);
        t.header_list = nullptr;
    }

    void finish(std::unique_ptr<Transfer> t, Result<FetchResponse> r) {
        ready.push_back(FetchOutcome{std::move(t->req.feed_id), std::move(r)});
        destroy(*t);
    }

    Error error_for(const Transfer& t, std::string kind, std::string_view what) const {
        return Error{std::move(kind), fmt::format("GET {}: {}", redact_url(t.url), what)};
    }

    // Sets up t.easy for the hop to t.url. Returns an error if curl refuses.
    Status configure(Transfer& t, std::chrono::milliseconds remaining) {
        if (t.easy == nullptr) t.easy = curl_easy_init();
        if (t.easy == nullptr) return fail("network", "curl_easy_init failed");
        CURL* e = t.easy;
        curl_easy_reset(e);
        if (t.header_list != nullptr) curl_slist_free_all(t.header_list);
        t.header_list = nullptr;
        t.reset_response();

        auto parts = url_parts(t.url);
        if (!parts) return tl::unexpected(parts.error());
        // Credentials go to the original host:port, or to the same host name over https
        // (an http -> https upgrade), never elsewhere.
        bool same_host = parts->host_key == t.orig_host_key ||
                         (parts->host == t.orig_host && parts->scheme == "https");

        curl_easy_setopt(e, CURLOPT_URL, t.url.c_str());
        curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errbuf.data());
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_write);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);   // followed here, hop by hop
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // all that curl can decode
        curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
        curl_easy_setopt(
            e, CURLOPT_CONNECTTIMEOUT_MS,
            static_cast<long>(std::max<std::int64_t>(1, t.req.connect_timeout.count())));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(std::max<std::int64_t>(1, remaining.count())));
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, opt.verify_tls ? 1L : 0L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, opt.verify_tls ? 2L : 0L);
        if (!opt.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, opt.ca_file.c_str());
        const std::string& ua = t.req.user_agent.empty() ? opt.user_agent : t.req.user_agent;
        curl_easy_setopt(e, CURLOPT_USERAGENT, ua.c_str());

        auto add = [&](const std::string& line) {
            curl_slist* n = curl_slist_append(t.header_list, line.c_str());
            if (n != nullptr) t.header_list = n;
        };
        if (!has_header(t.req, "Accept")) add(std::string("Accept: ") + kDefaultAccept);
        for (const auto& [name, value] : t.req.headers) {
            if (!same_host && iequals(name, "Authorization")) continue;
            // "Name;" is curl's way to send a header with an empty value.
            add(value.empty() ? name + ";" : name + ": " + value);
        }
        if (!t.req.etag.empty() && !has_header(t.req, "If-None-Match")) {
            add("If-None-Match: " + t.req.etag);
        }
        if (!t.req.last_modified.empty() && !has_header(t.req, "If-Modified-Since")) {
            add("If-Modified-Since: " + t.req.last_modified);
        }
        if (same_host) {
            if (t.req.auth.kind == Auth::Kind::bearer) {
                add("Authorization: Bearer " + t.req.auth.token);
            } else if (t.req.auth.kind == Auth::Kind::basic) {
                curl_easy_setopt(e, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
                curl_easy_setopt(e, CURLOPT_USERNAME, t.req.auth.username.c_str());
                curl_easy_setopt(e, CURLOPT_PASSWORD, t.req.auth.password.c_str());
            }
        }
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.header_list);
        return {};
    }

    std::chrono::milliseconds remaining(const Transfer& t) const {
        auto spent =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t.started);
        return t.req.timeout - spent;
    }

    void start(std::unique_ptr<Transfer> t) {
        auto st = configure(*t, t->req.timeout);
        if (!st) {
            finish(std::move(t), tl::unexpected(st.error()));
            return;
        }
        if (curl_multi_add_handle(multi, t->easy) != CURLM_OK) {
            auto err = error_for(*t, "network", "curl_multi_add_handle failed");
            finish(std::move(t), tl::unexpected(std::move(err)));
            return;
        }
        ++per_host[t->slot];
        CURL* e = t->easy;
        active.emplace(e, std::move(t));
    }

    void start_queued() {
        const std::size_t global = std::max<std::size_t>(opt.max_concurrency, 1);
        const std::size_t cap = std::max<std::size_t>(opt.per_host, 1);
        if (queue.empty() || active.size() >= global) return;
        for (auto it = queue.begin(); it != queue.end() && active.size() < global;) {
            auto& n = per_host[(*it)->slot];
            if (n >= cap) {
                ++it;
                continue;
            }
            auto t = std::move(*it);
            it = queue.erase(it);
            t->started = Clock::now();
            start(std::move(t));
        }
    }

    void release_slot(const std::string& slot) {
        auto it = per_host.find(slot);
        if (it == per_host.end()) return;
        if (it->second <= 1) {
            per_host.erase(it);
        } else {
            --it->second;
        }
    }

    // A transfer (one hop) finished with `code`.
    void complete(CURL* easy, CURLcode code) {
        auto node = active.extract(easy);
        if (node.empty()) return;
        std::unique_ptr<Transfer> t = std::move(node.mapped());
        curl_multi_remove_handle(multi, easy);

        if (code != CURLE_OK) {
            release_slot(t->slot);
            std::string what = t->errbuf[0] != '\0' ? std::string(t->errbuf.data())
                                                    : std::string(curl_easy_strerror(code));
            std::string kind = "network";
            if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
                kind = "too_large";
                what = fmt::format("body larger than {} bytes", t->req.max_body);
            } else if (code == CURLE_OPERATION_TIMEDOUT) {
                kind = "timeout";
            } else if (code == CURLE_TOO_MANY_REDIRECTS) {
                kind = "redirect_loop";
            } else if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT ||
                       code == CURLE_WEIRD_SERVER_REPLY || code == CURLE_BAD_CONTENT_ENCODING ||
                       code == CURLE_HTTP2 || code == CURLE_HTTP2_STREAM || code == CURLE_HTTP3) {
                kind = "http";
            }
            auto err = error_for(*t, kind, what);
            finish(std::move(t), tl::unexpected(std::move(err)));
            return;
        }

        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        char* location = nullptr;
        curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location);
        if (is_redirect(status) && location != nullptr && *location != '\0') {
            std::string next(location);
            if (t->redirects >= opt.max_redirects) {
                release_slot(t->slot);
                auto err = error_for(*t, "redirect_loop",
                                     fmt::format("more than {} redirects", opt.max_redirects));
                finish(std::move(t), tl::unexpected(std::move(err)));
                return;
            }
            if (std::find(t->visited.begin(), t->visited.end(), next) != t->visited.end()) {
                release_slot(t->slot);
                auto err = error_for(*t, "redirect_loop",
                                     fmt::format("redirect loop back to {}", redact_url(next)));
                finish(std::move(t), tl::unexpected(std::move(err)));
                return;
            }
            if (t->permanent_chain && (status == 301 || status == 308)) {
                t->moved_to = next;
            } else {
                t->permanent_chain = false;
            }
            auto left = remaining(*t);
            if (left.count() <= 0) {
                release_slot(t->slot);
                auto err = error_for(*t, "timeout", "timed out while following redirects");
                finish(std::move(t), tl::unexpected(std::move(err)));
                return;
            }
            ++t->redirects;
            t->url = next;
            t->visited.push_back(next);
            auto st = configure(*t, left);
            if (!st) {
                release_slot(t->slot);
                finish(std::move(t), tl::unexpected(st.error()));
                return;
            }
            if (curl_multi_add_handle(multi, t->easy) != CURLM_OK) {
                release_slot(t->slot);
                auto err = error_for(*t, "network", "curl_multi_add_handle failed");
                finish(std::move(t), tl::unexpected(std::move(err)));
                return;
            }
            CURL* e = t->easy;
            active.emplace(e, std::move(t));
            return;
        }

        release_slot(t->slot);
        FetchResponse r;
        r.status = status;
        r.body = std::move(t->body);
        if (status == 304) r.body.clear();
        auto [type, charset] = parse_content_type(t->content_type);
        r.content_type = std::move(type);
        r.charset = std::move(charset);
        r.etag = std::move(t->etag);
        r.last_modified = std::move(t->last_modified);
        char* eff = nullptr;
        curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &eff);
        r.effective_url = eff != nullptr ? std::string(eff) : t->url;
        r.moved_to = std::move(t->moved_to);
        if (!t->retry_after.empty()) r.retry_after = parse_retry_after(t->retry_after, now_utc());
        if (!t->cache_control.empty()) r.max_age = parse_max_age(t->cache_control);
        r.redirects = t->redirects;
        r.bytes = r.body.size();
        r.seconds = std::chrono::duration<double>(Clock::now() - t->started).count();
        finish(std::move(t), std::move(r));
    }

    void drain() {
        int left = 0;
        while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
            if (m->msg == CURLMSG_DONE) complete(m->easy_handle, m->data.result);
        }
        start_queued();
    }
};

Fetcher::Fetcher() : Fetcher(Options{}) {}

Fetcher::Fetcher(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Fetcher::~Fetcher() = default;

void Fetcher::submit(FetchRequest request) {
    auto t = std::make_unique<Transfer>();
    t->req = std::move(request);
    t->url = t->req.url;
    t->visited.push_back(t->url);
    t->started = Clock::now();
    if (impl_->multi == nullptr) {
        auto err = impl_->error_for(*t, "network", "curl_multi_init failed");
        impl_->finish(std::move(t), tl::unexpected(std::move(err)));
        return;
    }
    auto parts = url_parts(t->url);
    if (!parts) {
        impl_->finish(std::move(t), tl::unexpected(parts.error()));
        return;
    }
    t->slot = parts->host_key;
    t->orig_host_key = parts->host_key;
    t->orig_host = parts->host;
    impl_->queue.push_back(std::move(t));
}

std::vector<FetchOutcome> Fetcher::poll(std::chrono::milliseconds max_wait) {
    auto& im = *impl_;
    auto deadline = Clock::now() + max_wait;
    std::vector<FetchOutcome> out;
    if (im.multi != nullptr) {
        im.start_queued();
        for (;;) {
            int running = 0;
            curl_multi_perform(im.multi, &running);
            im.drain();
            if (!im.ready.empty() || (im.active.empty() && im.queue.empty())) break;
            if (im.woken.exchange(false)) break;
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) break;
            curl_multi_poll(im.multi, nullptr, 0,
                            static_cast<int>(std::min<std::int64_t>(left.count(), 1000)), nullptr);
        }
    }
    out.swap(im.ready);
    return out;
}

void Fetcher::wakeup() {
    impl_->woken.store(true);
    if (impl_->multi != nullptr) curl_multi_wakeup(impl_->multi);
}

std::size_t Fetcher::in_flight() const {
    return impl_->active.size();
}

std::size_t Fetcher::queued() const {
    return impl_->queue.size();
}

std::size_t Fetcher::cancel(const std::string& feed_id) {
    auto& im = *impl_;
    std::size_t n = 0;
    for (auto it = im.queue.begin(); it != im.queue.end();) {
        if ((*it)->req.feed_id == feed_id) {
            it = im.queue.erase(it);
            ++n;
        } else {
            ++it;
        }
    }
    for (auto it = im.active.begin(); it != im.active.end();) {
        if (it->second->req.feed_id == feed_id) {
            curl_multi_remove_handle(im.multi, it->first);
            im.release_slot(it->second->slot);
            Impl::destroy(*it->second);
            it = im.active.erase(it);
            ++n;
        } else {
            ++it;
        }
    }
    auto before = im.ready.size();
    std::erase_if(im.ready, [&](const FetchOutcome& o) { return o.feed_id == feed_id; });
    n += before - im.ready.size();
    return n;
}

std::vector<std::string> Fetcher::cancel_all() {
    auto& im = *impl_;
    std::vector<std::string> ids;
    for (auto& t : im.queue) ids.push_back(t->req.feed_id);
    im.queue.clear();
    for (auto& [easy, t] : im.active) {
        curl_multi_remove_handle(im.multi, easy);
        ids.push_back(t->req.feed_id);
        Impl::destroy(*t);
    }
    im.active.clear();
    im.per_host.clear();
    for (auto& o : im.ready) ids.push_back(o.feed_id);
    im.ready.clear();
    return ids;
}

}  // namespace herald::feeds

#include "tests/support/http_server.hpp"

#include "tests/support/file_reply.hpp"

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <stdexcept>

namespace herald::test {

namespace {

bool ieq(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lx = static_cast<unsigned char>(x);
               auto ly = static_cast<unsigned char>(y);
               return std::tolower(lx) == std::tolower(ly);
           });
}

void bypass_proxy_for_loopback() {
    const char* cur = std::getenv("no_proxy");
    if (cur == nullptr) cur = std::getenv("NO_PROXY");
    std::string v = cur != nullptr ? cur : "";
    if (v.find("127.0.0.1") != std::string::npos || v == "*") return;
    v = v.empty() ? "127.0.0.1,localhost" : v + ",127.0.0.1,localhost";
    ::setenv("no_proxy", v.c_str(), 1);
    ::setenv("NO_PROXY", v.c_str(), 1);
}

struct RunningGuard {
    std::atomic<int>& running;
    explicit RunningGuard(std::atomic<int>& r, std::atomic<int>& max) : running(r) {
        int now = ++running;
        int seen = max.load();
        while (now > seen && !max.compare_exchange_weak(seen, now)) {
        }
    }
    ~RunningGuard() { --running; }
    RunningGuard(const RunningGuard&) = delete;
    RunningGuard& operator=(const RunningGuard&) = delete;
};

struct SelfSigned {
    std::unique_ptr<X509, decltype(&X509_free)> cert{nullptr, &X509_free};
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{nullptr, &EVP_PKEY_free};
    std::string pem;
};

// EC P-256 key and a one-day certificate for CN=127.0.0.1, subjectAltName IP:127.0.0.1.
SelfSigned make_self_signed() {
    SelfSigned out;
    out.key.reset(EVP_EC_gen("P-256"));
    out.cert.reset(X509_new());
    if (!out.key || !out.cert) throw std::runtime_error("test HttpServer: OpenSSL key/cert");
    X509* x = out.cert.get();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 86400);
    X509_set_pubkey(x, out.key.get());
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"},
                              {NID_basic_constraints, "critical,CA:TRUE"}}) {
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (ext == nullptr) throw std::runtime_error("test HttpServer: X509 extension");
        X509_add_ext(x, ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(x, out.key.get(), EVP_sha256()) == 0) {
        throw std::runtime_error("test HttpServer: X509_sign");
    }
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, x);
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    out.pem.assign(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    return out;
}

}  // namespace

std::string RecordedRequest::header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (ieq(k, name)) return v;
    }
    return {};
}

bool RecordedRequest::has_header(std::string_view name) const {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& h) { return ieq(h.first, name); });
}

HttpServer::HttpServer(Scheme scheme, std::size_t threads) : scheme_(scheme) {
    bypass_proxy_for_loopback();
    if (scheme == Scheme::https) {
        auto cert = make_self_signed();
        server_ = std::make_unique<httplib::SSLServer>(cert.cert.get(), cert.key.get());
        cert_pem_ = std::move(cert.pem);
        if (!server_->is_valid()) throw std::runtime_error("test HttpServer: TLS setup failed");
    } else {
        server_ = std::make_unique<httplib::Server>();
    }
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_keep_alive_timeout(1);
    server_->set_tcp_nodelay(true);
    server_->set_read_timeout(5, 0);
    server_->set_write_timeout(5, 0);
    server_->Get(
        ".*", [this](const httplib::Request& req, httplib::Response& res) { dispatch(req, res); });
    // httplib listens with a backlog of 5: many clients connecting at once would see
    // dropped SYNs and 1 s retransmits. Keep the socket and listen again with a real backlog.
    std::atomic<int> fd{-1};
    server_->set_socket_options([&fd](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        fd.store(sock);
    });
    server_->set_keep_alive_max_count(1000);
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("test HttpServer: cannot bind 127.0.0.1");
    if (fd.load() >= 0) ::listen(fd.load(), SOMAXCONN);
    server_->set_socket_options([](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // stop() before the accept loop runs would be lost: wait until it runs.
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_->is_running() && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::stop() {
    stopping_.store(true);
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string HttpServer::url(std::string_view path) const {
    return (scheme_ == Scheme::https ? "https://127.0.0.1:" : "http://127.0.0.1:") +
           std::to_string(port_) + std::string(path);
}

bool HttpServer::sleep_for(std::chrono::milliseconds d) const {
    auto end = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < end) {
        if (stopping()) return false;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            end - std::chrono::steady_clock::now());
        std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(10)));
    }
    return !stopping();
}

void HttpServer::dispatch(const httplib::Request& req, httplib::Response& res) {
    RunningGuard guard(running_, max_running_);
    std::shared_ptr<Handler> h;
    std::optional<std::pair<std::string, std::filesystem::path>> mount;
    {
        std::lock_guard lock(mu_);
        RecordedRequest r;
        r.method = req.method;
        r.path = req.path;
        r.at = std::chrono::steady_clock::now();
        for (const auto& [k, v] : req.headers) r.headers.emplace_back(k, v);
        log_.push_back(std::move(r));
        auto it = routes_.find(req.path);
        if (it != routes_.end()) h = it->second;
        if (!h) {
            const std::pair<std::string, std::filesystem::path>* best = nullptr;
            for (const auto& m : mounts_) {
                if (req.path.starts_with(m.first) &&
                    (best == nullptr || m.first.size() > best->first.size())) {
                    best = &m;
                }
            }
            if (best != nullptr) {
                mount = *best;
            }
        }
    }
    if (!h && mount) {
        reply_with_file(mount->second, std::string_view(req.path).substr(mount->first.size()), req,
                        res);
        return;
    }
    if (!h) {
        res.status = 404;
        res.set_content("not found\n", "text/plain");
        return;
    }
    (*h)(req, res);
}

void HttpServer::route(const std::string& path, Handler handler) {
    std::lock_guard lock(mu_);
    routes_[path] = std::make_shared<Handler>(std::move(handler));
}

void HttpServer::mount(std::string prefix, std::filesystem::path dir) {
    std::lock_guard lock(mu_);
    mounts_.emplace_back(std::move(prefix), std::move(dir));
}

void HttpServer::remove_route(const std::string& path) {
    std::lock_guard lock(mu_);
    routes_.erase(path);
}

void HttpServer::serve(const std::string& path, Reply reply) {
    route(path, [this, reply = std::move(reply)](const httplib::Request&, httplib::Response& res) {
        if (reply.delay.count() > 0 && !sleep_for(reply.delay)) return;
        res.status = reply.status;
        for (const auto& [k, v] : reply.headers) res.set_header(k, v);
        res.set_content(reply.body, reply.content_type);
    });
}

void HttpServer::redirect(const std::string& path, int status, const std::string& location) {
    serve(path, Reply("moved\n", status).with_type("text/plain").with_header("Location", location));
}

void HttpServer::serve_conditional(const std::string& path, std::string body, std::string etag,
                                   std::string last_modified, std::string content_type) {
    route(
        path, [body = std::move(body), etag = std::move(etag), lm = std::move(last_modified),
               ct = std::move(content_type)](const httplib::Request& req, httplib::Response& res) {
            if (!etag.empty()) res.set_header("ETag", etag);
            if (!lm.empty()) res.set_header("Last-Modified", lm);
            bool not_modified = false;
            if (req.has_header("If-None-Match")) {
                not_modified = !etag.empty() && req.get_header_value("If-None-Match").find(etag) !=
                                                    std::string::npos;
            } else if (req.has_header("If-Modified-Since")) {
                not_modified = !lm.empty() && req.get_header_value("If-Modified-Since") == lm;
            }
            if (not_modified) {
                res.status = 304;
                return;
            }
            res.status = 200;
            res.set_content(body, ct);
        });
}

void HttpServer::endless(const std::string& path, std::string chunk, std::string content_type) {
    route(path, [this, chunk = std::move(chunk), ct = std::move(content_type)](
                    const httplib::Request&, httplib::Response& res) {
        res.status = 200;
        res.set_chunked_content_provider(ct, [this, chunk](size_t, httplib::DataSink& sink) {
            if (stopping()) return false;
            return sink.write(chunk.data(), chunk.size());
        });
    });
}

void HttpServer::trickle(const std::string& path, std::string body, std::chrono::milliseconds gap) {
    route(path,
          [this, body = std::move(body), gap](const httplib::Request&, httplib::Response& res) {
              res.status = 200;
              auto pos = std::make_shared<std::size_t>(0);
              res.set_chunked_content_provider(
                  "application/rss+xml", [this, body, gap, pos](size_t, httplib::DataSink& sink) {
                      if (*pos >= body.size()) {
                          sink.done();
                          return true;
                      }
                      if (!sleep_for(gap)) return false;
                      bool ok = sink.write(body.data() + *pos, 1);
                      ++*pos;
                      return ok;
                  });
          });
}

void HttpServer::serve_gzip(const std::string& path, const std::string& body,
                            std::string content_type) {
    serve(path, Reply(gzip(body))
                    .with_type(std::move(content_type))
                    .with_header("Content-Encoding", "gzip"));
}

std::vector<RecordedRequest> HttpServer::requests() const {
    std::lock_guard lock(mu_);
    return log_;
}

std::vector<RecordedRequest> HttpServer::requests(std::string_view path) const {
    std::lock_guard lock(mu_);
    std::vector<RecordedRequest> out;
    for (const auto& r : log_) {
        if (r.path == path) out.push_back(r);
    }
    return out;
}

std::size_t HttpServer::request_count(std::string_view path) const {
    std::lock_guard lock(mu_);
    return static_cast<std::size_t>(std::count_if(
        log_.begin(), log_.end(), [&](const RecordedRequest& r) { return r.path == path; }));
}

void HttpServer::clear_log() {
    std::lock_guard lock(mu_);
    log_.clear();
}

std::string HttpServer::gzip(std::string_view data, int level) {
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 64);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate failed");
    out.resize(zs.total_out);
    return out;
}

std::string HttpServer::gzip_zeros(std::size_t decoded_bytes) {
    z_stream zs{};
    if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string zeros(1 << 16, '\0');
    std::string out;
    char buf[1 << 14];
    std::size_t left = decoded_bytes;
    int rc = Z_OK;
    do {
        std::size_t n = std::min(left, zeros.size());
        left -= n;
        zs.next_in = reinterpret_cast<Bytef*>(zeros.data());
        zs.avail_in = static_cast<uInt>(n);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            zs.next_out = reinterpret_cast<Bytef*>(buf);
            zs.avail_out = sizeof buf;
            rc = deflate(&zs, flush);
            out.append(buf, sizeof buf - zs.avail_out);
        } while (zs.avail_out == 0);
    } while (left > 0);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip_zeros: deflate failed");
    return out;
}

}  // namespace herald::test

// Fetcher against a real HTTP server on 127.0.0.1.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include "feeds/fetch/fetcher.hpp"
#include "tests/support/http_server.hpp"

namespace herald::feeds {
namespace {

using namespace std::chrono_literals;
using herald::test::HttpServer;
using herald::test::Reply;

constexpr const char* kRss =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";

FetchRequest make_req(std::string id, std::string url, std::size_t max_body = 20u << 20) {
    FetchRequest r;
    r.feed_id = std::move(id);
    r.url = std::move(url);
    r.max_body = max_body;
    return r;
}

// Polls until `n` outcomes arrived (or a generous deadline passed).
std::map<std::string, Result<FetchResponse>> run(Fetcher& f, std::size_t n,
                                                 std::chrono::seconds limit = 60s) {
    std::map<std::string, Result<FetchResponse>> out;
    auto end = std::chrono::steady_clock::now() + limit;
    while (out.size() < n && std::chrono::steady_clock::now() < end) {
        for (auto& o : f.poll(200ms)) out.insert_or_assign(o.feed_id, std::move(o.result));
    }
    return out;
}

Result<FetchResponse> fetch_one(Fetcher& f, FetchRequest req) {
    req.feed_id = "one";
    f.submit(std::move(req));
    auto out = run(f, 1);
    if (out.empty()) return fail("test", "no outcome");
    return out.begin()->second;
}

Result<FetchResponse> fetch_url(const std::string& url) {
    Fetcher f;
    FetchRequest r;
    r.url = url;
    return fetch_one(f, r);
}

TEST(FetcherLoopback, BasicGet) {
    HttpServer srv;
    srv.serve("/feed.xml", Reply(kRss)
                               .with_type("application/rss+xml; charset=\"ISO-8859-1\"")
                               .with_header("ETag", "\"abc\"")
                               .with_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")
                               .with_header("Cache-Control", "public, max-age=600"));
    auto r = fetch_url(srv.url("/feed.xml"));
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, kRss);
    EXPECT_EQ(r->bytes, r->body.size());
    EXPECT_EQ(r->content_type, "application/rss+xml");
    EXPECT_EQ(r->charset, "iso-8859-1");
    EXPECT_EQ(r->etag, "\"abc\"");
    EXPECT_EQ(r->last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
    ASSERT_TRUE(r->max_age);
    EXPECT_EQ(r->max_age->count(), 600);
    EXPECT_FALSE(r->retry_after);
    EXPECT_FALSE(r->moved_to);
    EXPECT_EQ(r->effective_url, srv.url("/feed.xml"));
    EXPECT_EQ(r->redirects, 0);
    EXPECT_GE(r->seconds, 0.0);

    auto reqs = srv.requests("/feed.xml");
    ASSERT_EQ(reqs.size(), 1u);
    EXPECT_EQ(reqs[0].method, "GET");
    EXPECT_NE(reqs[0].header("User-Agent").find("herald"), std::string::npos);
    EXPECT_NE(reqs[0].header("Accept").find("application/rss+xml"), std::string::npos);
    EXPECT_NE(reqs[0].header("Accept-Encoding").find("gzip"), std::string::npos);
    EXPECT_FALSE(reqs[0].has_header("If-None-Match"));
    EXPECT_FALSE(reqs[0].has_header("If-Modified-Since"));
    EXPECT_FALSE(reqs[0].has_header("Authorization"));
}

TEST(FetcherLoopback, ErrorStatusesAreResponsesNotErrors) {
    HttpServer srv;
    srv.serve("/gone", Reply("gone", 410));
    srv.serve("/boom", Reply("oops", 500));
    for (auto [path, status] : {std::pair{"/gone", 410}, {"/boom", 500}, {"/missing", 404}}) {
        auto r = fetch_url(srv.url(path));
        ASSERT_TRUE(r) << path << ": " << r.error().str();
        EXPECT_EQ(r->status, status) << path;
    }
}

TEST(FetcherLoopback, RetryAfterSecondsAndDate) {
    HttpServer srv;
    srv.serve("/slowdown", Reply("", 429).with_header("Retry-After", "120"));
    srv.serve("/later", Reply("", 503).with_header("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT"));
    auto a = fetch_url(srv.url("/slowdown"));
    ASSERT_TRUE(a) << a.error().str();
    EXPECT_EQ(a->status, 429);
    ASSERT_TRUE(a->retry_after);
    EXPECT_EQ(a->retry_after->count(), 120);
    auto b = fetch_url(srv.url("/later"));
    ASSERT_TRUE(b) << b.error().str();
    EXPECT_EQ(b->status, 503);
    ASSERT_TRUE(b->retry_after);
    EXPECT_GT(b->retry_after->count(), 365LL * 86400 * 50);
}

TEST(FetcherLoopback, EtagRoundTripGives304WithoutBody) {
    HttpServer srv;
    srv.serve_conditional("/feed.xml", kRss, "\"v1\"", "");
    Fetcher f;
    FetchRequest req;
    req.url = srv.url("/feed.xml");
    auto first = fetch_one(f, req);
    ASSERT_TRUE(first) << first.error().str();
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->etag, "\"v1\"");

    req.etag = first->etag;
    auto second = fetch_one(f, req);
    ASSERT_TRUE(second) << second.error().str();
    EXPECT_EQ(second->status, 304);
    EXPECT_TRUE(second->body.empty());
    EXPECT_EQ(second->bytes, 0u);

    auto reqs = srv.requests("/feed.xml");
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_FALSE(reqs[0].has_header("If-None-Match"));
    EXPECT_EQ(reqs[1].header("If-None-Match"), "\"v1\"");
}

TEST(FetcherLoopback, LastModifiedRoundTrip) {
    HttpServer srv;
    const std::string lm = "Tue, 15 Nov 1994 12:45:26 GMT";
    srv.serve_conditional("/feed.xml", kRss, "", lm);
    Fetcher f;
    FetchRequest req;
    req.url = srv.url("/feed.xml");
    auto first = fetch_one(f, req);
    ASSERT_TRUE(first) << first.error().str();
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->last_modified, lm);
    EXPECT_TRUE(first->etag.empty());

    req.last_modified = first->last_modified;
    auto second = fetch_one(f, req);
    ASSERT_TRUE(second) << second.error().str();
    EXPECT_EQ(second->status, 304);
    EXPECT_TRUE(second->body.empty());
    auto reqs = srv.requests("/feed.xml");
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[1].header("If-Modified-Since"), lm);
}

TEST(FetcherLoopback, PermanentRedirectReportsMovedTo) {
    HttpServer srv;
    srv.redirect("/old", 301, srv.url("/new"));
    srv.redirect("/old308", 308, "/new");  // relative Location
    srv.serve("/new", Reply(kRss));
    for (const char* path : {"/old", "/old308"}) {
        auto r = fetch_url(srv.url(path));
        ASSERT_TRUE(r) << r.error().str();
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->body, kRss);
        EXPECT_EQ(r->redirects, 1);
        ASSERT_TRUE(r->moved_to) << path;
        EXPECT_EQ(*r->moved_to, srv.url("/new"));
        EXPECT_EQ(r->effective_url, srv.url("/new"));
    }
}

TEST(FetcherLoopback, TemporaryRedirectIsNotAMove) {
    HttpServer srv;
    srv.redirect("/tmp", 302, "/new");
    srv.redirect("/tmp307", 307, "/new");
    srv.redirect("/perm-then-tmp", 301, "/tmp");
    srv.redirect("/tmp-then-perm", 302, "/old");
    srv.redirect("/old", 301, "/new");
    srv.serve("/new", Reply(kRss));
    for (const char* path : {"/tmp", "/tmp307", "/tmp-then-perm"}) {
        auto r = fetch_url(srv.url(path));
        ASSERT_TRUE(r) << r.error().str();
        EXPECT_EQ(r->status, 200);
        EXPECT_FALSE(r->moved_to) << path;
    }
    // Permanent first hop: the feed moved to the first target, whatever happens after.
    auto r = fetch_url(srv.url("/perm-then-tmp"));
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(r->redirects, 2);
    ASSERT_TRUE(r->moved_to);
    EXPECT_EQ(*r->moved_to, srv.url("/tmp"));
}

TEST(FetcherLoopback, RedirectLoopIsAnError) {
    HttpServer srv;
    srv.redirect("/a", 302, "/b");
    srv.redirect("/b", 301, "/a");
    auto r = fetch_url(srv.url("/a"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, "redirect_loop") << r.error().str();
    EXPECT_LE(srv.requests().size(), 3u);
}

TEST(FetcherLoopback, TooManyRedirectsIsAnError) {
    HttpServer srv;
    for (int i = 0; i < 20; ++i) {
        srv.redirect(fmt::format("/r{}", i), 302, fmt::format("/r{}", i + 1));
    }
    Fetcher::Options o;
    o.max_redirects = 5;
    Fetcher f(o);
    FetchRequest req;
    req.url = srv.url("/r0");
    auto r = fetch_one(f, req);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, "redirect_loop") << r.error().str();
    EXPECT_EQ(srv.requests().size(), 6u);  // the first request + 5 redirects followed
}

TEST(FetcherLoopback, SlowServerHitsTimeout) {
    HttpServer srv;
    srv.serve("/slow", Reply(kRss).with_delay(20s));
    srv.trickle("/trickle", std::string(1000, 'x'), 100ms);
    Fetcher f;
    for (const char* path : {"/slow", "/trickle"}) {
        FetchRequest req;
        req.feed_id = path;
        req.url = srv.url(path);
        req.timeout = 500ms;
        f.submit(req);
    }
    auto out = run(f, 2);
    ASSERT_EQ(out.size(), 2u);
    for (auto& [id, r] : out) {
        ASSERT_FALSE(r) << id;
        EXPECT_EQ(r.error().kind, "timeout") << id << ": " << r.error().str();
    }
}

TEST(FetcherLoopback, EndlessBodyHitsSizeCap) {
    HttpServer srv;
    srv.endless("/endless");
    Fetcher f;
    FetchRequest req;
    req.url = srv.url("/endless");
    req.max_body = 1u << 20;
    auto r = fetch_one(f, req);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, "too_large") << r.error().str();
    EXPECT_EQ(f.in_flight(), 0u);
}

TEST(FetcherLoopback, BodyJustUnderTheCapIsFine) {
    HttpServer srv;
    std::string body(4096, 'a');
    srv.serve("/exact", Reply(body));
    srv.serve("/over", Reply(body + "b"));
    Fetcher f;
    FetchRequest req;
    req.url = srv.url("/exact");
    req.max_body = body.size();
    auto ok = fetch_one(f, req);
    ASSERT_TRUE(ok) << ok.error().str();
    EXPECT_EQ(ok->body, body);
    req.url = srv.url("/over");
    auto over = fetch_one(f, req);
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().kind, "too_large");
}

TEST(FetcherLoopback, GzipBombHitsDecodedSizeCap) {
    HttpServer srv;
    std::string bomb = HttpServer::gzip_zeros(64u << 20);  // 64 MiB of zeros
    ASSERT_LT(bomb.size(), 1u << 20);                      // compressed: far under the cap
    srv.serve("/bomb",
              Reply(bomb).with_type("application/rss+xml").with_header("Content-Encoding", "gzip"));
    Fetcher f;
    FetchRequest req;
    req.url = srv.url("/bomb");
    req.max_body = 2u << 20;
    auto r = fetch_one(f, req);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, "too_large") << r.error().str();
}

TEST(FetcherLoopback, CompressedBodiesAreDecoded) {
    HttpServer srv;
    std::string big;
    for (int i = 0; i < 2000; ++i) big += fmt::format("<item><title>item {}</title></item>", i);
    srv.serve_gzip("/gz", big);
    // text/xml is compressed by the server itself (br or gzip, as the client accepts).
    srv.serve("/auto", Reply(big).with_type("text/xml; charset=utf-8"));
    for (const char* path : {"/gz", "/auto"}) {
        auto r = fetch_url(srv.url(path));
        ASSERT_TRUE(r) << r.error().str();
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->body, big) << path;
        EXPECT_EQ(r->bytes, big.size());
    }
}

TEST(FetcherLoopback, HeadersUserAgentAndAuth) {
    HttpServer srv;
    srv.serve("/private", Reply(kRss));
    Fetcher f;
    FetchRequest req;
    req.url = srv.url("/private");
    req.user_agent = "custom-agent/2";
    req.headers = {{"X-Test", "yes"}, {"Accept", "application/atom+xml"}};
    req.auth.kind = Auth::Kind::basic;
    req.auth.username = "alice";
    req.auth.password = "s3cret";
    ASSERT_TRUE(fetch_one(f, req));
    req.auth = Auth{};
    req.auth.kind = Auth::Kind::bearer;
    req.auth.token = "tok-123";
    ASSERT_TRUE(fetch_one(f, req));
    auto reqs = srv.requests("/private");
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[0].header("User-Agent"), "custom-agent/2");
    EXPECT_EQ(reqs[0].header("X-Test"), "yes");
    EXPECT_EQ(reqs[0].header("Accept"), "application/atom+xml");
    EXPECT_EQ(reqs[0].header("Authorization"), "Basic YWxpY2U6czNjcmV0");  // alice:s3cret
    EXPECT_EQ(reqs[1].header("Authorization"), "Bearer tok-123");
}

TEST(FetcherLoopback, CredentialsAreNotSentToAnotherHost) {
    HttpServer a;
    HttpServer b;  // another port: another host:port for the client
    b.serve("/feed", Reply(kRss));
    a.redirect("/feed", 302, b.url("/feed"));
    Fetcher f;
    FetchRequest req;
    req.url = a.url("/feed");
    req.auth.kind = Auth::Kind::bearer;
    req.auth.token = "tok";
    auto r = fetch_one(f, req);
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(r->body, kRss);
    EXPECT_EQ(a.requests("/feed").at(0).header("Authorization"), "Bearer tok");
    EXPECT_FALSE(b.requests("/feed").at(0).has_header("Authorization"));
}

TEST(FetcherLoopback, BadUrlsAndRefusedConnections) {
    int dead_port = 0;
    {
        HttpServer gone;
        dead_port = gone.port();
    }
    Fetcher f;
    for (auto [id, url] : {std::pair{"ftp", "ftp://127.0.0.1/feed"},
                           {"garbage", "http://[::1"},
                           {"empty", ""},
                           {"refused", ""}}) {
        FetchRequest req;
        req.feed_id = id;
        req.url =
            std::string(id) == "refused" ? fmt::format("http://127.0.0.1:{}/feed", dead_port) : url;
        f.submit(req);
    }
    auto out = run(f, 4);
    ASSERT_EQ(out.size(), 4u);
    for (const char* id : {"ftp", "garbage", "empty"}) {
        ASSERT_FALSE(out.at(id)) << id;
        EXPECT_EQ(out.at(id).error().kind, "http") << out.at(id).error().str();
    }
    ASSERT_FALSE(out.at("refused"));
    EXPECT_EQ(out.at("refused").error().kind, "network") << out.at("refused").error().str();
}

TEST(FetcherLoopback, ErrorMessagesDoNotLeakUrlCredentials) {
    HttpServer srv;
    srv.serve("/slow", Reply(kRss).with_delay(10s));
    Fetcher f;
    FetchRequest req;
    req.url = fmt::format("http://user:hunter2@127.0.0.1:{}/slow", srv.port());
    req.timeout = 300ms;
    auto r = fetch_one(f, req);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message.find("hunter2"), std::string::npos) << r.error().message;
}

TEST(FetcherLoopback, PerHostCapIsRespected) {
    HttpServer srv;
    srv.serve("/feed", Reply(kRss).with_delay(100ms));
    Fetcher::Options o;
    o.max_concurrency = 32;
    o.per_host = 3;
    Fetcher f(o);
    for (int i = 0; i < 24; ++i) {
        f.submit(make_req(fmt::format("f{}", i), srv.url("/feed")));
    }
    EXPECT_EQ(f.queued(), 24u);
    f.poll(0ms);
    EXPECT_LE(f.in_flight(), 3u);
    auto out = run(f, 24);
    ASSERT_EQ(out.size(), 24u);
    for (auto& [id, r] : out) ASSERT_TRUE(r) << id << ": " << r.error().str();
    EXPECT_LE(srv.max_concurrent(), 3);
    EXPECT_GE(srv.max_concurrent(), 2);  // the cap is a cap, not serialisation
    EXPECT_TRUE(f.idle());
}

TEST(FetcherLoopback, GlobalCapIsRespectedAcrossHosts) {
    std::atomic<int> running{0};
    std::atomic<int> peak{0};
    auto handler = [&](const httplib::Request&, httplib::Response& res) {
        int now = ++running;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(80ms);
        --running;
        res.set_content(kRss, "application/rss+xml");
    };
    HttpServer a, b, c;
    for (auto* s : {&a, &b, &c}) s->route("/feed", handler);
    Fetcher::Options o;
    o.max_concurrency = 4;
    o.per_host = 4;
    Fetcher f(o);
    int n = 0;
    for (int i = 0; i < 10; ++i) {
        for (auto* s : {&a, &b, &c}) {
            f.submit(make_req(fmt::format("f{}", n++), s->url("/feed")));
        }
    }
    auto out = run(f, 30);
    ASSERT_EQ(out.size(), 30u);
    for (auto& [id, r] : out) ASSERT_TRUE(r) << id << ": " << r.error().str();
    EXPECT_LE(peak.load(), 4);
    EXPECT_GE(peak.load(), 2);
}

TEST(FetcherLoopback, ManyFeedsInFlight) {
    HttpServer srv;
    constexpr int kFeeds = 200;
    for (int i = 0; i < kFeeds; ++i) {
        srv.serve(fmt::format("/feed/{}", i),
                  Reply(fmt::format("<rss><channel><title>{}</title></channel></rss>", i))
                      .with_header("ETag", fmt::format("\"{}\"", i)));
    }
    Fetcher::Options o;
    o.max_concurrency = 48;
    o.per_host = 24;
    Fetcher f(o);
    for (int i = 0; i < kFeeds; ++i) {
        f.submit(make_req(std::to_string(i), srv.url(fmt::format("/feed/{}", i))));
    }
    auto out = run(f, kFeeds, 120s);
    ASSERT_EQ(out.size(), static_cast<std::size_t>(kFeeds));
    for (int i = 0; i < kFeeds; ++i) {
        const auto& r = out.at(std::to_string(i));
        ASSERT_TRUE(r) << i << ": " << r.error().str();
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find(fmt::format("<title>{}</title>", i)), std::string::npos);
        EXPECT_EQ(r->etag, fmt::format("\"{}\"", i));
    }
    EXPECT_LE(srv.max_concurrent(), 24);
    EXPECT_EQ(srv.requests().size(), static_cast<std::size_t>(kFeeds));
    EXPECT_TRUE(f.idle());
}

TEST(FetcherLoopback, CancelDropsTransfers) {
    HttpServer srv;
    srv.trickle("/trickle", std::string(100000, 'x'), 50ms);
    srv.serve("/slow", Reply(kRss).with_delay(10s));
    Fetcher::Options o;
    o.per_host = 1;
    Fetcher f(o);
    f.submit(make_req("a", srv.url("/trickle")));
    f.submit(make_req("b", srv.url("/slow")));
    f.submit(make_req("c", srv.url("/slow")));
    f.poll(100ms);
    EXPECT_EQ(f.in_flight(), 1u);
    EXPECT_EQ(f.queued(), 2u);
    EXPECT_EQ(f.cancel("a"), 1u);
    EXPECT_EQ(f.in_flight(), 0u);
    f.poll(50ms);
    EXPECT_EQ(f.in_flight(), 1u);  // "b" started in the freed slot
    auto ids = f.cancel_all();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"b", "c"}));
    EXPECT_TRUE(f.idle());
    EXPECT_TRUE(f.poll(10ms).empty());
}

TEST(FetcherLoopback, PollReturnsAtOnceWhenIdle) {
    Fetcher f;
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(f.poll(30s).empty());
    EXPECT_LT(std::chrono::steady_clock::now() - start, 20s);
}

}  // namespace
}  // namespace herald::feeds

namespace herald::feeds {
namespace {

// Proxies come from the environment (libcurl's default, kept on purpose). The loopback
// server plays the proxy: it receives the absolute URL of a host that does not exist.
TEST(FetcherLoopback, HonoursProxyFromEnvironment) {
    HttpServer proxy;
    const std::string target = "http://feeds.example.invalid/rss.xml";
    proxy.serve(target, Reply(kRss));
    const char* old = std::getenv("http_proxy");
    std::string saved = old != nullptr ? old : "";
    ::setenv("http_proxy", proxy.url("").c_str(), 1);
    auto r = fetch_url(target);
    if (old != nullptr) {
        ::setenv("http_proxy", saved.c_str(), 1);
    } else {
        ::unsetenv("http_proxy");
    }
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, kRss);
    EXPECT_EQ(proxy.request_count(target), 1u);
}

}  // namespace
}  // namespace herald::feeds

namespace herald::feeds {
namespace {

TEST(FetcherLoopback, TlsIsVerifiedByDefault) {
    HttpServer srv(HttpServer::Scheme::https);
    srv.serve("/feed", Reply(kRss));
    ASSERT_EQ(srv.url("/feed").rfind("https://", 0), 0u);

    // Self-signed: refused with verification on (the default).
    auto refused = fetch_url(srv.url("/feed"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, "network") << refused.error().str();

    // Accepted when verification is off for this Fetcher.
    Fetcher::Options insecure;
    insecure.verify_tls = false;
    Fetcher f1(insecure);
    FetchRequest req;
    req.url = srv.url("/feed");
    auto r1 = fetch_one(f1, req);
    ASSERT_TRUE(r1) << r1.error().str();
    EXPECT_EQ(r1->body, kRss);

    // Accepted with verification on when the certificate is trusted through ca_file.
    auto ca = std::filesystem::temp_directory_path() /
              (fmt::format("herald-fetch-ca-{}.pem", ::getpid()));
    std::ofstream(ca) << srv.cert_pem();
    Fetcher::Options trusted;
    trusted.ca_file = ca.string();
    Fetcher f2(trusted);
    auto r2 = fetch_one(f2, req);
    std::filesystem::remove(ca);
    ASSERT_TRUE(r2) << r2.error().str();
    EXPECT_EQ(r2->status, 200);
    EXPECT_EQ(r2->body, kRss);
    EXPECT_EQ(srv.request_count("/feed"), 2u);
}

}  // namespace
}  // namespace herald::feeds

namespace herald::feeds {
namespace {

TEST(FetcherLoopback, CredentialsFollowAnUpgradeToHttpsOnTheSameHost) {
    HttpServer plain;
    HttpServer tls(HttpServer::Scheme::https);
    tls.serve("/feed", Reply(kRss));
    plain.redirect("/feed", 301, tls.url("/feed"));
    Fetcher::Options o;
    o.verify_tls = false;
    Fetcher f(o);
    FetchRequest req;
    req.url = plain.url("/feed");
    req.auth.kind = Auth::Kind::basic;
    req.auth.username = "alice";
    req.auth.password = "s3cret";
    auto r = fetch_one(f, req);
    ASSERT_TRUE(r) << r.error().str();
    EXPECT_EQ(r->body, kRss);
    ASSERT_TRUE(r->moved_to);
    EXPECT_EQ(*r->moved_to, tls.url("/feed"));
    EXPECT_EQ(tls.requests("/feed").at(0).header("Authorization"), "Basic YWxpY2U6czNjcmV0");

    // The other way round (https -> http on another port) drops them.
    HttpServer plain2;
    plain2.serve("/feed", Reply(kRss));
    tls.redirect("/down", 302, plain2.url("/feed"));
    req.url = tls.url("/down");
    auto d = fetch_one(f, req);
    ASSERT_TRUE(d) << d.error().str();
    EXPECT_FALSE(plain2.requests("/feed").at(0).has_header("Authorization"));
}

}  // namespace
}  // namespace herald::feeds

namespace herald::feeds {
namespace {

TEST(FetcherLoopback, WakeupEndsAPollEarly) {
    HttpServer srv;
    srv.serve("/slow", Reply(kRss).with_delay(30s));
    Fetcher f;
    f.submit(make_req("a", srv.url("/slow")));
    std::thread waker([&f] {
        std::this_thread::sleep_for(200ms);
        f.wakeup();
    });
    auto start = std::chrono::steady_clock::now();
    auto out = f.poll(60s);
    auto waited = std::chrono::steady_clock::now() - start;
    waker.join();
    EXPECT_TRUE(out.empty());
    EXPECT_LT(waited, 25s);  // not the 30 s of the slow reply, nor the 60 s asked for
    EXPECT_EQ(f.in_flight(), 1u);
    f.cancel_all();
}

}  // namespace
}  // namespace herald::feeds

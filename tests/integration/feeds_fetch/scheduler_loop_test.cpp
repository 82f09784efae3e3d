// Scheduler + Fetcher together against a real loopback server, the way the daemon
// drives them: due() -> prepare() -> submit() -> poll() -> on_result(). Time is
// simulated (the scheduler's clock jumps to next_due()); HTTP is real.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "feeds/fetch/fetcher.hpp"
#include "feeds/fetch/scheduler.hpp"
#include "tests/support/http_server.hpp"

namespace herald::feeds {
namespace {

using namespace std::chrono_literals;
using herald::test::HttpServer;
using herald::test::Reply;

constexpr const char* kRss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
constexpr UnixTime kT0 = 1'700'000'000;

PollPolicy exact_policy() {
    PollPolicy p;
    p.interval = 900s;
    p.min_interval = 60s;
    p.max_interval = 86400s;
    p.jitter = 0.0;
    p.backoff_base = 300s;
    p.backoff_max = 3600s;
    return p;
}

struct Loop {
    Scheduler sched;
    Fetcher fetcher;
    UnixTime now = kT0;
    std::chrono::milliseconds timeout{10000};

    void add(const std::string& id, const std::string& url) {
        FeedPollState st;
        st.url = url;
        sched.add_or_update(id, exact_policy(), st);
    }

    // Fetches every feed due at `now` and records the results.
    std::map<std::string, PollVerdict> round() {
        std::map<std::string, PollVerdict> out;
        auto ids = sched.due(now);
        for (const auto& id : ids) {
            FetchRequest req;
            req.timeout = timeout;
            sched.prepare(id, req);
            fetcher.submit(std::move(req));
        }
        auto end = std::chrono::steady_clock::now() + 60s;
        while (out.size() < ids.size() && std::chrono::steady_clock::now() < end) {
            for (auto& o : fetcher.poll(200ms)) {
                out[o.feed_id] = sched.on_result(o.feed_id, o.result, {}, now);
            }
        }
        return out;
    }

    // Jumps the clock to the next due feed.
    bool advance() {
        auto t = sched.next_due();
        if (!t) return false;
        now = std::max(now, *t);
        return true;
    }
};

TEST(PollLoop, EtagRoundTrip) {
    HttpServer srv;
    srv.serve_conditional("/feed", kRss, "\"e1\"", "");
    Loop loop;
    loop.add("a", srv.url("/feed"));
    EXPECT_EQ(loop.round().at("a").kind, PollVerdict::Kind::fresh);
    EXPECT_EQ(loop.sched.state("a")->etag, "\"e1\"");
    ASSERT_TRUE(loop.advance());
    EXPECT_EQ(loop.now, kT0 + 900);
    EXPECT_EQ(loop.round().at("a").kind, PollVerdict::Kind::not_modified);
    auto reqs = srv.requests("/feed");
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_FALSE(reqs[0].has_header("If-None-Match"));
    EXPECT_EQ(reqs[1].header("If-None-Match"), "\"e1\"");
    EXPECT_EQ(loop.sched.state("a")->last_status, 304);
}

TEST(PollLoop, LastModifiedRoundTrip) {
    HttpServer srv;
    const std::string lm = "Sat, 01 Jan 2022 00:00:00 GMT";
    srv.serve_conditional("/feed", kRss, "", lm);
    Loop loop;
    loop.add("a", srv.url("/feed"));
    EXPECT_EQ(loop.round().at("a").kind, PollVerdict::Kind::fresh);
    ASSERT_TRUE(loop.advance());
    EXPECT_EQ(loop.round().at("a").kind, PollVerdict::Kind::not_modified);
    auto reqs = srv.requests("/feed");
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[1].header("If-Modified-Since"), lm);
}

TEST(PollLoop, PermanentRedirectsUpdateTheStoredUrl) {
    for (int code : {301, 308}) {
        HttpServer srv;
        srv.redirect("/old", code, "/new");
        srv.serve("/new", Reply(kRss));
        Loop loop;
        loop.add("a", srv.url("/old"));
        auto v = loop.round().at("a");
        EXPECT_EQ(v.kind, PollVerdict::Kind::fresh) << code;
        EXPECT_TRUE(v.moved) << code;
        EXPECT_EQ(loop.sched.state("a")->url, srv.url("/new"));
        ASSERT_TRUE(loop.advance());
        v = loop.round().at("a");
        EXPECT_FALSE(v.moved);
        EXPECT_EQ(srv.request_count("/old"), 1u) << code;
        EXPECT_EQ(srv.request_count("/new"), 2u) << code;
    }
}

TEST(PollLoop, TemporaryRedirectKeepsTheUrl) {
    HttpServer srv;
    srv.redirect("/feed", 302, "/elsewhere");
    srv.serve("/elsewhere", Reply(kRss));
    Loop loop;
    loop.add("a", srv.url("/feed"));
    auto v = loop.round().at("a");
    EXPECT_EQ(v.kind, PollVerdict::Kind::fresh);
    EXPECT_FALSE(v.moved);
    EXPECT_EQ(loop.sched.state("a")->url, srv.url("/feed"));
}

TEST(PollLoop, GoneRetiresTheFeed) {
    HttpServer srv;
    srv.serve("/gone", Reply("gone", 410));
    srv.serve("/ok", Reply(kRss));
    Loop loop;
    loop.add("gone", srv.url("/gone"));
    loop.add("ok", srv.url("/ok"));
    auto r = loop.round();
    EXPECT_EQ(r.at("gone").kind, PollVerdict::Kind::retired);
    EXPECT_TRUE(loop.sched.state("gone")->retired);
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(loop.advance());
        r = loop.round();
        EXPECT_FALSE(r.contains("gone"));
        EXPECT_EQ(r.at("ok").kind, PollVerdict::Kind::fresh);
    }
    EXPECT_EQ(srv.request_count("/gone"), 1u);
    EXPECT_EQ(srv.request_count("/ok"), 4u);
}

TEST(PollLoop, TooManyRequestsHonoursRetryAfter) {
    HttpServer srv;
    srv.serve("/feed", Reply("slow down", 429).with_header("Retry-After", "7200"));
    Loop loop;
    loop.add("a", srv.url("/feed"));
    auto v = loop.round().at("a");
    EXPECT_EQ(v.kind, PollVerdict::Kind::error);
    EXPECT_EQ(v.next_poll, kT0 + 7200);
    EXPECT_EQ(loop.sched.state("a")->last_status, 429);
    EXPECT_TRUE(loop.sched.due(kT0 + 7199).empty());
}

TEST(PollLoop, ServerErrorsBackOffThenRecover) {
    HttpServer srv;
    srv.serve("/feed", Reply("oops", 500));
    Loop loop;
    loop.add("a", srv.url("/feed"));
    std::vector<std::int64_t> delays;
    for (int i = 0; i < 4; ++i) {
        UnixTime before = loop.now;
        auto v = loop.round().at("a");
        EXPECT_EQ(v.kind, PollVerdict::Kind::error);
        delays.push_back(v.next_poll - before);
        ASSERT_TRUE(loop.advance());
    }
    EXPECT_EQ(delays, (std::vector<std::int64_t>{300, 600, 1200, 2400}));
    EXPECT_EQ(loop.sched.state("a")->error_streak, 4);

    srv.serve("/feed", Reply(kRss));  // the server is fixed
    UnixTime before = loop.now;
    auto v = loop.round().at("a");
    EXPECT_EQ(v.kind, PollVerdict::Kind::fresh);
    EXPECT_EQ(v.next_poll - before, 900);
    EXPECT_EQ(loop.sched.state("a")->error_streak, 0);
    EXPECT_EQ(loop.sched.state("a")->last_success, before);
    EXPECT_EQ(srv.request_count("/feed"), 5u);
}

TEST(PollLoop, FetchFailuresBackOff) {
    HttpServer srv;
    srv.serve("/slow", Reply(kRss).with_delay(20s));
    srv.endless("/endless");
    srv.redirect("/loop", 302, "/loop");
    Loop loop;
    loop.timeout = 400ms;
    loop.add("slow", srv.url("/slow"));
    loop.add("endless", srv.url("/endless"));
    loop.add("loop", srv.url("/loop"));
    auto r = loop.round();
    ASSERT_EQ(r.size(), 3u);
    for (const auto& [id, v] : r) {
        EXPECT_EQ(v.kind, PollVerdict::Kind::error) << id;
        EXPECT_EQ(v.next_poll, kT0 + 300) << id;
        EXPECT_EQ(loop.sched.state(id)->error_streak, 1) << id;
    }
}

}  // namespace
}  // namespace herald::feeds

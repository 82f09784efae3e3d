// Scheduler: pure logic, time passed in.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "feeds/fetch/scheduler.hpp"

namespace herald::feeds {
namespace {

using namespace std::chrono_literals;

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

FeedPollState fresh_state(std::string url = "http://127.0.0.1/feed") {
    FeedPollState s;
    s.url = std::move(url);
    return s;
}

Result<FetchResponse> response(long status) {
    FetchResponse r;
    r.status = status;
    return r;
}

Result<FetchResponse> error(std::string kind) {
    return fail(std::move(kind), "test");
}

// Hands the feed out and records `result` at `now`.
PollVerdict poll(Scheduler& s, const std::string& id, const Result<FetchResponse>& result,
                 UnixTime now, const FeedHints& hints = {}) {
    auto due = s.due(now);
    EXPECT_NE(std::find(due.begin(), due.end(), id), due.end()) << id << " not due at " << now;
    return s.on_result(id, result, hints, now);
}

TEST(Scheduler, NewFeedIsDueAtOnceAndHandedOutOnce) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state());
    EXPECT_EQ(s.next_due(), UnixTime{0});
    EXPECT_EQ(s.due(kT0), std::vector<std::string>{"a"});
    EXPECT_TRUE(s.in_flight("a"));
    EXPECT_TRUE(s.due(kT0).empty());
    EXPECT_TRUE(s.due(kT0 + 100000).empty());
    EXPECT_FALSE(s.next_due());
    auto v = s.on_result("a", response(200), {}, kT0);
    EXPECT_EQ(v.kind, PollVerdict::Kind::fresh);
    EXPECT_FALSE(s.in_flight("a"));
    EXPECT_EQ(v.next_poll, kT0 + 900);
    EXPECT_EQ(s.next_due(), kT0 + 900);
    EXPECT_TRUE(s.due(kT0 + 899).empty());
    EXPECT_EQ(s.due(kT0 + 900), std::vector<std::string>{"a"});
}

TEST(Scheduler, DueOrdersOldestFirst) {
    Scheduler s;
    auto st = fresh_state();
    st.next_poll = kT0 - 10;
    s.add_or_update("late", exact_policy(), st);
    st.next_poll = kT0 - 500;
    s.add_or_update("later", exact_policy(), st);
    st.next_poll = kT0 + 10;
    s.add_or_update("future", exact_policy(), st);
    EXPECT_EQ(s.due(kT0), (std::vector<std::string>{"later", "late"}));
}

TEST(Scheduler, UnknownFeedIsIgnored) {
    Scheduler s;
    auto v = s.on_result("nope", response(200), {}, kT0);
    EXPECT_EQ(v.kind, PollVerdict::Kind::unknown_feed);
    EXPECT_EQ(s.state("nope"), nullptr);
    EXPECT_FALSE(s.next_due());
}

TEST(Scheduler, JitterStaysInBoundsAndSpreadsFeeds) {
    Scheduler s(42);
    PollPolicy p = exact_policy();
    p.jitter = 0.2;
    std::set<UnixTime> seen;
    for (int i = 0; i < 200; ++i) {
        std::string id = fmt::format("f{}", i);
        s.add_or_update(id, p, fresh_state());
        auto v = poll(s, id, response(200), kT0);
        EXPECT_GE(v.next_poll, kT0 + 720) << id;
        EXPECT_LE(v.next_poll, kT0 + 1080) << id;
        seen.insert(v.next_poll);
    }
    EXPECT_GT(seen.size(), 50u);
}

TEST(Scheduler, JitterIsDeterministicPerSeed) {
    auto run = [](std::uint64_t seed) {
        Scheduler s(seed);
        PollPolicy p = exact_policy();
        p.jitter = 0.3;
        std::vector<UnixTime> out;
        s.add_or_update("a", p, fresh_state());
        UnixTime now = kT0;
        for (int i = 0; i < 20; ++i) {
            now = poll(s, "a", response(200), now).next_poll;
            out.push_back(now);
        }
        return out;
    };
    EXPECT_EQ(run(7), run(7));
    EXPECT_NE(run(7), run(8));
}

TEST(Scheduler, ValidatorsAreStoredAndUsedForConditionalGet) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state("http://127.0.0.1/a"));
    FetchResponse r;
    r.status = 200;
    r.etag = "\"v1\"";
    r.last_modified = "Tue, 15 Nov 1994 12:45:26 GMT";
    poll(s, "a", r, kT0);
    FetchRequest req;
    s.prepare("a", req);
    EXPECT_EQ(req.feed_id, "a");
    EXPECT_EQ(req.url, "http://127.0.0.1/a");
    EXPECT_EQ(req.etag, "\"v1\"");
    EXPECT_EQ(req.last_modified, "Tue, 15 Nov 1994 12:45:26 GMT");

    // 304 without validators keeps the old ones.
    auto v = poll(s, "a", response(304), kT0 + 900);
    EXPECT_EQ(v.kind, PollVerdict::Kind::not_modified);
    EXPECT_EQ(s.state("a")->etag, "\"v1\"");
    EXPECT_EQ(s.state("a")->last_success, kT0 + 900);
    EXPECT_EQ(s.state("a")->last_status, 304);

    // 200 without validators clears them (they described the old content).
    poll(s, "a", response(200), kT0 + 1800);
    EXPECT_TRUE(s.state("a")->etag.empty());
    EXPECT_TRUE(s.state("a")->last_modified.empty());
}

TEST(Scheduler, ErrorsBackOffExponentiallyUpToTheCapAndNeverStop) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state());
    UnixTime now = kT0;
    const std::int64_t expected[] = {300, 600, 1200, 2400, 3600, 3600, 3600};
    for (auto want : expected) {
        auto v = poll(s, "a", response(500), now);
        EXPECT_EQ(v.kind, PollVerdict::Kind::error);
        EXPECT_EQ(v.next_poll - now, want);
        now = v.next_poll;
    }
    EXPECT_EQ(s.state("a")->error_streak, 7);
    for (int i = 0; i < 200; ++i) now = poll(s, "a", error("network"), now).next_poll;
    EXPECT_EQ(s.state("a")->error_streak, 207);
    EXPECT_FALSE(s.state("a")->retired);
    auto v = poll(s, "a", error("timeout"), now);
    EXPECT_EQ(v.next_poll - now, 3600);
}

TEST(Scheduler, RecoversToNormalIntervalOnSuccess) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state());
    UnixTime now = kT0;
    for (int i = 0; i < 5; ++i) now = poll(s, "a", response(503), now).next_poll;
    EXPECT_EQ(s.state("a")->error_streak, 5);
    auto v = poll(s, "a", response(200), now);
    EXPECT_EQ(v.kind, PollVerdict::Kind::fresh);
    EXPECT_EQ(s.state("a")->error_streak, 0);
    EXPECT_EQ(v.next_poll - now, 900);
    // A new error starts the backoff from the beginning again.
    now = v.next_poll;
    EXPECT_EQ(poll(s, "a", response(500), now).next_poll - now, 300);
}

TEST(Scheduler, WhatCountsAsAnError) {
    for (long status : {400L, 401L, 403L, 404L, 429L, 500L, 502L, 503L, 300L, 302L}) {
        Scheduler s;
        s.add_or_update("a", exact_policy(), fresh_state());
        auto v = poll(s, "a", response(status), kT0);
        EXPECT_EQ(v.kind, PollVerdict::Kind::error) << status;
        EXPECT_EQ(s.state("a")->error_streak, 1) << status;
        EXPECT_EQ(s.state("a")->last_status, status);
    }
    for (const char* kind : {"network", "timeout", "too_large", "redirect_loop", "http"}) {
        Scheduler s;
        s.add_or_update("a", exact_policy(), fresh_state());
        auto v = poll(s, "a", error(kind), kT0);
        EXPECT_EQ(v.kind, PollVerdict::Kind::error) << kind;
        EXPECT_EQ(s.state("a")->error_streak, 1) << kind;
    }
    for (long status : {200L, 203L, 204L, 304L}) {
        Scheduler s;
        s.add_or_update("a", exact_policy(), fresh_state());
        auto v = poll(s, "a", response(status), kT0);
        EXPECT_NE(v.kind, PollVerdict::Kind::error) << status;
    }
}

TEST(Scheduler, RetryAfterIsHonouredWithinBounds) {
    Scheduler s;
    PollPolicy p = exact_policy();
    s.add_or_update("a", p, fresh_state());
    FetchResponse r;
    r.status = 429;
    r.retry_after = 7200s;
    auto v = poll(s, "a", r, kT0);
    EXPECT_EQ(v.kind, PollVerdict::Kind::error);
    EXPECT_EQ(v.next_poll, kT0 + 7200);  // beyond backoff_max: the server asked for it

    r.retry_after = std::chrono::seconds(365 * 86400);  // absurd: capped at max_interval
    v = poll(s, "a", r, v.next_poll);
    EXPECT_EQ(v.next_poll - (kT0 + 7200), 86400);

    r.status = 503;
    r.retry_after = 10s;  // shorter than the backoff: backoff wins
    UnixTime now = v.next_poll;
    v = poll(s, "a", r, now);
    EXPECT_EQ(v.next_poll - now, 1200);  // third error in a row
}

TEST(Scheduler, GoneRetiresTheFeed) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state());
    s.add_or_update("b", exact_policy(), fresh_state());
    auto due = s.due(kT0);
    ASSERT_EQ(due.size(), 2u);
    auto v = s.on_result("a", response(410), {}, kT0);
    s.on_result("b", response(200), {}, kT0);
    EXPECT_EQ(v.kind, PollVerdict::Kind::retired);
    EXPECT_TRUE(s.state("a")->retired);
    EXPECT_EQ(s.state("a")->last_status, 410);
    EXPECT_EQ(s.due(kT0 + 10 * 365 * 86400LL), std::vector<std::string>{"b"});
    EXPECT_EQ(s.next_due(), std::nullopt);  // b is in flight now, a is retired
    // Restored from storage: still retired.
    Scheduler s2;
    s2.add_or_update("a", exact_policy(), *s.state("a"));
    EXPECT_TRUE(s2.due(kT0 + 10 * 365 * 86400LL).empty());
}

TEST(Scheduler, PermanentRedirectUpdatesTheUrl) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state("http://127.0.0.1/old"));
    FetchResponse r;
    r.status = 200;
    r.moved_to = "http://127.0.0.1/new";
    auto v = poll(s, "a", r, kT0);
    EXPECT_TRUE(v.moved);
    EXPECT_EQ(v.kind, PollVerdict::Kind::fresh);
    EXPECT_EQ(s.state("a")->url, "http://127.0.0.1/new");
    FetchRequest req;
    s.prepare("a", req);
    EXPECT_EQ(req.url, "http://127.0.0.1/new");
    // Same target again: nothing new.
    v = poll(s, "a", r, v.next_poll);
    EXPECT_FALSE(v.moved);
}

TEST(Scheduler, HintsRaiseTheIntervalWithinBounds) {
    struct Case {
        std::optional<std::int64_t> max_age, ttl_minutes, period;
        std::int64_t want;
    };
    const Case cases[] = {
        {3600, {}, {}, 3600},         // Cache-Control max-age
        {{}, 120, {}, 7200},          // RSS <ttl> minutes
        {{}, {}, 21600, 21600},       // sy:updatePeriod
        {{}, {}, 30 * 86400, 86400},  // capped at max_interval
        {60, 5, 600, 900},            // smaller than the interval: interval wins
        {3600, 180, 7200, 10800},     // the largest hint wins
    };
    for (const auto& c : cases) {
        Scheduler s;
        s.add_or_update("a", exact_policy(), fresh_state());
        FetchResponse r;
        r.status = 200;
        if (c.max_age) r.max_age = std::chrono::seconds(*c.max_age);
        FeedHints h;
        h.ttl_minutes = c.ttl_minutes;
        h.update_period_seconds = c.period;
        auto v = poll(s, "a", r, kT0, h);
        EXPECT_EQ(v.next_poll - kT0, c.want) << c.want;
    }
}

TEST(Scheduler, MinIntervalIsAFloor) {
    Scheduler s;
    PollPolicy p = exact_policy();
    p.interval = 5s;
    p.min_interval = 60s;
    p.backoff_base = 1s;
    s.add_or_update("a", p, fresh_state());
    EXPECT_EQ(poll(s, "a", response(200), kT0).next_poll - kT0, 60);
    UnixTime now = kT0 + 60;
    EXPECT_EQ(poll(s, "a", response(500), now).next_poll - now, 60);
}

TEST(Scheduler, AdaptiveIntervalFollowsPublishingRate) {
    Scheduler s;
    PollPolicy p = exact_policy();
    p.adaptive = true;
    p.interval = 900s;
    s.add_or_update("a", p, fresh_state());
    FeedHints h;
    for (int i = 0; i < 10; ++i) h.item_times.push_back(kT0 - i * 7200);  // every 2 h
    auto v = poll(s, "a", response(200), kT0, h);
    EXPECT_EQ(v.next_poll - kT0, 3600);  // twice per gap
    EXPECT_EQ(s.state("a")->adaptive_interval, 3600);
    // 304: no items, the learned interval stays.
    UnixTime now = v.next_poll;
    EXPECT_EQ(poll(s, "a", response(304), now).next_poll - now, 3600);

    // A busy feed is polled often, but never under min_interval.
    now += 3600;
    FeedHints busy;
    for (int i = 0; i < 30; ++i) busy.item_times.push_back(now - i * 10);
    EXPECT_EQ(poll(s, "a", response(200), now, busy).next_poll - now, 60);

    // A feed silent for 4 days slows down to about a day.
    now += 60;
    FeedHints silent;
    for (int i = 0; i < 5; ++i) silent.item_times.push_back(now - 4 * 86400 - i * 3600);
    EXPECT_EQ(poll(s, "a", response(200), now, silent).next_poll - now, 86400);
}

TEST(Scheduler, AdaptiveOffOrTooFewItemsUsesTheInterval) {
    FeedHints h;
    for (int i = 0; i < 10; ++i) h.item_times.push_back(kT0 - i * 7200);
    Scheduler off;
    off.add_or_update("a", exact_policy(), fresh_state());
    EXPECT_EQ(poll(off, "a", response(200), kT0, h).next_poll - kT0, 900);

    PollPolicy p = exact_policy();
    p.adaptive = true;
    Scheduler few;
    few.add_or_update("a", p, fresh_state());
    FeedHints two;
    two.item_times = {kT0 - 7200, kT0};
    EXPECT_EQ(poll(few, "a", response(200), kT0, two).next_poll - kT0, 900);
}

TEST(Scheduler, CancelledIsNoPenalty) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state());
    auto v = poll(s, "a", error("cancelled"), kT0);
    EXPECT_EQ(v.kind, PollVerdict::Kind::cancelled);
    EXPECT_EQ(s.state("a")->error_streak, 0);
    EXPECT_EQ(s.due(kT0), std::vector<std::string>{"a"});
    s.release("a", kT0 + 5);
    EXPECT_FALSE(s.in_flight("a"));
    EXPECT_EQ(s.due(kT0 + 5), std::vector<std::string>{"a"});
}

TEST(Scheduler, AddOrUpdateKeepsInFlightAndRemoveForgets) {
    Scheduler s;
    s.add_or_update("a", exact_policy(), fresh_state());
    s.due(kT0);
    auto st = *s.state("a");
    PollPolicy p = exact_policy();
    p.interval = 1800s;
    s.add_or_update("a", p, st);
    EXPECT_TRUE(s.in_flight("a"));
    EXPECT_EQ(s.on_result("a", response(200), {}, kT0).next_poll - kT0, 1800);
    s.remove("a");
    EXPECT_FALSE(s.contains("a"));
    EXPECT_EQ(s.size(), 0u);
    EXPECT_EQ(s.on_result("a", response(200), {}, kT0).kind, PollVerdict::Kind::unknown_feed);
}

TEST(Scheduler, BackoffSecondsSaturates) {
    PollPolicy p = exact_policy();
    EXPECT_EQ(Scheduler::backoff_seconds(p, 1), 300);
    EXPECT_EQ(Scheduler::backoff_seconds(p, 2), 600);
    EXPECT_EQ(Scheduler::backoff_seconds(p, 64), 3600);
    EXPECT_EQ(Scheduler::backoff_seconds(p, 1'000'000), 3600);
    EXPECT_EQ(Scheduler::backoff_seconds(p, 0), 300);
}

TEST(Scheduler, SyUpdateSeconds) {
    EXPECT_EQ(sy_update_seconds("hourly"), 3600);
    EXPECT_EQ(sy_update_seconds(" Daily ", 2), 43200);
    EXPECT_EQ(sy_update_seconds("weekly", 0), 7 * 86400);
    EXPECT_EQ(sy_update_seconds("monthly"), 30 * 86400);
    EXPECT_EQ(sy_update_seconds("yearly"), 365 * 86400);
    EXPECT_EQ(sy_update_seconds("fortnightly"), std::nullopt);
}

TEST(Scheduler, VerdictNames) {
    EXPECT_EQ(to_string(PollVerdict::Kind::fresh), "fresh");
    EXPECT_EQ(to_string(PollVerdict::Kind::retired), "retired");
    EXPECT_EQ(to_string(PollVerdict::Kind::not_modified), "not_modified");
}

}  // namespace
}  // namespace herald::feeds

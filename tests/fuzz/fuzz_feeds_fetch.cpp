// libFuzzer target for feeds/fetch: header value parsers, and a Scheduler driven by
// outcomes derived from the input (statuses, hints, Retry-After); checks its invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

#include "feeds/fetch/fetcher.hpp"
#include "feeds/fetch/scheduler.hpp"

namespace {

std::int64_t take(const std::uint8_t*& p, const std::uint8_t* end, int bytes) {
    std::int64_t v = 0;
    for (int i = 0; i < bytes && p < end; ++i) v = (v << 8) | *p++;
    return v;
}

}  // namespace

// The scheduler logs every retirement and redirect; keep the fuzzer's output readable.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    spdlog::set_level(spdlog::level::off);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace herald::feeds;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)parse_retry_after(text, 1'700'000'000);
    (void)parse_max_age(text);
    (void)parse_content_type(text);
    (void)redact_url(text);
    (void)sy_update_seconds(text, static_cast<std::int64_t>(size));

    Scheduler s(size);
    PollPolicy p;
    const std::uint8_t* cur = data;
    const std::uint8_t* end = data + size;
    p.interval = std::chrono::seconds(take(cur, end, 2));
    p.min_interval = std::chrono::seconds(take(cur, end, 1));
    p.max_interval = std::chrono::seconds(take(cur, end, 3));
    p.jitter = static_cast<double>(take(cur, end, 1)) / 100.0;
    p.backoff_base = std::chrono::seconds(take(cur, end, 2));
    p.backoff_max = std::chrono::seconds(take(cur, end, 3));
    p.adaptive = (take(cur, end, 1) & 1) != 0;
    FeedPollState st;
    st.url = "http://127.0.0.1/feed";
    s.add_or_update("f", p, st);
    herald::UnixTime now = 1'700'000'000;
    while (cur < end) {
        auto due = s.due(now);
        if (due.empty()) {
            auto next = s.next_due();
            if (!next) break;  // retired
            if (*next < now) std::abort();
            now = *next;
            continue;
        }
        const auto op = take(cur, end, 1);
        FeedHints hints;
        if (op & 0x10) hints.ttl_minutes = take(cur, end, 4);
        if (op & 0x20) hints.update_period_seconds = take(cur, end, 4);
        if (op & 0x40) {
            for (int i = 0; i < 5; ++i) hints.item_times.push_back(now - take(cur, end, 2));
        }
        herald::Result<FetchResponse> r = herald::fail("network", "fuzz");
        if (op & 1) {
            FetchResponse resp;
            resp.status = static_cast<long>(take(cur, end, 2) % 600);
            if (op & 2) resp.retry_after = std::chrono::seconds(take(cur, end, 4));
            if (op & 4) resp.max_age = std::chrono::seconds(take(cur, end, 4));
            r = resp;
        }
        auto v = s.on_result("f", r, hints, now);
        const auto* state = s.state("f");
        if (state == nullptr) std::abort();
        if (!state->retired && state->next_poll < now) std::abort();  // never in the past
        if (v.kind == PollVerdict::Kind::error && state->error_streak <= 0) std::abort();
        now += 1;
    }
    return 0;
}

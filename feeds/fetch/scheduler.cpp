#include "feeds/fetch/scheduler.hpp"

#include <algorithm>
#include <cmath>

#include <spdlog/spdlog.h>

#include "common/text.hpp"

namespace herald::feeds {

namespace {

bool is_success(long status) {
    return (status >= 200 && status < 300) || status == 304;
}

std::int64_t clamp64(std::int64_t v, std::int64_t lo, std::int64_t hi) {
    if (hi < lo) hi = lo;
    return std::clamp(v, lo, hi);
}

// Seconds between posts learned from item publish times, or 0 if too few.
std::int64_t adaptive_from_items(std::vector<UnixTime> times, UnixTime now) {
    std::erase_if(times, [&](UnixTime t) { return t <= 0 || t > now + 86400; });
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    constexpr std::size_t kRecent = 20;
    if (times.size() > kRecent) times.erase(times.begin(), times.end() - kRecent);
    if (times.size() < 3) return 0;
    std::vector<std::int64_t> gaps;
    for (std::size_t i = 1; i < times.size(); ++i) gaps.push_back(times[i] - times[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                     gaps.end());
    std::int64_t median = gaps[gaps.size() / 2];
    // Poll about twice per typical gap; a feed silent for long is polled less often.
    std::int64_t silent = std::max<std::int64_t>(0, now - times.back());
    return std::max<std::int64_t>({1, median / 2, silent / 4});
}

}  // namespace

std::optional<std::int64_t> sy_update_seconds(std::string_view period, std::int64_t frequency) {
    std::string p = ascii_lower(trim(period));
    std::int64_t secs = 0;
    if (p == "hourly") {
        secs = 3600;
    } else if (p == "daily") {
        secs = 86400;
    } else if (p == "weekly") {
        secs = 7 * 86400;
    } else if (p == "monthly") {
        secs = 30 * 86400;
    } else if (p == "yearly") {
        secs = 365 * 86400;
    } else {
        return std::nullopt;
    }
    if (frequency < 1) frequency = 1;
    return std::max<std::int64_t>(1, secs / frequency);
}

std::string_view to_string(PollVerdict::Kind k) {
    switch (k) {
        case PollVerdict::Kind::fresh:
            return "fresh";
        case PollVerdict::Kind::not_modified:
            return "not_modified";
        case PollVerdict::Kind::error:
            return "error";
        case PollVerdict::Kind::retired:
            return "retired";
        case PollVerdict::Kind::cancelled:
            return "cancelled";
        case PollVerdict::Kind::unknown_feed:
            return "unknown_feed";
    }
    return "?";
}

Scheduler::Scheduler(std::uint64_t seed) : rng_(seed) {}

double Scheduler::uniform() {
    // splitmix64: deterministic across platforms and standard libraries.
    std::uint64_t z = (rng_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
}

std::int64_t Scheduler::jittered(const PollPolicy& p, std::int64_t seconds, std::int64_t lo,
                                 std::int64_t hi) {
    double j = std::clamp(p.jitter, 0.0, 1.0);
    double factor = 1.0 + j * (2.0 * uniform() - 1.0);
    auto v = static_cast<std::int64_t>(std::llround(static_cast<double>(seconds) * factor));
    return clamp64(v, lo, hi);
}

std::int64_t Scheduler::backoff_seconds(const PollPolicy& policy, int error_streak) {
    std::int64_t base = std::max<std::int64_t>(1, policy.backoff_base.count());
    std::int64_t cap = std::max<std::int64_t>(base, policy.backoff_max.count());
    int shift = std::clamp(error_streak - 1, 0, 40);
    std::int64_t d = cap;
    if (shift < 40 && base <= (cap >> shift)) d = base << shift;
    return std::max<std::int64_t>(d, policy.min_interval.count());
}

void Scheduler::add_or_update(const std::string& feed_id, const PollPolicy& policy,
                              FeedPollState state) {
    auto& e = feeds_[feed_id];
    e.policy = policy;
    e.state = std::move(state);
}

void Scheduler::remove(const std::string& feed_id) {
    feeds_.erase(feed_id);
}

bool Scheduler::contains(const std::string& feed_id) const {
    return feeds_.contains(feed_id);
}

std::vector<std::string> Scheduler::due(UnixTime now) {
    std::vector<std::pair<UnixTime, const std::string*>> ready;
    for (auto& [id, e] : feeds_) {
        if (e.state.retired || e.in_flight || e.state.next_poll > now) continue;
        ready.emplace_back(e.state.next_poll, &id);
    }
    std::sort(ready.begin(), ready.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    });
    std::vector<std::string> out;
    out.reserve(ready.size());
    for (auto& [t, id] : ready) {
        feeds_[*id].in_flight = true;
        out.push_back(*id);
    }
    return out;
}

void Scheduler::prepare(const std::string& feed_id, FetchRequest& request) const {
    auto it = feeds_.find(feed_id);
    request.feed_id = feed_id;
    if (it == feeds_.end()) return;
    request.url = it->second.state.url;
    request.etag = it->second.state.etag;
    request.last_modified = it->second.state.last_modified;
}

void Scheduler::release(const std::string& feed_id, UnixTime now) {
    auto it = feeds_.find(feed_id);
    if (it == feeds_.end() || !it->second.in_flight) return;
    it->second.in_flight = false;
    it->second.state.next_poll = std::min(it->second.state.next_poll, now);
}

PollVerdict Scheduler::on_result(const std::string& feed_id,
                                 const herald::Result<FetchResponse>& result,
                                 const FeedHints& hints, UnixTime now) {
    PollVerdict v;
    auto it = feeds_.find(feed_id);
    if (it == feeds_.end()) return v;
    Entry& e = it->second;
    FeedPollState& s = e.state;
    const PollPolicy& p = e.policy;
    e.in_flight = false;

    if (!result && result.error().kind == "cancelled") {
        s.next_poll = now;
        v.kind = PollVerdict::Kind::cancelled;
        v.next_poll = now;
        return v;
    }

    const std::int64_t min_s = std::max<std::int64_t>(1, p.min_interval.count());
    const std::int64_t max_s = std::max(min_s, static_cast<std::int64_t>(p.max_interval.count()));
    std::optional<std::int64_t> retry_after;

    if (result) {
        const FetchResponse& r = *result;
        s.last_status = r.status;
        if (r.moved_to && *r.moved_to != s.url) {
            spdlog::info("feed {}: moved permanently {} -> {}", feed_id, redact_url(s.url),
                         redact_url(*r.moved_to));
            s.url = *r.moved_to;
            v.moved = true;
        }
        if (r.retry_after) retry_after = r.retry_after->count();
        if (r.status == 410) {
            s.retired = true;
            s.next_poll = 0;
            spdlog::warn("feed {}: {} answered 410 Gone, feed retired", feed_id, redact_url(s.url));
            v.kind = PollVerdict::Kind::retired;
            return v;
        }
        if (is_success(r.status)) {
            s.error_streak = 0;
            s.last_success = now;
            if (r.status == 304) {
                if (!r.etag.empty()) s.etag = r.etag;
                if (!r.last_modified.empty()) s.last_modified = r.last_modified;
                v.kind = PollVerdict::Kind::not_modified;
            } else {
                s.etag = r.etag;
                s.last_modified = r.last_modified;
                v.kind = PollVerdict::Kind::fresh;
            }
            if (p.adaptive) {
                if (auto a = adaptive_from_items(hints.item_times, now); a > 0) {
                    s.adaptive_interval = a;
                }
            }
            std::int64_t base =
                (p.adaptive && s.adaptive_interval > 0) ? s.adaptive_interval : p.interval.count();
            std::int64_t want = base;
            if (r.max_age) want = std::max<std::int64_t>(want, r.max_age->count());
            if (hints.ttl_minutes && *hints.ttl_minutes > 0 &&
                *hints.ttl_minutes < (std::int64_t{1} << 40)) {
                want = std::max(want, *hints.ttl_minutes * 60);
            }
            if (hints.update_period_seconds) want = std::max(want, *hints.update_period_seconds);
            std::int64_t delay = jittered(p, clamp64(want, min_s, max_s), min_s, max_s);
            if (retry_after) delay = std::max(delay, std::min(*retry_after, max_s));
            s.next_poll = now + delay;
            v.next_poll = s.next_poll;
            return v;
        }
    } else {
        s.last_status = 0;
    }

    // Error: fetch failure or an error status (404, 429, 5xx, other 4xx, 3xx without Location).
    ++s.error_streak;
    std::int64_t cap = std::max<std::int64_t>(
        {min_s, static_cast<std::int64_t>(p.backoff_max.count()), p.backoff_base.count()});
    std::int64_t delay = jittered(p, backoff_seconds(p, s.error_streak), min_s, cap);
    if (retry_after) delay = std::max(delay, std::min(*retry_after, std::max(cap, max_s)));
    s.next_poll = now + delay;
    v.kind = PollVerdict::Kind::error;
    v.next_poll = s.next_poll;
    return v;
}

const FeedPollState* Scheduler::state(const std::string& feed_id) const {
    auto it = feeds_.find(feed_id);
    return it == feeds_.end() ? nullptr : &it->second.state;
}

bool Scheduler::in_flight(const std::string& feed_id) const {
    auto it = feeds_.find(feed_id);
    return it != feeds_.end() && it->second.in_flight;
}

std::optional<UnixTime> Scheduler::next_due() const {
    std::optional<UnixTime> best;
    for (const auto& [id, e] : feeds_) {
        if (e.state.retired || e.in_flight) continue;
        if (!best || e.state.next_poll < *best) best = e.state.next_poll;
    }
    return best;
}

}  // namespace herald::feeds

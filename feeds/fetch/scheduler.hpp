// When to poll each feed: pure logic, no I/O, time passed in by the caller.
//
// Life of a feed: due(now) hands it out (and marks it in flight so it is not
// handed out twice), the caller fetches it, then on_result() records what
// happened and picks the next poll time:
//   2xx / 304            success: error streak reset, etag/last_modified stored,
//                        next = interval (configured or adaptive), raised by the
//                        feed's hints (Cache-Control max-age, RSS <ttl>,
//                        sy:updatePeriod), clamped to [min_interval, max_interval], jittered
//   301/308 in chain     url := moved_to (logged), then as the final status
//   410                  retired: never due again (logged)
//   other statuses,      error: streak+1, next = backoff_base * 2^(streak-1) capped at
//   fetch errors         backoff_max (never stops polling); Retry-After (429/503) raises it
//   "cancelled" error    no penalty, due again at once
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "feeds/fetch/fetcher.hpp"

namespace herald::feeds {

struct PollPolicy {
    std::chrono::seconds interval{15 * 60};        // normal polling interval
    std::chrono::seconds min_interval{60};         // hard floor (hints, adaptive, jitter)
    std::chrono::seconds max_interval{24 * 3600};  // ceiling for hints and adaptive
    double jitter = 0.1;                           // +- fraction of the interval
    std::chrono::seconds backoff_base{5 * 60};     // first retry delay after an error
    std::chrono::seconds backoff_max{6 * 3600};    // retries never wait longer (except Retry-After
                                                   // up to max(max_interval, backoff_max))
    bool adaptive = false;  // derive the interval from the feed's publishing rate
};

// Persistable per-feed state (the daemon stores it and passes it back at start).
struct FeedPollState {
    std::string url;
    std::string etag, last_modified;
    herald::UnixTime next_poll = 0;  // 0: due at once
    int error_streak = 0;
    bool retired = false;  // 410 Gone: never polled again
    herald::UnixTime last_success = 0;
    long last_status = 0;
    std::int64_t adaptive_interval = 0;  // seconds, learned from item times; 0 = none yet
};

// What the feed itself says about its update rate (from the parsed body);
// all optional, plain numbers.
struct FeedHints {
    std::optional<std::int64_t> ttl_minutes;            // RSS <ttl>
    std::optional<std::int64_t> update_period_seconds;  // sy:updatePeriod / sy:updateFrequency
    std::vector<herald::UnixTime> item_times;           // publish times of the items (for adaptive)
};

// sy:updatePeriod ("hourly", "daily", "weekly", "monthly", "yearly") and
// sy:updateFrequency (times per period, default 1) -> seconds between updates.
std::optional<std::int64_t> sy_update_seconds(std::string_view period, std::int64_t frequency = 1);

struct PollVerdict {
    enum class Kind {
        fresh,         // 2xx: parse the body
        not_modified,  // 304
        error,         // fetch error or error status: backing off
        retired,       // 410
        cancelled,     // no penalty
        unknown_feed,  // id not in the scheduler: nothing recorded
    };
    Kind kind = Kind::unknown_feed;
    bool moved = false;  // url changed (301/308)
    herald::UnixTime next_poll = 0;
};

std::string_view to_string(PollVerdict::Kind k);

class Scheduler {
  public:
    explicit Scheduler(std::uint64_t seed = 0x5eed);

    // Adds a feed or replaces its policy and state (keeps it in flight if it is).
    void add_or_update(const std::string& feed_id, const PollPolicy& policy, FeedPollState state);
    void remove(const std::string& feed_id);
    bool contains(const std::string& feed_id) const;
    std::size_t size() const { return feeds_.size(); }

    // Feeds whose next_poll <= now, not retired, not in flight; oldest first.
    // They are marked in flight until on_result() (or release()).
    std::vector<std::string> due(herald::UnixTime now);

    // Fills url, etag and last_modified of a request for the feed (conditional GET).
    void prepare(const std::string& feed_id, FetchRequest& request) const;

    // Records the outcome of a fetch handed out by due().
    PollVerdict on_result(const std::string& feed_id, const herald::Result<FetchResponse>& result,
                          const FeedHints& hints, herald::UnixTime now);

    // Puts an in-flight feed back without penalty (e.g. fetch cancelled); due at `now`.
    void release(const std::string& feed_id, herald::UnixTime now);

    const FeedPollState* state(const std::string& feed_id) const;
    bool in_flight(const std::string& feed_id) const;
    // Earliest next_poll among feeds that are neither retired nor in flight.
    std::optional<herald::UnixTime> next_due() const;

    // The delay (seconds) before retrying after `error_streak` consecutive errors, no jitter.
    static std::int64_t backoff_seconds(const PollPolicy& policy, int error_streak);

  private:
    struct Entry {
        PollPolicy policy;
        FeedPollState state;
        bool in_flight = false;
    };
    double uniform();  // [0, 1)
    std::int64_t jittered(const PollPolicy& p, std::int64_t seconds, std::int64_t lo,
                          std::int64_t hi);

    std::map<std::string, Entry> feeds_;
    std::uint64_t rng_;
};

}  // namespace herald::feeds

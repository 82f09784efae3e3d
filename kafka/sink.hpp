// EventSink: the daemon's door to Kafka. publish_article() merges an
// article's events into the state store and appends the resulting records to
// the outbox in ONE transaction, then hands them to an idempotent librdkafka
// producer. A record leaves the outbox only when its delivery report says it
// was written (acks=all). See docs/publishing.md.
//
// Threading: one thread (the daemon loop) calls everything; delivery reports
// are served inside poll()/publish_article()/flush().
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "kafka/records.hpp"
#include "processors/event.hpp"
#include "state/store.hpp"

namespace herald::kafka {

struct SinkConfig {
    std::string brokers;  // bootstrap.servers
    std::string client_id = "herald";
    std::string compression = "lz4";  // none | gzip | snappy | lz4 | zstd
    int linger_ms = 5;
    // Passed to librdkafka as-is (security.protocol, sasl.*, ssl.*, ...),
    // applied after herald's defaults. Secrets are never logged.
    std::map<std::string, std::string> properties;
    std::string default_topic;
    std::string articles_topic;     // "" = no articles topic; else each new or changed article
    std::string dead_letter_topic;  // "" = dead letters are only logged
    std::vector<RouteRule> routes;
    // Publish events with in_region == false too (pipeline option
    // include_out_of_region); otherwise they are counted and skipped.
    bool include_out_of_region = false;
    std::chrono::milliseconds flush_timeout{10000};  // on close
    // How long publish_article() may wait for room in a full producer queue
    // before leaving the rest in the outbox for poll() to send.
    std::chrono::milliseconds queue_full_wait{1000};
    // Wait before re-sending records whose delivery failed.
    std::chrono::milliseconds retry_backoff{1000};
};

// Checks everything that can be checked without a broker; errors (kind
// "config") name the field and list valid alternatives.
Status validate(const SinkConfig& config);

struct ItemRef {
    std::string feed_id;
    std::string item_id;
};

// One article of a batch (pointers must stay valid during the call).
struct ArticleEvents {
    const processors::Article* article = nullptr;
    const std::vector<processors::Event>* events = nullptr;
    const ItemRef* item = nullptr;  // optional
};

struct PublishStats {
    std::size_t events = 0;         // events handed in
    std::size_t published = 0;      // new events or new revisions queued
    std::size_t unchanged = 0;      // nothing new: not published
    std::size_t out_of_region = 0;  // in_region == false, skipped (!include_out_of_region)
    std::size_t records = 0;        // outbox records written (events + article)
};

// Monotonic counters for the metrics endpoint.
struct SinkCounters {
    std::uint64_t produced = 0;  // handed to librdkafka (incl. re-sends)
    std::uint64_t acked = 0;     // delivery report: success
    std::uint64_t failed = 0;    // delivery report or produce call: failure
    std::uint64_t retried = 0;   // re-sent after a failure
    // Refused for good (e.g. MSG_SIZE_TOO_LARGE, INVALID_RECORD): taken out of
    // the outbox, to the dead-letter topic or parked (docs/publishing.md).
    std::uint64_t refused = 0;
    std::uint64_t dead_lettered = 0;           // of those, queued for the dead-letter topic
    std::uint64_t publish_latency_us_sum = 0;  // produce -> ack, acked records
    std::uint64_t publish_latency_count = 0;
    std::size_t outbox_depth = 0;  // records not yet acknowledged
    std::size_t in_flight = 0;     // of those, handed to librdkafka
    std::size_t parked = 0;        // refused records parked in the state database
};

class EventSink {
  public:
    // Creates the producer and re-queues every unacknowledged outbox record
    // (seq order) ahead of any new work. Errors: kind "config", "kafka", "state".
    // `store` must outlive the sink (the destructor still writes to it).
    static Result<std::unique_ptr<EventSink>> open(const SinkConfig& config, state::Store& store);
    // Flushes for config.flush_timeout, then purges; undelivered records stay
    // in the outbox for the next start.
    ~EventSink();
    EventSink(const EventSink&) = delete;
    EventSink& operator=(const EventSink&) = delete;

    // Merge -> events table + outbox (one transaction) -> produce. When `item`
    // is given, Store::commit_item(item) is part of the same transaction.
    // On error nothing was written (retry the article later).
    Result<PublishStats> publish_article(const processors::Article& article,
                                         const std::vector<processors::Event>& events, UnixTime now,
                                         const ItemRef* item = nullptr);

    // Several articles in ONE transaction (e.g. the new items of one feed
    // poll): all or nothing, much cheaper per article. Each article still
    // yields its own revision of an event it changes, in batch order.
    Result<PublishStats> publish_batch(const std::vector<ArticleEvents>& batch, UnixTime now);

    // Writes the article and the error to the dead-letter topic (via the
    // outbox). Without a dead_letter_topic this only logs.
    Status publish_dead_letter(const processors::Article& article, const Error& error,
                               UnixTime now = now_utc());

    // Serves delivery reports, removes delivered records from the outbox,
    // re-sends failed ones after retry_backoff. A record refused for good
    // (a permanent error, confirmed by sending it alone) leaves the normal
    // flow: to the dead-letter topic if configured, else parked in the state
    // database; it never holds up the records behind it. Returns an error (kind "kafka")
    // only for a fatal producer error: the daemon must stop.
    Status poll();

    // Sends and waits up to `timeout`; returns how many records are still
    // undelivered (they stay in the outbox). Fatal errors as in poll().
    Result<std::size_t> flush(std::chrono::milliseconds timeout);

    // Asks the cluster for its brokers (a metadata request), waiting at most
    // `timeout`: an error means no broker answered.
    Status check_connection(std::chrono::milliseconds timeout);

    // Flushes for at most `timeout`, purges and destroys the producer (bounded
    // shutdown); returns how many records stay in the outbox for the next start.
    // Nothing may be published afterwards; the destructor then does nothing.
    Result<std::size_t> close(std::chrono::milliseconds timeout);

    std::size_t outbox_depth() const;
    std::size_t in_flight() const;
    SinkCounters counters() const;
    // Called from poll() with the produce -> acknowledgement time of every
    // acknowledged record, in seconds (the daemon feeds its latency histogram).
    void set_latency_observer(std::function<void(double)> observer);

  private:
    struct Impl;
    explicit EventSink(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace herald::kafka

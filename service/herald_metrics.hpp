// Every herald metric, its name, help text and labels, in one place.
//
//   herald_up                                       gauge    1 while the daemon runs and is healthy
//   herald_build_info{version}                      gauge    always 1
//   herald_start_time_seconds                       gauge    Unix time the daemon started
//   herald_feeds_configured                         gauge    feeds in the running config
//   herald_polls_total{feed,status}                 counter  one per poll, by outcome
//   herald_http_responses_total{code}               counter  HTTP status codes seen by the fetcher
//   herald_fetch_bytes_total                        counter  response body bytes downloaded
//   herald_parse_errors_total                       counter  feed documents that failed to parse
//   herald_items_total{result}                      counter  feed items: new | changed | unchanged
//   herald_events_total{type}                       counter  events extracted, by event type
//   herald_publish_errors_total                     counter  events Kafka failed to take
//   herald_publish_latency_seconds                  histogram enqueue -> delivery report
//   herald_outbox_depth                             gauge    events waiting to be published
//   herald_publish_refused_total                    counter  records the broker refused for good
//   herald_publish_dead_lettered_total              counter  of those, sent to the dead-letter
//   topic herald_outbox_parked                            gauge    refused records parked in the
//   state herald_feed_last_success_timestamp_seconds{feed} gauge   Unix time of the feed's last
//   good poll herald_config_reloads_total{result}             counter  SIGHUP reloads: ok | error
//   herald_config_last_reload_successful            gauge    1 when the last reload was taken
#pragma once

#include <string>
#include <string_view>

#include "service/metrics.hpp"

namespace herald::service {

// Values of herald_polls_total's status label.
namespace poll_status {
inline constexpr std::string_view ok = "ok";                        // 200 with a parsed document
inline constexpr std::string_view not_modified = "not_modified";    // 304
inline constexpr std::string_view http_error = "http_error";        // 4xx / 5xx
inline constexpr std::string_view network_error = "network_error";  // DNS, connect, TLS, timeout
inline constexpr std::string_view parse_error = "parse_error";      // body did not parse
}  // namespace poll_status

enum class ItemResult { new_item, changed, unchanged };

class HeraldMetrics {
  public:
    // Registers every family in `registry` (which must outlive this object) and sets
    // herald_build_info and herald_start_time_seconds.
    explicit HeraldMetrics(Registry& registry, std::string_view version = "unknown");

    Registry& registry() { return registry_; }

    Counter& polls(std::string_view feed, std::string_view status) {
        return polls_.labels({feed, status});
    }
    Counter& http_responses(int code);
    Counter& items(ItemResult result);
    Counter& events(std::string_view type) { return events_.labels({type}); }
    Gauge& feed_last_success(std::string_view feed) { return feed_last_success_.labels({feed}); }
    Counter& reloads(bool ok) { return reloads_.labels({ok ? "ok" : "error"}); }

    // Drops the per-feed series of a feed that a reload removed.
    void forget_feed(std::string_view feed,
                     std::initializer_list<std::string_view> statuses = {
                         poll_status::ok, poll_status::not_modified, poll_status::http_error,
                         poll_status::network_error, poll_status::parse_error});

  private:
    Registry& registry_;
    Family<Counter>& polls_;
    Family<Counter>& http_responses_;
    Family<Counter>& items_;
    Family<Counter>& events_;
    Family<Gauge>& feed_last_success_;
    Family<Counter>& reloads_;

  public:
    Gauge& up;
    Gauge& feeds_configured;
    Counter& fetch_bytes;
    Counter& parse_errors;
    Counter& publish_errors;
    Histogram& publish_latency;
    Gauge& outbox_depth;
    Counter& publish_refused;
    Counter& publish_dead_lettered;
    Gauge& outbox_parked;
    Gauge& last_reload_successful;
};

}  // namespace herald::service

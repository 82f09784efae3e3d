#include "service/herald_metrics.hpp"

#include <fmt/format.h>

namespace herald::service {

HeraldMetrics::HeraldMetrics(Registry& registry, std::string_view version)
    : registry_(registry),
      polls_(registry.counter_family("herald_polls_total",
                                     "Feed polls by feed and outcome (ok, not_modified, "
                                     "http_error, network_error, parse_error).",
                                     {"feed", "status"})),
      http_responses_(registry.counter_family(
          "herald_http_responses_total", "HTTP responses received by the fetcher, by status code.",
          {"code"})),
      items_(registry.counter_family("herald_items_total",
                                     "Feed items seen, by result (new, changed, unchanged).",
                                     {"result"})),
      events_(registry.counter_family("herald_events_total",
                                      "Events extracted from articles, by event type.", {"type"})),
      feed_last_success_(registry.gauge_family(
          "herald_feed_last_success_timestamp_seconds",
          "Unix time of the last successful poll (ok or not_modified) of each feed.", {"feed"})),
      reloads_(registry.counter_family("herald_config_reloads_total",
                                       "Configuration reloads (SIGHUP), by result (ok, error).",
                                       {"result"})),
      up(registry.gauge("herald_up", "1 while the daemon is running and healthy, 0 otherwise.")),
      feeds_configured(
          registry.gauge("herald_feeds_configured", "Feeds in the running configuration.")),
      fetch_bytes(registry.counter("herald_fetch_bytes_total",
                                   "Response body bytes downloaded from feeds.")),
      parse_errors(registry.counter("herald_parse_errors_total",
                                    "Feed documents that could not be parsed.")),
      publish_errors(registry.counter("herald_publish_errors_total",
                                      "Events the Kafka producer failed to deliver.")),
      publish_latency(registry.histogram(
          "herald_publish_latency_seconds",
          "Time from handing an event to the Kafka producer to its delivery report.",
          latency_buckets())),
      outbox_depth(registry.gauge("herald_outbox_depth",
                                  "Events stored in the outbox and not yet delivered to Kafka.")),
      publish_refused(registry.counter(
          "herald_publish_refused_total",
          "Records the broker refused for good (e.g. too large); taken out of the outbox.")),
      publish_dead_lettered(
          registry.counter("herald_publish_dead_lettered_total",
                           "Refused records sent to the dead-letter topic instead.")),
      outbox_parked(registry.gauge(
          "herald_outbox_parked",
          "Refused records parked in the state database for an operator (herald state).")),
      last_reload_successful(
          registry.gauge("herald_config_last_reload_successful",
                         "1 when the last configuration reload was applied, 0 when it was "
                         "rejected and the previous configuration kept.")) {
    registry
        .gauge_family("herald_build_info", "Build information; the value is always 1.", {"version"})
        .labels({version})
        .set(1.0);
    registry.gauge("herald_start_time_seconds", "Unix time the daemon started.")
        .set_to_current_time();
    last_reload_successful.set(1.0);
    // Make the item results visible as 0 before the first poll.
    for (auto r : {ItemResult::new_item, ItemResult::changed, ItemResult::unchanged}) items(r);
    reloads(true);
    reloads(false);
}

Counter& HeraldMetrics::http_responses(int code) {
    return http_responses_.labels({fmt::format("{}", code)});
}

Counter& HeraldMetrics::items(ItemResult result) {
    switch (result) {
        case ItemResult::new_item:
            return items_.labels({"new"});
        case ItemResult::changed:
            return items_.labels({"changed"});
        case ItemResult::unchanged:
            break;
    }
    return items_.labels({"unchanged"});
}

void HeraldMetrics::forget_feed(std::string_view feed,
                                std::initializer_list<std::string_view> statuses) {
    for (auto s : statuses) polls_.remove({feed, s});
    feed_last_success_.remove({feed});
}

}  // namespace herald::service

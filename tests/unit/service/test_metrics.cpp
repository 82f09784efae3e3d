#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "service/herald_metrics.hpp"
#include "service/metrics.hpp"
#include "service/metrics_server.hpp"

using namespace herald::service;

TEST(ServiceMetrics, RendersCountersAndGaugesInTextFormat) {
    Registry r;
    auto& polls = r.counter_family("t_polls_total", "Polls.", {"feed", "status"});
    polls.labels({"bbc", "ok"}).inc();
    polls.labels({"bbc", "ok"}).inc(2);
    polls.labels({"aj", "http_error"}).inc();
    r.gauge("t_depth", "Depth.").set(7.5);

    EXPECT_EQ(r.render(),
              "# HELP t_depth Depth.\n"
              "# TYPE t_depth gauge\n"
              "t_depth 7.5\n"
              "# HELP t_polls_total Polls.\n"
              "# TYPE t_polls_total counter\n"
              "t_polls_total{feed=\"aj\",status=\"http_error\"} 1\n"
              "t_polls_total{feed=\"bbc\",status=\"ok\"} 3\n");
}

TEST(ServiceMetrics, RendersHistogramBucketsCumulatively) {
    Registry r;
    auto& h = r.histogram("t_latency_seconds", "Latency.", {0.1, 0.5, 1});
    h.observe(0.05);
    h.observe(0.1);  // le is inclusive
    h.observe(0.3);
    h.observe(7);
    EXPECT_EQ(r.render(),
              "# HELP t_latency_seconds Latency.\n"
              "# TYPE t_latency_seconds histogram\n"
              "t_latency_seconds_bucket{le=\"0.1\"} 2\n"
              "t_latency_seconds_bucket{le=\"0.5\"} 3\n"
              "t_latency_seconds_bucket{le=\"1\"} 3\n"
              "t_latency_seconds_bucket{le=\"+Inf\"} 4\n"
              "t_latency_seconds_sum 7.45\n"
              "t_latency_seconds_count 4\n");
}

TEST(ServiceMetrics, HistogramWithLabelsPutsLeLast) {
    Registry r;
    r.histogram_family("t_h", "H.", {"topic"}, {1}).labels({"ev"}).observe(2);
    const std::string out = r.render();
    EXPECT_NE(out.find("t_h_bucket{topic=\"ev\",le=\"1\"} 0\n"), std::string::npos) << out;
    EXPECT_NE(out.find("t_h_bucket{topic=\"ev\",le=\"+Inf\"} 1\n"), std::string::npos) << out;
    EXPECT_NE(out.find("t_h_sum{topic=\"ev\"} 2\n"), std::string::npos) << out;
    EXPECT_NE(out.find("t_h_count{topic=\"ev\"} 1\n"), std::string::npos) << out;
}

TEST(ServiceMetrics, EscapesLabelValuesAndHelp) {
    Registry r;
    r.gauge_family("t_g", "Back\\slash and\nnewline.", {"feed"}).labels({"a\"b\\c\nd"}).set(1);
    EXPECT_EQ(r.render(),
              "# HELP t_g Back\\\\slash and\\nnewline.\n"
              "# TYPE t_g gauge\n"
              "t_g{feed=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(ServiceMetrics, InvalidUtf8LabelValuesAreSanitised) {
    Registry r;
    r.counter_family("t_c", "C.", {"feed"}).labels({"bad\xff"}).inc();
    EXPECT_NE(r.render().find("t_c{feed=\"bad\xEF\xBF\xBD\"} 1"), std::string::npos);
}

TEST(ServiceMetrics, FormatsSpecialValues) {
    EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
    EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-Inf");
    EXPECT_EQ(format_value(std::nan("")), "NaN");
    EXPECT_EQ(format_value(3.0), "3");
    EXPECT_EQ(format_value(0.25), "0.25");
    EXPECT_EQ(format_value(1795832364.125), "1795832364.125");
}

TEST(ServiceMetrics, CountersNeverDecrease) {
    Registry r;
    auto& c = r.counter("t_total", "T.");
    c.inc(5);
    c.inc(-3);
    c.inc(std::nan(""));
    EXPECT_EQ(c.value(), 5);
}

TEST(ServiceMetrics, SameNameReturnsSameFamilyAndChild) {
    Registry r;
    auto& a = r.counter_family("t_total", "T.", {"x"});
    auto& b = r.counter_family("t_total", "T.", {"x"});
    EXPECT_EQ(&a, &b);
    EXPECT_EQ(&a.labels({"1"}), &b.labels({"1"}));
    EXPECT_NE(&a.labels({"1"}), &b.labels({"2"}));
}

TEST(ServiceMetrics, MisuseThrows) {
    Registry r;
    r.counter_family("t_total", "T.", {"x"});
    EXPECT_THROW(r.gauge_family("t_total", "T.", {"x"}), std::invalid_argument);
    EXPECT_THROW(r.counter_family("t_total", "T.", {"y"}), std::invalid_argument);
    EXPECT_THROW(r.counter("0bad", "B."), std::invalid_argument);
    EXPECT_THROW(r.counter("has-dash", "B."), std::invalid_argument);
    EXPECT_THROW(r.counter_family("t2", "B.", {"__reserved"}), std::invalid_argument);
    EXPECT_THROW(r.counter_family("t3", "B.", {"a", "a"}), std::invalid_argument);
    EXPECT_THROW(r.histogram_family("t4", "B.", {"le"}), std::invalid_argument);
    EXPECT_THROW(r.histogram("t5", "B.", {1, 1}), std::invalid_argument);
    EXPECT_THROW(r.histogram("t6", "B.", {2, 1}), std::invalid_argument);
    EXPECT_THROW(r.counter_family("t_total", "T.", {"x"}).labels({"1", "2"}),
                 std::invalid_argument);
    EXPECT_TRUE(valid_metric_name("herald:ok_1"));
    EXPECT_FALSE(valid_label_name("a:b"));
}

TEST(ServiceMetrics, RemoveDropsASeries) {
    Registry r;
    auto& f = r.gauge_family("t_last", "L.", {"feed"});
    f.labels({"a"}).set(1);
    f.labels({"b"}).set(2);
    EXPECT_TRUE(f.remove({"a"}));
    EXPECT_FALSE(f.remove({"a"}));
    const std::string out = r.render();
    EXPECT_EQ(out.find("feed=\"a\""), std::string::npos) << out;
    EXPECT_NE(out.find("t_last{feed=\"b\"} 2"), std::string::npos) << out;
}

TEST(ServiceMetrics, CollectHooksRunBeforeRendering) {
    Registry r;
    auto& depth = r.gauge("t_depth", "D.");
    int calls = 0;
    r.on_collect([&] { depth.set(++calls * 10); });
    EXPECT_NE(r.render().find("t_depth 10\n"), std::string::npos);
    EXPECT_NE(r.render().find("t_depth 20\n"), std::string::npos);
}

TEST(ServiceMetrics, ConcurrentUpdatesAreNotLost) {
    Registry r;
    auto& fam = r.counter_family("t_total", "T.", {"worker"});
    auto& h = r.histogram("t_h", "H.", {1, 2});
    auto& g = r.gauge("t_g", "G.");
    constexpr int kThreads = 4;
    constexpr int kIters = 20000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kIters; ++i) {
                fam.labels({"shared"}).inc();
                fam.labels({std::to_string(t % 2)}).inc(0.5);
                h.observe(i % 3);
                g.inc();
                if (i % 1000 == 0) (void)r.render();
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(fam.labels({"shared"}).value(), kThreads * kIters);
    EXPECT_EQ(fam.labels({"0"}).value(), kThreads / 2 * kIters * 0.5);
    EXPECT_EQ(g.value(), kThreads * kIters);
    const auto snap = h.snapshot();
    EXPECT_EQ(snap.count, static_cast<std::uint64_t>(kThreads * kIters));
    EXPECT_EQ(snap.cumulative.back(), snap.count);
}

TEST(ServiceMetrics, HeraldMetricsRegistersEveryName) {
    Registry r;
    HeraldMetrics m(r, "1.2.3");
    m.polls("bbc", poll_status::ok).inc();
    m.http_responses(304).inc();
    m.items(ItemResult::changed).inc(2);
    m.events("meeting").inc();
    m.feed_last_success("bbc").set(1700000000);
    m.publish_latency.observe(0.02);
    m.outbox_depth.set(3);
    m.up.set(1);
    m.reloads(false).inc();
    const std::string out = r.render();
    for (const char* family :
         {"herald_up gauge", "herald_build_info gauge", "herald_start_time_seconds gauge",
          "herald_feeds_configured gauge", "herald_polls_total counter",
          "herald_http_responses_total counter", "herald_fetch_bytes_total counter",
          "herald_parse_errors_total counter", "herald_items_total counter",
          "herald_events_total counter", "herald_publish_errors_total counter",
          "herald_publish_latency_seconds histogram", "herald_outbox_depth gauge",
          "herald_publish_refused_total counter", "herald_publish_dead_lettered_total counter",
          "herald_outbox_parked gauge", "herald_feed_last_success_timestamp_seconds gauge",
          "herald_config_reloads_total counter", "herald_config_last_reload_successful gauge"}) {
        EXPECT_NE(out.find(std::string("# TYPE ") + family + "\n"), std::string::npos) << family;
    }
    for (const char* sample :
         {"herald_polls_total{feed=\"bbc\",status=\"ok\"} 1\n",
          "herald_http_responses_total{code=\"304\"} 1\n",
          "herald_items_total{result=\"changed\"} 2\n", "herald_items_total{result=\"new\"} 0\n",
          "herald_events_total{type=\"meeting\"} 1\n",
          "herald_feed_last_success_timestamp_seconds{feed=\"bbc\"} 1700000000\n",
          "herald_publish_latency_seconds_bucket{le=\"0.025\"} 1\n", "herald_outbox_depth 3\n",
          "herald_build_info{version=\"1.2.3\"} 1\n",
          "herald_config_reloads_total{result=\"error\"} 1\n"}) {
        EXPECT_NE(out.find(sample), std::string::npos) << sample << out;
    }

    m.forget_feed("bbc");
    EXPECT_EQ(r.render().find("feed=\"bbc\""), std::string::npos);
}

TEST(ServiceMetrics, ParsesListenAddresses) {
    auto a = herald::service::parse_listen_address("127.0.0.1:9464");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->host, "127.0.0.1");
    EXPECT_EQ(a->port, 9464);
    auto b = herald::service::parse_listen_address("[::1]:0");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->host, "::1");
    EXPECT_EQ(b->port, 0);
    auto c = herald::service::parse_listen_address("localhost:80");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->host, "localhost");
    for (const char* bad : {"", "127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:99999",
                            "127.0.0.1:9x", "::1:9464", "[::1]9464", "[::1"}) {
        auto r = herald::service::parse_listen_address(bad);
        EXPECT_FALSE(r) << bad;
        if (!r) {
            EXPECT_NE(r.error().message.find("HOST:PORT"), std::string::npos);
        }
    }
}

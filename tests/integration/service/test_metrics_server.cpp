// MetricsServer on a real loopback socket, scraped with curl and parsed by the
// reference Prometheus text parser (python3-prometheus-client, via prom_check.py).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "service/herald_metrics.hpp"
#include "service/metrics_server.hpp"

using namespace herald::service;

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
};

Run run(const std::string& command) {
    Run r;
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) return r;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// curl | prom_check.py; returns the parsed samples (fails the test on a bad scrape).
nlohmann::json scrape_and_parse(std::uint16_t port) {
    const std::string cmd =
        "bash -o pipefail -c 'curl -sS --fail --max-time 10 "
        "http://127.0.0.1:" +
        std::to_string(port) + "/metrics | /usr/bin/python3 " + HERALD_SOURCE_DIR +
        "/tests/integration/service/prom_check.py'";
    Run r = run(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd << "\n" << r.out;
    if (r.exit_code != 0) return nlohmann::json::object();
    return nlohmann::json::parse(r.out);
}

const nlohmann::json* find_sample(const nlohmann::json& doc, const std::string& name,
                                  const nlohmann::json& labels) {
    for (const auto& s : doc["samples"]) {
        if (s["name"] == name && s["labels"] == labels) return &s;
    }
    return nullptr;
}

}  // namespace

TEST(ServiceMetricsServer, ScrapeParsesAsPrometheusText) {
    Registry registry;
    HeraldMetrics m(registry, "0.1.0");
    m.polls("quote\"and\\slash", poll_status::ok).inc(2);
    m.polls("bbc", poll_status::http_error).inc();
    m.http_responses(200).inc(5);
    m.items(ItemResult::new_item).inc(7);
    m.events("meeting").inc(3);
    m.publish_latency.observe(0.004);
    m.publish_latency.observe(0.3);
    m.publish_latency.observe(120);
    m.feed_last_success("bbc").set_to_current_time();
    m.up.set(1);
    registry.on_collect([&] { m.outbox_depth.set(42); });

    MetricsServer server(registry);
    ASSERT_TRUE(server.start({"127.0.0.1", 0}));
    ASSERT_GT(server.bound_port(), 0);

    const auto doc = scrape_and_parse(server.bound_port());
    ASSERT_TRUE(doc.contains("samples"));
    EXPECT_EQ(doc["types"]["herald_publish_latency_seconds"], "histogram");
    EXPECT_EQ(doc["types"]["herald_polls_total"], "counter");

    const auto* quoted =
        find_sample(doc, "herald_polls_total", {{"feed", "quote\"and\\slash"}, {"status", "ok"}});
    ASSERT_NE(quoted, nullptr);
    EXPECT_EQ((*quoted)["value"], 2.0);
    const auto* outbox = find_sample(doc, "herald_outbox_depth", nlohmann::json::object());
    ASSERT_NE(outbox, nullptr);
    EXPECT_EQ((*outbox)["value"], 42.0);
    const auto* count =
        find_sample(doc, "herald_publish_latency_seconds_count", nlohmann::json::object());
    ASSERT_NE(count, nullptr);
    EXPECT_EQ((*count)["value"], 3.0);
    const auto* le = find_sample(doc, "herald_publish_latency_seconds_bucket", {{"le", "0.5"}});
    ASSERT_NE(le, nullptr);
    EXPECT_EQ((*le)["value"], 2.0);

    httplib::Client client("127.0.0.1", server.bound_port());
    auto res = client.Get("/metrics");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
}

TEST(ServiceMetricsServer, HealthzFollowsTheHealthCallback) {
    Registry registry;
    std::atomic<bool> healthy{true};
    MetricsServer server(registry, [&] {
        return healthy ? Health{} : Health{false, "kafka: broker unreachable"};
    });
    ASSERT_TRUE(server.start({"127.0.0.1", 0}));
    httplib::Client client("127.0.0.1", server.bound_port());

    auto ok = client.Get("/healthz");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
    EXPECT_EQ(ok->body, "ok\n");

    healthy = false;
    auto bad = client.Get("/healthz");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 503);
    EXPECT_EQ(bad->body, "kafka: broker unreachable\n");

    auto missing = client.Get("/nothing-here");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
}

TEST(ServiceMetricsServer, HealthCallbackExceptionIsA500NotACrash) {
    Registry registry;
    MetricsServer server(registry, []() -> Health { throw std::runtime_error("boom"); });
    ASSERT_TRUE(server.start({"127.0.0.1", 0}));
    httplib::Client client("127.0.0.1", server.bound_port());
    auto res = client.Get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 500);
    auto metrics = client.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_EQ(metrics->status, 200);
}

TEST(ServiceMetricsServer, BusyPortIsAClearError) {
    Registry registry;
    MetricsServer first(registry);
    ASSERT_TRUE(first.start({"127.0.0.1", 0}));
    MetricsServer second(registry);
    auto st = second.start({"127.0.0.1", first.bound_port()});
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find("127.0.0.1:" + std::to_string(first.bound_port())),
              std::string::npos)
        << st.error().message;
    EXPECT_FALSE(second.running());
    EXPECT_FALSE(first.start({"127.0.0.1", 0}));  // already started
}

TEST(ServiceMetricsServer, StopsCleanlyAndCanStartAgain) {
    Registry registry;
    registry.counter("t_total", "T.").inc();
    MetricsServer server(registry);
    ASSERT_TRUE(server.start({"127.0.0.1", 0}));
    const auto port = server.bound_port();
    server.stop();
    server.stop();  // idempotent
    EXPECT_FALSE(server.running());
    EXPECT_EQ(server.bound_port(), 0);

    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2, 0);
    EXPECT_FALSE(client.Get("/metrics"));  // nobody listens any more

    ASSERT_TRUE(server.start({"127.0.0.1", 0}));
    httplib::Client again("127.0.0.1", server.bound_port());
    auto res = again.Get("/metrics");
    ASSERT_TRUE(res);
    EXPECT_NE(res->body.find("t_total 1\n"), std::string::npos);
}

TEST(ServiceMetricsServer, StopRightAfterStartDoesNotHang) {
    Registry registry;
    for (int i = 0; i < 20; ++i) {
        MetricsServer server(registry);
        ASSERT_TRUE(server.start({"127.0.0.1", 0}));
    }  // destructor stops
}

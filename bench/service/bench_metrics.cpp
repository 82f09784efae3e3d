// What herald pays per metric update on the hot path, and per /metrics scrape.
#include <benchmark/benchmark.h>

#include <string>

#include "service/herald_metrics.hpp"
#include "service/metrics.hpp"

using namespace herald::service;

namespace {

Registry& shared_registry() {
    static Registry r;
    return r;
}

void BM_CounterInc(benchmark::State& state) {
    static Counter& c = shared_registry().counter("bench_total", "B.");
    for (auto _ : state) c.inc();
    benchmark::DoNotOptimize(c.value());
}
BENCHMARK(BM_CounterInc)->Threads(1)->Threads(2);

void BM_HistogramObserve(benchmark::State& state) {
    static Histogram& h = shared_registry().histogram("bench_seconds", "B.");
    double v = 0.0;
    for (auto _ : state) {
        h.observe(v);
        v = v > 10 ? 0.0 : v + 0.013;
    }
}
BENCHMARK(BM_HistogramObserve)->Threads(1)->Threads(2);

// A labelled child looked up on every update (instead of keeping the reference).
void BM_LabelsLookupAndInc(benchmark::State& state) {
    Registry r;
    HeraldMetrics m(r);
    for (int i = 0; i < 200; ++i) m.polls("feed-" + std::to_string(i), poll_status::ok);
    const std::string feed = "feed-117";
    for (auto _ : state) m.polls(feed, poll_status::ok).inc();
}
BENCHMARK(BM_LabelsLookupAndInc);

// One scrape of herald's registry with N feeds (polls x 2 statuses + last success each).
void BM_RenderHerald(benchmark::State& state) {
    Registry r;
    HeraldMetrics m(r);
    for (int i = 0; i < state.range(0); ++i) {
        const std::string feed = "feed-" + std::to_string(i);
        m.polls(feed, poll_status::ok).inc(i);
        m.polls(feed, poll_status::http_error).inc();
        m.feed_last_success(feed).set_to_current_time();
    }
    for (const char* type : {"meeting", "visit", "statement", "agreement", "sanction"}) {
        m.events(type).inc(3);
    }
    m.publish_latency.observe(0.01);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = r.render();
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderHerald)->Arg(10)->Arg(200)->Arg(1000);

}  // namespace

BENCHMARK_MAIN();

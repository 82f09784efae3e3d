// Benchmarks for feeds/fetch: scheduler bookkeeping and loopback fetch throughput.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <chrono>
#include <string>

#include "feeds/fetch/fetcher.hpp"
#include "feeds/fetch/scheduler.hpp"
#ifdef HERALD_BENCH_LOOPBACK
#include "tests/support/http_server.hpp"
#endif

namespace {

using namespace std::chrono_literals;
using namespace herald::feeds;

// One full cycle over N feeds: due() hands all of them out, on_result() records a
// 200 or 304 for each (what the daemon does per poll, minus I/O and parsing).
void BM_SchedulerCycle(benchmark::State& state) {
    const auto n = static_cast<int>(state.range(0));
    Scheduler s(1);
    PollPolicy p;
    p.jitter = 0.1;
    for (int i = 0; i < n; ++i) {
        FeedPollState st;
        st.url = fmt::format("http://127.0.0.1/feed/{}", i);
        s.add_or_update(fmt::format("feed-{}", i), p, st);
    }
    herald::UnixTime now = 1'700'000'000;
    FetchResponse ok;
    ok.status = 200;
    ok.etag = "\"abc\"";
    FetchResponse nm;
    nm.status = 304;
    const herald::Result<FetchResponse> r200 = ok, r304 = nm;
    for (auto _ : state) {
        auto ids = s.due(now);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            benchmark::DoNotOptimize(s.on_result(ids[i], i % 2 ? r200 : r304, {}, now));
        }
        now += 86400;  // everything is due again
    }
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_SchedulerCycle)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

#ifdef HERALD_BENCH_LOOPBACK
// N feeds (4 KiB each) fetched at once from a loopback server in the same process
// (the server's threads share the CPU with the client).
void BM_FetchLoopback(benchmark::State& state) {
    const auto n = static_cast<int>(state.range(0));
    herald::test::HttpServer srv;
    const std::string body(4096, 'x');
    for (int i = 0; i < n; ++i) srv.serve(fmt::format("/feed/{}", i), herald::test::Reply(body));
    Fetcher::Options o;
    o.max_concurrency = 32;
    o.per_host = 32;
    Fetcher f(o);
    for (auto _ : state) {
        for (int i = 0; i < n; ++i) {
            FetchRequest r;
            r.feed_id = std::to_string(i);
            r.url = srv.url(fmt::format("/feed/{}", i));
            f.submit(std::move(r));
        }
        int done = 0;
        while (done < n) {
            for (auto& o2 : f.poll(100ms)) {
                if (!o2.result) state.SkipWithError(o2.result.error().str().c_str());
                ++done;
            }
        }
    }
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_FetchLoopback)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace

BENCHMARK_MAIN();

// Events per second through EventSink::publish_article (merge -> events table
// + outbox in one SQLite transaction per article -> idempotent producer) to a
// librdkafka mock broker, counted when every record is acknowledged and gone
// from the outbox.
//   bench_kafka_publish [articles=20000] [events_per_article=5] [batch=1] [state_dir=<tmp>]
// batch > 1 uses EventSink::publish_batch (that many articles per transaction).
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include <spdlog/spdlog.h>

#include "kafka/sink.hpp"

namespace {

using namespace herald;

processors::Event make_event(const std::string& person, const std::string& art) {
    processors::Event e;
    e.type = "meeting";
    e.category = "diplomacy";
    e.plover_type = "CONSULT";
    e.plover_mode = "meet";
    e.cameo = "040";
    e.status = "occurred";
    e.date = "2024-09-18";
    e.actors = {{person, "person", "Foreign Minister", "EGY"}};
    e.targets = {{"Qatar", "country", "", "QAT"}};
    e.location = processors::Place{"Doha", "QAT"};
    e.attributes = {{"topics", {"ceasefire", "hostages"}}};
    std::string s = person + " met Qatari officials in Doha on Wednesday to discuss a ceasefire.";
    e.evidence = {{art, "https://example.org/" + art, s, 120, 120 + s.size()}};
    return e;
}

double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    const int articles = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int per_article = argc > 2 ? std::atoi(argv[2]) : 5;
    const int batch = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;
    std::string dir = argc > 4 ? argv[4]
                               : (std::filesystem::temp_directory_path() /
                                  ("herald-bench-" + std::to_string(::getpid())))
                                     .string();
    spdlog::set_level(spdlog::level::warn);

    char errstr[256];
    rd_kafka_conf_t* mconf = rd_kafka_conf_new();
    rd_kafka_t* mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
    rd_kafka_mock_cluster_t* mc = rd_kafka_mock_cluster_new(mrk, 1);
    rd_kafka_mock_topic_create(mc, "events", 3, 1);

    double elapsed = 0, cpu = 0, main_cpu = 0;
    std::size_t records = 0, events = 0;
    {
        auto store = state::Store::open(dir);
        if (!store) {
            std::fprintf(stderr, "%s\n", store.error().str().c_str());
            return 1;
        }
        kafka::SinkConfig c;
        c.brokers = rd_kafka_mock_cluster_bootstraps(mc);
        c.default_topic = "events";
        auto sink = kafka::EventSink::open(c, **store);
        if (!sink) {
            std::fprintf(stderr, "%s\n", sink.error().str().c_str());
            return 1;
        }
        // Prepare inputs outside the timed loop: 1 in 5 events corroborates
        // an event of the previous article (a new revision), the rest are new.
        std::vector<std::pair<processors::Article, std::vector<processors::Event>>> input;
        input.reserve(static_cast<std::size_t>(articles));
        for (int a = 0; a < articles; ++a) {
            processors::Article art;
            art.id = "art_" + std::to_string(a);
            art.feed_id = "feed-" + std::to_string(a % 7);
            art.url = "https://example.org/" + art.id;
            std::vector<processors::Event> evs;
            for (int e = 0; e < per_article; ++e) {
                bool corroborate = e == 0 && a > 0;
                int who = corroborate ? (a - 1) * per_article + 1 : a * per_article + e;
                evs.push_back(make_event("Minister " + std::to_string(who), art.id));
            }
            input.emplace_back(std::move(art), std::move(evs));
        }
        auto t0 = std::chrono::steady_clock::now();
        double c0 = cpu_seconds();
        double t_c0 = thread_cpu_seconds();
        UnixTime now = 1726653600;
        std::vector<kafka::ArticleEvents> work;
        for (std::size_t i = 0; i < input.size(); ++i) {
            work.push_back({&input[i].first, &input[i].second, nullptr});
            if (work.size() < static_cast<std::size_t>(batch) && i + 1 < input.size()) continue;
            auto st = batch == 1 ? (*sink)->publish_article(input[i].first, input[i].second, now)
                                 : (*sink)->publish_batch(work, now);
            ++now;
            work.clear();
            if (!st) {
                std::fprintf(stderr, "%s\n", st.error().str().c_str());
                return 1;
            }
            records += st->records;
            events += st->events;
        }
        auto left = (*sink)->flush(std::chrono::seconds(120));
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        cpu = cpu_seconds() - c0;
        main_cpu = thread_cpu_seconds() - t_c0;
        if (!left || *left != 0 || *(*store)->outbox_count() != 0) {
            std::fprintf(stderr, "not everything was acknowledged\n");
            return 1;
        }
        auto k = (*sink)->counters();
        std::printf("articles=%d batch=%d events=%zu records=%zu acked=%llu\n", articles, batch,
                    events, records, static_cast<unsigned long long>(k.acked));
        std::printf("wall=%.3fs  events/s=%.0f  records/s=%.0f\n", elapsed,
                    static_cast<double>(events) / elapsed, static_cast<double>(records) / elapsed);
        std::printf("process cpu=%.3fs (incl. the in-process mock broker)  events/cpu-s=%.0f\n",
                    cpu, static_cast<double>(events) / cpu);
        std::printf("daemon thread cpu=%.3fs  events/thread-cpu-s=%.0f\n", main_cpu,
                    static_cast<double>(events) / main_cpu);
        std::printf("mean produce->ack latency=%.2f ms\n",
                    k.publish_latency_count == 0
                        ? 0.0
                        : static_cast<double>(k.publish_latency_us_sum) /
                              static_cast<double>(k.publish_latency_count) / 1000.0);
    }
    rd_kafka_mock_cluster_destroy(mc);
    rd_kafka_destroy(mrk);
    std::error_code ec;
    if (argc <= 4) std::filesystem::remove_all(dir, ec);
    return 0;
}

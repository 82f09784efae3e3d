// Child process of the crash test: runs the script against a state directory
// and a broker, then flushes. Killed with SIGKILL at random points by the test.
//   kafka_crash_publisher <state-dir> <bootstrap> <steps> <step-delay-ms>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>

#include "tests/integration/kafka/script.hpp"

int main(int argc, char** argv) {
    using namespace herald;
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s <state-dir> <bootstrap> <steps> <step-delay-ms>\n",
                     argv[0]);
        return 2;
    }
    spdlog::set_level(spdlog::level::warn);
    auto store = state::Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().str().c_str());
        return 1;
    }
    kafka::SinkConfig c;
    c.brokers = argv[2];
    c.default_topic = "events";
    auto sink = kafka::EventSink::open(c, **store);
    if (!sink) {
        std::fprintf(stderr, "%s\n", sink.error().str().c_str());
        return 1;
    }
    int delay = std::atoi(argv[4]);
    for (const auto& step : kafka::testing::make_script(std::atoi(argv[3]))) {
        if (auto s = kafka::testing::run_step(**store, **sink, step); !s) {
            std::fprintf(stderr, "%s\n", s.error().str().c_str());
            return 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
    auto left = (*sink)->flush(std::chrono::seconds(30));
    if (!left || *left != 0) return 3;
    return 0;
}

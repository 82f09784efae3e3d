// The daemon core: owns start-up, the poll/process/publish loop, reload and
// shutdown. Start order: state, sink, processors, feeds; stop in reverse.
#pragma once

#include <memory>
#include <string>

#include "config/config.hpp"
#include "kafka/sink.hpp"

namespace herald::daemon {

struct EngineStats {
    std::size_t polls = 0;
    std::size_t fetch_errors = 0;
    std::size_t parse_errors = 0;
    std::size_t items_new = 0;
    std::size_t items_changed = 0;
    std::size_t items_unchanged = 0;
    std::size_t events_published = 0;  // records handed to the outbox
    std::size_t dead_letters = 0;
};

class Engine {
  public:
    // Builds everything from a validated config; throws (ConfigError,
    // std::runtime_error) when start-up fails, e.g. the state dir is unusable.
    static std::unique_ptr<Engine> start(config::Config cfg);
    ~Engine();

    // Polls every enabled feed once (due or not), processes, publishes, flushes.
    // Returns the process exit code.
    int run_once();
    // Runs until SIGTERM/SIGINT; SIGHUP reloads the config file. Exit code.
    int run();

    const EngineStats& stats() const;

  private:
    struct Impl;
    explicit Engine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The folder holding gazetteer/ and extraction/ when the config names none:
// $HERALD_DATA_DIR, else the installed data dir, else the source tree's config/.
std::string default_data_dir();

// The Kafka sink settings of a config (validated by kafka::validate).
kafka::SinkConfig kafka_sink_config(const config::Config& cfg);

}  // namespace herald::daemon

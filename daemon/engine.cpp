#include "daemon/engine.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <limits>
#include <map>
#include <thread>

#include <spdlog/spdlog.h>

#include "common/hash.hpp"
#include "common/text.hpp"
#include "common/time.hpp"
#include "daemon/signals.hpp"
#include "feeds/fetch/fetcher.hpp"
#include "feeds/fetch/scheduler.hpp"
#include "feeds/parse/feed.hpp"
#include "kafka/sink.hpp"
#include "processors/pipeline.hpp"
#include "service/herald_metrics.hpp"
#include "service/logging.hpp"
#include "service/metrics_server.hpp"
#include "service/notify.hpp"
#include "service/shutdown_watchdog.hpp"
#include "state/store.hpp"

namespace herald::daemon {

namespace fs = std::filesystem;

std::string default_data_dir() {
    if (const char* env = std::getenv("HERALD_DATA_DIR"); env && *env) return env;
    if (fs::exists(fs::path(HERALD_INSTALLED_DATA_DIR) / "gazetteer"))
        return HERALD_INSTALLED_DATA_DIR;
    return HERALD_SOURCE_DATA_DIR;
}

kafka::SinkConfig kafka_sink_config(const config::Config& cfg) {
    kafka::SinkConfig s;
    s.brokers = cfg.kafka.brokers;
    s.client_id = cfg.kafka.client_id;
    s.compression = cfg.kafka.compression;
    s.properties = cfg.kafka.properties;
    s.default_topic = cfg.kafka.default_topic;
    s.articles_topic = cfg.kafka.articles_topic;
    s.dead_letter_topic = cfg.kafka.dead_letter_topic;
    for (const auto& r : cfg.kafka.routes)
        s.routes.push_back(kafka::RouteRule{r.categories, r.types, r.countries, r.tags, r.topic});
    s.flush_timeout = cfg.kafka.flush_timeout;
    s.include_out_of_region = cfg.pipeline.include_out_of_region;
    return s;
}

namespace {

feeds::PollPolicy poll_policy(const config::FeedSettings& s) {
    feeds::PollPolicy p;
    p.interval = s.interval;
    p.min_interval = s.min_interval;
    p.max_interval = s.max_interval;
    p.jitter = s.jitter;
    p.backoff_base = s.backoff_base;
    p.backoff_max = s.backoff_max;
    p.adaptive = s.adaptive;
    return p;
}

feeds::FeedPollState to_poll_state(const state::FeedRecord& r) {
    feeds::FeedPollState s;
    s.url = r.url;
    s.etag = r.etag;
    s.last_modified = r.last_modified;
    s.next_poll = r.next_poll;
    s.error_streak = r.error_streak;
    s.retired = r.retired;
    s.last_success = r.last_success;
    s.last_status = r.last_status;
    s.adaptive_interval = r.adaptive_interval;
    return s;
}

state::FeedRecord to_record(const std::string& id, const std::string& configured_url,
                            const feeds::FeedPollState& s) {
    state::FeedRecord r;
    r.feed_id = id;
    r.configured_url = configured_url;
    r.url = s.url;
    r.etag = s.etag;
    r.last_modified = s.last_modified;
    r.next_poll = s.next_poll;
    r.error_streak = s.error_streak;
    r.retired = s.retired;
    r.last_success = s.last_success;
    r.last_status = s.last_status;
    r.adaptive_interval = s.adaptive_interval;
    return r;
}

}  // namespace

struct Engine::Impl {
    config::Config cfg;
    std::unique_ptr<state::Store> store;
    std::unique_ptr<kafka::EventSink> sink;
    kafka::SinkCounters sink_seen;  // the sink's counters at the last check_sink()
    std::shared_ptr<const processors::Pipeline> pipeline;
    std::unique_ptr<feeds::Fetcher> fetcher;
    feeds::Scheduler scheduler;
    std::map<std::string, config::FeedConfig> feeds;  // enabled feeds by id
    EngineStats stats;
    // Written by the loop, read by the metrics server's /healthz thread.
    std::atomic<bool> fatal{false};
    std::atomic<int> state_errors{0};  // consecutive state failures (disk full, read-only, ...)

    service::Notifier notifier;
    service::Registry registry;
    service::HeraldMetrics metrics{registry, HERALD_ENGINE_VERSION};
    std::unique_ptr<service::MetricsServer> metrics_server;

    // Builds the feed set from cfg, restoring what the state store remembers.
    void load_feeds() {
        std::map<std::string, config::FeedConfig> next;
        for (const auto& f : cfg.feeds) {
            if (!f.enabled) continue;
            feeds::FeedPollState st;
            st.url = f.url;
            const auto old = feeds.find(f.id);
            const auto* cur = scheduler.state(f.id);
            if (cur && old != feeds.end() && old->second.url == f.url) {
                st = *cur;  // reload: keep the live state of an unchanged feed
            } else if (auto rec = store->load_feed(f.id); rec && *rec) {
                // Keep what the feed taught us (ETag, Last-Modified, backoff, a
                // permanent redirect, the adaptive interval) while the operator
                // keeps the same URL in the config; an edited URL starts afresh.
                if ((*rec)->configured_url == f.url)
                    st = to_poll_state(**rec);
                else
                    spdlog::info("feed {}: URL changed in the config to {}", f.id, f.url);
            } else if (!rec) {
                spdlog::warn("feed {}: cannot read saved state: {}", f.id, rec.error().str());
            }
            scheduler.add_or_update(f.id, poll_policy(f.settings), st);
            next.emplace(f.id, f);
        }
        for (const auto& [id, unused] : feeds) {
            if (next.count(id)) continue;
            scheduler.remove(id);
            fetcher->cancel(id);
            metrics.forget_feed(id);
            spdlog::info("feed {}: removed", id);
        }
        feeds = std::move(next);
        metrics.feeds_configured.set(static_cast<double>(feeds.size()));
    }

    void submit(const std::string& id) {
        const auto& f = feeds.at(id);
        feeds::FetchRequest req;
        req.feed_id = id;
        req.headers = f.settings.headers;
        req.user_agent = f.settings.user_agent;
        req.connect_timeout = f.settings.connect_timeout;
        req.timeout = f.settings.timeout;
        req.max_body = f.settings.max_body;
        const auto& a = f.settings.auth;
        if (a.type == "basic") {
            req.auth.kind = feeds::Auth::Kind::basic;
            req.auth.username = a.username;
            req.auth.password = a.password;
        } else if (a.type == "bearer") {
            req.auth.kind = feeds::Auth::Kind::bearer;
            req.auth.token = a.token;
        }
        scheduler.prepare(id, req);
        fetcher->submit(std::move(req));
        ++stats.polls;
    }

    void state_result(const Status& s, const std::string& what) {
        if (s) {
            state_errors = 0;
            return;
        }
        ++state_errors;
        spdlog::error("{}: state: {}", what, s.error().str());
    }

    void handle(const feeds::FetchOutcome& out) {
        const auto fit = feeds.find(out.feed_id);
        if (fit == feeds.end()) return;  // removed by a reload while in flight
        const config::FeedConfig& feed = fit->second;
        const UnixTime now = now_utc();
        feeds::FeedHints hints;
        std::optional<feeds::FeedDocument> doc;
        std::string_view poll_status = service::poll_status::ok;
        if (!out.result) {
            ++stats.fetch_errors;
            poll_status = service::poll_status::network_error;
            spdlog::warn("feed {}: {}", feed.id, out.result.error().str());
        } else {
            const auto& resp = *out.result;
            metrics.http_responses(static_cast<int>(resp.status)).inc();
            metrics.fetch_bytes.inc(static_cast<double>(resp.bytes));
            if (resp.status == 304) {
                poll_status = service::poll_status::not_modified;
            } else if (resp.status < 200 || resp.status >= 300) {
                poll_status = service::poll_status::http_error;
                spdlog::warn("feed {}: HTTP {}", feed.id, resp.status);
            } else if (auto parsed =
                           feeds::parse_feed(resp.body, {resp.effective_url, resp.charset})) {
                doc = std::move(*parsed);
                if (doc->feed.ttl_minutes) hints.ttl_minutes = *doc->feed.ttl_minutes;
                hints.update_period_seconds = doc->feed.update_period_seconds;
                for (const auto& it : doc->items)
                    if (it.published) hints.item_times.push_back(*it.published);
                if (!doc->wellformed)
                    spdlog::warn("feed {}: document was not well-formed; read {} items", feed.id,
                                 doc->items.size());
            } else {
                ++stats.parse_errors;
                metrics.parse_errors.inc();
                poll_status = service::poll_status::parse_error;
                spdlog::warn("feed {}: {}", feed.id, parsed.error().message);
            }
        }
        metrics.polls(feed.id, poll_status).inc();
        const auto verdict = scheduler.on_result(out.feed_id, out.result, hints, now);
        if (const auto* st = scheduler.state(out.feed_id)) {
            state_result(store->save_feed(to_record(out.feed_id, feed.url, *st)),
                         "feed " + feed.id);
            if (st->last_success > 0)
                metrics.feed_last_success(feed.id).set(static_cast<double>(st->last_success));
        }
        if (verdict.kind == feeds::PollVerdict::Kind::retired)
            spdlog::warn("feed {}: 410 Gone, retired", feed.id);
        if (doc) process_document(feed, *doc, now);
    }

    // One transaction per feed document: every new or changed item is
    // extracted, then all of their events are merged and queued together.
    void process_document(const config::FeedConfig& feed, const feeds::FeedDocument& doc,
                          UnixTime now) {
        struct Work {
            processors::Article article;
            std::vector<processors::Event> events;
            kafka::ItemRef item;
        };
        std::vector<Work> work;
        work.reserve(doc.items.size());
        for (const auto& item : doc.items) {
            processors::Article article;
            article.feed_id = feed.id;
            article.id = "art_" + hex64(stable_hash64(feed.id + '\n' + item.id));
            article.url = item.link;
            article.title = item.title;
            article.text = feeds::html_to_text(item.content.empty() ? item.summary : item.content);
            article.published = item.published ? item.published : item.updated;
            article.tags = feed.settings.tags;

            const auto para_hashes = state::paragraph_hashes(
                article.text, processors::Pipeline::paragraphs(article.text));
            const std::uint64_t content_hash =
                stable_hash64(article.title + '\n' + article.text, para_hashes.size());
            auto change = store->observe_item(feed.id, item.id, content_hash, para_hashes, now);
            if (!change) {
                state_result(tl::unexpected(change.error()),
                             "feed " + feed.id + " item " + item.id);
                continue;
            }
            processors::RunOptions ro;
            ro.include_out_of_region = cfg.pipeline.include_out_of_region;
            switch (change->kind) {
                case state::ItemChange::Kind::unchanged:
                    ++stats.items_unchanged;
                    metrics.items(service::ItemResult::unchanged).inc();
                    continue;
                case state::ItemChange::Kind::changed:
                    ++stats.items_changed;
                    metrics.items(service::ItemResult::changed).inc();
                    ro.changed_paragraphs = &change->changed_paragraphs;
                    break;
                case state::ItemChange::Kind::added:
                    ++stats.items_new;
                    metrics.items(service::ItemResult::new_item).inc();
                    break;
            }
            auto events = pipeline->run(article, ro);
            if (!events) {
                ++stats.dead_letters;
                spdlog::warn("feed {}: article {} failed: {}", feed.id, article.id,
                             events.error().str());
                if (auto s = sink->publish_dead_letter(article, events.error(), now); !s) {
                    spdlog::error("dead letter for {} not published: {}", article.id,
                                  s.error().str());
                } else {
                    state_result(store->commit_item(feed.id, item.id), "feed " + feed.id);
                }
                continue;
            }
            for (const auto& ev : *events)
                if (ev.in_region || cfg.pipeline.include_out_of_region)
                    metrics.events(ev.type).inc();
            work.push_back(Work{std::move(article), std::move(*events), {feed.id, item.id}});
        }
        if (work.empty()) return;
        std::vector<kafka::ArticleEvents> batch;
        batch.reserve(work.size());
        for (const auto& w : work) batch.push_back({&w.article, &w.events, &w.item});
        auto published = sink->publish_batch(batch, now);
        if (!published) {
            // Nothing was written: the items stay uncommitted and are
            // extracted again on the next poll.
            state_result(tl::unexpected(published.error()), "feed " + feed.id);
            return;
        }
        state_errors = 0;
        stats.events_published += published->published;
        check_sink();
    }

    // Forgets items and events not seen for `retention` (keeps the state small).
    void prune() {
        const UnixTime before = now_utc() - cfg.retention.count();
        if (auto n = store->prune(before); !n)
            spdlog::warn("state: pruning failed: {}", n.error().str());
        else if (*n > 0)
            spdlog::info("state: forgot {} rows older than {}", *n, format_utc(before));
    }

    // Takes a freshly opened sink: its counters start at zero and its
    // acknowledgement latencies feed the histogram.
    void adopt_sink(std::unique_ptr<kafka::EventSink> next) {
        sink = std::move(next);
        sink_seen = {};
        sink->set_latency_observer([this](double s) { metrics.publish_latency.observe(s); });
    }

    void check_sink() {
        if (auto s = sink->poll(); !s) {
            spdlog::critical("kafka: fatal error, stopping: {}", s.error().str());
            fatal = true;
        }
        const auto c = sink->counters();
        metrics.outbox_depth.set(static_cast<double>(c.outbox_depth));
        metrics.outbox_parked.set(static_cast<double>(c.parked));
        // The sink's counters are running totals; the metrics take the increase.
        metrics.publish_errors.inc(static_cast<double>(c.failed - sink_seen.failed));
        metrics.publish_refused.inc(static_cast<double>(c.refused - sink_seen.refused));
        metrics.publish_dead_lettered.inc(
            static_cast<double>(c.dead_lettered - sink_seen.dead_lettered));
        sink_seen = c;
    }

    service::Health health() const {
        if (fatal) return {false, "fatal Kafka producer error"};
        if (state_errors >= 3) return {false, "state store failing (disk full or read-only?)"};
        return {};
    }

    std::string status_line() const {
        service::StatusCounts c;
        c.feeds = feeds.size();
        c.articles = stats.items_new + stats.items_changed;
        c.events = stats.events_published;
        c.outbox = sink->outbox_depth();
        return service::format_status(c);
    }

    // SIGHUP: read and validate the file, build the new pipeline and feed set,
    // then swap. On any error the running configuration stays.
    void reload() {
        notifier.reloading();
        spdlog::info("reloading {}", cfg.file);
        try {
            config::Config next = config::load_config(cfg.file);
            const std::string data_dir =
                next.pipeline.data_dir.empty() ? default_data_dir() : next.pipeline.data_dir;
            auto next_pipeline =
                processors::Pipeline::build(next.pipeline.processors, data_dir, next.file);
            const auto next_sink_cfg = kafka_sink_config(next);
            if (auto v = kafka::validate(next_sink_cfg); !v)
                throw std::runtime_error(v.error().message);
            if (next.state_dir != cfg.state_dir)
                spdlog::warn("reload: state_dir changes take effect at the next start");
            if (next.metrics.listen != cfg.metrics.listen ||
                next.metrics.enabled != cfg.metrics.enabled)
                spdlog::warn("reload: metrics changes take effect at the next start");
            const bool kafka_changed = !same_kafka(cfg.kafka, next.kafka);
            if (kafka_changed) {
                // Flush what the old producer holds, then open the new one; it
                // re-sends whatever is still in the outbox.
                if (auto left = sink->close(next.kafka.flush_timeout); !left)
                    spdlog::warn("reload: closing the old producer: {}", left.error().str());
                sink.reset();
                auto opened = kafka::EventSink::open(next_sink_cfg, *store);
                if (!opened) {
                    spdlog::error("reload: new Kafka settings rejected ({}); keeping the old ones",
                                  opened.error().message);
                    auto back = kafka::EventSink::open(kafka_sink_config(cfg), *store);
                    if (!back)
                        throw std::runtime_error("cannot reopen the Kafka producer: " +
                                                 back.error().message);
                    adopt_sink(std::move(*back));
                    next.kafka = cfg.kafka;
                } else {
                    adopt_sink(std::move(*opened));
                }
            }
            if (auto s = service::set_log_level(next.log_level); !s)
                spdlog::warn("reload: {}", s.error().message);
            const std::string keep_state_dir = cfg.state_dir;
            const auto keep_metrics = cfg.metrics;
            cfg = std::move(next);
            cfg.state_dir = keep_state_dir;
            cfg.metrics = keep_metrics;
            pipeline = std::move(next_pipeline);
            load_feeds();
            metrics.reloads(true).inc();
            metrics.last_reload_successful.set(1);
            spdlog::info("reloaded: {} feeds", feeds.size());
        } catch (const config::ConfigError& e) {
            for (const auto& d : e.diagnostics()) spdlog::error("reload rejected: {}", d.str());
            metrics.reloads(false).inc();
            metrics.last_reload_successful.set(0);
        } catch (const std::exception& e) {
            spdlog::error("reload rejected: {}", e.what());
            metrics.reloads(false).inc();
            metrics.last_reload_successful.set(0);
        }
        notifier.ready(status_line());
    }

    static bool same_kafka(const config::KafkaConfig& a, const config::KafkaConfig& b) {
        const auto routes_equal = [](const auto& x, const auto& y) {
            return x.size() == y.size() &&
                   std::equal(x.begin(), x.end(), y.begin(), [](const auto& r, const auto& q) {
                       return r.categories == q.categories && r.types == q.types &&
                              r.countries == q.countries && r.tags == q.tags && r.topic == q.topic;
                   });
        };
        return a.brokers == b.brokers && a.client_id == b.client_id &&
               a.compression == b.compression && a.properties == b.properties &&
               a.default_topic == b.default_topic && a.articles_topic == b.articles_topic &&
               a.dead_letter_topic == b.dead_letter_topic && routes_equal(a.routes, b.routes) &&
               a.flush_timeout == b.flush_timeout;
    }

    int finish() {
        notifier.stopping();
        // Bounded shutdown: the grace period for the flush plus a margin.
        service::ShutdownWatchdog guard(cfg.shutdown_grace + std::chrono::seconds(5));
        guard.set_phase("cancelling fetches");
        fetcher->cancel_all();
        guard.set_phase("flushing kafka");
        const auto flush_for = std::min<std::chrono::milliseconds>(
            cfg.kafka.flush_timeout,
            std::chrono::duration_cast<std::chrono::milliseconds>(cfg.shutdown_grace));
        const auto left = sink->close(flush_for);  // what is left stays in the outbox
        int rc = fatal ? 1 : 0;
        if (!left) {
            spdlog::error("kafka: {}", left.error().str());
            rc = 1;
        }
        spdlog::info(
            "polls {}, fetch errors {}, parse errors {}, items new {} changed {} unchanged {}, "
            "events published {}, dead letters {}",
            stats.polls, stats.fetch_errors, stats.parse_errors, stats.items_new,
            stats.items_changed, stats.items_unchanged, stats.events_published, stats.dead_letters);
        sink.reset();
        if (metrics_server) metrics_server->stop();
        return rc;
    }
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::start(config::Config cfg) {
    auto impl = std::make_unique<Impl>();
    impl->cfg = std::move(cfg);
    auto& c = impl->cfg;
    service::setup_logging(c.log_level);

    // Start order: state, sink, processors, feeds (stop in reverse).
    std::error_code ec;
    fs::create_directories(c.state_dir, ec);
    if (ec) throw std::runtime_error("state_dir " + c.state_dir + ": " + ec.message());
    auto store = state::Store::open(c.state_dir);
    if (!store) throw std::runtime_error(store.error().message);
    impl->store = std::move(*store);

    auto sink = kafka::EventSink::open(kafka_sink_config(c), *impl->store);
    if (!sink) throw std::runtime_error(sink.error().message);
    impl->adopt_sink(std::move(*sink));

    const std::string data_dir =
        c.pipeline.data_dir.empty() ? default_data_dir() : c.pipeline.data_dir;
    impl->pipeline = processors::Pipeline::build(c.pipeline.processors, data_dir, c.file);

    feeds::Fetcher::Options fo;
    fo.max_concurrency = c.fetch.max_concurrency;
    fo.per_host = c.fetch.per_host;
    fo.verify_tls = c.fetch.verify_tls;
    impl->fetcher = std::make_unique<feeds::Fetcher>(fo);
    impl->load_feeds();

    if (c.metrics.enabled) {
        auto addr = service::parse_listen_address(c.metrics.listen);
        if (!addr) throw std::runtime_error("metrics.listen: " + addr.error().message);
        Impl* self = impl.get();
        impl->metrics_server = std::make_unique<service::MetricsServer>(
            impl->registry, [self] { return self->health(); });
        if (auto s = impl->metrics_server->start(*addr); !s)
            throw std::runtime_error("metrics: " + s.error().message);
        spdlog::info("metrics on http://{}:{}/metrics", addr->host,
                     impl->metrics_server->bound_port());
    }
    impl->metrics.up.set(1);
    spdlog::info("herald {} started: {} feeds, state in {}, brokers {}", HERALD_ENGINE_VERSION,
                 impl->feeds.size(), c.state_dir, c.kafka.brokers);
    return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const EngineStats& Engine::stats() const {
    return impl_->stats;
}

int Engine::run_once() {
    auto& m = *impl_;
    // Every feed, due or not (a retired feed stays retired).
    for (const auto& id : m.scheduler.due(std::numeric_limits<UnixTime>::max())) m.submit(id);
    while (!m.fetcher->idle() && !m.fatal && !stop_requested()) {
        for (const auto& out : m.fetcher->poll(std::chrono::milliseconds(200))) m.handle(out);
        m.check_sink();
    }
    return m.finish();
}

int Engine::run() {
    auto& m = *impl_;
    // READY means state and broker are up; a broker that does not answer yet
    // is not fatal: records wait in the outbox until it does.
    if (auto c = m.sink->check_connection(std::chrono::seconds(3)); !c)
        spdlog::warn("kafka: {} (brokers {}); records wait in the outbox", c.error().message,
                     m.cfg.kafka.brokers);
    m.notifier.ready(m.status_line());
    auto last_status = std::chrono::steady_clock::now();
    auto last_prune = last_status - std::chrono::hours(24);
    // Under a watchdog the loop turns at least twice per ping interval.
    auto tick = m.cfg.loop_tick;
    if (const auto wd = m.notifier.watchdog_interval())
        tick = std::min(tick,
                        std::max(std::chrono::milliseconds(10),
                                 std::chrono::duration_cast<std::chrono::milliseconds>(*wd / 2)));
    while (!m.fatal) {
        const SignalFlags sig = take_signals();
        if (sig.stop) break;
        if (sig.reload) m.reload();
        for (const auto& id : m.scheduler.due(now_utc())) m.submit(id);
        const auto outcomes = m.fetcher->poll(tick);
        for (const auto& out : outcomes) m.handle(out);
        m.check_sink();
        const auto h = m.health();
        m.metrics.up.set(h.healthy ? 1 : 0);
        m.notifier.watchdog_tick(h.healthy);
        const auto now = std::chrono::steady_clock::now();
        if (now - last_prune > std::chrono::hours(6)) {
            m.prune();
            last_prune = now;
        }
        if (now - last_status > std::chrono::seconds(5)) {
            m.notifier.status(m.status_line());
            last_status = now;
        }
        if (m.fetcher->idle() && outcomes.empty()) std::this_thread::sleep_for(tick);
    }
    spdlog::info("stopping");
    return m.finish();
}

}  // namespace herald::daemon

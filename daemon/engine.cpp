#include "daemon/engine.hpp"

#include <chrono>
#include <filesystem>
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
    return s;
}

state::FeedRecord to_record(const std::string& id, const feeds::FeedPollState& s) {
    state::FeedRecord r;
    r.feed_id = id;
    r.url = s.url;
    r.etag = s.etag;
    r.last_modified = s.last_modified;
    r.next_poll = s.next_poll;
    r.error_streak = s.error_streak;
    r.retired = s.retired;
    r.last_success = s.last_success;
    r.last_status = s.last_status;
    return r;
}

}  // namespace

struct Engine::Impl {
    config::Config cfg;
    std::unique_ptr<state::Store> store;
    std::unique_ptr<kafka::EventSink> sink;
    std::shared_ptr<const processors::Pipeline> pipeline;
    std::unique_ptr<feeds::Fetcher> fetcher;
    feeds::Scheduler scheduler;
    std::map<std::string, config::FeedConfig> feeds;  // enabled feeds by id
    EngineStats stats;
    bool fatal = false;

    void load_feeds() {
        feeds.clear();
        for (const auto& f : cfg.feeds) {
            if (!f.enabled) {
                if (scheduler.contains(f.id)) scheduler.remove(f.id);
                continue;
            }
            feeds::FeedPollState st;
            st.url = f.url;
            if (auto rec = store->load_feed(f.id); rec && *rec) {
                // Keep what the feed taught us (ETag, backoff, moved URL) unless
                // the operator changed the configured URL.
                if ((*rec)->configured_url == f.url) st = to_poll_state(**rec);
            } else if (!rec) {
                spdlog::warn("feed {}: cannot read saved state: {}", f.id, rec.error().str());
            }
            scheduler.add_or_update(f.id, poll_policy(f.settings), st);
            feeds.emplace(f.id, f);
        }
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

    void handle(const feeds::FetchOutcome& out) {
        const auto fit = feeds.find(out.feed_id);
        if (fit == feeds.end()) return;  // removed by a reload while in flight
        const config::FeedConfig& feed = fit->second;
        const UnixTime now = now_utc();
        feeds::FeedHints hints;
        std::optional<feeds::FeedDocument> doc;
        if (out.result && out.result->status >= 200 && out.result->status < 300) {
            feeds::ParseOptions po;
            po.base_url = out.result->effective_url;
            po.http_charset = out.result->charset;
            auto parsed = feeds::parse_feed(out.result->body, po);
            if (parsed) {
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
                spdlog::warn("feed {}: {}", feed.id, parsed.error().message);
            }
        } else if (!out.result) {
            ++stats.fetch_errors;
            spdlog::warn("feed {}: {}", feed.id, out.result.error().str());
        }
        const auto verdict = scheduler.on_result(out.feed_id, out.result, hints, now);
        if (const auto* st = scheduler.state(out.feed_id)) {
            auto rec = to_record(out.feed_id, *st);
            rec.configured_url = feed.url;
            if (auto s = store->save_feed(rec); !s)
                spdlog::error("feed {}: cannot save poll state: {}", feed.id, s.error().str());
        }
        if (verdict.kind == feeds::PollVerdict::Kind::retired)
            spdlog::warn("feed {}: 410 Gone, retired", feed.id);
        if (doc) process_document(feed, *doc, now);
    }

    void process_document(const config::FeedConfig& feed, const feeds::FeedDocument& doc,
                          UnixTime now) {
        for (const auto& item : doc.items) {
            if (fatal) return;
            processors::Article article;
            article.feed_id = feed.id;
            article.id = "art_" + hex64(stable_hash64(feed.id + '\n' + item.id));
            article.url = item.link;
            article.title = item.title;
            article.text = feeds::html_to_text(item.content.empty() ? item.summary : item.content);
            article.published = item.published ? item.published : item.updated;
            article.tags = feed.settings.tags;

            std::vector<std::uint64_t> para_hashes;
            for (const auto& [b, e] : processors::Pipeline::paragraphs(article.text))
                para_hashes.push_back(stable_hash64(std::string_view(article.text).substr(b, e - b)));
            const std::uint64_t content_hash =
                stable_hash64(article.title + '\n' + article.text, para_hashes.size());
            auto change = store->observe_item(feed.id, item.id, content_hash, para_hashes, now);
            if (!change) {
                spdlog::error("feed {}: item {}: state: {}", feed.id, item.id, change.error().str());
                continue;
            }
            if (change->kind == state::ItemChange::Kind::unchanged) {
                ++stats.items_unchanged;
                continue;
            }
            processors::RunOptions ro;
            ro.include_out_of_region = cfg.pipeline.include_out_of_region;
            if (change->kind == state::ItemChange::Kind::changed) {
                ++stats.items_changed;
                ro.changed_paragraphs = &change->changed_paragraphs;
            } else {
                ++stats.items_new;
            }
            auto events = pipeline->run(article, ro);
            if (!events) {
                ++stats.dead_letters;
                spdlog::warn("feed {}: article {} failed: {}", feed.id, article.id,
                             events.error().str());
                if (auto s = sink->publish_dead_letter(article, events.error()); !s)
                    spdlog::error("dead letter for {} not published: {}", article.id,
                                  s.error().str());
                continue;
            }
            auto published = sink->publish_article(article, *events, now);
            if (!published) {
                spdlog::error("feed {}: article {}: {}", feed.id, article.id,
                              published.error().str());
                continue;
            }
            stats.events_published += published->records;
            check_sink();
        }
    }

    void check_sink() {
        if (auto s = sink->poll(); !s) {
            spdlog::critical("kafka: fatal error, stopping: {}", s.error().str());
            fatal = true;
        }
    }

    int finish() {
        const auto left = sink->flush(cfg.kafka.flush_timeout);
        if (!left) {
            spdlog::error("kafka flush failed: {}", left.error().str());
            return 1;
        }
        if (*left > 0)
            spdlog::warn("{} records not yet acknowledged; they stay in the outbox for the next start",
                         *left);
        spdlog::info("polls {}, fetch errors {}, items new {} changed {} unchanged {}, records {}",
                     stats.polls, stats.fetch_errors, stats.items_new, stats.items_changed,
                     stats.items_unchanged, stats.events_published);
        return fatal ? 1 : 0;
    }
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::start(config::Config cfg) {
    auto impl = std::make_unique<Impl>();
    impl->cfg = std::move(cfg);
    auto& c = impl->cfg;
    spdlog::set_level(spdlog::level::from_str(c.log_level));

    std::error_code ec;
    fs::create_directories(c.state_dir, ec);
    if (ec) throw std::runtime_error("state_dir " + c.state_dir + ": " + ec.message());
    auto store = state::Store::open(c.state_dir);
    if (!store) throw std::runtime_error("state: " + store.error().message);
    impl->store = std::move(*store);

    auto sink = kafka::EventSink::open(kafka_sink_config(c), *impl->store);
    if (!sink) throw std::runtime_error("kafka: " + sink.error().message);
    impl->sink = std::move(*sink);

    const std::string data_dir = c.pipeline.data_dir.empty() ? default_data_dir() : c.pipeline.data_dir;
    impl->pipeline = processors::Pipeline::build(c.pipeline.processors, data_dir, c.file);

    feeds::Fetcher::Options fo;
    fo.max_concurrency = c.fetch.max_concurrency;
    fo.per_host = c.fetch.per_host;
    fo.verify_tls = c.fetch.verify_tls;
    impl->fetcher = std::make_unique<feeds::Fetcher>(fo);
    impl->load_feeds();
    spdlog::info("herald started: {} feeds, state in {}, brokers {}", impl->feeds.size(),
                 c.state_dir, c.kafka.brokers);
    return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const EngineStats& Engine::stats() const { return impl_->stats; }

int Engine::run_once() {
    auto& m = *impl_;
    for (const auto& [id, feed] : m.feeds) {
        const auto* st = m.scheduler.state(id);
        if (st && st->retired) continue;
        m.submit(id);
    }
    while (!m.fetcher->idle() && !m.fatal && !stop_requested()) {
        for (const auto& out : m.fetcher->poll(std::chrono::milliseconds(200))) m.handle(out);
        m.check_sink();
    }
    return m.finish();
}

int Engine::run() {
    auto& m = *impl_;
    while (!m.fatal) {
        const SignalFlags sig = take_signals();
        if (sig.stop) break;
        for (const auto& id : m.scheduler.due(now_utc())) m.submit(id);
        for (const auto& out : m.fetcher->poll(m.cfg.loop_tick)) m.handle(out);
        m.check_sink();
        if (m.fetcher->idle()) std::this_thread::sleep_for(m.cfg.loop_tick);
    }
    m.fetcher->cancel_all();
    return m.finish();
}

}  // namespace herald::daemon

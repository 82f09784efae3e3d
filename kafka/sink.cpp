#include "kafka/sink.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "common/hash.hpp"
#include "common/text.hpp"
#include "state/json_writer.hpp"
#include "state/merge.hpp"

namespace herald::kafka {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr const char* kCodecs[] = {"none", "gzip", "snappy", "lz4", "zstd"};
constexpr const char* kCategories[] = {"diplomacy", "conflict"};
constexpr const char* kTypes[] = {"visit",    "meeting",   "negotiation", "statement", "appeal",
                                  "proposal", "agreement", "rejection",   "aid",       "attack"};

template <std::size_t N>
bool one_of(const std::string& v, const char* const (&list)[N]) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* s) { return v == s; });
}

template <std::size_t N>
std::string alternatives(const char* const (&list)[N]) {
    std::string out;
    for (const char* s : list) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

Status check_topic(const std::string& field, const std::string& t, bool required) {
    if (t.empty()) {
        if (required) return fail("config", field + ": a topic name is required");
        return {};
    }
    if (t.size() > 249 || t == "." || t == "..")
        return fail("config", field + ": invalid topic name '" + t + "'");
    for (char c : t) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == '-';
        if (!ok)
            return fail("config", field + ": invalid topic name '" + t +
                                      "' (allowed: letters, digits, '.', '_', '-')");
    }
    return {};
}

// Errors that sending the same record again cannot fix. Authorization and
// unknown-topic errors are not among them: an operator fixes those, and the
// records must then still be there.
bool is_permanent(rd_kafka_resp_err_t err) {
    switch (err) {
        case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
        case RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE:
        case RD_KAFKA_RESP_ERR_INVALID_RECORD:
        case RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP:
        case RD_KAFKA_RESP_ERR_POLICY_VIOLATION:
        case RD_KAFKA_RESP_ERR__INVALID_ARG:
        case RD_KAFKA_RESP_ERR__BAD_MSG:
            return true;
        default:
            return false;
    }
}

bool is_size_error(rd_kafka_resp_err_t err) {
    return err == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE ||
           err == RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE;
}

}  // namespace

Status validate(const SinkConfig& c) {
    if (c.brokers.empty())
        return fail("config", "kafka.brokers: required (host:port[,host:port...])");
    if (!one_of(c.compression, kCodecs))
        return fail("config", "kafka.compression: unknown codec '" + c.compression +
                                  "' (valid: " + alternatives(kCodecs) + ")");
    if (c.linger_ms < 0 || c.linger_ms > 900000)
        return fail("config", "kafka.linger_ms: must be 0..900000");
    if (c.flush_timeout.count() < 0) return fail("config", "kafka.flush_timeout: must be >= 0");
    if (auto s = check_topic("kafka.default_topic", c.default_topic, true); !s) return s;
    if (auto s = check_topic("kafka.articles_topic", c.articles_topic, false); !s) return s;
    if (auto s = check_topic("kafka.dead_letter_topic", c.dead_letter_topic, false); !s) return s;
    for (std::size_t i = 0; i < c.routes.size(); ++i) {
        const auto& r = c.routes[i];
        const std::string f = "kafka.routes[" + std::to_string(i) + "]";
        if (auto s = check_topic(f + ".topic", r.topic, true); !s) return s;
        for (const auto& cat : r.categories)
            if (!one_of(cat, kCategories))
                return fail("config", f + ".categories: unknown category '" + cat +
                                          "' (valid: " + alternatives(kCategories) + ")");
        for (const auto& t : r.types)
            if (!one_of(t, kTypes))
                return fail("config", f + ".types: unknown event type '" + t +
                                          "' (valid: " + alternatives(kTypes) + ")");
        for (const auto& cc : r.countries) {
            bool ok = cc.size() == 3 && std::all_of(cc.begin(), cc.end(),
                                                    [](char ch) { return ch >= 'A' && ch <= 'Z'; });
            if (!ok)
                return fail("config", f + ".countries: '" + cc +
                                          "' is not an ISO 3166-1 alpha-3 code (e.g. EGY, ISR)");
        }
    }
    // Properties: librdkafka itself knows which names and values are valid.
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    char errstr[512];
    Status result;
    for (const auto& [k, v] : c.properties) {
        const std::string lk = ascii_lower(k);
        if (lk == "bootstrap.servers" || lk == "metadata.broker.list") {
            result = fail("config", "kafka.properties." + k + ": set kafka.brokers instead");
            break;
        }
        if (lk == "enable.idempotence" && !(iequals(v, "true") || v == "1")) {
            result = fail("config",
                          "kafka.properties.enable.idempotence: herald requires true (exactly "
                          "one copy per record across broker retries)");
            break;
        }
        if ((lk == "acks" || lk == "request.required.acks") && !(iequals(v, "all") || v == "-1")) {
            result = fail("config", "kafka.properties." + k +
                                        ": herald requires all (-1); a record leaves the outbox "
                                        "only when every in-sync replica has it");
            break;
        }
        if (lk == "transactional.id") {
            result = fail("config", "kafka.properties.transactional.id: not supported");
            break;
        }
        if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), errstr, sizeof errstr) !=
            RD_KAFKA_CONF_OK) {
            // errstr may quote the value: never echo it for secret properties.
            result = fail("config", "kafka.properties." + k + ": " +
                                        (is_secret_property(k) ? std::string("invalid value")
                                                               : std::string(errstr)));
            break;
        }
    }
    rd_kafka_conf_destroy(conf);
    return result;
}

struct EventSink::Impl {
    SinkConfig cfg;
    state::Store& store;
    rd_kafka_t* rk = nullptr;
    std::function<void(double)> latency_observer;

    struct Flight {
        state::OutboxRecord rec;
        Clock::time_point sent;
    };
    std::deque<state::OutboxRecord> backlog;  // not yet handed to librdkafka, seq order
    std::unordered_map<std::int64_t, Flight> flights;
    std::vector<std::pair<std::int64_t, rd_kafka_resp_err_t>> reports;
    std::vector<std::int64_t> to_remove;  // delivered, not yet removed from the outbox
    std::optional<Error> fatal;
    bool stalled = false;  // queue full and no delivery report since
    // Records a broker refused with a permanent error. The error may belong
    // to another record of the same batch, so each is sent once more alone
    // (`isolating`: nothing else in flight); refused again, it is taken out.
    std::unordered_set<std::int64_t> suspects;
    std::optional<std::int64_t> isolating;
    Clock::time_point retry_not_before{};
    SinkCounters c;

    // publish_batch's working set, kept to reuse its memory.
    struct Cached {
        state::EventRecord rec;
        json value;  // null for a new event (see merge_event's build_value)
        const processors::Event* event = nullptr;
        bool dirty = false;
    };
    std::unordered_map<std::string, Cached> cache;
    std::vector<state::OutboxRecord> recs;

    Impl(SinkConfig config, state::Store& s) : cfg(std::move(config)), store(s) {}

    ~Impl() {
        if (rk != nullptr) close_producer(cfg.flush_timeout);
    }

    // Sends for at most `timeout`, then purges what is left (it stays in the
    // outbox) and destroys the producer. Returns the undelivered count.
    std::size_t close_producer(std::chrono::milliseconds timeout) {
        auto left = drain(timeout);
        rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_poll(rk, 0);
        handle_reports();
        remove_acked();
        if (left > 0)
            spdlog::warn(
                "kafka: closing with {} undelivered record(s); they stay in the outbox "
                "and are sent at the next start",
                left);
        rd_kafka_destroy(rk);
        rk = nullptr;
        return left;
    }

    static void on_delivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
        auto* self = static_cast<Impl*>(opaque);
        auto seq = static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(m->_private));
        self->reports.emplace_back(seq, m->err);
    }

    static void on_error(rd_kafka_t* rk, int err, const char* reason, void* opaque) {
        auto* self = static_cast<Impl*>(opaque);
        if (err == RD_KAFKA_RESP_ERR__FATAL) {
            char buf[512];
            auto orig = rd_kafka_fatal_error(rk, buf, sizeof buf);
            self->fatal = Error{"kafka", std::string("fatal producer error: ") +
                                             rd_kafka_err2name(orig) + ": " + buf};
            spdlog::error("kafka: {}", self->fatal->message);
            return;
        }
        // Connection trouble is already in librdkafka's own log line.
        auto e = static_cast<rd_kafka_resp_err_t>(err);
        if (e == RD_KAFKA_RESP_ERR__TRANSPORT || e == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
            spdlog::debug("kafka: {}: {}", rd_kafka_err2name(e), reason);
        else
            spdlog::warn("kafka: {}: {}", rd_kafka_err2name(e), reason);
    }

    static void on_log(const rd_kafka_t*, int level, const char* fac, const char* buf) {
        // FAIL (a broker connection failed) is retried by librdkafka: a warning.
        if (level <= 3 && std::string_view(fac) != "FAIL")
            spdlog::error("kafka: {}: {}", fac, buf);
        else if (level <= 4)
            spdlog::warn("kafka: {}: {}", fac, buf);
        else if (level <= 6)
            spdlog::info("kafka: {}: {}", fac, buf);
        else
            spdlog::debug("kafka: {}: {}", fac, buf);
    }

    rd_kafka_resp_err_t produce(const state::OutboxRecord& r) {
        constexpr std::size_t kMaxHeaders = 16;
        std::array<rd_kafka_vu_t, 5 + kMaxHeaders> vu{};
        if (r.headers.size() > kMaxHeaders) return RD_KAFKA_RESP_ERR__INVALID_ARG;
        vu[0].vtype = RD_KAFKA_VTYPE_TOPIC;
        vu[0].u.cstr = r.topic.c_str();
        vu[1].vtype = RD_KAFKA_VTYPE_KEY;
        vu[1].u.mem.ptr = const_cast<char*>(r.key.data());
        vu[1].u.mem.size = r.key.size();
        vu[2].vtype = RD_KAFKA_VTYPE_VALUE;
        vu[2].u.mem.ptr = const_cast<char*>(r.value.data());
        vu[2].u.mem.size = r.value.size();
        vu[3].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        vu[3].u.i = 0;  // no copy: r lives in `flights` until its delivery report
        vu[4].vtype = RD_KAFKA_VTYPE_OPAQUE;
        vu[4].u.ptr = reinterpret_cast<void*>(static_cast<std::intptr_t>(r.seq));
        for (std::size_t i = 0; i < r.headers.size(); ++i) {
            auto& h = vu[5 + i];
            h.vtype = RD_KAFKA_VTYPE_HEADER;
            h.u.header.name = r.headers[i].first.c_str();
            h.u.header.val = r.headers[i].second.data();
            h.u.header.size = static_cast<ssize_t>(r.headers[i].second.size());
        }
        rd_kafka_error_t* e = rd_kafka_produceva(rk, vu.data(), 5 + r.headers.size());
        if (e == nullptr) return RD_KAFKA_RESP_ERR_NO_ERROR;
        auto code = rd_kafka_error_code(e);
        rd_kafka_error_destroy(e);
        return code;
    }

    // Hands backlog records to librdkafka in seq order. On a full queue it
    // serves delivery reports until `deadline`, then leaves the rest queued.
    void pump(Clock::time_point deadline) {
        while (!backlog.empty() && !fatal) {
            auto now = Clock::now();
            if (now < retry_not_before) return;
            if (isolating) return;  // a suspect is on its way, alone
            const bool suspect = !suspects.empty() && suspects.count(backlog.front().seq) > 0;
            if (suspect && !flights.empty()) return;  // it goes when the others are done
            // The record moves into `flights` first: librdkafka references
            // its value (no copy) until the delivery report, and map nodes
            // never move.
            auto seq = backlog.front().seq;
            auto [fit, inserted] = flights.emplace(seq, Flight{std::move(backlog.front()), now});
            if (!inserted) {  // cannot happen: seqs are unique
                backlog.pop_front();
                continue;
            }
            auto err = produce(fit->second.rec);
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                ++c.produced;
                if (fit->second.rec.attempts > 0) ++c.retried;
                backlog.pop_front();
                if (suspect) {
                    isolating = seq;
                    return;
                }
                continue;
            }
            backlog.front() = std::move(fit->second.rec);
            flights.erase(fit);
            auto& r = backlog.front();
            if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                // Wait for room only while deliveries make progress: in a
                // long outage the records wait in the outbox, not the caller.
                if (now >= deadline || stalled) {
                    stalled = true;
                    return;
                }
                rd_kafka_poll(rk, 10);
                handle_reports();
                continue;
            }
            if (err == RD_KAFKA_RESP_ERR__FATAL) {
                char buf[512];
                rd_kafka_fatal_error(rk, buf, sizeof buf);
                fatal = Error{"kafka", std::string("fatal producer error: ") + buf};
                return;
            }
            ++c.failed;
            ++r.attempts;
            if (is_permanent(err)) {
                // librdkafka refused this very record (e.g. larger than
                // message.max.bytes): no point in sending it again.
                state::OutboxRecord rec = std::move(r);
                backlog.pop_front();
                if (!refuse(rec, err, true)) {
                    backlog.push_front(std::move(rec));
                    retry_not_before = now + cfg.retry_backoff;
                    return;
                }
                continue;
            }
            // Local refusal that may pass later (unknown topic, ...): keep the
            // record first in line and try again later, so per-key order holds.
            spdlog::warn("kafka: cannot send record {} (key {}) to {}: {}; retrying", r.seq, r.key,
                         r.topic, rd_kafka_err2str(err));
            retry_not_before = now + cfg.retry_backoff;
            return;
        }
    }

    // Takes a record refused for good out of the outbox: into the dead-letter
    // topic (as a new outbox record, same transaction), or parked when there
    // is none or it is itself a dead letter. False: the state store failed,
    // the record stays in the outbox.
    bool refuse(const state::OutboxRecord& rec, rd_kafka_resp_err_t err, bool local) {
        const std::string code = rd_kafka_err2name(err);
        const std::string message =
            std::string(local ? "refused by the producer: " : "refused by the broker: ") +
            rd_kafka_err2str(err);
        const UnixTime now = now_utc();
        const bool to_dlq = !cfg.dead_letter_topic.empty() && rec.topic != cfg.dead_letter_topic;
        std::optional<state::OutboxRecord> dl;
        Status s;
        if (to_dlq) {
            dl =
                refused_record(cfg.dead_letter_topic, rec, code, message, !is_size_error(err), now);
            s = store.begin();
            if (s) s = store.outbox_append(*dl).map([](std::int64_t) {});
            if (s) s = store.outbox_remove({rec.seq});
            if (s) {
                s = store.commit();
            } else {
                store.rollback();
            }
        } else {
            s = store.outbox_park(rec, code + ": " + message, now);
        }
        if (!s) {
            spdlog::error(
                "kafka: record {} (key {}, topic {}) was refused for good ({}), but "
                "the state store failed: {}; it stays in the outbox",
                rec.seq, rec.key, rec.topic, code, s.error().str());
            return false;
        }
        suspects.erase(rec.seq);
        ++c.refused;
        if (to_dlq) {
            ++c.dead_lettered;
            spdlog::error(
                "kafka: record {} (key {}, topic {}, {} bytes) refused for good: {} ({}); sent "
                "to the dead-letter topic {}",
                rec.seq, rec.key, rec.topic, rec.value.size(), code, message,
                cfg.dead_letter_topic);
            backlog.push_back(std::move(*dl));
        } else {
            ++c.parked;
            spdlog::error(
                "kafka: record {} (key {}, topic {}, {} bytes) refused for good: {} ({}); parked "
                "in the state database (table parked, {} record(s)); see docs/publishing.md",
                rec.seq, rec.key, rec.topic, rec.value.size(), code, message, c.parked);
        }
        return true;
    }

    void handle_reports() {
        std::vector<state::OutboxRecord> failed;
        std::vector<std::pair<state::OutboxRecord, rd_kafka_resp_err_t>> refused;
        auto now = Clock::now();
        if (!reports.empty()) stalled = false;
        for (const auto& [seq, err] : reports) {
            auto it = flights.find(seq);
            if (it == flights.end()) continue;
            if (isolating == seq) isolating.reset();
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                ++c.acked;
                const auto latency_us =
                    std::chrono::duration_cast<std::chrono::microseconds>(now - it->second.sent)
                        .count();
                c.publish_latency_us_sum += static_cast<std::uint64_t>(latency_us);
                ++c.publish_latency_count;
                if (latency_observer) latency_observer(static_cast<double>(latency_us) / 1e6);
                to_remove.push_back(seq);
                if (!suspects.empty()) suspects.erase(seq);
            } else if (err == RD_KAFKA_RESP_ERR__PURGE_QUEUE ||
                       err == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT) {
                // Closing: stays in the outbox.
            } else {
                ++c.failed;
                ++it->second.rec.attempts;
                if (is_permanent(err) && suspects.count(seq) > 0) {
                    // Refused again while sent alone: it is this record.
                    refused.emplace_back(std::move(it->second.rec), err);
                } else {
                    if (is_permanent(err)) {
                        suspects.insert(seq);
                        spdlog::warn(
                            "kafka: delivery of record {} (key {}) to {} failed: {}; sending it "
                            "again alone to see whether the error is its own",
                            seq, it->second.rec.key, it->second.rec.topic, rd_kafka_err2str(err));
                    } else {
                        spdlog::warn(
                            "kafka: delivery of record {} (key {}) to {} failed: {}; retrying", seq,
                            it->second.rec.key, it->second.rec.topic, rd_kafka_err2str(err));
                    }
                    failed.push_back(std::move(it->second.rec));
                }
            }
            flights.erase(it);
        }
        reports.clear();
        for (auto& [rec, err] : refused) {
            if (!refuse(rec, err, false)) failed.push_back(std::move(rec));  // tried again later
        }
        if (!failed.empty()) {
            for (auto& f : failed) {
                (void)store.outbox_bump_attempts(f.seq);
                backlog.push_back(std::move(f));
            }
            std::sort(backlog.begin(), backlog.end(),
                      [](const auto& a, const auto& b) { return a.seq < b.seq; });
            retry_not_before = now + cfg.retry_backoff;
        }
        // Deleting is deferred to the next publish transaction or poll():
        // one commit instead of two per article. Cap the backlog anyway.
        if (to_remove.size() > 20000) remove_acked();
    }

    // Removes delivered records from the outbox (own transaction).
    void remove_acked() {
        if (to_remove.empty()) return;
        if (auto s = store.outbox_remove(to_remove); s) {
            to_remove.clear();
        } else {
            // Delivered but still in the outbox: retried at the next poll; a
            // restart before that re-sends them (same key and revision).
            spdlog::warn("kafka: {}", s.error().str());
        }
    }

    std::size_t drain(std::chrono::milliseconds timeout) {
        auto deadline = Clock::now() + timeout;
        for (;;) {
            pump(deadline);
            if (fatal) break;
            rd_kafka_poll(rk, backlog.empty() && flights.empty() ? 0 : 20);
            handle_reports();
            remove_acked();
            if (backlog.empty() && flights.empty()) break;
            if (Clock::now() >= deadline) break;
        }
        return backlog.size() + flights.size();
    }

    void serve() {
        rd_kafka_poll(rk, 0);
        handle_reports();
    }
};

EventSink::EventSink(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventSink::~EventSink() = default;

Result<std::unique_ptr<EventSink>> EventSink::open(const SinkConfig& config, state::Store& store) {
    if (auto v = validate(config); !v) return tl::unexpected(v.error());
    auto impl = std::make_unique<Impl>(config, store);
    char errstr[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    std::vector<std::pair<std::string, std::string>> props = {
        {"bootstrap.servers", config.brokers},
        {"client.id", config.client_id},
        {"enable.idempotence", "true"},
        {"acks", "all"},
        {"compression.codec", config.compression},
        {"linger.ms", std::to_string(config.linger_ms)},
    };
    for (const auto& kv : config.properties) props.push_back(kv);
    for (const auto& [k, v] : props) {
        if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), errstr, sizeof errstr) !=
            RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return fail("config", "kafka property " + k + ": " +
                                      (is_secret_property(k) ? "invalid value" : errstr));
        }
    }
    rd_kafka_conf_set_opaque(conf, impl.get());
    rd_kafka_conf_set_dr_msg_cb(conf, &Impl::on_delivery);
    rd_kafka_conf_set_error_cb(conf, &Impl::on_error);
    rd_kafka_conf_set_log_cb(conf, &Impl::on_log);
    impl->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (impl->rk == nullptr) {
        rd_kafka_conf_destroy(conf);
        return fail("kafka", std::string("cannot create producer: ") + errstr);
    }
    spdlog::info(
        "kafka: producer {} for {} (acks=all, idempotent, compression={}, linger.ms={}){}{}",
        config.client_id, config.brokers, config.compression, config.linger_ms,
        config.properties.empty() ? "" : "; properties: ", redacted(config.properties));

    auto pending = store.outbox_load();
    if (!pending) return tl::unexpected(pending.error());
    if (!pending->empty())
        spdlog::info("kafka: re-sending {} unacknowledged record(s) from the outbox",
                     pending->size());
    // Sized for a busy poll: growing these later costs a large allocation.
    impl->reports.reserve(8192);
    impl->to_remove.reserve(8192);
    impl->recs.reserve(1024);
    for (auto& r : *pending) impl->backlog.push_back(std::move(r));
    auto parked = store.parked_count();
    if (!parked) return tl::unexpected(parked.error());
    impl->c.parked = *parked;
    if (*parked > 0)
        spdlog::warn(
            "kafka: {} record(s) refused by the broker are parked in the state database (table "
            "parked) and are not sent; see docs/publishing.md",
            *parked);
    impl->pump(Clock::now());
    return std::unique_ptr<EventSink>(new EventSink(std::move(impl)));
}

Result<PublishStats> EventSink::publish_article(const processors::Article& article,
                                                const std::vector<processors::Event>& events,
                                                UnixTime now, const ItemRef* item) {
    return publish_batch({ArticleEvents{&article, &events, item}}, now);
}

Result<PublishStats> EventSink::publish_batch(const std::vector<ArticleEvents>& batch,
                                              UnixTime now) {
    auto& d = *impl_;
    if (d.fatal) return tl::unexpected(*d.fatal);
    PublishStats st;

    // Latest state of every event touched in this batch (reused buffers).
    auto& cache = d.cache;
    auto& recs = d.recs;
    cache.clear();
    recs.clear();

    if (auto b = d.store.begin(); !b) return tl::unexpected(b.error());
    auto abort = [&](const Error& e) -> Result<PublishStats> {
        d.store.rollback();
        cache.clear();
        recs.clear();
        return tl::unexpected(e);
    };
    std::vector<Impl::Cached*> touched;  // an article's new revisions, in order
    for (const auto& work : batch) {
        if (work.article == nullptr || work.events == nullptr) continue;
        const auto& article = *work.article;
        st.events += work.events->size();
        touched.clear();
        for (const auto& ev : *work.events) {
            if (!ev.in_region && !d.cfg.include_out_of_region) {
                ++st.out_of_region;
                continue;
            }
            std::string fp = processors::fingerprint(ev);
            auto it = cache.find(fp);
            std::optional<state::EventRecord> stored;
            if (it != cache.end()) {
                stored = it->second.rec;
            } else {
                auto l = d.store.load_event(fp);
                if (!l) return abort(l.error());
                stored = std::move(*l);
            }
            // No JSON tree for a new event: it is written straight to a string
            // and routed from its fields.
            auto m = state::merge_event(stored, ev, article, now, &fp, false);
            if (!m.changed) {
                ++st.unchanged;
                continue;
            }
            Impl::Cached* c = it != cache.end() ? &it->second : &cache[std::move(fp)];
            bool again = std::find(touched.begin(), touched.end(), c) != touched.end();
            if (again && m.record.revision != stored->revision) {
                // Second mention in the same article: one revision per article.
                m.record.revision = stored->revision;
                m.value["revision"] = m.record.revision;
                m.record.json.clear();
                state::append_json(m.record.json, m.value);
            }
            c->rec = std::move(m.record);
            c->value = std::move(m.value);
            c->event = &ev;
            c->dirty = true;
            if (!again) touched.push_back(c);
        }
        for (Impl::Cached* c : touched) {
            std::string topic =
                c->value.is_null()
                    ? route(d.cfg.routes, d.cfg.default_topic, *c->event, article.tags)
                    : route(d.cfg.routes, d.cfg.default_topic, c->value, article.tags);
            recs.push_back(event_record(topic, c->rec, c->event->type, article.feed_id, now));
            ++st.published;
        }
        if (!d.cfg.articles_topic.empty()) {
            auto rec = article_record(d.cfg.articles_topic, article, now);
            auto fresh = d.store.note_article(article.id, stable_hash64(rec.value), now);
            if (!fresh) return abort(fresh.error());
            if (*fresh) recs.push_back(std::move(rec));
        }
        if (work.item != nullptr)
            if (auto s = d.store.commit_item(work.item->feed_id, work.item->item_id); !s)
                return abort(s.error());
    }
    for (auto& [fp, c] : cache)
        if (c.dirty)
            if (auto s = d.store.save_event(c.rec); !s) return abort(s.error());
    for (auto& r : recs)
        if (auto s = d.store.outbox_append(r); !s) return abort(s.error());
    // Records delivered since the last commit leave the outbox in this one.
    if (auto s = d.store.outbox_remove(d.to_remove); !s) return abort(s.error());
    if (auto c = d.store.commit(); !c) {
        d.store.rollback();
        return tl::unexpected(c.error());
    }
    d.to_remove.clear();
    st.records = recs.size();
    for (auto& r : recs) d.backlog.push_back(std::move(r));
    recs.clear();
    cache.clear();
    d.pump(Clock::now() + d.cfg.queue_full_wait);
    d.serve();
    return st;
}

Status EventSink::publish_dead_letter(const processors::Article& article, const Error& error,
                                      UnixTime now) {
    auto& d = *impl_;
    spdlog::warn("dead letter: article {} ({}) from feed {}: {}", article.id, article.url,
                 article.feed_id, error.str());
    if (d.cfg.dead_letter_topic.empty()) return {};
    if (d.fatal) return tl::unexpected(*d.fatal);
    auto rec = dead_letter_record(d.cfg.dead_letter_topic, article, error, now);
    if (auto s = d.store.outbox_append(rec); !s) return tl::unexpected(s.error());
    d.backlog.push_back(std::move(rec));
    d.pump(Clock::now() + d.cfg.queue_full_wait);
    d.serve();
    return {};
}

Status EventSink::poll() {
    auto& d = *impl_;
    d.pump(Clock::now());
    d.serve();
    d.remove_acked();
    d.pump(Clock::now());
    if (d.fatal) return tl::unexpected(*d.fatal);
    return {};
}

Result<std::size_t> EventSink::flush(std::chrono::milliseconds timeout) {
    auto& d = *impl_;
    auto left = d.drain(timeout);
    if (d.fatal) return tl::unexpected(*d.fatal);
    return left;
}

Status EventSink::check_connection(std::chrono::milliseconds timeout) {
    auto& d = *impl_;
    if (d.rk == nullptr) return fail("kafka", "the producer is closed");
    const rd_kafka_metadata_t* md = nullptr;
    const auto err = rd_kafka_metadata(d.rk, 0, nullptr, &md, static_cast<int>(timeout.count()));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return fail("kafka", std::string("no broker answered: ") + rd_kafka_err2str(err));
    const int brokers = md->broker_cnt;
    rd_kafka_metadata_destroy(md);
    if (brokers == 0) return fail("kafka", "the cluster reported no brokers");
    return {};
}

Result<std::size_t> EventSink::close(std::chrono::milliseconds timeout) {
    auto& d = *impl_;
    if (d.rk == nullptr) return std::size_t{0};
    const auto left = d.close_producer(timeout);
    if (d.fatal) return tl::unexpected(*d.fatal);
    return left;
}

std::size_t EventSink::outbox_depth() const {
    return impl_->backlog.size() + impl_->flights.size() + impl_->to_remove.size();
}
std::size_t EventSink::in_flight() const {
    return impl_->flights.size();
}

void EventSink::set_latency_observer(std::function<void(double)> observer) {
    impl_->latency_observer = std::move(observer);
}

SinkCounters EventSink::counters() const {
    SinkCounters c = impl_->c;
    c.outbox_depth = outbox_depth();
    c.in_flight = in_flight();
    return c;
}

}  // namespace herald::kafka

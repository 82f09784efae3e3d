// `herald state`: what the daemon's state database holds, for an operator.
// Reads the database next to a running daemon (SQLite WAL allows a reader
// beside the writer) and never creates one.
#include <filesystem>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "common/time.hpp"
#include "config/config.hpp"
#include "daemon/commands.hpp"
#include "state/store.hpp"

namespace herald::daemon {
namespace {

nlohmann::json utc_or_null(UnixTime t) {
    return t > 0 ? nlohmann::json(format_utc(t)) : nlohmann::json(nullptr);
}

std::string text_of(const nlohmann::json& time) {
    return time.is_null() ? std::string("-") : time.get<std::string>();
}

nlohmann::json feed_json(const config::FeedConfig* configured, const state::FeedRecord* rec) {
    nlohmann::json j;
    j["id"] = configured ? configured->id : rec->feed_id;
    j["configured"] = configured != nullptr;
    j["url"] = rec ? rec->url : configured->url;
    if (!rec) {
        j["polled"] = false;
        return j;
    }
    j["polled"] = true;
    j["last_status"] = rec->last_status;
    j["error_streak"] = rec->error_streak;
    j["retired"] = rec->retired;
    j["last_success"] = utc_or_null(rec->last_success);
    j["next_poll"] = utc_or_null(rec->next_poll);
    j["etag"] = !rec->etag.empty();
    j["last_modified"] = !rec->last_modified.empty();
    if (rec->adaptive_interval > 0) j["adaptive_interval_s"] = rec->adaptive_interval;
    if (!rec->configured_url.empty() && rec->configured_url != rec->url)
        j["moved_from"] = rec->configured_url;
    return j;
}

void print_text(const nlohmann::json& r) {
    std::cout << "state database: " << r["database"].get<std::string>() << '\n';
    std::cout << "feeds:\n";
    for (const auto& f : r["feeds"]) {
        std::cout << "  " << f["id"].get<std::string>() << "  " << f["url"].get<std::string>();
        if (!f["configured"].get<bool>()) std::cout << "  (no longer configured)";
        std::cout << '\n';
        if (!f["polled"].get<bool>()) {
            std::cout << "      never polled\n";
            continue;
        }
        std::cout << "      last status " << f["last_status"].get<long>() << ", errors in a row "
                  << f["error_streak"].get<int>() << ", last success " << text_of(f["last_success"])
                  << ", next poll " << text_of(f["next_poll"]);
        if (f["retired"].get<bool>()) std::cout << ", retired (gone)";
        if (f.contains("moved_from"))
            std::cout << ", moved from " << f["moved_from"].get<std::string>();
        std::cout << '\n';
    }
    std::cout << "events: " << r["events"].get<std::size_t>() << '\n';
    std::cout << "outbox: " << r["outbox"].get<std::size_t>()
              << " record(s) waiting for the broker's acknowledgement\n";
    std::cout << "parked: " << r["parked"].size() << " record(s) the broker refused for good\n";
    for (const auto& p : r["parked"])
        std::cout << "  seq " << p["seq"].get<std::int64_t>() << "  topic "
                  << p["topic"].get<std::string>() << "  key " << p["key"].get<std::string>()
                  << "  parked " << text_of(p["parked_at"]) << "\n      "
                  << p["error"].get<std::string>() << '\n';
}

}  // namespace

int cmd_state(const StateArgs& args) {
    config::Config cfg;
    try {
        cfg = config::load_config(args.config);
    } catch (const config::ConfigError& e) {
        print_config_error(e);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << args.config << ": " << e.what() << '\n';
        return 2;
    }
    const std::filesystem::path db = std::filesystem::path(cfg.state_dir) / "herald.db";
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) {
        std::cerr << "herald: no state database at " << db.string()
                  << " (herald has not run with this configuration yet)\n";
        return 1;
    }
    auto store = state::Store::open(cfg.state_dir);
    if (!store) {
        std::cerr << "herald: " << store.error().message << '\n';
        return 1;
    }
    auto feeds = (*store)->load_feeds();
    auto events = (*store)->event_count();
    auto outbox = (*store)->outbox_count();
    auto parked = (*store)->parked_load();
    for (const Error* e : {feeds ? nullptr : &feeds.error(), events ? nullptr : &events.error(),
                           outbox ? nullptr : &outbox.error(), parked ? nullptr : &parked.error()})
        if (e) {
            std::cerr << "herald: " << e->message << '\n';
            return 1;
        }

    nlohmann::json r;
    r["database"] = db.string();
    r["feeds"] = nlohmann::json::array();
    // Configured feeds first, in configuration order; then state the
    // configuration no longer names.
    for (const auto& f : cfg.feeds) {
        const state::FeedRecord* rec = nullptr;
        for (const auto& s : *feeds)
            if (s.feed_id == f.id) rec = &s;
        r["feeds"].push_back(feed_json(&f, rec));
    }
    for (const auto& s : *feeds) {
        bool configured = false;
        for (const auto& f : cfg.feeds) configured = configured || f.id == s.feed_id;
        if (!configured) r["feeds"].push_back(feed_json(nullptr, &s));
    }
    r["events"] = *events;
    r["outbox"] = *outbox;
    r["parked"] = nlohmann::json::array();
    for (const auto& p : *parked)
        r["parked"].push_back({{"seq", p.record.seq},
                               {"topic", p.record.topic},
                               {"key", p.record.key},
                               {"attempts", p.record.attempts},
                               {"error", p.error},
                               {"parked_at", utc_or_null(p.parked_at)}});
    if (args.json)
        std::cout << r.dump() << '\n';
    else
        print_text(r);
    return 0;
}

}  // namespace herald::daemon

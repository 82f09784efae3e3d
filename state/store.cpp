#include "state/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/hash.hpp"
#include "state/json_writer.hpp"

namespace herald::state {

namespace {

// Schema migrations: migrations[i] moves user_version i -> i+1.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE feeds (
  feed_id       TEXT PRIMARY KEY,
  url           TEXT NOT NULL DEFAULT '',
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  next_poll     INTEGER NOT NULL DEFAULT 0,
  error_streak  INTEGER NOT NULL DEFAULT 0,
  retired       INTEGER NOT NULL DEFAULT 0,
  last_success  INTEGER NOT NULL DEFAULT 0,
  last_status   INTEGER NOT NULL DEFAULT 0,
  adaptive_interval INTEGER NOT NULL DEFAULT 0,  -- seconds learned from item times
  configured_url    TEXT NOT NULL DEFAULT ''     -- the URL in the config this state belongs to
);
CREATE TABLE items (
  feed_id            TEXT NOT NULL,
  item_id            TEXT NOT NULL,
  content_hash       INTEGER,          -- committed version (NULL: never committed)
  paragraphs         BLOB,             -- committed paragraph hashes, 8 bytes LE each
  pending_hash       INTEGER,          -- last observed version, not yet committed
  pending_paragraphs BLOB,
  first_seen         INTEGER NOT NULL,
  last_seen          INTEGER NOT NULL,
  PRIMARY KEY (feed_id, item_id)
) WITHOUT ROWID;
CREATE TABLE events (
  seq         INTEGER PRIMARY KEY,      -- insertion order: new events append
  fp_hash     INTEGER NOT NULL,         -- stable_hash64(fingerprint), the lookup key
  fingerprint TEXT NOT NULL,
  id          TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  sources     INTEGER NOT NULL,
  first_seen  TEXT NOT NULL,
  updated     TEXT NOT NULL,
  json        TEXT NOT NULL,
  articles    TEXT NOT NULL             -- JSON array of article ids
);
CREATE UNIQUE INDEX events_fp ON events(fp_hash);
CREATE TABLE articles (
  article_id TEXT PRIMARY KEY,
  hash       INTEGER NOT NULL,          -- of the published normalised article
  updated    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE outbox (
  seq      INTEGER PRIMARY KEY,        -- max(seq)+1: increasing while rows remain
  topic    TEXT NOT NULL,
  key      BLOB NOT NULL,
  value    BLOB NOT NULL,
  headers  BLOB NOT NULL,               -- netstrings: <len>:<name><len>:<value>...
  created  INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0
);
)sql",
    // v2: events are found through an in-memory map fp_hash -> seq (loaded
    // at first use): a random-order index cost one index page write per new
    // event and commit.
    // Records the broker refused for good (no dead-letter topic): kept for an
    // operator, never sent again on their own.
    R"sql(
DROP INDEX IF EXISTS events_fp;
CREATE TABLE parked (
  id        INTEGER PRIMARY KEY,
  seq       INTEGER NOT NULL,          -- the record's outbox seq (reused once the outbox empties)
  topic     TEXT NOT NULL,
  key       BLOB NOT NULL,
  value     BLOB NOT NULL,
  headers   BLOB NOT NULL,             -- netstrings, as in outbox
  created   INTEGER NOT NULL,
  attempts  INTEGER NOT NULL,
  error     TEXT NOT NULL,             -- why the broker refused it
  parked_at INTEGER NOT NULL
);
)sql",
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

std::string blob_of(const std::vector<std::uint64_t>& v) {
    std::string out;
    out.reserve(v.size() * 8);
    for (auto x : v)
        for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((x >> (8 * i)) & 0xffU));
    return out;
}

std::vector<std::uint64_t> hashes_of(const void* data, int bytes) {
    std::vector<std::uint64_t> out;
    if (data == nullptr || bytes <= 0) return out;
    const auto* p = static_cast<const unsigned char*>(data);
    for (int off = 0; off + 8 <= bytes; off += 8) {
        std::uint64_t x = 0;
        for (int i = 0; i < 8; ++i) x |= static_cast<std::uint64_t>(p[off + i]) << (8 * i);
        out.push_back(x);
    }
    return out;
}

// Headers as netstrings ("<len>:<bytes>" for name, then value, repeated):
// binary-safe and cheap.
std::string encode_headers(const std::vector<Header>& headers) {
    std::size_t n = 0;
    for (const auto& [k, v] : headers) n += k.size() + v.size() + 8;
    std::string out;
    out.reserve(n);
    for (const auto& [k, v] : headers) {
        for (const std::string* p : {&k, &v}) {
            out += std::to_string(p->size());
            out += ':';
            out += *p;
        }
    }
    return out;
}

std::vector<Header> decode_headers(std::string_view in) {
    std::vector<Header> out;
    auto next = [&](std::string& field) {
        auto colon = in.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon > 9) return false;
        std::size_t n = 0;
        for (char c : in.substr(0, colon)) {
            if (c < '0' || c > '9') return false;
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        if (in.size() < colon + 1 + n) return false;
        field.assign(in.substr(colon + 1, n));
        in.remove_prefix(colon + 1 + n);
        return true;
    };
    Header h;
    while (!in.empty() && next(h.first) && next(h.second)) out.push_back(h);
    return out;
}

// ["a","b"]: plain ids directly, anything needing escapes through nlohmann.
std::string json_string_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& s : items) {
        bool plain = std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_' || c == '-' || c == '.' || c == ':';
        });
        if (out.size() > 1) out += ',';
        if (plain) {
            out += '"';
            out += s;
            out += '"';
        } else {
            append_json_string(out, s);
        }
    }
    out += ']';
    return out;
}

}  // namespace

std::vector<std::uint64_t> paragraph_hashes(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    std::vector<std::uint64_t> out;
    out.reserve(ranges.size());
    for (const auto& [b, e] : ranges) {
        std::size_t begin = std::min(b, text.size());
        std::size_t end = std::clamp(e, begin, text.size());
        out.push_back(stable_hash64(text.substr(begin, end - begin)));
    }
    return out;
}

// A prepared statement, reset after each use.
class Stmt {
  public:
    Stmt() = default;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt() { sqlite3_finalize(s_); }
    sqlite3_stmt* s_ = nullptr;
};

struct Store::Impl {
    sqlite3* db = nullptr;
    std::string path;
    int depth = 0;  // transaction nesting
    bool failed_in_txn = false;
    // Keyed by the SQL text's address: every caller passes a string literal
    // (or a static string), so this is a pointer lookup, not a string hash.
    std::unordered_map<const char*, std::unique_ptr<Stmt>> stmts;
    // events: fp_hash -> seq, loaded on first use. Only ever holds committed
    // rows or rows of the open transaction; cleared (reloaded on next use)
    // whenever a transaction does not commit, and after prune().
    std::unordered_map<std::uint64_t, std::int64_t> event_rows;
    bool event_rows_loaded = false;

    void forget_event_rows() {
        event_rows.clear();
        event_rows_loaded = false;
    }

    ~Impl() {
        stmts.clear();
        if (db != nullptr) sqlite3_close_v2(db);
    }

    tl::unexpected<Error> error(std::string_view what, int rc) const {
        std::string msg = std::string(what) + ": " + sqlite3_errstr(rc);
        const char* detail = db != nullptr ? sqlite3_errmsg(db) : nullptr;
        if (detail != nullptr && std::string_view(detail) != sqlite3_errstr(rc))
            msg += std::string(" (") + detail + ")";
        int primary = rc & 0xff;
        if (primary == SQLITE_FULL)
            msg += "; the disk or the database size limit is full, free space and it retries";
        else if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM)
            msg += "; check that the state directory is writable";
        return fail("state", path + ": " + msg);
    }

    Status exec(const char* sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
        sqlite3_free(err);
        if (rc != SQLITE_OK) {
            return error(std::string("executing '") + std::string(sql).substr(0, 60) + "'", rc);
        }
        return {};
    }

    Result<sqlite3_stmt*> prepare(const char* sql) {
        auto it = stmts.find(sql);
        if (it != stmts.end()) {
            sqlite3_reset(it->second->s_);
            sqlite3_clear_bindings(it->second->s_);
            return it->second->s_;
        }
        auto st = std::make_unique<Stmt>();
        int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->s_, nullptr);
        if (rc != SQLITE_OK) return error("preparing statement", rc);
        sqlite3_stmt* raw = st->s_;
        stmts.emplace(sql, std::move(st));
        return raw;
    }

    // Runs a cached argument-less statement (BEGIN, COMMIT, ROLLBACK).
    Status run(const char* sql) {
        auto st = prepare(sql);
        if (!st) return tl::unexpected(st.error());
        int rc = sqlite3_step(*st);
        sqlite3_reset(*st);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return error(std::string("executing ") + sql, rc);
        return {};
    }

    // Runs `fn` inside a transaction unless one is open already.
    template <class F>
    auto in_txn(F&& fn) -> decltype(fn()) {
        if (depth > 0) {
            auto r = fn();
            if (!r) failed_in_txn = true;
            return r;
        }
        if (auto b = begin(); !b) return tl::unexpected(b.error());
        auto r = fn();
        if (!r) {
            rollback();
            return r;
        }
        if (auto c = commit(); !c) return tl::unexpected(c.error());
        return r;
    }

    Status begin() {
        if (depth++ > 0) return {};
        failed_in_txn = false;
        // IMMEDIATE: take the write lock now, so a busy database fails here
        // (after busy_timeout) rather than half-way through.
        auto s = run("BEGIN IMMEDIATE");
        if (!s) depth = 0;
        return s;
    }

    Status commit() {
        if (depth == 0) return fail("state", path + ": commit without begin");
        if (--depth > 0) return {};
        if (failed_in_txn) {
            run("ROLLBACK");
            forget_event_rows();
            return fail("state", path + ": transaction rolled back after an earlier error");
        }
        auto s = run("COMMIT");
        if (!s) {
            // A failed COMMIT (e.g. SQLITE_FULL) may leave the transaction
            // open; roll back so the connection is clean for the next try.
            if (sqlite3_get_autocommit(db) == 0) run("ROLLBACK");
            forget_event_rows();
        }
        return s;
    }

    void rollback() {
        if (depth == 0) return;
        depth = 0;
        failed_in_txn = false;
        if (sqlite3_get_autocommit(db) == 0) run("ROLLBACK");
        forget_event_rows();
    }

    Status load_event_rows() {
        if (event_rows_loaded) return {};
        auto st = prepare("SELECT fp_hash, seq FROM events");
        if (!st) return tl::unexpected(st.error());
        event_rows.clear();
        int rc;
        while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
            auto& seq = event_rows[static_cast<std::uint64_t>(sqlite3_column_int64(*st, 0))];
            seq = std::max<std::int64_t>(seq, sqlite3_column_int64(*st, 1));
        }
        sqlite3_reset(*st);
        if (rc != SQLITE_DONE) {
            event_rows.clear();
            return error("loading the event index", rc);
        }
        event_rows_loaded = true;
        return {};
    }

    Status step_done(sqlite3_stmt* st, std::string_view what) {
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) return error(what, rc);
        return {};
    }
};

namespace {

void bind_text(sqlite3_stmt* st, int i, std::string_view s) {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void bind_blob(sqlite3_stmt* st, int i, std::string_view s) {
    sqlite3_bind_blob(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
// No copy: the caller keeps `s` alive until the statement is stepped and reset.
void bind_text_ref(sqlite3_stmt* st, int i, std::string_view s) {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}
void bind_blob_ref(sqlite3_stmt* st, int i, std::string_view s) {
    sqlite3_bind_blob(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}
std::string col_text(sqlite3_stmt* st, int i) {
    const auto* p = sqlite3_column_blob(st, i);
    int n = sqlite3_column_bytes(st, i);
    return p == nullptr ? std::string()
                        : std::string(static_cast<const char*>(p), static_cast<std::size_t>(n));
}
std::int64_t u2i(std::uint64_t v) {
    return static_cast<std::int64_t>(v);
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::path() const {
    return impl_->path;
}

Result<std::unique_ptr<Store>> Store::open(const std::string& dir, StoreOptions options) {
    auto impl = std::make_unique<Impl>();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail("state", "cannot create state directory " + dir + ": " + ec.message());
    impl->path = (std::filesystem::path(dir) / "herald.db").string();
    int rc =
        sqlite3_open_v2(impl->path.c_str(), &impl->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return impl->error("cannot open database", rc);
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);

    // journal_mode=WAL must be read back: it silently stays "delete" when the
    // directory does not allow the -wal file.
    sqlite3_stmt* st = nullptr;
    rc = sqlite3_prepare_v2(impl->db, "PRAGMA journal_mode=WAL", -1, &st, nullptr);
    std::string mode;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) mode = col_text(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) return impl->error("enabling WAL journal", rc);
    if (mode != "wal")
        return fail("state", impl->path + ": cannot enable WAL journal (got '" + mode +
                                 "'); check that the state directory is writable");
    std::string pragmas =
        std::string("PRAGMA synchronous=") + (options.synchronous_full ? "FULL" : "NORMAL") +
        "; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768; PRAGMA secure_delete=FAST;"
        " PRAGMA wal_autocheckpoint=10000;";
    if (options.max_page_count > 0)
        pragmas += "PRAGMA max_page_count=" + std::to_string(options.max_page_count) + ";";
    if (auto s = impl->exec(pragmas.c_str()); !s) return tl::unexpected(s.error());

    // Migrations, each in its own transaction with its version bump.
    int version = 0;
    rc = sqlite3_prepare_v2(impl->db, "PRAGMA user_version", -1, &st, nullptr);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version > kSchemaVersion)
        return fail("state", impl->path + ": schema version " + std::to_string(version) +
                                 " is newer than this herald supports (" +
                                 std::to_string(kSchemaVersion) + ")");
    for (int v = version; v < kSchemaVersion; ++v) {
        if (auto b = impl->begin(); !b) return tl::unexpected(b.error());
        std::string sql =
            std::string(kMigrations[v]) + "PRAGMA user_version=" + std::to_string(v + 1) + ";";
        if (auto s = impl->exec(sql.c_str()); !s) {
            impl->rollback();
            return tl::unexpected(s.error());
        }
        if (auto c = impl->commit(); !c) return tl::unexpected(c.error());
    }
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::begin() {
    return impl_->begin();
}
Status Store::commit() {
    return impl_->commit();
}
void Store::rollback() {
    impl_->rollback();
}

// ---------------------------------------------------------------- feeds

namespace {
FeedRecord feed_from_row(sqlite3_stmt* st) {
    FeedRecord f;
    f.feed_id = col_text(st, 0);
    f.url = col_text(st, 1);
    f.etag = col_text(st, 2);
    f.last_modified = col_text(st, 3);
    f.next_poll = sqlite3_column_int64(st, 4);
    f.error_streak = sqlite3_column_int(st, 5);
    f.retired = sqlite3_column_int(st, 6) != 0;
    f.last_success = sqlite3_column_int64(st, 7);
    f.last_status = static_cast<long>(sqlite3_column_int64(st, 8));
    f.adaptive_interval = sqlite3_column_int64(st, 9);
    f.configured_url = col_text(st, 10);
    return f;
}
constexpr const char* kFeedCols =
    "feed_id, url, etag, last_modified, next_poll, error_streak, retired, last_success, "
    "last_status, adaptive_interval, configured_url";
}  // namespace

Result<std::optional<FeedRecord>> Store::load_feed(const std::string& feed_id) {
    static const std::string sql =
        std::string("SELECT ") + kFeedCols + " FROM feeds WHERE feed_id=?";
    auto st = impl_->prepare(sql.c_str());
    if (!st) return tl::unexpected(st.error());
    bind_text(*st, 1, feed_id);
    int rc = sqlite3_step(*st);
    std::optional<FeedRecord> out;
    if (rc == SQLITE_ROW) out = feed_from_row(*st);
    sqlite3_reset(*st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->error("loading feed", rc);
    return out;
}

Result<std::vector<FeedRecord>> Store::load_feeds() {
    static const std::string sql =
        std::string("SELECT ") + kFeedCols + " FROM feeds ORDER BY feed_id";
    auto st = impl_->prepare(sql.c_str());
    if (!st) return tl::unexpected(st.error());
    std::vector<FeedRecord> out;
    int rc;
    while ((rc = sqlite3_step(*st)) == SQLITE_ROW) out.push_back(feed_from_row(*st));
    sqlite3_reset(*st);
    if (rc != SQLITE_DONE) return impl_->error("loading feeds", rc);
    return out;
}

Status Store::save_feed(const FeedRecord& f) {
    return impl_->in_txn([&]() -> Status {
        auto st = impl_->prepare(
            "INSERT INTO feeds (feed_id, url, etag, last_modified, next_poll, error_streak, "
            "retired, last_success, last_status, adaptive_interval, configured_url) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(feed_id) DO UPDATE SET url=excluded.url, etag=excluded.etag, "
            "last_modified=excluded.last_modified, next_poll=excluded.next_poll, "
            "error_streak=excluded.error_streak, retired=excluded.retired, "
            "last_success=excluded.last_success, last_status=excluded.last_status, "
            "adaptive_interval=excluded.adaptive_interval, "
            "configured_url=excluded.configured_url");
        if (!st) return tl::unexpected(st.error());
        bind_text(*st, 1, f.feed_id);
        bind_text(*st, 2, f.url);
        bind_text(*st, 3, f.etag);
        bind_text(*st, 4, f.last_modified);
        sqlite3_bind_int64(*st, 5, f.next_poll);
        sqlite3_bind_int(*st, 6, f.error_streak);
        sqlite3_bind_int(*st, 7, f.retired ? 1 : 0);
        sqlite3_bind_int64(*st, 8, f.last_success);
        sqlite3_bind_int64(*st, 9, f.last_status);
        sqlite3_bind_int64(*st, 10, f.adaptive_interval);
        bind_text(*st, 11, f.configured_url);
        return impl_->step_done(*st, "saving feed " + f.feed_id);
    });
}

// ---------------------------------------------------------------- items

Result<ItemChange> Store::observe_item(const std::string& feed_id, const std::string& item_id,
                                       std::uint64_t content_hash,
                                       const std::vector<std::uint64_t>& paragraph_hashes,
                                       UnixTime now) {
    return impl_->in_txn([&]() -> Result<ItemChange> {
        auto st = impl_->prepare(
            "SELECT content_hash, paragraphs FROM items WHERE feed_id=? AND item_id=?");
        if (!st) return tl::unexpected(st.error());
        bind_text(*st, 1, feed_id);
        bind_text(*st, 2, item_id);
        int rc = sqlite3_step(*st);
        bool exists = rc == SQLITE_ROW;
        bool committed = exists && sqlite3_column_type(*st, 0) != SQLITE_NULL;
        std::uint64_t old_hash = 0;
        std::vector<std::uint64_t> old_paragraphs;
        if (committed) {
            old_hash = static_cast<std::uint64_t>(sqlite3_column_int64(*st, 0));
            old_paragraphs = hashes_of(sqlite3_column_blob(*st, 1), sqlite3_column_bytes(*st, 1));
        }
        sqlite3_reset(*st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->error("loading item", rc);

        ItemChange change;
        if (!committed) {
            change.kind = ItemChange::Kind::added;
            change.changed_paragraphs.assign(paragraph_hashes.size(), true);
        } else if (old_hash == content_hash) {
            change.kind = ItemChange::Kind::unchanged;
            change.changed_paragraphs.assign(paragraph_hashes.size(), false);
        } else {
            change.kind = ItemChange::Kind::changed;
            // A paragraph is unchanged when the old version has the same hash
            // (multiset: each old paragraph matches at most once).
            std::unordered_map<std::uint64_t, int> pool;
            for (auto h : old_paragraphs) ++pool[h];
            for (auto h : paragraph_hashes) {
                auto it = pool.find(h);
                bool same = it != pool.end() && it->second > 0;
                if (same) --it->second;
                change.changed_paragraphs.push_back(!same);
            }
        }

        sqlite3_stmt* up = nullptr;
        if (change.kind == ItemChange::Kind::unchanged) {
            auto u = impl_->prepare(
                "UPDATE items SET last_seen=?, pending_hash=NULL, pending_paragraphs=NULL "
                "WHERE feed_id=? AND item_id=?");
            if (!u) return tl::unexpected(u.error());
            up = *u;
            sqlite3_bind_int64(up, 1, now);
            bind_text(up, 2, feed_id);
            bind_text(up, 3, item_id);
        } else {
            auto u = impl_->prepare(
                "INSERT INTO items (feed_id, item_id, pending_hash, pending_paragraphs, "
                "first_seen, last_seen) VALUES (?,?,?,?,?,?) ON CONFLICT(feed_id, item_id) DO "
                "UPDATE SET pending_hash=excluded.pending_hash, "
                "pending_paragraphs=excluded.pending_paragraphs, last_seen=excluded.last_seen");
            if (!u) return tl::unexpected(u.error());
            up = *u;
            bind_text(up, 1, feed_id);
            bind_text(up, 2, item_id);
            sqlite3_bind_int64(up, 3, u2i(content_hash));
            bind_blob(up, 4, blob_of(paragraph_hashes));
            sqlite3_bind_int64(up, 5, now);
            sqlite3_bind_int64(up, 6, now);
        }
        if (auto s = impl_->step_done(up, "saving item " + feed_id + "/" + item_id); !s)
            return tl::unexpected(s.error());
        return change;
    });
}

Status Store::commit_item(const std::string& feed_id, const std::string& item_id) {
    return impl_->in_txn([&]() -> Status {
        auto st = impl_->prepare(
            "UPDATE items SET content_hash=pending_hash, paragraphs=pending_paragraphs, "
            "pending_hash=NULL, pending_paragraphs=NULL WHERE feed_id=? AND item_id=? AND "
            "pending_hash IS NOT NULL");
        if (!st) return tl::unexpected(st.error());
        bind_text(*st, 1, feed_id);
        bind_text(*st, 2, item_id);
        return impl_->step_done(*st, "committing item " + feed_id + "/" + item_id);
    });
}

// ---------------------------------------------------------------- events

Result<std::optional<EventRecord>> Store::load_event(const std::string& fingerprint) {
    if (auto s = impl_->load_event_rows(); !s) return tl::unexpected(s.error());
    auto row = impl_->event_rows.find(stable_hash64(fingerprint));
    if (row == impl_->event_rows.end()) return std::optional<EventRecord>();
    auto st = impl_->prepare(
        "SELECT id, revision, sources, first_seen, updated, json, articles, fingerprint FROM "
        "events WHERE seq=?");
    if (!st) return tl::unexpected(st.error());
    sqlite3_bind_int64(*st, 1, row->second);
    int rc = sqlite3_step(*st);
    std::optional<EventRecord> out;
    // A 64-bit hash collision would also collide the event ids: treat the
    // stored event as a different one and let the new one replace it.
    if (rc == SQLITE_ROW && col_text(*st, 7) == fingerprint) {
        EventRecord e;
        e.fingerprint = fingerprint;
        e.id = col_text(*st, 0);
        e.revision = sqlite3_column_int(*st, 1);
        e.sources = sqlite3_column_int(*st, 2);
        e.first_seen = col_text(*st, 3);
        e.updated = col_text(*st, 4);
        e.json = col_text(*st, 5);
        auto arts = nlohmann::json::parse(col_text(*st, 6), nullptr, false);
        if (arts.is_array())
            for (const auto& a : arts)
                if (a.is_string()) e.articles.push_back(a.get<std::string>());
        out = std::move(e);
    }
    sqlite3_reset(*st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->error("loading event", rc);
    return out;
}

Status Store::save_event(const EventRecord& e) {
    return impl_->in_txn([&]() -> Status {
        if (auto s = impl_->load_event_rows(); !s) return s;
        const std::uint64_t h = stable_hash64(e.fingerprint);
        auto row = impl_->event_rows.find(h);
        const bool update = row != impl_->event_rows.end();
        auto st = update ? impl_->prepare(
                               "UPDATE events SET fp_hash=?, fingerprint=?, id=?, revision=?, "
                               "sources=?, first_seen=?, updated=?, json=?, articles=? WHERE seq=?")
                         : impl_->prepare(
                               "INSERT INTO events (fp_hash, fingerprint, id, revision, sources, "
                               "first_seen, updated, json, articles) VALUES (?,?,?,?,?,?,?,?,?)");
        if (!st) return tl::unexpected(st.error());
        sqlite3_bind_int64(*st, 1, u2i(h));
        // No copies: `e` outlives the statement's step.
        bind_text_ref(*st, 2, e.fingerprint);
        bind_text_ref(*st, 3, e.id);
        sqlite3_bind_int(*st, 4, e.revision);
        sqlite3_bind_int(*st, 5, e.sources);
        bind_text_ref(*st, 6, e.first_seen);
        bind_text_ref(*st, 7, e.updated);
        bind_text_ref(*st, 8, e.json);
        const std::string articles = json_string_array(e.articles);
        bind_text_ref(*st, 9, articles);
        if (update) sqlite3_bind_int64(*st, 10, row->second);
        if (auto s = impl_->step_done(*st, "saving event " + e.id); !s) return s;
        if (!update) impl_->event_rows.emplace(h, sqlite3_last_insert_rowid(impl_->db));
        return {};
    });
}

Result<std::size_t> Store::event_count() {
    auto st = impl_->prepare("SELECT count(*) FROM events");
    if (!st) return tl::unexpected(st.error());
    int rc = sqlite3_step(*st);
    auto n = rc == SQLITE_ROW ? static_cast<std::size_t>(sqlite3_column_int64(*st, 0)) : 0;
    sqlite3_reset(*st);
    if (rc != SQLITE_ROW) return impl_->error("counting events", rc);
    return n;
}

// ---------------------------------------------------------------- articles

Result<bool> Store::note_article(const std::string& article_id, std::uint64_t hash, UnixTime now) {
    return impl_->in_txn([&]() -> Result<bool> {
        auto st = impl_->prepare(
            "INSERT INTO articles (article_id, hash, updated) VALUES (?,?,?) "
            "ON CONFLICT(article_id) DO UPDATE SET hash=excluded.hash, updated=excluded.updated "
            "WHERE hash<>excluded.hash");
        if (!st) return tl::unexpected(st.error());
        bind_text(*st, 1, article_id);
        sqlite3_bind_int64(*st, 2, u2i(hash));
        sqlite3_bind_int64(*st, 3, now);
        if (auto s = impl_->step_done(*st, "saving article " + article_id); !s)
            return tl::unexpected(s.error());
        return sqlite3_changes(impl_->db) > 0;
    });
}

// ---------------------------------------------------------------- outbox

Result<std::int64_t> Store::outbox_append(OutboxRecord& rec) {
    return impl_->in_txn([&]() -> Result<std::int64_t> {
        auto st = impl_->prepare(
            "INSERT INTO outbox (topic, key, value, headers, created, attempts) VALUES "
            "(?,?,?,?,?,?)");
        if (!st) return tl::unexpected(st.error());
        const std::string headers = encode_headers(rec.headers);
        bind_text_ref(*st, 1, rec.topic);
        bind_blob_ref(*st, 2, rec.key);
        bind_blob_ref(*st, 3, rec.value);
        bind_blob_ref(*st, 4, headers);
        sqlite3_bind_int64(*st, 5, rec.created);
        sqlite3_bind_int(*st, 6, rec.attempts);
        if (auto s = impl_->step_done(*st, "appending to outbox"); !s)
            return tl::unexpected(s.error());
        rec.seq = sqlite3_last_insert_rowid(impl_->db);
        return rec.seq;
    });
}

Result<std::vector<OutboxRecord>> Store::outbox_load(std::int64_t after_seq, std::size_t limit) {
    auto st = impl_->prepare(
        "SELECT seq, topic, key, value, headers, created, attempts FROM outbox WHERE seq>? "
        "ORDER BY seq LIMIT ?");
    if (!st) return tl::unexpected(st.error());
    sqlite3_bind_int64(*st, 1, after_seq);
    sqlite3_bind_int64(
        *st, 2,
        limit > static_cast<std::size_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(limit));
    std::vector<OutboxRecord> out;
    int rc;
    while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
        OutboxRecord r;
        r.seq = sqlite3_column_int64(*st, 0);
        r.topic = col_text(*st, 1);
        r.key = col_text(*st, 2);
        r.value = col_text(*st, 3);
        r.headers = decode_headers(col_text(*st, 4));
        r.created = sqlite3_column_int64(*st, 5);
        r.attempts = sqlite3_column_int(*st, 6);
        out.push_back(std::move(r));
    }
    sqlite3_reset(*st);
    if (rc != SQLITE_DONE) return impl_->error("loading outbox", rc);
    return out;
}

Status Store::outbox_remove(const std::vector<std::int64_t>& seqs) {
    if (seqs.empty()) return {};
    // Delivery reports arrive per partition, so a batch is mostly runs of
    // consecutive seqs: delete each run with one range statement.
    std::vector<std::int64_t> sorted = seqs;
    std::sort(sorted.begin(), sorted.end());
    return impl_->in_txn([&]() -> Status {
        auto st = impl_->prepare("DELETE FROM outbox WHERE seq BETWEEN ? AND ?");
        if (!st) return tl::unexpected(st.error());
        for (std::size_t i = 0; i < sorted.size();) {
            std::size_t j = i;
            while (j + 1 < sorted.size() && sorted[j + 1] <= sorted[j] + 1) ++j;
            sqlite3_bind_int64(*st, 1, sorted[i]);
            sqlite3_bind_int64(*st, 2, sorted[j]);
            if (auto s = impl_->step_done(*st, "removing delivered outbox records"); !s) return s;
            i = j + 1;
        }
        return {};
    });
}

Status Store::outbox_bump_attempts(std::int64_t seq) {
    return impl_->in_txn([&]() -> Status {
        auto st = impl_->prepare("UPDATE outbox SET attempts=attempts+1 WHERE seq=?");
        if (!st) return tl::unexpected(st.error());
        sqlite3_bind_int64(*st, 1, seq);
        return impl_->step_done(*st, "updating outbox record");
    });
}

Status Store::outbox_park(const OutboxRecord& rec, const std::string& error, UnixTime now) {
    return impl_->in_txn([&]() -> Status {
        auto st = impl_->prepare(
            "INSERT INTO parked (seq, topic, key, value, headers, created, attempts, "
            "error, parked_at) VALUES (?,?,?,?,?,?,?,?,?)");
        if (!st) return tl::unexpected(st.error());
        sqlite3_bind_int64(*st, 1, rec.seq);
        bind_text(*st, 2, rec.topic);
        bind_blob(*st, 3, rec.key);
        bind_blob_ref(*st, 4, rec.value);
        bind_blob(*st, 5, encode_headers(rec.headers));
        sqlite3_bind_int64(*st, 6, rec.created);
        sqlite3_bind_int(*st, 7, rec.attempts);
        bind_text(*st, 8, error);
        sqlite3_bind_int64(*st, 9, now);
        if (auto s = impl_->step_done(*st, "parking outbox record"); !s) return s;
        auto del = impl_->prepare("DELETE FROM outbox WHERE seq=?");
        if (!del) return tl::unexpected(del.error());
        sqlite3_bind_int64(*del, 1, rec.seq);
        return impl_->step_done(*del, "parking outbox record");
    });
}

Result<std::vector<ParkedRecord>> Store::parked_load() {
    auto st = impl_->prepare(
        "SELECT seq, topic, key, value, headers, created, attempts, error, parked_at FROM parked "
        "ORDER BY id");
    if (!st) return tl::unexpected(st.error());
    std::vector<ParkedRecord> out;
    int rc;
    while ((rc = sqlite3_step(*st)) == SQLITE_ROW) {
        ParkedRecord p;
        p.record.seq = sqlite3_column_int64(*st, 0);
        p.record.topic = col_text(*st, 1);
        p.record.key = col_text(*st, 2);
        p.record.value = col_text(*st, 3);
        p.record.headers = decode_headers(col_text(*st, 4));
        p.record.created = sqlite3_column_int64(*st, 5);
        p.record.attempts = sqlite3_column_int(*st, 6);
        p.error = col_text(*st, 7);
        p.parked_at = sqlite3_column_int64(*st, 8);
        out.push_back(std::move(p));
    }
    sqlite3_reset(*st);
    if (rc != SQLITE_DONE) return impl_->error("loading parked records", rc);
    return out;
}

Result<std::size_t> Store::parked_count() {
    auto st = impl_->prepare("SELECT count(*) FROM parked");
    if (!st) return tl::unexpected(st.error());
    int rc = sqlite3_step(*st);
    auto n = rc == SQLITE_ROW ? static_cast<std::size_t>(sqlite3_column_int64(*st, 0)) : 0;
    sqlite3_reset(*st);
    if (rc != SQLITE_ROW) return impl_->error("counting parked records", rc);
    return n;
}

Result<std::size_t> Store::outbox_count() {
    auto st = impl_->prepare("SELECT count(*) FROM outbox");
    if (!st) return tl::unexpected(st.error());
    int rc = sqlite3_step(*st);
    auto n = rc == SQLITE_ROW ? static_cast<std::size_t>(sqlite3_column_int64(*st, 0)) : 0;
    sqlite3_reset(*st);
    if (rc != SQLITE_ROW) return impl_->error("counting outbox", rc);
    return n;
}

Result<std::size_t> Store::prune(UnixTime before) {
    return impl_->in_txn([&]() -> Result<std::size_t> {
        std::size_t removed = 0;
        const std::string cutoff = format_utc(before);
        struct Step {
            const char* sql;
            bool text;
        };
        for (const Step& step : {Step{"DELETE FROM items WHERE last_seen<?", false},
                                 Step{"DELETE FROM articles WHERE updated<?", false},
                                 Step{"DELETE FROM events WHERE updated<?", true}}) {
            auto st = impl_->prepare(step.sql);
            if (!st) return tl::unexpected(st.error());
            if (step.text)
                bind_text(*st, 1, cutoff);
            else
                sqlite3_bind_int64(*st, 1, before);
            if (auto s = impl_->step_done(*st, "pruning old state"); !s)
                return tl::unexpected(s.error());
            removed += static_cast<std::size_t>(sqlite3_changes(impl_->db));
        }
        impl_->forget_event_rows();  // reloaded at the next use
        return removed;
    });
}

Status Store::set_max_page_count(std::int64_t pages) {
    // SQLite cannot go below the current size; 0 means "as large as allowed".
    std::string sql =
        "PRAGMA max_page_count=" + std::to_string(pages > 0 ? pages : std::int64_t{4294967294}) +
        ";";
    return impl_->exec(sql.c_str());
}

Status Store::check_integrity() {
    auto st = impl_->prepare("PRAGMA integrity_check");
    if (!st) return tl::unexpected(st.error());
    int rc = sqlite3_step(*st);
    std::string res = rc == SQLITE_ROW ? col_text(*st, 0) : "";
    sqlite3_reset(*st);
    if (rc != SQLITE_ROW) return impl_->error("integrity check", rc);
    if (res != "ok") return fail("state", impl_->path + ": integrity check failed: " + res);
    return {};
}

}  // namespace herald::state

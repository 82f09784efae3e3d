// Durable state of the daemon: one SQLite database (WAL) in the state
// directory holding feed poll state, item hashes (change detection), merged
// events and the Kafka outbox. See docs/publishing.md.
//
// Threading: a Store owns one connection and must be used from one thread at a
// time (the daemon thread). Every call returns a Result/Status; errors have
// kind "state" and name the database file. A failed write is rolled back and
// the connection stays usable, so a later retry succeeds once the cause (disk
// full, read-only directory) is gone.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"

namespace herald::state {

struct StoreOptions {
    // true: synchronous=FULL (each commit survives power loss); false (default):
    // synchronous=NORMAL, which in WAL mode survives any process crash and never
    // corrupts, but the last commits may roll back on power loss.
    bool synchronous_full = false;
    int busy_timeout_ms = 5000;
    // Caps the database size (pages of 4 KiB); 0 = unlimited. Exceeding it is
    // reported like a full disk.
    std::int64_t max_page_count = 0;
};

struct FeedRecord {
    std::string feed_id, url, etag, last_modified;
    UnixTime next_poll = 0;
    int error_streak = 0;
    bool retired = false;
    UnixTime last_success = 0;
    long last_status = 0;
    std::int64_t adaptive_interval = 0;  // seconds learned from the feed's item times; 0 = none
    // The URL in the configuration this state belongs to; `url` differs from it
    // after a permanent redirect.
    std::string configured_url;

    bool operator==(const FeedRecord&) const = default;
};

struct ItemChange {
    enum class Kind { added, changed, unchanged };
    Kind kind = Kind::added;
    // One flag per paragraph of the new version: true when it must be
    // extracted again (added: all true; unchanged: all false).
    std::vector<bool> changed_paragraphs;
};

// The merged state of one real-world event.
struct EventRecord {
    std::string fingerprint;  // processors::fingerprint()
    std::string id;           // processors::event_id()
    int revision = 1;
    int sources = 1;
    std::string first_seen;  // YYYY-MM-DDTHH:MM:SSZ
    std::string updated;
    std::string json;                   // current contract JSON
    std::vector<std::string> articles;  // distinct contributing article ids
};

using Header = std::pair<std::string, std::string>;

// One Kafka record waiting for its delivery report.
struct OutboxRecord {
    std::int64_t seq = 0;  // assigned by outbox_append, increasing
    std::string topic;
    std::string key;
    std::string value;
    std::vector<Header> headers;
    UnixTime created = 0;
    int attempts = 0;
};

// An outbox record the broker refused for good, parked for an operator
// (table `parked`; see docs/publishing.md).
struct ParkedRecord {
    OutboxRecord record;
    std::string error;
    UnixTime parked_at = 0;
};

class Store {
  public:
    // Creates `dir` (and parents) if needed and opens/creates dir/herald.db,
    // migrating its schema to the current version.
    static Result<std::unique_ptr<Store>> open(const std::string& dir, StoreOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const;
    static constexpr int kSchemaVersion = 2;  // 2: no events_fp index, parked table

    // Transactions nest: only the outermost begin/commit touches SQLite.
    // Writes outside a transaction are each their own transaction.
    Status begin();
    Status commit();
    void rollback();

    // --- feeds
    Result<std::optional<FeedRecord>> load_feed(const std::string& feed_id);
    Result<std::vector<FeedRecord>> load_feeds();
    Status save_feed(const FeedRecord& feed);

    // --- items (change detection)
    // Compares the item with its last *committed* version and remembers this
    // version as pending. commit_item() makes the pending version the
    // committed one; call it once the article's events are in the outbox
    // (EventSink::publish_article does it in the same transaction). A crash in
    // between therefore re-extracts the article instead of losing it.
    Result<ItemChange> observe_item(const std::string& feed_id, const std::string& item_id,
                                    std::uint64_t content_hash,
                                    const std::vector<std::uint64_t>& paragraph_hashes,
                                    UnixTime now);
    Status commit_item(const std::string& feed_id, const std::string& item_id);

    // --- events
    Result<std::optional<EventRecord>> load_event(const std::string& fingerprint);
    Status save_event(const EventRecord& ev);
    Result<std::size_t> event_count();

    // --- articles (for the optional articles topic)
    // Records the hash of an article's normalised form; true when it is new or
    // differs from the last one noted (i.e. it should be published).
    Result<bool> note_article(const std::string& article_id, std::uint64_t hash, UnixTime now);

    // --- outbox
    // Appends and returns the record's seq (also written to rec.seq).
    Result<std::int64_t> outbox_append(OutboxRecord& rec);
    // Records with seq > after_seq, oldest first, at most `limit`.
    Result<std::vector<OutboxRecord>> outbox_load(std::int64_t after_seq = 0,
                                                  std::size_t limit = SIZE_MAX);
    // Removes delivered records (one transaction).
    Status outbox_remove(const std::vector<std::int64_t>& seqs);
    Status outbox_bump_attempts(std::int64_t seq);
    Result<std::size_t> outbox_count();
    // Moves a record from the outbox to the `parked` table (one transaction):
    // it is no longer loaded by outbox_load(), so never re-sent by itself.
    Status outbox_park(const OutboxRecord& rec, const std::string& error, UnixTime now);
    Result<std::vector<ParkedRecord>> parked_load();
    Result<std::size_t> parked_count();

    // Forgets items not seen since `before`, events not updated since then
    // and their article-topic hashes (one transaction). A forgotten item that
    // reappears is new again; a forgotten event starts over at revision 1
    // under the same id. Returns the number of rows removed.
    Result<std::size_t> prune(UnixTime before);

    // Changes the size cap (see StoreOptions::max_page_count); 0 = unlimited.
    Status set_max_page_count(std::int64_t pages);

    // PRAGMA integrity_check == "ok".
    Status check_integrity();

  private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Paragraph hashes as used by observe_item: stable_hash64 of each byte range.
std::vector<std::uint64_t> paragraph_hashes(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges);

}  // namespace herald::state

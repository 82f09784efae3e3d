#include "state/store.hpp"

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/support/temp_dir.hpp"

namespace herald::state {
namespace {

using herald::test::TempDir;

std::unique_ptr<Store> open_or_die(const std::string& dir, StoreOptions o = {}) {
    auto s = Store::open(dir, o);
    EXPECT_TRUE(s) << (s ? "" : s.error().str());
    return s ? std::move(*s) : nullptr;
}

EventRecord make_event(int i, std::size_t json_size = 100) {
    EventRecord e;
    e.fingerprint = "visit|person:p" + std::to_string(i);
    e.id = "evt_" + std::to_string(i);
    e.first_seen = e.updated = "2024-09-18T10:00:00Z";
    e.json = "{\"pad\":\"" + std::string(json_size, 'x') + "\"}";
    e.articles = {"art_" + std::to_string(i)};
    return e;
}

TEST(StateStore, CreatesDirectoryAndSchema) {
    TempDir t;
    auto dir = t.path() + "/a/b/state";
    {
        auto s = open_or_die(dir);
        ASSERT_TRUE(s);
        EXPECT_EQ(s->path(), dir + "/herald.db");
        EXPECT_TRUE(s->check_integrity());
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir + "/herald.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(st, 0), Store::kSchemaVersion);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
    sqlite3_finalize(st);
    // A database from a newer herald is refused, not "migrated".
    sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto again = Store::open(dir);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, "state");
    EXPECT_NE(again.error().message.find("newer"), std::string::npos);
}

TEST(StateStore, FeedsRoundTrip) {
    TempDir t;
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    auto none = s->load_feed("nope");
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());
    FeedRecord f{"reuters",
                 "https://example.org/rss",
                 "\"abc\"",
                 "Wed, 18 Sep 2024 10:00:00 GMT",
                 1726653600,
                 2,
                 false,
                 1726650000,
                 304,
                 7200,
                 "https://example.org/old-rss"};
    ASSERT_TRUE(s->save_feed(f));
    f.error_streak = 0;
    f.retired = true;
    ASSERT_TRUE(s->save_feed(f));  // upsert
    FeedRecord other;
    other.feed_id = "aljazeera";
    ASSERT_TRUE(s->save_feed(other));
    s.reset();
    s = open_or_die(t.path());
    auto got = s->load_feed("reuters");
    ASSERT_TRUE(got && got->has_value());
    EXPECT_EQ(**got, f);
    auto all = s->load_feeds();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].feed_id, "aljazeera");
}

TEST(StateStore, ObserveItemDetectsNewChangedUnchanged) {
    TempDir t;
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    auto c = s->observe_item("f", "i1", 100, {1, 2, 3}, 1000);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind, ItemChange::Kind::added);
    EXPECT_EQ(c->changed_paragraphs, (std::vector<bool>{true, true, true}));
    // Not committed (e.g. crash before publishing): still new.
    c = s->observe_item("f", "i1", 100, {1, 2, 3}, 1001);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind, ItemChange::Kind::added);
    ASSERT_TRUE(s->commit_item("f", "i1"));
    c = s->observe_item("f", "i1", 100, {1, 2, 3}, 1002);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind, ItemChange::Kind::unchanged);
    EXPECT_EQ(c->changed_paragraphs, (std::vector<bool>{false, false, false}));
    // Edited: paragraph 2 rewritten, a paragraph inserted, one duplicated.
    c = s->observe_item("f", "i1", 101, {1, 9, 2, 2, 3}, 1003);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind, ItemChange::Kind::changed);
    EXPECT_EQ(c->changed_paragraphs, (std::vector<bool>{false, true, false, true, false}));
    ASSERT_TRUE(s->commit_item("f", "i1"));
    c = s->observe_item("f", "i1", 101, {1, 9, 2, 2, 3}, 1004);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind, ItemChange::Kind::unchanged);
    // Same item id in another feed is another item.
    c = s->observe_item("g", "i1", 101, {1}, 1005);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind, ItemChange::Kind::added);
}

TEST(StateStore, ParagraphHashesUseByteRanges) {
    std::string text = "First para.\n\nSecond para.";
    auto h = paragraph_hashes(text, {{0, 11}, {13, 25}, {20, 999}});
    ASSERT_EQ(h.size(), 3u);
    EXPECT_NE(h[0], h[1]);
    EXPECT_EQ(h, paragraph_hashes("First para.--Second para.", {{0, 11}, {13, 25}, {20, 999}}));
}

TEST(StateStore, EventsRoundTrip) {
    TempDir t;
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    auto e = make_event(1);
    e.articles = {"art_a", "art_b", "odd \"id\"\n"};
    e.revision = 3;
    e.sources = 2;
    ASSERT_TRUE(s->save_event(e));
    auto got = s->load_event(e.fingerprint);
    ASSERT_TRUE(got && got->has_value());
    EXPECT_EQ((*got)->id, e.id);
    EXPECT_EQ((*got)->revision, 3);
    EXPECT_EQ((*got)->sources, 2);
    EXPECT_EQ((*got)->articles, e.articles);
    EXPECT_EQ((*got)->json, e.json);
    auto missing = s->load_event("other");
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->has_value());
}

// Events are found through an in-memory index (fp_hash -> row): it must
// follow commits, rollbacks, updates, prune and a reopen, and a version-1
// database (with the old SQL index) is migrated.
TEST(StateStore, EventIndexFollowsTransactionsAndReopen) {
    TempDir t;
    {
        auto s = open_or_die(t.path());
        ASSERT_TRUE(s);
        ASSERT_TRUE(s->save_event(make_event(1)));
        // Rolled back: neither the new event nor the update is visible.
        ASSERT_TRUE(s->begin());
        ASSERT_TRUE(s->save_event(make_event(2)));
        auto e1 = make_event(1);
        e1.revision = 7;
        ASSERT_TRUE(s->save_event(e1));
        EXPECT_TRUE(s->load_event(make_event(2).fingerprint)->has_value());
        s->rollback();
        EXPECT_FALSE(s->load_event(make_event(2).fingerprint)->has_value());
        EXPECT_EQ((*s->load_event(make_event(1).fingerprint))->revision, 1);
        // An update replaces the row in place (no second row).
        ASSERT_TRUE(s->save_event(e1));
        EXPECT_EQ(*s->event_count(), 1u);
        EXPECT_EQ((*s->load_event(e1.fingerprint))->revision, 7);
        ASSERT_TRUE(s->save_event(make_event(3)));
        // Pruned events are forgotten, and can start over.
        auto old = make_event(4);
        old.updated = "2020-01-01T00:00:00Z";
        ASSERT_TRUE(s->save_event(old));
        ASSERT_TRUE(s->prune(parse_iso8601("2021-01-01T00:00:00Z").value()));
        EXPECT_FALSE(s->load_event(old.fingerprint)->has_value());
        ASSERT_TRUE(s->save_event(make_event(4)));
        EXPECT_EQ(*s->event_count(), 3u);
    }
    // Turn the database back into version 1 (with its index) and reopen.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((t.path() + "/herald.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE UNIQUE INDEX events_fp ON events(fp_hash); "
                           "DROP TABLE parked; PRAGMA user_version=1;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    for (int i : {1, 3, 4}) {
        auto got = s->load_event(make_event(i).fingerprint);
        ASSERT_TRUE(got && got->has_value()) << i;
        EXPECT_EQ((*got)->id, "evt_" + std::to_string(i));
    }
    EXPECT_EQ((*s->load_event(make_event(1).fingerprint))->revision, 7);
    EXPECT_FALSE(s->load_event(make_event(2).fingerprint)->has_value());
    ASSERT_TRUE(s->save_event(make_event(5)));
    EXPECT_EQ(*s->event_count(), 4u);
    db = nullptr;
    ASSERT_EQ(sqlite3_open((t.path() + "/herald.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name='events_fp'", -1, &st,
                       nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    EXPECT_EQ(*s->parked_count(), 0u);
}

TEST(StateStore, OutboxKeepsOrderAndSurvivesReopen) {
    TempDir t;
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < 5; ++i) {
        OutboxRecord r{0,
                       "events",
                       "k" + std::to_string(i % 2),
                       std::string("v\0x", 3),
                       {{"ce_id", "x:" + std::to_string(i)}},
                       1000 + i,
                       0};
        auto seq = s->outbox_append(r);
        ASSERT_TRUE(seq);
        EXPECT_EQ(*seq, r.seq);
        seqs.push_back(*seq);
    }
    EXPECT_TRUE(std::is_sorted(seqs.begin(), seqs.end()));
    ASSERT_TRUE(s->outbox_remove({seqs[0], seqs[2]}));
    ASSERT_TRUE(s->outbox_bump_attempts(seqs[1]));
    s.reset();
    s = open_or_die(t.path());
    auto rows = s->outbox_load();
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[0].seq, seqs[1]);
    EXPECT_EQ((*rows)[0].attempts, 1);
    EXPECT_EQ((*rows)[0].value, std::string("v\0x", 3));
    EXPECT_EQ((*rows)[0].headers.at(0).second, "x:1");
    EXPECT_EQ((*rows)[2].seq, seqs[4]);
    auto tail = s->outbox_load(seqs[1], 1);
    ASSERT_TRUE(tail);
    ASSERT_EQ(tail->size(), 1u);
    EXPECT_EQ((*tail)[0].seq, seqs[3]);
    // Header names and values are binary-safe.
    OutboxRecord odd{
        0, "t", "k", "v", {{"a:b", "12:x"}, {"empty", ""}, {"nul", std::string("\0z", 2)}}, 1, 0};
    ASSERT_TRUE(s->outbox_append(odd));
    auto back = s->outbox_load(odd.seq - 1, 1);
    ASSERT_TRUE(back);
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].headers, odd.headers);
    ASSERT_TRUE(s->outbox_remove({odd.seq}));
    // A new record after removals still sorts last.
    OutboxRecord r{0, "events", "k", "v", {}, 2000, 0};
    ASSERT_TRUE(s->outbox_append(r));
    EXPECT_GT(r.seq, seqs[4]);
}

TEST(StateStore, ParkedRecordsLeaveTheOutboxAndStay) {
    TempDir t;
    {
        auto s = open_or_die(t.path());
        ASSERT_TRUE(s);
        OutboxRecord a{0, "events", "ka", "va", {{"ce_id", "a:1"}}, 10, 0};
        OutboxRecord b{0, "events", "kb", "vb", {}, 11, 0};
        ASSERT_TRUE(s->outbox_append(a));
        ASSERT_TRUE(s->outbox_append(b));
        a.attempts = 2;
        ASSERT_TRUE(s->outbox_park(a, "MSG_SIZE_TOO_LARGE: too large", 99));
        EXPECT_EQ(*s->outbox_count(), 1u);
        EXPECT_EQ((*s->outbox_load())[0].key, "kb");
        // The outbox empties and seqs start over: a second parked record with
        // the same seq must not replace the first.
        ASSERT_TRUE(s->outbox_remove({b.seq}));
        OutboxRecord c{0, "events", "kc", "vc", {}, 12, 0};
        ASSERT_TRUE(s->outbox_append(c));
        ASSERT_EQ(c.seq, a.seq);
        ASSERT_TRUE(s->outbox_park(c, "INVALID_RECORD: bad", 100));
    }
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    EXPECT_EQ(*s->outbox_count(), 0u);
    EXPECT_EQ(*s->parked_count(), 2u);
    auto p = s->parked_load();
    ASSERT_TRUE(p);
    ASSERT_EQ(p->size(), 2u);
    EXPECT_EQ((*p)[0].record.key, "ka");
    EXPECT_EQ((*p)[0].record.value, "va");
    EXPECT_EQ((*p)[0].record.headers, (std::vector<Header>{{"ce_id", "a:1"}}));
    EXPECT_EQ((*p)[0].record.attempts, 2);
    EXPECT_EQ((*p)[0].error, "MSG_SIZE_TOO_LARGE: too large");
    EXPECT_EQ((*p)[0].parked_at, 99);
    EXPECT_EQ((*p)[1].record.key, "kc");
    EXPECT_EQ((*p)[1].error, "INVALID_RECORD: bad");
}

TEST(StateStore, PruneForgetsOldItemsAndEvents) {
    TempDir t;
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->observe_item("f", "old", 1, {1}, 1000));
    ASSERT_TRUE(s->observe_item("f", "new", 2, {2}, 5000));
    auto old_ev = make_event(1);
    old_ev.updated = "1970-01-01T00:16:40Z";  // 1000
    auto new_ev = make_event(2);
    new_ev.updated = "1970-01-01T01:23:20Z";  // 5000
    ASSERT_TRUE(s->save_event(old_ev));
    ASSERT_TRUE(s->save_event(new_ev));
    ASSERT_TRUE(s->note_article("art_old", 7, 1000));
    auto n = s->prune(3000);
    ASSERT_TRUE(n) << n.error().str();
    EXPECT_EQ(*n, 3u);
    EXPECT_EQ(*s->event_count(), 1u);
    EXPECT_FALSE(s->load_event(old_ev.fingerprint)->has_value());
    EXPECT_TRUE(s->load_event(new_ev.fingerprint)->has_value());
    EXPECT_EQ(s->observe_item("f", "old", 1, {1}, 6000)->kind, ItemChange::Kind::added);
    EXPECT_EQ(*s->note_article("art_old", 7, 6000), true);
}

TEST(StateStore, RollbackDiscardsTheWholeTransaction) {
    TempDir t;
    auto s = open_or_die(t.path());
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->begin());
    ASSERT_TRUE(s->save_event(make_event(1)));
    OutboxRecord r{0, "events", "k", "v", {}, 1, 0};
    ASSERT_TRUE(s->outbox_append(r));
    s->rollback();
    EXPECT_EQ(*s->event_count(), 0u);
    EXPECT_EQ(*s->outbox_count(), 0u);
    // Nested begin/commit: only the outer commit writes.
    ASSERT_TRUE(s->begin());
    ASSERT_TRUE(s->begin());
    ASSERT_TRUE(s->save_event(make_event(2)));
    ASSERT_TRUE(s->commit());
    ASSERT_TRUE(s->commit());
    EXPECT_EQ(*s->event_count(), 1u);
}

// Writes transactions of (event + outbox record) until one fails; returns
// the number that succeeded and the first error.
std::pair<int, Error> fill_until_error(Store& s, int max, std::size_t size, int base = 10000) {
    for (int i = 0; i < max; ++i) {
        auto st = [&]() -> Status {
            if (auto b = s.begin(); !b) return b;
            auto e = make_event(base + i, size);
            if (auto r = s.save_event(e); !r) {
                s.rollback();
                return r;
            }
            OutboxRecord o{0, "events", e.id, e.json, {}, 1, 0};
            if (auto r = s.outbox_append(o); !r) {
                s.rollback();
                return tl::unexpected(r.error());
            }
            return s.commit();
        }();
        if (!st) return {i, st.error()};
    }
    return {max, Error{}};
}

void expect_consistent(Store& s, int written, int extra_events = 0) {
    EXPECT_TRUE(s.check_integrity());
    // Every committed transaction is complete, the failed one left nothing.
    EXPECT_EQ(*s.event_count(), static_cast<std::size_t>(written + extra_events));
    EXPECT_EQ(*s.outbox_count(), static_cast<std::size_t>(written));
}

TEST(StateStoreRobustness, SizeLimitIsAFullDiskAndRecovers) {
    TempDir t;
    auto s = open_or_die(t.path(), [] {
        StoreOptions o;
        o.max_page_count = 64;
        return o;
    }());
    ASSERT_TRUE(s);
    auto [written, err] = fill_until_error(*s, 10000, 2000);
    ASSERT_LT(written, 10000) << "the limit was never hit";
    EXPECT_GT(written, 0);
    EXPECT_EQ(err.kind, "state");
    EXPECT_NE(err.message.find("full"), std::string::npos) << err.message;
    EXPECT_NE(err.message.find("herald.db"), std::string::npos) << err.message;
    expect_consistent(*s, written);
    // Space comes back: the same connection works again.
    ASSERT_TRUE(s->set_max_page_count(0));
    auto [more, err2] = fill_until_error(*s, 5, 2000, 50000);
    EXPECT_EQ(more, 5) << err2.str();
    expect_consistent(*s, written + 5);
}

// A real full file system: a small tmpfs (needs CAP_SYS_ADMIN).
class StateTmpfs : public ::testing::Test {
  protected:
    void SetUp() override {
        mnt_ = tmp_.path() + "/mnt";
        std::filesystem::create_directories(mnt_);
        if (::mount("tmpfs", mnt_.c_str(), "tmpfs", 0, "size=1m") != 0)
            GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno)
                         << "); StateStoreRobustness.SizeLimitIsAFullDiskAndRecovers covers it";
        mounted_ = true;
    }
    void TearDown() override {
        if (mounted_) ::umount2(mnt_.c_str(), MNT_DETACH);
    }
    TempDir tmp_;
    std::string mnt_;
    bool mounted_ = false;
};

TEST_F(StateTmpfs, DiskFullGivesClearErrorAndRecovers) {
    auto s = open_or_die(mnt_ + "/state");
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->save_event(make_event(1)));
    // Take (almost) all remaining space with a filler file.
    std::string filler = mnt_ + "/filler";
    {
        std::FILE* f = std::fopen(filler.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::string block(4096, 'z');
        while (std::fwrite(block.data(), 1, block.size(), f) == block.size() &&
               std::fflush(f) == 0) {
        }
        std::fclose(f);
    }
    auto [written, err] = fill_until_error(*s, 10000, 3000);
    ASSERT_LT(written, 10000);
    EXPECT_EQ(err.kind, "state");
    EXPECT_NE(err.message.find("full"), std::string::npos) << err.message;
    expect_consistent(*s, written, 1);
    // Space comes back: the same connection works again.
    std::filesystem::remove(filler);
    auto [more, err2] = fill_until_error(*s, 5, 3000, 50000);
    EXPECT_EQ(more, 5) << err2.str();
    expect_consistent(*s, written + 5, 1);
    s.reset();
    s = open_or_die(mnt_ + "/state");
    ASSERT_TRUE(s);
    expect_consistent(*s, written + 5, 1);
}

TEST_F(StateTmpfs, ReadOnlyStateDirectory) {
    {
        auto s = open_or_die(mnt_ + "/state");
        ASSERT_TRUE(s);
        ASSERT_TRUE(s->save_event(make_event(1)));
    }
    ASSERT_EQ(::mount("tmpfs", mnt_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=1m"), 0)
        << std::strerror(errno);
    auto ro = Store::open(mnt_ + "/state");
    ASSERT_FALSE(ro) << "opened a store on a read-only file system";
    EXPECT_EQ(ro.error().kind, "state");
    EXPECT_NE(ro.error().message.find("writable"), std::string::npos) << ro.error().message;
    auto fresh = Store::open(mnt_ + "/other");
    ASSERT_FALSE(fresh);
    EXPECT_EQ(fresh.error().kind, "state");
    EXPECT_NE(fresh.error().message.find("other"), std::string::npos) << fresh.error().message;
    ASSERT_EQ(::mount("tmpfs", mnt_.c_str(), "tmpfs", MS_REMOUNT, "size=1m"), 0);
    auto s = open_or_die(mnt_ + "/state");
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->check_integrity());
    EXPECT_EQ(*s->event_count(), 1u);
    EXPECT_TRUE(s->save_event(make_event(2)));
}

TEST(StateStoreRobustness, ReadOnlyDirectoryWithoutPrivileges) {
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores file modes; StateTmpfs.ReadOnlyStateDirectory covers it";
    TempDir t;
    auto dir = t.path() + "/state";
    { ASSERT_TRUE(open_or_die(dir)); }
    ::chmod(dir.c_str(), 0555);
    ::chmod((dir + "/herald.db").c_str(), 0444);
    auto ro = Store::open(dir);
    ::chmod(dir.c_str(), 0755);
    ::chmod((dir + "/herald.db").c_str(), 0644);
    ASSERT_FALSE(ro);
    EXPECT_EQ(ro.error().kind, "state");
    EXPECT_NE(ro.error().message.find("writable"), std::string::npos) << ro.error().message;
    EXPECT_TRUE(open_or_die(dir));
}

}  // namespace
}  // namespace herald::state

// A deterministic publishing script shared by the crash test and its child
// publisher: new articles, corroborations across feeds and edited articles,
// each with a fixed `now` so any two runs produce identical records.
#pragma once

#include <string>
#include <vector>

#include "common/hash.hpp"
#include "kafka/sink.hpp"
#include "state/store.hpp"
#include "tests/integration/kafka/harness.hpp"

namespace herald::kafka::testing {

struct ScriptStep {
    processors::Article article;
    std::vector<processors::Event> events;
    ItemRef item;
    std::uint64_t hash = 0;
    UnixTime now = 0;
};

inline std::vector<ScriptStep> make_script(int n) {
    std::vector<ScriptStep> out;
    for (int i = 0; i < n; ++i) {
        ScriptStep s;
        s.now = 1726653600 + i * 60;
        int item = i % 10 == 9 ? i - 5 : i;  // every 10th step edits an earlier article
        s.item = {"feed-" + std::to_string(item % 3), "item-" + std::to_string(item)};
        s.article = article("art_" + std::to_string(item), s.item.feed_id);
        s.article.text = "version " + std::to_string(i);
        s.hash = stable_hash64(s.article.text);
        // Own event + a shared one corroborated by 4 consecutive articles.
        s.events = {visit("Person " + std::to_string(item), "EGY", s.article.id),
                    visit("Envoy " + std::to_string(item / 4), "QAT", s.article.id)};
        if (item != i)
            s.events.push_back(visit("Editor " + std::to_string(i), "JOR", s.article.id));
        out.push_back(std::move(s));
    }
    return out;
}

// The daemon's per-article flow: skip unchanged items, publish the rest.
inline Status run_step(state::Store& store, EventSink& sink, const ScriptStep& s) {
    auto change = store.observe_item(s.item.feed_id, s.item.item_id, s.hash, {s.hash}, s.now);
    if (!change) return tl::unexpected(change.error());
    if (change->kind == state::ItemChange::Kind::unchanged) return sink.poll();
    auto st = sink.publish_article(s.article, s.events, s.now, &s.item);
    if (!st) return tl::unexpected(st.error());
    return sink.poll();
}

}  // namespace herald::kafka::testing

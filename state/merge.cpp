#include "state/merge.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/hash.hpp"
#include "state/json_writer.hpp"

namespace herald::state {

namespace {

using nlohmann::json;

// A per-thread serialisation buffer that keeps its capacity.
std::string& scratch() {
    thread_local std::string buf;
    buf.clear();
    if (buf.capacity() > (std::size_t{1} << 16)) buf.shrink_to_fit();  // after a huge event
    return buf;
}

bool same_evidence(const json& a, const json& b) {
    return a.value("article_id", "") == b.value("article_id", "") &&
           a.value("start", 0) == b.value("start", 0) && a.value("end", 0) == b.value("end", 0) &&
           a.value("sentence", "") == b.value("sentence", "");
}

bool empty_value(const json& v) {
    return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty());
}

// Fills empty fields of `dst` participants from the same participant in `src`
// (same name, case-insensitive enough for canonical names).
bool fill_participants(json& dst, const json& src) {
    bool changed = false;
    if (!dst.is_array() || !src.is_array()) return false;
    for (auto& d : dst) {
        for (const auto& s : src) {
            if (d.value("name", "") != s.value("name", "")) continue;
            for (const char* f : {"role", "country"}) {
                if ((!d.contains(f) || empty_value(d[f])) && s.contains(f) && !empty_value(s[f])) {
                    d[f] = s[f];
                    changed = true;
                }
            }
        }
    }
    return changed;
}

// Adds attribute keys the stored event lacks; list attributes (topics,
// mediators) get the new items appended.
bool fill_attributes(json& dst, const json& src) {
    if (!src.is_object()) return false;
    if (!dst.is_object()) dst = json::object();
    bool changed = false;
    for (const auto& [k, v] : src.items()) {
        if (!dst.contains(k) || empty_value(dst[k])) {
            if (empty_value(v)) continue;
            dst[k] = v;
            changed = true;
        } else if (dst[k].is_array() && v.is_array()) {
            for (const auto& item : v) {
                if (std::find(dst[k].begin(), dst[k].end(), item) == dst[k].end()) {
                    dst[k].push_back(item);
                    changed = true;
                }
            }
        }
    }
    return changed;
}

}  // namespace

MergeOutcome merge_event(const std::optional<EventRecord>& stored, const processors::Event& ev,
                         const processors::Article& article, UnixTime now,
                         const std::string* fingerprint, bool build_value) {
    MergeOutcome out;
    const std::string ts = format_utc(now);
    if (!stored) {
        processors::EventMeta meta;
        auto& r = out.record;
        r.fingerprint = fingerprint != nullptr ? *fingerprint : processors::fingerprint(ev);
        // processors::event_id(ev), documented as "evt_" + hex of the
        // fingerprint's stable hash (a unit test keeps the two equal).
        meta.id = "evt_" + hex64(stable_hash64(r.fingerprint));
        meta.revision = 1;
        meta.sources = 1;
        meta.first_seen = ts;
        meta.updated = ts;
        r.id = meta.id;
        r.first_seen = r.updated = ts;
        r.articles = {article.id};
        // Written into a reused buffer, then copied once at its exact size.
        std::string& buf = scratch();
        append_contract_json(buf, ev, meta);
        r.json.assign(buf);
        if (build_value) out.value = processors::to_contract_json(ev, meta);
        out.changed = true;
        return out;
    }

    out.record = *stored;
    auto& r = out.record;
    json cur = json::parse(r.json, nullptr, false);
    if (cur.is_discarded() || !cur.is_object()) cur = json::object();
    processors::EventMeta tmp{r.id, r.revision, r.sources, r.first_seen, r.updated};
    json inc = processors::to_contract_json(ev, tmp);

    bool changed = false;
    bool new_article =
        std::find(r.articles.begin(), r.articles.end(), article.id) == r.articles.end();
    if (new_article) {
        r.articles.push_back(article.id);
        changed = true;
    }
    if (!cur.contains("evidence") || !cur["evidence"].is_array()) cur["evidence"] = json::array();
    for (const auto& e : inc["evidence"]) {
        bool known = std::any_of(cur["evidence"].begin(), cur["evidence"].end(),
                                 [&](const json& c) { return same_evidence(c, e); });
        if (!known) {
            cur["evidence"].push_back(e);
            changed = true;
        }
    }
    for (const char* f : {"date", "location"}) {
        if ((!cur.contains(f) || empty_value(cur[f])) && !empty_value(inc[f])) {
            cur[f] = inc[f];
            changed = true;
        }
    }
    changed |= fill_participants(cur["actors"], inc["actors"]);
    changed |= fill_participants(cur["targets"], inc["targets"]);
    changed |= fill_attributes(cur["attributes"], inc["attributes"]);
    // A planned event that a later report says happened.
    if (cur.value("status", "") == "planned" && inc.value("status", "") == "occurred") {
        cur["status"] = "occurred";
        changed = true;
    }
    if (!changed) {
        out.value = std::move(cur);
        return out;
    }

    r.revision += 1;
    r.sources = static_cast<int>(r.articles.size());
    r.updated = ts;
    cur["id"] = r.id;
    cur["revision"] = r.revision;
    cur["sources"] = r.sources;
    cur["first_seen"] = r.first_seen;
    cur["updated"] = r.updated;
    std::string& buf = scratch();
    append_json(buf, cur);
    r.json.assign(buf);
    out.value = std::move(cur);
    out.changed = true;
    return out;
}

}  // namespace herald::state

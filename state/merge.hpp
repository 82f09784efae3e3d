// Merging one article's event into the stored state of the same real-world
// event (same processors::fingerprint). Pure function: no I/O.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "common/time.hpp"
#include "processors/event.hpp"
#include "state/store.hpp"

namespace herald::state {

struct MergeOutcome {
    EventRecord record;    // the new stored state (equal to the old one when !changed)
    bool changed = false;  // true: a new revision to store and publish
    // record.json parsed (the contract JSON). Null for a new event when
    // merge_event was called with build_value == false (the publish path
    // writes the JSON directly and does not need the tree).
    nlohmann::json value;
};

// `stored`: the current state or nullopt for a new event. A new article
// bumps `sources`; new evidence or newly known fields (date, location,
// participant roles/countries, attribute keys and list items) bump
// `revision`. The same article with nothing new changes nothing.
// `fingerprint`, when given, must be processors::fingerprint(ev) (saves
// recomputing it).
MergeOutcome merge_event(const std::optional<EventRecord>& stored, const processors::Event& ev,
                         const processors::Article& article, UnixTime now,
                         const std::string* fingerprint = nullptr, bool build_value = true);

}  // namespace herald::state

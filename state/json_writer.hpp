// Serialising JSON straight into a caller's string, byte-for-byte equal to
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) (compact,
// UTF-8 kept, keys in std::map order), without building a tree first. The
// publish path uses it for the contract JSON of new events; a unit test
// compares it with nlohmann on many events (escapes, control characters,
// non-ASCII, invalid UTF-8).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "processors/event.hpp"

namespace herald::state {

// A JSON string literal ("..." with escapes). Invalid UTF-8 is replaced by
// U+FFFD exactly as nlohmann's replace handler does.
void append_json_string(std::string& out, std::string_view s);

// Any JSON value (objects in key order, as nlohmann keeps them).
void append_json(std::string& out, const nlohmann::json& v);

// processors::to_contract_json(ev, meta) serialised, without the tree.
void append_contract_json(std::string& out, const processors::Event& ev,
                          const processors::EventMeta& meta);

}  // namespace herald::state

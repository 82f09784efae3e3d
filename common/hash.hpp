// Stable, non-cryptographic 64-bit hashing for ids and change detection.
// The values are persisted (item hashes, event ids), so the function must
// never change.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace herald {

std::uint64_t stable_hash64(std::string_view data, std::uint64_t seed = 0);
// 16 lowercase hex digits.
std::string hex64(std::uint64_t v);

}  // namespace herald

// Hash containers keyed by std::string that can be probed with a string_view
// without allocating (C++20 heterogeneous lookup).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "processors/lit.hpp"

namespace herald::processors {

// A fast inline hash for short words (8 bytes per step; no library call).
inline std::size_t word_hash(std::string_view s) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    if (n) {  // the last 1..7 bytes in at most two loads (overlapping for 4..7)
        std::uint64_t w = 0;
        if (n >= 4) {
            std::uint32_t a = 0, b = 0;
            std::memcpy(&a, p, 4);
            std::memcpy(&b, p + n - 4, 4);
            w = a | (static_cast<std::uint64_t>(b) << 32);
        } else {
            w = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
                static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
        }
        h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
    }
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h ^ (h >> 32));
}

struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return word_hash(s); }
};

using StrSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;
template <class T>
using StrMap = std::unordered_map<std::string, T, SvHash, std::equal_to<>>;

}  // namespace herald::processors

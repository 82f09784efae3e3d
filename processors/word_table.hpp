// A read-only hash table from words to values for the per-token lookup: open
// addressing, power-of-two size. Built once from a StrMap whose keys and values
// it views (the map must outlive the table and stay unchanged).
//
// Each slot keeps its key's first bytes as one 64-bit code (word_code) with the
// key's length: for a word of at most 8 bytes (most words) code and length are
// the whole word, so the hash is one multiplication of the code and the
// comparison two integer compares, with no byte loop and no second read of the
// key; longer words also compare their remaining bytes.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "processors/lit.hpp"
#include "processors/strmap.hpp"

namespace herald::processors {

// The first bytes of a word in one 64-bit value, in at most two loads: the
// first 8 bytes (8 or more), two overlapping 4-byte loads (4..7), or the first,
// middle and last bytes (1..3). Together with the length it determines a word
// of at most 8 bytes exactly.
[[gnu::always_inline]] inline std::uint64_t word_code(const char* p, std::size_t n) noexcept {
    if (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        return w;
    }
    if (n >= 4) {
        std::uint32_t a = 0, b = 0;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        return a | (static_cast<std::uint64_t>(b) << 32);
    }
    if (n == 0) return 0;
    return static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
}

template <class T>
class WordTable {
  public:
    void build(const StrMap<T>& from) {
        std::size_t size = 16;
        while (size < from.size() * 2) size *= 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        shift_ = 64 - std::countr_zero(size);
        for (const auto& [key, value] : from) {
            const std::uint64_t code = word_code(key.data(), key.size());
            std::size_t i = index(code, key);
            while (slots_[i].value) i = (i + 1) & mask_;
            slots_[i] = Slot{code, key.data(), &value, static_cast<std::uint32_t>(key.size())};
        }
    }

    // The value of `key`, or null.
    const T* find(std::string_view key) const {
        if (slots_.empty()) return nullptr;
        const std::uint64_t code = word_code(key.data(), key.size());
        for (std::size_t i = index(code, key);; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.value) return nullptr;
            if (s.code == code && s.len == key.size() &&
                (key.size() <= 8 || same_word(std::string_view(s.key, s.len), key)))
                return s.value;
        }
    }

  private:
    struct Slot {
        std::uint64_t code = 0;  // word_code of the key
        const char* key = nullptr;
        const T* value = nullptr;
        std::uint32_t len = 0;
    };

    // Multiplicative hashing of the code and length (the top bits of the product
    // depend on every bit of it); a longer word mixes its last 8 bytes in too.
    std::size_t index(std::uint64_t code, std::string_view key) const {
        std::uint64_t x = code ^ key.size();
        if (key.size() > 8) {
            std::uint64_t last = 0;
            std::memcpy(&last, key.data() + key.size() - 8, 8);
            x ^= std::rotl(last * 0xC4CEB9FE1A85EC53ULL, 29);
        }
        return static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ULL) >> shift_);
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    int shift_ = 64;
};

// The words of a StrSet as a WordTable, for sets asked per token (a StrSet lookup
// hashes, divides and compares through calls). Keeps its own copy of the keys the
// table views, so it is neither copied nor moved.
class WordSetTable {
  public:
    WordSetTable() = default;
    WordSetTable(const WordSetTable&) = delete;
    WordSetTable& operator=(const WordSetTable&) = delete;

    void build(const StrSet& from) {
        keys_.clear();
        for (const std::string& w : from) keys_.emplace(w, 1);
        table_.build(keys_);
    }
    bool contains(std::string_view w) const { return table_.find(w) != nullptr; }

  private:
    StrMap<char> keys_;
    WordTable<char> table_;
};

}  // namespace herald::processors

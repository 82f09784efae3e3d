// A read-only hash table from words to values for the per-token lookup: open
// addressing, an inline word hash, power-of-two size. Built once from a
// StrMap whose keys and values it views (the map must outlive the table and
// stay unchanged).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "processors/strmap.hpp"

namespace herald::processors {

template <class T>
class WordTable {
  public:
    void build(const StrMap<T>& from) {
        std::size_t size = 16;
        while (size < from.size() * 2) size *= 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        for (const auto& [key, value] : from) {
            std::size_t i = hash(key) & mask_;
            while (slots_[i].value) i = (i + 1) & mask_;
            slots_[i] = Slot{key, &value, hash(key)};
        }
    }

    // The value of `key`, or null.
    const T* find(std::string_view key) const {
        if (slots_.empty()) return nullptr;
        const std::size_t h = hash(key);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.value) return nullptr;
            if (s.hash == h && same_word(s.key, key)) return s.value;
        }
    }

    static std::size_t hash(std::string_view s) { return word_hash(s); }

  private:
    struct Slot {
        std::string_view key;
        const T* value = nullptr;
        std::size_t hash = 0;
    };
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

}  // namespace herald::processors

// Word literals for the hot comparisons: `tok.lower == "the"_w` compiles to a
// length check and one or two inline loads (a `"the"sv` comparison often ends
// up as an out-of-line operator== and a memcmp call). Converts to
// std::string_view wherever a view is wanted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace herald::processors {

struct Lit {
    const char* p;
    std::size_t n;
    constexpr Lit(const char* s, std::size_t len) noexcept : p(s), n(len) {}
    template <std::size_t N>
    constexpr Lit(const char (&s)[N]) noexcept : p(s), n(N - 1) {}  // NOLINT: a literal
    constexpr operator std::string_view() const noexcept { return {p, n}; }
};

constexpr Lit operator""_w(const char* s, std::size_t n) noexcept {
    return {s, n};
}

[[gnu::always_inline]] inline bool operator==(std::string_view a, Lit b) noexcept {
    // (n == 0 folds away for a literal; memcmp must not see an empty view's null pointer)
    return a.size() == b.n && (b.n == 0 || __builtin_memcmp(a.data(), b.p, b.n) == 0);
}
[[gnu::always_inline]] inline bool operator==(const std::string& a, Lit b) noexcept {
    return std::string_view(a) == b;
}
bool operator==(const char*, Lit) = delete;  // a C string: compare views, not pointers

// w.starts_with(p) / w.ends_with(p) for a literal: has_prefix(w, "meet"_w) (inline loads;
// string_view's own are out-of-line calls with a memcmp in these large functions).
[[gnu::always_inline]] inline bool has_prefix(std::string_view w, Lit p) noexcept {
    return w.size() >= p.n && (p.n == 0 || __builtin_memcmp(w.data(), p.p, p.n) == 0);
}
[[gnu::always_inline]] inline bool has_suffix(std::string_view w, Lit p) noexcept {
    return w.size() >= p.n &&
           (p.n == 0 || __builtin_memcmp(w.data() + w.size() - p.n, p.p, p.n) == 0);
}

// Equality of two short words (table keys, gazetteer and title tokens) without a
// memcmp call: at most two overlapping loads per 8 bytes.
[[gnu::always_inline]] inline bool same_word(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    if (n >= 8) {
        std::uint64_t x = 0, y = 0;
        for (std::size_t i = 0; i + 8 <= n; i += 8) {
            std::memcpy(&x, p + i, 8);
            std::memcpy(&y, q + i, 8);
            if (x != y) return false;
        }
        std::memcpy(&x, p + n - 8, 8);
        std::memcpy(&y, q + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        std::uint32_t x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        std::memcpy(&x1, p, 4);
        std::memcpy(&y1, q, 4);
        std::memcpy(&x2, p + n - 4, 4);
        std::memcpy(&y2, q + n - 4, 4);
        return x1 == y1 && x2 == y2;
    }
    return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

// `w` is one of the words in [b, e) (strings or views; same_word, no calls):
// find_word(alts.begin(), alts.end(), w), for std::find(...) != end.
template <class It>
[[gnu::always_inline]] inline bool find_word(It b, It e, std::string_view w) noexcept {
    for (; b != e; ++b)
        if (same_word(*b, w)) return true;
    return false;
}

// `w` is one of the literals: in(w, {"the", "a", "an"}) (lengths first, no calls: the
// bytes are compared by same_word, as the loop leaves memcmp a length known only at run time).
[[gnu::always_inline]] inline bool in(std::string_view w, std::initializer_list<Lit> l) noexcept {
    for (const Lit x : l)
        if (w.size() == x.n && same_word(w, x)) return true;
    return false;
}

}  // namespace herald::processors

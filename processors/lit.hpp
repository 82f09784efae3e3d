// Word literals for the hot comparisons: `tok.lower == "the"_w` compiles to a
// length check and one or two inline loads (a `"the"sv` comparison often ends
// up as an out-of-line operator== and a memcmp call). Converts to
// std::string_view wherever a view is wanted.
#pragma once

#include <cstddef>
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

// Equality of two short words (gazetteer and title tokens) without a memcmp call.
[[gnu::always_inline]] inline bool same_word(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// `w` is one of the literals: in(w, {"the", "a", "an"}) (lengths first, no calls).
[[gnu::always_inline]] inline bool in(std::string_view w, std::initializer_list<Lit> l) noexcept {
    for (const Lit x : l)
        if (w == x) return true;
    return false;
}

}  // namespace herald::processors

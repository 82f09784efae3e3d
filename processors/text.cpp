#include "processors/text.hpp"

#include <utf8proc.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/text.hpp"

namespace herald::processors {

namespace {

// Decodes one code point at s[i]; invalid sequences yield U+FFFD over one byte.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0) {
        len = 1;
        return 0xFFFD;
    }
    len = static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

enum class Map { keep, squote, dquote, dash, space, drop, ellipsis };

Map classify(char32_t c, const NormaliseOptions& o) {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x2032:
        case 0x02BC:
            return o.quotes ? Map::squote : Map::keep;
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x00AB:
        case 0x00BB:
        case 0x2033:
            return o.quotes ? Map::dquote : Map::keep;
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
            return o.dashes ? Map::dash : Map::keep;
        case 0x00A0:
        case 0x2000:
        case 0x2001:
        case 0x2002:
        case 0x2003:
        case 0x2004:
        case 0x2005:
        case 0x2006:
        case 0x2007:
        case 0x2008:
        case 0x2009:
        case 0x200A:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return o.whitespace ? Map::space : Map::keep;
        case 0x200B:
        case 0x200C:
        case 0x200D:
        case 0x2060:
        case 0xFEFF:
        case 0x00AD:
            return o.whitespace ? Map::drop : Map::keep;
        case 0x2026:
            return Map::ellipsis;
        default:
            return Map::keep;
    }
}

// The output being appended to: normalised text and its byte map.
template <class OffMap>
struct TextMap {
    std::string& text;
    OffMap& map;
};

// n map entries orig, orig + 1, ... (one run in an OffsetMap)
void append_run(std::vector<std::size_t>& map, std::size_t orig, std::size_t n) {
    for (std::size_t q = 0; q < n; ++q) map.push_back(orig + q);
}
void append_run(OffsetMap& map, std::size_t orig, std::size_t n) {
    map.append_run(orig, n);
}

template <class OffMap>
struct Builder {
    TextMap<OffMap> n;
    std::size_t base;
    bool collapse;
    void put(char c, std::size_t orig) {
        if (collapse && c == ' ' &&
            (n.text.empty() || n.text.back() == ' ' || n.text.back() == '\n'))
            return;
        n.text.push_back(c);
        n.map.push_back(base + orig);
    }
    void put(std::string_view s, std::size_t orig) {
        for (char c : s) {
            n.text.push_back(c);
            n.map.push_back(base + orig);
        }
    }
};

// NFC of a run of non-ASCII code points (with the ASCII base letter before it
// when the run starts with a combining mark).
template <class OffMap>
[[gnu::noinline]] void flush_pending_run(Builder<OffMap>& b, std::string& pending,
                                         std::size_t pending_at, bool nfc) {
    if (nfc) {
        utf8proc_uint8_t* out = nullptr;
        const auto n =
            utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pending.data()),
                         static_cast<utf8proc_ssize_t>(pending.size()), &out,
                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
        if (n >= 0 && out) {
            b.put(std::string_view(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n)),
                  pending_at);
            std::free(out);
            pending.clear();
            return;
        }
        std::free(out);
    }
    b.put(pending, pending_at);
    pending.clear();
}

// Emits the pending non-ASCII run, if any.
template <class OffMap>
inline void flush_pending(Builder<OffMap>& b, std::string& pending, std::size_t pending_at,
                          bool nfc) {
    if (!pending.empty()) flush_pending_run(b, pending, pending_at, nfc);
}

// The fast path's scan 16 (SSE2) or 8 bytes at a time: from `j` (> 0), skips whole
// blocks in which every byte is printable ASCII (0x21-0x7E) or a space not
// following a space (any space when `collapse` is off); the byte loop after it
// goes on from the returned offset, so the result is the byte loop's.
std::size_t skip_plain_ascii(std::string_view in, std::size_t j, bool collapse) {
#ifdef __SSE2__
    // 16 bytes at a time: returns the first byte the byte loop stops at, if any
    const __m128i c1f = _mm_set1_epi8(0x1F), c7f = _mm_set1_epi8(0x7F), sp = _mm_set1_epi8(' ');
    while (j + 16 <= in.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + j));
        // 0x20-0x7E (signed compares: bytes >= 0x80 are negative, so not > 0x1F)
        const __m128i plain = _mm_and_si128(_mm_cmpgt_epi8(v, c1f), _mm_cmplt_epi8(v, c7f));
        unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(plain)) & 0xFFFFu;
        if (collapse) {  // a space after a space
            const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp)));
            stop |= spaces & ((spaces << 1) | (in[j - 1] == ' ' ? 1u : 0u));
        }
        if (stop != 0) return j + static_cast<std::size_t>(__builtin_ctz(stop));
        j += 16;
    }
#endif
    if constexpr (std::endian::native != std::endian::little) return j;
    constexpr std::uint64_t k01 = 0x0101010101010101ULL, k7f = 0x7F7F7F7F7F7F7F7FULL,
                            k80 = 0x8080808080808080ULL, k20 = 0x2020202020202020ULL;
    while (j + 8 <= in.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, in.data() + j, 8);
        // some byte < 0x20, or some byte >= 0x7F: the byte loop decides
        if (((w - k20) & ~w & k80) != 0 || (((w + k01) | w) & k80) != 0) break;
        if (collapse) {
            const std::uint64_t x = w ^ k20;  // zero bytes where w has a space
            const std::uint64_t space = ~(((x & k7f) + k7f) | x | k7f);  // 0x80 per space
            if ((space & (space << 8)) != 0) break;                      // two spaces in the block
            if ((space & 0x80) != 0 && in[j - 1] == ' ') break;
        }
        j += 8;
    }
    return j;
}

}  // namespace

Normalised normalise(std::string_view in, std::size_t base, const NormaliseOptions& opts) {
    Normalised n;
    normalise_into(in, base, opts, n);
    return n;
}

void normalise_into(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                    Normalised& n) {
    n.text.clear();
    n.map.clear();
    n.text.reserve(in.size());
    n.map.reserve(in.size() + 1);
    normalise_append(in, base, opts, n.text, n.map);
    n.map.push_back(base + in.size());
}

namespace {

template <class OffMap>
void normalise_append_to(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                         std::string& text, OffMap& map) {
    const TextMap<OffMap> n{text, map};
    Builder<OffMap> b{n, base, opts.whitespace};
    std::string pending;
    std::size_t pending_at = 0;
    std::size_t i = 0;
    while (i < in.size()) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c > 0x20 && c < 0x7F) {
            // fast path: a run of printable ASCII is copied as is, with the single
            // spaces inside it (a space after a printable character is kept even when
            // whitespace is collapsed; a second one goes the slow way)
            flush_pending(b, pending, pending_at, opts.nfc);
            std::size_t j = i + 1;
            j = skip_plain_ascii(in, j, b.collapse);
            while (j < in.size()) {
                const auto x = static_cast<unsigned char>(in[j]);
                if ((x > 0x20 && x < 0x7F) || (x == ' ' && (!b.collapse || in[j - 1] != ' ')))
                    ++j;
                else
                    break;
            }
            n.text.append(in.data() + i, j - i);
            append_run(n.map, base + i, j - i);
            i = j;
            continue;
        }
        if (c < 0x80) {
            flush_pending(b, pending, pending_at, opts.nfc);
            if (c == '\r') {
                if (i + 1 < in.size() && in[i + 1] == '\n') {
                    ++i;
                    continue;
                }
                b.put('\n', i);
            } else if (c == '\t' || c == '\v' || c == '\f') {
                b.put(opts.whitespace ? ' ' : static_cast<char>(c), i);
            } else if (c < 0x20 && c != '\n') {
                b.put(' ', i);  // control characters
            } else if (c == '\n' && opts.whitespace && !n.text.empty() && n.text.back() == ' ') {
                n.text.back() = '\n';
            } else {
                b.put(static_cast<char>(c), i);
            }
            ++i;
            continue;
        }
        std::size_t len = 1;
        const char32_t cp = decode(in, i, len);
        const Map m = classify(cp, opts);
        if (m == Map::keep) {
            if (pending.empty()) {
                pending_at = i;
                // A combining mark composes with the ASCII letter before it.
                if (opts.nfc &&
                    utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_MN &&
                    !n.text.empty() && static_cast<unsigned char>(n.text.back()) < 0x80 &&
                    n.text.back() != ' ' && n.text.back() != '\n') {
                    pending.push_back(n.text.back());
                    pending_at = n.map.back() - base;
                    n.text.pop_back();
                    n.map.pop_back();
                }
            }
            append_utf8(pending, cp);
        } else {
            flush_pending(b, pending, pending_at, opts.nfc);
            switch (m) {
                case Map::squote:
                    b.put('\'', i);
                    break;
                case Map::dquote:
                    b.put('"', i);
                    break;
                case Map::dash:
                    b.put('-', i);
                    break;
                case Map::space:
                    b.put(' ', i);
                    break;
                case Map::ellipsis:
                    b.put("...", i);
                    break;
                case Map::drop:
                case Map::keep:
                    break;
            }
        }
        i += len;
    }
    flush_pending(b, pending, pending_at, opts.nfc);
}

}  // namespace

void normalise_append(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                      std::string& text, std::vector<std::size_t>& map) {
    normalise_append_to(in, base, opts, text, map);
}

void normalise_append(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                      std::string& text, OffsetMap& map) {
    normalise_append_to(in, base, opts, text, map);
}

std::vector<std::pair<std::size_t, std::size_t>> split_paragraphs(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    split_paragraphs_into(text, out);
    return out;
}

void split_paragraphs_into(std::string_view text,
                           std::vector<std::pair<std::size_t, std::size_t>>& out) {
    out.clear();
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t e = text.find('\n', i);
        if (e == std::string_view::npos) e = text.size();
        std::size_t b = i, f = e;
        auto blank = [](char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        };
        while (b < f && blank(text[b])) ++b;
        while (f > b && blank(text[f - 1])) --f;
        if (f > b) out.emplace_back(b, f);
        i = e + 1;
    }
}

namespace {

// ASCII character classes by table (the tokeniser's inner loops).
constexpr unsigned char kAlpha = 1, kDigit = 2;
constexpr auto kAsciiClass = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kAlpha;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kAlpha;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigit;
    return t;
}();

bool ascii_alpha(unsigned char c) {
    return kAsciiClass[c] == kAlpha;
}
bool ascii_digit(unsigned char c) {
    return kAsciiClass[c] == kDigit;
}

// The first offset in [j, to) whose byte is no ASCII letter or digit, 16 bytes at
// a time while 16 are left (the byte loop goes on from there; without SSE2 it
// does it all).
inline std::size_t skip_ascii_alnum(std::string_view s, std::size_t j, std::size_t to) {
#ifdef __SSE2__
    // (signed compares: bytes >= 0x80 are negative, no letter or digit; | 0x20 maps
    // exactly 'A'..'Z' onto 'a'..'z')
    const __m128i k20 = _mm_set1_epi8(0x20), before_a = _mm_set1_epi8('a' - 1),
                  after_z = _mm_set1_epi8('z' + 1), before_0 = _mm_set1_epi8('0' - 1),
                  after_9 = _mm_set1_epi8('9' + 1);
    while (j + 16 <= to) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + j));
        const __m128i low = _mm_or_si128(v, k20);
        const __m128i alpha =
            _mm_and_si128(_mm_cmpgt_epi8(low, before_a), _mm_cmplt_epi8(low, after_z));
        const __m128i digit =
            _mm_and_si128(_mm_cmpgt_epi8(v, before_0), _mm_cmplt_epi8(v, after_9));
        const unsigned stop =
            ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(alpha, digit))) & 0xFFFFu;
        if (stop != 0) return j + static_cast<std::size_t>(__builtin_ctz(stop));
        j += 16;
    }
#else
    (void)s;
    (void)to;
#endif
    return j;
}

// word_cp for a non-ASCII character (kept out of line).
[[gnu::noinline]] bool word_cp_utf8(std::string_view s, std::size_t i, std::size_t& len) {
    const char32_t cp = decode(s, i, len);
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND) || cp == 0xFFFD;
}

// Word characters: ASCII letters/digits and any non-ASCII letter or mark.
inline bool word_cp(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return kAsciiClass[c] != 0;
    }
    return word_cp_utf8(s, i, len);
}

bool currency_cp(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return c == '$';
    }
    const char32_t cp = decode(s, i, len);
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_SC;
}

}  // namespace

void tokenize(std::string_view text, std::string_view lower, std::size_t from, std::size_t to,
              std::vector<Token>& out) {
    std::size_t i = from;
    bool space = true;
    auto push = [&](std::size_t b, std::size_t e, TokKind k) {
        Token& t = out.emplace_back();  // filled in place (no 88-byte copy)
        t.b = static_cast<std::uint32_t>(b);
        t.e = static_cast<std::uint32_t>(e);
        t.text = std::string_view(text.data() + b, e - b);  // b <= e <= to <= size
        t.lower = std::string_view(lower.data() + b, e - b);
        t.kind = k;
        t.space_before = space;
        const auto c0 = static_cast<unsigned char>(text[b]);
        t.cap = (c0 >= 'A' && c0 <= 'Z') || (k == TokKind::word && c0 >= 0x80);
        space = false;
    };
    while (i < to) {
        const auto c = static_cast<unsigned char>(text[i]);
        // (an ASCII letter, most tokens' start, goes to the word path with one test)
        const bool letter = ascii_alpha(c);
        if (!letter && (c == ' ' || c == '\n')) {
            space = true;
            ++i;
            continue;
        }
        std::size_t len = 1;
        if (!letter && ascii_digit(c)) {
            // 1,200  1.3  2024-09-18 stays split at '-'; "8th" is a word.
            std::size_t j = i;
            while (j < to) {
                const auto d = static_cast<unsigned char>(text[j]);
                if (ascii_digit(d)) {
                    ++j;
                } else if ((d == ',' || d == '.') && j + 1 < to &&
                           ascii_digit(static_cast<unsigned char>(text[j + 1])) && j > i) {
                    j += 2;
                } else {
                    break;
                }
            }
            if (j < to && ascii_alpha(static_cast<unsigned char>(text[j]))) {
                while (j < to && ascii_alpha(static_cast<unsigned char>(text[j]))) ++j;
                push(i, j, TokKind::word);
            } else {
                push(i, j, TokKind::number);
            }
            i = j;
            continue;
        }
        if (letter || word_cp(text, i, len)) {
            std::size_t j = i + len;
            // Initialisms: U.S.  U.N.  U.S.A.
            if (letter && j + 1 < to && text[j] == '.' &&
                ascii_alpha(static_cast<unsigned char>(text[j + 1])) &&
                (j + 2 >= to || text[j + 2] == '.')) {
                while (j + 1 < to && text[j] == '.' &&
                       ascii_alpha(static_cast<unsigned char>(text[j + 1])) &&
                       (j + 2 >= to || !ascii_alpha(static_cast<unsigned char>(text[j + 2]))))
                    j += 2;
                if (j < to && text[j] == '.') ++j;
                push(i, j, TokKind::word);
                i = j;
                continue;
            }
            j = skip_ascii_alnum(text, j, to);
            while (j < to) {
                const auto cj = static_cast<unsigned char>(text[j]);
                if (kAsciiClass[cj] != 0) {  // ASCII letter or digit (none >= 0x80)
                    ++j;
                    continue;
                }
                std::size_t l2 = 1;
                if (cj >= 0x80 && word_cp_utf8(text, j, l2)) {
                    j += l2;
                    continue;
                }
                // O'Brien: an apostrophe between letters, not 's / n't.
                if (text[j] == '\'' && j + 1 < to &&
                    ascii_alpha(static_cast<unsigned char>(text[j + 1])) &&
                    !(text[j + 1] == 's' || text[j + 1] == 't') &&
                    static_cast<unsigned char>(text[j + 1]) >= 'A' &&
                    static_cast<unsigned char>(text[j + 1]) <= 'Z') {
                    j += 2;
                    continue;
                }
                break;
            }
            // didn't -> did + n't
            if (j + 1 < to && text[j] == '\'' && (text[j + 1] == 't' || text[j + 1] == 'T') &&
                j - i >= 2 && (text[j - 1] == 'n' || text[j - 1] == 'N') &&
                (j + 2 >= to || !ascii_alpha(static_cast<unsigned char>(text[j + 2])))) {
                if (j - 1 > i) push(i, j - 1, TokKind::word);
                push(j - 1, j + 2, TokKind::word);
                i = j + 2;
                continue;
            }
            push(i, j, TokKind::word);
            i = j;
            continue;
        }
        if (c == '\'') {
            // 's possessive
            if (i + 1 < to && (text[i + 1] == 's' || text[i + 1] == 'S') &&
                (i + 2 >= to || !ascii_alpha(static_cast<unsigned char>(text[i + 2]))) &&
                !out.empty() && !space) {
                push(i, i + 2, TokKind::word);
                i += 2;
                continue;
            }
            push(i, i + 1, TokKind::punct);
            ++i;
            continue;
        }
        if (c == '"') {
            push(i, i + 1, TokKind::quote);
            ++i;
            continue;
        }
        if (currency_cp(text, i, len)) {
            push(i, i + len, TokKind::symbol);
            i += len;
            continue;
        }
        if (c >= 0x80) {
            decode(text, i, len);
            push(i, i + len, TokKind::punct);
            i += len;
            continue;
        }
        push(i, i + 1, TokKind::punct);
        ++i;
    }
}

namespace {

bool is_terminal(const Token& t) {
    return t.kind == TokKind::punct && (t.text == "."_w || t.text == "!"_w || t.text == "?"_w);
}

bool starts_sentence(const Token& t) {
    if (t.kind == TokKind::quote || t.kind == TokKind::number || t.kind == TokKind::symbol)
        return true;
    return t.kind == TokKind::word && t.cap;
}

// split_sentences with `is_abbreviation(lower)` telling the abbreviations.
template <class IsAbbreviation>
void split_sentences_by(const std::vector<Token>& toks, std::size_t tb, std::size_t te,
                        std::size_t paragraph, const IsAbbreviation& is_abbreviation,
                        std::vector<Sentence>& out) {
    std::size_t start = tb;
    auto emit = [&](std::size_t end) {
        if (end <= start) return;
        Sentence s;
        s.tb = start;
        s.te = end;
        s.b = toks[start].b;
        s.e = toks[end - 1].e;
        s.paragraph = paragraph;
        out.push_back(s);
        start = end;
    };
    for (std::size_t i = tb; i < te; ++i) {
        const Token& t = toks[i];
        if (!is_terminal(t)) continue;
        // Collapse "?!" / "..." runs and a closing quote or bracket.
        std::size_t end = i + 1;
        while (end < te && (is_terminal(toks[end]) ||
                            (toks[end].kind == TokKind::punct && toks[end].text == ")"_w) ||
                            (toks[end].kind == TokKind::quote && !toks[end].space_before)))
            ++end;
        if (end >= te) break;
        const Token& next = toks[end];
        if (!starts_sentence(next)) continue;
        if (t.text == "."_w && i > start) {
            const Token& prev = toks[i - 1];
            if (!t.space_before || true) {
                if (prev.kind == TokKind::word) {
                    // Abbreviation or a single-letter initial ("J. Smith").
                    if (is_abbreviation(prev.lower)) continue;
                    if (prev.text.size() == 1 && prev.cap) continue;
                }
            }
            // "Gallant.During": glued only when the next word is a capitalised word
            // following a lower-case word of 2+ letters.
            if (!next.space_before && next.kind == TokKind::word) {
                if (prev.kind != TokKind::word || prev.text.size() < 2) continue;
            }
        }
        emit(end);
        i = end - 1;
    }
    if (start < te) emit(te);
}

}  // namespace

void split_sentences(const std::vector<Token>& toks, std::size_t tb, std::size_t te,
                     std::size_t paragraph, const StrSet& abbreviations,
                     std::vector<Sentence>& out) {
    split_sentences_by(
        toks, tb, te, paragraph, [&](std::string_view w) { return abbreviations.count(w) != 0; },
        out);
}

void split_sentences(const std::vector<Token>& toks, std::size_t tb, std::size_t te,
                     std::size_t paragraph, const WordSetTable& abbreviations,
                     std::vector<Sentence>& out) {
    split_sentences_by(
        toks, tb, te, paragraph, [&](std::string_view w) { return abbreviations.contains(w); },
        out);
}

}  // namespace herald::processors

// Character-level helpers: XML entity decoding, markup stripping, XML repair.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/text.hpp"
#include "feeds/parse/entities.hpp"
#include "feeds/parse/internal.hpp"

namespace herald::feeds::detail {

namespace {

// True for bytes the decoder must look at: '&', CR and C0 controls other than TAB/LF.
constexpr bool special(unsigned char c) {
    return c == '&' || (c < 0x20 && c != '\t' && c != '\n');
}

// Index of the first special byte at or after `i`, or s.size().
std::size_t next_special(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
#ifdef __SSE2__
    const __m128i amp = _mm_set1_epi8('&');
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i c1f = _mm_set1_epi8(0x1F);
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v);  // v <= 0x1F
        const __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf));
        const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_andnot_si128(ok, ctl));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        i += 16;
    }
#endif
    while (i < n && !special(p[i])) ++i;
    return i;
}

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Decodes one reference starting after '&' at s[i]. Returns the length consumed
// (including ';') or 0 when it is not a reference XML or HTML knows.
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out, bool& clean) {
    std::size_t j = i;
    if (j < s.size() && s[j] == '#') {
        ++j;
        const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
        if (hex) ++j;
        const std::size_t start = j;
        const auto ref = numeric_reference_digits(s, j, hex);
        std::uint32_t v = ref.value;
        j = ref.end;
        if (j == start) return 0;
        if (j < s.size() && s[j] == ';')
            ++j;
        else
            clean = false;
        if (v < 0x20 && v != '\t' && v != '\n' && v != '\r') {
            clean = false;  // not an XML character: dropped
            return j - i;
        }
        if (v >= 0x80 && v <= 0x9F) {
            // Windows-1252 code points written as numeric references.
            static constexpr char32_t kC1[32] = {
                0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};
            v = kC1[v - 0x80];
        }
        append_utf8(out, v > 0x10FFFF ? 0xFFFD : v);
        return j - i;
    }
    while (j < s.size() && j - i < 32 && name_char(s[j])) ++j;
    if (j == i || j >= s.size() || s[j] != ';') return 0;
    const std::string_view name = s.substr(i, j - i);
    char c = 0;
    if (name == "amp")
        c = '&';
    else if (name == "lt")
        c = '<';
    else if (name == "gt")
        c = '>';
    else if (name == "quot")
        c = '"';
    else if (name == "apos")
        c = '\'';
    if (c != 0) {
        out += c;
        return j + 1 - i;
    }
    const char32_t cp = lookup_entity(name);
    if (cp == 0) return 0;
    clean = false;  // an HTML entity XML does not define
    append_utf8(out, cp);
    return j + 1 - i;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

void append_xml_text(std::string& out, std::string_view raw, bool& clean) {
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t k = next_special(raw, i);
        out.append(raw.data() + i, k - i);
        if (k >= raw.size()) return;
        const char c = raw[k];
        i = k + 1;
        if (c == '&') {
            // Fast path for the references escaped HTML is made of.
            if (i + 3 <= raw.size() && raw[i + 2] == ';' && raw[i + 1] == 't' &&
                (raw[i] == 'l' || raw[i] == 'g')) {
                out += raw[i] == 'l' ? '<' : '>';
                i += 3;
                continue;
            }
            if (i + 4 <= raw.size() && raw[i] == 'a' && raw[i + 1] == 'm' && raw[i + 2] == 'p' &&
                raw[i + 3] == ';') {
                out += '&';
                i += 4;
                continue;
            }
            const std::size_t n = decode_reference(raw, i, out, clean);
            if (n == 0) {
                clean = false;  // stray '&'
                out += '&';
            }
            i += n;
        } else if (c == '\r') {
            out += '\n';
            if (i < raw.size() && raw[i] == '\n') ++i;
        } else {
            clean = false;  // C0 control: dropped
        }
    }
}

void append_raw_text(std::string& out, std::string_view raw, bool& clean) {
    std::size_t i = 0;
    while (i < raw.size()) {
        std::size_t k = next_special(raw, i);
        while (k < raw.size() && raw[k] == '&') k = next_special(raw, k + 1);
        out.append(raw.data() + i, k - i);
        if (k >= raw.size()) return;
        i = k + 1;
        if (raw[k] == '\r') {
            out += '\n';
            if (i < raw.size() && raw[i] == '\n') ++i;
        } else {
            clean = false;
        }
    }
}

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (const char c : s) {
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

namespace {

bool is_block_tag(std::string_view t) {
    static constexpr std::string_view kBlock[] = {
        "br",         "p",   "div", "li", "ul", "ol",      "h1",      "h2",
        "h3",         "h4",  "h5",  "h6", "tr", "td",      "th",      "table",
        "blockquote", "pre", "hr",  "dd", "dt", "section", "article", "img"};
    for (const auto b : kBlock)
        if (t == b) return true;
    return false;
}

// Collapses whitespace runs (including U+00A0) to one space and trims.
std::string collapse_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending = false;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (c == '\xC2' && k + 1 < text.size() && text[k + 1] == '\xA0') {
            ++k;
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

}  // namespace

std::string strip_markup(std::string_view html) {
    if (html.find_first_of("<&") == std::string_view::npos) return collapse_text(html);
    std::string text;
    text.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) {
            append_decoded_entities(text, html.substr(i));
            break;
        }
        append_decoded_entities(text, html.substr(i, lt - i));
        const char n = lt + 1 < html.size() ? html[lt + 1] : '\0';
        const bool tag =
            (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' || n == '!' || n == '?';
        if (!tag) {
            text += '<';
            i = lt + 1;
            continue;
        }
        std::size_t end;
        if (html.substr(lt, 4) == "<!--") {
            end = html.find("-->", lt + 4);
            end = end == std::string_view::npos ? html.size() : end + 3;
        } else {
            end = html.find('>', lt);
            end = end == std::string_view::npos ? html.size() : end + 1;
        }
        // Block-level tags and <br> separate words; inline tags do not ("<i>x</i>?").
        std::size_t k = lt + 1;
        if (k < html.size() && html[k] == '/') ++k;
        std::size_t e = k;
        while (e < html.size() &&
               ((html[e] >= 'a' && html[e] <= 'z') || (html[e] >= 'A' && html[e] <= 'Z') ||
                (html[e] >= '0' && html[e] <= '9')))
            ++e;
        if (is_block_tag(ascii_lower(html.substr(k, e - k)))) text += ' ';
        i = end;
    }
    return collapse_text(text);
}

namespace {

bool tag_start_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::string_view local_part(std::string_view qname) {
    const std::size_t colon = qname.rfind(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

bool is_void_tag(std::string_view t) {
    static constexpr std::string_view kVoid[] = {"br",    "hr",    "img",     "input", "meta",
                                                 "col",   "area",  "wbr",     "param", "source",
                                                 "embed", "track", "basefont"};
    for (const auto v : kVoid)
        if (t == v) return true;
    return false;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
};

struct Open {
    std::string name;
    std::size_t out_pos;  // where its start tag begins in the output
};

void append_clean(std::string& out, std::string_view s) {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += c;
    }
}

}  // namespace

std::string repair_xml(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 64);
    std::vector<Open> stack;
    // Open elements per name, so unmatched end tags are dropped in O(1).
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> open_count;
    bool seen_root = false;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const std::size_t lt = s.find('<', i);
        const std::size_t text_end = lt == std::string_view::npos ? n : lt;
        if (seen_root && !stack.empty()) append_clean(out, s.substr(i, text_end - i));
        if (lt == std::string_view::npos) break;
        i = lt;
        const std::string_view rest = s.substr(i);
        const auto copy_until = [&](std::string_view terminator) {
            const std::size_t e = s.find(terminator, i);
            if (e == std::string_view::npos) {
                i = n;  // truncated construct: dropped
                return;
            }
            append_clean(out, s.substr(i, e + terminator.size() - i));
            i = e + terminator.size();
        };
        if (rest.starts_with("<!--")) {
            copy_until("-->");
        } else if (rest.starts_with("<![CDATA[")) {
            if (stack.empty()) {
                const std::size_t e = s.find("]]>", i);
                i = e == std::string_view::npos ? n : e + 3;
            } else {
                copy_until("]]>");
            }
        } else if (rest.starts_with("<?")) {
            if (seen_root) {
                const std::size_t e = s.find("?>", i);
                i = e == std::string_view::npos ? n : e + 2;
            } else {
                copy_until("?>");
            }
        } else if (rest.starts_with("<!")) {
            // DOCTYPE (possibly with an internal subset) or junk: dropped.
            std::size_t j = i + 2;
            int depth = 0;
            while (j < n && !(s[j] == '>' && depth == 0)) {
                if (s[j] == '[') ++depth;
                if (s[j] == ']' && depth > 0) --depth;
                ++j;
            }
            i = j < n ? j + 1 : n;
        } else if (rest.size() >= 2 && rest[1] == '/') {
            std::size_t j = i + 2;
            while (j < n && s[j] != '>' && s[j] != '<' && !is_space(s[j])) ++j;
            const std::string_view name = s.substr(i + 2, j - i - 2);
            std::size_t e = j;
            while (e < n && s[e] != '>' && s[e] != '<') ++e;
            if (e >= n) {
                i = n;  // truncated end tag
                break;
            }
            i = s[e] == '>' ? e + 1 : e;
            // Close up to the matching open element; drop unmatched end tags.
            const auto open_it = open_count.find(name);
            if (open_it == open_count.end() || open_it->second == 0) continue;
            const std::string target(name);
            while (!stack.empty()) {
                const bool match = stack.back().name == target;
                out += "</";
                out += stack.back().name;
                out += '>';
                --open_count[stack.back().name];
                stack.pop_back();
                if (match) break;
            }
            if (stack.empty()) break;  // root closed: anything after it is junk
        } else if (rest.size() >= 2 && tag_start_char(rest[1])) {
            // Start tag: scan to '>' respecting quotes.
            std::size_t j = i + 1;
            while (j < n && !is_space(s[j]) && s[j] != '>' && s[j] != '/' && s[j] != '<') ++j;
            const std::string_view name = s.substr(i + 1, j - i - 1);
            char quote = 0;
            while (j < n) {
                const char c = s[j];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>' || c == '<') {
                    break;
                }
                ++j;
            }
            if (j >= n) {
                i = n;  // truncated start tag
                break;
            }
            const bool self_closing = s[j] == '>' && s[j - 1] == '/';
            const std::size_t tag_end = s[j] == '>' ? j + 1 : j;
            if (stack.empty()) {
                // Junk elements before the feed root (PHP warnings, HTML) are skipped.
                const std::string_view local = local_part(name);
                if (local != "rss" && local != "RDF" && local != "feed" && local != "channel") {
                    i = tag_end;
                    continue;
                }
                seen_root = true;
            }
            const std::size_t pos = out.size();
            append_clean(out, s.substr(i, j - i));
            // HTML void elements inside unescaped markup (<br>, <img ...>) close themselves.
            const bool void_html = !self_closing && is_void_tag(ascii_lower(name));
            if (void_html) out += '/';
            out += '>';
            if (!self_closing && !void_html) {
                stack.push_back(Open{std::string(name), pos});
                ++open_count[stack.back().name];
            }
            i = tag_end;
        } else {
            // Stray '<' in text.
            if (!stack.empty()) out += "&lt;";
            ++i;
        }
    }
    // Truncated document: drop an unfinished item/entry, then close what is open.
    for (std::size_t k = 0; k < stack.size(); ++k) {
        const std::string_view local = local_part(stack[k].name);
        if (local == "item" || local == "entry") {
            out.resize(stack[k].out_pos);
            stack.resize(k);
            break;
        }
    }
    while (!stack.empty()) {
        out += "</";
        out += stack.back().name;
        out += '>';
        stack.pop_back();
    }
    return out;
}

}  // namespace herald::feeds::detail

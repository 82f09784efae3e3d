#include "feeds/parse/encoding.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <iconv.h>

#include "common/text.hpp"

namespace herald::feeds::detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool starts_with(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}

// Converts with iconv; ill-formed input units become U+FFFD. `unit` is the
// code unit size used to skip bad input. Returns false when iconv cannot
// convert from `charset` at all.
bool iconv_to_utf8(std::string_view in, const std::string& charset, std::size_t unit,
                   std::string& out, bool& clean) {
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.clear();
    out.resize(in.size() * 2 + 64);
    char* inp = const_cast<char*>(in.data());
    std::size_t inleft = in.size();
    std::size_t used = 0;
    while (inleft > 0) {
        char* outp = out.data() + used;
        std::size_t outleft = out.size() - used;
        const std::size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
        used = out.size() - outleft;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        // EILSEQ or EINVAL (truncated sequence at the end): replace and skip one unit.
        clean = false;
        if (out.size() - used < 8) out.resize(out.size() * 2);
        std::memcpy(out.data() + used, kReplacement.data(), kReplacement.size());
        used += kReplacement.size();
        const std::size_t skip = std::min(unit, inleft);
        inp += skip;
        inleft -= skip;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    out.resize(used);
    iconv_close(cd);
    return true;
}

std::string windows1252_or_latin1(std::string_view bytes, std::string& out, bool& clean) {
    bool c1 = false;
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0x80 && b <= 0x9F) {
            c1 = true;
            break;
        }
    }
    if (c1) {
        if (iconv_to_utf8(bytes, "WINDOWS-1252", 1, out, clean)) return "windows-1252";
    }
    out.clear();
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) append_utf8(out, static_cast<unsigned char>(ch));
    return "iso-8859-1";
}

bool is_utf16_or_32(std::string_view cs) {
    return starts_with(cs, "utf-16") || starts_with(cs, "utf-32") || cs == "ucs-2" ||
           cs == "ucs-4" || cs == "utf16" || cs == "utf32";
}

bool is_latin(std::string_view cs) {
    return cs == "iso-8859-1" || cs == "windows-1252" || cs == "us-ascii";
}

}  // namespace

Utf8Check check_utf8(std::string_view s) {
    Utf8Check r;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path: 8 ASCII bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        r.non_ascii = true;
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            r.valid = false;
            ++i;
        } else {
            r.valid_multibyte = true;
            i += len;
        }
    }
    return r;
}

std::string normalize_charset(std::string_view name) {
    std::string cs = ascii_lower(trim(name));
    while (!cs.empty() && (cs.front() == '"' || cs.front() == '\'')) cs.erase(0, 1);
    while (!cs.empty() && (cs.back() == '"' || cs.back() == '\'')) cs.pop_back();
    if (cs == "utf8" || cs == "unicode-1-1-utf-8" || cs == "x-unicode20utf8") return "utf-8";
    if (cs == "latin1" || cs == "latin-1" || cs == "iso8859-1" || cs == "iso_8859-1" ||
        cs == "iso-latin-1" || cs == "l1" || cs == "iso-ir-100" || cs == "cp819")
        return "iso-8859-1";
    if (cs == "cp1252" || cs == "win-1252" || cs == "x-cp1252" || cs == "windows1252")
        return "windows-1252";
    if (cs == "ascii" || cs == "ansi_x3.4-1968" || cs == "us_ascii") return "us-ascii";
    if (cs == "utf16") return "utf-16";
    if (cs == "utf-16le" || cs == "utf-16be" || cs == "utf-32le" || cs == "utf-32be") return cs;
    return cs;
}

std::string_view xml_declared_encoding(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    if (s.substr(i, 5) != "<?xml") return {};
    const std::size_t end = s.find("?>", i);
    if (end == std::string_view::npos || end - i > 512) return {};
    const std::string_view decl = s.substr(i, end - i);
    const std::size_t e = decl.find("encoding");
    if (e == std::string_view::npos) return {};
    std::size_t j = e + 8;
    while (j < decl.size() && (decl[j] == ' ' || decl[j] == '=' || decl[j] == '\t')) ++j;
    if (j >= decl.size() || (decl[j] != '"' && decl[j] != '\'')) return {};
    const char q = decl[j];
    const std::size_t close = decl.find(q, j + 1);
    if (close == std::string_view::npos) return {};
    return decl.substr(j + 1, close - j - 1);
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset) {
    Decoded d;
    const auto b = [&](std::size_t k) -> unsigned {
        return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0x100U;
    };
    // 1. Byte order marks.
    std::string bom_cs;
    std::size_t skip = 0;
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
        bom_cs = "utf-8";
        skip = 3;
    } else if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0) {
        bom_cs = "utf-32le";
        skip = 4;
    } else if (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF) {
        bom_cs = "utf-32be";
        skip = 4;
    } else if (b(0) == 0xFF && b(1) == 0xFE) {
        bom_cs = "utf-16le";
        skip = 2;
    } else if (b(0) == 0xFE && b(1) == 0xFF) {
        bom_cs = "utf-16be";
        skip = 2;
    } else if (b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) != 0 && b(3) < 0x80) {
        bom_cs = "utf-32be";  // no BOM, but '<' / '{' as a 32-bit unit
    } else if (b(0) != 0 && b(0) < 0x80 && b(1) == 0 && b(2) == 0 && b(3) == 0) {
        bom_cs = "utf-32le";
    } else if (b(0) == 0 && b(1) != 0 && b(1) < 0x80 && b(2) == 0) {
        bom_cs = "utf-16be";
    } else if (b(0) != 0 && b(0) < 0x80 && b(1) == 0 && b(3) == 0) {
        bom_cs = "utf-16le";
    }
    const std::string_view body = bytes.substr(std::min(skip, bytes.size()));
    if (!bom_cs.empty() && bom_cs != "utf-8") {
        const std::size_t unit = bom_cs.starts_with("utf-32") ? 4 : 2;
        std::string upper = bom_cs == "utf-16le"   ? "UTF-16LE"
                            : bom_cs == "utf-16be" ? "UTF-16BE"
                            : bom_cs == "utf-32le" ? "UTF-32LE"
                                                   : "UTF-32BE";
        iconv_to_utf8(body, upper, unit, d.text, d.clean);
        d.encoding = bom_cs;
        return d;
    }

    // 2. ASCII-compatible: HTTP charset, then the XML declaration.
    std::string http = normalize_charset(http_charset);
    std::string decl = normalize_charset(xml_declared_encoding(body));
    // Charset names are short ASCII tokens; anything else is garbage, not a name.
    for (std::string* cs : {&http, &decl}) {
        const bool ok = cs->size() <= 40 && std::all_of(cs->begin(), cs->end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                                   c == '_' || c == '.' || c == ':' || c == '(' || c == ')';
                        });
        if (!ok) {
            cs->clear();
            d.clean = false;
        }
    }
    std::string declared = !http.empty() && !is_utf16_or_32(http) ? http : decl;
    if (is_utf16_or_32(declared)) {
        // Declares UTF-16 but the bytes are ASCII-compatible: the declaration is wrong.
        declared.clear();
        d.clean = false;
    }
    if (bom_cs == "utf-8") declared = "utf-8";

    const Utf8Check u = check_utf8(body);
    if (u.valid && (u.non_ascii || declared.empty() || declared == "utf-8" || is_latin(declared))) {
        // Valid UTF-8 wins over a declaration that disagrees (for non-ASCII text).
        if (u.non_ascii && !declared.empty() && declared != "utf-8" && declared == decl)
            d.clean = false;
        d.text.assign(body);
        d.verbatim = true;
        d.skip = skip;
        d.encoding = (!u.non_ascii && !declared.empty()) ? declared : "utf-8";
        return d;
    }
    if (declared.empty() || declared == "utf-8") {
        d.clean = false;
        if (!u.valid_multibyte) {
            // Single-byte text without (or with a wrong) declaration: Windows-1252.
            d.encoding = windows1252_or_latin1(body, d.text, d.clean);
        } else {
            d.text = sanitize_utf8(body);
            d.encoding = "utf-8";
        }
        return d;
    }
    if (is_latin(declared)) {
        d.encoding = windows1252_or_latin1(body, d.text, d.clean);
        return d;
    }
    std::string upper = declared;
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (iconv_to_utf8(body, upper, 1, d.text, d.clean)) {
        d.encoding = declared;
        return d;
    }
    // Unknown charset name: best effort.
    d.clean = false;
    if (u.valid) {
        d.text.assign(body);
        d.encoding = "utf-8";
    } else if (!u.valid_multibyte) {
        d.encoding = windows1252_or_latin1(body, d.text, d.clean);
    } else {
        d.text = sanitize_utf8(body);
        d.encoding = "utf-8";
    }
    return d;
}

}  // namespace herald::feeds::detail

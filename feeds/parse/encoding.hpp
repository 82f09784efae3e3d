// Byte-level decoding of a fetched feed to UTF-8: BOMs, HTTP charset, XML
// declaration, validity checks and iconv (glibc) transcoding.
#pragma once

#include <string>
#include <string_view>

namespace herald::feeds::detail {

struct Decoded {
    std::string text;       // UTF-8, BOM removed, ill-formed sequences replaced by U+FFFD
    std::string encoding;   // lowercase name of the encoding the bytes were read as
    bool clean = true;      // false when bytes were replaced or a declaration was wrong
    bool verbatim = false;  // text equals bytes.substr(skip) (valid UTF-8, nothing changed)
    std::size_t skip = 0;   // BOM length
};

Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset);

// Lowercase canonical charset name ("UTF8" -> "utf-8", "latin1" -> "iso-8859-1").
std::string normalize_charset(std::string_view name);

// The encoding="..." of an XML declaration at the start of `s` (ASCII-compatible
// bytes), empty when absent.
std::string_view xml_declared_encoding(std::string_view s);

struct Utf8Check {
    bool valid = true;
    bool non_ascii = false;        // any byte >= 0x80
    bool valid_multibyte = false;  // at least one well-formed multi-byte sequence
};
Utf8Check check_utf8(std::string_view s);

}  // namespace herald::feeds::detail

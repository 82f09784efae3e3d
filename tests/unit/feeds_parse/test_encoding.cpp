// Encodings: BOMs, UTF-16/32, legacy single-byte charsets, wrong declarations,
// HTTP charset, invalid bytes. All test bytes are generated here.
#include <cstdint>
#include <vector>

#include "helpers.hpp"

namespace herald::feeds::test {
namespace {

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        std::size_t n;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if (c < 0xE0) {
            cp = c & 0x1F;
            n = 2;
        } else if (c < 0xF0) {
            cp = c & 0x0F;
            n = 3;
        } else {
            cp = c & 0x07;
            n = 4;
        }
        for (std::size_t k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += n;
    }
    return out;
}

std::string to_utf16(std::string_view utf8, bool le, bool bom) {
    std::string out;
    const auto unit = [&](std::uint16_t u) {
        const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += le ? lo : hi;
        out += le ? hi : lo;
    };
    if (bom) unit(0xFEFF);
    for (char32_t cp : decode_utf8(utf8)) {
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
            unit(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            unit(static_cast<std::uint16_t>(cp));
        }
    }
    return out;
}

std::string to_utf32(std::string_view utf8, bool le, bool bom) {
    std::string out;
    const auto unit = [&](std::uint32_t u) {
        for (int k = 0; k < 4; ++k) {
            const int shift = le ? 8 * k : 8 * (3 - k);
            out += static_cast<char>((u >> shift) & 0xFF);
        }
    };
    if (bom) unit(0xFEFF);
    for (const char32_t cp : decode_utf8(utf8)) unit(cp);
    return out;
}

// Latin-1 / Windows-1252 bytes from UTF-8 (only for the characters used here).
std::string to_single_byte(std::string_view utf8) {
    std::string out;
    for (const char32_t cp : decode_utf8(utf8)) {
        if (cp == 0x20AC)
            out += '\x80';
        else if (cp == 0x201C)
            out += '\x93';
        else if (cp == 0x201D)
            out += '\x94';
        else if (cp == 0x2019)
            out += '\x92';
        else
            out += static_cast<char>(cp);
    }
    return out;
}

std::string feed(std::string_view decl_encoding, std::string_view title) {
    std::string s;
    if (!decl_encoding.empty())
        s = "<?xml version=\"1.0\" encoding=\"" + std::string(decl_encoding) + "\"?>\n";
    s += "<rss version=\"2.0\"><channel><title>" + std::string(title) + "</title><item><title>" +
         std::string(title) + " item</title></item></channel></rss>";
    return s;
}

const std::string kArabic =
    "\xD9\x85\xD8\xB5\xD8\xB1 \xE2\x80\x94 Caf\xC3\xA9 \xF0\x9F\x98\x80";  // مصر — Café 😀

TEST(FeedsParseEncoding, Utf8WithAndWithoutBom) {
    auto doc = parse_ok(feed("utf-8", kArabic));
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.feed.title, kArabic);
    EXPECT_TRUE(doc.wellformed);
    doc = parse_ok("\xEF\xBB\xBF" + feed("utf-8", kArabic));
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.feed.title, kArabic);
    EXPECT_TRUE(doc.wellformed);
}

TEST(FeedsParseEncoding, Utf16WithBom) {
    for (const bool le : {true, false}) {
        const auto doc = parse_ok(to_utf16(feed("utf-16", kArabic), le, true));
        EXPECT_EQ(doc.encoding, le ? "utf-16le" : "utf-16be");
        EXPECT_EQ(doc.feed.title, kArabic);
        ASSERT_EQ(doc.items.size(), 1u);
        EXPECT_EQ(doc.items[0].title, kArabic + " item");
        EXPECT_TRUE(doc.wellformed);
    }
}

TEST(FeedsParseEncoding, Utf16WithoutBomDetectedFromFirstChars) {
    for (const bool le : {true, false}) {
        const auto doc = parse_ok(to_utf16(feed("utf-16", kArabic), le, false));
        EXPECT_EQ(doc.encoding, le ? "utf-16le" : "utf-16be");
        EXPECT_EQ(doc.feed.title, kArabic);
    }
}

TEST(FeedsParseEncoding, Utf32WithBom) {
    for (const bool le : {true, false}) {
        const auto doc = parse_ok(to_utf32(feed("", kArabic), le, true));
        EXPECT_EQ(doc.encoding, le ? "utf-32le" : "utf-32be");
        EXPECT_EQ(doc.feed.title, kArabic);
    }
}

TEST(FeedsParseEncoding, Iso88591Declared) {
    const std::string title =
        "Caf\xC3\xA9 na\xC3\xAFve \xC2\xA3"
        "5";  // Café naïve £5
    const auto doc = parse_ok(to_single_byte(feed("ISO-8859-1", title)));
    EXPECT_EQ(doc.encoding, "iso-8859-1");
    EXPECT_EQ(doc.feed.title, title);
    EXPECT_TRUE(doc.wellformed);
}

TEST(FeedsParseEncoding, Windows1252Declared) {
    const std::string title =
        "\xE2\x80\x9CQuote\xE2\x80\x9D costs \xE2\x82\xAC"
        "5 it\xE2\x80\x99s";
    const auto doc = parse_ok(to_single_byte(feed("windows-1252", title)));
    EXPECT_EQ(doc.encoding, "windows-1252");
    EXPECT_EQ(doc.feed.title, title);
    EXPECT_TRUE(doc.wellformed);
}

TEST(FeedsParseEncoding, Latin1DeclaredButC1BytesReadAsWindows1252) {
    const std::string title = "\xE2\x80\x9Cquoted\xE2\x80\x9D";
    const auto doc = parse_ok(to_single_byte(feed("iso-8859-1", title)));
    EXPECT_EQ(doc.encoding, "windows-1252");
    EXPECT_EQ(doc.feed.title, title);
}

TEST(FeedsParseEncoding, WrongDeclarationValidUtf8Wins) {
    const auto doc = parse_ok(feed("iso-8859-1", kArabic));
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.feed.title, kArabic);
    EXPECT_FALSE(doc.wellformed);
}

TEST(FeedsParseEncoding, DeclaredUtf8ButLatin1Bytes) {
    const std::string title = "Caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D";
    const auto doc = parse_ok(to_single_byte(feed("utf-8", title)));
    EXPECT_EQ(doc.encoding, "windows-1252");
    EXPECT_EQ(doc.feed.title, title);
    EXPECT_FALSE(doc.wellformed);
}

TEST(FeedsParseEncoding, Utf16DeclaredOnAsciiBytesIsIgnored) {
    const auto doc = parse_ok(feed("utf-16", kArabic));
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.feed.title, kArabic);
}

TEST(FeedsParseEncoding, HttpCharsetHonoured) {
    const std::string title = "Caf\xC3\xA9";
    ParseOptions opts;
    opts.http_charset = "ISO-8859-1";
    const auto doc = parse_ok(to_single_byte(feed("", title)), opts);
    EXPECT_EQ(doc.encoding, "iso-8859-1");
    EXPECT_EQ(doc.feed.title, title);
    // HTTP says latin-1 but the bytes are UTF-8: UTF-8 wins.
    const auto doc2 = parse_ok(feed("utf-8", kArabic), opts);
    EXPECT_EQ(doc2.encoding, "utf-8");
    EXPECT_EQ(doc2.feed.title, kArabic);
    EXPECT_TRUE(doc2.wellformed);
}

TEST(FeedsParseEncoding, OtherCharsetViaIconv) {
    // KOI8-R "Мир" = 0xED 0xC9 0xD2
    const auto doc = parse_ok(feed("KOI8-R", "\xED\xC9\xD2"));
    EXPECT_EQ(doc.encoding, "koi8-r");
    EXPECT_EQ(doc.feed.title, "\xD0\x9C\xD0\xB8\xD1\x80");
}

TEST(FeedsParseEncoding, UnknownCharsetFallsBack) {
    const auto doc = parse_ok(feed("x-no-such-charset", kArabic));
    EXPECT_EQ(doc.feed.title, kArabic);
    EXPECT_EQ(doc.encoding, "utf-8");
}

TEST(FeedsParseEncoding, InvalidUtf8BytesReplaced) {
    // Mostly UTF-8 with a few broken sequences: replaced by U+FFFD.
    const auto doc = parse_ok(feed("utf-8", kArabic + " \xC3 \xFF end"));
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.feed.title, kArabic + " \xEF\xBF\xBD \xEF\xBF\xBD end");
    EXPECT_FALSE(doc.wellformed);
}

TEST(FeedsParseEncoding, BrokenUtf16ReplacedNotCrashing) {
    std::string bytes = to_utf16(feed("utf-16", "abc"), true, true);
    // Unpaired high surrogate in the title, and an odd trailing byte.
    const std::size_t pos = bytes.find(std::string("a\0b", 3));
    ASSERT_NE(pos, std::string::npos);
    bytes[pos] = '\x00';
    bytes[pos + 1] = '\xD8';
    bytes += '\x01';
    const auto r = parse_feed(bytes);
    ASSERT_TRUE(r.has_value());
    EXPECT_FALSE(r->wellformed);
    EXPECT_EQ(r->encoding, "utf-16le");
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseEncoding, GarbageCharsetNamesAreIgnored) {
    // Found by fuzzing: a declaration with non-ASCII bytes in the name was echoed back.
    // The stray bytes are not UTF-8 and there is no usable declaration: single-byte.
    const auto doc =
        parse_ok(feed("UT\xB6\xB6\xB6"
                      "F-8",
                      "abc"));
    EXPECT_EQ(doc.encoding, "iso-8859-1");
    EXPECT_FALSE(doc.wellformed);
    EXPECT_EQ(doc.feed.title, "abc");
    ParseOptions opts;
    opts.http_charset = "utf-8//IGNORE";
    const auto doc2 = parse_ok(feed("", "abc"), opts);
    EXPECT_EQ(doc2.encoding, "utf-8");
}

}  // namespace
}  // namespace herald::feeds::test

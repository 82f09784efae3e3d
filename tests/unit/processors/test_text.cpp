#include <gtest/gtest.h>

#include <cstdint>

#include "processors/pipeline.hpp"
#include "processors/text.hpp"

namespace herald::processors {
namespace {

std::vector<std::string> sentences(const std::string& text, const StrSet& abbr) {
    const std::string lower = [&] {
        std::string l = text;
        for (auto& c : l)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return l;
    }();
    std::vector<Token> toks;
    tokenize(text, lower, 0, text.size(), toks);
    std::vector<Sentence> out;
    split_sentences(toks, 0, toks.size(), 0, abbr, out);
    std::vector<std::string> res;
    for (const auto& s : out) res.push_back(text.substr(s.b, s.e - s.b));
    return res;
}

TEST(Normalise, QuotesDashesAndSpaces) {
    const std::string in =
        "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s\xC2\xA0\xC2\xA0ok";
    const Normalised n = normalise(in, 0, NormaliseOptions{});
    EXPECT_EQ(n.text, "\"Hi\" - it's ok");
    ASSERT_EQ(n.map.size(), n.text.size() + 1);
    // every ASCII byte maps back to the same byte of the original
    for (std::size_t i = 0; i < n.text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(in[n.map[i]]);
        if (c < 0x80) {
            EXPECT_EQ(in[n.map[i]], n.text[i]) << i;
        }
    }
    EXPECT_EQ(n.map.back(), in.size());
}

TEST(Normalise, ComposesToNfcAndKeepsOffsets) {
    // "Cafe\u0301 in Sa\u0303o" -> NFC composes the accents
    const std::string in = "Cafe\xCC\x81 in Sa\xCC\x83o";
    const Normalised n = normalise(in, 10, NormaliseOptions{});
    EXPECT_EQ(n.text, "Caf\xC3\xA9 in S\xC3\xA3o");
    EXPECT_EQ(n.map.front(), 10u);
    EXPECT_EQ(n.map.back(), 10u + in.size());
    // " in " survives with its original offsets
    const auto pos = n.text.find(" in ");
    EXPECT_EQ(in.substr(n.map[pos] - 10, 4), " in ");
}

TEST(Normalise, InvalidBytesBecomeReplacementCharacter) {
    const std::string in = std::string("ab\xFF\xFE") + "cd";
    const Normalised n = normalise(in, 0, NormaliseOptions{});
    EXPECT_EQ(n.text,
              "ab\xEF\xBF\xBD\xEF\xBF\xBD"
              "cd");
    EXPECT_EQ(n.map.size(), n.text.size() + 1);
}

TEST(Segment, AbbreviationsInitialsAndGluedSentences) {
    StrSet abbr{"gen", "dr", "u.s"};
    const auto s = sentences(
        "Gen. Smith met Dr. Jones in the U.S. on Monday. J. Doe said so. Talks ended "
        "with Gallant.During the call they spoke! \"Fine,\" he said.",
        abbr);
    ASSERT_EQ(s.size(), 5u);
    EXPECT_EQ(s[0], "Gen. Smith met Dr. Jones in the U.S. on Monday.");
    EXPECT_EQ(s[1], "J. Doe said so.");
    EXPECT_EQ(s[2], "Talks ended with Gallant.");
    EXPECT_EQ(s[3], "During the call they spoke!");
    EXPECT_EQ(s[4], "\"Fine,\" he said.");
}

TEST(Segment, DecimalsAndNumbersDoNotSplit) {
    const auto s = sentences("It pledged $1.3 billion. Another 2,750 were hurt.", StrSet{});
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0], "It pledged $1.3 billion.");
}

TEST(Tokenize, PossessivesContractionsAndHyphens) {
    const std::string t = "Israel's al-Sisi didn't U.S. 8th";
    std::string l = t;
    for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<Token> toks;
    tokenize(t, l, 0, t.size(), toks);
    std::vector<std::string> words;
    for (const auto& k : toks) words.emplace_back(k.text);
    EXPECT_EQ(words, (std::vector<std::string>{"Israel", "'s", "al", "-", "Sisi", "did", "n't",
                                               "U.S.", "8th"}));
    EXPECT_FALSE(toks[1].space_before);
    EXPECT_FALSE(toks[3].space_before);
}

// The normaliser's fast path scans plain ASCII 16 (or 8) bytes at a time: whatever stops
// it (a second space, a tab, a control byte, a non-ASCII letter) is handled at every
// offset inside and across the blocks, and the offsets stay those of the original.
TEST(Normalise, BlockScanStopsAtEveryOffset) {
    const std::vector<std::pair<std::string, std::string>> stops = {
        {"  ", " "}, {" \t", " "}, {"\t", " "}, {"\x01", " "}, {"\xC3\xA9", "\xC3\xA9"}};
    for (const auto& [stop, want] : stops) {
        for (std::size_t p = 1; p <= 40; ++p) {
            const std::string tail(37, 'y');
            const std::string in = std::string(p, 'x') + stop + tail;
            const Normalised n = normalise(in, 0, NormaliseOptions{});
            ASSERT_EQ(n.text, std::string(p, 'x') + want + tail) << p;
            ASSERT_EQ(n.map.size(), n.text.size() + 1);
            for (std::size_t i = 0; i < n.text.size(); ++i) {
                if (n.text[i] == 'x' || n.text[i] == 'y') {
                    EXPECT_EQ(in[n.map[i]], n.text[i]) << p;
                }
            }
            EXPECT_EQ(n.map[p + want.size()], p + stop.size()) << p;  // the first 'y'
        }
    }
}

// Word runs are found 16 bytes at a time: words of every length, with capitals, digits
// and a non-ASCII letter inside, end where they should.
TEST(Tokenize, LongWordsAcrossBlocks) {
    for (std::size_t n = 1; n <= 40; ++n) {
        std::string w1(n, 'a'), w2(n, 'b');
        w1[n / 2] = 'Q';
        w2[n - 1] = '7';
        const std::string w3 = std::string(n, 'c') + "\xC3\xA9" + "dd";
        const std::string t = "Zz" + w1 + ", " + w2 + " " + w3 + "'s.";
        std::string l = t;
        for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::vector<Token> toks;
        tokenize(t, l, 0, t.size(), toks);
        std::vector<std::string> words;
        for (const auto& k : toks) words.emplace_back(k.text);
        EXPECT_EQ(words, (std::vector<std::string>{"Zz" + w1, ",", w2, w3, "'s", "."})) << n;
    }
}

TEST(Paragraphs, NonBlankTrimmedLines) {
    const std::string text = "  First para.  \n\n\tSecond\r\nThird\n   \n";
    const auto p = Pipeline::paragraphs(text);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(text.substr(p[0].first, p[0].second - p[0].first), "First para.");
    EXPECT_EQ(text.substr(p[1].first, p[1].second - p[1].first), "Second");
    EXPECT_EQ(text.substr(p[2].first, p[2].second - p[2].first), "Third");
}

// The pipeline's run-length OffsetMap holds the same offsets as the per-byte map,
// on every kind of replacement: quotes, dashes, ellipses, exotic and repeated
// spaces, dropped zero-width characters, CR LF, NFC (a combining mark composing
// with the ASCII letter before it), invalid bytes.
TEST(Normalise, OffsetMapMatchesPerByteMap) {
    const std::vector<std::string> pieces = {"Hello",        " ",
                                             "  ",           "world.",
                                             "\xE2\x80\x9C", "\xE2\x80\x9D",
                                             "\xE2\x80\x99", "\xE2\x80\x93",
                                             "\xE2\x80\xA6", "\xC2\xA0",
                                             "\xE2\x80\x8B", "\r\n",
                                             "\t",           "e\xCC\x81",
                                             "\xCC\x81",     "\xD8\xA7\xD9\x84",
                                             "\xFF",         "caf\xC3\xA9",
                                             "\x01",         "\n"};
    std::uint32_t seed = 12345;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int round = 0; round < 3000; ++round) {
        std::string in;
        const std::size_t n = 1 + next() % 24;
        for (std::size_t i = 0; i < n; ++i) in += pieces[next() % pieces.size()];
        for (const bool whitespace : {true, false}) {
            NormaliseOptions opts;
            opts.whitespace = whitespace;
            std::string t1 = "x\n", t2 = "x\n";
            std::vector<std::size_t> m1 = {3, 4};
            OffsetMap m2;
            m2.push_back(3);
            m2.push_back(4);
            normalise_append(in, 10, opts, t1, m1);
            normalise_append(in, 10, opts, t2, m2);
            ASSERT_EQ(t1, t2) << in;
            ASSERT_EQ(m1.size(), m2.size()) << in;
            for (std::size_t i = 0; i < m1.size(); ++i) ASSERT_EQ(m1[i], m2[i]) << in << " @" << i;
            m1.push_back(99);
            m2.push_back(99);
            ASSERT_EQ(m2.back(), 99u);
            m1.pop_back();
            m2.pop_back();
            ASSERT_EQ(m1.back(), m2.back()) << in;
        }
    }
}

}  // namespace
}  // namespace herald::processors

// Text layer of the pipeline: normalisation with an offset map back to the
// original bytes, tokenisation and paragraph/sentence segmentation.
// Language-neutral mechanics only; the word lists come from config/extraction/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "processors/strmap.hpp"
#include "processors/word_table.hpp"

namespace herald::processors {

// Normalised text plus, for every byte of it (and one past the end), the byte
// offset in the original text it came from.
struct Normalised {
    std::string text;
    std::vector<std::size_t> map;  // map.size() == text.size() + 1
};

struct NormaliseOptions {
    bool nfc = true;         // Unicode NFC (utf8proc) on non-ASCII runs
    bool quotes = true;      // curly quotes and guillemets -> ' and "
    bool dashes = true;      // en/em dashes, minus -> -
    bool whitespace = true;  // exotic spaces -> ' ', runs collapsed, zero-width dropped
};

// The normalised-byte -> original-byte map of the pipeline's Doc, stored as runs
// (a new run only where the offsets stop rising one by one: paragraph breaks,
// replaced or dropped characters), not one entry per byte. Same interface as
// the std::vector<std::size_t> of Normalised: entry i is the original offset of
// normalised byte i.
class OffsetMap {
  public:
    void clear() {
        runs_.clear();
        size_ = 0;
    }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    void push_back(std::size_t orig) { append_run(orig, 1); }
    // Appends n entries orig, orig + 1, ..., orig + n - 1.
    void append_run(std::size_t orig, std::size_t n) {
        if (n == 0) return;
        if (runs_.empty() || runs_.back().orig + (size_ - runs_.back().norm) != orig)
            runs_.push_back(Run{size_, orig});
        size_ += n;
    }
    void pop_back() {
        --size_;
        if (runs_.back().norm == size_) runs_.pop_back();
    }
    std::size_t back() const { return (*this)[size_ - 1]; }
    std::size_t operator[](std::size_t i) const {  // i < size()
        std::size_t lo = 0, hi = runs_.size();     // the last run starting at or before i
        while (hi - lo > 1) {
            const std::size_t mid = (lo + hi) / 2;
            if (runs_[mid].norm <= i)
                lo = mid;
            else
                hi = mid;
        }
        return runs_[lo].orig + (i - runs_[lo].norm);
    }

  private:
    struct Run {
        std::size_t norm, orig;  // first normalised byte of the run, its original offset
    };
    std::vector<Run> runs_;
    std::size_t size_ = 0;
};

// Normalises `in` (which may hold invalid UTF-8: bad bytes become U+FFFD);
// `base` is added to every offset in the map.
Normalised normalise(std::string_view in, std::size_t base, const NormaliseOptions& opts);
// The same into `out` (cleared first; its buffers are reused).
void normalise_into(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                    Normalised& out);
// The same appended to `text` and `map` (no end entry in `map`). The result is the
// same as normalise_into's when `text` is empty or ends with '\n'.
void normalise_append(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                      std::string& text, std::vector<std::size_t>& map);
void normalise_append(std::string_view in, std::size_t base, const NormaliseOptions& opts,
                      std::string& text, OffsetMap& map);

// Paragraphs of an original article text: every non-blank line, trimmed;
// [start, end) byte ranges.
std::vector<std::pair<std::size_t, std::size_t>> split_paragraphs(std::string_view text);
// The same into `out` (cleared first; its buffer is reused).
void split_paragraphs_into(std::string_view text,
                           std::vector<std::pair<std::size_t, std::size_t>>& out);

struct SurfStart;
struct RoleStart;

enum class TokKind : std::uint8_t { word, number, punct, quote, symbol };

// 80 bytes (was 88): the fields every stage reads (lower, kind, flags, lex,
// sets) first; offsets in 32 bits (Pipeline::run takes at most 4 MiB of text
// per article, which normalisation expands at most threefold).
struct Token {
    std::string_view lower;  // ASCII-lowercased view (same length)
    TokKind kind = TokKind::word;
    bool space_before = true;    // false when glued to the previous token ("al-Sisi", "Israel's")
    bool cap = false;            // starts with an upper-case ASCII letter (or non-ASCII letter)
    bool in_quote = false;       // inside "..." (set by the segmenter)
    std::uint32_t lex = 0;       // Lex flags of the lower-case word (set by the segmenter)
    std::uint64_t sets = 0;      // WordSet bits of the lower-case word (set by the segmenter)
    std::string_view text;       // view into the normalised text
    std::uint32_t b = 0, e = 0;  // byte range in the normalised text
    // Set by the segmenter from one lookup per token (null when none):
    const std::vector<std::uint32_t>* trig = nullptr;  // triggers starting here
    const RoleStart* role = nullptr;                   // role titles starting here
    const SurfStart* surf = nullptr;                   // gazetteer surfaces starting here
};

// Splits normalised text into tokens. Appends to `out`. `lower` must be the
// ASCII-lowercased copy of `text` (same length).
void tokenize(std::string_view text, std::string_view lower, std::size_t from, std::size_t to,
              std::vector<Token>& out);

struct Sentence {
    std::size_t tb = 0, te = 0;  // token range
    std::size_t b = 0, e = 0;    // normalised byte range
    std::size_t paragraph = 0;
};

// Sentence boundaries over tokens [tb, te) of one paragraph. `abbreviations`
// holds lower-case forms without the final period ("gen", "dr", "u.s").
void split_sentences(const std::vector<Token>& toks, std::size_t tb, std::size_t te,
                     std::size_t paragraph, const StrSet& abbreviations,
                     std::vector<Sentence>& out);
// The same with the abbreviations as a table (the segmenter's, built once).
void split_sentences(const std::vector<Token>& toks, std::size_t tb, std::size_t te,
                     std::size_t paragraph, const WordSetTable& abbreviations,
                     std::vector<Sentence>& out);

}  // namespace herald::processors

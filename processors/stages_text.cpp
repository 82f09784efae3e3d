// Stage registry, option helpers, and the text stages: normalise, segment.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/text.hpp"
#include "config/diagnostics.hpp"
#include "config/reader.hpp"
#include "processors/stage.hpp"

namespace herald::processors {

std::string Doc::dateline_words(std::size_t& after) const {
    std::string name;
    if (sents.empty()) return name;
    const Sentence& s = sents[0];
    std::size_t t = s.tb;
    while (t < s.te && t < s.tb + 3 && toks[t].kind == TokKind::word && toks[t].text.size() > 1 &&
           std::none_of(toks[t].text.begin(), toks[t].text.end(),
                        [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
        if (!name.empty()) name += ' ';
        name += toks[t].text;
        ++t;
    }
    after = t;
    return name;
}

std::size_t Doc::mention_from(std::size_t t) const {
    // (callers mostly ask near the last answer: look a few mentions either side of it
    // first; mentions are ordered by tb, so the first one starting at or after t is unique)
    const std::size_t n = mentions.size();
    const std::size_t h = mention_hint <= n ? mention_hint : n;
    auto before = [&](std::size_t q) { return mentions[q].tb < t; };  // q < n
    std::size_t lo = 0, hi = n;                                       // the answer lies in [lo, hi]
    if (h == 0 || before(h - 1)) {
        // at or after h: every mention before h starts before t
        std::size_t q = h;
        for (; q < n && q < h + 4; ++q)
            if (!before(q)) return mention_hint = q;
        if (q == n) return mention_hint = n;
        lo = q;
    } else {
        // before h: mention h - 1 starts at or after t
        std::size_t q = h - 1;
        for (; q > 0 && q + 4 > h; --q)
            if (before(q - 1)) return mention_hint = q;
        if (q == 0) return mention_hint = 0;
        hi = q;
    }
    auto it = std::lower_bound(mentions.begin() + static_cast<std::ptrdiff_t>(lo),
                               mentions.begin() + static_cast<std::ptrdiff_t>(hi), t,
                               [](const Mention& m, std::size_t v) { return m.tb < v; });
    mention_hint = static_cast<std::size_t>(it - mentions.begin());
    return mention_hint;
}

const std::vector<std::pair<std::string, StageFactory>>& stage_registry() {
    static const std::vector<std::pair<std::string, StageFactory>> reg = {
        {"normalise", make_normalise_stage}, {"segment", make_segment_stage},
        {"entities", make_entities_stage},   {"coreference", make_coreference_stage},
        {"events", make_events_stage},       {"modality", make_modality_stage},
        {"dates", make_dates_stage},         {"attributes", make_attributes_stage},
        {"region", make_region_stage},       {"merge", make_merge_stage},
    };
    return reg;
}

void check_stage_keys(const YAML::Node& node, const std::vector<std::string>& known,
                      config::DiagnosticSink& sink) {
    if (!node.IsDefined() || !node.IsMap()) return;
    for (const auto& kv : node) {
        const std::string key = kv.first.Scalar();
        if (key == "name"_w) continue;
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string msg = "unknown option '" + key + "' for processor '" +
                              node["name"].as<std::string>("?") + "'";
            if (known.empty())
                msg += " (it takes no options)";
            else {
                msg += " (known:";
                for (const auto& k : known) msg += " " + k;
                msg += ")";
            }
            sink.error(kv.first, msg);
        }
    }
}

// Options are read with the configuration loader's typed reader (config/reader.hpp);
// a missing or null option keeps its default.
namespace {
bool has_option(const YAML::Node& node, const char* key) {
    return node.IsDefined() && node.IsMap() && node[key] && !node[key].IsNull();
}
}  // namespace

bool read_bool(const YAML::Node& node, const char* key, bool def, config::DiagnosticSink& sink) {
    if (has_option(node, key)) config::Reader(sink).boolean(node, key, def);
    return def;
}

int read_int(const YAML::Node& node, const char* key, int def, config::DiagnosticSink& sink) {
    if (has_option(node, key))
        config::Reader(sink).integer(node, key, def, std::numeric_limits<int>::min(),
                                     std::numeric_limits<int>::max());
    return def;
}

std::vector<std::string> read_strings(const YAML::Node& node, const char* key,
                                      config::DiagnosticSink& sink) {
    std::vector<std::string> out;
    if (has_option(node, key)) config::Reader(sink).string_list(node, key, out, false);
    return out;
}

std::string read_string(const YAML::Node& node, const char* key, const std::string& def,
                        config::DiagnosticSink& sink) {
    std::string out = def;
    if (has_option(node, key)) config::Reader(sink).str(node, key, out);
    return out;
}

bool tok_is(const Doc& d, std::size_t i, std::string_view lower) {
    return i < d.toks.size() && d.toks[i].lower == lower;
}

std::size_t match_phrase(const Doc& d, std::size_t i, std::size_t end, const Phrase& p) {
    if (i + p.slots.size() > end) return 0;
    for (std::size_t s = 0; s < p.slots.size(); ++s) {
        const auto& alts = p.slots[s];
        const auto lw = d.toks[i + s].lower;
        if (!find_word(alts.begin(), alts.end(), lw)) return 0;
    }
    return p.slots.size();
}

std::size_t match_words(const Doc& d, std::size_t i, std::size_t end,
                        const std::vector<std::string>& words) {
    if (i + words.size() > end) return 0;
    for (std::size_t s = 0; s < words.size(); ++s)
        if (d.toks[i + s].lower != words[s]) return 0;
    return words.size();
}

namespace {

// ascii_lower(text) into `out`, reusing its buffer (every byte is written: `out` need
// not be cleared first, and resizing only zero-fills the bytes it adds).
void lower_into(const std::string& text, std::string& out) {
    out.resize(text.size());
    const char* src = text.data();
    char* dst = out.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
#ifdef __SSE2__
    // sixteen bytes at a time (signed compares: bytes >= 0x80 are negative, never 'A'..'Z')
    const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1),
                  k20 = _mm_set1_epi8(0x20);
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
        const __m128i upper =
            _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i),
                         _mm_or_si128(v, _mm_and_si128(upper, k20)));
    }
#endif
    // eight bytes at a time: a byte gets 0x20 added when it is ASCII 'A'..'Z'
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, src + i, 8);
        const std::uint64_t low7 = w & ~kHigh;
        const std::uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;  // high bit: >= 'A'
        const std::uint64_t gt_z = low7 + (0x7F - 'Z') * kOnes;  // high bit: > 'Z'
        const std::uint64_t upper = (ge_a & ~gt_z) & ~w & kHigh;
        w |= upper >> 2;
        std::memcpy(dst + i, &w, 8);
    }
    for (; i < n; ++i) {
        const char c = src[i];
        dst[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

// Fills doc.text/map from the paragraphs without changes (when `normalise` is
// not in the chain).
void identity_text(Doc& d) {
    const std::string& src = d.article->text;
    d.text.clear();
    d.map.clear();
    d.para_norm.clear();
    std::size_t prev_end = 0;
    for (const auto& [b, e] : d.para_orig) {
        if (!d.text.empty()) {
            d.text.push_back('\n');
            d.map.push_back(prev_end);
        }
        prev_end = e;
        const std::size_t nb = d.text.size();
        for (std::size_t i = b; i < e; ++i) {
            d.text.push_back(src[i]);
            d.map.push_back(i);
        }
        d.para_norm.emplace_back(nb, d.text.size());
    }
    d.map.push_back(prev_end);
    d.lower = ascii_lower(d.text);
}

class NormaliseStage final : public Stage {
  public:
    const char* name() const override { return "normalise"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"nfc", "quotes", "dashes", "whitespace"}, sink);
        opts_.nfc = read_bool(n, "nfc", true, sink);
        opts_.quotes = read_bool(n, "quotes", true, sink);
        opts_.dashes = read_bool(n, "dashes", true, sink);
        opts_.whitespace = read_bool(n, "whitespace", true, sink);
    }
    void run(Doc& d) const override {
        const std::string& src = d.article->text;
        d.text.clear();
        d.map.clear();
        d.para_norm.clear();
        d.text.reserve(src.size());
        std::size_t prev_end = 0;
        for (const auto& [b, e] : d.para_orig) {
            if (!d.text.empty()) {
                d.text.push_back('\n');
                d.map.push_back(prev_end);
            }
            prev_end = e;
            // straight into the article's text (it is empty or ends with '\n' here)
            const std::size_t nb = d.text.size();
            normalise_append(std::string_view(src).substr(b, e - b), b, opts_, d.text, d.map);
            d.para_norm.emplace_back(nb, d.text.size());
        }
        d.map.push_back(prev_end);
        lower_into(d.text, d.lower);
        d.normalised = true;
    }

  private:
    NormaliseOptions opts_;
};

// The one dictionary lookup per token: Lex flags (words, symbols and "-" only)
// and the phrase lists the token may start.
// `single`, if not null, holds k's lookups of the one-byte words (punctuation, "a", digits).
void lookup_word(const Knowledge& k, const std::array<const Knowledge::WordInfo*, 256>* single,
                 Token& t) {
    const Knowledge::WordInfo* w = single && t.lower.size() == 1
                                       ? (*single)[static_cast<unsigned char>(t.lower[0])]
                                       : k.word_info(t.lower);
    if (!w) return;
    if (t.kind == TokKind::word || t.kind == TokKind::symbol || t.text == "-"_w) t.lex = w->flags;
    t.sets = w->sets;
    t.trig = w->trig;
    t.role = w->role;
    if (w->flags & LSurfFirst) t.surf = Knowledge::surfaces_at(*w, t.text, t.lower);
}

class SegmentStage final : public Stage {
  public:
    const char* name() const override { return "segment"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"abbreviations", "max_sentence_tokens"}, sink);
        for (auto a : read_strings(n, "abbreviations", sink)) {
            std::string l = ascii_lower(a);
            while (!l.empty() && l.back() == '.') l.pop_back();
            extra_.insert(l);
        }
        max_tokens_ =
            static_cast<std::size_t>(std::max(8, read_int(n, "max_sentence_tokens", 120, sink)));
    }
    void bind(const Knowledge& k) override {
        abbr_ = k.abbreviations;
        abbr_.insert(extra_.begin(), extra_.end());
        abbr_table_.build(abbr_);
        single_of_ = &k;
        for (std::size_t c = 0; c < single_.size(); ++c) {
            const char ch = static_cast<char>(c);
            single_[c] = k.word_info(std::string_view(&ch, 1));
        }
    }
    void run(Doc& d) const override {
        if (!d.normalised && d.text.empty()) identity_text(d);
        d.toks.clear();
        d.sents.clear();
        d.toks.reserve(d.text.size() / 4 + 8);
        const auto* single = single_of_ == d.k ? &single_ : nullptr;
        d.the_at.clear();
        d.pron_at.clear();
        d.cap_at.clear();
        for (std::size_t p = 0; p < d.para_norm.size(); ++p) {
            const std::size_t tb = d.toks.size();
            tokenize(d.text, d.lower, d.para_norm[p].first, d.para_norm[p].second, d.toks);
            const std::size_t te = d.toks.size();
            // one pass: the lookup, and quotes toggling per paragraph
            bool inq = false;
            for (std::size_t i = tb; i < te; ++i) {
                Token& t = d.toks[i];
                lookup_word(*d.k, single, t);
                if (t.kind == TokKind::quote) {
                    inq = !inq;
                    t.in_quote = true;
                    continue;
                }
                t.in_quote = inq;
                // the tokens coreference's walks take (Doc::the_at, pron_at, cap_at; all
                // their words carry LCorefWalk)
                if (!(t.lex & LCorefWalk)) continue;
                if (t.kind == TokKind::word) {
                    if (t.lower == "the"_w) d.the_at.push_back(static_cast<std::uint32_t>(i));
                    if (!inq && ((t.lex & (LPronoun | LDeterminer)) || has(t, WPairQuantifier)))
                        d.pron_at.push_back(static_cast<std::uint32_t>(i));
                }
                if (t.lex & LPeopleNoun)
                    for (std::size_t c = i >= 2 ? i - 2 : 0; c < i; ++c)
                        if (d.toks[c].kind == TokKind::word && d.toks[c].cap &&
                            (d.cap_at.empty() || d.cap_at.back() < c))
                            d.cap_at.push_back(static_cast<std::uint32_t>(c));
            }
            const std::size_t sb = d.sents.size();
            split_sentences(d.toks, tb, te, p, abbr_table_, d.sents);
            // Very long "sentences" (lists, tables) are cut to bound the work.
            for (std::size_t s = sb; s < d.sents.size(); ++s) {
                if (d.sents[s].te - d.sents[s].tb <= max_tokens_) continue;
                Sentence rest = d.sents[s];
                rest.tb = d.sents[s].tb + max_tokens_;
                rest.b = d.toks[rest.tb].b;
                d.sents[s].te = rest.tb;
                d.sents[s].e = d.toks[rest.tb - 1].e;
                d.sents.insert(d.sents.begin() + static_cast<std::ptrdiff_t>(s) + 1, rest);
            }
        }
    }

  private:
    StrSet extra_, abbr_;
    WordSetTable abbr_table_;  // abbr_, for split_sentences (asked at most periods)
    std::size_t max_tokens_ = 120;
    std::array<const Knowledge::WordInfo*, 256> single_{};  // word_info of one-byte words
    const Knowledge* single_of_ = nullptr;                  // ... in this Knowledge
};

}  // namespace

std::unique_ptr<Stage> make_normalise_stage() {
    return std::make_unique<NormaliseStage>();
}
std::unique_ptr<Stage> make_segment_stage() {
    return std::make_unique<SegmentStage>();
}

}  // namespace herald::processors

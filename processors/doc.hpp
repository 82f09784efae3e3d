// Per-article working state handed from processor to processor (internal to
// herald_processors; unit tests use it to look inside the stages).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "processors/event.hpp"
#include "processors/knowledge.hpp"
#include "processors/small_vec.hpp"
#include "processors/text.hpp"

namespace herald::processors {

enum class MentionKind : std::uint8_t {
    entity,          // gazetteer hit or title + name
    role_only,       // "the top US diplomat", "Egypt's foreign minister", "the Secretary"
    pronoun,         // he / his / she / her
    group_anaphor,   // the militants, the group
    plural_anaphor,  // the two diplomats
};

// A copy of the place a mention points to, if any.
inline std::optional<Place> place_value(const Place* p) {
    return p ? std::optional<Place>(*p) : std::nullopt;
}

// The token's lower-case word is in the lexicon set `set` (see WordSet).
inline bool has(const Token& t, WordSet set) {
    return (t.sets & set) != 0;
}

struct Mention {
    std::size_t tb = 0, te = 0;  // token range
    std::size_t sentence = 0;
    MentionKind kind = MentionKind::entity;
    // Who it is (after coreference for anaphors): a record owned by the Doc
    // (Doc::own), shared by the mentions that refer to it; never changed in place.
    const Participant* part = nullptr;
    std::vector<Participant> extra;  // further referents of a plural anaphor
    const Place* place = nullptr;    // usable as a location (a Knowledge record)
    bool place_mena = false;
    bool place_concrete = false;  // a place with a country (not "the Red Sea", "the region")
    bool adjective = false;       // came from an adjective ("Egyptian")
    bool people = false;          // adjective + people noun ("Qatari officials")
    bool metonym = false;         // "Washington", resolved to the country
    bool possessive = false;      // followed by 's
    bool modifier = false;        // glued to a hyphen ("Iran-backed", "US-led")
    bool in_quote = false;
    std::string_view prep;       // preposition right before it (lower case) or empty
    bool prep_attached = false;  // "officials from X": the PP hangs on a people noun
    char gender = 0;
    std::string_view role_kind;  // role kind for persons and role-only mentions (Knowledge)
    // role title as matched (lower case) for role-only mentions: a view of Doc::lower
    std::string_view role_title;
    int person = -1;  // index into Knowledge::people when known
    int role = -1;    // canonical role index (Knowledge::roles) when known

    bool is_participant() const { return part != nullptr; }
};

// Topic names (Knowledge::topics) of a sentence or an event, in order.
using TopicList = SmallVec<const std::string*, 4>;

// A candidate's attributes (the contract's `attributes` object), typed until
// output: Pipeline::run writes them into Event::attributes (write_to), so the
// stages and merge build no JSON. Keys other than these, should a stage add
// any, stay in Event::attributes and merge as before.
struct Attributes {
    TopicList topics;                       // Knowledge::topics names, in order
    std::vector<Participant> mediators;     // output: name, kind, country if any
    std::optional<long long> amount_value;  // with amount_currency
    std::string amount_currency;
    std::optional<std::string> quote;
    std::optional<long long> killed, injured;
    std::optional<int> ordinal;

    // Whether the attribute named `key` ("topics", "killed", ...) is set.
    bool contains(std::string_view key) const;
    // Sets the count named `key` ("killed" or "injured").
    void set_count(std::string_view key, long long n);
    // Merge of another candidate's attributes: keys missing here are taken from
    // `b`; topics and mediators gain b's entries not already present.
    void absorb(const Attributes& b);
    // Adds the set attributes to `out` (a JSON object).
    void write_to(nlohmann::json& out) const;
};

// Mentions picked for a trigger (the few around it): no allocation up to 8.
using MentionList = SmallVec<const Mention*, 8>;

// An evidence sentence of a candidate: its byte range in Article::text.
struct EvidenceSpan {
    std::size_t start = 0, end = 0;
};

// An event in the making, tied to its trigger.
struct Candidate {
    Event ev;
    std::size_t sentence = 0;
    std::size_t tb = 0, te = 0;  // trigger token range
    TrigSyntax syntax = TrigSyntax::verb;
    VerbForm form = VerbForm::none;
    bool drop = false;
    bool carrier = false;       // a visit with no concrete destination: only carries the ordinal
    std::vector<Place> places;  // every location named for it (first = ev.location)
    std::vector<Participant> mediators;
    bool has_cue = false;  // a date cue of its own (even without a day)
    bool inherited_location = false;
    Attributes attrs = {};  // typed attributes (JSON only at output)
    // Evidence sentences (Event::evidence is filled at output), merged ones added.
    SmallVec<EvidenceSpan, 2> evidence = {};
};

struct Doc {
    const Article* article = nullptr;
    const Knowledge* k = nullptr;
    std::optional<std::int64_t> pub_day;  // publication day (days since epoch)
    std::vector<std::pair<std::size_t, std::size_t>> para_orig;  // original byte ranges
    std::string text;                                            // normalised
    std::string lower;                                           // ASCII-lowercased `text`
    OffsetMap map;  // normalised byte -> original byte (size text+1)
    std::vector<std::pair<std::size_t, std::size_t>> para_norm;  // normalised byte ranges
    bool normalised = false;
    std::vector<Token> toks;
    std::vector<Sentence> sents;
    std::vector<Mention> mentions;  // ordered by tb
    std::vector<Candidate> cands;
    // The participants mentions point to (stable addresses; slots reused from article
    // to article, so their strings keep their capacity). Pipeline::run resets it.
    std::deque<Participant> parts;
    std::size_t nparts = 0;

    // Scratch buffers of the stages, kept here so that their capacity survives from
    // article to article (large per-article allocations cost malloc consolidations).
    std::vector<Mention> added;        // mentions a stage adds (cleared before use)
    std::vector<std::uint32_t> order;  // coreference: `added` in token order
    // segment, for coreference's walks (TheTokens): the "the" tokens, the words outside
    // quotes that are pronouns, determiners or pair quantifiers, the capitalised words one
    // or two tokens before a people noun, in order
    std::vector<std::uint32_t> the_at, pron_at, cap_at;
    std::vector<int> ends_at, starts_at;  // events: the mention ending / starting at a token
    std::vector<std::string> merge_ids;   // merge: identity key per candidate
    std::vector<std::optional<TopicList>> sent_topics;  // attributes: per sentence
    std::vector<Candidate*> kept;                       // Pipeline::run: the output

    // The entities stage's per-token memo of its title matches (stages_entities.cpp:
    // title_at): an entry per token (at least), keeping the result for the last `end`
    // asked; an entry counts only when its `gen` is `tok_memo_gen`, the stage's run
    // (0 while it does not run), so the buffer is never cleared.
    struct TokMemo {
        std::uint32_t gen = 0;                        // the run that wrote it
        std::uint32_t title_end = 0;                  // end + 1 of the memoised call
        std::uint32_t title_len = 0, title_role = 0;  // its result (title_len 0: no title)
    };
    mutable std::vector<TokMemo> tok_memo;
    mutable std::uint32_t tok_memo_gen = 0, tok_memo_runs = 0;

    std::size_t orig(std::size_t norm_off) const {
        return norm_off < map.size() ? map[norm_off] : (map.empty() ? 0 : map.back());
    }
    // A participant record for mentions to point to, valid until the next article.
    Participant* own(Participant&& p) {
        if (nparts < parts.size())
            parts[nparts] = std::move(p);
        else
            parts.push_back(std::move(p));
        return &parts[nparts++];
    }
    // The same from its fields, assigned into a reused slot (its strings keep their capacity).
    Participant* own(std::string_view name, std::string_view kind, std::string_view role,
                     std::string_view country) {
        if (nparts == parts.size()) parts.emplace_back();
        Participant& p = parts[nparts++];
        p.name.assign(name);
        p.kind.assign(kind);
        p.role.assign(role);
        p.country.assign(country);
        return &p;
    }
    // Index of the first mention starting at or after token `t`.
    std::size_t mention_from(std::size_t t) const;
    // "MOSCOW, Jan 17 (AP) -", "AMMAN -": the capitalised words (at most three) opening the
    // article, joined by spaces, with `after` set to the token after them; empty when the
    // article does not open with a dateline word.
    std::string dateline_words(std::size_t& after) const;
    mutable std::size_t mention_hint = 0;  // mention_from's last answer (its search starts there)
};

}  // namespace herald::processors

// Everything the pipeline knows, loaded once at start-up from YAML data:
// the gazetteer (config/gazetteer/*.yaml: countries, organisations, groups,
// places, people, roles) and the extraction data (config/extraction/*.yaml:
// lexicon, trigger patterns, topics, region). Immutable after loading and
// shared by all threads.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "processors/event.hpp"
#include "processors/strmap.hpp"
#include "processors/word_table.hpp"

namespace herald::processors {

enum class EntKind : std::uint8_t { country, organisation, group, place, person };

struct CountryRec {
    std::string code, name, capital;
    bool mena = false;
};
struct OrgRec {
    std::string id, name, country;
    bool mena = false;
};
struct GroupRec {
    std::string id, name, country;
    bool mena = false;
};
struct PlaceRec {
    std::string name, country, kind;
    bool mena = false;
};
struct RoleSpan {
    std::string title;  // as in people.yaml
    std::string org;    // country code / organisation id / group id
    std::string kind;   // from roles.yaml (diplomat, head_of_state, ...) or ""
    int role = -1;      // canonical role (index into Knowledge::roles) or -1
    std::string title_lower;
    bool international = false;  // `org` is an organisation of no country (UN, EU, Arab League)
    std::int64_t from = std::numeric_limits<std::int64_t>::min();  // days since epoch
    std::int64_t to = std::numeric_limits<std::int64_t>::max();
};
struct PersonRec {
    std::string name, country;
    char gender = 0;  // 'm' | 'f' | 0
    std::vector<RoleSpan> roles;
};
struct RoleRec {
    std::string title, kind;
};

// How a surface form points at an entity.
enum class SurfKind : std::uint8_t {
    country,    // Egypt, the United States
    adjective,  // Egyptian, Houthi (countries, organisations and groups)
    metonym,    // Washington, the Kremlin
    organisation,
    group,
    place,
    person,   // full name or alias
    surname,  // the last token of a person's name (only when unambiguous in context)
};

struct Surface {
    std::vector<std::string> toks;  // as written (case-sensitive)
    SurfKind kind;
    EntKind ent;  // what the index points into
    std::uint32_t idx;
};

// The gazetteer surfaces starting with one token text, longest first. Long
// lists ("the", "al", "UN") are also split by their second token so that a
// lookup only walks the surfaces that can match there.
struct SurfStart {
    const std::vector<std::uint32_t>* all = nullptr;
    bool split = false;
    // second token -> the surfaces with that second token, then the one-token
    // ones (each in `all` order)
    StrMap<std::vector<std::uint32_t>> by_next;
    std::vector<std::uint32_t> singles;  // the one-token surfaces
    // the first bytes of the keys of by_next, a bit each: most next tokens ("the
    // talks") start with none of them, and need no hash lookup
    std::array<std::uint64_t, 4> next_first{};

    void add_next_first(unsigned char c) { next_first[c >> 6] |= std::uint64_t{1} << (c & 63); }
    bool may_be_next(std::string_view w) const {
        if (w.empty()) return false;
        const auto c = static_cast<unsigned char>(w[0]);
        return (next_first[c >> 6] >> (c & 63)) & 1;
    }

    // A subsequence of `all` holding every surface that can match when the
    // next token's text is `*next` (null: no next token).
    const std::vector<std::uint32_t>& candidates(const std::string_view* next) const {
        if (!split) return *all;
        if (!next || !may_be_next(*next)) return singles;
        const auto it = by_next.find(*next);
        return it == by_next.end() ? singles : it->second;
    }
};

// The role title phrases (Knowledge::role_phrases) starting with one lower-case word,
// longest first, with the first bytes of their second words: where the next token starts
// with none of them, only the one-word phrases at the end can match.
struct RoleStart {
    std::vector<std::uint32_t> phrases;  // indices into Knowledge::role_phrases
    std::size_t singles_from = 0;        // phrases[singles_from, end) have one word
    std::array<std::uint64_t, 4> second_first{};

    void add_second_first(unsigned char c) { second_first[c >> 6] |= std::uint64_t{1} << (c & 63); }
    bool may_be_second(std::string_view w) const {
        if (w.empty()) return false;
        const auto c = static_cast<unsigned char>(w[0]);
        return (second_first[c >> 6] >> (c & 63)) & 1;
    }
};

struct Phrase {  // lower-case token sequence; alternatives per slot; "*" = gap
    std::vector<std::vector<std::string>> slots;
};

// One expanded trigger: a token sequence with its event type and syntax.
enum class TrigSyntax : std::uint8_t { verb, noun, attached_noun, passive };
enum class VerbForm : std::uint8_t { base, third, past, ing, none };

struct Trigger {
    std::vector<std::vector<std::string>> slots;  // lower-case alternatives; {"*"} = gap
    std::uint8_t type = 0;                        // index into Knowledge::types
    TrigSyntax syntax = TrigSyntax::verb;
    VerbForm form = VerbForm::none;
};

struct EventTypeInfo {
    std::string name, category, plover_type, plover_mode, cameo;
};

// Per-word flags, looked up once per token, so hot loops test bits instead of
// hashing strings. The L*First flags gate phrase scans.
enum Lex : std::uint32_t {
    LTrigFirst = 1u << 0,
    LRoleFirst = 1u << 1,
    LSurfFirst = 1u << 2,  // lower-cased first token of some gazetteer surface
    LTopicFirst = 1u << 3,
    LRegionFirst = 1u << 4,
    LPlannedFirst = 1u << 5,
    LOngoingFirst = 1u << 6,
    LDateWord = 1u << 7,
    LNumberWord = 1u << 8,
    LOrdinal = 1u << 9,
    LCasualty = 1u << 10,
    LPronoun = 1u << 11,
    LDeterminer = 1u << 12,
    LRoleModifier = 1u << 13,
    LSkippable = 1u << 14,
    LPreposition = 1u << 15,
    LSubordinator = 1u << 16,
    LAnaphorNoun = 1u << 17,
    LNegator = 1u << 18,
    LDenialFirst = 1u << 19,
    LSpecFirst = 1u << 20,
    LPeopleNoun = 1u << 21,
    LHearsayDenial = 1u << 22,  // first word of a hearsay denial ("denied", "dismissed")
    LVerbCue = 1u << 23,        // a trigger after it reads as a verb: will, to, did, he, and, ...
    LDetBefore = 1u << 24,      // a verb form after it reads as a noun: the, a, its, 's, ...
    // gates for exact set lookups (a superset: also the first word of a phrase)
    LReportingVerb = 1u << 25,  // reporting_verbs
    LStopwordCap = 1u << 26,    // stopwords_cap, lower-cased
    // "the", pronouns, determiners, pair quantifiers and people nouns: the words the
    // segmenter lists for coreference's walks (Doc::the_at, pron_at, cap_at)
    LCorefWalk = 1u << 27,
    // "meeting", "talks": the nouns of the events stage's possessed meetings (arguments.cpp),
    // listed with the trigger words in its one pass over a sentence
    LMeetingNoun = 1u << 28,
};

// Membership of a lower-case word in the single-word lexicon sets, one bit per
// set, kept in the Token by the segmenter: `tok.sets & WPlaceNoun` is exactly
// `place_nouns.count(tok.lower)` (sets hold no word the lookup could miss).
enum WordSet : std::uint64_t {
    WPlaceNoun = 1ull << 0,
    WPreposition = 1ull << 1,
    WSubordinator = 1ull << 2,
    WRelativePronoun = 1ull << 3,
    WNameConnector = 1ull << 4,
    WVisitNoun = 1ull << 5,
    WPairAnaphor = 1ull << 6,
    WGroupAnaphor = 1ull << 7,
    WPluralPersonAnaphor = 1ull << 8,
    WPluralCountryAnaphor = 1ull << 9,
    WGuestNoun = 1ull << 10,
    WCompoundHead = 1ull << 11,
    WReportingVerb = 1ull << 12,
    WTopicNoun = 1ull << 13,
    WKillVerb = 1ull << 14,
    WGatheringNoun = 1ull << 15,
    WContactVerb = 1ull << 16,
    WReceptionVerb = 1ull << 17,
    WGatheringExclude = 1ull << 18,
    WLocativePrep = 1ull << 19,
    WNegotiationModifier = 1ull << 20,
    WAgreementNoun = 1ull << 21,
    WDemandOpener = 1ull << 22,
    WDemandSubject = 1ull << 23,
    WSpeculative = 1ull << 24,
    WUnassertedVerb = 1ull << 25,
    WHearsayDenial = 1ull << 26,
    WHearsayNoun = 1ull << 27,
    WThreatVerb = 1ull << 28,
    WPurposeHead = 1ull << 29,
    WInvitationWord = 1ull << 30,
    WInjureVerb = 1ull << 31,
    WCasualtySkip = 1ull << 32,
    WKilledWord = 1ull << 33,
    WInjuredWord = 1ull << 34,
    WWeekday = 1ull << 35,
    WMonth = 1ull << 36,
    WDenialVerb = 1ull << 37,
    WPluralGroupAnaphor = 1ull << 38,
    WPluralSideAnaphor = 1ull << 39,
    WPairQuantifier = 1ull << 40,
    WPersonDescriptor = 1ull << 41,
    WOccasionNoun = 1ull << 42,
    WAudienceNoun = 1ull << 43,
    WOutcomeNoun = 1ull << 44,
    WOutcomeVerb = 1ull << 45,
    WAttendanceWord = 1ull << 46,
    WVenueParticiple = 1ull << 47,
    WCampaignAspect = 1ull << 48,
    WPastHolderWord = 1ull << 49,
    // fixed grammar words of the events stage's trigger rules (not data; knowledge.cpp):
    WGapStop = 1ull << 50,    // a trigger's gap stops at: after, before, while, since, ...
    WTimeLead = 1ull << 51,   // a time phrase inside a trigger opens with: this, next, on, ...
    WSharedAux = 1ull << 52,  // a verb sharing the previous one's subject: then, also, was, ...
    WDelegationNoun = 1ull << 53,  // delegation, delegations, team, teams
    WCallPrep = 1ull << 54,        // "said in / during / by / over a (phone) call"
    WClauseStop = 1ull << 55,      // arguments.cpp clause_stop: during, amid, while, as, ...
    // the modality stage's fixed words (its per-sentence walks are skipped when no word
    // of the sentence has the bit) and the first words of `accountability_phrases`
    WNoSubject = 1ull << 56,     // no, nobody, none
    WConditional = 1ull << 57,   // if, unless
    WSinceWord = 1ull << 58,     // since
    WAccountFirst = 1ull << 59,  // a word opening an accountability phrase
    WVisitFirst = 1ull << 60,    // a word opening a visit noun ("visit", "to the region")
    // a finite auxiliary or modal (is, was, has, will, could, must, ...): the verb that opens
    // a clause whose subject came before it (events stage: a subjectless saying; modality:
    // a planned noun's own verb)
    WFiniteAux = 1ull << 61,
};

struct Knowledge {
    // ---- gazetteer
    std::vector<CountryRec> countries;
    std::vector<OrgRec> orgs;
    std::vector<GroupRec> groups;
    std::vector<PlaceRec> places;
    // Cities (`places` of kind city) by lower-case name: the index into `places`, or
    // kAmbiguousCity when two share the name (Tripoli, Lebanon and Tripoli, Libya).
    StrMap<std::uint32_t> city_by_name;
    static constexpr std::uint32_t kAmbiguousCity = std::numeric_limits<std::uint32_t>::max();
    // The one city named `lower` (lower case), or null when none or several are.
    const PlaceRec* city_named(std::string_view lower) const {
        const auto it = city_by_name.find(lower);
        return it == city_by_name.end() || it->second == kAmbiguousCity ? nullptr
                                                                        : &places[it->second];
    }
    std::vector<PersonRec> people;
    // The participant each country, organisation, group and person names (role empty), built
    // once at load: mentions point to these instead of copying them.
    std::vector<Participant> country_parts, org_parts, group_parts, person_parts;
    // Likewise the place each country, its capital and each place entry names.
    std::vector<Place> country_places, capital_places, place_places;
    // people by country code and by every role's org (ascending, no duplicates); a role
    // lookup for a qualifier only needs the people filed under its code or name
    StrMap<std::vector<std::uint32_t>> people_by_org;
    std::vector<RoleRec> roles;
    std::vector<Surface> surfaces;
    StrMap<std::vector<std::uint32_t>> surf_first;  // first token -> surfaces, longest first
    StrMap<SurfStart> surf_start;                   // the same, split for fast lookup
    StrMap<std::uint32_t> country_by_code;
    // The country participant of an ISO code (its `country_parts` record), or null.
    const Participant* country_of_code(std::string_view code) const {
        const auto it = country_by_code.find(code);
        return it == country_by_code.end() ? nullptr : &country_parts[it->second];
    }
    StrMap<std::uint32_t> org_by_id;
    StrMap<std::uint32_t> group_by_id;
    // Role titles (roles.yaml + lexicon titles), lower-case token sequences.
    struct RolePhrase {
        std::vector<std::string> toks;
        std::uint32_t role;
    };
    std::vector<RolePhrase> role_phrases;
    StrMap<std::uint32_t> role_by_title;  // lower-case title or alias -> canonical role
    StrMap<RoleStart> role_first;         // by first word

    // ---- lexicon (config/extraction/lexicon.yaml)
    StrSet abbreviations;
    StrSet role_modifiers, name_connectors, people_nouns, prepositions, subordinators,
        relative_pronouns, skippable, negators, denial_verbs, speculative, group_anaphors,
        plural_person_anaphors, plural_country_anaphors, plural_group_anaphors, determiners,
        locative_preps, visit_nouns, stopwords_cap, topic_nouns, hearsay_nouns, hearsay_denials,
        place_nouns, reporting_verbs, compound_heads, unasserted_verbs, purpose_heads,
        agreement_nouns, gathering_nouns, gathering_exclude, contact_verbs, threat_verbs,
        demand_openers, demand_subjects, pair_anaphors, reception_verbs, invitation_words,
        guest_nouns, negotiation_modifiers, stalled_words, copulas, aim_words, background_rounds,
        document_nouns, habitual_words, facility_nouns, org_descriptor_heads, person_descriptors,
        office_nouns, org_name_heads, addressee_on_words, past_holder_words, resident_titles,
        meeting_visit_nouns, written_channels;
    StrSet plural_side_anaphors, pair_quantifiers;  // "the two sides"; "both"
    StrSet occasion_nouns, outcome_nouns, outcome_verbs, attendance_words, audience_nouns,
        venue_participles;                       // occasion frames
    StrSet campaign_aspects;                     // "kept attacking", "began attacking"
    std::vector<Phrase> demand_modals;           // in a quote: "Hamas should accept", "must stop"
    std::vector<Phrase> accountability_phrases;  // "called for X to be brought to justice"
    std::vector<Phrase> mediation_cues;          // "carrying messages between"
    std::vector<Phrase> scope_speakers;          // region: "FIFA President X said" (MIXEDFEED.md)
    std::vector<Phrase> scope_objects;           // region: "agreed to raise output by ..."
    std::vector<Phrase> scope_sources;           // region: "..., police said" (a source)
    StrMap<char> pronouns;                       // he -> m, she -> f
    std::vector<Phrase> planned_cues, planned_next_cues, ongoing_cues, conditional_future;
    StrMap<std::vector<std::uint32_t>> planned_first;  // first word -> planned_cues indices
    StrMap<int> weekdays, months, ordinals, number_words;
    StrMap<std::vector<std::string>> state_nouns;  // "kingdom" -> [SAU, JOR, ...]
    StrMap<double> scales;
    StrMap<std::string> currencies;  // "$" -> USD, dollars -> USD
    StrSet killed_words, injured_words, kill_verbs, injure_verbs, casualty_skip;

    // "the earthquake killed": a cause that is no attacker (argument frames)
    StrSet natural_causes;
    // "Turkish rescue teams arrived in Morocco" after an earthquake: a visit whose subject has
    // a relief word, in an article naming a disaster, is aid (lexicon relief_team_words,
    // disaster_words)
    StrSet relief_team_words, disaster_words;

    // "the US president" is not the vice president: rank words that make a title a lower
    // post than the title it contains (lexicon subordinate_ranks; lower case, one or more
    // words); "the former X": the day from which the gazetteer lists a post's past holders
    // (lexicon former_holders_since; unset: no past holder is taken from it)
    std::vector<std::string> subordinate_ranks;
    std::optional<std::int64_t> former_holders_since;
    // Role kinds whose holder a title-only reference means even when the article names only
    // a subordinate ("the president" after "Vice President X" is not X; "the envoy" after
    // "deputy envoy Y" is Y): lexicon principal_kinds
    StrSet principal_kinds;

    // ---- topics and region
    struct Topic {
        std::string name;
        std::vector<std::vector<std::string>> phrases;  // lower-case tokens
    };
    std::vector<Topic> topics;
    StrSet region_members;           // ISO3 codes in the region
    std::vector<bool> region_code3;  // region_members as bits by code3_index (set at load)
    // "EGY" -> 0..17575 for three upper-case ASCII letters, else -1.
    static int code3_index(std::string_view code) {
        if (code.size() != 3) return -1;
        int i = 0;
        for (const char c : code) {
            if (c < 'A' || c > 'Z') return -1;
            i = i * 26 + (c - 'A');
        }
        return i;
    }
    std::vector<std::vector<std::string>> region_words;  // lower-case token phrases

    // ---- precision policy (config/extraction/precision.yaml, optional): kinds of
    // finished events whose pooled precision on the development sets is too low to
    // help F1 (tests/heldout/CALIBRATION.md). An event is dropped when it matches every
    // condition a rule sets; an unset condition matches anything.
    struct PrecisionRule {
        std::string type;        // event type (required)
        int location = -1;       // 0: no location, 1: a location, -1: either
        std::string actor_kind;  // "none": no actors; else every actor has this kind; "": any
        int targets = -1;        // exact number of targets, -1: any
        int dated = -1;          // 0: no date, 1: a date, -1: either
    };
    std::vector<PrecisionRule> precision_drop;

    // ---- event patterns (config/extraction/patterns.yaml)
    std::vector<EventTypeInfo> types;
    std::vector<Trigger> triggers;
    StrMap<std::vector<std::uint32_t>> trig_first;  // first token -> triggers, longest first

    // What a lower-case word is: its Lex flags and the phrase lists it starts.
    // The segmenter looks every token up once and keeps the answer in the Token.
    struct WordInfo {
        std::uint32_t flags = 0;                           // Lex bits
        std::uint64_t sets = 0;                            // WordSet bits
        const std::vector<std::uint32_t>* trig = nullptr;  // trig_first entry
        const RoleStart* role = nullptr;                   // role_first entry
        // surf_first entries whose key lower-cases to this word (case variants)
        std::vector<std::pair<std::string_view, const SurfStart*>> surf;
    };
    // word -> WordInfo; topic/region/cue phrases by first token
    StrMap<WordInfo> lex;
    WordTable<WordInfo> words;  // fast read-only view of `lex`
    StrMap<std::vector<std::pair<std::uint32_t, std::uint32_t>>> topic_first;  // (topic, phrase)
    StrMap<std::vector<std::uint32_t>> region_first;
    std::uint32_t lex_of(std::string_view lower) const {
        const WordInfo* w = word_info(lower);
        return w ? w->flags : 0u;
    }
    const WordInfo* word_info(std::string_view lower) const { return words.find(lower); }
    // Gazetteer surfaces starting with token text `text` (lower-case form
    // `lower`, its WordInfo `w`), longest first, or null.
    static const SurfStart* surfaces_at(const WordInfo& w, std::string_view text,
                                        std::string_view lower);

    int type_index(std::string_view name) const;
    bool country_in_region(std::string_view code) const {
        if (code.empty()) return false;
        if (const int i = code3_index(code); i >= 0 && !region_code3.empty())
            return region_code3[static_cast<std::size_t>(i)];
        return region_members.count(code) != 0;
    }
};

// Loads data_dir/gazetteer/*.yaml (or `gazetteer_dir` when not empty) and
// data_dir/extraction/{lexicon,patterns,topics,region}.yaml (and precision.yaml when
// present). Throws
// config::ConfigError with file:line:col on malformed data.
std::shared_ptr<const Knowledge> load_knowledge(const std::string& data_dir,
                                                const std::string& gazetteer_dir);

}  // namespace herald::processors

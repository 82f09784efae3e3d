#include "processors/knowledge.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <type_traits>

#include "common/text.hpp"
#include "common/time.hpp"
#include "config/diagnostics.hpp"
#include "config/reader.hpp"
#include "processors/text.hpp"

namespace herald::processors {

namespace fs = std::filesystem;

int Knowledge::type_index(std::string_view name) const {
    for (std::size_t i = 0; i < types.size(); ++i)
        if (types[i].name == name) return static_cast<int>(i);
    return -1;
}

namespace {

// Token texts of a phrase, tokenised exactly like article text.
std::vector<std::string> phrase_tokens(std::string_view s, bool lower) {
    NormaliseOptions o;
    const Normalised n = normalise(s, 0, o);
    const std::string low = ascii_lower(n.text);
    std::vector<Token> toks;
    tokenize(n.text, low, 0, n.text.size(), toks);
    std::vector<std::string> out;
    out.reserve(toks.size());
    for (const auto& t : toks) out.emplace_back(lower ? t.lower : t.text);
    return out;
}

YAML::Node load_yaml(const std::string& path, config::DiagnosticSink& sink) {
    try {
        return YAML::LoadFile(path);
    } catch (const YAML::ParserException& e) {
        sink.error(e.mark.line + 1, e.mark.column + 1, e.msg);
    } catch (const YAML::BadFile&) {
        sink.error(0, 0, "cannot open data file");
    } catch (const YAML::Exception& e) {
        sink.error(0, 0, e.what());
    }
    sink.throw_if_errors();
    return {};
}

std::string get_str(const YAML::Node& n, const char* key, config::DiagnosticSink& sink,
                    bool required) {
    const YAML::Node v = n[key];
    if (!v || v.IsNull()) {
        if (required) sink.error(n, std::string("missing '") + key + "'");
        return {};
    }
    if (!v.IsScalar()) {
        sink.error(v, std::string("'") + key + "' must be a string");
        return {};
    }
    return v.Scalar();
}

std::vector<std::string> get_list(const YAML::Node& n, const char* key,
                                  config::DiagnosticSink& sink) {
    std::vector<std::string> out;
    const YAML::Node v = key ? n[key] : n;
    if (!v || v.IsNull()) return out;
    if (v.IsScalar()) {
        out.push_back(v.Scalar());
        return out;
    }
    if (!v.IsSequence()) {
        sink.error(v, std::string("'") + (key ? key : "value") + "' must be a list of strings");
        return out;
    }
    for (const auto& e : v) {
        if (e.IsScalar())
            out.push_back(e.Scalar());
        else if (!e.IsNull())
            sink.error(e, "expected a string");
    }
    return out;
}

std::optional<std::int64_t> parse_day(const std::string& s) {
    if (s.size() < 4) return std::nullopt;
    auto t = parse_iso8601(s.size() == 4 ? s + "-01-01" : (s.size() == 7 ? s + "-01" : s));
    if (!t) return std::nullopt;
    return *t / 86400;
}

class Builder {
  public:
    explicit Builder(Knowledge& k) : k_(k) {}

    void surface(std::string_view text, SurfKind kind, EntKind ent, std::size_t idx) {
        if (trim(text).empty()) return;
        Surface s;
        s.toks = phrase_tokens(text, false);
        if (s.toks.empty()) return;
        s.kind = kind;
        s.ent = ent;
        s.idx = static_cast<std::uint32_t>(idx);
        // "UN Development Programme" is also written "U.N. Development Programme" (and
        // the other way round; the same for US / U.S.)
        if (s.toks.size() > 1) {
            Surface v = s;
            bool changed = false;
            for (std::string& w : v.toks) {
                if (w == "UN")
                    w = "U.N.", changed = true;
                else if (w == "U.N.")
                    w = "UN", changed = true;
                else if (w == "US")
                    w = "U.S.", changed = true;
                else if (w == "U.S.")
                    w = "US", changed = true;
            }
            if (changed) k_.surfaces.push_back(std::move(v));
        }
        k_.surfaces.push_back(std::move(s));
    }

    void role_phrase(std::string_view text, std::size_t role) {
        Knowledge::RolePhrase p;
        p.toks = phrase_tokens(text, true);
        if (p.toks.empty()) return;
        p.role = static_cast<std::uint32_t>(role);
        k_.role_phrases.push_back(std::move(p));
    }

    void index() {
        // Deduplicate surfaces that point at the same thing.
        for (std::uint32_t i = 0; i < k_.surfaces.size(); ++i)
            k_.surf_first[k_.surfaces[i].toks[0]].push_back(i);
        for (auto& [key, v] : k_.surf_first) {
            std::stable_sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) {
                return k_.surfaces[a].toks.size() > k_.surfaces[b].toks.size();
            });
        }
        for (std::uint32_t i = 0; i < k_.role_phrases.size(); ++i)
            k_.role_first[k_.role_phrases[i].toks[0]].phrases.push_back(i);
        for (auto& [key, rs] : k_.role_first) {
            auto& v = rs.phrases;
            std::stable_sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) {
                return k_.role_phrases[a].toks.size() > k_.role_phrases[b].toks.size();
            });
            rs.singles_from = v.size();
            for (std::size_t x = 0; x < v.size(); ++x) {
                const auto& toks = k_.role_phrases[v[x]].toks;
                if (toks.size() == 1) {
                    rs.singles_from = x;  // (the one-word phrases come last)
                    break;
                }
                if (!toks[1].empty()) rs.add_second_first(static_cast<unsigned char>(toks[1][0]));
            }
        }
    }

  private:
    Knowledge& k_;
};

bool is_mena(const YAML::Node& n) {
    const YAML::Node r = n["region"];
    return r && r.IsScalar() && r.Scalar() == "mena";
}

void load_gazetteer_file(const std::string& path, Knowledge& k, Builder& b,
                         StrMap<std::string>& role_kind_by_title) {
    config::DiagnosticSink sink(path);
    const YAML::Node root = load_yaml(path, sink);
    if (!root.IsMap()) {
        if (!root.IsNull()) sink.error(root, "expected a mapping at the top");
        sink.throw_if_errors();
        return;
    }
    auto seq = [&](const char* key) -> YAML::Node {
        const YAML::Node n = root[key];
        if (!n || n.IsNull()) return YAML::Node();
        if (!n.IsSequence()) {
            sink.error(n, std::string("'") + key + "' must be a list");
            return YAML::Node();
        }
        return n;
    };
    if (auto n = seq("countries")) {
        for (const auto& e : n) {
            CountryRec c;
            c.code = get_str(e, "code", sink, true);
            c.name = get_str(e, "name", sink, true);
            c.capital = get_str(e, "capital", sink, false);
            if (c.code.empty() || c.name.empty()) continue;
            c.mena = is_mena(e);
            const std::size_t idx = k.countries.size();
            k.country_by_code.emplace(c.code, static_cast<std::uint32_t>(idx));
            b.surface(c.name, SurfKind::country, EntKind::country, idx);
            for (const auto& a : get_list(e, "aliases", sink))
                b.surface(a, SurfKind::country, EntKind::country, idx);
            for (const auto& a : get_list(e, "adjectives", sink))
                b.surface(a, SurfKind::adjective, EntKind::country, idx);
            for (const auto& a : get_list(e, "metonyms", sink))
                b.surface(a, SurfKind::metonym, EntKind::country, idx);
            k.countries.push_back(std::move(c));
        }
    }
    if (auto n = seq("organisations")) {
        for (const auto& e : n) {
            OrgRec o;
            o.id = get_str(e, "id", sink, true);
            o.name = get_str(e, "name", sink, true);
            o.country = get_str(e, "country", sink, false);
            if (o.name.empty()) continue;
            o.mena = is_mena(e);
            const std::size_t idx = k.orgs.size();
            if (!o.id.empty()) k.org_by_id.emplace(o.id, static_cast<std::uint32_t>(idx));
            b.surface(o.name, SurfKind::organisation, EntKind::organisation, idx);
            for (const auto& a : get_list(e, "aliases", sink))
                b.surface(a, SurfKind::organisation, EntKind::organisation, idx);
            for (const auto& a : get_list(e, "adjectives", sink))
                b.surface(a, SurfKind::adjective, EntKind::organisation, idx);
            for (const auto& a : get_list(e, "metonyms", sink))
                b.surface(a, SurfKind::metonym, EntKind::organisation, idx);
            k.orgs.push_back(std::move(o));
        }
    }
    if (auto n = seq("groups")) {
        for (const auto& e : n) {
            GroupRec g;
            g.id = get_str(e, "id", sink, false);
            g.name = get_str(e, "name", sink, true);
            g.country = get_str(e, "country", sink, false);
            if (g.name.empty()) continue;
            g.mena = is_mena(e);
            const std::size_t idx = k.groups.size();
            if (!g.id.empty()) k.group_by_id.emplace(g.id, static_cast<std::uint32_t>(idx));
            b.surface(g.name, SurfKind::group, EntKind::group, idx);
            for (const auto& a : get_list(e, "aliases", sink))
                b.surface(a, SurfKind::group, EntKind::group, idx);
            for (const auto& a : get_list(e, "adjectives", sink))
                b.surface(a, SurfKind::adjective, EntKind::group, idx);
            k.groups.push_back(std::move(g));
        }
    }
    if (auto n = seq("places")) {
        for (const auto& e : n) {
            PlaceRec p;
            if (!e.IsMap()) {
                sink.error(e, "a place must be a mapping");
                continue;
            }
            p.name = get_str(e, "name", sink, true);
            p.country = get_str(e, "country", sink, false);
            p.kind = get_str(e, "kind", sink, false);
            if (p.name.empty()) continue;
            p.mena = is_mena(e);
            const std::size_t idx = k.places.size();
            if (p.kind == "city") {
                const auto [it, fresh] =
                    k.city_by_name.emplace(ascii_lower(p.name), static_cast<std::uint32_t>(idx));
                if (!fresh) it->second = Knowledge::kAmbiguousCity;
            }
            b.surface(p.name, SurfKind::place, EntKind::place, idx);
            for (const auto& a : get_list(e, "aliases", sink))
                b.surface(a, SurfKind::place, EntKind::place, idx);
            k.places.push_back(std::move(p));
        }
    }
    if (auto n = seq("roles")) {
        for (const auto& e : n) {
            RoleRec r;
            r.title = get_str(e, "title", sink, true);
            r.kind = get_str(e, "kind", sink, false);
            if (r.title.empty()) continue;
            const std::size_t idx = k.roles.size();
            role_kind_by_title[ascii_lower(r.title)] = r.kind;
            k.role_by_title.emplace(ascii_lower(r.title), static_cast<std::uint32_t>(idx));
            b.role_phrase(r.title, idx);
            for (const auto& a : get_list(e, "aliases", sink)) {
                b.role_phrase(a, idx);
                role_kind_by_title.emplace(ascii_lower(a), r.kind);
                k.role_by_title.emplace(ascii_lower(a), static_cast<std::uint32_t>(idx));
            }
            k.roles.push_back(std::move(r));
        }
    }
    if (auto n = seq("people")) {
        for (const auto& e : n) {
            PersonRec p;
            p.name = get_str(e, "name", sink, true);
            p.country = get_str(e, "country", sink, false);
            const std::string g = get_str(e, "gender", sink, false);
            p.gender = g.empty() ? '\0' : g[0];
            if (p.name.empty()) continue;
            if (const YAML::Node roles = e["roles"]; roles && roles.IsSequence()) {
                for (const auto& r : roles) {
                    RoleSpan s;
                    s.title = get_str(r, "title", sink, false);
                    s.org = get_str(r, "org", sink, false);
                    if (s.org.empty()) s.org = get_str(r, "group", sink, false);
                    if (auto f = parse_day(get_str(r, "from", sink, false))) s.from = *f;
                    if (auto t = parse_day(get_str(r, "to", sink, false))) s.to = *t;
                    p.roles.push_back(std::move(s));
                }
            }
            const std::size_t idx = k.people.size();
            b.surface(p.name, SurfKind::person, EntKind::person, idx);
            const auto toks = phrase_tokens(p.name, false);
            if (toks.size() > 1) b.surface(toks.back(), SurfKind::surname, EntKind::person, idx);
            for (const auto& a : get_list(e, "aliases", sink)) {
                b.surface(a, SurfKind::person, EntKind::person, idx);
                // the last word of a full-name variant works as a surname too
                const auto at = phrase_tokens(a, false);
                // ("King Abdullah II of Jordan": "Jordan" is the country, no surname)
                if (at.size() > 2 && ascii_lower(at[at.size() - 2]) == "of") continue;
                if (at.size() > 1 && at.back() != toks.back() && at.back().size() > 2)
                    b.surface(at.back(), SurfKind::surname, EntKind::person, idx);
            }
            k.people.push_back(std::move(p));
        }
    }
    sink.throw_if_errors();
}

// ---- extraction data

void fill_set(StrSet& out, const std::vector<std::string>& words) {
    for (const auto& w : words) out.insert(ascii_lower(w));
}

std::vector<Phrase> phrases(const std::vector<std::string>& words) {
    std::vector<Phrase> out;
    for (const auto& w : words) {
        Phrase p;
        for (const auto& t : phrase_tokens(w, true)) p.slots.push_back({t});
        if (!p.slots.empty()) out.push_back(std::move(p));
    }
    return out;
}

template <class T>
void fill_map(StrMap<T>& out, const YAML::Node& n, config::DiagnosticSink& sink) {
    if (!n || n.IsNull()) return;
    if (!n.IsMap()) {
        sink.error(n, "expected a mapping");
        return;
    }
    for (const auto& kv : n) {
        try {
            out[ascii_lower(kv.first.as<std::string>())] = kv.second.as<T>();
        } catch (const YAML::Exception&) {
            sink.error(kv.second, "wrong value type");
        }
    }
}

void check_keys(const YAML::Node& n, std::initializer_list<const char*> known,
                config::DiagnosticSink& sink) {
    if (!n.IsMap()) return;
    for (const auto& kv : n) {
        const std::string key = kv.first.as<std::string>();
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
            sink.error(kv.first, "unknown key '" + key + "'");
    }
}

void load_lexicon(const std::string& path, Knowledge& k, Builder& b,
                  StrMap<std::string>& role_kind_by_title) {
    config::DiagnosticSink sink(path);
    const YAML::Node r = load_yaml(path, sink);
    check_keys(r,
               {"abbreviations",
                "role_modifiers",
                "titles",
                "name_connectors",
                "stopwords_cap",
                "people_nouns",
                "pronouns",
                "group_anaphors",
                "plural_person_anaphors",
                "plural_country_anaphors",
                "plural_group_anaphors",
                "plural_side_anaphors",
                "pair_quantifiers",
                "determiners",
                "prepositions",
                "locative_preps",
                "topic_nouns",
                "hearsay_nouns",
                "hearsay_denials",
                "unasserted_verbs",
                "purpose_heads",
                "agreement_nouns",
                "state_nouns",
                "place_nouns",
                "reporting_verbs",
                "compound_heads",
                "gathering_nouns",
                "gathering_exclude",
                "contact_verbs",
                "threat_verbs",
                "demand_modals",
                "demand_openers",
                "demand_subjects",
                "pair_anaphors",
                "reception_verbs",
                "invitation_words",
                "guest_nouns",
                "negotiation_modifiers",
                "accountability_phrases",
                "stalled_words",
                "copulas",
                "aim_words",
                "background_rounds",
                "document_nouns",
                "habitual_words",
                "natural_causes",
                "relief_team_words",
                "disaster_words",
                "facility_nouns",
                "past_holder_words",
                "resident_titles",
                "meeting_visit_nouns",
                "written_channels",
                "subordinate_ranks",
                "principal_kinds",
                "former_holders_since",
                "occasion_nouns",
                "outcome_nouns",
                "outcome_verbs",
                "attendance_words",
                "audience_nouns",
                "venue_participles",
                "campaign_aspects",
                "org_descriptor_heads",
                "person_descriptors",
                "office_nouns",
                "org_name_heads",
                "addressee_on_words",
                "mediation_cues",
                "scope_speakers",
                "scope_objects",
                "scope_sources",
                "subordinators",
                "relative_pronouns",
                "skippable",
                "planned",
                "planned_next",
                "ongoing",
                "speculative",
                "negators",
                "denial_verbs",
                "weekdays",
                "months",
                "ordinals",
                "visit_nouns",
                "number_words",
                "scales",
                "currencies",
                "casualties"},
               sink);
    for (const auto& a : get_list(r, "abbreviations", sink)) {
        std::string l = ascii_lower(a);
        while (!l.empty() && l.back() == '.') l.pop_back();
        k.abbreviations.insert(l);
    }
    fill_set(k.role_modifiers, get_list(r, "role_modifiers", sink));
    if (const YAML::Node t = r["titles"]; t && t.IsSequence()) {
        for (const auto& e : t) {
            RoleRec rr;
            rr.title = get_str(e, "title", sink, true);
            rr.kind = get_str(e, "kind", sink, false);
            if (rr.title.empty()) continue;
            role_kind_by_title.emplace(ascii_lower(rr.title), rr.kind);
            k.role_by_title.emplace(ascii_lower(rr.title),
                                    static_cast<std::uint32_t>(k.roles.size()));
            b.role_phrase(rr.title, k.roles.size());
            k.roles.push_back(std::move(rr));
        }
    }
    fill_set(k.name_connectors, get_list(r, "name_connectors", sink));
    for (const auto& w : get_list(r, "stopwords_cap", sink)) k.stopwords_cap.insert(w);
    fill_set(k.people_nouns, get_list(r, "people_nouns", sink));
    fill_map(k.pronouns, r["pronouns"], sink);
    fill_set(k.group_anaphors, get_list(r, "group_anaphors", sink));
    fill_set(k.plural_person_anaphors, get_list(r, "plural_person_anaphors", sink));
    fill_set(k.plural_country_anaphors, get_list(r, "plural_country_anaphors", sink));
    fill_set(k.plural_group_anaphors, get_list(r, "plural_group_anaphors", sink));
    fill_set(k.plural_side_anaphors, get_list(r, "plural_side_anaphors", sink));
    fill_set(k.pair_quantifiers, get_list(r, "pair_quantifiers", sink));
    fill_set(k.determiners, get_list(r, "determiners", sink));
    fill_set(k.prepositions, get_list(r, "prepositions", sink));
    fill_set(k.locative_preps, get_list(r, "locative_preps", sink));
    fill_set(k.topic_nouns, get_list(r, "topic_nouns", sink));
    fill_set(k.hearsay_nouns, get_list(r, "hearsay_nouns", sink));
    fill_set(k.place_nouns, get_list(r, "place_nouns", sink));
    fill_set(k.compound_heads, get_list(r, "compound_heads", sink));
    fill_set(k.gathering_nouns, get_list(r, "gathering_nouns", sink));
    fill_set(k.gathering_exclude, get_list(r, "gathering_exclude", sink));
    fill_set(k.contact_verbs, get_list(r, "contact_verbs", sink));
    fill_set(k.threat_verbs, get_list(r, "threat_verbs", sink));
    if (r["demand_modals"]) k.demand_modals = phrases(get_list(r, "demand_modals", sink));
    if (r["accountability_phrases"])
        k.accountability_phrases = phrases(get_list(r, "accountability_phrases", sink));
    fill_set(k.stalled_words, get_list(r, "stalled_words", sink));
    fill_set(k.copulas, get_list(r, "copulas", sink));
    fill_set(k.aim_words, get_list(r, "aim_words", sink));
    if (r["mediation_cues"]) k.mediation_cues = phrases(get_list(r, "mediation_cues", sink));
    if (r["scope_speakers"]) k.scope_speakers = phrases(get_list(r, "scope_speakers", sink));
    if (r["scope_objects"]) k.scope_objects = phrases(get_list(r, "scope_objects", sink));
    if (r["scope_sources"]) k.scope_sources = phrases(get_list(r, "scope_sources", sink));
    fill_set(k.background_rounds, get_list(r, "background_rounds", sink));
    fill_set(k.document_nouns, get_list(r, "document_nouns", sink));
    fill_set(k.habitual_words, get_list(r, "habitual_words", sink));
    fill_set(k.natural_causes, get_list(r, "natural_causes", sink));
    fill_set(k.relief_team_words, get_list(r, "relief_team_words", sink));
    fill_set(k.disaster_words, get_list(r, "disaster_words", sink));
    fill_set(k.demand_openers, get_list(r, "demand_openers", sink));
    fill_set(k.negotiation_modifiers, get_list(r, "negotiation_modifiers", sink));
    fill_set(k.guest_nouns, get_list(r, "guest_nouns", sink));
    fill_set(k.facility_nouns, get_list(r, "facility_nouns", sink));
    fill_set(k.past_holder_words, get_list(r, "past_holder_words", sink));
    for (const auto& w : get_list(r, "subordinate_ranks", sink))
        if (!trim(w).empty()) k.subordinate_ranks.push_back(ascii_lower(trim(w)));
    fill_set(k.principal_kinds, get_list(r, "principal_kinds", sink));
    if (const YAML::Node f = r["former_holders_since"]; f) {
        k.former_holders_since = parse_day(f.as<std::string>(""));
        if (!k.former_holders_since) sink.error(f, "expected a date (YYYY-MM-DD)");
    }
    fill_set(k.occasion_nouns, get_list(r, "occasion_nouns", sink));
    fill_set(k.outcome_nouns, get_list(r, "outcome_nouns", sink));
    fill_set(k.outcome_verbs, get_list(r, "outcome_verbs", sink));
    fill_set(k.audience_nouns, get_list(r, "audience_nouns", sink));
    fill_set(k.venue_participles, get_list(r, "venue_participles", sink));
    fill_set(k.campaign_aspects, get_list(r, "campaign_aspects", sink));
    fill_set(k.attendance_words, get_list(r, "attendance_words", sink));
    fill_set(k.org_descriptor_heads, get_list(r, "org_descriptor_heads", sink));
    fill_set(k.person_descriptors, get_list(r, "person_descriptors", sink));
    fill_set(k.office_nouns, get_list(r, "office_nouns", sink));
    fill_set(k.org_name_heads, get_list(r, "org_name_heads", sink));
    fill_set(k.addressee_on_words, get_list(r, "addressee_on_words", sink));
    fill_set(k.invitation_words, get_list(r, "invitation_words", sink));
    fill_set(k.reception_verbs, get_list(r, "reception_verbs", sink));
    fill_set(k.resident_titles, get_list(r, "resident_titles", sink));
    fill_set(k.meeting_visit_nouns, get_list(r, "meeting_visit_nouns", sink));
    fill_set(k.written_channels, get_list(r, "written_channels", sink));
    fill_set(k.pair_anaphors, get_list(r, "pair_anaphors", sink));
    fill_set(k.demand_subjects, get_list(r, "demand_subjects", sink));
    fill_set(k.reporting_verbs, get_list(r, "reporting_verbs", sink));
    fill_set(k.hearsay_denials, get_list(r, "hearsay_denials", sink));
    fill_set(k.unasserted_verbs, get_list(r, "unasserted_verbs", sink));
    fill_set(k.purpose_heads, get_list(r, "purpose_heads", sink));
    fill_set(k.agreement_nouns, get_list(r, "agreement_nouns", sink));
    fill_set(k.subordinators, get_list(r, "subordinators", sink));
    fill_set(k.relative_pronouns, get_list(r, "relative_pronouns", sink));
    fill_set(k.skippable, get_list(r, "skippable", sink));
    k.planned_cues = phrases(get_list(r, "planned", sink));
    k.planned_next_cues = phrases(get_list(r, "planned_next", sink));
    k.ongoing_cues = phrases(get_list(r, "ongoing", sink));
    {
        // speculative: single words go to a set, phrases are matched as cues
        for (const auto& w : get_list(r, "speculative", sink)) k.speculative.insert(ascii_lower(w));
    }
    fill_set(k.negators, get_list(r, "negators", sink));
    fill_set(k.denial_verbs, get_list(r, "denial_verbs", sink));
    fill_map(k.weekdays, r["weekdays"], sink);
    fill_map(k.months, r["months"], sink);
    fill_map(k.ordinals, r["ordinals"], sink);
    fill_map(k.state_nouns, r["state_nouns"], sink);
    fill_set(k.visit_nouns, get_list(r, "visit_nouns", sink));
    fill_map(k.number_words, r["number_words"], sink);
    fill_map(k.scales, r["scales"], sink);
    if (const YAML::Node c = r["currencies"]; c && c.IsMap()) {
        for (const auto& kv : c) {
            const std::string key = kv.first.as<std::string>();
            k.currencies[key] = kv.second.as<std::string>();
            k.currencies[ascii_lower(key)] = kv.second.as<std::string>();
        }
    }
    if (const YAML::Node c = r["casualties"]; c) {
        check_keys(c, {"killed", "injured", "kill_verbs", "injure_verbs", "skip"}, sink);
        fill_set(k.killed_words, get_list(c, "killed", sink));
        fill_set(k.injured_words, get_list(c, "injured", sink));
        fill_set(k.kill_verbs, get_list(c, "kill_verbs", sink));
        fill_set(k.injure_verbs, get_list(c, "injure_verbs", sink));
        fill_set(k.casualty_skip, get_list(c, "skip", sink));
    }
    sink.throw_if_errors();
}

// ---- verb forms

bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool doubles(const std::string& v) {
    // Short consonant-vowel-consonant verbs double the final consonant (stop -> stopped).
    const std::size_t n = v.size();
    if (n < 3 || n > 4) return false;
    const char a = v[n - 3], b = v[n - 2], c = v[n - 1];
    return !vowel(a) && vowel(b) && !vowel(c) && c != 'w' && c != 'x' && c != 'y' &&
           !(n == 4 && vowel(v[0]) == false && vowel(v[1]) && vowel(v[2]));
}

std::string third(const std::string& v) {
    const std::size_t n = v.size();
    if (n >= 2 && v[n - 1] == 'y' && !vowel(v[n - 2])) return v.substr(0, n - 1) + "ies";
    if (v.ends_with("s") || v.ends_with("x") || v.ends_with("z") || v.ends_with("ch") ||
        v.ends_with("sh") || v.ends_with("o"))
        return v + "es";
    return v + "s";
}

// An irregular form listed for verb `v` is its third person singular when it ends in "s"
// and keeps the verb's first letter ("does", "has", "commits"); "was" ends in "s" too but is
// the past of "be".
bool is_irregular_third(const std::string& v, const std::string& f) {
    return f != v && !v.empty() && f.size() > 1 && f.ends_with("s") && !f.ends_with("ss") &&
           f[0] == v[0];
}

std::string past(const std::string& v) {
    const std::size_t n = v.size();
    if (v.ends_with("e")) return v + "d";
    if (n >= 2 && v[n - 1] == 'y' && !vowel(v[n - 2])) return v.substr(0, n - 1) + "ied";
    if (doubles(v)) return v + v.back() + "ed";
    return v + "ed";
}

std::string ing(const std::string& v) {
    if (v.ends_with("ie")) return v.substr(0, v.size() - 2) + "ying";
    if (v.ends_with("e") && !v.ends_with("ee") && !v.ends_with("ye") && !v.ends_with("oe") &&
        v.size() > 2)
        return v.substr(0, v.size() - 1) + "ing";
    if (doubles(v)) return v + v.back() + "ing";
    return v + "ing";
}

std::vector<std::string> alternatives(const std::string& slot) {
    std::vector<std::string> out;
    for (auto part : split(slot, '|')) {
        part = trim(part);
        if (!part.empty()) out.emplace_back(ascii_lower(part));
    }
    return out;
}

// "hold talks|meeting with" -> slots; the words of each slot tokenised like text.
std::vector<std::vector<std::string>> parse_phrase(const std::string& phrase) {
    std::vector<std::vector<std::string>> slots;
    for (auto word : split(phrase, ' ')) {
        word = trim(word);
        if (word.empty()) continue;
        if (word == "*") {
            slots.push_back({"*"});
            continue;
        }
        // Tokenise each alternative; "-mediated" gives two tokens.
        std::vector<std::vector<std::string>> alt_toks;
        std::size_t max_len = 0;
        for (const auto& alt : alternatives(std::string(word))) {
            auto t = phrase_tokens(alt, true);
            max_len = std::max(max_len, t.size());
            alt_toks.push_back(std::move(t));
        }
        std::size_t singles = 0;
        for (auto& t : alt_toks) singles += t.size() == 1;
        if (max_len <= 1 || singles > 0) {
            std::vector<std::string> s;
            for (auto& t : alt_toks)
                if (t.size() == 1) s.push_back(t[0]);
            slots.push_back(std::move(s));
        } else {
            // multi-token word (hyphenated): only the first alternative, token by token
            for (const auto& t : alt_toks[0]) slots.push_back({t});
        }
    }
    return slots;
}

void load_patterns(const std::string& path, Knowledge& k) {
    config::DiagnosticSink sink(path);
    const YAML::Node r = load_yaml(path, sink);
    check_keys(r, {"irregular", "types", "patterns"}, sink);
    StrMap<std::vector<std::string>> irregular;
    if (const YAML::Node irr = r["irregular"]; irr && irr.IsMap())
        for (const auto& kv : irr)
            irregular[ascii_lower(kv.first.as<std::string>())] = get_list(kv.second, nullptr, sink);
    const YAML::Node types = r["types"];
    if (!types || !types.IsMap()) {
        sink.error(r, "missing 'types' mapping");
        sink.throw_if_errors();
    }
    for (const auto& kv : types) {
        EventTypeInfo t;
        t.name = kv.first.as<std::string>();
        check_keys(kv.second, {"category", "plover", "mode", "cameo"}, sink);
        t.category = get_str(kv.second, "category", sink, true);
        t.plover_type = get_str(kv.second, "plover", sink, true);
        t.plover_mode = get_str(kv.second, "mode", sink, false);
        t.cameo = get_str(kv.second, "cameo", sink, true);
        if (t.category != "diplomacy" && t.category != "conflict")
            sink.error(kv.second["category"], "category must be diplomacy or conflict");
        k.types.push_back(std::move(t));
    }
    const YAML::Node pats = r["patterns"];
    if (pats && pats.IsMap()) {
        for (const auto& kv : pats) {
            const int ti = k.type_index(kv.first.as<std::string>());
            if (ti < 0) {
                sink.error(kv.first, "unknown event type '" + kv.first.as<std::string>() +
                                         "' (declare it under types)");
                continue;
            }
            check_keys(kv.second, {"verbs", "nouns", "attached_nouns", "passives"}, sink);
            auto add = [&](const std::string& phrase, TrigSyntax syn) {
                auto slots = parse_phrase(phrase);
                if (slots.empty() || slots[0][0] == "*") return;
                if (syn != TrigSyntax::verb) {
                    Trigger t;
                    t.slots = slots;
                    t.type = static_cast<std::uint8_t>(ti);
                    t.syntax = syn;
                    k.triggers.push_back(std::move(t));
                    return;
                }
                std::vector<std::string> base, thirds, pasts, ings;
                for (const auto& v : slots[0]) {
                    base.push_back(v);
                    thirds.push_back(third(v));
                    ings.push_back(ing(v));
                    auto it = irregular.find(v);
                    if (it != irregular.end()) {
                        for (const auto& f : it->second) {
                            const std::string lf = ascii_lower(f);
                            if (lf.ends_with("ing"))
                                ings.push_back(lf);
                            else if (is_irregular_third(v, lf))
                                thirds.push_back(lf);
                            else
                                pasts.push_back(lf);
                        }
                    } else {
                        pasts.push_back(past(v));
                    }
                }
                const std::pair<std::vector<std::string>*, VerbForm> forms[] = {
                    {&base, VerbForm::base},
                    {&thirds, VerbForm::third},
                    {&pasts, VerbForm::past},
                    {&ings, VerbForm::ing}};
                for (const auto& [f, form] : forms) {
                    if (f->empty()) continue;
                    Trigger t;
                    t.slots = slots;
                    t.slots[0] = *f;
                    t.type = static_cast<std::uint8_t>(ti);
                    t.syntax = TrigSyntax::verb;
                    t.form = form;
                    k.triggers.push_back(std::move(t));
                }
            };
            for (const auto& p : get_list(kv.second, "verbs", sink)) add(p, TrigSyntax::verb);
            for (const auto& p : get_list(kv.second, "nouns", sink)) add(p, TrigSyntax::noun);
            for (const auto& p : get_list(kv.second, "attached_nouns", sink))
                add(p, TrigSyntax::attached_noun);
            for (const auto& p : get_list(kv.second, "passives", sink)) add(p, TrigSyntax::passive);
        }
    }
    sink.throw_if_errors();
    for (std::uint32_t i = 0; i < k.triggers.size(); ++i)
        for (const auto& w : k.triggers[i].slots[0]) {
            auto& v = k.trig_first[w];
            if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
        }
    for (auto& [key, v] : k.trig_first)
        std::stable_sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) {
            return k.triggers[a].slots.size() > k.triggers[b].slots.size();
        });
}

void load_topics(const std::string& path, Knowledge& k) {
    config::DiagnosticSink sink(path);
    const YAML::Node r = load_yaml(path, sink);
    check_keys(r, {"topics"}, sink);
    if (const YAML::Node t = r["topics"]; t && t.IsMap()) {
        for (const auto& kv : t) {
            Knowledge::Topic topic;
            topic.name = kv.first.as<std::string>();
            for (const auto& w : get_list(kv.second, nullptr, sink)) {
                auto toks = phrase_tokens(w, true);
                if (!toks.empty()) topic.phrases.push_back(std::move(toks));
            }
            k.topics.push_back(std::move(topic));
        }
    } else {
        sink.error(r, "missing 'topics' mapping");
    }
    sink.throw_if_errors();
}

void load_region(const std::string& path, Knowledge& k) {
    config::DiagnosticSink sink(path);
    const YAML::Node r = load_yaml(path, sink);
    check_keys(r, {"region"}, sink);
    const YAML::Node reg = r["region"];
    if (!reg || !reg.IsMap()) {
        sink.error(r, "missing 'region' mapping");
        sink.throw_if_errors();
    }
    check_keys(reg, {"name", "members", "words"}, sink);
    for (const auto& c : get_list(reg, "members", sink)) k.region_members.insert(c);
    for (const auto& w : get_list(reg, "words", sink)) {
        auto toks = phrase_tokens(w, true);
        if (!toks.empty()) k.region_words.push_back(std::move(toks));
    }
    sink.throw_if_errors();
}

// precision.yaml: `precision: {drop: [{type: attack, location: false}, ...]}`.
void load_precision(const std::string& path, Knowledge& k) {
    config::DiagnosticSink sink(path);
    const YAML::Node r = load_yaml(path, sink);
    check_keys(r, {"precision"}, sink);
    const YAML::Node pr = r["precision"];
    if (!pr || !pr.IsMap()) {
        sink.error(r, "missing 'precision' mapping");
        sink.throw_if_errors();
    }
    check_keys(pr, {"drop"}, sink);
    const YAML::Node drop = pr["drop"];
    if (drop && !drop.IsNull() && !drop.IsSequence()) sink.error(drop, "'drop' must be a list");
    if (drop && drop.IsSequence()) {
        config::Reader read(sink);
        // true / false, or -1 when the condition is not set
        auto flag = [&](const YAML::Node& n, const char* key) {
            if (!n[key] || n[key].IsNull()) return -1;
            bool v = false;
            read.boolean(n, key, v);
            return v ? 1 : 0;
        };
        for (const auto& e : drop) {
            if (!e.IsMap()) {
                sink.error(e, "a precision rule must be a mapping");
                continue;
            }
            check_keys(e, {"type", "location", "actor_kind", "targets", "dated"}, sink);
            Knowledge::PrecisionRule rule;
            rule.type = get_str(e, "type", sink, true);
            if (!rule.type.empty() && k.type_index(rule.type) < 0)
                sink.error(e["type"], "unknown event type '" + rule.type + "'");
            rule.location = flag(e, "location");
            rule.dated = flag(e, "dated");
            rule.actor_kind = get_str(e, "actor_kind", sink, false);
            static const char* const kinds[] = {"none", "person", "country", "organisation",
                                                "group"};
            if (!rule.actor_kind.empty() &&
                std::none_of(std::begin(kinds), std::end(kinds),
                             [&](const char* x) { return rule.actor_kind == x; }))
                sink.error(e["actor_kind"], "unknown actor kind '" + rule.actor_kind + "'");
            if (e["targets"] && !e["targets"].IsNull())
                read.integer(e, "targets", rule.targets, 0, 99);
            k.precision_drop.push_back(std::move(rule));
        }
    }
    sink.throw_if_errors();
}

}  // namespace

std::shared_ptr<const Knowledge> load_knowledge(const std::string& data_dir,
                                                const std::string& gazetteer_dir) {
    auto k = std::make_shared<Knowledge>();
    Builder b(*k);
    StrMap<std::string> role_kind_by_title;
    const fs::path gdir =
        gazetteer_dir.empty() ? fs::path(data_dir) / "gazetteer" : fs::path(gazetteer_dir);
    const fs::path xdir = fs::path(data_dir) / "extraction";
    std::error_code ec;
    if (!fs::is_directory(gdir, ec))
        throw config::ConfigError(
            {config::Diagnostic{gdir.string(), 0, 0, "gazetteer directory not found"}});
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(gdir, ec))
        if (e.path().extension() == ".yaml" || e.path().extension() == ".yml")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    // roles first so people's role kinds can be looked up
    std::stable_sort(files.begin(), files.end(), [](const fs::path& x, const fs::path& y) {
        return (x.filename() == "roles.yaml") > (y.filename() == "roles.yaml");
    });
    for (const auto& f : files) load_gazetteer_file(f.string(), *k, b, role_kind_by_title);
    for (const char* name : {"lexicon.yaml", "patterns.yaml", "topics.yaml", "region.yaml"}) {
        if (!fs::exists(xdir / name, ec))
            throw config::ConfigError({config::Diagnostic{(xdir / name).string(), 0, 0,
                                                          "extraction data file not found"}});
    }
    load_lexicon((xdir / "lexicon.yaml").string(), *k, b, role_kind_by_title);
    load_patterns((xdir / "patterns.yaml").string(), *k);
    load_topics((xdir / "topics.yaml").string(), *k);
    load_region((xdir / "region.yaml").string(), *k);
    if (fs::exists(xdir / "precision.yaml", ec))
        load_precision((xdir / "precision.yaml").string(), *k);
    for (const auto& c : k->countries)
        k->country_parts.push_back(Participant{c.name, "country", "", c.code});
    for (const auto& o : k->orgs)
        k->org_parts.push_back(Participant{o.name, "organisation", "", o.country});
    for (const auto& g : k->groups)
        k->group_parts.push_back(Participant{g.name, "group", "", g.country});
    for (const auto& p : k->people)
        k->person_parts.push_back(Participant{p.name, "person", "", p.country});
    for (const auto& c : k->countries) {
        k->country_places.push_back(Place{c.name, c.code});
        k->capital_places.push_back(Place{c.capital, c.code});
    }
    for (const auto& p : k->places) k->place_places.push_back(Place{p.name, p.country});
    // Region membership from the gazetteer's `region: mena` marks.
    for (const auto& c : k->countries)
        if (c.mena) k->region_members.insert(c.code);
    k->region_code3.assign(26 * 26 * 26, false);
    for (const auto& code : k->region_members)
        if (const int i = Knowledge::code3_index(code); i >= 0)
            k->region_code3[static_cast<std::size_t>(i)] = true;
    // Role kinds of people's titles.
    for (auto& p : k->people)
        for (auto& r : p.roles) {
            auto it = role_kind_by_title.find(ascii_lower(r.title));
            if (it != role_kind_by_title.end()) r.kind = it->second;
            r.title_lower = ascii_lower(r.title);
            auto ri = k->role_by_title.find(r.title_lower);
            if (ri != k->role_by_title.end()) r.role = static_cast<int>(ri->second);
            const auto oi = k->org_by_id.find(r.org);
            r.international = oi != k->org_by_id.end() && k->orgs[oi->second].country.empty();
        }
    for (std::size_t pi = 0; pi < k->people.size(); ++pi) {
        const PersonRec& p = k->people[pi];
        auto file = [&](const std::string& key) {
            auto& v = k->people_by_org[key];
            if (v.empty() || v.back() != pi) v.push_back(static_cast<std::uint32_t>(pi));
        };
        file(p.country);
        for (const auto& r : p.roles) file(r.org);
    }
    b.index();
    auto flag = [&](std::string_view w, std::uint32_t f) { k->lex[std::string(w)].flags |= f; };
    auto flag_set = [&](const StrSet& set, std::uint32_t f) {
        for (const auto& w : set)
            if (w.find(' ') == std::string::npos)
                flag(w, f);
            else
                flag(std::string_view(w).substr(0, w.find(' ')), f);
    };
    for (const auto& [w, v] : k->trig_first) flag(w, LTrigFirst);
    for (const auto& [w, v] : k->role_first) flag(w, LRoleFirst);
    for (const auto& [w, v] : k->surf_first) flag(ascii_lower(w), LSurfFirst);
    for (std::uint32_t ti = 0; ti < k->topics.size(); ++ti)
        for (std::uint32_t pi = 0; pi < k->topics[ti].phrases.size(); ++pi) {
            flag(k->topics[ti].phrases[pi][0], LTopicFirst);
            k->topic_first[k->topics[ti].phrases[pi][0]].emplace_back(ti, pi);
        }
    for (std::uint32_t ri = 0; ri < k->region_words.size(); ++ri) {
        flag(k->region_words[ri][0], LRegionFirst);
        k->region_first[k->region_words[ri][0]].push_back(ri);
    }
    for (std::uint32_t pi = 0; pi < k->planned_cues.size(); ++pi)
        for (const auto& w : k->planned_cues[pi].slots[0]) {
            auto& v = k->planned_first[w];
            if (v.empty() || v.back() != pi) v.push_back(pi);
        }
    for (const auto* list : {&k->planned_cues, &k->planned_next_cues})
        for (const auto& p : *list)
            for (const auto& w : p.slots[0]) flag(w, LPlannedFirst);
    for (const auto& p : k->ongoing_cues)
        for (const auto& w : p.slots[0]) flag(w, LOngoingFirst);
    for (const auto& [w, v] : k->weekdays) flag(w, LDateWord);
    for (const auto& [w, v] : k->months) flag(w, LDateWord);
    for (const char* w :
         {"today", "tonight", "yesterday", "tomorrow", "day", "days", "week", "weeks", "month",
          "year", "weekend", "ago", "earlier", "later", "decade", "decades", "years"})
        flag(w, LDateWord);
    for (const auto& [w, v] : k->number_words) flag(w, LNumberWord);
    for (const auto& [w, v] : k->ordinals) flag(w, LOrdinal);
    for (const auto* set : {&k->killed_words, &k->injured_words, &k->kill_verbs, &k->injure_verbs})
        flag_set(*set, LCasualty);
    for (const auto& [w, v] : k->pronouns) flag(w, LPronoun);
    flag_set(k->determiners, LDeterminer);
    flag_set(k->role_modifiers, LRoleModifier);
    flag_set(k->skippable, LSkippable);
    flag_set(k->prepositions, LPreposition);
    flag_set(k->subordinators, LSubordinator);
    flag_set(k->negators, LNegator);
    flag_set(k->denial_verbs, LDenialFirst);
    flag_set(k->speculative, LSpecFirst);
    flag_set(k->people_nouns, LPeopleNoun);
    flag_set(k->hearsay_denials, LHearsayDenial);
    flag_set(k->reporting_verbs, LReportingVerb);
    for (const auto& w : k->stopwords_cap) flag(ascii_lower(w), LStopwordCap);
    // the events stage's verb/noun context words (fixed grammar words, not data)
    for (const char* w :
         {"will", "would", "to",   "can", "could", "may",   "might", "must", "should", "shall",
          "did",  "do",    "does", "not", "n't",   "also",  "then",  "he",   "she",    "they",
          "it",   "we",    "i",    "you", "who",   "which", "and",   "has",  "have",   "had"})
        flag(w, LVerbCue);
    for (const char* w :
         {"the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "'s"})
        flag(w, LDetBefore);
    flag_set(k->group_anaphors, LAnaphorNoun);
    flag_set(k->plural_person_anaphors, LAnaphorNoun);
    flag_set(k->plural_country_anaphors, LAnaphorNoun);
    flag_set(k->plural_group_anaphors, LAnaphorNoun);
    flag_set(k->plural_side_anaphors, LAnaphorNoun);
    flag("the", LCorefWalk);
    for (const auto& [w, v] : k->pronouns) flag(w, LCorefWalk);
    flag_set(k->determiners, LCorefWalk);
    flag_set(k->pair_quantifiers, LCorefWalk);
    flag_set(k->people_nouns, LCorefWalk);
    flag("meeting", LMeetingNoun);
    flag("talks", LMeetingNoun);
    // exact membership bits (space-free entries: a token never holds a space); every
    // member gets a `lex` entry, so a token not found in `words` is in no set
    auto member_word = [&](const std::string& w, std::uint64_t bit) {
        if (w.find(' ') == std::string::npos) k->lex[w].sets |= bit;
    };
    auto member = [&](const auto& set, std::uint64_t bit) {
        for (const auto& e : set) {
            if constexpr (std::is_same_v<std::decay_t<decltype(e)>, std::string>)
                member_word(e, bit);
            else
                member_word(e.first, bit);  // a map: its keys
        }
    };
    member(k->place_nouns, WPlaceNoun);
    member(k->prepositions, WPreposition);
    member(k->subordinators, WSubordinator);
    member(k->relative_pronouns, WRelativePronoun);
    member(k->name_connectors, WNameConnector);
    member(k->visit_nouns, WVisitNoun);
    member(k->pair_anaphors, WPairAnaphor);
    member(k->group_anaphors, WGroupAnaphor);
    member(k->plural_person_anaphors, WPluralPersonAnaphor);
    member(k->plural_country_anaphors, WPluralCountryAnaphor);
    member(k->plural_group_anaphors, WPluralGroupAnaphor);
    member(k->plural_side_anaphors, WPluralSideAnaphor);
    member(k->pair_quantifiers, WPairQuantifier);
    member(k->occasion_nouns, WOccasionNoun);
    member(k->audience_nouns, WAudienceNoun);
    member(k->outcome_nouns, WOutcomeNoun);
    member(k->outcome_verbs, WOutcomeVerb);
    member(k->attendance_words, WAttendanceWord);
    member(k->venue_participles, WVenueParticiple);
    member(k->campaign_aspects, WCampaignAspect);
    member(k->past_holder_words, WPastHolderWord);
    member(k->guest_nouns, WGuestNoun);
    member(k->compound_heads, WCompoundHead);
    member(k->reporting_verbs, WReportingVerb);
    member(k->topic_nouns, WTopicNoun);
    member(k->kill_verbs, WKillVerb);
    member(k->gathering_nouns, WGatheringNoun);
    member(k->contact_verbs, WContactVerb);
    member(k->reception_verbs, WReceptionVerb);
    member(k->gathering_exclude, WGatheringExclude);
    member(k->locative_preps, WLocativePrep);
    member(k->negotiation_modifiers, WNegotiationModifier);
    member(k->agreement_nouns, WAgreementNoun);
    member(k->demand_openers, WDemandOpener);
    member(k->demand_subjects, WDemandSubject);
    member(k->speculative, WSpeculative);
    member(k->unasserted_verbs, WUnassertedVerb);
    member(k->hearsay_denials, WHearsayDenial);
    member(k->hearsay_nouns, WHearsayNoun);
    member(k->threat_verbs, WThreatVerb);
    member(k->purpose_heads, WPurposeHead);
    member(k->invitation_words, WInvitationWord);
    member(k->injure_verbs, WInjureVerb);
    member(k->casualty_skip, WCasualtySkip);
    member(k->killed_words, WKilledWord);
    member(k->injured_words, WInjuredWord);
    member(k->weekdays, WWeekday);
    member(k->months, WMonth);
    member(k->denial_verbs, WDenialVerb);
    member(k->person_descriptors, WPersonDescriptor);
    // the events stage's fixed grammar words (stages_events.cpp: match_trigger, shares_subject,
    // delegation_head, said_in_call; arguments.cpp: clause_stop, skip_adjuncts)
    for (const char* w :
         {"after", "before", "following", "while", "amid", "when", "because", "since"})
        member_word(w, WGapStop);
    for (const char* w : {"this", "next", "last", "on", "early", "late"}) member_word(w, WTimeLead);
    for (const char* w : {"then", "also", "later", "to", "was", "is", "were", "are", "due",
                          "expected", "set", "scheduled", "will", "would"})
        member_word(w, WSharedAux);
    for (const char* w : {"delegation", "delegations", "team", "teams"})
        member_word(w, WDelegationNoun);
    for (const char* w : {"in", "during", "by", "over"}) member_word(w, WCallPrep);
    for (const char* w : {"during", "amid", "while", "when", "after", "before", "as", "despite"})
        member_word(w, WClauseStop);
    // the modality stage's fixed words (stages_post.cpp)
    for (const char* w : {"no", "nobody", "none"}) member_word(w, WNoSubject);
    for (const char* w : {"if", "unless"}) member_word(w, WConditional);
    member_word("since", WSinceWord);
    for (const char* w : {"is", "are", "was", "were", "has", "have", "had", "will", "would",
                          "shall", "should", "could", "can", "may", "might", "must"})
        member_word(w, WFiniteAux);
    for (const auto& p : k->accountability_phrases)
        if (!p.slots.empty())
            for (const auto& w : p.slots[0]) member_word(w, WAccountFirst);
    for (const auto& v : k->visit_nouns)
        if (!v.empty() && v[0] != ' ') member_word(v.substr(0, v.find(' ')), WVisitFirst);
    for (const auto& [w, v] : k->trig_first) k->lex[w].trig = &v;
    for (const auto& [w, v] : k->role_first) k->lex[w].role = &v;
    constexpr std::size_t kSplitFrom = 8;  // lists this long are split by second token
    for (const auto& [w, v] : k->surf_first) {
        SurfStart& st = k->surf_start[w];
        st.all = &v;
        st.split = v.size() >= kSplitFrom;
        if (st.split) {
            for (const std::uint32_t si : v) {
                const auto& toks = k->surfaces[si].toks;
                if (toks.size() == 1)
                    st.singles.push_back(si);
                else
                    st.by_next[toks[1]].push_back(si);
            }
            // longest first: the one-token surfaces come last in `all` too
            for (auto& [next, list] : st.by_next) {
                list.insert(list.end(), st.singles.begin(), st.singles.end());
                if (!next.empty()) st.add_next_first(static_cast<unsigned char>(next[0]));
            }
        }
        k->lex[ascii_lower(w)].surf.emplace_back(w, &st);
    }
    k->words.build(k->lex);
    return k;
}

const SurfStart* Knowledge::surfaces_at(const WordInfo& w, std::string_view text,
                                        std::string_view lower) {
    auto find = [&](std::string_view key) -> const SurfStart* {
        for (const auto& [k, v] : w.surf)
            if (same_word(k, key)) return v;
        return nullptr;
    };
    const auto* hit = find(text);
    // "Al-Shibani" at the start of a sentence is written "al-Shibani" in the data
    if (!hit && (text == "Al" || text == "El")) hit = find(lower);
    return hit;
}

}  // namespace herald::processors

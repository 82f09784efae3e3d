// Stages `entities` (gazetteer + title patterns) and `coreference`.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "common/text.hpp"
#include "config/diagnostics.hpp"
#include "processors/stage.hpp"

namespace herald::processors {

using namespace std::string_view_literals;

namespace {

// Moves `added` into the document's mentions, keeping them in text order.
void insert_mentions(Doc& d, std::vector<Mention>& added) {
    if (added.empty()) return;
    const auto mid = static_cast<std::ptrdiff_t>(d.mentions.size());
    d.mentions.insert(d.mentions.end(), std::make_move_iterator(added.begin()),
                      std::make_move_iterator(added.end()));
    std::inplace_merge(d.mentions.begin(), d.mentions.begin() + mid, d.mentions.end(),
                       [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
}

const Participant* country_part(const Knowledge& k, std::size_t idx) {
    return &k.country_parts[idx];
}

// The participant a gazetteer entry names (Knowledge's record), or null for a place.
const Participant* part_of(const Knowledge& k, EntKind ent, std::size_t idx) {
    switch (ent) {
        case EntKind::country:
            return &k.country_parts[idx];
        case EntKind::organisation:
            return &k.org_parts[idx];
        case EntKind::group:
            return &k.group_parts[idx];
        case EntKind::person:
            return &k.person_parts[idx];
        case EntKind::place:
            return nullptr;
    }
    return nullptr;
}

// Role of a gazetteer person on a given day (the first matching span).
const RoleSpan* role_on(const PersonRec& p, std::optional<std::int64_t> day) {
    const RoleSpan* best = nullptr;
    for (const auto& r : p.roles) {
        if (day && (*day < r.from || *day > r.to)) continue;
        if (!best) best = &r;
    }
    if (!best && !day && !p.roles.empty()) best = &p.roles.front();
    return best;
}

// The country a gazetteer person acts for on a given day: none while they hold a post with
// an international organisation (an organisation of no country: the UN's envoy speaks for
// the UN, not for Sweden), else their own.
std::string_view acting_country(const PersonRec& p, std::optional<std::int64_t> day) {
    for (const auto& r : p.roles)
        if (r.international && (!day || (*day >= r.from && *day <= r.to))) return {};
    return p.country;
}

// Whether a word has a space or hyphen in it (then it is no name's last part below).
bool has_space_or_hyphen(std::string_view w) {
    for (const char c : w)
        if (c == ' ' || c == '-') return true;
    return false;
}

// Whether `word` (no space or hyphen in it) is the part of `name` after its last space or
// hyphen ("Maliki" of "Riyad al-Maliki"): a suffix compare, not a scan of the whole name
// (it runs for every person seen so far at every one-word gazetteer person).
bool is_last_name_part(std::string_view name, std::string_view word) {
    if (name.size() <= word.size() || !name.ends_with(word)) return false;
    const char sep = name[name.size() - word.size() - 1];
    return sep == ' ' || sep == '-';
}

// A short list of surfaces kept inline (no allocation) unless it grows long.
class SurfaceList {
  public:
    void push_back(const Surface* s) {
        if (more_.empty() && n_ < few_.size()) {
            few_[n_++] = s;
            return;
        }
        if (more_.empty())
            more_.assign(few_.begin(), few_.begin() + static_cast<std::ptrdiff_t>(n_));
        more_.push_back(s);
    }
    void clear() {
        n_ = 0;
        more_.clear();
    }
    const Surface* const* begin() const { return more_.empty() ? few_.data() : more_.data(); }
    const Surface* const* end() const {
        return more_.empty() ? few_.data() + n_ : more_.data() + more_.size();
    }

  private:
    std::array<const Surface*, 8> few_;  // (only [0, n_) is ever read)
    std::size_t n_ = 0;
    std::vector<const Surface*> more_;
};

struct GazHit {
    std::size_t len = 0;
    SurfaceList hits;  // every surface of that length
};

// The gazetteer names starting at token i and ending by `end`, written into `out` (GazKeep
// fills its slot in place: a GazHit is large to move).
void gaz_match_into(const Doc& d, std::size_t i, std::size_t end, GazHit& out) {
    out.len = 0;
    out.hits.clear();
    if (!d.toks[i].surf) return;
    const std::string_view next = i + 1 < end ? d.toks[i + 1].text : std::string_view();
    for (const std::uint32_t si : d.toks[i].surf->candidates(i + 1 < end ? &next : nullptr)) {
        const Surface& s = d.k->surfaces[si];
        if (out.len && s.toks.size() < out.len) break;
        if (i + s.toks.size() > end) continue;
        bool ok = true;
        for (std::size_t j = 1; j < s.toks.size() && ok; ++j)
            ok = same_word(d.toks[i + j].text, s.toks[j]) &&
                 !d.toks[i + j].in_quote == !d.toks[i].in_quote;
        if (!ok) continue;
        // A match must not end inside a word glued to the next token ("Israel-Hamas" is fine,
        // "Egypt" in "Egypts" cannot happen: tokens are whole words).
        out.len = s.toks.size();
        out.hits.push_back(&s);
    }
}

GazHit gaz_match(const Doc& d, std::size_t i, std::size_t end) {
    GazHit out;
    gaz_match_into(d, i, end, out);
    return out;
}

// The last two gaz_match results asked through it, kept for their token and end (the
// entities stage asks at a token, and at the one after a determiner, more than once).
struct GazKeep {
    struct Slot {
        std::size_t i = SIZE_MAX, end = 0;
        GazHit h;
    };
    std::array<Slot, 2> slots;
    std::size_t last = 0;
    const GazHit& at(const Doc& d, std::size_t ti, std::size_t te) {
        for (const Slot& x : slots)
            if (x.i == ti && x.end == te) return x.h;
        last ^= 1;
        Slot& x = slots[last];
        gaz_match_into(d, ti, te, x.h);
        x.i = ti;
        x.end = te;
        return x.h;
    }
};

// ascii_lower(text).find(lower) != npos, without building the lower-case copy.
bool contains_lowered(std::string_view text, std::string_view lower) {
    if (lower.size() > text.size()) return false;
    for (std::size_t at = 0; at + lower.size() <= text.size(); ++at) {
        std::size_t i = 0;
        while (i < lower.size()) {
            char c = text[at + i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != lower[i]) break;
            ++i;
        }
        if (i == lower.size()) return true;
    }
    return false;
}

// A person the gazetteer does not know, named in full: the token range of its mention
// and the mention's index.
struct NamedPerson {
    std::size_t tb = 0, te = 0, mention = 0;
};

// "The Saudi foreign ministry": a country adjective before lower-case office words (lexicon
// office_nouns) names the state's own office, which speaks for it ("It called on Iran").
bool office_after(const Doc& d, const Mention& m) {
    if (!m.adjective || !m.part || m.part->kind != "country"_w) return false;
    const Sentence& s = d.sents[m.sentence];
    for (std::size_t h = m.te; h < s.te && h < m.te + 3; ++h) {
        const Token& t = d.toks[h];
        if (t.kind != TokKind::word) return false;
        if (d.k->office_nouns.count(t.lower)) return true;
        if ((t.lex & (LPreposition | LDeterminer)) || has(t, WSubordinator)) return false;
    }
    return false;
}

// Whether a body's head word is a state office ("ministry", "presidency": lexicon
// office_nouns).
bool is_office_noun(const Knowledge& k, std::string_view w) {
    return k.office_nouns.count(w) != 0;
}

// The length of the title phrase (Knowledge::role_phrases) starting at token j and
// ending by `end`, with its canonical role; 0 when none starts there.
std::size_t title_len_at(const Doc& d, std::size_t j, std::size_t end, std::uint32_t& role) {
    if (!d.toks[j].role) return 0;
    const RoleStart& rs = *d.toks[j].role;
    // (no longer phrase can match unless the next token starts like one's second word)
    const std::size_t from =
        j + 1 < end && rs.may_be_second(d.toks[j + 1].lower) ? 0 : rs.singles_from;
    for (std::size_t x = from; x < rs.phrases.size(); ++x) {
        const auto& p = d.k->role_phrases[rs.phrases[x]];
        if (j + p.toks.size() > end) continue;
        bool ok = true;
        for (std::size_t q = 1; q < p.toks.size() && ok; ++q)
            ok = same_word(d.toks[j + q].lower, p.toks[q]);
        if (ok) {
            role = p.role;
            return p.toks.size();
        }
    }
    return 0;
}

// Whether `s` (lower case) has a rank word (Knowledge::subordinate_ranks) as whole words,
// a hyphen counting as a space ("under-secretary-general").
bool has_rank(const Knowledge& k, std::string_view s) {
    // (the search of the ranks in " " + s + " " with hyphens as spaces, without building that
    // string: a rank starts at a word start, and ends at the end of s or before a space)
    auto spaced = [](char c) { return c == '-' ? ' ' : c; };
    for (std::size_t b = 0; b < s.size(); ++b) {
        if (b > 0 && spaced(s[b - 1]) != ' ') continue;
        for (const std::string& r : k.subordinate_ranks) {
            if (b + r.size() > s.size()) continue;
            std::size_t i = 0;
            while (i < r.size() && spaced(s[b + i]) == r[i]) ++i;
            if (i == r.size() && (b + r.size() == s.size() || spaced(s[b + r.size()]) == ' '))
                return true;
        }
    }
    return false;
}

// Whether `prefix` (lower case) ends with a preposition and perhaps a determiner ("adviser to
// the "): a title after it is another's post.
bool ends_in_preposition(const Knowledge& k, std::string_view prefix) {
    std::array<std::string_view, 2> last{};
    std::size_t n = 0;
    while (n < 2) {
        while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
        if (prefix.empty()) break;
        const std::size_t sp = prefix.rfind(' ');
        last[n++] = sp == std::string_view::npos ? prefix : prefix.substr(sp + 1);
        prefix = sp == std::string_view::npos ? std::string_view{} : prefix.substr(0, sp);
        if (!k.determiners.count(last[n - 1])) break;
    }
    return n > 0 && k.prepositions.count(last[n - 1]) != 0;
}

// Whether a holder's title `held` (lower case) names the post written `title` (lower case) at
// the rank written (`sub`: a rank word before the title, "the deputy trade minister"): a part
// of it ("Deputy Prime Minister and Foreign Minister") has the title with a rank word before it
// exactly when one is written ("the US president" is not the "Vice President", "the UN
// secretary-general" not the "Deputy Secretary-General"), and not after a preposition
// ("Diplomatic Adviser to the President"). A title it does not contain (a match by canonical
// role or kind): a part with a rank word exactly when the written title has one.
bool rank_fits(const Knowledge& k, std::string_view held, std::string_view title, bool sub) {
    std::array<std::string_view, 6> parts{};
    std::size_t n = 0;
    for (std::size_t b = 0; n < parts.size();) {
        std::size_t e = held.size(), skip = 0;
        for (const std::string_view sep : {" and "sv, ", "sv, " & "sv}) {
            const std::size_t p = held.find(sep, b);
            if (p < e) {
                e = p;
                skip = sep.size();
            }
        }
        parts[n++] = held.substr(b, e - b);
        if (e == held.size()) break;
        b = e + skip;
    }
    bool contained = false;
    for (std::size_t i = 0; i < n && !title.empty(); ++i)
        for (std::size_t p = parts[i].find(title); p != std::string_view::npos;
             p = parts[i].find(title, p + 1)) {
            contained = true;
            const std::string_view prefix = parts[i].substr(0, p);
            if (has_rank(k, prefix) == sub && !ends_in_preposition(k, prefix)) return true;
        }
    if (contained) return false;
    const bool want = sub || has_rank(k, title);
    for (std::size_t i = 0; i < n; ++i)
        if (has_rank(k, parts[i]) == want) return true;
    return false;
}

// "Saudi Arabia's ambassador to Yemen arrived ... Ambassador Mohammed Al Jaber held talks":
// the person holding the post written `title` (lower case; `sub`: a rank word written before
// it) for `country` named in the article, before the mention `before` (any distance) or in the
// two sentences after `sentence`; a person of another country does not hold it. Index of the
// mention or -1.
int named_holder(const Doc& d, std::size_t before, std::size_t sentence, std::string_view title,
                 std::string_view country, bool backward, bool sub = false) {
    auto fits = [&](const Mention& p) {
        return p.part && p.part->kind == "person"_w && p.kind == MentionKind::entity &&
               (p.part->country.empty() || p.part->country == country) &&
               contains_lowered(p.part->role, title) &&
               rank_fits(*d.k, ascii_lower(p.part->role), title, sub);
    };
    if (backward)
        for (std::size_t q = before; q-- > 0;)
            if (fits(d.mentions[q])) return static_cast<int>(q);
    for (std::size_t q = before; q < d.mentions.size(); ++q) {
        const Mention& p = d.mentions[q];
        if (p.sentence > sentence + 2) break;
        if (p.sentence > sentence && fits(p)) return static_cast<int>(q);
    }
    return -1;
}

// The person record of mention `q` with `country` filled in when it had none: a new record,
// which every mention of the old one then points to.
const Participant* with_country(Doc& d, std::size_t q, std::string_view country) {
    const Participant* old = d.mentions[q].part;
    if (!old->country.empty() || country.empty()) return old;
    Participant np = *old;
    np.country.assign(country);
    const Participant* rec = d.own(std::move(np));
    for (Mention& x : d.mentions)
        if (x.part == old) x.part = rec;
    return rec;
}

class EntitiesStage final : public Stage {
  public:
    const char* name() const override { return "entities"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"gazetteer_dir", "titles", "surnames"}, sink);
        titles_ = read_bool(n, "titles", true, sink);
        surnames_ = read_bool(n, "surnames", true, sink);
    }
    std::vector<std::string> requires_before() const override { return {"segment"}; }
    void bind(const Knowledge& k) override {
        stop_cap_.build(k.stopwords_cap);
        facility_.build(k.facility_nouns);
        sets_of_ = &k;
    }

    void run(Doc& d) const override {
        // the per-token memo of title_at, for this stage only
        struct Memo {
            const Doc& d;
            explicit Memo(const Doc& doc) : d(doc) {
                if (d.tok_memo.size() < d.toks.size()) d.tok_memo.resize(d.toks.size());
                if (++d.tok_memo_runs == 0) {  // (wrapped: no older entry may count)
                    d.tok_memo.assign(d.tok_memo.size(), Doc::TokMemo{});
                    d.tok_memo_runs = 1;
                }
                d.tok_memo_gen = d.tok_memo_runs;
            }
            Memo(const Memo&) = delete;
            Memo& operator=(const Memo&) = delete;
            ~Memo() { d.tok_memo_gen = 0; }
        } memo(d);
        d.mentions.clear();
        d.mentions.reserve(d.toks.size() / 4 + 16);
        std::vector<int> seen_people;  // people named in full so far (for surname ambiguity)
        seen_people.reserve(32);       // (one allocation for the usual article)
        // people the gazetteer does not know, named in full so far (their mention's token
        // range): a later surname or short form ("Simsek", "Al Jaber") is the same person
        std::vector<NamedPerson> named;
        named.reserve(8);
        GazKeep keep;  // the gazetteer match at i, asked once (pre-check, try_title, try_gazetteer)
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            std::size_t i = s.tb;
            while (i < s.te) {
                // (most tokens open nothing tried below: skipped in a tight loop)
                while (i < s.te && opens_nothing(d.toks[i])) ++i;
                if (i == s.te) break;
                const Token& t = d.toks[i];
                // "Abdulqader al-Murtada, the head of the Houthi prisoners committee, said":
                // a name the gazetteer does not know, opening the sentence, with an
                // apposition naming the body it speaks for, before a reporting verb
                if (i == s.tb && titles_ && t.kind == TokKind::word && t.cap &&
                    !(t.lex & (LRoleFirst | LDeterminer | LSurfFirst)))
                    if (std::size_t end = unknown_spokesman(d, s); end > i) {
                        named.push_back({d.mentions.back().tb, end, d.mentions.size() - 1});
                        i = end;
                        continue;
                    }
                if (t.kind != TokKind::word ||
                    !(t.lex & (LRoleFirst | LDeterminer | LRoleModifier | LSurfFirst))) {
                    if (std::size_t end = open_class(d, s, si, i, named); end > i) {
                        i = end;
                        continue;
                    }
                    ++i;
                    continue;
                }
                // a short form of a person the article named in full comes before the
                // gazetteer ("President Joseph Kayyal ... Kayyal said")
                if (t.cap && !named.empty())
                    if (std::size_t end = short_form(d, s, si, i, named); end > i) {
                        i = end;
                        continue;
                    }
                // (neither a title nor a gazetteer name can start here: no mention to try)
                const bool title_may = titles_ && title_may_start(d, s, i, keep);
                if (!title_may && (!t.surf || !keep.at(d, i, s.te).len)) {
                    if (std::size_t end = open_class(d, s, si, i, named); end > i) {
                        i = end;
                        continue;
                    }
                    ++i;
                    continue;
                }
                // built in place (a Mention is large: moving one in costs more than
                // dropping it again when nothing starts here); nothing below reads
                // d.mentions while it is being built
                Mention& m = d.mentions.emplace_back();
                std::size_t next = i;
                if (title_may && try_title(d, s, i, m, next, seen_people, keep)) {
                    m.sentence = si;
                    finish(d, s, m);
                    if (m.kind == MentionKind::entity && m.part && m.part->kind == "person"_w &&
                        m.person < 0 && m.te > m.tb)
                        named.push_back({m.tb, m.te, d.mentions.size() - 1});
                    i = next;
                    continue;
                }
                if (try_gazetteer(d, s, i, m, next, seen_people, keep)) {
                    m.sentence = si;
                    finish(d, s, m);
                    i = next;
                    continue;
                }
                d.mentions.pop_back();
                if (std::size_t end = open_class(d, s, si, i, named); end > i) {
                    i = end;
                    continue;
                }
                ++i;
            }
        }
        // "International Atomic Energy Agency chief Rafael Grossi": an organisation's name
        // before a lower-case title and a known person qualifies that person (one mention,
        // so "A and <org> chief B" stays a pair)
        for (std::size_t mi = 0; mi + 1 < d.mentions.size(); ++mi) {
            Mention& a = d.mentions[mi];
            Mention& b = d.mentions[mi + 1];
            if (!a.part || a.part->kind != "organisation"_w || !b.part ||
                b.part->kind != "person"_w || a.sentence != b.sentence || b.tb <= a.te ||
                b.tb > a.te + 2 || a.possessive)
                continue;
            std::size_t len = 0;
            std::uint32_t role = 0;
            if (d.toks[a.te].cap) continue;
            if (!title_at(d, a.te, b.tb, len, role)) len = (d.toks[a.te].lex & LPeopleNoun) ? 1 : 0;
            if (!len || a.te + len != b.tb) continue;
            b.tb = a.tb;
            b.prep = a.prep;
            b.prep_attached = a.prep_attached;
            d.mentions.erase(d.mentions.begin() + static_cast<std::ptrdiff_t>(mi));
        }
        // Bodies named after their country ("the Royal Oman Police", "the United Kingdom
        // Maritime Trade Operations agency")
        office_mentions(d);
        // "the Saudi capital", "Egypt's capital": the country's capital city
        const Knowledge& k = *d.k;
        for (Mention& m : d.mentions) {
            if (!m.part || m.part->kind != "country"_w || m.te >= d.toks.size()) continue;
            if (!(m.adjective || m.possessive)) continue;
            std::size_t c = m.te;
            if (m.possessive) ++c;
            if (c >= d.toks.size() || d.toks[c].lower != "capital"_w) continue;
            const auto it = k.country_by_code.find(m.part->country);
            if (it == k.country_by_code.end() || k.countries[it->second].capital.empty()) continue;
            const CountryRec& cr = k.countries[it->second];
            m.place = &k.capital_places[it->second];
            m.place_concrete = true;
            m.place_mena = k.country_in_region(cr.code);
            m.part = nullptr;
            m.adjective = m.possessive = m.people = false;
            m.te = c + 1;
        }
        // "Israeli cities", "Lebanon's south", "Beirut's southern suburbs": a country
        // adjective or a possessive place in front of a place noun is a place
        for (Mention& m : d.mentions) {
            if (m.te >= d.toks.size() || m.tb >= m.te) continue;
            const bool country = m.part && m.part->kind == "country"_w;
            if (!((country && (m.adjective || m.possessive)) || (m.place && m.possessive)))
                continue;
            std::size_t c = m.te;
            if (m.possessive) ++c;
            for (int skip = 0;
                 skip < 3 && c + 1 < d.toks.size() && !d.toks[c].cap &&
                 d.toks[c].kind == TokKind::word &&
                 !(d.toks[c].lex & (LPreposition | LDeterminer)) && !has(d.toks[c], WPlaceNoun);
                 ++skip)
                ++c;
            if (c >= d.toks.size() || !has(d.toks[c], WPlaceNoun)) continue;
            if (!m.place) {
                const auto it = k.country_by_code.find(m.part->country);
                if (it == k.country_by_code.end()) continue;
                const CountryRec& cr = k.countries[it->second];
                m.place = &k.country_places[it->second];
                m.place_concrete = true;
                m.place_mena = k.country_in_region(cr.code);
            }
        }
        // Coordinated mentions inherit the preposition of the list head
        // ("talks with Qatar and Egypt": Egypt is also inside the PP).
        for (std::size_t mi = 1; mi < d.mentions.size(); ++mi) {
            Mention& m = d.mentions[mi];
            if (!m.prep.empty() || m.tb == 0) continue;
            const std::size_t p = m.tb - 1;
            const auto lw = d.toks[p].lower;
            if (lw != ","_w && lw != "and"_w && lw != "or"_w) continue;
            const Mention& prev = d.mentions[mi - 1];
            std::size_t pe = prev.te;
            const bool list_go_on =
                lw != ","_w || (m.te < d.toks.size() &&
                                (d.toks[m.te].lower == ","_w || d.toks[m.te].lower == "and"_w ||
                                 d.toks[m.te].lower == "or"_w));
            // ("In Israel, Finance Minister X, a partner of ..., denounced": a person after
            // a place is the subject after a fronted phrase, not a list item)
            // (also a body: "The U.N. peacekeeping force in southern Lebanon, UNIFIL, urged")
            const bool person_after_place =
                lw == ","_w && m.part && !m.place &&
                (m.part->kind == "person"_w || m.part->kind == "organisation"_w ||
                 m.part->kind == "group"_w) &&
                prev.place && (!prev.part || prev.part->kind != m.part->kind);
            // ("In Amman, Jordan and Egypt signed" (syntax audit): a place opening the
            // sentence after its preposition, then "A and B" and a verb: the list is the
            // subject after the fronted phrase, not more places)
            bool subject_after_fronted = false;
            if (lw == ","_w && prev.place && m.part && m.sentence == prev.sentence) {
                const std::size_t sb = d.sents[m.sentence].tb, se = d.sents[m.sentence].te;
                std::size_t h = prev.tb;
                if (h > sb && d.toks[h - 1].lower == "the"_w) --h;
                std::size_t q = m.te;
                // ("On Tuesday in Beijing, Iran and Saudi Arabia agreed": a day before it)
                bool opening = h > sb && h <= sb + 4 && (d.toks[sb].lex & LPreposition) &&
                               (d.toks[h - 1].lex & LPreposition);
                for (std::size_t t = sb; opening && t < h; ++t) opening = d.toks[t].lower != ","_w;
                if (opening && q + 1 < se && d.toks[q].lower == "and"_w) {
                    for (std::size_t mj = mi + 1; mj < d.mentions.size(); ++mj)
                        if (d.mentions[mj].tb == q + 1) {
                            q = d.mentions[mj].te;
                            break;
                        }
                    const Token* v = q > m.te + 1 && q < se ? &d.toks[q] : nullptr;
                    subject_after_fronted =
                        v && v->kind == TokKind::word && !v->cap &&
                        !(v->lex & (LPreposition | LDeterminer | LSubordinator | LPronoun)) &&
                        v->lower != "and"_w && v->lower != "or"_w;
                }
            }
            if (list_go_on && !person_after_place && !subject_after_fronted &&
                (pe == p || (pe + 1 == p && d.toks[pe].lower == ","_w))) {
                m.prep = prev.prep;
                m.prep_attached = prev.prep_attached;
            }
        }
    }

  private:
    bool titles_ = true;
    bool surnames_ = true;
    // sets of the Knowledge bound (sets_of_) asked per token, as tables: stopwords_cap,
    // facility_nouns (see stopword_cap, facility_noun)
    WordSetTable stop_cap_, facility_;
    const Knowledge* sets_of_ = nullptr;

    // Preposition, possessive, modifier, people-noun flags.
    void finish(const Doc& d, const Sentence& s, Mention& m) const {
        m.in_quote = d.toks[m.tb].in_quote;
        if (m.te < s.te) {
            const Token& n = d.toks[m.te];
            if (n.lower == "'s"_w || (n.text == "'"_w && !n.space_before)) m.possessive = true;
            if (n.text == "-"_w && !n.space_before && m.te + 1 < s.te &&
                !d.toks[m.te + 1].space_before)
                m.modifier = true;
        }
        if (m.tb > s.tb) {
            std::size_t p = m.tb - 1;
            for (int guard = 0; guard < 3 && p > s.tb; ++guard) {
                const Token& q = d.toks[p];
                // ("in northern Iraq", "in the occupied West Bank")
                if ((q.lex & (LDeterminer | LRoleModifier)) || q.kind == TokKind::number ||
                    (q.lex & LNumberWord) || q.lower == "northern"_w || q.lower == "southern"_w ||
                    q.lower == "eastern"_w || q.lower == "western"_w || q.lower == "central"_w ||
                    q.lower == "occupied"_w)
                    --p;
                else
                    break;
            }
            const bool along = p > s.tb && (d.toks[p - 1].lower == "along"_w ||
                                            d.toks[p - 1].lower == "together"_w);
            if ((d.toks[p].lex & LPreposition) && !along) {
                m.prep = d.toks[p].lower;
                if ((m.prep == "from"_w || m.prep == "of"_w) && p > s.tb &&
                    (d.toks[p - 1].lex & LPeopleNoun))
                    m.prep_attached = true;
            }
        }
        // "the U.N. agency for Palestinian refugees", "the EU's executive arm": an
        // organisation's name in front of a descriptive head names another body
        if (m.part && m.part->kind == "organisation"_w && !m.possessive) {
            for (std::size_t j = m.te; j < s.te && j < m.te + 3; ++j) {
                const Token& t = d.toks[j];
                if (t.kind != TokKind::word || t.cap || (t.lex & (LPreposition | LDeterminer)))
                    break;
                if (d.k->org_descriptor_heads.count(t.lower)) {
                    m.modifier = true;
                    break;
                }
            }
        }
        if (m.adjective && !m.modifier) {
            const Token* n = m.te < s.te ? &d.toks[m.te] : nullptr;
            if (!n || n->kind != TokKind::word || n->lower == "and"_w || n->lower == "or"_w ||
                has(*n, WPreposition) || has(*n, WSubordinator) || has(*n, WRelativePronoun) ||
                n->lower == "have"_w || n->lower == "are"_w || n->lower == "were"_w)
                m.people = true;
            for (std::size_t j = m.te; j < s.te && j < m.te + 3; ++j) {
                const Token& t = d.toks[j];
                if (t.lex & LPeopleNoun) {
                    m.people = true;
                    break;
                }
                if (t.kind != TokKind::word || t.cap) break;
            }
        }
    }

    // A role title starting at token j and ending at or before `end`: its length and
    // role. Memoised per token while the entities stage runs.
    // (the common case, no title starting at j, inline)
    [[gnu::always_inline]] bool title_at(const Doc& d, std::size_t j, std::size_t end,
                                         std::size_t& len, std::uint32_t& role) const {
        if (!d.toks[j].role) return false;
        return title_at_memo(d, j, end, len, role);
    }
    bool title_at_memo(const Doc& d, std::size_t j, std::size_t end, std::size_t& len,
                       std::uint32_t& role) const {
        if (!d.tok_memo_gen) {
            len = title_len_at(d, j, end, role);
            return len != 0;
        }
        Doc::TokMemo& m = d.tok_memo[j];
        const auto key = static_cast<std::uint32_t>(end + 1);
        if (m.gen != d.tok_memo_gen || m.title_end != key) {
            std::uint32_t r = 0;
            m.gen = d.tok_memo_gen;
            m.title_end = key;
            m.title_len = static_cast<std::uint32_t>(title_len_at(d, j, end, r));
            m.title_role = r;
        }
        if (m.title_len == 0) return false;
        len = m.title_len;
        role = m.title_role;
        return true;
    }

    // The qualifier in front of a title: a country/organisation/group (name,
    // adjective or metonym), optionally possessive.
    // `keep`: where the gazetteer match at (j, end) may already be (try_gazetteer reads
    // it there afterwards).
    [[gnu::always_inline]] bool qualifier_at(const Doc& d, std::size_t j, std::size_t end,
                                             std::size_t& len, const Surface*& qual,
                                             GazKeep* keep = nullptr) const {
        if (!d.toks[j].surf) return false;  // no gazetteer surface starts here
        return qualifier_match(d, j, end, len, qual, keep);
    }
    bool qualifier_match(const Doc& d, std::size_t j, std::size_t end, std::size_t& len,
                         const Surface*& qual, GazKeep* keep) const {
        if (keep) return qualifier_in(keep->at(d, j, end), d, j, end, len, qual);
        return qualifier_in(gaz_match(d, j, end), d, j, end, len, qual);
    }
    static bool qualifier_in(const GazHit& h, const Doc& d, std::size_t j, std::size_t end,
                             std::size_t& len, const Surface*& qual) {
        if (!h.len) return false;
        for (const Surface* s : h.hits) {
            // countries, organisations and groups (part_of gives them a participant)
            if (s->ent == EntKind::place || s->ent == EntKind::person) continue;
            qual = s;
            len = h.len;
            if (j + len < end && d.toks[j + len].lower == "'s"_w) ++len;
            return true;
        }
        return false;
    }

    // The unknown-name apposition above: pushes the person mention and returns its end,
    // or returns 0.
    std::size_t unknown_spokesman(Doc& d, const Sentence& s) const {
        const Knowledge& k = *d.k;
        std::size_t r = s.tb, w = 0;
        while (r < s.te && w < 4) {
            if (name_token(d, r) && !d.toks[r].surf) {
                ++w;
            } else if (!(w > 0 && r + 1 < s.te &&
                         ((d.toks[r].text == "-"sv && !d.toks[r].space_before) ||
                          has(d.toks[r], WNameConnector)))) {
                break;
            }
            ++r;
        }
        if (w < 2 || r + 3 >= s.te || d.toks[r].text != ","sv) return 0;
        const bool det = d.toks[r + 1].lower == "the"sv || d.toks[r + 1].lower == "a"sv ||
                         d.toks[r + 1].lower == "an"sv;
        std::size_t c2 = r + 2;
        while (c2 < s.te && c2 < r + 14 && d.toks[c2].text != ","sv) ++c2;
        if (c2 + 1 >= s.te || d.toks[c2].text != ","sv || !has(d.toks[c2 + 1], WReportingVerb))
            return 0;
        std::string country;
        bool qual = false;
        for (std::size_t j = r + 2; j < c2 && !qual; ++j) {
            std::size_t len = 0;
            const Surface* q = nullptr;
            if (qualifier_at(d, j, c2, len, q) && q) {
                if (const Participant* qp = part_of(k, q->ent, q->idx)) country = qp->country;
                qual = true;
            }
        }
        // "Haluk Bayraktar, chief executive of manufacturer Baykar, said": the apposition's
        // head (before "of"/"for"/"at") is a person descriptor or a title
        bool head = false;
        for (std::size_t j = r + (det ? 2 : 1); j < c2 && j < r + 6 && !head; ++j) {
            const Token& h = d.toks[j];
            if (h.kind != TokKind::word || h.cap || (h.lex & LPreposition)) break;
            std::size_t tl = 0;
            std::uint32_t tr = 0;
            head = has(h, WPersonDescriptor) || title_at(d, j, c2, tl, tr);
        }
        if (!(det && qual) && !head) return 0;
        Mention& m = d.mentions.emplace_back();
        m.tb = s.tb;
        m.te = r;
        m.sentence = static_cast<std::size_t>(&s - d.sents.data());
        m.kind = MentionKind::entity;
        m.part = d.own(std::string(d.text.substr(d.toks[s.tb].b, d.toks[r - 1].e - d.toks[s.tb].b)),
                       "person", "", country);
        finish(d, s, m);
        return r;
    }

    // "met Kemal Ostrova, Turkey's finance minister, in Ankara", "Haluk Bayraktar, chief
    // executive of manufacturer Baykar,": two to five capitalised words the gazetteer does
    // not know, then an apposition whose head (after a determiner, a country/organisation
    // qualifier and role modifiers) is a title or a person descriptor. The person gets the
    // qualifier's country; the apposition is skipped. Returns the end, or 0.
    std::size_t appositive_name(Doc& d, const Sentence& s, std::size_t si, std::size_t i) const {
        const Knowledge& k = *d.k;
        if (!name_token(d, i)) return 0;
        if (i > s.tb && name_token(d, i - 1)) return 0;  // inside a longer name
        std::size_t words = 0;
        const std::size_t r = name_end(d, s, i, words);
        if (words < 2 || r + 2 >= s.te || d.toks[r].text != ","_w) return 0;
        // (a known name is the gazetteer's; "Ali Bakr" is not the "Ali" it knows)
        if (d.toks[i].surf && i + gaz_match(d, i, s.te).len >= r) return 0;
        for (std::size_t j = i; j < r; ++j)
            if (non_person_at(d, j, r)) return 0;
        std::size_t a = r + 1;
        if (d.toks[a].lower == "the"_w || d.toks[a].lower == "a"_w || d.toks[a].lower == "an"_w)
            ++a;
        // the apposition's end: a comma or the sentence's end, within a few words
        std::size_t c2 = a;
        while (c2 < s.te && c2 < a + 12 && d.toks[c2].text != ","_w) ++c2;
        if (c2 < s.te && d.toks[c2].text != ","_w) return 0;
        // ("a senior Hamas leader", "Turkey's former trade minister": a qualifier and role
        // modifiers, in either order)
        std::string country;
        bool qualified = false;
        for (int guard = 0; guard < 4 && a < c2; ++guard) {
            std::size_t len = 0;
            const Surface* q = nullptr;
            if (!qualified && qualifier_at(d, a, c2, len, q) && q) {
                if (const Participant* qp = part_of(k, q->ent, q->idx)) country = qp->country;
                qualified = true;
                a += len;
            } else if ((d.toks[a].lex & LRoleModifier) && !d.toks[a].cap) {
                ++a;
            } else {
                break;
            }
        }
        if (a >= c2) return 0;
        std::size_t tl = 0;
        std::uint32_t tr = 0;
        // the head: a title, or a descriptor after up to two lower-case words ("the White
        // House national security adviser")
        const std::size_t a0 = a;
        std::size_t head_e = 0;
        for (std::size_t h = a; h < c2 && h < a0 + 3 && !head_e; ++h) {
            const Token& ht = d.toks[h];
            if (ht.kind != TokKind::word || ht.cap || (ht.lex & LPreposition)) {
                if (h == a0 && title_at(d, h, c2, tl, tr)) head_e = h + tl;
                break;
            }
            if (title_at(d, h, c2, tl, tr))
                head_e = h + tl;
            else if (has(ht, WPersonDescriptor))
                head_e = h + 1;
        }
        if (!head_e) return 0;
        if (org_like(d, i, r, s.te)) return 0;
        Mention& m = d.mentions.emplace_back();
        m.tb = i;
        m.te = r;
        m.sentence = si;
        m.kind = MentionKind::entity;
        m.part = d.own(d.text.substr(d.toks[i].b, d.toks[r - 1].e - d.toks[i].b), "person",
                       d.text.substr(d.toks[a0].b, d.toks[head_e - 1].e - d.toks[a0].b), country);
        finish(d, s, m);
        return c2;
    }

    // "the Royal Oman Police said", "United Kingdom Maritime Trade Operations": a country
    // name or adjective inside a capitalised name that ends in a body's head noun
    // (lexicon org_name_heads) is that body, an organisation of the country.
    void office_mentions(Doc& d) const {
        const Knowledge& k = *d.k;
        std::size_t next_tb = 0;  // first token of the next mention
        for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
            Mention& m = d.mentions[mi];
            next_tb = mi + 1 < d.mentions.size() ? d.mentions[mi + 1].tb : d.toks.size();
            if (!m.part || m.part->kind != "country"_w || m.possessive || m.modifier ||
                m.kind != MentionKind::entity)
                continue;
            const Sentence& s = d.sents[m.sentence];
            const std::size_t prev_te =
                mi > 0 && d.mentions[mi - 1].sentence == m.sentence ? d.mentions[mi - 1].te : s.tb;
            auto cap_word = [&](std::size_t j) {
                const Token& t = d.toks[j];
                return t.kind == TokKind::word && t.cap &&
                       !((t.lex & LStopwordCap) && stopword_cap(k, t.text));
            };
            std::size_t e = m.te;
            while (e < s.te && e < next_tb && cap_word(e)) ++e;
            // ("the Kuwaiti Foreign Ministry" stays the adjective, as "the Kuwaiti foreign
            // ministry" does: see office_after)
            if (e > m.te && k.org_name_heads.count(d.toks[e - 1].lower) &&
                !(m.adjective && is_office_noun(k, d.toks[e - 1].lower))) {
                std::size_t b = m.tb;
                while (b > s.tb && b > prev_te && cap_word(b - 1) &&
                       !k.org_name_heads.count(d.toks[b - 1].lower))
                    --b;
                const std::string country = m.part->country;
                m.part = d.own(d.text.substr(d.toks[b].b, d.toks[e - 1].e - d.toks[b].b),
                               "organisation", "", country);
                m.tb = b;
                m.te = e;
                m.adjective = m.people = m.metonym = false;
                m.place = nullptr;
                m.place_concrete = m.place_mena = false;
                m.possessive = e < s.te && d.toks[e].lower == "'s"_w;
                continue;
            }
        }
    }

    // A token no mention starts at in the loop of `run`: no word, or a lower-case word that
    // opens no title, qualifier, gazetteer name or descriptor (the loop's tests would all
    // fail there: the sentence-opening name needs a capital, open_class a capital or a
    // descriptor, the rest these Lex bits).
    static bool opens_nothing(const Token& t) {
        return t.kind != TokKind::word ||
               (!t.cap && !(t.lex & (LRoleFirst | LDeterminer | LRoleModifier | LSurfFirst)) &&
                !has(t, WPersonDescriptor));
    }

    // Open-class persons at token i (not a title or gazetteer start): a short form of a
    // person named earlier ("Al Jaber" after "Ambassador Mohammed Al Jaber"), or a name
    // introduced by what the person is ("former banker Mehmet Simsek"). Pushes the
    // mention and returns its end, or returns 0.
    // (the test of the token inline: most tokens are lower-case words that no rule below
    // takes)
    [[gnu::always_inline]] std::size_t open_class(Doc& d, const Sentence& s, std::size_t si,
                                                  std::size_t i,
                                                  std::vector<NamedPerson>& named) const {
        const Token& t = d.toks[i];
        if (t.kind != TokKind::word || (!t.cap && !has(t, WPersonDescriptor))) return 0;
        return open_class_at(d, s, si, i, named);
    }
    std::size_t open_class_at(Doc& d, const Sentence& s, std::size_t si, std::size_t i,
                              std::vector<NamedPerson>& named) const {
        const Token& t = d.toks[i];
        if (t.cap && !named.empty()) {
            if (std::size_t end = short_form(d, s, si, i, named); end > i) return end;
        }
        if (titles_ && t.cap) {
            if (std::size_t end = appositive_name(d, s, si, i); end > i) {
                named.push_back(
                    {d.mentions.back().tb, d.mentions.back().te, d.mentions.size() - 1});
                return end;
            }
        }
        if (titles_ && !t.cap && has(t, WPersonDescriptor)) {
            if (std::size_t end = descriptor_name(d, s, si, i); end > i) {
                named.push_back({d.mentions.back().tb, end, d.mentions.size() - 1});
                return end;
            }
        }
        return 0;
    }

    // The end of a capitalised personal name starting at r (name words, connectors such
    // as "bin"/"al", glued hyphens), with `words` its capitalised words; r when none.
    std::size_t name_end(const Doc& d, const Sentence& s, std::size_t r, std::size_t& words) const {
        words = 0;
        std::size_t e = r;
        while (e < s.te && words < 5) {
            if (name_token(d, e)) {
                ++e;
                ++words;
                continue;
            }
            if (words > 0 && e + 1 < s.te &&
                ((d.toks[e].text == "-"sv && !d.toks[e].space_before) ||
                 has(d.toks[e], WNameConnector)) &&
                name_token(d, e + 1)) {
                ++e;
                continue;
            }
            // "Mithal al-Alusi": a connector glued by a hyphen to the next name word
            if (words > 0 && e + 2 < s.te && has(d.toks[e], WNameConnector) &&
                d.toks[e + 1].text == "-"sv && !d.toks[e + 1].space_before &&
                !d.toks[e + 2].space_before && name_token(d, e + 2)) {
                e += 2;
                continue;
            }
            break;
        }
        return e;
    }

    // Whether a gazetteer entry other than a person starts at token j (a country, place,
    // organisation or group is no part of a personal name).
    bool non_person_at(const Doc& d, std::size_t j, std::size_t end) const {
        if (!d.toks[j].surf) return false;
        for (const Surface* x : gaz_match(d, j, end).hits)
            if (x->ent != EntKind::person) return true;
        return false;
    }

    // Whether the capitalised words [b, e) name a body or a facility rather than a person:
    // their last word, or a lower-case word right after them, is a body's or facility's head
    // ("Ali Koc Foundation", "Capital Economics Group", "the Peace Now movement").
    bool org_like(const Doc& d, std::size_t b, std::size_t e, std::size_t end) const {
        const Knowledge& k = *d.k;
        auto head = [&](std::string_view w) {
            return k.facility_nouns.count(w) || k.org_descriptor_heads.count(w) ||
                   k.office_nouns.count(w) || k.org_name_heads.count(w) ||
                   k.group_anaphors.count(w);
        };
        if (e <= b) return false;
        if (head(d.toks[e - 1].lower)) return true;
        return e < end && d.toks[e].kind == TokKind::word && !d.toks[e].cap &&
               head(d.toks[e].lower);
    }

    // "former banker Mehmet Simsek", "Turkish businessman Ali Koc", "chef Jose Andres": a
    // descriptor noun (lexicon person_descriptors) right before two to five capitalised words
    // that the gazetteer does not know. A country adjective or possessive in front
    // ("Saudi journalist X") gives the country and joins the mention.
    std::size_t descriptor_name(Doc& d, const Sentence& s, std::size_t si, std::size_t i) const {
        const std::size_t nb = i + 1;
        if (nb >= s.te) return 0;
        std::size_t words = 0;
        const std::size_t e = name_end(d, s, nb, words);
        if (words < 2) return 0;
        // (a known name is the gazetteer's; "analyst Hassan Nafaa" is not the "Hassan" it
        // files as a surname)
        if (d.toks[nb].surf && nb + gaz_match(d, nb, s.te).len >= e) return 0;
        for (std::size_t j = nb; j < e; ++j)
            if (non_person_at(d, j, e)) return 0;
        if (org_like(d, nb, e, s.te)) return 0;
        if (e < s.te && d.toks[e].cap && d.toks[e].kind == TokKind::word) return 0;
        // the start: role modifiers ("former", "veteran") and a country qualifier before
        std::size_t b = i;
        // (not a participle: "has appointed former banker X")
        while (b > s.tb && (d.toks[b - 1].lex & LRoleModifier) && !d.toks[b - 1].cap &&
               !d.toks[b - 1].lower.ends_with("ed"))
            --b;
        std::string country;
        if (!d.mentions.empty()) {
            const Mention& q = d.mentions.back();
            // ("Hezbollah lawmaker X": a group or body before the descriptor gives its country)
            const bool body =
                q.part && (q.part->kind == "group"_w || q.part->kind == "organisation"_w);
            if (q.sentence == si && q.te == b && q.part && !q.modifier &&
                ((q.part->kind == "country"_w && (q.adjective || q.possessive)) || body)) {
                country = q.part->country;
                b = q.tb;
                d.mentions.pop_back();
            } else if (q.sentence == si && q.te + 1 == b && q.possessive && q.part &&
                       q.part->kind == "country"_w) {
                country = q.part->country;
                b = q.tb;
                d.mentions.pop_back();
            }
        }
        Mention& m = d.mentions.emplace_back();
        m.tb = b;
        m.te = e;
        m.sentence = si;
        m.kind = MentionKind::entity;
        m.part = d.own(d.text.substr(d.toks[nb].b, d.toks[e - 1].e - d.toks[nb].b), "person",
                       d.toks[i].lower, country);
        finish(d, s, m);
        return e;
    }

    // A later short form of an open-class person: the longest ending of the full name
    // ("Simsek", "Al Jaber", "al-Murtada") written as whole words, not inside a longer
    // capitalised name.
    std::size_t short_form(Doc& d, const Sentence& s, std::size_t si, std::size_t i,
                           const std::vector<NamedPerson>& named) const {
        if (i > s.tb && name_token(d, i - 1) && !(d.toks[i - 1].lex & LRoleFirst)) return 0;
        std::size_t best = 0, best_len = 0;
        for (std::size_t n = named.size(); n-- > 0;) {
            const NamedPerson& np = named[n];
            for (std::size_t q = np.tb; q < np.te; ++q) {
                const std::size_t len = np.te - q;
                if (len <= best_len || i + len > s.te) continue;
                if (!name_token(d, q)) continue;  // a short form starts with a name word
                bool same = true;
                for (std::size_t x = 0; x < len && same; ++x)
                    same = d.toks[i + x].text == d.toks[q + x].text;
                if (!same) continue;
                best = n + 1;
                best_len = len;
            }
        }
        if (!best) return 0;
        const std::size_t e = i + best_len;
        if (e < s.te && name_token(d, e) && !d.toks[e].surf) return 0;
        Mention p = d.mentions[named[best - 1].mention];
        p.tb = i;
        p.te = e;
        p.sentence = si;
        p.prep = {};
        p.prep_attached = p.possessive = p.modifier = false;
        finish(d, s, p);
        d.mentions.push_back(std::move(p));
        return e;
    }

    bool name_token(const Doc& d, std::size_t j) const {
        const Token& t = d.toks[j];
        // (a word token's lex holds its flags; no LStopwordCap: not in the set)
        return t.kind == TokKind::word && t.cap &&
               !((t.lex & LStopwordCap) && stopword_cap(*d.k, t.text));
    }

    // Whether `text` is in k.stopwords_cap ("The", "He"): through the stage's table of it
    // when bound to k (name_token asks at every capitalised stopword).
    bool stopword_cap(const Knowledge& k, std::string_view text) const {
        return sets_of_ == &k ? stop_cap_.contains(text) : k.stopwords_cap.count(text) != 0;
    }
    // The same for k.facility_nouns (try_title asks at every title with a name).
    bool facility_noun(const Knowledge& k, std::string_view w) const {
        return sets_of_ == &k ? facility_.contains(w) : k.facility_nouns.count(w) != 0;
    }

    // Whether try_title can succeed at token i: after an optional "the"/"a"/"an", its first
    // step needs a title, a gazetteer qualifier or a role modifier (else it returns false).
    // A gazetteer name alone can open only as a qualifier, which a title or a role modifier
    // must then follow.
    bool title_may_start(const Doc& d, const Sentence& s, std::size_t i, GazKeep& keep) const {
        std::size_t j = i;
        if (d.toks[j].lower == "the"_w || d.toks[j].lower == "a"_w || d.toks[j].lower == "an"_w)
            ++j;
        if (j >= s.te) return false;
        const Token& t = d.toks[j];
        if (t.role || (t.lex & LRoleModifier)) return true;
        std::size_t len = 0;
        const Surface* q = nullptr;
        if (!qualifier_at(d, j, s.te, len, q, &keep)) return false;
        const std::size_t a = j + len;
        return a < s.te && (d.toks[a].role || (d.toks[a].lex & LRoleModifier));
    }

    bool try_title(Doc& d, const Sentence& s, std::size_t i, Mention& m, std::size_t& next,
                   std::vector<int>& seen_people, GazKeep& keep) const {
        const Knowledge& k = *d.k;
        std::size_t j = i;
        bool det = false;
        if (d.toks[j].lower == "the"_w || d.toks[j].lower == "a"_w || d.toks[j].lower == "an"_w) {
            det = true;
            ++j;
        }
        const Surface* qual_surface = nullptr;  // the participant is built once a title follows
        std::vector<std::size_t> mods;
        for (int guard = 0; guard < 4 && j < s.te; ++guard) {
            std::size_t len = 0;
            std::size_t tl0 = 0;
            std::uint32_t tr0 = 0;
            if (title_at(d, j, s.te, tl0, tr0) && tl0 > 1) {
                // a title that starts with an organisation ("Mossad chief", "CIA Director")
                if (!qual_surface) qualifier_at(d, j, s.te, len, qual_surface, &keep);
                break;
            }
            if (!qual_surface && qualifier_at(d, j, s.te, len, qual_surface, &keep)) {
                j += len;
                continue;
            }
            std::size_t tl = 0;
            std::uint32_t tr = 0;
            if ((d.toks[j].lex & LRoleModifier) && !title_at(d, j, s.te, tl, tr)) {
                mods.push_back(j);
                ++j;
                // "ex-president", "newly-elected": the hyphen glued to the modifier
                if (j + 1 < s.te && d.toks[j].text == "-"sv && !d.toks[j].space_before &&
                    !d.toks[j + 1].space_before)
                    ++j;
                continue;
            }
            break;
        }
        if (j >= s.te) return false;
        std::size_t tlen = 0;
        std::uint32_t role = 0;
        if (!title_at(d, j, s.te, tlen, role)) return false;
        const Participant* qual = nullptr;
        if (qual_surface) qual = part_of(k, qual_surface->ent, qual_surface->idx);
        // "top US diplomat": the modifier and the title together may name a role
        for (std::size_t mj : mods) {
            std::string joined(d.toks[mj].lower);
            for (std::size_t q = j; q < j + tlen; ++q) {
                joined += ' ';
                joined += d.toks[q].lower;
            }
            if (auto it = k.role_by_title.find(joined); it != k.role_by_title.end())
                role = it->second;
        }
        const std::size_t title_b = j;
        std::size_t title_e = j + tlen;
        // Chained titles: "press secretary Major General Patrick Ryder"
        for (int guard = 0; guard < 2 && title_e < s.te; ++guard) {
            std::size_t l2 = 0;
            std::uint32_t r2 = 0;
            if (d.toks[title_e].cap && title_at(d, title_e, s.te, l2, r2)) {
                title_e += l2;
                role = r2;
            } else {
                break;
            }
        }
        // "envoy for Sudan Tom Perriello": a place or country may follow the title
        if (title_e + 2 < s.te &&
            (d.toks[title_e].lower == "for"_w || d.toks[title_e].lower == "to"_w)) {
            const GazHit h = gaz_match(d, title_e + 1, s.te);
            bool geo = false;
            for (const Surface* x : h.hits)
                if (x->ent == EntKind::country || x->ent == EntKind::place) geo = true;
            const std::size_t after = title_e + 1 + h.len;
            bool name_geo = false;
            if (after < s.te)
                for (const Surface* x : gaz_match(d, after, s.te).hits)
                    if (x->ent != EntKind::person) name_geo = true;
            if (geo && after + 1 < s.te && name_token(d, after) && name_token(d, after + 1) &&
                !name_geo)
                title_e = after;
        }
        // Name after the title.
        std::size_t e = title_e;
        std::size_t words = 0;
        while (e < s.te && words < 6) {
            const Token& t = d.toks[e];
            if (name_token(d, e)) {
                // a country / place right after a title is not a name ("President Egypt")
                if (words == 0) {
                    const GazHit h = gaz_match(d, e, s.te);
                    bool geo = false;
                    for (const Surface* x : h.hits)
                        if (x->ent == EntKind::country || x->ent == EntKind::place ||
                            x->ent == EntKind::organisation)
                            geo = true;
                    if (geo) break;
                    std::size_t l3 = 0;
                    std::uint32_t r3 = 0;
                    if (title_at(d, e, s.te, l3, r3)) break;
                }
                ++e;
                ++words;
                continue;
            }
            if (words > 0 && has(t, WNameConnector) && e + 1 < s.te) {
                std::size_t f = e + 1;
                if (d.toks[f].text == "-"_w && !d.toks[f].space_before) ++f;
                // "von der Leyen", "bin Abd al-Aziz": connectors may chain
                if (f + 1 < s.te && has(d.toks[f], WNameConnector) && !d.toks[f].cap &&
                    name_token(d, f + 1))
                    ++f;
                if (f < s.te && name_token(d, f)) {
                    e = f;
                    continue;
                }
            }
            if (words > 0 && t.text == "-"_w && !t.space_before && e + 1 < s.te &&
                !d.toks[e + 1].space_before && name_token(d, e + 1)) {
                ++e;
                continue;
            }
            break;
        }
        // "U.S. deputy Middle East envoy Morgan Ortagus": a rank word (subordinate_ranks)
        // among the modifiers right before the title is part of the role as written
        std::size_t role_b = title_b;
        for (std::size_t mi = mods.size(); mi-- > 0;) {
            std::size_t to = mods[mi] + 1;
            if (to < title_b && d.toks[to].text == "-"sv && !d.toks[to].space_before) ++to;
            if (to != role_b) break;
            if (has_rank(k, d.toks[mods[mi]].lower)) {
                role_b = mods[mi];
                break;
            }
            role_b = mods[mi];
        }
        if (role_b != title_b && !has_rank(k, d.toks[role_b].lower)) role_b = title_b;
        const std::string_view role_text = std::string_view(d.text).substr(
            d.toks[role_b].b, d.toks[title_e - 1].e - d.toks[role_b].b);  // (no copy)
        const RoleRec& rr = k.roles[role];
        // "King Khalid International Airport", "Prince Sultan Air Base": a capitalised
        // facility noun ending the name (or right after it) names a place, not a person
        if (words > 0) {
            const std::size_t last = e < s.te && d.toks[e].cap ? e : e - 1;
            if (d.toks[last].cap && facility_noun(k, d.toks[last].lower)) return false;
        }
        if (words > 0) {
            // Known person inside the name span?
            // ("King Abdullah" as written first; with a qualifier, "Jordan's King
            // Abdullah", only a person of that country: a namesake elsewhere is not him)
            int person = -1;
            auto fits = [&](const Surface* x) {
                return x->ent == EntKind::person && (!qual || qual->country.empty() ||
                                                     k.people[x->idx].country == qual->country);
            };
            for (std::size_t q = title_b; q < e && person < 0; ++q) {
                if (q > title_b && q < title_e) continue;
                const GazHit h = gaz_match(d, q, e);
                if (q + h.len != e) continue;
                // ("Emir Sheikh Mishal al-Sabah": a family name several people share is
                // the one whose name has the given name written before it, else the one
                // holding the title on the day)
                int best = -1, best_score = -1;
                for (const Surface* x : h.hits) {
                    if (!fits(x)) continue;
                    int score = 0;
                    if (x->kind == SurfKind::surname && q > title_e) {
                        const PersonRec& pr = k.people[x->idx];
                        const std::string nm = " " + ascii_lower(pr.name) + " ";
                        const std::string given = " " + std::string(d.toks[title_e].lower) + " ";
                        if (nm.find(given) != std::string::npos) score += 2;
                        for (const RoleSpan& r : pr.roles)
                            if (r.role == static_cast<int>(role) &&
                                (!d.pub_day || (*d.pub_day >= r.from && *d.pub_day <= r.to)))
                                score += 1;
                    }
                    if (score > best_score) {
                        best_score = score;
                        best = static_cast<int>(x->idx);
                    }
                }
                person = best;
            }
            // "Prince Faisal" after "Prince Faisal bin Farhan": a short form of a person
            // already named in the article (whole words of the canonical name)
            if (person < 0) {
                const std::string written(
                    d.text.substr(d.toks[title_e].b, d.toks[e - 1].e - d.toks[title_e].b));
                for (auto it = seen_people.rbegin(); it != seen_people.rend() && person < 0; ++it) {
                    const PersonRec& pr = k.people[static_cast<std::size_t>(*it)];
                    if (qual && !qual->country.empty() && pr.country != qual->country) continue;
                    const std::string nm = " " + pr.name + " ";
                    if (nm.find(" " + written + " ") != std::string::npos) person = *it;
                }
            }
            m.tb = i;
            m.te = e;
            m.kind = MentionKind::entity;
            m.role_kind = rr.kind;
            m.role = static_cast<int>(role);
            if (person >= 0) {
                const PersonRec& pr = k.people[static_cast<std::size_t>(person)];
                const std::string_view acts = acting_country(pr, d.pub_day);
                m.part = d.own(pr.name, "person", role_text,
                               pr.country.empty() && qual ? qual->country : acts);
                m.gender = pr.gender;
                m.person = person;
                seen_people.push_back(person);
            } else {
                const std::string_view nm = std::string_view(d.text).substr(
                    d.toks[title_e].b, d.toks[e - 1].e - d.toks[title_e].b);
                m.part = d.own(nm, "person", role_text, qual ? qual->country : "");
            }
            next = e;
            return true;
        }
        // No name: a role-only mention needs a determiner or a qualifier.
        if (!det && !qual) return false;
        {
            // Apposition: "<title> [for|of a few words], Name Name,"
            std::size_t q = title_e;
            // ("Iran's ambassador to Syria, Hossein Akbari,": the PP may name a place)
            if (q < s.te && (d.toks[q].lower == "for"_w || d.toks[q].lower == "of"_w ||
                             d.toks[q].lower == "to"_w || d.toks[q].lower == "in"_w)) {
                std::size_t r = q + 1;
                while (r < s.te && r < q + 5 && d.toks[r].kind == TokKind::word) ++r;
                if (r < s.te && d.toks[r].text == ","_w) q = r;
            }
            if (q < s.te && d.toks[q].text == ","_w) {
                std::size_t r = q + 1, w = 0;
                while (r < s.te && w < 4) {
                    if (name_token(d, r)) {
                        ++r;
                        ++w;
                        continue;
                    }
                    // "Mahmoud al-Aloul": a connector or glued hyphen inside the name
                    if (w > 0 && r + 1 < s.te &&
                        (has(d.toks[r], WNameConnector) ||
                         (d.toks[r].text == "-"sv && !d.toks[r].space_before))) {
                        ++r;
                        continue;
                    }
                    break;
                }
                if (w >= 2 && r < s.te && d.toks[r].text == ","_w && name_token(d, r - 1)) {
                    const GazHit h = gaz_match(d, q + 1, r);
                    bool geo = false;
                    int person = -1;
                    for (const Surface* x : h.hits) {
                        if (x->ent == EntKind::country || x->ent == EntKind::place ||
                            x->ent == EntKind::organisation || x->ent == EntKind::group)
                            geo = true;
                        // (the whole name, and of the qualifier's state: in "the Saudi
                        // ambassador to Yemen, Mohammed Al Jaber," the first word is no other
                        // person's surname)
                        if (x->ent == EntKind::person && q + 1 + h.len == r &&
                            (!qual || qual->country.empty() ||
                             k.people[x->idx].country == qual->country))
                            person = static_cast<int>(x->idx);
                    }
                    if (!geo) {
                        m.tb = i;
                        m.te = r;
                        m.kind = MentionKind::entity;
                        m.role_kind = rr.kind;
                        m.role = static_cast<int>(role);
                        if (person >= 0) {
                            const PersonRec& pr = k.people[static_cast<std::size_t>(person)];
                            m.part =
                                d.own(pr.name, "person", role_text, acting_country(pr, d.pub_day));
                            m.person = person;
                            m.gender = pr.gender;
                        } else {
                            m.part = d.own(std::string(d.text.substr(
                                               d.toks[q + 1].b, d.toks[r - 1].e - d.toks[q + 1].b)),
                                           "person", role_text, qual ? qual->country : "");
                        }
                        next = r;
                        return true;
                    }
                }
            }
        }
        if (d.toks[title_b].lower == "counterpart"_w || d.toks[title_b].lower == "counterparts"_w)
            return false;
        m.tb = i;
        m.te = title_e;
        m.kind = MentionKind::role_only;
        m.role_kind = rr.kind;
        m.role = static_cast<int>(role);
        // (ascii_lower(role_text): the same bytes of the Doc's lower-case text)
        m.role_title = std::string_view(d.lower).substr(d.toks[title_b].b,
                                                        d.toks[title_e - 1].e - d.toks[title_b].b);
        if (qual) m.part = d.own(qual->name, qual->kind, "", qual->country);
        next = title_e;
        return true;
    }

    bool try_gazetteer(Doc& d, const Sentence& s, std::size_t i, Mention& m, std::size_t& next,
                       std::vector<int>& seen_people, GazKeep& keep) const {
        const Knowledge& k = *d.k;
        const GazHit& h = keep.at(d, i, s.te);
        if (!h.len) return false;
        // "the U.N. nuclear watchdog", "the U.N. Security Council": a name that starts after
        // the determiner and runs on beyond "the U.N." is the one meant
        if (h.len > 1 && (d.toks[i].lex & LDeterminer))
            for (std::size_t q = i + 1; q < i + h.len; ++q)
                if (d.toks[q].surf && q + gaz_match(d, q, s.te).len > i + h.len) return false;
        const Surface* person = nullptr;
        const Surface* group = nullptr;
        const Surface* org = nullptr;
        const Surface* country = nullptr;
        const Surface* adjective = nullptr;
        const Surface* metonym = nullptr;
        const Surface* place = nullptr;
        std::vector<const Surface*> surnames;
        for (const Surface* x : h.hits) {
            switch (x->kind) {
                case SurfKind::person:
                    if (!person) person = x;
                    break;
                case SurfKind::surname:
                    surnames.push_back(x);
                    break;
                case SurfKind::group:
                    if (!group) group = x;
                    break;
                case SurfKind::organisation:
                    if (!org) org = x;
                    break;
                case SurfKind::country:
                    if (!country) country = x;
                    break;
                case SurfKind::adjective:
                    if (!adjective) adjective = x;
                    break;
                case SurfKind::metonym:
                    if (!metonym) metonym = x;
                    break;
                case SurfKind::place:
                    if (!place) place = x;
                    break;
            }
        }
        if (!person && !surnames.empty() && surnames_) {
            // Unambiguous surname, or the one already named in this article.
            std::vector<const Surface*> uniq;
            for (const Surface* x : surnames)
                if (std::none_of(uniq.begin(), uniq.end(),
                                 [&](const Surface* u) { return u->idx == x->idx; }))
                    uniq.push_back(x);
            if (uniq.size() == 1) {
                person = uniq[0];
            } else {
                for (auto it = seen_people.rbegin(); it != seen_people.rend() && !person; ++it)
                    for (const Surface* x : uniq)
                        if (static_cast<int>(x->idx) == *it) person = x;
            }
            // A lower-case or sentence-initial common word is not a surname.
            if (person && !d.toks[i].cap) person = nullptr;
        }
        m.tb = i;
        m.te = i + h.len;
        m.kind = MentionKind::entity;
        // "Hassan Nafaa": a one-word surname or short name followed by a capitalised word
        // the gazetteer does not know is someone else's first name
        if (person && h.len == 1 && i + 1 < s.te && name_token(d, i + 1) && !d.toks[i + 1].surf &&
            !(d.toks[i + 1].lex & (LRoleFirst | LPeopleNoun)))
            person = nullptr;
        std::size_t pidx = person ? person->idx : 0;
        // "Palestinian Foreign Minister Riyad al-Maliki ... Maliki said": a one-word short
        // form is the person of that surname named in full earlier in the article, before
        // another person the gazetteer files under it
        if (person && h.len == 1 && !has_space_or_hyphen(d.toks[i].text))
            for (auto it = seen_people.rbegin(); it != seen_people.rend(); ++it) {
                if (static_cast<std::size_t>(*it) == pidx) break;
                if (is_last_name_part(k.people[static_cast<std::size_t>(*it)].name,
                                      d.toks[i].text)) {
                    pidx = static_cast<std::size_t>(*it);
                    break;
                }
            }
        if (person) {
            const PersonRec& pr = k.people[pidx];
            Participant* np = d.own(pr.name, "person", "", acting_country(pr, d.pub_day));
            m.part = np;
            if (const RoleSpan* r = role_on(pr, d.pub_day)) {
                np->role = r->title;
                m.role_kind = r->kind;
                m.role = r->role;
            }
            m.gender = pr.gender;
            m.person = static_cast<int>(pidx);
            seen_people.push_back(m.person);
        } else if (group) {
            m.part = part_of(k, EntKind::group, group->idx);
        } else if (org) {
            m.part = part_of(k, EntKind::organisation, org->idx);
        } else if (country) {
            m.part = country_part(k, country->idx);
            const CountryRec& c = k.countries[country->idx];
            m.place = &k.country_places[country->idx];
            m.place_mena = k.country_in_region(c.code);
            m.place_concrete = true;
        } else if (adjective) {
            m.part = part_of(k, adjective->ent, adjective->idx);
            m.adjective = true;
        } else if (metonym) {
            m.part = part_of(k, metonym->ent, metonym->idx);
            m.metonym = true;
        }
        if (place && !m.place && !person) {
            const PlaceRec& p = k.places[place->idx];
            m.place = &k.place_places[place->idx];
            m.place_mena = p.mena || k.country_in_region(p.country);
            m.place_concrete = !p.country.empty() && p.kind != "sea"_w;
        }
        if (!m.part && !m.place) return false;
        next = m.te;
        return true;
    }
};

// ---------------------------------------------------------------- coreference

// "since succeeding Sultan X", "the late King Y", "his predecessor, Z", "former President W":
// a person named as a past holder of a title (`past_holder_words` opening the mention or
// right before it) is no antecedent of a later "the sultan", "the two leaders" or "he".
bool past_holder(const Doc& d, const Mention& p) {
    // (past_holder_words by its WordSet bit: no hashing)
    if (has(d.toks[p.tb], WPastHolderWord)) return true;
    const std::size_t sb = d.sents[p.sentence].tb;
    std::size_t b = p.tb;
    if (b > sb + 1 && d.toks[b - 1].lower == ","_w &&
        (d.toks[b - 2].lower == "predecessor"_w || d.toks[b - 2].lower == "predecessors"_w))
        return true;
    if (b > sb && d.toks[b - 1].lower == "the"_w) --b;
    return b > sb && has(d.toks[b - 1], WPastHolderWord);
}

bool gender_ok(char want, char have) {
    return !want || !have || want == have;
}

// The tokens coreference's walks look at, in order (gathered by the segmenter into
// Doc::the_at / Doc::pron_at during its lookup pass): the "the" tokens, and the tokens the
// pronoun walk takes (words outside quotes that are pronouns, determiners or pair
// quantifiers), and the capitalised words one or two tokens before a people noun (the
// collective walk's).
struct TheTokens {
    const std::vector<std::uint32_t>& at;
    const std::vector<std::uint32_t>& pron;
    const std::vector<std::uint32_t>& caps;
    std::size_t pc = 0;          // pronoun walk cursor
    std::size_t ac = 0, cc = 0;  // `at` and `caps` cursors (see step)
    explicit TheTokens(const Doc& d) : at(d.the_at), pron(d.pron_at), caps(d.cap_at) {}
    // The first pronoun-walk token at or after t (SIZE_MAX: none); t never goes back.
    std::size_t pron_from(std::size_t t) {
        while (pc < pron.size() && pron[pc] < t) ++pc;
        return pc < pron.size() ? pron[pc] : SIZE_MAX;
    }
    // The "the" tokens in the token range [b, e - 1) (e: the sentence's end, so a word of
    // the sentence follows each).
    struct Range {
        const std::uint32_t *b, *e;
        const std::uint32_t* begin() const { return b; }
        const std::uint32_t* end() const { return e; }
    };
    Range in(std::size_t b, std::size_t e) { return step(at, ac, b, e - 1); }
    // The same for the collective walk's capitalised words.
    Range caps_in(std::size_t b, std::size_t e) { return step(caps, cc, b, e - 1); }
    // The entries of `v` in [b, e), found from cursor `c` (the end of the range asked
    // before: a walk asks sentence after sentence; a new walk starts again from 0).
    static Range step(const std::vector<std::uint32_t>& v, std::size_t& c, std::size_t b,
                      std::size_t e) {
        if (c > 0 && v[c - 1] >= b) c = 0;  // (all entries before c must be < b)
        while (c < v.size() && v[c] < b) ++c;
        std::size_t h = c;
        while (h < v.size() && v[h] < e) ++h;
        const Range r{v.data() + c, v.data() + h};
        c = h;
        return r;
    }
};

class CoreferenceStage final : public Stage {
  public:
    const char* name() const override { return "coreference"; }
    void configure(const YAML::Node& n, config::DiagnosticSink& sink) override {
        check_stage_keys(n, {"max_sentences_back", "pronouns", "roles", "metonyms"}, sink);
        back_ = static_cast<std::size_t>(std::max(1, read_int(n, "max_sentences_back", 4, sink)));
        pronouns_ = read_bool(n, "pronouns", true, sink);
        roles_ = read_bool(n, "roles", true, sink);
        metonyms_ = read_bool(n, "metonyms", true, sink);
    }
    std::vector<std::string> requires_before() const override { return {"entities"}; }
    void bind(const Knowledge& k) override {
        for (const PlaceRec& p : k.places)
            if (p.kind == "site"sv) site_names_.insert(p.name);
    }

    void run(Doc& d) const override {
        const Knowledge& k = *d.k;
        // 1. Metonyms after a locative preposition are places ("in Washington").
        if (metonyms_)
            for (Mention& m : d.mentions) {
                if (!m.metonym) continue;
                // "talks between Washington and Tehran", "a deal with Riyadh": the parties
                bool place_use = !m.prep.empty() && m.prep != "by"_w && m.prep != "between"_w &&
                                 m.prep != "with"_w && m.prep != "against"_w;
                if (m.te < d.toks.size() && has(d.toks[m.te], WVisitNoun)) place_use = true;
                // "called on New Delhi to use its weight", "renewed its call on Tehran": "on"
                // after a verb or noun that takes an addressee (lexicon addressee_on_words)
                // is no place
                if (place_use && m.prep == "on"_w && m.tb >= 2 &&
                    d.toks[m.tb - 1].lower == "on"_w &&
                    k.addressee_on_words.count(d.toks[m.tb - 2].lower))
                    place_use = false;
                // "two days after Tehran launched", "since Washington said": a conjunction
                // opening a clause whose subject the metonym is (a finite verb follows)
                if (place_use && m.te < d.toks.size() &&
                    (m.prep == "after"_w || m.prep == "before"_w || m.prep == "since"_w ||
                     m.prep == "until"_w || m.prep == "once"_w || m.prep == "as"_w)) {
                    const Token& v = d.toks[m.te];
                    if (v.kind == TokKind::word && !v.cap &&
                        (v.lower.ends_with("ed") || (v.lex & LReportingVerb) ||
                         v.lower == "has"_w || v.lower == "had"_w || v.lower == "have"_w ||
                         v.lower == "will"_w || v.lower == "would"_w || v.lower == "was"_w))
                        place_use = false;
                }
                if (place_use) {
                    m.part = nullptr;
                    m.metonym = false;
                } else if (m.place) {
                    // "the Elysee said": a seat of government names its state; it is a place
                    // only after a locative preposition ("at the White House")
                    if (site_names_.count(m.place->name)) {
                        m.place = nullptr;
                        m.place_concrete = false;
                    }
                    continue;
                }
                if (!m.place) {
                    // the capital as a place when the gazetteer lists it
                    const GazHit h = gaz_match(d, m.tb, m.te);
                    for (const Surface* x : h.hits)
                        if (x->ent == EntKind::place) {
                            const PlaceRec& p = k.places[x->idx];
                            m.place = &k.place_places[x->idx];
                            m.place_mena = p.mena || k.country_in_region(p.country);
                            m.place_concrete = !p.country.empty();
                        }
                }
            }
        // 1b. "Arab leaders", "European ministers": a collective adjective that starts the
        // name of the one organisation of that kind the article names ("the Arab League").
        TheTokens thes{d};  // the tokens the walks below take
        collective_mentions(d, thes);
        // 2. Role-only mentions ("the top US diplomat", "the Secretary").
        if (roles_) {
            for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
                Mention& m = d.mentions[mi];
                if (m.kind != MentionKind::role_only) continue;
                resolve_role(d, mi);
            }
        }
        // 3. Sentence subjects (first person outside PPs and quotes).
        std::vector<int> subject(d.sents.size(), -1);
        for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
            const Mention& m = d.mentions[mi];
            if (!m.part || m.in_quote) continue;
            if (m.part->kind != "person"_w && m.kind != MentionKind::role_only) continue;
            if (!m.prep.empty() && !m.prep_attached) continue;
            if (subject[m.sentence] < 0) subject[m.sentence] = static_cast<int>(mi);
        }
        if (!pronouns_) return;
        // 4. Pronouns and anaphoric noun phrases.
        std::vector<Mention>& added = d.added;
        added.clear();
        std::size_t mi = 0;
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            for (std::size_t t = thes.pron_from(s.tb); t < s.te; t = thes.pron_from(t + 1)) {
                const Token& tok = d.toks[t];
                // (the token tests first: the mention cursor only moves forward, so it
                // can catch up at the few tokens that pass them)
                if (tok.in_quote || tok.kind != TokKind::word ||
                    (!(tok.lex & (LPronoun | LDeterminer)) && !has(tok, WPairQuantifier)))
                    continue;
                while (mi < d.mentions.size() && d.mentions[mi].te <= t) ++mi;
                if (mi < d.mentions.size() && d.mentions[mi].tb <= t) continue;  // inside one
                const auto pr =
                    (tok.lex & LPronoun) ? k.pronouns.find(tok.lower) : k.pronouns.end();
                if (pr != k.pronouns.end()) {
                    Mention m;
                    m.tb = t;
                    m.te = t + 1;
                    m.sentence = si;
                    m.kind = MentionKind::pronoun;
                    m.gender = pr->second;
                    m.possessive = tok.lower == "his"_w || tok.lower == "her"_w ||
                                   tok.lower == "its"_w || tok.lower == "their"_w;
                    set_prep(d, s, m);
                    // "the United States urged it", "X called Y and told him": an object
                    // pronoun is not the subject of its own clause
                    const bool object = !m.possessive && tok.lower != "he"_w &&
                                        tok.lower != "she"_w && object_position(d, s, t);
                    // "before the two leaders held talks. They signed": the pair named last
                    // as a subject (of a clause too), with no subject named since
                    const Mention* pair = nullptr;
                    if (pr->second == 'g' && !added.empty()) {
                        const Mention& p = added.back();
                        bool since = false;
                        for (std::size_t q = d.mention_from(p.te);
                             q < d.mentions.size() && d.mentions[q].tb < t; ++q) {
                            const Mention& x = d.mentions[q];
                            if (x.part && !x.in_quote && (x.prep.empty() || x.prep_attached) &&
                                !(x.adjective && !x.people))
                                since = true;
                        }
                        // (a "they" that took the pair passes it on: "They met ... They
                        // signed")
                        if ((p.kind == MentionKind::plural_anaphor ||
                             p.kind == MentionKind::pronoun) &&
                            !p.extra.empty() && p.sentence + 1 >= si && p.te <= t && !since &&
                            (p.prep.empty() || k.subordinators.count(p.prep)))
                            pair = &p;
                    }
                    // "Jordan and Egypt held talks. They called for ...": with no named
                    // group before it, a subject "they" is the list of sides that was the
                    // subject last (this or the sentence before)
                    Mention sides;
                    if (!pair && pr->second == 'g' && !object && !m.possessive &&
                        !group_antecedent(d, si, t)) {
                        // (states only: after "A and B met", a bare "they fired rockets"
                        // is more often unnamed fighters than the two leaders)
                        std::vector<Participant> ps = occasion_parties(d, t, si, 0, 's', true);
                        // ("A, B and C said ... They said/urged": persons too, before a
                        // saying verb)
                        const bool saying = t + 1 < s.te && (d.toks[t + 1].lex & LReportingVerb);
                        if (ps.size() >= 2 &&
                            std::all_of(ps.begin(), ps.end(), [&](const Participant& x) {
                                return x.kind == "country"_w || (saying && x.kind == "person"_w);
                            })) {
                            sides.kind = MentionKind::plural_anaphor;
                            sides.part = d.own(std::move(ps[0]));
                            sides.extra.assign(ps.begin() + 1, ps.end());
                            pair = &sides;
                        }
                    }
                    const Mention* a = pair                ? pair
                                       : pr->second == 'g' ? group_antecedent(d, si, t)
                                       : pr->second == 'n'
                                           ? thing_antecedent(d, si, t, object)
                                           : antecedent(d, subject, si, t, pr->second, object);
                    // "the group would keep up its attacks": "its" after the clause's own
                    // subject anaphor ("the group", "the movement") is that subject's
                    if (pr->second == 'n' && m.possessive && !added.empty()) {
                        const Mention& g = added.back();
                        bool near = g.kind == MentionKind::group_anaphor && g.sentence == si &&
                                    g.te <= t && t - g.te <= 5 && g.prep.empty() && g.part;
                        for (std::size_t u = g.te; near && u < t; ++u)
                            if (d.toks[u].kind != TokKind::word || (d.toks[u].lex & LPreposition))
                                near = false;
                        if (near) a = &g;
                    }
                    if (a) {
                        m.part = a->part;
                        m.role_kind = a->role_kind;
                        m.person = a->person;
                        if (a == pair) m.extra = a->extra;
                        // "He chose Riyadh for his first trip, meeting X. He went on to
                        // Doha": a subject pronoun before the sentence's first person is its
                        // subject for the pronouns after it
                        if ((subject[si] < 0 ||
                             d.mentions[static_cast<std::size_t>(subject[si])].tb > t) &&
                            (pr->second == 'm' || pr->second == 'f') && !object && !m.possessive &&
                            m.prep.empty() && a->part && a->part->kind == "person"_w &&
                            a >= d.mentions.data() && a < d.mentions.data() + d.mentions.size())
                            subject[si] = static_cast<int>(a - d.mentions.data());
                        added.push_back(std::move(m));
                    }
                    continue;
                }
                // "the militants", "the group"; "both sides", "both countries" (count two)
                const bool both = has(tok, WPairQuantifier);
                if ((tok.lower == "the"_w || both) && t + 1 < s.te) {
                    std::size_t h = t + 1;
                    std::size_t count = both ? 2 : 0;
                    if (const auto nw = k.number_words.find(d.toks[h].lower);
                        !both && nw != k.number_words.end() && h + 1 < s.te) {
                        count = static_cast<std::size_t>(std::max(0, nw->second));
                        ++h;
                        // "the two Gulf neighbours", "the two Horn of Africa neighbours":
                        // capitalised modifiers before the noun
                        std::size_t g = h;
                        while (g + 1 < s.te && g < h + 4 &&
                               (d.toks[g].cap ||
                                (g > h && d.toks[g].lower == "of"_w && d.toks[g + 1].cap)))
                            ++g;
                        if (g > h && count >= 2 && (d.toks[g].lex & LAnaphorNoun)) h = g;
                    }
                    // "the neighbours": the two states named last
                    if (!count && has(d.toks[h], WPairAnaphor)) count = 2;
                    // "urged the parties to": as many sides as the occasion has
                    // "told the leaders that": as many persons as the occasion's list (not
                    // "the leaders of the region", "the ministers from ...")
                    const bool any_sides =
                        !count &&
                        (has(d.toks[h], WPluralSideAnaphor) ||
                         (has(d.toks[h], WPluralPersonAnaphor) && h + 1 < s.te &&
                          d.toks[h + 1].lower != "of"_w && d.toks[h + 1].lower != "from"_w));
                    // "X was accompanied by A, B and C. The leaders held talks": opening a
                    // sentence, the persons of the sentence before (two or more)
                    if (!count && t == s.tb && si > 0 && (d.toks[h].lex & LAnaphorNoun) &&
                        has(d.toks[h], WPluralPersonAnaphor) && h + 1 < s.te &&
                        !d.toks[h + 1].cap && d.toks[h + 1].kind == TokKind::word &&
                        !(d.toks[h + 1].lex & LPreposition)) {
                        const Sentence& ps = d.sents[si - 1];
                        std::vector<const Mention*> in_prev;
                        for (std::size_t q = d.mention_from(ps.tb);
                             q < d.mentions.size() && d.mentions[q].tb < ps.te; ++q) {
                            const Mention& pm = d.mentions[q];
                            if (!pm.part || pm.part->kind != "person"_w || pm.in_quote) continue;
                            if (std::none_of(in_prev.begin(), in_prev.end(), [&](const Mention* o) {
                                    return o->part->name == pm.part->name;
                                }))
                                in_prev.push_back(&pm);
                        }
                        if (in_prev.size() >= 2 && in_prev.size() <= 8) {
                            Mention m;
                            m.tb = t;
                            m.te = h + 1;
                            m.sentence = si;
                            m.kind = MentionKind::plural_anaphor;
                            m.part = in_prev[0]->part;
                            for (std::size_t q = 1; q < in_prev.size(); ++q)
                                m.extra.push_back(*in_prev[q]->part);
                            set_prep(d, s, m);
                            added.push_back(std::move(m));
                            t = h;
                            continue;
                        }
                    }
                    // "The Houthi delegation arrived ... the prince received the
                    // delegation": the party of the delegation named last
                    // (not "the delegation from Jordan": it names its own party)
                    if (!count && !both && h == t + 1 && d.toks[h].lower == "delegation"_w &&
                        !(h + 1 < s.te &&
                          (d.toks[h + 1].lower == "from"_w || d.toks[h + 1].lower == "of"_w))) {
                        if (const Participant* dp = delegation_party(d, t, si)) {
                            Mention m;
                            m.tb = t;
                            m.te = h + 1;
                            m.sentence = si;
                            m.kind = MentionKind::group_anaphor;
                            m.part = dp;
                            set_prep(d, s, m);
                            added.push_back(std::move(m));
                            t = h;
                            continue;
                        }
                    }
                    const bool anaphor = d.toks[h].lex & LAnaphorNoun;
                    if (!count && anaphor && has(d.toks[h], WGroupAnaphor)) {
                        if (const Mention* g = last_of_kind(d, t, "group")) {
                            Mention m;
                            m.tb = t;
                            m.te = h + 1;
                            m.sentence = si;
                            m.kind = MentionKind::group_anaphor;
                            m.part = g->part;
                            set_prep(d, s, m);
                            added.push_back(std::move(m));
                            t = h;
                        }
                    } else if ((count >= 2 || any_sides) && anaphor &&
                               (has(d.toks[h], WPluralPersonAnaphor) ||
                                has(d.toks[h], WPluralCountryAnaphor) ||
                                has(d.toks[h], WPluralGroupAnaphor) ||
                                has(d.toks[h], WPluralSideAnaphor)) &&
                               // "both sides of the front line" is a place, not the parties
                               !(has(d.toks[h], WPluralSideAnaphor) && h + 1 < s.te &&
                                 d.toks[h + 1].lower == "of"_w)) {
                        // the sides of the current occasion first (a pair or list joined
                        // by "and" in this or the three sentences before), else the
                        // persons / states / groups named last
                        const bool side = has(d.toks[h], WPluralSideAnaphor);
                        const bool to_states = has(d.toks[h], WPluralCountryAnaphor) && !side;
                        std::vector<Participant> parts;
                        if (!has(d.toks[h], WPluralGroupAnaphor))
                            parts = occasion_parties(d, t, si, count,
                                                     side        ? 's'
                                                     : to_states ? 'c'
                                                                 : 'p');
                        // "X held talks with Y ..., and the two sides signed": with no list
                        // of sides, the subject and the "with" party of a contact told
                        // earlier in the same sentence, of two states
                        if (side && parts.empty() && count == 2) {
                            const Mention* with = nullptr;
                            const Mention* subj = nullptr;
                            for (std::size_t q = d.mention_from(t); q-- > 0;) {
                                const Mention& x = d.mentions[q];
                                if (x.sentence != si) break;
                                if (!x.part || x.in_quote || x.possessive || x.adjective ||
                                    x.modifier || x.part->country.empty() ||
                                    (x.part->kind != "person"_w && x.part->kind != "country"_w))
                                    continue;
                                if (!with) {
                                    if (x.prep == "with"_w) with = &x;
                                } else if (x.prep.empty()) {
                                    subj = &x;
                                }
                            }
                            if (with && subj && subj->part->country != with->part->country)
                                parts = {*subj->part, *with->part};
                        }
                        // ("the two movements": the two armed/political groups named last;
                        // "both sides" with no list of sides stays unresolved)
                        std::vector<const Mention*> ps =
                            !parts.empty() || side
                                ? std::vector<const Mention*>{}
                                : last_persons(d, t, count,
                                               to_states                             ? "country"
                                               : has(d.toks[h], WPluralGroupAnaphor) ? "group"
                                                                                     : "person");
                        for (const Mention* p : ps) parts.push_back(*p->part);
                        if (to_states && ps.size() == count) {
                            std::vector<Participant> pair = salient_countries(d, t, si, count);
                            if (pair.size() == count) parts = std::move(pair);
                        }
                        // "Erdogan welcomed Sisi ... Ministers from the two governments": the
                        // states of the people named last when the states are not named
                        if (parts.size() != count && to_states) {
                            parts.clear();
                            for (std::size_t q = d.mention_from(t);
                                 q-- > 0 && parts.size() < count;) {
                                const Mention& x = d.mentions[q];
                                if (x.sentence + 2 < si) break;
                                if (!x.part || x.in_quote || x.part->country.empty() ||
                                    (x.part->kind != "person"_w && x.part->kind != "country"_w))
                                    continue;
                                if (std::any_of(parts.begin(), parts.end(),
                                                [&](const Participant& y) {
                                                    return y.country == x.part->country;
                                                }))
                                    continue;
                                const Participant* cp = k.country_of_code(x.part->country);
                                if (!cp) continue;
                                parts.push_back(*cp);
                            }
                        }
                        if (parts.size() >= 2 && (parts.size() == count || any_sides)) {
                            Mention m;
                            m.tb = t;
                            m.te = h + 1;
                            m.sentence = si;
                            m.kind = MentionKind::plural_anaphor;
                            m.part = d.own(Participant(parts[0]));
                            for (std::size_t q = 1; q < parts.size(); ++q)
                                m.extra.push_back(parts[q]);
                            set_prep(d, s, m);
                            added.push_back(std::move(m));
                            t = h;
                        }
                    }
                }
            }
        }
        // "Omani Foreign Minister X, whose country has been hosting talks": the country of
        // the person named right before
        for (std::size_t mj = 0; mj < d.mentions.size(); ++mj) {
            const Mention& p = d.mentions[mj];
            if (!p.part || p.part->kind != "person"_w || p.part->country.empty()) continue;
            std::size_t w = p.te;
            if (w < d.toks.size() && d.toks[w].lower == ","_w) ++w;
            if (w + 1 >= d.toks.size() || d.toks[w].lower != "whose"_w) continue;
            const auto noun = d.toks[w + 1].lower;
            if (noun != "country"_w && noun != "government"_w && noun != "nation"_w) continue;
            const auto it = k.country_by_code.find(p.part->country);
            if (it == k.country_by_code.end()) continue;
            Mention m;
            m.tb = w;
            m.te = w + 2;
            m.sentence = p.sentence;
            m.kind = MentionKind::pronoun;
            m.part = &k.country_parts[it->second];
            added.push_back(std::move(m));
        }
        // "Israeli strikes across the country", "the south of the country": the state named
        // last (by name, not adjective), in this sentence or the one before
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            for (const std::size_t t : thes.in(s.tb + 1, s.te)) {
                // ("in the heart of the capital": that state's capital)
                const bool capital = d.toks[t + 1].lower == "capital"_w;
                if (d.toks[t].lower != "the"_w || (d.toks[t + 1].lower != "country"_w && !capital))
                    continue;
                if (!(d.toks[t - 1].lex & LPreposition)) continue;  // a place: "across the country"
                if (t + 2 < s.te && (d.toks[t + 2].lower == "'s"_w || d.toks[t + 2].cap)) continue;
                const Mention* last = nullptr;
                for (std::size_t q = d.mention_from(t); q-- > 0;) {
                    const Mention& m = d.mentions[q];
                    if (m.sentence + 1 < si) break;
                    if (m.in_quote || m.adjective || m.modifier) continue;
                    if ((m.part && m.part->kind == "country"_w) || (m.place && m.place_concrete)) {
                        last = &m;
                        break;
                    }
                }
                if (!last) continue;
                std::string code = last->part ? last->part->country : last->place->country;
                const auto it = k.country_by_code.find(code);
                if (it == k.country_by_code.end()) continue;
                const CountryRec& cr = k.countries[it->second];
                if (capital && cr.capital.empty()) continue;
                Mention m;
                m.tb = t;
                m.te = t + 2;
                m.sentence = si;
                m.kind = MentionKind::pronoun;
                m.place = capital ? &k.capital_places[it->second] : &k.country_places[it->second];
                m.place_concrete = true;
                m.place_mena = k.country_in_region(cr.code);
                m.prep = d.toks[t - 1].lower;
                added.push_back(std::move(m));
            }
        }
        // "fired missiles at the city", "on the city's edge": the city named last, in this
        // sentence or the two before (a gazetteer place of kind city)
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            for (const std::size_t t : thes.in(s.tb + 1, s.te)) {
                if (d.toks[t].lower != "the"sv || d.toks[t + 1].lower != "city"sv) continue;
                if (!(d.toks[t - 1].lex & LPreposition)) continue;
                if (t + 2 < s.te && d.toks[t + 2].cap) continue;  // "the city Aleppo"
                // "a raid on the city of Tyre": the phrase names its own city
                if (t + 3 < s.te && d.toks[t + 2].lower == "of"_w && d.toks[t + 3].cap) continue;
                const Mention* last = nullptr;
                for (std::size_t q = d.mention_from(t); q-- > 0 && !last;) {
                    const Mention& m = d.mentions[q];
                    if (m.sentence + 2 < si) break;
                    if (m.in_quote || !m.place || !m.place_concrete) continue;
                    for (const PlaceRec& pr : k.places)
                        if (pr.kind == "city"sv && pr.name == m.place->name) {
                            last = &m;
                            break;
                        }
                }
                if (!last) continue;
                Mention m;
                m.tb = t;
                m.te = t + 2;
                m.sentence = si;
                m.kind = MentionKind::entity;  // a place, not a possessive pronoun
                m.place = last->place;
                m.place_concrete = true;
                m.place_mena = last->place_mena;
                m.prep = d.toks[t - 1].lower;
                m.possessive = t + 2 < s.te && d.toks[t + 2].lower == "'s"sv;
                added.push_back(std::move(m));
            }
        }
        // "his second visit to the kingdom", "the emirate's mediation": the state of that
        // kind named last (lexicon state_nouns)
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            for (const std::size_t t : thes.in(s.tb, s.te)) {
                if (d.toks[t].lower != "the"_w || d.toks[t + 1].cap) continue;
                const auto it = k.state_nouns.find(d.toks[t + 1].lower);
                if (it == k.state_nouns.end()) continue;
                std::string code;
                for (std::size_t q = d.mention_from(t); q-- > 0 && code.empty();) {
                    const Mention& m = d.mentions[q];
                    std::string_view cc;
                    if (m.part)
                        cc = m.part->country;
                    else if (m.place)
                        cc = m.place->country;
                    if (!cc.empty() &&
                        std::find(it->second.begin(), it->second.end(), cc) != it->second.end())
                        code = std::string(cc);
                }
                if (code.empty()) continue;
                const auto ci = k.country_by_code.find(code);
                if (ci == k.country_by_code.end()) continue;
                const CountryRec& cr = k.countries[ci->second];
                Mention m;
                m.tb = t;
                m.te = t + 2;
                m.sentence = si;
                m.kind = MentionKind::pronoun;
                m.part = &k.country_parts[ci->second];
                m.place = &k.country_places[ci->second];
                m.place_concrete = true;
                m.place_mena = k.country_in_region(cr.code);
                if (t > s.tb && (d.toks[t - 1].lex & LPreposition)) m.prep = d.toks[t - 1].lower;
                m.possessive = t + 2 < s.te && d.toks[t + 2].lower == "'s"_w;
                // "the kingdom's ambassador to Yemen said ... Ambassador X said": the holder
                // of the post named in the article speaks, not the state
                std::uint32_t role = 0;
                if (const std::size_t tl =
                        m.possessive && t + 3 < s.te ? title_len_at(d, t + 3, s.te, role) : 0) {
                    const std::string title = ascii_lower(
                        d.text.substr(d.toks[t + 3].b, d.toks[t + 2 + tl].e - d.toks[t + 3].b));
                    const int q = named_holder(d, d.mention_from(t), si, title, code, true);
                    if (q >= 0) {
                        const Mention& p = d.mentions[static_cast<std::size_t>(q)];
                        m.kind = MentionKind::entity;
                        m.part = with_country(d, static_cast<std::size_t>(q), code);
                        m.person = p.person;
                        m.gender = p.gender;
                        m.role_kind = p.role_kind;
                        m.role = p.role;
                        m.place = nullptr;
                        m.place_concrete = m.place_mena = false;
                        m.possessive = false;
                        m.te = t + 3 + tl;
                    }
                }
                added.push_back(std::move(m));
            }
        }
        if (!added.empty()) {
            // the added mentions in token order (stable), sorted as indices: a Mention is
            // large to move
            std::vector<std::uint32_t>& order = d.order;
            order.resize(added.size());
            for (std::size_t q = 0; q < order.size(); ++q) order[q] = static_cast<std::uint32_t>(q);
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return added[a].tb < added[b].tb;
            });
            // both runs are in token order: merge from the back (stable: on equal starts
            // the earlier mention stays first), so mentions before the first added one
            // stay where they are
            std::size_t i = d.mentions.size(), j = added.size();
            d.mentions.resize(i + j);
            std::size_t w = d.mentions.size();
            while (j > 0) {
                if (i > 0 && d.mentions[i - 1].tb > added[order[j - 1]].tb)
                    d.mentions[--w] = std::move(d.mentions[--i]);
                else
                    d.mentions[--w] = std::move(added[order[--j]]);
            }
        }
        // 5. "told his guest", "thanked her hosts": the other person of the visit
        guest_mentions(d);
    }

  private:
    void guest_mentions(Doc& d) const {
        std::vector<Mention>& added = d.added;
        added.clear();
        for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
            const Mention& p = d.mentions[mi];
            if (p.kind != MentionKind::pronoun || !p.possessive || !p.part ||
                p.part->kind != "person"_w || p.te >= d.toks.size())
                continue;
            const std::size_t n = p.te;
            if (!has(d.toks[n], WGuestNoun) || n >= d.sents[p.sentence].te) continue;
            if (mi + 1 < d.mentions.size() && d.mentions[mi + 1].tb <= n) continue;
            // "his guest, Iranian Foreign Minister Abbas Araghchi,": named right there
            if (n + 2 < d.toks.size() && d.toks[n + 1].lower == ","_w &&
                mi + 1 < d.mentions.size() && d.mentions[mi + 1].tb == n + 2 &&
                d.mentions[mi + 1].part && d.mentions[mi + 1].part->kind == "person"_w)
                continue;
            // the other person named last, preferring one named as a subject ("Erdogan
            // arrived ... since the army ousted Mohamed Morsi. Sisi greeted his guest")
            const Mention* pick = nullptr;
            for (int pass = 0; pass < 2 && !pick; ++pass)
                for (std::size_t q = mi; q-- > 0;) {
                    const Mention& o = d.mentions[q];
                    if (o.sentence + 2 < p.sentence) break;
                    if (!o.part || o.part->kind != "person"_w || o.in_quote ||
                        o.part->name == p.part->name)
                        continue;
                    const Sentence& os = d.sents[o.sentence];
                    const bool subject =
                        (o.prep.empty() || o.prep_attached) &&
                        !(o.tb > os.tb && d.toks[o.tb - 1].kind == TokKind::word &&
                          !d.toks[o.tb - 1].cap &&
                          !(d.toks[o.tb - 1].lex & (LDeterminer | LRoleModifier)) &&
                          d.toks[o.tb - 1].lower != "and"_w);
                    if (pass == 0 && !subject) continue;
                    pick = &o;
                    break;
                }
            for (const Mention* op = pick; op; op = nullptr) {
                const Mention& o = *op;
                Mention m;
                m.tb = n;
                m.te = n + 1;
                m.sentence = p.sentence;
                m.kind = MentionKind::role_only;
                m.part = o.part;
                m.person = o.person;
                m.gender = o.gender;
                set_prep(d, d.sents[p.sentence], m);
                // "Sisi greeted his guest ... before the two leaders held talks. They
                // signed": the pair after is the host and the guest
                const Participant* host = p.part;
                const Participant guest = *o.part;
                std::optional<Participant> old;
                for (std::size_t q = mi + 1; q < d.mentions.size(); ++q) {
                    Mention& x = d.mentions[q];
                    if (x.sentence > p.sentence + 1) break;
                    if (x.kind == MentionKind::plural_anaphor && x.part && x.extra.size() == 1 &&
                        x.part->kind == "person"sv && x.sentence == p.sentence && !old) {
                        old = *x.part;
                        x.part = host;
                        x.extra = {guest};
                    } else if (old && x.kind == MentionKind::pronoun && x.part &&
                               x.extra.size() == 1 && x.part->name == old->name) {
                        x.part = host;
                        x.extra = {guest};
                    }
                }
                added.push_back(std::move(m));
                break;
            }
        }
        insert_mentions(d, added);
    }

    std::size_t back_ = 4;
    bool pronouns_ = true, roles_ = true, metonyms_ = true;
    StrSet site_names_;  // names of the gazetteer's places of kind "site" (seats of government)

    void set_prep(const Doc& d, const Sentence& s, Mention& m) const {
        if (m.tb > s.tb && (d.toks[m.tb - 1].lex & LPreposition)) {
            m.prep = d.toks[m.tb - 1].lower;
            // "Ministers from the two governments": the PP hangs on a people noun
            if ((m.prep == "from"sv || m.prep == "of"sv) && m.tb > s.tb + 1 &&
                (d.toks[m.tb - 2].lex & LPeopleNoun))
                m.prep_attached = true;
        }
    }

    // Right after a verb-like word: not after a preposition, conjunction, punctuation or
    // at the start of the sentence.
    static bool object_position(const Doc& d, const Sentence& s, std::size_t t) {
        if (t == s.tb) return false;
        const Token& p = d.toks[t - 1];
        if (p.kind != TokKind::word || p.cap) return false;
        if (p.lex & (LPreposition | LSubordinator | LDeterminer)) return false;
        if (p.lower == "and"_w || p.lower == "or"_w || p.lower == "but"_w) return false;
        // "said it fired": a pronoun followed by its own verb is a subject
        if (t + 1 >= s.te) return true;
        const Token& n = d.toks[t + 1];
        return n.kind != TokKind::word ||
               (n.lex & (LPreposition | LSubordinator | LDeterminer)) != 0;
    }

    // The subject-like mention of the clause that holds token t (same sentence, before t,
    // outside prepositional phrases, with no clause boundary in between), if any.
    static const Mention* clause_subject(const Doc& d, std::size_t si, std::size_t t) {
        const Sentence& s = d.sents[si];
        for (std::size_t q = d.mention_from(t); q-- > 0;) {
            const Mention& m = d.mentions[q];
            if (m.sentence != si || m.tb < s.tb) break;
            bool boundary = false;
            for (std::size_t u = m.te; u < t && !boundary; ++u)
                boundary = d.toks[u].lower == ","_w || d.toks[u].lower == ";"_w ||
                           d.toks[u].kind == TokKind::quote || (d.toks[u].lex & LSubordinator);
            if (boundary) return nullptr;
            if (m.part && m.prep.empty() && !m.adjective && !m.possessive) return &m;
        }
        return nullptr;
    }

    // A saying verb right after token t (an adverb may come between): "He said", "He also
    // told".
    static bool saying_after(const Doc& d, std::size_t t) {
        for (std::size_t u = t + 1; u < d.toks.size() && u <= t + 2; ++u) {
            if (d.toks[u].lex & LReportingVerb) return true;
            if (!has_suffix(d.toks[u].lower, "ly"_w) && d.toks[u].lower != "also"_w) break;
        }
        return false;
    }

    const Mention* antecedent(const Doc& d, const std::vector<int>& subject, std::size_t si,
                              std::size_t t, char gender, bool object = false) const {
        if (object) {
            // the nearest earlier person who is not this clause's subject
            const Mention* subj = clause_subject(d, si, t);
            if (!subj && subject[si] >= 0 &&
                d.mentions[static_cast<std::size_t>(subject[si])].te <= t)
                subj = &d.mentions[static_cast<std::size_t>(subject[si])];
            if (subj && subj->part) {
                for (std::size_t q = d.mention_from(t); q-- > 0;) {
                    const Mention& m = d.mentions[q];
                    if (m.sentence + back_ < si) break;
                    if (m.part && m.part->kind == "person"_w && m.kind != MentionKind::pronoun &&
                        !m.in_quote && gender_ok(gender, m.gender) && !(*m.part == *subj->part))
                        return &m;
                }
                return nullptr;
            }
        }
        // "X returned from Washington, where he met Y": a subject pronoun opening a
        // ", where" clause is the subject of the clause whose place it continues (the
        // nearest person before it in the sentence followed by its verb, not an object or
        // a person inside a prepositional phrase)
        if (!object && t >= 2 && d.toks[t - 1].lower == "where"_w && d.toks[t - 2].lower == ","_w) {
            const Knowledge& k = *d.k;
            const std::size_t se = d.sents[si].te;
            for (std::size_t q = d.mention_from(t - 2); q-- > 0;) {
                const Mention& m = d.mentions[q];
                if (m.sentence != si) break;
                if (!m.part || m.part->kind != "person"_w || m.possessive || m.adjective ||
                    m.in_quote || m.te >= se)
                    continue;
                if (!m.prep.empty() && !k.subordinators.count(m.prep)) continue;
                const Token& v = d.toks[m.te];
                if (v.kind != TokKind::word || v.cap || (v.lex & LPreposition) ||
                    !gender_ok(gender, m.gender))
                    continue;
                if (!(m.kind == MentionKind::entity && past_holder(d, m))) return &m;
            }
        }
        // "During his Cairo visit, Blinken ...": a possessive in a fronted phrase
        // points forward to the subject after the comma.
        if (subject[si] >= 0) {
            const Mention& m = d.mentions[static_cast<std::size_t>(subject[si])];
            const Sentence& s = d.sents[si];
            // ("On the second day of his visit to Riyadh, Araghchi met ...")
            if (m.tb > t && t <= s.tb + 7 && gender_ok(gender, m.gender) &&
                has(d.toks[s.tb], WPreposition)) {
                for (std::size_t q = t; q < m.tb; ++q)
                    if (d.toks[q].text == ","_w) return &m;
            }
        }
        // Subject of this sentence before the pronoun.
        if (subject[si] >= 0) {
            const Mention& m = d.mentions[static_cast<std::size_t>(subject[si])];
            if (m.te <= t && gender_ok(gender, m.gender)) return &m;
        }
        // "The call came at the end of a round of diplomacy by the Russian leader. Earlier he
        // spoke with ...": when the sentence before, in the same paragraph, has no person as
        // its subject but names one person (in a prepositional phrase or as an owner), that
        // person is the topic the pronoun continues, not the subject of an older sentence.
        if (!object && si > 0 && subject[si - 1] < 0 &&
            d.sents[si - 1].paragraph == d.sents[si].paragraph) {
            const Mention* only = nullptr;
            bool several = false;
            for (std::size_t q = d.mention_from(d.sents[si].tb); q-- > 0 && !several;) {
                const Mention& m = d.mentions[q];
                if (m.sentence < si - 1) break;
                if (m.sentence != si - 1 || !m.part || m.in_quote || m.kind == MentionKind::pronoun)
                    continue;
                if (m.part->kind != "person"_w || !gender_ok(gender, m.gender) ||
                    (m.kind == MentionKind::entity && past_holder(d, m)))
                    continue;
                if (only && !(*only->part == *m.part))
                    several = true;
                else
                    only = &m;
            }
            if (only && !several) return only;
        }
        // Subject of a recent sentence.
        for (std::size_t b = 1; b <= back_ && b <= si; ++b) {
            const int sj = subject[si - b];
            if (sj < 0) continue;
            const Mention& m = d.mentions[static_cast<std::size_t>(sj)];
            if (!gender_ok(gender, m.gender)) continue;
            // "The spokesman said Araghchi would deliver the letter. He is also due to meet
            // Lavrov": a spokesperson reports; the pronoun of a clause that does more than
            // say something continues the person the report was about (its clause's subject)
            const bool spokes =
                m.role_kind == "spokesperson"_w || m.part->role.find("pokes") != std::string::npos;
            if (spokes && !object && !saying_after(d, t)) {
                for (std::size_t q = static_cast<std::size_t>(sj) + 1; q < d.mentions.size(); ++q) {
                    const Mention& x = d.mentions[q];
                    if (x.sentence != si - b) break;
                    if (!x.part || x.in_quote || x.part->kind != "person"_w || !x.prep.empty() ||
                        x.possessive || x.adjective || *x.part == *m.part ||
                        !gender_ok(gender, x.gender))
                        continue;
                    return &x;
                }
            }
            return &m;
        }
        // Nearest person mention before.
        for (std::size_t q = d.mention_from(t); q-- > 0;) {
            const Mention& m = d.mentions[q];
            if (m.sentence + back_ < si) break;
            if (m.part && m.part->kind == "person"_w && m.kind != MentionKind::pronoun &&
                !m.in_quote && gender_ok(gender, m.gender) &&
                !(m.kind == MentionKind::entity && past_holder(d, m)))
                return &m;
        }
        return nullptr;
    }

    void collective_mentions(Doc& d, TheTokens& thes) const {
        std::vector<const Participant*> orgs;
        orgs.reserve(8);
        for (const Mention& m : d.mentions)
            if (m.part && m.part->kind == "organisation"_w &&
                m.part->name.find(' ') != std::string::npos &&
                std::none_of(orgs.begin(), orgs.end(),
                             [&](const Participant* o) { return o->name == m.part->name; }))
                orgs.push_back(&*m.part);
        if (orgs.empty()) return;
        std::vector<Mention>& added = d.added;
        added.clear();
        std::size_t mi = 0;
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            for (const std::size_t t : thes.caps_in(s.tb, s.te)) {
                const Token& w = d.toks[t];
                if (w.kind != TokKind::word || !w.cap) continue;  // (tested again below)
                // "Gulf Arab leaders", "Arab foreign ministers": one word may come between
                std::size_t nt = t + 1;
                if (!(d.toks[nt].lex & LPeopleNoun) && nt + 1 < s.te &&
                    d.toks[nt].kind == TokKind::word && (d.toks[nt + 1].lex & LPeopleNoun))
                    ++nt;
                const Token& n = d.toks[nt];
                if (w.kind != TokKind::word || !w.cap || !(n.lex & LPeopleNoun) ||
                    !n.lower.ends_with("s") || n.cap)
                    continue;
                // (after the token tests: the cursor only moves forward)
                while (mi < d.mentions.size() && d.mentions[mi].te <= t) ++mi;
                if (mi < d.mentions.size() && d.mentions[mi].tb <= t) continue;  // covered
                // "Gulf Arab leaders": the compound starts at the word before
                if (t > s.tb && d.toks[t - 1].kind == TokKind::word && d.toks[t - 1].cap) continue;
                const Participant* found = nullptr;
                int count = 0;
                for (const Participant* o : orgs)
                    if (o->name.size() > w.text.size() && o->name.starts_with(w.text) &&
                        o->name[w.text.size()] == ' ') {
                        found = o;
                        ++count;
                    }
                if (count != 1) continue;
                Mention m;
                m.tb = t;
                m.te = nt;
                m.sentence = si;
                m.kind = MentionKind::entity;
                m.part = found;
                m.adjective = true;
                m.people = true;
                set_prep(d, s, m);
                added.push_back(std::move(m));
            }
        }
        insert_mentions(d, added);
    }

    // "it"/"its": the nearest state, organisation or group in subject position, in this
    // sentence or the previous one.
    // Sentence `si` opens with a document before token `before`: as its subject ("The final
    // communique rejected", "The plan also") or, with `fronted`, in a fronted phrase ("Under
    // the plan, Gaza would be").
    static bool opens_with_document(const Doc& d, std::size_t si, std::size_t before,
                                    bool fronted = false) {
        const Sentence& s = d.sents[si];
        std::size_t p = s.tb;
        if (fronted && p + 1 < s.te && (d.toks[p].lex & LPreposition)) ++p;
        if (p >= s.te || !in(d.toks[p].lower, {"the", "this", "that", "its"})) return false;
        for (std::size_t q = p + 1; q < s.te && q < p + 5 && q < before; ++q) {
            if (d.toks[q].kind != TokKind::word) return false;
            if (!d.k->document_nouns.count(d.toks[q].lower)) continue;
            if (p == s.tb) return true;
            // ("In the statement, Egypt said ...": the subject after the fronted phrase
            // speaks, not the document)
            std::size_t comma = q + 1;
            while (comma < s.te && comma < q + 6 && d.toks[comma].lower != ","_w) ++comma;
            if (comma + 1 >= s.te || d.toks[comma].lower != ","_w) return true;
            const std::size_t mi = d.mention_from(comma + 1);
            return !(mi < d.mentions.size() && d.mentions[mi].tb == comma + 1 &&
                     d.mentions[mi].part && !d.mentions[mi].adjective);
        }
        return false;
    }

    const Mention* thing_antecedent(const Doc& d, std::size_t si, std::size_t t,
                                    bool object = false) const {
        // "The document rejects what it calls ...", "The final communique ... It called on
        // all states": the document speaks, not a state or body named in it
        if (!object && (opens_with_document(d, si, t) ||
                        (t == d.sents[si].tb && si > 0 &&
                         d.sents[si - 1].paragraph + 1 >= d.sents[si].paragraph &&
                         opens_with_document(d, si - 1, d.sents[si - 1].te, true))))
            return nullptr;
        const Mention* subj = object ? clause_subject(d, si, t) : nullptr;
        if (t + 1 < d.toks.size() &&
            (d.toks[t + 1].lower == "was"_w || d.toks[t + 1].lower == "is"_w ||
             d.toks[t + 1].lower == "'s"_w))
            return nullptr;  // "It was the first visit ...": not a state
        // "it would be difficult": not a state; "Egypt said it would host": Egypt
        if (t + 2 < d.toks.size() &&
            (d.toks[t + 1].lower == "would"_w || d.toks[t + 1].lower == "will"_w) &&
            (d.toks[t + 2].lower == "be"_w || d.toks[t + 2].lower == "take"_w ||
             !d.toks[t].space_before || t == 0 || d.toks[t - 1].kind != TokKind::word))
            return nullptr;
        // "The Iraqi foreign ministry said it summoned the Turkish envoy. It called on ...": a
        // sentence-initial "It" continues the previous sentence's office subject
        if (!object && si > 0 && t == d.sents[si].tb) {
            const Sentence& ps = d.sents[si - 1];
            const std::size_t q = d.mention_from(ps.tb);
            if (q < d.mentions.size() && d.mentions[q].sentence == si - 1) {
                const Mention& m = d.mentions[q];
                std::size_t lead = ps.tb;
                if (d.toks[lead].lower == "the"_w) ++lead;
                const bool office =
                    office_after(d, m) ||
                    (m.possessive && m.part && m.part->kind == "country"_w && m.te + 2 < ps.te &&
                     (d.k->office_nouns.count(d.toks[m.te + 1].lower) ||
                      d.k->office_nouns.count(d.toks[m.te + 2].lower)));
                if (m.tb == lead && m.part && !m.in_quote && office) return &m;
            }
        }
        for (std::size_t q = d.mention_from(t); q-- > 0;) {
            const Mention& m = d.mentions[q];
            if (m.sentence + 1 < si) break;
            if (!m.part || m.in_quote || m.kind == MentionKind::pronoun) continue;
            // (an office speaks, as the subject: "It said", not "would accept it")
            if (m.part->kind == "person"_w || (m.adjective && (object || !office_after(d, m))) ||
                m.modifier)
                continue;
            if (subj && subj->part && *m.part == *subj->part) continue;
            const bool conj = m.prep == "after"_w || m.prep == "before"_w || m.prep == "since"_w ||
                              m.prep == "as"_w || m.prep == "while"_w || m.prep == "until"_w;
            if (!m.prep.empty() && !m.prep_attached && !conj) continue;
            return &m;
        }
        return nullptr;
    }

    // "they"/"their": a named armed group that is the latest subject-like participant in
    // this sentence or the one before ("The Houthis ... On Tuesday, they launched"); nothing
    // when that participant is a person or a state.
    const Mention* group_antecedent(const Doc& d, std::size_t si, std::size_t t) const {
        for (std::size_t q = d.mention_from(t); q-- > 0;) {
            const Mention& m = d.mentions[q];
            if (m.sentence + 1 < si) break;
            if (!m.part || m.in_quote || m.kind == MentionKind::pronoun) continue;
            if (m.adjective && !m.people) continue;
            if (!m.prep.empty() && !m.prep_attached) continue;
            return m.part->kind == "group"_w ? &m : nullptr;
        }
        return nullptr;
    }

    // The party of the delegation named last before token `t` (this or the four sentences
    // before, outside quotes): "<adjective or name> delegation" ("a Houthi delegation",
    // "the Hamas delegation") or "a delegation from/of <party>"; a country, group or
    // organisation only.
    static const Participant* delegation_party(const Doc& d, std::size_t t, std::size_t si) {
        for (std::size_t q = d.mention_from(t); q-- > 0;) {
            const Mention& m = d.mentions[q];
            if (m.sentence + 4 < si) break;
            if (!m.part || m.in_quote || m.part->kind == "person"_w || m.te >= t) continue;
            const bool before = m.te < d.toks.size() && d.toks[m.te].lower == "delegation"_w;
            const bool after =
                m.tb >= 2 &&
                (d.toks[m.tb - 1].lower == "from"_w || d.toks[m.tb - 1].lower == "of"_w) &&
                d.toks[m.tb - 2].lower == "delegation"_w;
            if (before || after) return m.part;
        }
        return nullptr;
    }

    const Mention* last_of_kind(const Doc& d, std::size_t t, std::string_view kind) const {
        for (std::size_t q = d.mention_from(t); q-- > 0;) {
            const Mention& m = d.mentions[q];
            if (m.part && m.part->kind == kind) return &m;
        }
        return nullptr;
    }

    // The sides of the current occasion for "the two sides", "both countries", "the two
    // leaders": the latest list of two or more parties joined by "and" ("A and B", "between
    // A and B", "A, B and C", "Israeli and Palestinian officials") in this or the three
    // sentences before, outside quotes. `want`: 'p' persons only, 'c' states (persons for
    // their state), 's' the sides as named. `n` (0 = any) is the number of sides wanted.
    // `subject`: only a list that is a subject (no preposition before it) in this or the
    // sentence before, with no subject-like mention after it ("A and B met. They ...").
    std::vector<Participant> occasion_parties(const Doc& d, std::size_t t, std::size_t si,
                                              std::size_t n, char want,
                                              bool subject = false) const {
        const Knowledge& k = *d.k;
        auto usable = [&](const Mention& x) {
            if (!x.part || x.in_quote || x.modifier || x.possessive) return false;
            const auto kind = x.part->kind;
            if (kind == "person"_w) return want != 'c' || !x.part->country.empty();
            if (kind == "country"_w) return want != 'p' && !x.part->country.empty();
            return kind == "group"_w && want == 's';
        };
        // x and y joined: ", and", "and", ",", then an optional "the"/"both" and at most
        // one lower-case modifier ("Turkey and northern Syria")
        auto joined = [&](const Mention& x, const Mention& y) {
            if (x.sentence != y.sentence || x.te > y.tb) return false;
            std::size_t u = x.te;
            bool conj = false;
            if (u < y.tb && d.toks[u].lower == ","_w) ++u, conj = true;
            if (u < y.tb && d.toks[u].lower == "and"_w) ++u, conj = true;
            if (!conj) return false;
            if (u < y.tb && (d.toks[u].lower == "the"_w || has(d.toks[u], WPairQuantifier))) ++u;
            if (u < y.tb && d.toks[u].kind == TokKind::word && !d.toks[u].cap &&
                !(d.toks[u].lex & (LPreposition | LDeterminer | LSubordinator)) &&
                d.toks[u].lower != "and"_w)
                ++u;
            return u == y.tb;
        };
        // the latest fitting list among mentions [0, end) in sentences >= lo
        auto scan = [&](std::size_t end, std::size_t lo) -> std::vector<Participant> {
            for (std::size_t q = end; q-- > 0;) {
                const Mention& y = d.mentions[q];
                if (y.sentence < lo) break;
                if (!usable(y)) {
                    // a subject named after the list is the antecedent of "they", not the list
                    if (subject && y.part && !y.in_quote && y.prep.empty() &&
                        !(y.adjective && !y.people))
                        return {};
                    continue;
                }
                // the list ending at y
                std::vector<const Mention*> list{&y};
                std::size_t r = q;
                while (r > 0 && usable(d.mentions[r - 1]) &&
                       joined(d.mentions[r - 1], *list.back()))
                    list.push_back(&d.mentions[--r]);
                if (list.size() < 2) continue;
                // an adjective list must describe people ("Israeli and Palestinian officials");
                // "attended by officials from A and B": attendees, not the sides
                if ((list.front()->adjective && !list.front()->people) ||
                    (want == 's' && list.back()->prep_attached)) {
                    q = r;
                    continue;
                }
                std::reverse(list.begin(), list.end());
                if (subject && (!list.front()->prep.empty() || list.front()->adjective)) return {};
                std::vector<Participant> out;
                bool ok = true;
                for (const Mention* m : list) {
                    if (want == 'p' && m->part->kind != "person"_w) ok = false;
                    Participant p = *m->part;
                    if (want == 'c' && p.kind != "country"_w) {
                        const Participant* cp = k.country_of_code(p.country);
                        if (!cp) {
                            ok = false;
                            break;
                        }
                        p = *cp;
                    }
                    const bool dup = std::any_of(out.begin(), out.end(), [&](const Participant& o) {
                        return o.name == p.name && o.kind == p.kind;
                    });
                    if (!dup) out.push_back(std::move(p));
                }
                // "Waltz and Witkoff joined Rubio ... The two sides agreed": persons of one
                // state are one side (a delegation), not the sides
                if (ok && want == 's' && !subject && !out.empty() && !out.front().country.empty() &&
                    std::all_of(out.begin(), out.end(), [&](const Participant& x) {
                        return x.kind == "person"_w && x.country == out.front().country;
                    })) {
                    q = r;
                    continue;
                }
                if (ok && out.size() >= 2 && (n == 0 || out.size() == n)) return out;
                if (subject) return {};
                q = r;
            }
            return {};
        };
        const std::size_t back = subject ? 1 : 3;
        std::vector<Participant> out = scan(d.mention_from(t), si > back ? si - back : 0);
        // "He urged both sides" late in the story: the sides of the lede's occasion; "the
        // three European countries": the lede's list of three states
        if (out.empty() && ((want == 's' && !subject) || (want == 'c' && n >= 2)) && si > back &&
            !d.sents.empty())
            out = scan(d.mention_from(d.sents[0].te), 0);
        return out;
    }

    // "the two countries" when no list of sides is near (occasion_parties): among the
    // states named in the last four sentences (not in a quote,
    // not as an adjective or a hyphen modifier; people for their state), those the article has
    // named most so far, people counting for their state ("Blinken and the crown prince
    // signed ... They discussed Iran and the conflict in Yemen. The two countries ..." is
    // the United States and Bahrain); ties go to the one named later.
    std::vector<Participant> salient_countries(const Doc& d, std::size_t t, std::size_t si,
                                               std::size_t n) const {
        const Knowledge& k = *d.k;
        struct Cand {
            std::string code;
            std::size_t rank;   // 0 = named last
            std::size_t score;  // mentions so far
        };
        std::vector<Cand> cands;
        const std::size_t end = d.mention_from(t);
        auto qualifies = [&](const Mention& x) {
            return x.part && x.part->kind == "country"_w && !x.in_quote &&
                   !x.part->country.empty() && !(x.adjective && !x.people) && !x.modifier;
        };
        for (std::size_t q = end; q-- > 0;) {
            const Mention& x = d.mentions[q];
            if (x.sentence + 3 < si) break;
            const bool person =
                x.part && x.part->kind == "person"_w && !x.in_quote && !x.part->country.empty();
            if (!qualifies(x) && !person) continue;
            if (std::none_of(cands.begin(), cands.end(),
                             [&](const Cand& c) { return c.code == x.part->country; }))
                cands.push_back(Cand{x.part->country, cands.size(), 0});
        }
        if (cands.size() < n) return {};
        for (std::size_t q = 0; q < end; ++q) {
            const Mention& x = d.mentions[q];
            if (!x.part || x.in_quote || x.part->country.empty()) continue;
            if (x.part->kind != "country"_w && x.part->kind != "person"_w) continue;
            for (Cand& c : cands)
                if (c.code == x.part->country) ++c.score;
        }
        std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
            return a.score != b.score ? a.score > b.score : a.rank < b.rank;
        });
        cands.resize(n);
        // in the order named
        std::sort(cands.begin(), cands.end(),
                  [](const Cand& a, const Cand& b) { return a.rank > b.rank; });
        std::vector<Participant> out;
        for (const Cand& c : cands) {
            const Participant* cp = k.country_of_code(c.code);
            if (!cp) return {};
            out.push_back(*cp);
        }
        return out;
    }

    std::vector<const Mention*> last_persons(const Doc& d, std::size_t t, std::size_t n,
                                             std::string_view kind) const {
        std::vector<const Mention*> out;
        for (std::size_t q = d.mention_from(t); q-- > 0 && out.size() < n;) {
            const Mention& m = d.mentions[q];
            if (!m.part || m.part->kind != kind || m.in_quote) continue;
            if (kind == "person"_w && m.kind == MentionKind::entity && past_holder(d, m)) continue;
            if (kind == "country"_w && ((m.adjective && !m.people) || m.possessive || m.modifier))
                continue;
            // "the army removed president Mohamed Morsi": a person of no known state under a
            // lower-case (former, descriptive) title is not one of "the two leaders"
            if (kind == "person"sv && m.part->country.empty() && !m.part->role.empty() &&
                std::islower(static_cast<unsigned char>(m.part->role.front())))
                continue;
            if (std::any_of(out.begin(), out.end(),
                            [&](const Mention* o) { return o->part->name == m.part->name; }))
                continue;
            out.push_back(&m);
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

    // (c) "the most senior Jordanian official to visit": a definite generic title points to
    // the person of that country named just before (not a specific post: "the Israeli
    // ambassador" is not the prime minister named before; the title is then a generic one,
    // or the person's own); "the former French foreign minister" not to its current holder
    bool generic_antecedent(Doc& d, std::size_t mi, const std::string& qual_country, bool former,
                            bool sub) const {
        Mention& m = d.mentions[mi];
        const bool generic = m.role_title == "official"_w || m.role_title == "diplomat"_w ||
                             m.role_title == "minister"_w || m.role_title == "leader"_w;
        if (qual_country.empty() || d.toks[m.tb].lower != "the"_w ||
            !(m.role_kind == "official"_w || m.role_kind == "diplomat"_w ||
              m.role_kind == "minister"_w) ||
            !(generic || m.role_title.find(' ') != std::string::npos))
            return false;
        for (std::size_t q = mi; q-- > 0;) {
            const Mention& p = d.mentions[q];
            if (p.sentence + 1 < m.sentence) break;
            if (p.part && p.part->kind == "person"_w && p.kind == MentionKind::entity &&
                p.part->country == qual_country) {
                if (former && holds_now(d, p, m.role_title, sub)) continue;
                m.part = p.part;
                m.person = p.person;
                m.gender = p.gender;
                return true;
            }
        }
        return false;
    }

    // Whether gazetteer person `person` holds (`former`: held, before the article's day) the
    // post written `title` (`sub`: with a rank word); any of their posts when the day is
    // unknown.
    static bool held_post(const Doc& d, int person, bool former, std::string_view title, bool sub) {
        for (const auto& r : d.k->people[static_cast<std::size_t>(person)].roles)
            if ((!d.pub_day ||
                 (former ? r.to < *d.pub_day : *d.pub_day >= r.from && *d.pub_day <= r.to)) &&
                r.title_lower.find(title) != std::string::npos &&
                rank_fits(*d.k, r.title_lower, title, sub))
                return true;
        return false;
    }

    // Whether the person of mention `p` holds the post written `title` (`sub`: with a rank
    // word) on the article's day: by the gazetteer, else by the title written for them.
    static bool holds_now(const Doc& d, const Mention& p, std::string_view title, bool sub) {
        const Knowledge& k = *d.k;
        if (p.person >= 0) return held_post(d, p.person, false, title, sub);
        return !past_holder(d, p) && contains_lowered(p.part->role, title) &&
               rank_fits(k, ascii_lower(p.part->role), title, sub);
    }

    void resolve_role(Doc& d, std::size_t mi) const {
        const Knowledge& k = *d.k;
        Mention& m = d.mentions[mi];
        const std::string qual_country = m.part ? m.part->country : "";
        const std::string qual_kind = m.part ? m.part->kind : "";
        const std::string qual_name = m.part ? m.part->name : "";
        // The words written before the title: a past holder ("Iran's former president", "the
        // ex-president"), a rank ("Turkey's deputy trade minister")
        bool former = false;
        std::string before;
        {
            const std::size_t off =
                m.role_title.empty()
                    ? d.toks[m.tb].b
                    : static_cast<std::size_t>(m.role_title.data() - d.lower.data());
            for (std::size_t t = m.tb; t < m.te && d.toks[t].b < off; ++t) {
                if (has(d.toks[t], WPastHolderWord)) former = true;
                before += ' ';
                before += d.toks[t].lower;
            }
        }
        const bool sub = has_rank(k, before);
        // `role_text`: the role as written; `lower`: whether it is lower case already
        auto title_fits = [&](const std::string& role_text, bool lower, std::string_view kind,
                              int role) {
            if (m.role >= 0 && role == m.role) return true;
            if (!m.role_kind.empty() && m.role_kind == kind && m.role_kind != "official"_w &&
                m.role_kind != "minister"_w && m.role_kind != "diplomat"_w &&
                m.role_kind != "military"_w)
                return true;
            if (m.role_kind == "diplomat"_w && kind == "diplomat"_w &&
                m.role_title.find("diplomat") != std::string::npos)
                return true;
            if (role_text.empty()) return false;
            return lower ? role_text.find(m.role_title) != std::string::npos
                         : contains_lowered(role_text, m.role_title);
        };
        // (a) a person named earlier whose title contains the one written ("the king" is
        // King Abdullah, not a president named after him; "the envoy" is the envoy, not a
        // negotiator); the titles known for the person count too ("the Saudi minister")
        if (m.role_title.size() > 2 && m.role_title.find(' ') == std::string::npos) {
            for (std::size_t q = mi; q-- > 0;) {
                const Mention& p = d.mentions[q];
                // ("the former president": a person named as a past holder; the country
                // first, the cheaper test)
                if (!p.part || p.part->kind != "person"_w || p.kind != MentionKind::entity)
                    continue;
                if (!qual_country.empty() && p.part->country != qual_country) continue;
                if (past_holder(d, p) != former) continue;
                // (not a deputy's title for the principal's: "the president" is not the
                // vice president)
                bool has = contains_lowered(p.part->role, m.role_title) &&  // (no copy)
                           rank_fits(k, ascii_lower(p.part->role), m.role_title, sub);
                if (!has && p.person >= 0) has = held_post(d, p.person, former, m.role_title, sub);
                if (!has) continue;
                m.part = p.part;
                m.person = p.person;
                m.gender = p.gender;
                return;
            }
        }
        // (a') a person named earlier in the article with a fitting role
        for (std::size_t q = mi; q-- > 0;) {
            const Mention& p = d.mentions[q];
            if (!p.part || p.part->kind != "person"_w || p.kind != MentionKind::entity) continue;
            if (!qual_country.empty() && p.part->country != qual_country) continue;
            if (past_holder(d, p) != former) continue;
            if (((m.role >= 0 && p.role == m.role) ||
                 title_fits(p.part->role, false, p.role_kind, p.role)) &&
                rank_fits(k, ascii_lower(p.part->role), m.role_title, sub)) {
                m.part = p.part;
                m.person = p.person;
                m.gender = p.gender;
                return;
            }
        }
        // (a'') the holder of the post named in the next sentences ("Saudi Arabia's
        // ambassador to Yemen arrived ... Ambassador Mohammed Al Jaber held talks")
        if (!former && !qual_country.empty() && qual_kind == "country"_w &&
            m.role_title.size() > 2) {
            const int q =
                named_holder(d, mi + 1, m.sentence, m.role_title, qual_country, false, sub);
            if (q >= 0) {
                const Participant* rec = with_country(d, static_cast<std::size_t>(q), qual_country);
                Mention& mm = d.mentions[mi];
                const Mention& p = d.mentions[static_cast<std::size_t>(q)];
                mm.part = rec;
                mm.person = p.person;
                mm.gender = p.gender;
                return;
            }
        }
        // "ambassador to Yemen": a gazetteer title naming another post ("Ambassador to the
        // United States") is not this one
        std::string dest;
        if (m.te + 1 < d.toks.size() &&
            (d.toks[m.te].lower == "to"_w || d.toks[m.te].lower == "for"_w)) {
            const std::size_t q = d.mention_from(m.te + 1);
            if (q < d.mentions.size() && d.mentions[q].tb == m.te + 1) {
                const Mention& x = d.mentions[q];
                if (x.part && x.part->kind == "country"_w)
                    dest = ascii_lower(x.part->name);
                else if (x.place)
                    dest = ascii_lower(x.place->name);
            }
        }
        // ("The former French foreign minister, whom ...": first the person just named)
        if (former && generic_antecedent(d, mi, qual_country, former, sub)) return;
        // (b) the gazetteer: the one person holding that role for that country on the day
        // ("the former foreign minister": the one who left it between
        // Knowledge::former_holders_since and the day, not holding it again)
        if ((!qual_country.empty() || !qual_name.empty()) &&
            (!former || (d.pub_day && k.former_holders_since))) {
            int found = -1;
            int count = 0;
            const RoleSpan* found_span = nullptr;
            // Only people filed under the qualifier's code or name can pass `org_ok`:
            // walk the union of both lists in ascending order (as a scan over all would).
            static const std::vector<std::uint32_t> none;
            auto filed = [&](std::string_view key) -> const std::vector<std::uint32_t>& {
                const auto it = k.people_by_org.find(key);
                return it == k.people_by_org.end() ? none : it->second;
            };
            // (people.yaml files an organisation's posts under its id: "the UN
            // secretary-general" is the one holding the "UN" post)
            std::string_view qual_id = qual_name;
            if (qual_kind == "organisation"_w)
                for (const OrgRec& o : k.orgs)
                    if (o.name == qual_name) {
                        qual_id = o.id;
                        break;
                    }
            const std::vector<std::uint32_t>& by_code = filed(qual_country);
            const std::vector<std::uint32_t>& by_name =
                qual_id.empty() || qual_id == qual_country ? none : filed(qual_id);
            std::size_t ia = 0, ib = 0;
            while (ia < by_code.size() || ib < by_name.size()) {
                std::size_t pi = 0;
                if (ib >= by_name.size() || (ia < by_code.size() && by_code[ia] < by_name[ib])) {
                    pi = by_code[ia++];
                } else if (ia >= by_code.size() || by_name[ib] < by_code[ia]) {
                    pi = by_name[ib++];
                } else {
                    pi = by_code[ia++];
                    ++ib;
                }
                const PersonRec& pr = k.people[pi];
                const RoleSpan* past = nullptr;
                bool now = false;
                for (const auto& r : pr.roles) {
                    const bool current = d.pub_day
                                             ? *d.pub_day >= r.from && *d.pub_day <= r.to
                                             : r.to == std::numeric_limits<std::int64_t>::max();
                    if (!current &&
                        (!former || r.to >= *d.pub_day || r.to < *k.former_holders_since))
                        continue;
                    const bool org_ok =
                        r.org == qual_country || (qual_kind != "country"_w && !qual_name.empty() &&
                                                  (r.org == qual_id || pr.country == qual_country));
                    if (!org_ok && !(r.org.empty() && pr.country == qual_country)) continue;
                    if (!(m.role >= 0 && r.role == m.role) &&
                        !title_fits(r.title_lower, true, "", -2))
                        continue;
                    if (!dest.empty() &&
                        (r.title_lower.find(" to ") != std::string::npos ||
                         r.title_lower.find(" for ") != std::string::npos) &&
                        r.title_lower.find(dest) == std::string::npos)
                        continue;
                    // (not a deputy's title for the principal's, nor the reverse)
                    if (!rank_fits(k, r.title_lower, m.role_title, sub)) continue;
                    if (current) {
                        now = true;
                        if (!former) break;
                    } else if (!past || r.to > past->to) {
                        past = &r;
                    }
                }
                if (former ? past && !now : now) {
                    ++count;
                    found = static_cast<int>(pi);
                    found_span = past;
                }
            }
            if (count == 1) {
                const PersonRec& pr = k.people[static_cast<std::size_t>(found)];
                Participant* np = d.own(pr.name, "person", "", acting_country(pr, d.pub_day));
                if (found_span)
                    np->role = found_span->title;
                else if (const RoleSpan* r = role_on(pr, d.pub_day))
                    np->role = r->title;
                m.part = np;
                m.person = found;
                m.gender = pr.gender;
                return;
            }
        }
        if (!former && generic_antecedent(d, mi, qual_country, former, sub)) return;
        // (e) "U.S. deputy Middle East envoy Morgan Ortagus ... Aoun told the envoy": no holder
        // of the post fits, so a subordinate of it named earlier (the nearest), unless a bare
        // title of the post means its holder regardless ("the president" after "Vice President
        // X": Knowledge::principal_kinds); a state may qualify the title, no other body
        if (!former && !sub && m.role_title.size() > 2 &&
            (qual_kind.empty() || qual_kind == "country"_w) &&
            !k.principal_kinds.count(m.role_kind)) {
            for (std::size_t q = mi; q-- > 0;) {
                const Mention& p = d.mentions[q];
                if (!p.part || p.part->kind != "person"_w || p.kind != MentionKind::entity ||
                    past_holder(d, p))
                    continue;
                if (!qual_country.empty() && p.part->country != qual_country) continue;
                bool has = contains_lowered(p.part->role, m.role_title) &&
                           rank_fits(k, ascii_lower(p.part->role), m.role_title, true);
                if (!has && p.person >= 0) has = held_post(d, p.person, false, m.role_title, true);
                if (!has) continue;
                Mention& mm = d.mentions[mi];
                mm.part = p.part;
                mm.person = p.person;
                mm.gender = p.gender;
                return;
            }
        }
        // (d) otherwise the qualifier itself (country / organisation / group) stands in.
    }
};

}  // namespace

std::unique_ptr<Stage> make_entities_stage() {
    return std::make_unique<EntitiesStage>();
}
std::unique_ptr<Stage> make_coreference_stage() {
    return std::make_unique<CoreferenceStage>();
}

}  // namespace herald::processors

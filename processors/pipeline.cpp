#include "processors/pipeline.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <new>

#include "config/diagnostics.hpp"
#include "processors/doc.hpp"
#include "processors/knowledge.hpp"
#include "processors/stage.hpp"

namespace herald::processors {

namespace {

constexpr std::size_t kMaxArticleBytes = 4u << 20;  // 4 MiB of text per article

std::string known_names() {
    std::string out;
    for (const auto& [n, f] : stage_registry()) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

}  // namespace

bool Attributes::contains(std::string_view key) const {
    if (key == "topics") return !topics.empty();
    if (key == "mediators") return !mediators.empty();
    if (key == "amount") return amount_value.has_value();
    if (key == "quote") return quote.has_value();
    if (key == "killed") return killed.has_value();
    if (key == "injured") return injured.has_value();
    if (key == "ordinal") return ordinal.has_value();
    return false;
}

void Attributes::set_count(std::string_view key, long long n) {
    if (key == "killed") killed = n;
    if (key == "injured") injured = n;
}

namespace {

// Mediators are output as {name, kind, country (when not empty)}: equal there, equal here.
bool same_mediator(const Participant& a, const Participant& b) {
    return a.name == b.name && a.kind == b.kind && a.country == b.country;
}

}  // namespace

void Attributes::absorb(const Attributes& b) {
    if (topics.empty()) {
        topics = b.topics;
    } else {
        for (const std::string* t : b.topics)
            if (std::none_of(topics.begin(), topics.end(),
                             [&](const std::string* x) { return *x == *t; }))
                topics.push_back(t);
    }
    if (mediators.empty()) {
        mediators = b.mediators;
    } else {
        for (const Participant& m : b.mediators)
            if (std::none_of(mediators.begin(), mediators.end(),
                             [&](const Participant& x) { return same_mediator(x, m); }))
                mediators.push_back(m);
    }
    if (!amount_value && b.amount_value) {
        amount_value = b.amount_value;
        amount_currency = b.amount_currency;
    }
    if (!quote) quote = b.quote;
    if (!killed) killed = b.killed;
    if (!injured) injured = b.injured;
    if (!ordinal) ordinal = b.ordinal;
}

namespace {

// An empty JSON object made directly (json::object() goes through the
// initializer-list constructor, which inspects its empty list first).
nlohmann::json empty_object() {
    return nlohmann::json(nlohmann::json::value_t::object);
}

}  // namespace

// The object's members are set in its map directly (insert_or_assign: the same
// result as out[key] = value), and the nested objects are built as maps, not
// from initializer lists (each json_ref of those is a copy and a type check).
void Attributes::write_to(nlohmann::json& out) const {
    if (out.is_null()) out = empty_object();  // as out[key] would
    auto& obj = out.get_ref<nlohmann::json::object_t&>();
    if (!topics.empty()) {
        nlohmann::json::array_t arr;
        arr.reserve(topics.size());
        for (const std::string* t : topics) arr.emplace_back(*t);
        obj.insert_or_assign("topics", std::move(arr));
    }
    if (!mediators.empty()) {
        nlohmann::json::array_t arr;
        arr.reserve(mediators.size());
        for (const auto& p : mediators) {
            nlohmann::json::object_t j;
            j.emplace("kind", p.kind);
            j.emplace("name", p.name);
            if (!p.country.empty()) j.emplace("country", p.country);
            arr.emplace_back(std::move(j));
        }
        obj.insert_or_assign("mediators", std::move(arr));
    }
    if (amount_value) {
        nlohmann::json::object_t j;
        j.emplace("currency", amount_currency);
        j.emplace("value", *amount_value);
        obj.insert_or_assign("amount", std::move(j));
    }
    if (quote) obj.insert_or_assign("quote", *quote);
    if (killed) obj.insert_or_assign("killed", *killed);
    if (injured) obj.insert_or_assign("injured", *injured);
    if (ordinal) obj.insert_or_assign("ordinal", *ordinal);
}

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

std::vector<std::pair<std::size_t, std::size_t>> Pipeline::paragraphs(std::string_view text) {
    return split_paragraphs(text);
}

std::vector<std::string> Pipeline::processor_names() const {
    std::vector<std::string> out;
    for (const auto& s : stages_) out.emplace_back(s->name());
    return out;
}

std::shared_ptr<const Pipeline> Pipeline::build(const YAML::Node& processors_config,
                                                const std::string& data_dir,
                                                const std::string& config_file) {
    config::DiagnosticSink sink(config_file);
    // The chain: names and their option nodes.
    std::vector<std::pair<std::string, YAML::Node>> chain;
    if (!processors_config.IsDefined() || processors_config.IsNull()) {
        for (const auto& [n, f] : stage_registry()) chain.emplace_back(n, YAML::Node());
    } else if (!processors_config.IsSequence()) {
        sink.error(processors_config,
                   "pipeline.processors must be a list of processors ({name: ..., options})");
    } else {
        for (const auto& item : processors_config) {
            std::string name;
            if (item.IsScalar()) {
                name = item.Scalar();
            } else if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
                name = item["name"].Scalar();
            } else {
                sink.error(item, "each processor needs a 'name'");
                continue;
            }
            const auto& reg = stage_registry();
            if (std::none_of(reg.begin(), reg.end(),
                             [&](const auto& r) { return r.first == name; })) {
                sink.error(item, "unknown processor '" + name + "' (known: " + known_names() + ")");
                continue;
            }
            if (std::any_of(chain.begin(), chain.end(),
                            [&](const auto& c) { return c.first == name; })) {
                sink.error(item, "processor '" + name + "' appears twice");
                continue;
            }
            chain.emplace_back(name, item.IsMap() ? YAML::Node(item) : YAML::Node());
        }
    }
    sink.throw_if_errors();

    auto p = std::shared_ptr<Pipeline>(new Pipeline());
    std::string gazetteer_dir;
    for (const auto& [name, node] : chain) {
        if (name != "entities") continue;
        gazetteer_dir = read_string(node, "gazetteer_dir", "", sink);
        if (!gazetteer_dir.empty() && std::filesystem::path(gazetteer_dir).is_relative())
            gazetteer_dir = (std::filesystem::path(data_dir) / gazetteer_dir).string();
    }
    for (const auto& [name, node] : chain) {
        for (const auto& [n, factory] : stage_registry()) {
            if (n != name) continue;
            auto st = factory();
            st->configure(node, sink);
            for (const auto& need : st->requires_before()) {
                const bool before = std::any_of(p->stages_.begin(), p->stages_.end(),
                                                [&](const auto& s) { return need == s->name(); });
                if (!before)
                    sink.error(
                        node, "processor '" + name + "' needs '" + need + "' earlier in the chain");
            }
            p->stages_.push_back(std::move(st));
        }
    }
    sink.throw_if_errors();
    p->knowledge_ = load_knowledge(data_dir, gazetteer_dir);
    for (auto& st : p->stages_) st->bind(*p->knowledge_);
    return p;
}

herald::Result<std::vector<Event>> Pipeline::run(const Article& article,
                                                 const RunOptions& opts) const {
    if (article.text.size() > kMaxArticleBytes)
        return fail("input", "article text is " + std::to_string(article.text.size()) +
                                 " bytes, more than the limit of " +
                                 std::to_string(kMaxArticleBytes));
    try {
        // One working Doc per thread, reused so its buffers keep their capacity.
        thread_local Doc d;
        d.text.clear();
        // (d.lower keeps the last article's bytes: normalise's lower_into, or segment's
        // identity_text, overwrites all of it; resizing a cleared string would zero-fill
        // all of it first)
        d.map.clear();
        d.para_norm.clear();
        d.toks.clear();
        d.sents.clear();
        d.mentions.clear();
        d.cands.clear();
        d.nparts = 0;
        d.normalised = false;
        d.pub_day.reset();
        d.article = &article;
        d.k = knowledge_.get();
        if (article.published) {
            const auto t = *article.published;
            d.pub_day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
        }
        split_paragraphs_into(article.text, d.para_orig);
        for (const auto& st : stages_) st->run(d);
        if (d.toks.empty()) return std::vector<Event>{};

        // The kept candidates, then ordered by their first evidence (stable).
        std::vector<Candidate*>& kept = d.kept;
        kept.clear();
        for (Candidate& c : d.cands) {
            if (c.drop || c.carrier) continue;
            if (!opts.include_out_of_region && !c.ev.in_region) continue;
            add_evidence(d, c);
            if (opts.changed_paragraphs) {
                bool changed = false;
                for (const auto& e : c.evidence) {
                    for (std::size_t pi = 0; pi < d.para_orig.size(); ++pi) {
                        if (e.start >= d.para_orig[pi].first && e.start <= d.para_orig[pi].second) {
                            if (pi < opts.changed_paragraphs->size() &&
                                (*opts.changed_paragraphs)[pi])
                                changed = true;
                            break;
                        }
                    }
                }
                if (!changed) continue;
            }
            kept.push_back(&c);
        }
        auto start = [](const Candidate* c) {
            return c->evidence.empty() ? std::size_t{0} : c->evidence.front().start;
        };
        auto before = [&](const Candidate* a, const Candidate* b) { return start(a) < start(b); };
        // (usually in order already: then no sort, and no temporary buffer for it)
        if (!std::is_sorted(kept.begin(), kept.end(), before))
            std::stable_sort(kept.begin(), kept.end(), before);
        // The events are completed in place first, then moved out: the output vector's
        // buffer is the one large allocation here, and malloc consolidates its free lists
        // for it, after which each small allocation (evidence, attribute objects) would
        // cost several times more.
        for (Candidate* c : kept) {
            fill_evidence(article, *c, c->ev);
            nlohmann::json& attributes = c->ev.attributes;
            if (!attributes.is_object()) attributes = empty_object();
            c->attrs.write_to(attributes);
        }
        std::vector<Event> out;
        out.reserve(kept.size());
        for (Candidate* c : kept) out.push_back(std::move(c->ev));
        return out;
    } catch (const std::bad_alloc&) {
        return fail("processor", "out of memory while processing article " + article.id);
    } catch (const std::exception& e) {
        return fail("processor", std::string("article ") + article.id + ": " + e.what());
    }
}

namespace {

// Appends pieces without temporary concatenations (GCC 12 -O3 -Wrestrict false positives).
template <class... Parts>
void put(std::string& out, const Parts&... parts) {
    (out.append(std::string_view(parts)), ...);
}

}  // namespace

std::string Pipeline::trace(const Article& article) const {
    std::string out;
    try {
        Doc d;
        d.article = &article;
        d.k = knowledge_.get();
        if (article.published) d.pub_day = *article.published / 86400;
        d.para_orig = split_paragraphs(article.text);
        for (const auto& st : stages_) st->run(d);
        auto span = [&](std::size_t tb, std::size_t te) {
            return std::string_view(d.text).substr(d.toks[tb].b, d.toks[te - 1].e - d.toks[tb].b);
        };
        std::size_t mi = 0;
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            const Sentence& s = d.sents[si];
            const std::string sn = std::to_string(si), pn = std::to_string(s.paragraph);
            put(out, "S", sn, " p", pn, ": ", std::string_view(d.text).substr(s.b, s.e - s.b),
                "\n");
            for (; mi < d.mentions.size() && d.mentions[mi].sentence == si; ++mi) {
                const Mention& m = d.mentions[mi];
                put(out, "   M[", span(m.tb, m.te), "]");
                if (m.part)
                    put(out, " ", m.part->kind, ":", m.part->name, "/", m.part->country,
                        " role=", m.part->role);
                if (m.place) put(out, " place=", m.place->name);
                if (!m.prep.empty()) put(out, " prep=", m.prep);
                if (m.adjective) put(out, " adj");
                if (m.people) put(out, " people");
                if (m.modifier) put(out, " mod");
                if (m.possessive) put(out, " poss");
                if (m.in_quote) put(out, " quote");
                if (m.kind != MentionKind::entity) {
                    const std::string kn = std::to_string(static_cast<int>(m.kind));
                    put(out, " kind=", kn);
                }
                put(out, "\n");
            }
            for (const Candidate& c : d.cands) {
                if (c.sentence != si) continue;
                const std::string date = c.ev.date.value_or("-");
                put(out, "   C ", c.ev.type, " [", span(c.tb, c.te), "] ", c.ev.status, " ", date,
                    c.drop ? " DROP" : "", c.carrier ? " CARRIER" : "",
                    c.ev.in_region ? "" : " OUT", " actors=");
                for (const auto& p : c.ev.actors) put(out, p.name, ";");
                put(out, " targets=");
                for (const auto& p : c.ev.targets) put(out, p.name, ";");
                put(out, " med=");
                for (const auto& p : c.mediators) put(out, p.name, ";");
                if (c.ev.location) put(out, " loc=", c.ev.location->name);
                put(out, "\n");
            }
        }
    } catch (const std::exception& e) {
        put(out, "trace failed: ", e.what(), "\n");
    }
    return out;
}

}  // namespace herald::processors

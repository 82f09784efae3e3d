// RSS 0.90-2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 over pugixml, namespaces matched by URI.
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "common/text.hpp"
#include "feeds/parse/internal.hpp"

namespace herald::feeds::detail {

namespace {

enum class Ns : std::uint8_t {
    None,
    Atom10,
    Atom03,
    Rss10,
    Rss090,
    Rss2,
    Content,
    DC,
    DCTerms,
    Media,
    Sy,
    Xhtml,
    Rdf,
    Itunes,
    Xml,
    Other,
};

Ns ns_from_uri(std::string_view u) {
    if (u.empty()) return Ns::None;
    if (u.ends_with('/') && u != "http://purl.org/rss/1.0/" &&
        u != "http://my.netscape.com/rdf/simple/0.9/" && u != "http://purl.org/dc/terms/" &&
        u != "http://purl.org/dc/elements/1.1/" &&
        u != "http://purl.org/rss/1.0/modules/content/" &&
        u != "http://purl.org/rss/1.0/modules/syndication/" && u != "http://search.yahoo.com/mrss/")
        u.remove_suffix(1);
    struct M {
        std::string_view uri;
        Ns ns;
    };
    static constexpr M kMap[] = {
        {"http://www.w3.org/2005/Atom", Ns::Atom10},
        {"http://purl.org/atom/ns#", Ns::Atom03},
        {"http://purl.org/rss/1.0/", Ns::Rss10},
        {"http://my.netscape.com/rdf/simple/0.9/", Ns::Rss090},
        {"http://backend.userland.com/rss2", Ns::Rss2},
        {"http://backend.userland.com/rss", Ns::Rss2},
        {"http://blogs.law.harvard.edu/tech/rss", Ns::Rss2},
        {"http://purl.org/rss/1.0/modules/content/", Ns::Content},
        {"http://purl.org/dc/elements/1.1/", Ns::DC},
        {"http://purl.org/dc/terms/", Ns::DCTerms},
        {"http://search.yahoo.com/mrss/", Ns::Media},
        {"http://search.yahoo.com/mrss", Ns::Media},
        {"http://purl.org/rss/1.0/modules/syndication/", Ns::Sy},
        {"http://www.w3.org/1999/xhtml", Ns::Xhtml},
        {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::Rdf},
        {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::Itunes},
        {"http://www.w3.org/XML/1998/namespace", Ns::Xml},
    };
    for (const auto& m : kMap)
        if (u == m.uri) return m.ns;
    return Ns::Other;
}

// For prefixes used without a declaration (not namespace-well-formed): the usual binding.
Ns ns_from_prefix_guess(std::string_view p) {
    if (p == "dc") return Ns::DC;
    if (p == "dcterms") return Ns::DCTerms;
    if (p == "content") return Ns::Content;
    if (p == "media") return Ns::Media;
    if (p == "atom" || p == "atom10") return Ns::Atom10;
    if (p == "sy") return Ns::Sy;
    if (p == "rdf") return Ns::Rdf;
    if (p == "itunes") return Ns::Itunes;
    if (p == "xhtml") return Ns::Xhtml;
    return Ns::Other;
}

struct Scope {
    const Scope* parent = nullptr;
    struct Decl {
        std::string_view prefix;
        Ns ns;
    };
    std::array<Decl, 12> decls{};
    std::size_t ndecls = 0;
    bool has_default = false;
    Ns default_ns = Ns::None;
    std::string base;  // absolute base URL (set only when this element has xml:base)
    const std::string* base_ptr = nullptr;
    std::string_view lang;
    bool has_lang = false;
};

struct QName {
    Ns ns;
    std::string_view local;
};

struct Ctx {
    bool clean = true;
    std::string opts_base;
    Ns core = Ns::None;  // namespace of the core vocabulary (RSS 1.0 / 0.90 / default)
    bool atom = false;   // the document is Atom (core = Atom vocabulary)
    std::string scratch;
};

bool starts_with(const char* s, std::string_view p) {
    return std::strncmp(s, p.data(), p.size()) == 0;
}

bool needs_scope(const pugi::xml_node& n) {
    for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
        const char* name = a.name();
        if (starts_with(name, "xmlns") || starts_with(name, "xml:")) return true;
    }
    return false;
}

std::string attr_text(const pugi::xml_attribute& a, Ctx& ctx) {
    std::string out;
    append_xml_text(out, a.value(), ctx.clean);
    return out;
}

void fill_scope(Scope& sc, const pugi::xml_node& n, const Scope* parent, Ctx& ctx) {
    sc.parent = parent;
    sc.base_ptr = parent ? parent->base_ptr : &ctx.opts_base;
    if (parent) {
        sc.lang = parent->lang;
        sc.has_lang = parent->has_lang;
    }
    for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name == "xmlns") {
            sc.has_default = true;
            sc.default_ns = ns_from_uri(trim(a.value()));
        } else if (name.starts_with("xmlns:")) {
            if (sc.ndecls < sc.decls.size())
                sc.decls[sc.ndecls++] = {name.substr(6), ns_from_uri(trim(a.value()))};
        } else if (name == "xml:base") {
            sc.base = resolve_url(*sc.base_ptr, attr_text(a, ctx));
            sc.base_ptr = &sc.base;
        } else if (name == "xml:lang") {
            sc.lang = a.value();
            sc.has_lang = true;
        }
    }
}

QName resolve_name(const char* qname, const Scope* sc, Ctx& ctx) {
    const char* colon = std::strchr(qname, ':');
    if (!colon) {
        for (const Scope* s = sc; s; s = s->parent)
            if (s->has_default) return {s->default_ns, qname};
        return {Ns::None, qname};
    }
    const std::string_view prefix(qname, static_cast<std::size_t>(colon - qname));
    const std::string_view local(colon + 1);
    if (prefix == "xml") return {Ns::Xml, local};
    for (const Scope* s = sc; s; s = s->parent)
        for (std::size_t i = s->ndecls; i > 0; --i)
            if (s->decls[i - 1].prefix == prefix) return {s->decls[i - 1].ns, local};
    ctx.clean = false;  // undeclared prefix
    return {ns_from_prefix_guess(prefix), local};
}

// Attribute by local name without a namespace prefix (or with any prefix as a fallback).
pugi::xml_attribute attr(const pugi::xml_node& n, std::string_view local) {
    pugi::xml_attribute prefixed;
    for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name == local) return a;
        const std::size_t colon = name.find(':');
        if (!prefixed && colon != std::string_view::npos && name.substr(colon + 1) == local &&
            !name.starts_with("xmlns"))
            prefixed = a;
    }
    return prefixed;
}

// Decoded character data of an element (its text and CDATA children).
void text_into(std::string& out, const pugi::xml_node& n, Ctx& ctx) {
    out.clear();
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
        const auto t = c.type();
        if (t == pugi::node_pcdata)
            append_xml_text(out, c.value(), ctx.clean);
        else if (t == pugi::node_cdata)
            append_raw_text(out, c.value(), ctx.clean);
    }
}

std::string text_of(const pugi::xml_node& n, Ctx& ctx) {
    std::string s;
    text_into(s, n, ctx);
    return s;
}

std::string trimmed_text(const pugi::xml_node& n, Ctx& ctx) {
    text_into(ctx.scratch, n, ctx);
    return std::string(trim(ctx.scratch));
}

bool has_element_child(const pugi::xml_node& n) {
    for (auto c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return true;
    return false;
}

bool is_void_html(std::string_view n) {
    static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                                 "hr",    "img",    "input", "link", "meta",
                                                 "param", "source", "track", "wbr"};
    for (const auto v : kVoid)
        if (n == v) return true;
    return false;
}

std::string_view local_of(const char* qname) {
    const char* colon = std::strchr(qname, ':');
    return colon ? std::string_view(colon + 1) : std::string_view(qname);
}

// Inline (X)HTML children written back as markup (source escapes kept).
void serialize_children(std::string& out, const pugi::xml_node& n, Ctx& ctx, int depth = 0) {
    if (depth > 200) return;
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
        switch (c.type()) {
            case pugi::node_pcdata:
                append_raw_text(out, c.value(), ctx.clean);
                break;
            case pugi::node_cdata: {
                std::string raw;
                append_raw_text(raw, c.value(), ctx.clean);
                for (const char ch : raw) {
                    if (ch == '&')
                        out += "&amp;";
                    else if (ch == '<')
                        out += "&lt;";
                    else if (ch == '>')
                        out += "&gt;";
                    else
                        out += ch;
                }
                break;
            }
            case pugi::node_element: {
                const std::string_view name = local_of(c.name());
                out += '<';
                out.append(name);
                for (auto a = c.first_attribute(); a; a = a.next_attribute()) {
                    const std::string_view an = a.name();
                    if (an == "xmlns" || an.starts_with("xmlns:")) continue;
                    out += ' ';
                    out.append(an);
                    out += "=\"";
                    for (const char* v = a.value(); *v; ++v) {
                        if (*v == '"')
                            out += "&quot;";
                        else
                            out += *v;
                    }
                    out += '"';
                }
                if (!c.first_child() && is_void_html(name)) {
                    out += " />";
                    break;
                }
                out += '>';
                serialize_children(out, c, ctx, depth + 1);
                out += "</";
                out.append(name);
                out += '>';
                break;
            }
            default:
                break;
        }
    }
}

// Markup content of summary/description/content elements: escaped HTML is
// decoded; inline elements are serialised.
std::string markup_of(const pugi::xml_node& n, Ctx& ctx) {
    if (!has_element_child(n)) return text_of(n, ctx);
    std::string out;
    serialize_children(out, n, ctx);
    return out;
}

std::string base64_decode(std::string_view in) {
    std::string out;
    std::uint32_t buf = 0;
    int bits = 0;
    for (const char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+' || c == '-')
            v = 62;
        else if (c == '/' || c == '_')
            v = 63;
        else
            continue;
        buf = (buf << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buf >> bits) & 0xFF);
        }
    }
    return sanitize_utf8(out);
}

enum class TextKind { Text, Html, Xhtml, Base64 };

TextKind text_kind(const pugi::xml_node& n) {
    const std::string_view type = n.attribute("type").value();
    const std::string_view mode = n.attribute("mode").value();
    if (mode == "base64") return TextKind::Base64;
    if (mode == "xml") return TextKind::Xhtml;
    if (mode == "escaped") return TextKind::Html;
    if (type.empty() || type == "text" || type == "text/plain") return TextKind::Text;
    if (type == "html" || type == "text/html") return TextKind::Html;
    if (type == "xhtml" || type.find("xml") != std::string_view::npos) return TextKind::Xhtml;
    return TextKind::Text;
}

// Atom text construct as markup (summary, content).
std::string atom_markup(const pugi::xml_node& n, Ctx& ctx) {
    switch (text_kind(n)) {
        case TextKind::Base64:
            return base64_decode(text_of(n, ctx));
        case TextKind::Xhtml: {
            // Atom 1.0 wraps XHTML content in one <div>, which is not part of the content.
            pugi::xml_node only;
            int elements = 0;
            bool text = false;
            for (auto c = n.first_child(); c; c = c.next_sibling()) {
                if (c.type() == pugi::node_element) {
                    ++elements;
                    only = c;
                } else if (c.type() == pugi::node_pcdata && !trim(c.value()).empty()) {
                    text = true;
                }
            }
            std::string out;
            if (elements == 1 && !text && local_of(only.name()) == "div")
                serialize_children(out, only, ctx);
            else
                serialize_children(out, n, ctx);
            return std::string(trim(out));
        }
        default:
            return markup_of(n, ctx);
    }
}

// Atom text construct as plain text (titles). type="text" titles are stripped too:
// feeds often put escaped HTML in them without saying so.
std::string atom_plain(const pugi::xml_node& n, Ctx& ctx) {
    if (text_kind(n) == TextKind::Text && !has_element_child(n))
        return strip_markup(text_of(n, ctx));
    return strip_markup(atom_markup(n, ctx));
}

std::optional<std::int64_t> to_int(std::string_view s) {
    s = trim(s);
    std::int64_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<UnixTime> date_of(const pugi::xml_node& n, Ctx& ctx) {
    text_into(ctx.scratch, n, ctx);
    return parse_feed_date(ctx.scratch);
}

std::string link_of(std::string_view raw, const Scope* sc) {
    const std::string_view r = trim(raw);
    if (r.empty()) return {};
    return resolve_url(*sc->base_ptr, r);
}

void add_category(std::vector<std::string>& cats, std::string c) {
    if (c.empty()) return;
    for (const auto& x : cats)
        if (x == c) return;
    cats.push_back(std::move(c));
}

void add_enclosure(std::vector<Enclosure>& encs, Enclosure e) {
    if (e.url.empty()) return;
    for (const auto& x : encs)
        if (x.url == e.url) return;
    encs.push_back(std::move(e));
}

// "jdoe@example.com (John Doe)", "John Doe <jdoe@example.com>", "jdoe@example.com", "John".
Person parse_person(std::string_view s) {
    Person p;
    s = trim(s);
    const std::size_t open = s.find('(');
    const std::size_t close = s.rfind(')');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open &&
        s.substr(0, open).find('@') != std::string_view::npos) {
        p.email = std::string(trim(s.substr(0, open)));
        p.name = std::string(trim(s.substr(open + 1, close - open - 1)));
        return p;
    }
    const std::size_t lt = s.find('<');
    const std::size_t gt = s.rfind('>');
    if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt &&
        s.substr(lt, gt - lt).find('@') != std::string_view::npos) {
        p.email = std::string(trim(s.substr(lt + 1, gt - lt - 1)));
        std::string_view name = trim(s.substr(0, lt));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        p.name = std::string(name);
        return p;
    }
    if (s.find('@') != std::string_view::npos && s.find(' ') == std::string_view::npos) {
        std::string_view e = s;
        if (e.starts_with("mailto:")) e.remove_prefix(7);
        p.email = std::string(e);
    } else {
        p.name = std::string(s);
    }
    return p;
}

void add_person(std::vector<Person>& v, Person p) {
    if (p.name.empty() && p.email.empty() && p.uri.empty()) return;
    for (const auto& x : v)
        if (x.name == p.name && x.email == p.email && x.uri == p.uri) return;
    v.push_back(std::move(p));
}

Person atom_person(const pugi::xml_node& n, const Scope* parent, Ctx& ctx) {
    Scope local;
    const Scope* sc = parent;
    if (needs_scope(n)) {
        fill_scope(local, n, parent, ctx);
        sc = &local;
    }
    Person p;
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const QName q = resolve_name(c.name(), sc, ctx);
        if (q.local == "name")
            p.name = collapse_whitespace(text_of(c, ctx));
        else if (q.local == "email")
            p.email = trimmed_text(c, ctx);
        else if (q.local == "uri" || q.local == "url")
            p.uri = link_of(text_of(c, ctx), sc);
    }
    if (p.name.empty() && p.email.empty() && p.uri.empty() && !has_element_child(n))
        p = parse_person(text_of(n, ctx));  // <author> used like RSS's
    return p;
}

bool is_atom_ns(Ns ns, const Ctx& ctx) {
    return ns == Ns::Atom10 || ns == Ns::Atom03 || (ctx.atom && ns == ctx.core);
}
bool is_core_rss(Ns ns, const Ctx& ctx) {
    return ns == Ns::None || ns == Ns::Rss10 || ns == Ns::Rss090 || ns == Ns::Rss2 ||
           ns == ctx.core;
}

void media_element(const pugi::xml_node& c, std::string_view local, const Scope* sc, Ctx& ctx,
                   Item& item, int depth) {
    if (local == "content" || local == "thumbnail") {
        Enclosure e;
        e.url = link_of(attr_text(c.attribute("url"), ctx), sc);
        e.type = attr_text(c.attribute("type"), ctx);
        if (const auto len = to_int(c.attribute("fileSize").value())) e.length = len;
        add_enclosure(item.enclosures, std::move(e));
        if (local == "content" && depth < 4) {
            for (auto g = c.first_child(); g; g = g.next_sibling()) {
                if (g.type() != pugi::node_element) continue;
                const QName q = resolve_name(g.name(), sc, ctx);
                if (q.ns == Ns::Media) media_element(g, q.local, sc, ctx, item, depth + 1);
            }
        }
    } else if (local == "group" && depth < 4) {
        for (auto g = c.first_child(); g; g = g.next_sibling()) {
            if (g.type() != pugi::node_element) continue;
            const QName q = resolve_name(g.name(), sc, ctx);
            if (q.ns == Ns::Media) media_element(g, q.local, sc, ctx, item, depth + 1);
        }
    } else if (local == "category") {
        add_category(item.categories, collapse_whitespace(text_of(c, ctx)));
    } else if (local == "title" && item.title.empty()) {
        item.title = strip_markup(text_of(c, ctx));
    } else if (local == "description" && item.summary.empty()) {
        item.summary = markup_of(c, ctx);
    }
}

void atom_link(const pugi::xml_node& c, const Scope* sc, Ctx& ctx, std::string& link,
               std::vector<Enclosure>* encs) {
    const std::string_view rel = trim(c.attribute("rel").value());
    std::string href = link_of(attr_text(c.attribute("href"), ctx), sc);
    if (href.empty()) return;
    if (rel.empty() || rel == "alternate" ||
        rel == "http://www.iana.org/assignments/relation/alternate") {
        if (link.empty()) link = std::move(href);
    } else if (rel == "enclosure" && encs) {
        Enclosure e;
        e.url = std::move(href);
        e.type = attr_text(c.attribute("type"), ctx);
        if (const auto len = to_int(c.attribute("length").value())) e.length = len;
        add_enclosure(*encs, std::move(e));
    }
}

struct ItemExtras {
    std::string guid;
    bool guid_permalink = false;
    std::string about;
    std::optional<UnixTime> dc_date, issued, created;
};

void item_element(const pugi::xml_node& c, const Scope* parent, Ctx& ctx, Item& item,
                  ItemExtras& x) {
    Scope local;
    const Scope* sc = parent;
    if (c.first_attribute() && needs_scope(c)) {
        fill_scope(local, c, parent, ctx);
        sc = &local;
    }
    const QName q = resolve_name(c.name(), sc, ctx);
    const std::string_view l = q.local;
    if (is_atom_ns(q.ns, ctx)) {
        if (l == "title") {
            if (item.title.empty()) item.title = atom_plain(c, ctx);
        } else if (l == "link") {
            atom_link(c, sc, ctx, item.link, &item.enclosures);
        } else if (l == "id") {
            if (x.guid.empty()) x.guid = trimmed_text(c, ctx);
        } else if (l == "published" || l == "issued") {
            if (!item.published) item.published = date_of(c, ctx);
        } else if (l == "updated" || l == "modified") {
            if (!item.updated) item.updated = date_of(c, ctx);
        } else if (l == "created") {
            x.created = date_of(c, ctx);
        } else if (l == "summary") {
            if (item.summary.empty()) item.summary = atom_markup(c, ctx);
        } else if (l == "content") {
            if (item.content.empty()) item.content = atom_markup(c, ctx);
        } else if (l == "author") {
            add_person(item.authors, atom_person(c, sc, ctx));
        } else if (l == "category") {
            auto term = attr_text(c.attribute("term"), ctx);
            if (term.empty()) term = text_of(c, ctx);
            add_category(item.categories, collapse_whitespace(term));
        }
        return;
    }
    switch (q.ns) {
        case Ns::Content:
            if (l == "encoded" && item.content.empty()) item.content = markup_of(c, ctx);
            return;
        case Ns::DC:
            if (l == "creator" || l == "author") {
                add_person(item.authors, Person{collapse_whitespace(text_of(c, ctx)), {}, {}});
            } else if (l == "date") {
                x.dc_date = date_of(c, ctx);
            } else if (l == "subject") {
                add_category(item.categories, collapse_whitespace(text_of(c, ctx)));
            } else if (l == "title") {
                if (item.title.empty()) item.title = strip_markup(text_of(c, ctx));
            } else if (l == "description") {
                if (item.summary.empty()) item.summary = markup_of(c, ctx);
            } else if (l == "identifier") {
                if (x.guid.empty()) x.guid = trimmed_text(c, ctx);
            }
            return;
        case Ns::DCTerms:
            if (l == "modified") {
                if (!item.updated) item.updated = date_of(c, ctx);
            } else if (l == "issued" || l == "created") {
                if (!x.issued) x.issued = date_of(c, ctx);
            }
            return;
        case Ns::Media:
            media_element(c, l, sc, ctx, item, 0);
            return;
        case Ns::Xhtml:
            if (l == "body" && item.content.empty()) {
                std::string out;
                serialize_children(out, c, ctx);
                item.content = std::string(trim(out));
            }
            return;
        default:
            break;
    }
    if (!is_core_rss(q.ns, ctx)) return;
    if (l == "title") {
        if (item.title.empty()) item.title = strip_markup(text_of(c, ctx));
    } else if (l == "link") {
        if (item.link.empty()) {
            if (c.attribute("href"))
                atom_link(c, sc, ctx, item.link, &item.enclosures);  // Atom-style link in RSS
            else
                item.link = link_of(text_of(c, ctx), sc);
        }
    } else if (l == "description") {
        if (item.summary.empty()) item.summary = markup_of(c, ctx);
    } else if (l == "guid") {
        if (x.guid.empty()) {
            x.guid = trimmed_text(c, ctx);
            const std::string_view pl = trim(c.attribute("isPermaLink").value());
            x.guid_permalink = !(pl == "false" || pl == "False" || pl == "FALSE" || pl == "0");
        }
    } else if (l == "pubDate") {
        if (!item.published) item.published = date_of(c, ctx);
    } else if (l == "author") {
        add_person(item.authors, parse_person(text_of(c, ctx)));
    } else if (l == "category") {
        add_category(item.categories, collapse_whitespace(text_of(c, ctx)));
    } else if (l == "enclosure") {
        Enclosure e;
        e.url = link_of(attr_text(c.attribute("url"), ctx), sc);
        e.type = attr_text(c.attribute("type"), ctx);
        if (const auto len = to_int(c.attribute("length").value()); len && *len >= 0)
            e.length = len;
        add_enclosure(item.enclosures, std::move(e));
    }
}

Item parse_item(const pugi::xml_node& n, const Scope* parent, Ctx& ctx) {
    Scope local;
    const Scope* sc = parent;
    if (n.first_attribute() && needs_scope(n)) {
        fill_scope(local, n, parent, ctx);
        sc = &local;
    }
    Item item;
    ItemExtras x;
    if (auto about = attr(n, "about")) x.about = std::string(trim(attr_text(about, ctx)));
    for (auto c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) item_element(c, sc, ctx, item, x);
    if (!item.published) item.published = x.dc_date ? x.dc_date : x.issued ? x.issued : x.created;
    if (item.link.empty() && !x.guid.empty() && x.guid_permalink &&
        (x.guid.starts_with("http://") || x.guid.starts_with("https://")))
        item.link = x.guid;
    if (item.link.empty() && !x.about.empty()) item.link = link_of(x.about, sc);
    item.id = !x.guid.empty() ? std::move(x.guid) : std::move(x.about);
    return item;
}

void channel_element(const pugi::xml_node& c, const Scope* sc, Ctx& ctx, FeedDocument& doc,
                     std::optional<std::int64_t>& sy_period, std::optional<std::int64_t>& sy_freq,
                     std::optional<UnixTime>& pub_date) {
    const QName q = resolve_name(c.name(), sc, ctx);
    const std::string_view l = q.local;
    FeedMeta& f = doc.feed;
    if (is_atom_ns(q.ns, ctx)) {
        if (l == "title" && f.title.empty()) {
            f.title = atom_plain(c, ctx);
        } else if ((l == "subtitle" || l == "tagline") && f.subtitle.empty()) {
            f.subtitle = atom_plain(c, ctx);
        } else if (l == "link") {
            atom_link(c, sc, ctx, f.link, nullptr);
        } else if ((l == "updated" || l == "modified") && !f.updated) {
            f.updated = date_of(c, ctx);
        }
        return;
    }
    if (q.ns == Ns::Sy) {
        if (l == "updatePeriod") {
            text_into(ctx.scratch, c, ctx);
            const std::string p = ascii_lower(trim(ctx.scratch));
            if (p == "hourly")
                sy_period = 3600;
            else if (p == "daily")
                sy_period = 86400;
            else if (p == "weekly")
                sy_period = 7 * 86400;
            else if (p == "monthly")
                sy_period = 30 * 86400;
            else if (p == "yearly")
                sy_period = 365 * 86400;
        } else if (l == "updateFrequency") {
            text_into(ctx.scratch, c, ctx);
            if (auto v = to_int(ctx.scratch); v && *v > 0) sy_freq = v;
        }
        return;
    }
    if (q.ns == Ns::DC) {
        if (l == "language" && f.language.empty())
            f.language = trimmed_text(c, ctx);
        else if (l == "date" && !pub_date)
            pub_date = date_of(c, ctx);
        else if (l == "title" && f.title.empty())
            f.title = strip_markup(text_of(c, ctx));
        else if (l == "description" && f.subtitle.empty())
            f.subtitle = strip_markup(text_of(c, ctx));
        return;
    }
    if (!is_core_rss(q.ns, ctx)) return;
    if (l == "title") {
        if (f.title.empty()) f.title = strip_markup(text_of(c, ctx));
    } else if (l == "link") {
        if (f.link.empty()) {
            if (c.attribute("href"))
                atom_link(c, sc, ctx, f.link, nullptr);
            else
                f.link = link_of(text_of(c, ctx), sc);
        }
    } else if (l == "description") {
        if (f.subtitle.empty()) f.subtitle = strip_markup(text_of(c, ctx));
    } else if (l == "language") {
        if (f.language.empty()) f.language = trimmed_text(c, ctx);
    } else if (l == "lastBuildDate") {
        f.updated = date_of(c, ctx);
    } else if (l == "pubDate") {
        pub_date = date_of(c, ctx);
    } else if (l == "ttl") {
        text_into(ctx.scratch, c, ctx);
        if (auto v = to_int(ctx.scratch); v && *v >= 0 && *v < (1 << 30))
            f.ttl_minutes = static_cast<int>(*v);
    }
}

// Walks an RSS <channel> or RDF root / Atom <feed>; items may be children of `container`.
void walk_container(const pugi::xml_node& container, const Scope* parent, Ctx& ctx,
                    FeedDocument& doc, bool atom, int depth) {
    if (depth > 3) return;
    Scope local;
    const Scope* sc = parent;
    if (container.first_attribute() && needs_scope(container)) {
        fill_scope(local, container, parent, ctx);
        sc = &local;
    }
    if (depth == 0 && sc->has_lang && doc.feed.language.empty())
        doc.feed.language = std::string(trim(sc->lang));
    std::optional<std::int64_t> sy_period, sy_freq;
    std::optional<UnixTime> pub_date;
    for (auto c = container.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view l = local_of(c.name());
        if ((atom && l == "entry") || (!atom && l == "item")) {
            doc.items.push_back(parse_item(c, sc, ctx));
            continue;
        }
        if (!atom && l == "channel") {
            walk_container(c, sc, ctx, doc, atom, depth + 1);
            continue;
        }
        channel_element(c, sc, ctx, doc, sy_period, sy_freq, pub_date);
    }
    if (!doc.feed.updated && pub_date) doc.feed.updated = pub_date;
    if (sy_period || sy_freq) {
        const std::int64_t period = sy_period.value_or(86400);
        doc.feed.update_period_seconds = period / sy_freq.value_or(1);
    }
}

}  // namespace

herald::Result<FeedDocument> parse_xml_feed(std::string&& text, std::string_view original,
                                            const ParseOptions& opts, bool clean) {
    Ctx ctx;
    ctx.clean = clean;
    ctx.opts_base = opts.base_url;
    constexpr unsigned kOptions = pugi::parse_cdata;  // escapes and EOL decoded lazily
    pugi::xml_document xml;
    std::string buffer = std::move(text);
    auto result =
        xml.load_buffer_inplace(buffer.data(), buffer.size(), kOptions, pugi::encoding_utf8);
    std::string repaired;
    const auto find_root = [&xml](int& elements) {
        pugi::xml_node found;
        elements = 0;
        for (auto c = xml.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            ++elements;
            const std::string_view l = local_of(c.name());
            if (!found && (l == "rss" || l == "RDF" || l == "feed" || l == "channel")) found = c;
        }
        return found;
    };
    int elements = 0;
    pugi::xml_node root;
    if (result) root = find_root(elements);
    if (!result || !root) {
        // Recovery: repair the original text and parse that. This also finds a feed
        // wrapped in other markup (the repair skips foreign top-level elements).
        ctx.clean = false;
        repaired = repair_xml(original);
        xml.reset();
        result = xml.load_buffer_inplace(repaired.data(), repaired.size(), kOptions,
                                         pugi::encoding_utf8);
        root = find_root(elements);
    }
    if (elements > 1) ctx.clean = false;
    if (!root) return herald::fail("parse", "no RSS or Atom root element found");

    Scope top;
    top.base_ptr = &ctx.opts_base;
    Scope root_scope;
    fill_scope(root_scope, root, &top, ctx);
    const QName rq = resolve_name(root.name(), &root_scope, ctx);
    FeedDocument doc;
    bool atom = false;
    if (rq.local == "feed") {
        atom = true;
        ctx.atom = true;
        if (rq.ns == Ns::Atom03 || std::string_view(root.attribute("version").value()) == "0.3")
            doc.format = "atom0.3";
        else
            doc.format = "atom1.0";
        if (rq.ns != Ns::Atom10 && rq.ns != Ns::Atom03) {
            ctx.core = rq.ns;
            if (rq.ns == Ns::None) ctx.clean = false;
        }
    } else if (rq.local == "RDF") {
        doc.format = "rss1.0";
        for (auto c = root.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const QName q = resolve_name(c.name(), &root_scope, ctx);
            if (q.local == "channel" || q.local == "item") {
                if (q.ns == Ns::Rss090) doc.format = "rss0.90";
                ctx.core = q.ns;
                break;
            }
        }
    } else {
        const std::string_view v = trim(root.attribute("version").value());
        if (v == "0.91")
            doc.format = "rss0.91";
        else if (v == "0.92" || v == "0.93" || v == "0.94")
            doc.format = "rss0.92";
        else if (v == "0.90")
            doc.format = "rss0.90";
        else
            doc.format = "rss2.0";
        if (rq.ns != Ns::None && rq.ns != Ns::Rss2) ctx.core = rq.ns;
    }
    // Root attributes were read into root_scope; walk its children with it.
    if (root_scope.has_lang) doc.feed.language = std::string(trim(root_scope.lang));
    {
        std::optional<std::int64_t> sy_period, sy_freq;
        std::optional<UnixTime> pub_date;
        std::vector<Person> feed_authors;  // Atom: entries without authors inherit these
        for (auto c = root.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view l = local_of(c.name());
            if ((atom && l == "entry") || (!atom && l == "item")) {
                doc.items.push_back(parse_item(c, &root_scope, ctx));
            } else if (!atom && l == "channel") {
                walk_container(c, &root_scope, ctx, doc, false, 1);
            } else if (atom && l == "author" &&
                       is_atom_ns(resolve_name(c.name(), &root_scope, ctx).ns, ctx)) {
                add_person(feed_authors, atom_person(c, &root_scope, ctx));
            } else if (atom || rq.local == "channel") {
                channel_element(c, &root_scope, ctx, doc, sy_period, sy_freq, pub_date);
            }
        }
        if (!feed_authors.empty())
            for (auto& item : doc.items)
                if (item.authors.empty()) item.authors = feed_authors;
        if (!doc.feed.updated && pub_date) doc.feed.updated = pub_date;
        if (sy_period || sy_freq)
            doc.feed.update_period_seconds = sy_period.value_or(86400) / sy_freq.value_or(1);
    }
    doc.wellformed = ctx.clean && static_cast<bool>(result);
    assign_ids(doc.items);
    return doc;
}

}  // namespace herald::feeds::detail

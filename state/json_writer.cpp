#include "state/json_writer.hpp"

#include <charconv>
#include <cstdint>

namespace herald::state {

namespace {

// Strict UTF-8 (RFC 3629: no overlongs, surrogates or code points above
// U+10FFFF), the same rules as nlohmann's decoder. Returns the sequence
// length at `i`, or 0 when it is ill-formed.
std::size_t utf8_len(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k, unsigned char lo, unsigned char hi) {
        if (i + k >= s.size()) return false;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return b >= lo && b <= hi;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
    if (b0 == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
    if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF)
        return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
    if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
    if (b0 == 0xF0)
        return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    if (b0 >= 0xF1 && b0 <= 0xF3)
        return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    if (b0 == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    return 0;
}

template <class Int>
void append_int(std::string& out, Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void key(std::string& out, const char* k) {
    out += '"';
    out += k;
    out += "\":";
}

void participant(std::string& out, const processors::Participant& p) {
    out += '{';
    if (!p.country.empty()) {
        key(out, "country");
        append_json_string(out, p.country);
        out += ',';
    }
    key(out, "kind");
    append_json_string(out, p.kind);
    out += ',';
    key(out, "name");
    append_json_string(out, p.name);
    if (!p.role.empty()) {
        out += ',';
        key(out, "role");
        append_json_string(out, p.role);
    }
    out += '}';
}

void participants(std::string& out, const std::vector<processors::Participant>& ps) {
    out += '[';
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i > 0) out += ',';
        participant(out, ps[i]);
    }
    out += ']';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t mark = out.size();
    out += '"';
    std::size_t run = 0;  // start of bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_len(s, i);
            if (n == 0) {
                // Ill-formed (rare): nlohmann's own replacement rules.
                out.resize(mark);
                out += nlohmann::json(std::string(s))
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            i += n;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\r':
                out += "\\r";
                break;
            default: {
                const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                out.append(esc, sizeof esc);
            }
        }
        ++i;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void append_json(std::string& out, const nlohmann::json& v) {
    using T = nlohmann::json::value_t;
    switch (v.type()) {
        case T::object: {
            out += '{';
            bool first = true;
            for (const auto& [k, x] : v.items()) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, k);
                out += ':';
                append_json(out, x);
            }
            out += '}';
            return;
        }
        case T::array: {
            out += '[';
            bool first = true;
            for (const auto& x : v) {
                if (!first) out += ',';
                first = false;
                append_json(out, x);
            }
            out += ']';
            return;
        }
        case T::string:
            append_json_string(out, v.get_ref<const std::string&>());
            return;
        case T::boolean:
            out += v.get<bool>() ? "true" : "false";
            return;
        case T::number_integer:
            append_int(out, v.get<std::int64_t>());
            return;
        case T::number_unsigned:
            append_int(out, v.get<std::uint64_t>());
            return;
        case T::null:
            out += "null";
            return;
        default:  // floats (shortest round-trip form), binary, discarded
            out += v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return;
    }
}

// Keys in std::map order, as the nlohmann object built by to_contract_json
// would be serialised (the unit test holds the two equal).
void append_contract_json(std::string& out, const processors::Event& ev,
                          const processors::EventMeta& meta) {
    out += '{';
    key(out, "actors");
    participants(out, ev.actors);
    out += ',';
    key(out, "attributes");
    if (ev.attributes.is_object())
        append_json(out, ev.attributes);
    else
        out += "{}";
    out += ',';
    key(out, "cameo");
    append_json_string(out, ev.cameo);
    out += ',';
    key(out, "category");
    append_json_string(out, ev.category);
    out += ',';
    key(out, "date");
    if (ev.date)
        append_json_string(out, *ev.date);
    else
        out += "null";
    out += ',';
    key(out, "evidence");
    out += '[';
    for (std::size_t i = 0; i < ev.evidence.size(); ++i) {
        const auto& e = ev.evidence[i];
        if (i > 0) out += ',';
        out += '{';
        key(out, "article_id");
        append_json_string(out, e.article_id);
        out += ',';
        key(out, "end");
        append_int(out, static_cast<std::uint64_t>(e.end));
        out += ',';
        key(out, "sentence");
        append_json_string(out, e.sentence);
        out += ',';
        key(out, "start");
        append_int(out, static_cast<std::uint64_t>(e.start));
        if (!e.url.empty()) {
            out += ',';
            key(out, "url");
            append_json_string(out, e.url);
        }
        out += '}';
    }
    out += "],";
    key(out, "first_seen");
    append_json_string(out, meta.first_seen);
    out += ',';
    key(out, "id");
    append_json_string(out, meta.id);
    out += ',';
    key(out, "location");
    if (ev.location) {
        out += '{';
        if (!ev.location->country.empty()) {
            key(out, "country");
            append_json_string(out, ev.location->country);
            out += ',';
        }
        key(out, "name");
        append_json_string(out, ev.location->name);
        out += '}';
    } else {
        out += "null";
    }
    out += ',';
    key(out, "plover");
    out += '{';
    if (!ev.plover_mode.empty()) {
        key(out, "mode");
        append_json_string(out, ev.plover_mode);
        out += ',';
    }
    key(out, "type");
    append_json_string(out, ev.plover_type);
    out += "},";
    key(out, "revision");
    append_int(out, meta.revision);
    out += ',';
    key(out, "sources");
    append_int(out, meta.sources);
    out += ',';
    key(out, "status");
    append_json_string(out, ev.status);
    out += ',';
    key(out, "targets");
    participants(out, ev.targets);
    out += ',';
    key(out, "type");
    append_json_string(out, ev.type);
    out += ',';
    key(out, "updated");
    append_json_string(out, meta.updated);
    out += '}';
}

}  // namespace herald::state

// RFC 3986 section 5.2 reference resolution.
#include <string>
#include <string_view>

#include "common/text.hpp"
#include "feeds/parse/feed.hpp"

namespace herald::feeds {

namespace {

struct Uri {
    std::string_view scheme;
    bool has_authority = false;
    std::string_view authority;
    std::string_view path;
    bool has_query = false;
    std::string_view query;
    bool has_fragment = false;
    std::string_view fragment;
};

bool scheme_char(char c, bool first) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return !first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
}

Uri split_uri(std::string_view s) {
    Uri u;
    std::size_t i = 0;
    while (i < s.size() && scheme_char(s[i], i == 0)) ++i;
    if (i > 0 && i < s.size() && s[i] == ':') {
        u.scheme = s.substr(0, i);
        s.remove_prefix(i + 1);
    }
    if (s.starts_with("//")) {
        u.has_authority = true;
        s.remove_prefix(2);
        const std::size_t end = s.find_first_of("/?#");
        u.authority = s.substr(0, end);
        s.remove_prefix(end == std::string_view::npos ? s.size() : end);
    }
    const std::size_t hash = s.find('#');
    if (hash != std::string_view::npos) {
        u.has_fragment = true;
        u.fragment = s.substr(hash + 1);
        s = s.substr(0, hash);
    }
    const std::size_t q = s.find('?');
    if (q != std::string_view::npos) {
        u.has_query = true;
        u.query = s.substr(q + 1);
        s = s.substr(0, q);
    }
    u.path = s;
    return u;
}

// RFC 3986 5.2.4
std::string remove_dot_segments(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    while (!in.empty()) {
        if (in.starts_with("../")) {
            in.remove_prefix(3);
        } else if (in.starts_with("./")) {
            in.remove_prefix(2);
        } else if (in.starts_with("/./")) {
            in.remove_prefix(2);
        } else if (in == "/.") {
            in = "/";
        } else if (in.starts_with("/../") || in == "/..") {
            if (in == "/..")
                in = "/";
            else
                in.remove_prefix(3);
            const std::size_t slash = out.rfind('/');
            out.resize(slash == std::string::npos ? 0 : slash);
        } else if (in == "." || in == "..") {
            in = {};
        } else {
            std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
            if (next == std::string_view::npos) next = in.size();
            out.append(in.substr(0, next));
            in.remove_prefix(next);
        }
    }
    return out;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
    ref = trim(ref);
    base = trim(base);
    const Uri r = split_uri(ref);
    if (!r.scheme.empty() || base.empty()) return std::string(ref);
    const Uri b = split_uri(base);
    if (b.scheme.empty()) return std::string(ref);

    std::string path;
    std::string_view authority;
    bool has_authority;
    std::string_view query;
    bool has_query;
    if (r.has_authority) {
        has_authority = true;
        authority = r.authority;
        path = remove_dot_segments(r.path);
        has_query = r.has_query;
        query = r.query;
    } else {
        has_authority = b.has_authority;
        authority = b.authority;
        if (r.path.empty()) {
            path = std::string(b.path);
            has_query = r.has_query || b.has_query;
            query = r.has_query ? r.query : b.query;
        } else {
            if (r.path.front() == '/') {
                path = remove_dot_segments(r.path);
            } else {
                std::string merged;
                if (b.has_authority && b.path.empty()) {
                    merged = "/";
                } else {
                    const std::size_t slash = b.path.rfind('/');
                    if (slash != std::string_view::npos) merged = b.path.substr(0, slash + 1);
                }
                merged.append(r.path);
                path = remove_dot_segments(merged);
            }
            has_query = r.has_query;
            query = r.query;
        }
    }
    std::string out;
    out.reserve(base.size() + ref.size());
    out.append(b.scheme);
    out += ':';
    if (has_authority) {
        out += "//";
        out.append(authority);
    }
    out.append(path);
    if (has_query) {
        out += '?';
        out.append(query);
    }
    if (r.has_fragment) {
        out += '#';
        out.append(r.fragment);
    }
    return out;
}

}  // namespace herald::feeds

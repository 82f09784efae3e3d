#include "tests/support/file_reply.hpp"

#include <sys/stat.h>
#include <time.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "common/hash.hpp"
#include "common/text.hpp"

namespace herald::test {

namespace {

namespace fs = std::filesystem;

std::string http_date(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

std::time_t parse_http_date(const std::string& s) {
    std::tm tm{};
    const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (end == nullptr) return -1;
    return timegm(&tm);
}

}  // namespace

std::string content_type_for(const fs::path& file) {
    std::string ext = herald::ascii_lower(file.extension().string());
    if (ext == ".xml" || ext == ".rss") return "application/rss+xml; charset=utf-8";
    if (ext == ".atom") return "application/atom+xml; charset=utf-8";
    if (ext == ".json") return "application/feed+json; charset=utf-8";
    if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

void reply_with_file(const fs::path& root, std::string_view rel_path, const httplib::Request& req,
                     httplib::Response& res) {
    std::string rel(rel_path);
    if (rel.find("..") != std::string::npos || rel.find('\0') != std::string::npos) {
        res.status = 403;
        res.set_content("forbidden\n", "text/plain");
        return;
    }
    fs::path p = root / fs::path(rel).relative_path();
    std::error_code ec;
    if (fs::is_directory(p, ec)) p /= "index.html";
    std::ifstream in(p, std::ios::binary);
    if (!fs::is_regular_file(p, ec) || !in) {
        res.status = 404;
        res.set_content("not found\n", "text/plain");
        return;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string body = ss.str();
    struct stat st {};
    std::time_t mtime = ::stat(p.c_str(), &st) == 0 ? st.st_mtime : 0;
    std::string etag = herald::hex64(herald::stable_hash64(body));
    etag.insert(etag.begin(), '"');
    etag.push_back('"');
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", http_date(mtime));
    bool not_modified = false;
    if (req.has_header("If-None-Match")) {
        not_modified = req.get_header_value("If-None-Match").find(etag) != std::string::npos;
    } else if (req.has_header("If-Modified-Since")) {
        std::time_t since = parse_http_date(req.get_header_value("If-Modified-Since"));
        not_modified = since != -1 && mtime <= since;
    }
    if (not_modified) {
        res.status = 304;
        return;
    }
    res.status = 200;
    res.set_content(body, content_type_for(p));
}

}  // namespace herald::test

// Static files for the test servers (HttpServer::mount and herald-test-httpd).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <httplib.h>

namespace herald::test {

// Answers a GET for `rel_path` (URL path below the mount point) from directory `root`:
// 200 with ETag (content hash) and Last-Modified (mtime), 304 for a matching
// If-None-Match / If-Modified-Since, 404 if missing, 403 for paths with "..".
// A directory serves its index.html.
void reply_with_file(const std::filesystem::path& root, std::string_view rel_path,
                     const httplib::Request& req, httplib::Response& res);

// Content-Type by extension (.xml/.rss, .atom, .json, .html, .txt; else octet-stream).
std::string content_type_for(const std::filesystem::path& file);

}  // namespace herald::test

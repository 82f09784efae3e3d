// herald-test-httpd (the directory server used by the demo and shell tests), run as a
// real process and polled with the Fetcher.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include "feeds/fetch/fetcher.hpp"
#include "tests/support/http_server.hpp"

extern char** environ;

namespace herald::feeds {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class Httpd {
  public:
    explicit Httpd(const fs::path& dir) {
        int fds[2];
        if (::pipe(fds) != 0) return;
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
        posix_spawn_file_actions_addclose(&fa, fds[0]);
        std::string bin = std::string(HERALD_BINARY_DIR) + "/tests/support/herald-test-httpd";
        std::string d = dir.string();
        char* argv[] = {bin.data(), const_cast<char*>("--quiet"), d.data(), nullptr};
        if (posix_spawn(&pid_, bin.c_str(), &fa, nullptr, argv, environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&fa);
        ::close(fds[1]);
        FILE* out = ::fdopen(fds[0], "r");
        char line[128];
        if (out != nullptr && std::fgets(line, sizeof line, out) != nullptr) {
            std::string s(line);
            if (s.rfind("PORT=", 0) == 0) port_ = std::stoi(s.substr(5));
        }
        if (out != nullptr) std::fclose(out);
    }
    ~Httpd() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Httpd(const Httpd&) = delete;
    Httpd& operator=(const Httpd&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const {
        return fmt::format("http://127.0.0.1:{}", port_) + path;
    }
    // SIGTERM, then the exit status (or -1 if it did not exit in time).
    int terminate() {
        ::kill(pid_, SIGTERM);
        auto end = std::chrono::steady_clock::now() + 20s;
        while (std::chrono::steady_clock::now() < end) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(20ms);
        }
        return -1;
    }

  private:
    pid_t pid_ = -1;
    int port_ = 0;
};

Result<FetchResponse> get(Fetcher& f, const std::string& url, const std::string& etag = "",
                          const std::string& lm = "") {
    FetchRequest r;
    r.feed_id = "x";
    r.url = url;
    r.etag = etag;
    r.last_modified = lm;
    f.submit(r);
    auto end = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < end) {
        for (auto& o : f.poll(200ms)) return o.result;
    }
    return fail("test", "no outcome");
}

TEST(TestHttpd, ServesDirectoryWithConditionalGetAndExitsOnSigterm) {
    fs::path dir = fs::temp_directory_path() / (fmt::format("herald-httpd-{}", ::getpid()));
    fs::create_directories(dir / "sub");
    const std::string xml = "<rss version=\"2.0\"><channel><title>dir</title></channel></rss>";
    std::ofstream(dir / "feed.xml") << xml;
    std::ofstream(dir / "sub" / "feed.json")
        << "{\"version\":\"https://jsonfeed.org/version/1.1\"}";

    Httpd httpd(dir);
    ASSERT_GT(httpd.port(), 0);
    Fetcher f;

    auto first = get(f, httpd.url("/feed.xml"));
    ASSERT_TRUE(first) << first.error().str();
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->body, xml);
    EXPECT_EQ(first->content_type, "application/rss+xml");
    EXPECT_FALSE(first->etag.empty());
    EXPECT_FALSE(first->last_modified.empty());

    auto by_etag = get(f, httpd.url("/feed.xml"), first->etag);
    ASSERT_TRUE(by_etag) << by_etag.error().str();
    EXPECT_EQ(by_etag->status, 304);
    EXPECT_TRUE(by_etag->body.empty());

    auto by_date = get(f, httpd.url("/feed.xml"), "", first->last_modified);
    ASSERT_TRUE(by_date) << by_date.error().str();
    EXPECT_EQ(by_date->status, 304);

    auto stale = get(f, httpd.url("/feed.xml"), "\"other\"");
    ASSERT_TRUE(stale) << stale.error().str();
    EXPECT_EQ(stale->status, 200);

    auto json = get(f, httpd.url("/sub/feed.json"));
    ASSERT_TRUE(json) << json.error().str();
    EXPECT_EQ(json->status, 200);
    EXPECT_EQ(json->content_type, "application/feed+json");

    auto missing = get(f, httpd.url("/nope.xml"));
    ASSERT_TRUE(missing) << missing.error().str();
    EXPECT_EQ(missing->status, 404);

    EXPECT_EQ(httpd.terminate(), 0);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace herald::feeds

namespace herald::feeds {
namespace {

TEST(TestHttpServer, MountServesFilesWithValidators) {
    fs::path dir = fs::temp_directory_path() / (fmt::format("herald-mount-{}", ::getpid()));
    fs::create_directories(dir);
    const std::string xml = "<rss version=\"2.0\"><channel><title>m</title></channel></rss>";
    std::ofstream(dir / "a.xml") << xml;
    herald::test::HttpServer srv;
    srv.mount("/feeds/", dir);
    srv.serve("/feeds/override.xml", herald::test::Reply("route wins"));
    Fetcher f;
    auto a = get(f, srv.url("/feeds/a.xml"));
    ASSERT_TRUE(a) << a.error().str();
    EXPECT_EQ(a->status, 200);
    EXPECT_EQ(a->body, xml);
    EXPECT_EQ(a->content_type, "application/rss+xml");
    auto again = get(f, srv.url("/feeds/a.xml"), a->etag);
    ASSERT_TRUE(again) << again.error().str();
    EXPECT_EQ(again->status, 304);
    auto route = get(f, srv.url("/feeds/override.xml"));
    ASSERT_TRUE(route);
    EXPECT_EQ(route->body, "route wins");
    auto missing = get(f, srv.url("/feeds/none.xml"));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    auto outside = get(f, srv.url("/other/a.xml"));
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->status, 404);
    EXPECT_EQ(srv.requests("/feeds/a.xml").size(), 2u);
    EXPECT_EQ(srv.requests("/feeds/a.xml").at(1).header("If-None-Match"), a->etag);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace herald::feeds

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "service/logging.hpp"

using herald::service::LogMode;

namespace {

// Runs `body` with fd 2 redirected into a pipe; returns what was written.
template <class F>
std::string capture_stderr(F&& body, bool journal_env_matches_pipe) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    if (journal_env_matches_pipe) {
        struct stat st {};
        fstat(STDERR_FILENO, &st);
        const std::string value = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
        setenv("JOURNAL_STREAM", value.c_str(), 1);
    }
    body();
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    return out;
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

class ServiceLogging : public ::testing::Test {
  protected:
    void SetUp() override { unsetenv("JOURNAL_STREAM"); }
    void TearDown() override { unsetenv("JOURNAL_STREAM"); }
};

void log_all_levels() {
    spdlog::trace("t msg");
    spdlog::debug("d msg");
    spdlog::info("i msg");
    spdlog::warn("w msg");
    spdlog::error("e msg");
    spdlog::critical("c msg");
}

}  // namespace

TEST_F(ServiceLogging, JournalModeUsesSyslogPrefixesAndNoTimestamps) {
    const std::string out = capture_stderr(
        [] {
            ASSERT_EQ(herald::service::detect_log_mode(), LogMode::journal);
            herald::service::setup_logging("debug");
            log_all_levels();
        },
        true);
    EXPECT_EQ(lines(out), (std::vector<std::string>{"<7>d msg", "<6>i msg", "<4>w msg", "<3>e msg",
                                                    "<2>c msg"}));
}

TEST_F(ServiceLogging, JournalModePrefixesEveryLineOfAMultiLineMessage) {
    const std::string out = capture_stderr(
        [] {
            herald::service::setup_logging("info", LogMode::journal);
            spdlog::error("config rejected:\na.yaml:3:1: unknown key\na.yaml:9:5: bad value\n");
            spdlog::info("next");
        },
        false);
    EXPECT_EQ(out,
              "<3>config rejected:\n<3>a.yaml:3:1: unknown key\n<3>a.yaml:9:5: bad value\n"
              "<6>next\n");
}

TEST_F(ServiceLogging, HumanModeHasTimestampsAndLevelNames) {
    const std::string out = capture_stderr(
        [] {
            ASSERT_EQ(herald::service::detect_log_mode(), LogMode::human);
            herald::service::setup_logging("info");
            log_all_levels();
        },
        false);
    const auto got = lines(out);
    ASSERT_EQ(got.size(), 4u) << out;
    const std::regex re(
        R"(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[(info|warning|error|critical)\] [iwec] msg)");
    for (const auto& l : got) EXPECT_TRUE(std::regex_match(l, re)) << l;
    EXPECT_NE(got[1].find("[warning] w msg"), std::string::npos);
}

TEST_F(ServiceLogging, JournalStreamOfAnotherFileMeansHumanMode) {
    // JOURNAL_STREAM inherited from a parent whose stderr went to the journal, while ours
    // is redirected elsewhere: the prefixes would end up as garbage, so stay human.
    struct stat st {};
    ASSERT_EQ(stat("/", &st), 0);
    setenv("JOURNAL_STREAM", (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)).c_str(),
           1);
    const std::string out = capture_stderr(
        [] {
            herald::service::setup_logging("info");
            spdlog::info("hello");
        },
        false);
    EXPECT_EQ(out.rfind("[", 0), 0u) << out;
    EXPECT_NE(out.find("] [info] hello"), std::string::npos) << out;

    setenv("JOURNAL_STREAM", "garbage", 1);
    EXPECT_FALSE(herald::service::journal_stream_connected(STDERR_FILENO));
}

TEST_F(ServiceLogging, ForcedModeOverridesDetection) {
    const std::string out = capture_stderr(
        [] {
            herald::service::setup_logging("warn", LogMode::journal);
            spdlog::info("hidden");
            spdlog::warn("shown");
        },
        false);
    EXPECT_EQ(out, "<4>shown\n");
}

TEST_F(ServiceLogging, LevelNamesAreValidated) {
    using herald::service::parse_log_level;
    EXPECT_EQ(parse_log_level("trace").value(), spdlog::level::trace);
    EXPECT_EQ(parse_log_level("DEBUG").value(), spdlog::level::debug);
    EXPECT_EQ(parse_log_level("warning").value(), spdlog::level::warn);
    EXPECT_EQ(parse_log_level("error").value(), spdlog::level::err);
    EXPECT_EQ(parse_log_level("off").value(), spdlog::level::off);
    auto bad = parse_log_level("verbose");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("\"verbose\""), std::string::npos);
    EXPECT_NE(bad.error().message.find("trace, debug, info, warn, error, critical, off"),
              std::string::npos);

    try {
        herald::service::setup_logging("loud", LogMode::human);
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("unknown log level \"loud\""), std::string::npos);
    }
}

TEST_F(ServiceLogging, SetLogLevelOnReload) {
    const std::string out = capture_stderr(
        [] {
            herald::service::setup_logging("info", LogMode::journal);
            spdlog::debug("before");
            ASSERT_TRUE(herald::service::set_log_level("debug"));
            spdlog::debug("after");
            EXPECT_FALSE(herald::service::set_log_level("chatty"));
            spdlog::debug("still debug");
        },
        false);
    EXPECT_EQ(out, "<7>after\n<7>still debug\n");
}

TEST_F(ServiceLogging, SyslogPriorities) {
    using herald::service::syslog_priority;
    EXPECT_EQ(syslog_priority(spdlog::level::trace), 7);
    EXPECT_EQ(syslog_priority(spdlog::level::info), 6);
    EXPECT_EQ(syslog_priority(spdlog::level::warn), 4);
    EXPECT_EQ(syslog_priority(spdlog::level::err), 3);
    EXPECT_EQ(syslog_priority(spdlog::level::critical), 2);
}

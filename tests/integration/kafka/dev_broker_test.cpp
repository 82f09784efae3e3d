// tools/kafka-dev-broker as a separate process: a real client produces to and
// consumes from it, and its stdin control channel injects outages.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "kafka/sink.hpp"
#include "tests/integration/kafka/harness.hpp"

extern char** environ;

namespace herald::kafka {
namespace {

using namespace herald::kafka::testing;

class DevBroker {
  public:
    explicit DevBroker(std::vector<std::string> args) {
        int in[2], out[2];
        if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, in[0], 0);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_addclose(&fa, in[1]);
        posix_spawn_file_actions_addclose(&fa, out[0]);
        args.insert(args.begin(), DEV_BROKER);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, DEV_BROKER, &fa, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("cannot spawn " DEV_BROKER);
        posix_spawn_file_actions_destroy(&fa);
        ::close(in[0]);
        ::close(out[1]);
        to_ = in[1];
        from_ = out[0];
    }
    ~DevBroker() {
        if (pid_ > 0) stop();
        ::close(to_);
        ::close(from_);
    }
    DevBroker(const DevBroker&) = delete;
    DevBroker& operator=(const DevBroker&) = delete;

    // Next stdout line, or "" after 10 s.
    std::string line() {
        for (;;) {
            auto nl = buf_.find('\n');
            if (nl != std::string::npos) {
                std::string l = buf_.substr(0, nl);
                buf_.erase(0, nl + 1);
                return l;
            }
            pollfd p{from_, POLLIN, 0};
            if (::poll(&p, 1, 10000) <= 0) return "";
            char b[1024];
            auto n = ::read(from_, b, sizeof b);
            if (n <= 0) return "";
            buf_.append(b, static_cast<std::size_t>(n));
        }
    }
    std::string command(const std::string& c) {
        std::string l = c + "\n";
        if (::write(to_, l.data(), l.size()) != static_cast<ssize_t>(l.size())) return "";
        return line();
    }
    int stop() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

  private:
    pid_t pid_ = -1;
    int to_ = -1, from_ = -1;
    std::string buf_;
};

TEST(KafkaDevBroker, ServesRealClientsAndInjectsFaults) {
    DevBroker broker({"--brokers", "1", "--topic", "events:2", "--topic", "dlq"});
    std::string first = broker.line();
    ASSERT_EQ(first.rfind("BOOTSTRAP=127.0.0.1:", 0), 0u) << first;
    std::string bootstrap = first.substr(10);

    EXPECT_EQ(broker.command("help").rfind("OK commands:", 0), 0u);
    EXPECT_EQ(broker.command("down 7").rfind("ERR", 0), 0u);
    EXPECT_EQ(broker.command("error Produce NO_SUCH_ERROR 1").rfind("ERR", 0), 0u);
    EXPECT_EQ(broker.command("frobnicate").rfind("ERR", 0), 0u);
    EXPECT_EQ(broker.command("error Produce NOT_ENOUGH_REPLICAS 3"),
              "OK error Produce NOT_ENOUGH_REPLICAS 3");

    TempDir dir;
    auto store = state::Store::open(dir.path());
    ASSERT_TRUE(store);
    SinkConfig c;
    c.brokers = bootstrap;
    c.default_topic = "events";
    auto sink = EventSink::open(c, **store);
    ASSERT_TRUE(sink) << sink.error().str();
    ASSERT_TRUE((*sink)->publish_article(article("art_1", "f"), {visit("A")}, 1726653600));
    ASSERT_EQ(*(*sink)->flush(std::chrono::seconds(30)), 0u);

    // Outage through the control channel: held back, then delivered.
    ASSERT_EQ(broker.command("down 1"), "OK down 1");
    ASSERT_TRUE((*sink)->publish_article(article("art_2", "f"), {visit("B")}, 1726653601));
    auto left = (*sink)->flush(std::chrono::milliseconds(1500));
    ASSERT_TRUE(left);
    EXPECT_EQ(*left, 1u);
    ASSERT_EQ(broker.command("up 1"), "OK up 1");
    ASSERT_EQ(*(*sink)->flush(std::chrono::seconds(30)), 0u);

    auto msgs = read_all(bootstrap, {{"events", 2}});
    ASSERT_EQ(msgs.size(), 2u);
    std::set<std::string> keys;
    for (const auto& m : msgs) keys.insert(m.key);
    EXPECT_EQ(keys, (std::set<std::string>{processors::event_id(visit("A")),
                                           processors::event_id(visit("B"))}));
    sink->reset();
    EXPECT_EQ(broker.stop(), 0) << "SIGTERM must exit 0";
}

TEST(KafkaDevBroker, RejectsBadTopicSpec) {
    DevBroker broker({"--topic", "bad:0"});
    EXPECT_EQ(broker.line(), "");
    EXPECT_EQ(broker.stop(), 2);
}

}  // namespace
}  // namespace herald::kafka

// kafka-dev-broker: runs a librdkafka mock cluster (a real Kafka-protocol
// broker, in memory) on 127.0.0.1 and prints its bootstrap list.
//
//   kafka-dev-broker [--brokers N] [--topic NAME[:PARTITIONS]]... [--port P]
//
// The mock brokers listen on ephemeral ports (librdkafka 2.0 cannot pin them).
// --port P adds a fixed bootstrap address 127.0.0.1:P that forwards to broker 1;
// clients bootstrap through it and then connect to the brokers the metadata
// names. With --port, BOOTSTRAP= shows only 127.0.0.1:P.
//
// Once ready it prints `BOOTSTRAP=host:port,...` on stdout and then serves
// until SIGTERM/SIGINT (exit 0) or the `quit` command. Commands, one per line
// on stdin (each answered with one line `OK ...` or `ERR ...` on stdout):
//
//   down <broker_id>                      broker stops answering (connections drop)
//   up <broker_id>                        broker is back
//   rtt <broker_id> <ms>                  add round-trip latency
//   error <ApiKey> <ErrCode> <count>      next <count> requests of ApiKey fail with ErrCode
//   clear <ApiKey>                        drop queued injected errors for ApiKey
//   leader <topic> <partition> <broker_id>
//   topic <name>[:partitions]             create a topic
//   topic-error <topic> <ErrCode>         all requests for topic fail (NO_ERROR clears)
//   help | quit
//
// ApiKey is a number or a name (Produce, Fetch, Metadata, InitProducerId, ...);
// ErrCode is a number or a librdkafka error name (NOT_ENOUGH_REPLICAS,
// NOT_LEADER_FOR_PARTITION, REQUEST_TIMED_OUT, ...).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <CLI/CLI.hpp>

#include "common/text.hpp"

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int /*sig*/) {
    g_stop.store(true);
}

struct ApiKeyName {
    const char* name;
    int16_t key;
};

// Kafka protocol request types the mock cluster serves.
constexpr ApiKeyName kApiKeys[] = {
    {"Produce", 0},
    {"Fetch", 1},
    {"ListOffsets", 2},
    {"Metadata", 3},
    {"OffsetCommit", 8},
    {"OffsetFetch", 9},
    {"FindCoordinator", 10},
    {"JoinGroup", 11},
    {"Heartbeat", 12},
    {"LeaveGroup", 13},
    {"SyncGroup", 14},
    {"DescribeGroups", 15},
    {"ListGroups", 16},
    {"SaslHandshake", 17},
    {"ApiVersions", 18},
    {"CreateTopics", 19},
    {"DeleteTopics", 20},
    {"InitProducerId", 22},
    {"AddPartitionsToTxn", 24},
    {"AddOffsetsToTxn", 25},
    {"EndTxn", 26},
    {"TxnOffsetCommit", 28},
};

std::optional<long> parse_long(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (end == nullptr || *end != '\0') return std::nullopt;
    return v;
}

std::optional<int16_t> parse_api_key(const std::string& s) {
    if (auto n = parse_long(s); n && *n >= 0 && *n < 100) return static_cast<int16_t>(*n);
    for (const auto& a : kApiKeys)
        if (herald::iequals(s, a.name) || herald::iequals(s, std::string(a.name) + "Request"))
            return a.key;
    return std::nullopt;
}

std::optional<rd_kafka_resp_err_t> parse_err(const std::string& s) {
    if (auto n = parse_long(s)) return static_cast<rd_kafka_resp_err_t>(*n);
    std::string want = s;
    const std::string prefix = "RD_KAFKA_RESP_ERR_";
    if (want.rfind(prefix, 0) == 0) want = want.substr(prefix.size());
    const rd_kafka_err_desc* descs = nullptr;
    size_t cnt = 0;
    rd_kafka_get_err_descs(&descs, &cnt);
    for (size_t i = 0; i < cnt; ++i)
        if (descs[i].name != nullptr && herald::iequals(want, descs[i].name)) return descs[i].code;
    return std::nullopt;
}

// "name" or "name:partitions".
std::optional<std::pair<std::string, int>> parse_topic(const std::string& spec) {
    auto colon = spec.rfind(':');
    if (colon == std::string::npos)
        return spec.empty() ? std::nullopt : std::optional{std::pair{spec, 1}};
    auto n = parse_long(spec.substr(colon + 1));
    if (!n || *n < 1 || *n > 1000 || colon == 0) return std::nullopt;
    return std::pair{spec.substr(0, colon), static_cast<int>(*n)};
}

class Broker {
  public:
    bool start(int brokers, std::string& err) {
        char errstr[512];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        // The handle only hosts the cluster; keep its own logging quiet.
        rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
        rk_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        if (rk_ == nullptr) {
            err = errstr;
            return false;
        }
        mc_ = rd_kafka_mock_cluster_new(rk_, brokers);
        if (mc_ == nullptr) {
            err = "rd_kafka_mock_cluster_new failed";
            return false;
        }
        brokers_ = brokers;
        return true;
    }
    ~Broker() {
        if (mc_ != nullptr) rd_kafka_mock_cluster_destroy(mc_);
        if (rk_ != nullptr) rd_kafka_destroy(rk_);
    }
    const char* bootstraps() const { return rd_kafka_mock_cluster_bootstraps(mc_); }

    std::string create_topic(const std::string& name, int partitions) {
        int rf = brokers_ < 3 ? brokers_ : 3;
        auto e = rd_kafka_mock_topic_create(mc_, name.c_str(), partitions, rf);
        if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
            return "ERR topic " + name + ": " + rd_kafka_err2str(e);
        return "OK topic " + name + " partitions=" + std::to_string(partitions);
    }

    // Executes one control command; returns the reply line.
    std::string command(const std::string& line) {
        std::istringstream in(line);
        std::vector<std::string> w;
        for (std::string t; in >> t;) w.push_back(t);
        if (w.empty()) return "";
        const std::string& cmd = w[0];
        auto broker_id = [&](std::size_t i) -> std::optional<int32_t> {
            if (i >= w.size()) return std::nullopt;
            auto n = parse_long(w[i]);
            if (!n || *n < 1 || *n > brokers_) return std::nullopt;
            return static_cast<int32_t>(*n);
        };
        auto res = [&](rd_kafka_resp_err_t e) {
            return e == RD_KAFKA_RESP_ERR_NO_ERROR ? "OK " + line
                                                   : "ERR " + line + ": " + rd_kafka_err2str(e);
        };
        if (cmd == "help") {
            return "OK commands: down <id> | up <id> | rtt <id> <ms> | error <ApiKey> <ErrCode> "
                   "<count> | clear <ApiKey> | leader <topic> <partition> <id> | topic "
                   "<name>[:partitions] | topic-error <topic> <ErrCode> | quit";
        }
        if (cmd == "quit") {
            g_stop.store(true);
            return "OK quit";
        }
        if ((cmd == "down" || cmd == "up") && w.size() == 2) {
            auto id = broker_id(1);
            if (!id) return "ERR " + line + ": broker id must be 1.." + std::to_string(brokers_);
            return res(cmd == "down" ? rd_kafka_mock_broker_set_down(mc_, *id)
                                     : rd_kafka_mock_broker_set_up(mc_, *id));
        }
        if (cmd == "rtt" && w.size() == 3) {
            auto id = broker_id(1);
            auto ms = parse_long(w[2]);
            if (!id || !ms || *ms < 0) return "ERR " + line + ": usage rtt <broker_id> <ms>";
            return res(rd_kafka_mock_broker_set_rtt(mc_, *id, static_cast<int>(*ms)));
        }
        if (cmd == "error" && w.size() == 4) {
            auto key = parse_api_key(w[1]);
            auto err = parse_err(w[2]);
            auto cnt = parse_long(w[3]);
            if (!key) return "ERR " + line + ": unknown ApiKey '" + w[1] + "'";
            if (!err) return "ERR " + line + ": unknown error code '" + w[2] + "'";
            if (!cnt || *cnt < 1 || *cnt > 100000) return "ERR " + line + ": bad count";
            std::vector<rd_kafka_resp_err_t> errs(static_cast<std::size_t>(*cnt), *err);
            rd_kafka_mock_push_request_errors_array(mc_, *key, errs.size(), errs.data());
            return "OK " + line;
        }
        if (cmd == "clear" && w.size() == 2) {
            auto key = parse_api_key(w[1]);
            if (!key) return "ERR " + line + ": unknown ApiKey '" + w[1] + "'";
            rd_kafka_mock_clear_request_errors(mc_, *key);
            return "OK " + line;
        }
        if (cmd == "leader" && w.size() == 4) {
            auto part = parse_long(w[2]);
            auto id = broker_id(3);
            if (!part || !id) return "ERR " + line + ": usage leader <topic> <partition> <id>";
            return res(rd_kafka_mock_partition_set_leader(mc_, w[1].c_str(),
                                                          static_cast<int32_t>(*part), *id));
        }
        if (cmd == "topic" && w.size() == 2) {
            auto t = parse_topic(w[1]);
            if (!t) return "ERR " + line + ": usage topic <name>[:partitions]";
            return create_topic(t->first, t->second);
        }
        if (cmd == "topic-error" && w.size() == 3) {
            auto err = parse_err(w[2]);
            if (!err) return "ERR " + line + ": unknown error code '" + w[2] + "'";
            rd_kafka_mock_topic_set_error(mc_, w[1].c_str(), *err);
            return "OK " + line;
        }
        return "ERR unknown or malformed command '" + line + "' (try: help)";
    }

  private:
    rd_kafka_t* rk_ = nullptr;
    rd_kafka_mock_cluster_t* mc_ = nullptr;
    int brokers_ = 0;
};

// Fixed-port bootstrap forwarder: 127.0.0.1:port <-> target (broker 1).
class Forwarder {
  public:
    ~Forwarder() {
        if (thread_.joinable()) thread_.join();
        for (auto& c : conns_) {
            ::close(c.first);
            ::close(c.second);
        }
        if (listen_fd_ >= 0) ::close(listen_fd_);
    }

    bool start(int port, const std::string& target, std::string& err) {
        auto colon = target.rfind(':');
        auto tport = parse_long(target.substr(colon + 1));
        if (colon == std::string::npos || !tport) {
            err = "cannot parse broker address " + target;
            return false;
        }
        target_.sin_family = AF_INET;
        target_.sin_port = htons(static_cast<uint16_t>(*tport));
        ::inet_pton(AF_INET, target.substr(0, colon).c_str(), &target_.sin_addr);
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(listen_fd_, 64) != 0) {
            err =
                "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno);
            return false;
        }
        thread_ = std::thread([this] { run(); });
        return true;
    }

  private:
    void run() {
        while (!g_stop.load()) {
            std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}};
            for (auto& c : conns_) {
                fds.push_back({c.first, POLLIN, 0});
                fds.push_back({c.second, POLLIN, 0});
            }
            if (::poll(fds.data(), fds.size(), 100) <= 0) continue;
            if ((fds[0].revents & POLLIN) != 0) accept_one();
            std::vector<std::size_t> dead;
            for (std::size_t i = 0; i + 1 < fds.size() && (i / 2) < conns_.size(); i += 2) {
                auto& c = conns_[i / 2];
                bool ok =
                    pump(fds[i + 1], c.first, c.second) && pump(fds[i + 2], c.second, c.first);
                if (!ok) dead.push_back(i / 2);
            }
            for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
                ::close(conns_[*it].first);
                ::close(conns_[*it].second);
                conns_.erase(conns_.begin() + static_cast<std::ptrdiff_t>(*it));
            }
        }
    }

    void accept_one() {
        int client = ::accept(listen_fd_, nullptr, nullptr);
        if (client < 0) return;
        int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
        if (::connect(upstream, reinterpret_cast<const sockaddr*>(&target_), sizeof target_) != 0) {
            ::close(client);
            ::close(upstream);
            return;
        }
        conns_.emplace_back(client, upstream);
    }

    // Copies what is readable on `from` to `to`; false when the pair is done.
    static bool pump(const pollfd& p, int from, int to) {
        if ((p.revents & (POLLIN | POLLHUP | POLLERR)) == 0) return true;
        char buf[65536];
        ssize_t n = ::read(from, buf, sizeof buf);
        if (n <= 0) return false;
        for (ssize_t off = 0; off < n;) {
            ssize_t w = ::write(to, buf + off, static_cast<std::size_t>(n - off));
            if (w <= 0) return false;
            off += w;
        }
        return true;
    }

    int listen_fd_ = -1;
    sockaddr_in target_{};
    std::vector<std::pair<int, int>> conns_;
    std::thread thread_;
};

void reply(const std::string& s) {
    if (s.empty()) return;
    std::fputs(s.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Local Kafka-protocol broker (librdkafka mock cluster) for development and tests"};
    int brokers = 1;
    std::vector<std::string> topics;
    int port = 0;
    app.add_option("--brokers", brokers, "Number of brokers")->check(CLI::Range(1, 16));
    app.add_option("--topic", topics, "Topic to create, NAME or NAME:PARTITIONS (repeatable)");
    app.add_option("--port", port, "Fixed bootstrap port on 127.0.0.1 (forwards to broker 1)")
        ->check(CLI::Range(1, 65535));
    CLI11_PARSE(app, argc, argv);

    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    Broker broker;
    std::string err;
    if (!broker.start(brokers, err)) {
        std::cerr << "kafka-dev-broker: cannot start mock cluster: " << err << '\n';
        return 1;
    }
    for (const auto& spec : topics) {
        auto t = parse_topic(spec);
        if (!t) {
            std::cerr << "kafka-dev-broker: bad --topic '" << spec
                      << "' (expected NAME or NAME:PARTITIONS, partitions 1..1000)\n";
            return 2;
        }
        auto r = broker.create_topic(t->first, t->second);
        if (r.rfind("OK", 0) != 0) {
            std::cerr << "kafka-dev-broker: " << r << '\n';
            return 1;
        }
    }
    std::string bootstrap = broker.bootstraps();
    Forwarder forwarder;
    if (port != 0) {
        if (!forwarder.start(port, bootstrap.substr(0, bootstrap.find(',')), err)) {
            std::cerr << "kafka-dev-broker: " << err << '\n';
            return 1;
        }
        bootstrap = "127.0.0.1:" + std::to_string(port);
    }
    reply("BOOTSTRAP=" + bootstrap);
    std::cerr << "kafka-dev-broker: " << brokers << " broker(s) at " << broker.bootstraps()
              << "; commands on stdin (help); SIGTERM/SIGINT to stop\n";

    bool stdin_open = true;
    std::string pending;
    while (!g_stop.load()) {
        if (!stdin_open) {
            ::usleep(100 * 1000);
            continue;
        }
        pollfd pfd{STDIN_FILENO, POLLIN, 0};
        int n = ::poll(&pfd, 1, 100);
        if (n <= 0) continue;  // timeout or EINTR (signal): re-check the flag
        char buf[4096];
        ssize_t got = ::read(STDIN_FILENO, buf, sizeof buf);
        if (got <= 0) {
            stdin_open = false;  // EOF: keep serving until signalled
            continue;
        }
        pending.append(buf, static_cast<std::size_t>(got));
        for (auto nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
            std::string line(herald::trim(std::string_view(pending).substr(0, nl)));
            pending.erase(0, nl + 1);
            reply(broker.command(line));
        }
    }
    std::cerr << "kafka-dev-broker: stopping\n";
    return 0;
}

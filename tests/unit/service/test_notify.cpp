#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "service/notify.hpp"
#include "tests/unit/service/notify_socket.hpp"

using herald::service::Notifier;
using herald::test::NotifySocket;
using namespace std::chrono_literals;

namespace {

class ServiceNotify : public ::testing::Test {
  protected:
    void SetUp() override {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
    }
    void TearDown() override { SetUp(); }
};

}  // namespace

TEST_F(ServiceNotify, SilentWithoutNotifySocket) {
    NotifySocket sock;
    unsetenv("NOTIFY_SOCKET");  // the manager listens, but we were not told where
    Notifier n;
    EXPECT_FALSE(n.enabled());
    EXPECT_TRUE(n.ready());
    EXPECT_TRUE(n.stopping());
    EXPECT_TRUE(n.status("x"));
    EXPECT_FALSE(n.watchdog_interval().has_value());
    EXPECT_FALSE(n.watchdog_tick(true));
    EXPECT_FALSE(sock.receive(200ms).has_value());
}

TEST_F(ServiceNotify, ReadyStatusStopping) {
    NotifySocket sock;
    Notifier n;
    ASSERT_TRUE(n.enabled());

    ASSERT_TRUE(n.ready());
    EXPECT_EQ(sock.receive(2s), "READY=1");

    ASSERT_TRUE(n.ready("3 feeds, 0 articles"));
    EXPECT_EQ(sock.receive(2s), "READY=1\nSTATUS=3 feeds, 0 articles");

    ASSERT_TRUE(n.status("line one\nline two"));
    EXPECT_EQ(sock.receive(2s), "STATUS=line one line two");

    ASSERT_TRUE(n.extend_timeout(std::chrono::seconds(15)));
    EXPECT_EQ(sock.receive(2s), "EXTEND_TIMEOUT_USEC=15000000");

    ASSERT_TRUE(n.stopping());
    EXPECT_EQ(sock.receive(2s), "STOPPING=1");
}

TEST_F(ServiceNotify, ReloadingCarriesMonotonicTimestamp) {
    NotifySocket sock;
    Notifier n;
    timespec before{};
    clock_gettime(CLOCK_MONOTONIC, &before);
    ASSERT_TRUE(n.reloading());
    timespec after{};
    clock_gettime(CLOCK_MONOTONIC, &after);

    auto msg = sock.receive(2s);
    ASSERT_TRUE(msg);
    const std::string prefix = "RELOADING=1\nMONOTONIC_USEC=";
    ASSERT_EQ(msg->rfind(prefix, 0), 0u) << *msg;
    const auto usec = std::stoull(msg->substr(prefix.size()));
    const auto to_usec = [](const timespec& t) {
        return static_cast<unsigned long long>(t.tv_sec) * 1000000ull +
               static_cast<unsigned long long>(t.tv_nsec) / 1000ull;
    };
    EXPECT_GE(usec, to_usec(before));
    EXPECT_LE(usec, to_usec(after));
}

TEST_F(ServiceNotify, FormatsStatusCounts) {
    EXPECT_EQ(herald::service::format_status({12, 3400, 120, 2}),
              "12 feeds, 3400 articles, 120 events, outbox 2");
}

TEST_F(ServiceNotify, ReportsSendFailure) {
    setenv("NOTIFY_SOCKET", "/nonexistent-herald-dir/notify.sock", 1);
    Notifier n;
    ASSERT_TRUE(n.enabled());
    auto st = n.ready();
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().kind, "notify");
    EXPECT_NE(st.error().message.find("READY=1"), std::string::npos) << st.error().message;
}

TEST_F(ServiceNotify, WatchdogIntervalIsHalfOfWatchdogUsec) {
    NotifySocket sock;
    setenv("WATCHDOG_USEC", "200000", 1);
    Notifier n;
    ASSERT_TRUE(n.watchdog_interval().has_value());
    EXPECT_EQ(*n.watchdog_interval(), std::chrono::microseconds(100000));
}

TEST_F(ServiceNotify, WatchdogForAnotherPidIsIgnored) {
    NotifySocket sock;
    setenv("WATCHDOG_USEC", "200000", 1);
    setenv("WATCHDOG_PID", std::to_string(getpid() + 1).c_str(), 1);
    Notifier n;
    EXPECT_FALSE(n.watchdog_interval().has_value());

    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    Notifier mine;
    EXPECT_TRUE(mine.watchdog_interval().has_value());
}

TEST_F(ServiceNotify, WatchdogOffWithoutOrWithBadUsec) {
    NotifySocket sock;
    Notifier none;
    EXPECT_FALSE(none.watchdog_interval().has_value());
    setenv("WATCHDOG_USEC", "soon", 1);
    Notifier bad;
    EXPECT_FALSE(bad.watchdog_interval().has_value());
    EXPECT_FALSE(bad.watchdog_tick(true));
    EXPECT_FALSE(sock.receive(100ms).has_value());
}

TEST_F(ServiceNotify, WatchdogTickPingsAtHalfIntervalOnlyWhileHealthy) {
    NotifySocket sock;
    setenv("WATCHDOG_USEC", "200000", 1);
    Notifier n;
    const auto t0 = Notifier::Clock::time_point{} + std::chrono::hours(1);

    EXPECT_TRUE(n.watchdog_tick(true, t0));  // first tick pings at once
    EXPECT_EQ(sock.receive(2s), "WATCHDOG=1");

    EXPECT_FALSE(n.watchdog_tick(true, t0 + 60ms));  // too early
    EXPECT_TRUE(n.watchdog_tick(true, t0 + 100ms));  // half of 200 ms
    EXPECT_EQ(sock.receive(2s), "WATCHDOG=1");

    EXPECT_FALSE(n.watchdog_tick(false, t0 + 300ms));  // unhealthy: systemd will restart us
    EXPECT_FALSE(n.watchdog_tick(false, t0 + 500ms));
    EXPECT_FALSE(sock.receive(100ms).has_value());

    EXPECT_TRUE(n.watchdog_tick(true, t0 + 510ms));  // healthy again
    EXPECT_EQ(sock.receive(2s), "WATCHDOG=1");
}

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "service/logging.hpp"
#include "service/shutdown_watchdog.hpp"

using herald::service::ShutdownWatchdog;
using namespace std::chrono_literals;

TEST(ServiceShutdownWatchdog, FiresWithThePhaseWhenNotDisarmed) {
    std::mutex mu;
    std::condition_variable cv;
    std::string fired;
    {
        ShutdownWatchdog w(20ms, 1, [&](const std::string& phase) {
            std::lock_guard lock(mu);
            fired = phase;
            cv.notify_all();
        });
        w.set_phase("flushing kafka");
        std::unique_lock lock(mu);
        ASSERT_TRUE(cv.wait_for(lock, 10s, [&] { return !fired.empty(); }));
    }
    EXPECT_EQ(fired, "flushing kafka");
}

TEST(ServiceShutdownWatchdog, DisarmedInTimeNeverFires) {
    bool fired = false;
    {
        ShutdownWatchdog w(10min, 1, [&](const std::string&) { fired = true; });
        w.set_phase("draining");
        w.disarm();
        w.disarm();  // idempotent
    }                // joins: would hang for 10 minutes if disarm did not wake the thread
    EXPECT_FALSE(fired);
}

TEST(ServiceShutdownWatchdog, DestructorDisarms) {
    bool fired = false;
    {
        ShutdownWatchdog w(10min, 1, [&](const std::string&) { fired = true; });
    }
    EXPECT_FALSE(fired);
}

TEST(ServiceShutdownWatchdogDeathTest, ExitsWithItsCodeAndSaysWhy) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            herald::service::setup_logging("info", herald::service::LogMode::journal);
            ShutdownWatchdog w(20ms, 3);
            w.set_phase("stopping fetcher");
            std::this_thread::sleep_for(1h);  // a hung shutdown
        },
        ::testing::ExitedWithCode(3), "<2>shutdown did not finish .*stuck in: stopping fetcher");
}

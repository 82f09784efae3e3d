#include "daemon/signals.hpp"

#include <csignal>

namespace herald::daemon {

namespace {
volatile std::sig_atomic_t g_stop = 0;
volatile std::sig_atomic_t g_stop_seen = 0;
volatile std::sig_atomic_t g_reload = 0;

extern "C" void on_signal(int sig) {
    if (sig == SIGHUP)
        g_reload = 1;
    else
        g_stop = 1;
}
}  // namespace

void install_signal_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: blocking waits return early with EINTR
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, nullptr);
}

SignalFlags take_signals() {
    SignalFlags f;
    if (g_stop) {
        g_stop = 0;
        g_stop_seen = 1;
    }
    f.stop = g_stop_seen != 0;
    f.reload = g_reload != 0;
    g_reload = 0;
    return f;
}

bool stop_requested() {
    return g_stop != 0 || g_stop_seen != 0;
}

}  // namespace herald::daemon

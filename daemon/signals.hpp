// Process signals: the handlers only set flags; the main loop reads them.
#pragma once

namespace herald::daemon {

struct SignalFlags {
    bool stop = false;    // SIGTERM / SIGINT
    bool reload = false;  // SIGHUP
};

// Installs the handlers (SIGTERM, SIGINT, SIGHUP; SIGPIPE ignored).
void install_signal_handlers();
// Returns and clears the flags raised since the last call.
SignalFlags take_signals();
// True once a stop was requested (not cleared by take_signals()).
bool stop_requested();

}  // namespace herald::daemon

// herald-test-httpd: serves a directory over HTTP for demos and shell-level tests.
//
//   herald-test-httpd [--port N] [--bind ADDR] [--quiet] DIR
//
// Port 0 (the default) picks a free port. Prints "PORT=<n>" on stdout once listening,
// logs "METHOD path status" lines on stderr, exits 0 on SIGTERM/SIGINT.
// Files get an ETag (content hash) and Last-Modified (mtime) and conditional GETs are
// answered with 304, like a real web server, so pollers see realistic traffic.
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "tests/support/file_reply.hpp"

namespace {

namespace fs = std::filesystem;

int usage() {
    std::cerr << "usage: herald-test-httpd [--port N] [--bind ADDR] [--quiet] DIR\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string bind = "127.0.0.1";
    int port = 0;
    bool quiet = false;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if ((a == "--port" || a == "-p") && i + 1 < argc) {
            port = std::atoi(argv[++i]);
        } else if (a == "--bind" && i + 1 < argc) {
            bind = argv[++i];
        } else if (a == "--quiet" || a == "-q") {
            quiet = true;
        } else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            return usage();
        } else if (dir.empty()) {
            dir = a;
        } else {
            return usage();
        }
    }
    if (dir.empty()) return usage();
    std::error_code ec;
    fs::path root = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(root)) {
        std::cerr << "herald-test-httpd: not a directory: " << dir << "\n";
        return 1;
    }

    // Signals are taken by a dedicated thread (sigwait), never by a handler.
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    httplib::Server svr;
    svr.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
        herald::test::reply_with_file(root, req.path, req, res);
    });
    if (!quiet) {
        svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.path.c_str(), res.status);
        });
    }

    // httplib listens with a backlog of 5; listen again with a real one (many pollers at once).
    int listen_fd = -1;
    svr.set_socket_options([&listen_fd](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listen_fd = sock;
    });
    svr.set_keep_alive_max_count(1000);
    svr.set_tcp_nodelay(true);
    int bound = port == 0 ? svr.bind_to_any_port(bind) : (svr.bind_to_port(bind, port) ? port : -1);
    if (bound > 0 && listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
    if (bound <= 0) {
        std::cerr << "herald-test-httpd: cannot bind " << bind << ":" << port << "\n";
        return 1;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("PORT=%d\n", bound);
    std::fflush(stdout);

    std::thread waiter([&] {
        int sig = 0;
        sigwait(&sigs, &sig);
        svr.stop();
    });
    bool ok = svr.listen_after_bind();
    if (!ok && waiter.joinable()) {
        // listen failed without a signal: wake the waiter ourselves.
        pthread_kill(waiter.native_handle(), SIGTERM);
    }
    waiter.join();
    return ok ? 0 : 1;
}

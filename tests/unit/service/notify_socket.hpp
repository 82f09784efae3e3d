// Test helper: plays the service manager's side of sd_notify(3).
// Binds an AF_UNIX datagram socket in a fresh temp dir and points NOTIFY_SOCKET at it.
#pragma once

#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace herald::test {

class NotifySocket {
  public:
    NotifySocket() {
        std::string tmpl =
            (std::filesystem::temp_directory_path() / "herald-notify-XXXXXX").string();
        if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = tmpl;
        path_ = dir_ + "/notify.sock";
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) throw std::runtime_error("socket failed");
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (path_.size() >= sizeof addr.sun_path) throw std::runtime_error("socket path too long");
        std::memcpy(addr.sun_path, path_.c_str(), path_.size() + 1);
        if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            throw std::runtime_error(std::string("bind failed: ") + std::strerror(errno));
        }
        setenv("NOTIFY_SOCKET", path_.c_str(), 1);
    }
    ~NotifySocket() {
        unsetenv("NOTIFY_SOCKET");
        if (fd_ >= 0) close(fd_);
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    const std::string& path() const { return path_; }

    // The next datagram, or nullopt when none arrives within `timeout`.
    std::optional<std::string> receive(std::chrono::milliseconds timeout) {
        timeval tv{};
        tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
        tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        std::vector<char> buf(4096);
        const ssize_t n = recv(fd_, buf.data(), buf.size(), 0);
        if (n < 0) return std::nullopt;
        return std::string(buf.data(), static_cast<std::size_t>(n));
    }

    // Waits (up to `timeout` in all) for a datagram containing `needle` as one of its
    // lines; the datagrams skipped on the way are appended to `skipped` when given.
    std::optional<std::string> wait_for(const std::string& needle,
                                        std::chrono::milliseconds timeout,
                                        std::vector<std::string>* skipped = nullptr) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            auto msg = receive(left);
            if (!msg) return std::nullopt;
            if (has_line(*msg, needle)) return msg;
            if (skipped != nullptr) skipped->push_back(*msg);
        }
    }

    static bool has_line(const std::string& msg, const std::string& line) {
        std::size_t start = 0;
        while (start <= msg.size()) {
            auto end = msg.find('\n', start);
            if (end == std::string::npos) end = msg.size();
            if (msg.compare(start, end - start, line) == 0) return true;
            start = end + 1;
        }
        return false;
    }

  private:
    std::string dir_;
    std::string path_;
    int fd_ = -1;
};

}  // namespace herald::test

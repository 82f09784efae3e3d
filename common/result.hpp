// Expected-style results for everything on the per-article path.
// Exceptions are for start-up only (config, data files); once the daemon runs,
// a failure is a value that names what went wrong.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace herald {

struct Error {
    // Short machine-readable class ("http", "parse", "timeout", "kafka", "state", ...).
    std::string kind;
    // Human-readable message, without secrets.
    std::string message;

    std::string str() const { return kind + ": " + message; }
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> fail(std::string kind, std::string message) {
    return tl::unexpected<Error>(Error{std::move(kind), std::move(message)});
}

}  // namespace herald

#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "feeds/parse/feed.hpp"

namespace herald::feeds::test {

inline FeedDocument parse_ok(std::string_view bytes, const ParseOptions& opts = {}) {
    auto r = parse_feed(bytes, opts);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().str());
    return r ? *r : FeedDocument{};
}

inline std::string utc(const std::optional<UnixTime>& t) {
    return t ? format_utc(*t) : "<none>";
}

}  // namespace herald::feeds::test

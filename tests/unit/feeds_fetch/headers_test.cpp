// Response header helpers of the Fetcher.
#include <gtest/gtest.h>

#include "feeds/fetch/fetcher.hpp"

namespace herald::feeds {
namespace {

TEST(FetchHeaders, RetryAfterDeltaSeconds) {
    EXPECT_EQ(parse_retry_after("120", 0), std::chrono::seconds(120));
    EXPECT_EQ(parse_retry_after("  0 ", 0), std::chrono::seconds(0));
    EXPECT_EQ(parse_retry_after("", 0), std::nullopt);
    EXPECT_EQ(parse_retry_after("soon", 0), std::nullopt);
    EXPECT_EQ(parse_retry_after("-5", 0), std::nullopt);
    auto huge = parse_retry_after("99999999999999999999999", 0);
    ASSERT_TRUE(huge);
    EXPECT_GT(huge->count(), 1'000'000'000);
}

TEST(FetchHeaders, RetryAfterHttpDate) {
    // Wed, 21 Oct 2015 07:28:00 GMT = 1445412480
    const std::int64_t t = 1445412480;
    EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", t - 90), std::chrono::seconds(90));
    // Obsolete but legal formats (RFC 850, asctime).
    EXPECT_EQ(parse_retry_after("Wednesday, 21-Oct-15 07:28:00 GMT", t - 10),
              std::chrono::seconds(10));
    EXPECT_EQ(parse_retry_after("Wed Oct 21 07:28:00 2015", t - 10), std::chrono::seconds(10));
    // In the past: retry now.
    EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", t + 1000),
              std::chrono::seconds(0));
}

TEST(FetchHeaders, MaxAge) {
    EXPECT_EQ(parse_max_age("max-age=300"), std::chrono::seconds(300));
    EXPECT_EQ(parse_max_age("public, MAX-AGE = 60, must-revalidate"), std::chrono::seconds(60));
    EXPECT_EQ(parse_max_age("max-age=\"90\""), std::chrono::seconds(90));
    EXPECT_EQ(parse_max_age("s-maxage=5"), std::nullopt);
    EXPECT_EQ(parse_max_age("no-cache"), std::nullopt);
    EXPECT_EQ(parse_max_age("max-age=abc"), std::nullopt);
    EXPECT_EQ(parse_max_age("max-age=-1"), std::nullopt);
    EXPECT_EQ(parse_max_age(""), std::nullopt);
}

TEST(FetchHeaders, ContentType) {
    EXPECT_EQ(parse_content_type("application/rss+xml"),
              (std::pair<std::string, std::string>{"application/rss+xml", ""}));
    EXPECT_EQ(parse_content_type("Text/XML; Charset=\"ISO-8859-1\""),
              (std::pair<std::string, std::string>{"text/xml", "iso-8859-1"}));
    EXPECT_EQ(parse_content_type("application/json;charset=utf-8;foo=bar"),
              (std::pair<std::string, std::string>{"application/json", "utf-8"}));
    EXPECT_EQ(parse_content_type(""), (std::pair<std::string, std::string>{"", ""}));
}

TEST(FetchHeaders, RedactUrl) {
    EXPECT_EQ(redact_url("https://user:pw@example.org/feed?x=1"), "https://example.org/feed?x=1");
    EXPECT_EQ(redact_url("http://example.org/a@b"), "http://example.org/a@b");
    EXPECT_EQ(redact_url("http://example.org"), "http://example.org");
    EXPECT_EQ(redact_url("not a url"), "not a url");
}

}  // namespace
}  // namespace herald::feeds

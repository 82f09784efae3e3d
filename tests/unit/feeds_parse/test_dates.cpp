// Each date shape seen in real feeds.
#include "helpers.hpp"

namespace herald::feeds::test {
namespace {

std::string d(std::string_view s) {
    return utc(parse_feed_date(s));
}

TEST(FeedsParseDates, Rfc822) {
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 +0200"), "2003-06-10T02:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 -0530"), "2003-06-10T09:30:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 -0000"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 UT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 Z"), "2003-06-10T04:00:00Z");
}

TEST(FeedsParseDates, NamedZones) {
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 EST"), "2003-06-10T09:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 EDT"), "2003-06-10T08:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 CST"), "2003-06-10T10:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 CDT"), "2003-06-10T09:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 MST"), "2003-06-10T11:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 MDT"), "2003-06-10T10:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 PST"), "2003-06-10T12:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 PDT"), "2003-06-10T11:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 gmt"), "2003-06-10T04:00:00Z");
}

TEST(FeedsParseDates, MilitaryZonesAsWrittenInRfc822) {
    // RFC 822: A = -1 hour ... M = -12, N = +1 ... Y = +12, Z = UT.
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 A"), "2003-06-10T05:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 N"), "2003-06-10T03:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 14:00:00 Y"), "2003-06-10T02:00:00Z");
}

TEST(FeedsParseDates, TwoDigitYears) {
    EXPECT_EQ(d("Tue, 10 Jun 03 04:00:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Sun, 10 Jan 99 04:00:00 GMT"), "1999-01-10T04:00:00Z");
}

TEST(FeedsParseDates, MissingSecondsOddSpacingCommas) {
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("  Tue,10   Jun  2003   4:05:06   GMT  "), "2003-06-10T04:05:06Z");
    EXPECT_EQ(d("Tue, 10 Jun, 2003, 04:00:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Tue 10 June 2003 04:00:00 +0000"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("June 10, 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 +0200 (CEST)"), "2003-06-10T02:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00 GMT+2"), "2003-06-10T02:00:00Z");
}

TEST(FeedsParseDates, MissingOrWrongWeekday) {
    EXPECT_EQ(d("10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Fri, 10 Jun 2003 04:00:00 GMT"),
              "2003-06-10T04:00:00Z");  // 10 June 2003 was a Tuesday
    EXPECT_EQ(d("Thursday, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
}

TEST(FeedsParseDates, NoTimeOrZone) {
    EXPECT_EQ(d("10 Jun 2003"), "2003-06-10T00:00:00Z");
    EXPECT_EQ(d("Tue, 10 Jun 2003 04:00:00"), "2003-06-10T04:00:00Z");
    EXPECT_EQ(d("Sun Nov  6 08:49:37 1994"), "1994-11-06T08:49:37Z");  // asctime
}

TEST(FeedsParseDates, Iso8601AndRfc3339) {
    EXPECT_EQ(d("2024-09-18T14:00:00Z"), "2024-09-18T14:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00:00+02:00"), "2024-09-18T12:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00:00-0500"), "2024-09-18T19:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00:00+02"), "2024-09-18T12:00:00Z");
    EXPECT_EQ(d("2024-09-18t14:00:00z"), "2024-09-18T14:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00:00.123456Z"), "2024-09-18T14:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00:00,5+01:00"), "2024-09-18T13:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00:00"), "2024-09-18T14:00:00Z");  // no zone: UTC
    EXPECT_EQ(d("2024-09-18 14:00:00"), "2024-09-18T14:00:00Z");  // space instead of 'T'
    EXPECT_EQ(d("2024-09-18 14:00:00 +0300"), "2024-09-18T11:00:00Z");
    EXPECT_EQ(d("2024-09-18 14:00 EDT"), "2024-09-18T18:00:00Z");
    EXPECT_EQ(d("2024-09-18T14:00Z"), "2024-09-18T14:00:00Z");
    EXPECT_EQ(d("2024-09-18"), "2024-09-18T00:00:00Z");
    EXPECT_EQ(d("20240918T140000Z"), "2024-09-18T14:00:00Z");
    EXPECT_EQ(d("2024-09"), "2024-09-01T00:00:00Z");
}

TEST(FeedsParseDates, SlashesAndShortFields) {
    EXPECT_EQ(d("2016/6/29"), "2016-06-29T00:00:00Z");
    EXPECT_EQ(d("2016/06/29 10:11:12"), "2016-06-29T10:11:12Z");
    EXPECT_EQ(d("2016-6-9T1:02:03Z"), "2016-06-09T01:02:03Z");
}

TEST(FeedsParseDates, UnixTimestamps) {
    EXPECT_EQ(d("1467158400"), "2016-06-29T00:00:00Z");
    EXPECT_EQ(d("1467158400.25"), "2016-06-29T00:00:00Z");
    EXPECT_EQ(d("1467158400000"), "2016-06-29T00:00:00Z");  // milliseconds
}

TEST(FeedsParseDates, GarbageIsNoDate) {
    for (const char* bad : {"", "yesterday", "soon", "32 Jun 2003", "2024-13-01", "2023-02-29",
                            "Tue, 10 Foo 2003", "12345", "2024-09-18T25:00:00Z", "::::", "99:99",
                            "Tue, 10 Jun 2003 04:00:00 GMT garbage 2004 2005"}) {
        EXPECT_FALSE(parse_feed_date(bad).has_value()) << bad;
    }
    EXPECT_EQ(d("2024-02-29"), "2024-02-29T00:00:00Z");  // leap year
}

TEST(FeedsParseDates, UnparseableDateKeepsItem) {
    const auto doc = parse_ok(R"(<rss version="2.0"><channel><title>t</title>
  <item><title>a</title><pubDate>not a date</pubDate></item>
  <item><title>b</title><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
  </channel></rss>)");
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_FALSE(doc.items[0].published.has_value());
    EXPECT_EQ(utc(doc.items[1].published), "2003-06-10T04:00:00Z");
    EXPECT_FALSE(to_json(doc)["items"][0].contains("published"));
}

}  // namespace
}  // namespace herald::feeds::test

// Item id rules and stability, and the `herald parse` JSON contract.
#include <fstream>
#include <sstream>

#include "helpers.hpp"

namespace herald::feeds::test {
namespace {

TEST(FeedsParseIds, GuidThenLinkThenHash) {
    const std::string xml = R"(<rss version="2.0"><channel><title>t</title>
  <item><guid>g-1</guid><link>http://e.com/1</link><title>a</title></item>
  <item><link>http://e.com/2</link><title>b</title></item>
  <item><title>c</title><description>body c</description></item>
  </channel></rss>)";
    const auto doc = parse_ok(xml);
    ASSERT_EQ(doc.items.size(), 3u);
    EXPECT_EQ(doc.items[0].id, "g-1");
    EXPECT_EQ(doc.items[1].id, "http://e.com/2");
    ASSERT_EQ(doc.items[2].id.size(), 18u);
    EXPECT_EQ(doc.items[2].id.substr(0, 2), "h:");
    // Stable across polls, also when other items come and go.
    const auto again = parse_ok(R"(<rss version="2.0"><channel><title>t</title>
  <item><title>new</title><description>fresh</description></item>
  <item><title>c</title><description>body c</description></item>
  </channel></rss>)");
    ASSERT_EQ(again.items.size(), 2u);
    EXPECT_EQ(again.items[1].id, doc.items[2].id);
    EXPECT_NE(again.items[0].id, doc.items[2].id);
}

TEST(FeedsParseIds, HashDependsOnTitleAndContent) {
    const auto a = parse_ok(
        "<rss><channel><item><title>x</title><description>one</description></item></channel></"
        "rss>");
    const auto b = parse_ok(
        "<rss><channel><item><title>x</title><description>two</description></item></channel></"
        "rss>");
    const auto c = parse_ok(
        "<rss><channel><item><title>y</title><description>one</description></item></channel></"
        "rss>");
    EXPECT_NE(a.items[0].id, b.items[0].id);
    EXPECT_NE(a.items[0].id, c.items[0].id);
}

TEST(FeedsParseIds, DuplicatesMadeUniqueDeterministically) {
    const std::string xml = R"(<rss version="2.0"><channel><title>t</title>
  <item><guid>same</guid><title>1</title></item>
  <item><guid>same</guid><title>2</title></item>
  <item><guid>same#2</guid><title>3</title></item>
  <item><guid>same</guid><title>4</title></item>
  </channel></rss>)";
    const auto doc = parse_ok(xml);
    ASSERT_EQ(doc.items.size(), 4u);
    EXPECT_EQ(doc.items[0].id, "same");
    EXPECT_EQ(doc.items[1].id, "same#2");
    EXPECT_EQ(doc.items[2].id, "same#2#2");
    EXPECT_EQ(doc.items[3].id, "same#3");
    const auto again = parse_ok(xml);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(again.items[i].id, doc.items[i].id);
}

TEST(FeedsParseJson, ContractOmitsAbsentFields) {
    const auto doc = parse_ok(R"(<rss version="2.0"><channel><title>T</title>
  <item><title>Only title</title></item>
  <item><guid>g</guid><title>Full</title><link>http://e.com/x</link>
    <pubDate>Wed, 18 Sep 2024 14:00:00 GMT</pubDate><description>&lt;p&gt;s&lt;/p&gt;</description>
    <author>a@b.c</author><category>c1</category><enclosure url="http://e.com/a.mp3"/></item>
  </channel></rss>)");
    const nlohmann::json j = to_json(doc);
    EXPECT_EQ(j["format"], "rss2.0");
    EXPECT_EQ(j["wellformed"], true);
    EXPECT_EQ(j["encoding"], "utf-8");
    EXPECT_EQ(j["feed"], nlohmann::json({{"title", "T"}}));
    ASSERT_EQ(j["items"].size(), 2u);
    const auto& first = j["items"][0];
    EXPECT_TRUE(first.contains("id"));
    EXPECT_TRUE(first.contains("title"));
    for (const char* k : {"link", "published", "updated", "summary", "content", "authors",
                          "categories", "enclosures"})
        EXPECT_FALSE(first.contains(k)) << k;
    const auto& full = j["items"][1];
    EXPECT_EQ(full["id"], "g");
    EXPECT_EQ(full["published"], "2024-09-18T14:00:00Z");
    EXPECT_EQ(full["summary"], "<p>s</p>");
    EXPECT_EQ(full["authors"], nlohmann::json::parse(R"([{"email":"a@b.c"}])"));
    EXPECT_EQ(full["categories"], nlohmann::json::parse(R"(["c1"])"));
    EXPECT_EQ(full["enclosures"], nlohmann::json::parse(R"([{"url":"http://e.com/a.mp3"}])"));
    // No nulls anywhere.
    EXPECT_EQ(j.dump().find("null"), std::string::npos);
}

TEST(FeedsParseJson, DumpIsValidUtf8EvenForBrokenInput) {
    const auto r =
        parse_feed(std::string("<rss><channel><title>\xFF\xFE bad "
                               "\xC3</title><item><title>\x80</title></item></channel></rss>"));
    ASSERT_TRUE(r.has_value());
    const std::string dumped = to_json(*r).dump();  // throws on invalid UTF-8
    EXPECT_FALSE(dumped.empty());
    EXPECT_EQ(to_json(*r)["wellformed"], false);
}

TEST(FeedsParseJson, Fixtures) {
    // Every fixture parses and serialises; expected output sits next to it.
    const std::string dir = std::string(HERALD_SOURCE_DIR) + "/tests/unit/feeds_parse/data/";
    for (const char* name : {"bbc-like.rss", "atom-blog.atom", "broken-mixed.xml"}) {
        std::ifstream in(dir + name, std::ios::binary);
        ASSERT_TRUE(in) << name;
        std::stringstream ss;
        ss << in.rdbuf();
        std::ifstream want_in(dir + std::string(name) + ".json");
        ASSERT_TRUE(want_in) << name;
        const auto want = nlohmann::json::parse(want_in);
        const auto doc =
            parse_ok(ss.str(), ParseOptions{"https://feeds.example.net/path/feed", ""});
        EXPECT_EQ(to_json(doc), want) << name << "\n" << to_json(doc).dump(2);
    }
}

}  // namespace
}  // namespace herald::feeds::test

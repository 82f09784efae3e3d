// Broken XML: every kind of breakage still yields the items that can be read,
// with wellformed = false.
#include "helpers.hpp"

namespace herald::feeds::test {
namespace {

std::string rss(std::string_view items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>" +
           std::string(items) + "</channel></rss>";
}

TEST(FeedsParseBroken, UnescapedAmpersand) {
    const auto doc = parse_ok(rss(R"(<item><title>Q&A: Tom & Jerry</title>
      <link>http://e.com/?a=1&b=2</link><description>AT&T &amp; co</description></item>)"));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "Q&A: Tom & Jerry");
    EXPECT_EQ(doc.items[0].link, "http://e.com/?a=1&b=2");
    EXPECT_EQ(doc.items[0].summary, "AT&T & co");
}

TEST(FeedsParseBroken, HtmlNamedEntities) {
    const auto doc = parse_ok(
        rss(R"(<item><title>Caf&eacute;&nbsp;talks &mdash; &lsquo;progress&rsquo; &hellip;</title>
      <description>&copy; 2024 &euro;5</description></item>)"));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title,
              "Caf\xC3\xA9 talks \xE2\x80\x94 \xE2\x80\x98progress\xE2\x80\x99 \xE2\x80\xA6");
    EXPECT_EQ(doc.items[0].summary,
              "\xC2\xA9 2024 \xE2\x82\xAC"
              "5");
}

TEST(FeedsParseBroken, NumericReferencesInC1RangeMeanWindows1252) {
    const auto doc = parse_ok(rss("<item><title>&#147;Hi&#148; &#x2014; &#233;</title></item>"));
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 \xC3\xA9");
}

TEST(FeedsParseBroken, ControlCharacters) {
    const auto doc =
        parse_ok(rss(std::string("<item><title>Bad\x01\x02 chars\x0B here</title>"
                                 "<description>x\x1Fy&#1;z</description></item>")));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "Bad chars here");
    EXPECT_EQ(doc.items[0].summary, "xyz");
}

TEST(FeedsParseBroken, NulByteInDocument) {
    const auto doc = parse_ok(
        rss(std::string("<item><title>a\0b</title></item><item><title>c</title></item>", 60)));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_EQ(doc.items[0].title, "ab");
    EXPECT_EQ(doc.items[1].title, "c");
}

TEST(FeedsParseBroken, TruncatedDocumentKeepsCompleteItems) {
    const std::string full = rss(R"(<item><title>One</title><link>http://e.com/1</link></item>
      <item><title>Two</title><link>http://e.com/2</link></item>
      <item><title>Three</title><description>This one is cut)");
    for (const std::size_t cut : {full.size(), full.size() - 5}) {
        const std::string truncated = full.substr(0, full.find("</channel>") - (full.size() - cut));
        const auto doc = parse_ok(truncated);
        EXPECT_FALSE(doc.wellformed);
        EXPECT_EQ(doc.feed.title, "Feed");
        ASSERT_EQ(doc.items.size(), 2u) << truncated;
        EXPECT_EQ(doc.items[1].title, "Two");
    }
    // Cut right after a complete item, and in the middle of a tag.
    const auto doc1 =
        parse_ok("<rss version=\"2.0\"><channel><title>F</title><item><title>A</title></item>");
    ASSERT_EQ(doc1.items.size(), 1u);
    EXPECT_FALSE(doc1.wellformed);
    const auto doc2 = parse_ok(
        "<rss version=\"2.0\"><channel><title>F</title><item><title>A</title></item><item><tit");
    ASSERT_EQ(doc2.items.size(), 1u);
    const auto doc3 = parse_ok(
        "<feed "
        "xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><id>1</id><title>A</title></"
        "entry><entry><id>2</id><title>B");
    EXPECT_EQ(doc3.format, "atom1.0");
    ASSERT_EQ(doc3.items.size(), 1u);
    EXPECT_EQ(doc3.items[0].id, "1");
}

TEST(FeedsParseBroken, JunkBeforeRoot) {
    const auto doc = parse_ok("<b>Warning</b>: include(): failed in /var/www/x.php on line 3\n" +
                              rss("<item><title>Still here</title></item>"));
    EXPECT_FALSE(doc.wellformed);
    EXPECT_EQ(doc.format, "rss2.0");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "Still here");
    const auto doc2 = parse_ok("garbage text\n" + rss("<item><title>x</title></item>"));
    EXPECT_FALSE(doc2.wellformed);
    EXPECT_EQ(doc2.items.size(), 1u);
}

TEST(FeedsParseBroken, StrayLessThanInText) {
    const auto doc = parse_ok(
        rss("<item><title>1 < 2 and 3 <= 4</title></item><item><title>next</title></item>"));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_EQ(doc.items[0].title, "1 < 2 and 3 <= 4");
}

TEST(FeedsParseBroken, MismatchedAndUnclosedTags) {
    const auto doc =
        parse_ok(rss(R"(<item><title>A</title><description>line<br>break</description></item>
      <item><title>B</title><link>http://e.com/b</item>
      <item><title>C</title></bogus></item>)"));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 3u);
    EXPECT_EQ(doc.items[0].title, "A");
    EXPECT_EQ(doc.items[1].link, "http://e.com/b");
    EXPECT_EQ(doc.items[2].title, "C");
}

TEST(FeedsParseBroken, UndeclaredNamespacePrefix) {
    const auto doc = parse_ok(rss("<item><title>x</title><dc:creator>Someone</dc:creator></item>"));
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 1u);
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].name, "Someone");
}

TEST(FeedsParseBroken, DoctypeWithEntitiesIsTolerated) {
    const auto doc = parse_ok(R"(<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>T&eacute;l&eacute;</title><item><title>x</title></item></channel></rss>)");
    EXPECT_EQ(doc.format, "rss0.91");
    EXPECT_EQ(doc.feed.title, "T\xC3\xA9l\xC3\xA9");
}

TEST(FeedsParseBroken, DeepNestingAndHugeInputDoNotCrash) {
    std::string deep = "<rss><channel><title>t</title><item><title>x</title><description>";
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    deep += "</description></item></channel></rss>";
    const auto r = parse_feed(deep);
    ASSERT_TRUE(r.has_value());
    EXPECT_FALSE(r->wellformed);
    EXPECT_EQ(r->items.size(), 1u);
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseBroken, FeedWrappedInHtml) {
    const auto doc = parse_ok(
        "<html><body><pre><rss version=\"2.0\"><channel><title>Wrapped</title>"
        "<item><title>x</title></item></channel></rss></pre></body></html>");
    EXPECT_FALSE(doc.wellformed);
    EXPECT_EQ(doc.feed.title, "Wrapped");
    EXPECT_EQ(doc.items.size(), 1u);
}

TEST(FeedsParseBroken, JsonFeedWithInvalidBytes) {
    const auto doc = parse_ok(
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"1\", "
        "\"title\": "
        "\"caf\xE9\"}]}");
    EXPECT_FALSE(doc.wellformed);
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "caf\xC3\xA9");  // read as Windows-1252
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseBroken, TruncatedJsonFeedKeepsCompleteItems) {
    const std::string full = R"({"version": "https://jsonfeed.org/version/1.1", "title": "J",
      "items": [{"id": "1", "title": "One \"quoted\" } ]"}, {"id": "2", "title": "Two"},
                {"id": "3", "title": "Thr)";
    const auto doc = parse_ok(full);
    EXPECT_EQ(doc.format, "json1.1");
    EXPECT_FALSE(doc.wellformed);
    EXPECT_EQ(doc.feed.title, "J");
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_EQ(doc.items[0].title, "One \"quoted\" } ]");
    EXPECT_EQ(doc.items[1].id, "2");
}

}  // namespace
}  // namespace herald::feeds::test

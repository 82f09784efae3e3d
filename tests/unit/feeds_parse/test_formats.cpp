// One test per feed format and per namespace the parser understands.
#include "helpers.hpp"

namespace herald::feeds::test {
namespace {

TEST(FeedsParseFormats, Rss20Full) {
    const auto doc = parse_ok(R"(<?xml version="1.0"?>
<rss version="2.0">
 <channel>
  <title>World &amp; More</title>
  <link>https://news.example.com/</link>
  <description>Latest world news</description>
  <language>en-gb</language>
  <lastBuildDate>Wed, 18 Sep 2024 14:00:00 GMT</lastBuildDate>
  <ttl>15</ttl>
  <item>
   <title>Talks resume in Cairo</title>
   <link>https://news.example.com/a/1</link>
   <description>&lt;p&gt;Envoys met &lt;b&gt;today&lt;/b&gt;.&lt;/p&gt;</description>
   <guid isPermaLink="false">urn:news:1</guid>
   <pubDate>Wed, 18 Sep 2024 13:30:00 +0200</pubDate>
   <author>desk@example.com (News Desk)</author>
   <category>Middle East</category>
   <category>Diplomacy</category>
   <enclosure url="https://cdn.example.com/a.mp3" type="audio/mpeg" length="12345"/>
  </item>
 </channel>
</rss>)");
    EXPECT_EQ(doc.format, "rss2.0");
    EXPECT_TRUE(doc.wellformed);
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.feed.title, "World & More");
    EXPECT_EQ(doc.feed.link, "https://news.example.com/");
    EXPECT_EQ(doc.feed.subtitle, "Latest world news");
    EXPECT_EQ(doc.feed.language, "en-gb");
    EXPECT_EQ(utc(doc.feed.updated), "2024-09-18T14:00:00Z");
    EXPECT_EQ(doc.feed.ttl_minutes, 15);
    ASSERT_EQ(doc.items.size(), 1u);
    const Item& it = doc.items[0];
    EXPECT_EQ(it.id, "urn:news:1");
    EXPECT_EQ(it.title, "Talks resume in Cairo");
    EXPECT_EQ(it.link, "https://news.example.com/a/1");
    EXPECT_EQ(it.summary, "<p>Envoys met <b>today</b>.</p>");
    EXPECT_EQ(utc(it.published), "2024-09-18T11:30:00Z");
    ASSERT_EQ(it.authors.size(), 1u);
    EXPECT_EQ(it.authors[0].name, "News Desk");
    EXPECT_EQ(it.authors[0].email, "desk@example.com");
    EXPECT_EQ(it.categories, (std::vector<std::string>{"Middle East", "Diplomacy"}));
    ASSERT_EQ(it.enclosures.size(), 1u);
    EXPECT_EQ(it.enclosures[0].url, "https://cdn.example.com/a.mp3");
    EXPECT_EQ(it.enclosures[0].type, "audio/mpeg");
    EXPECT_EQ(it.enclosures[0].length, 12345);
}

TEST(FeedsParseFormats, RssVersions) {
    const auto v = [](const char* version) {
        return parse_ok(std::string("<rss version=\"") + version +
                        "\"><channel><title>t</title><item><title>x</title></item></channel></rss>")
            .format;
    };
    EXPECT_EQ(v("0.91"), "rss0.91");
    EXPECT_EQ(v("0.92"), "rss0.92");
    EXPECT_EQ(v("2.0"), "rss2.0");
}

TEST(FeedsParseFormats, Rss091PermalinkGuidBecomesLink) {
    const auto doc = parse_ok(R"(<rss version="0.91"><channel><title>Old</title>
      <item><title>One</title><guid>http://example.com/1</guid><description>d</description></item>
      </channel></rss>)");
    EXPECT_EQ(doc.format, "rss0.91");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].link, "http://example.com/1");
    EXPECT_EQ(doc.items[0].id, "http://example.com/1");
}

TEST(FeedsParseFormats, Rss10Rdf) {
    const auto doc = parse_ok(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="http://example.org/rss">
    <title>RDF feed</title><link>http://example.org/</link><description>About</description>
    <dc:language>fr</dc:language><dc:date>2024-01-02T03:04:05Z</dc:date>
    <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
    <items><rdf:Seq><rdf:li rdf:resource="http://example.org/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="http://example.org/1">
    <title>First</title><link>http://example.org/1</link>
    <description>Body</description>
    <dc:creator>Marie</dc:creator><dc:date>2024-01-02T01:00:00+01:00</dc:date>
    <dc:subject>Politics</dc:subject>
  </item>
</rdf:RDF>)");
    EXPECT_EQ(doc.format, "rss1.0");
    EXPECT_TRUE(doc.wellformed);
    EXPECT_EQ(doc.feed.title, "RDF feed");
    EXPECT_EQ(doc.feed.language, "fr");
    EXPECT_EQ(utc(doc.feed.updated), "2024-01-02T03:04:05Z");
    EXPECT_EQ(doc.feed.update_period_seconds, 1800);
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "First");
    EXPECT_EQ(doc.items[0].id, "http://example.org/1");
    EXPECT_EQ(utc(doc.items[0].published), "2024-01-02T00:00:00Z");
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].name, "Marie");
    EXPECT_EQ(doc.items[0].categories, std::vector<std::string>{"Politics"});
}

TEST(FeedsParseFormats, Rss090) {
    const auto doc = parse_ok(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Netscape</title><link>http://example.com/</link><description>d</description></channel>
  <item><title>Old news</title><link>http://example.com/old</link></item>
  <item><title>Older news</title><link>http://example.com/older</link></item>
</rdf:RDF>)");
    EXPECT_EQ(doc.format, "rss0.90");
    EXPECT_EQ(doc.feed.title, "Netscape");
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_EQ(doc.items[1].link, "http://example.com/older");
}

TEST(FeedsParseFormats, Atom10) {
    const auto doc = parse_ok(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Wire &lt;i&gt;service&lt;/i&gt;</title>
  <subtitle>All the news</subtitle>
  <link rel="self" href="https://wire.example.org/feed"/>
  <link rel="alternate" type="text/html" href="https://wire.example.org/"/>
  <updated>2024-09-18T14:00:00Z</updated>
  <id>urn:wire</id>
  <entry>
    <title>Entry &amp; one</title>
    <link href="https://wire.example.org/1"/>
    <link rel="enclosure" type="image/jpeg" length="99" href="https://wire.example.org/1.jpg"/>
    <id>urn:wire:1</id>
    <published>2024-09-18T13:00:00+01:00</published>
    <updated>2024-09-18T14:10:00Z</updated>
    <author><name>Ann Lee</name><email>ann@example.org</email><uri>https://ann.example.org/</uri></author>
    <author><name>Bo</name></author>
    <category term="politics" label="Politics"/>
    <summary>Short &lt; text</summary>
    <content type="html">&lt;p&gt;Full &amp;amp; text&lt;/p&gt;</content>
  </entry>
</feed>)");
    EXPECT_EQ(doc.format, "atom1.0");
    EXPECT_TRUE(doc.wellformed);
    EXPECT_EQ(doc.feed.title, "Wire service");
    EXPECT_EQ(doc.feed.subtitle, "All the news");
    EXPECT_EQ(doc.feed.link, "https://wire.example.org/");
    EXPECT_EQ(doc.feed.language, "en");
    EXPECT_EQ(utc(doc.feed.updated), "2024-09-18T14:00:00Z");
    ASSERT_EQ(doc.items.size(), 1u);
    const Item& it = doc.items[0];
    EXPECT_EQ(it.id, "urn:wire:1");
    EXPECT_EQ(it.title, "Entry & one");
    EXPECT_EQ(it.link, "https://wire.example.org/1");
    EXPECT_EQ(utc(it.published), "2024-09-18T12:00:00Z");
    EXPECT_EQ(utc(it.updated), "2024-09-18T14:10:00Z");
    ASSERT_EQ(it.authors.size(), 2u);
    EXPECT_EQ(it.authors[0].name, "Ann Lee");
    EXPECT_EQ(it.authors[0].email, "ann@example.org");
    EXPECT_EQ(it.authors[0].uri, "https://ann.example.org/");
    EXPECT_EQ(it.categories, std::vector<std::string>{"politics"});
    EXPECT_EQ(it.summary, "Short < text");
    EXPECT_EQ(it.content, "<p>Full &amp; text</p>");
    ASSERT_EQ(it.enclosures.size(), 1u);
    EXPECT_EQ(it.enclosures[0].length, 99);
}

TEST(FeedsParseFormats, AtomXhtmlContentDropsWrapperDiv) {
    const auto doc = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
  <entry><id>x</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>XHTML</b> title</div></title>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; two<br/>three</p></div></content>
  </entry></feed>)");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "An XHTML title");
    EXPECT_EQ(doc.items[0].content, "<p>One &amp; two<br />three</p>");
}

TEST(FeedsParseFormats, Atom03) {
    const auto doc = parse_ok(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Old Atom</title><tagline>Tag line</tagline>
  <link rel="alternate" type="text/html" href="http://example.org/"/>
  <modified>2004-01-01T00:00:00Z</modified>
  <entry>
    <title>Entry</title><link rel="alternate" type="text/html" href="http://example.org/e"/>
    <id>tag:example.org,2004:e</id>
    <issued>2003-12-31T19:00:00-05:00</issued><modified>2004-01-01T00:00:00Z</modified>
    <content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content>
    <summary type="text/plain" mode="base64">SGVsbG8gd29ybGQ=</summary>
    <author><name>Old</name><url>http://example.org/old</url></author>
  </entry>
</feed>)");
    EXPECT_EQ(doc.format, "atom0.3");
    EXPECT_EQ(doc.feed.subtitle, "Tag line");
    EXPECT_EQ(utc(doc.feed.updated), "2004-01-01T00:00:00Z");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(utc(doc.items[0].published), "2004-01-01T00:00:00Z");
    EXPECT_EQ(doc.items[0].content, "<p>Escaped</p>");
    EXPECT_EQ(doc.items[0].summary, "Hello world");
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].uri, "http://example.org/old");
}

TEST(FeedsParseFormats, JsonFeed11) {
    const auto doc = parse_ok(R"({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON news", "home_page_url": "https://j.example.com/", "description": "desc",
  "language": "ar",
  "items": [
    {"id": "1", "url": "https://j.example.com/1", "title": "First", "content_html": "<p>Hi</p>",
     "summary": "sum", "date_published": "2024-09-18T10:00:00+03:00",
     "date_modified": "2024-09-18T11:00:00Z", "authors": [{"name": "Sam", "url": "https://sam.example"}],
     "tags": ["a", "b"], "attachments": [{"url": "https://j.example.com/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 7}]},
    {"id": 2, "content_text": "Only text"}
  ]})");
    EXPECT_EQ(doc.format, "json1.1");
    EXPECT_TRUE(doc.wellformed);
    EXPECT_EQ(doc.feed.title, "JSON news");
    EXPECT_EQ(doc.feed.link, "https://j.example.com/");
    EXPECT_EQ(doc.feed.language, "ar");
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_EQ(doc.items[0].content, "<p>Hi</p>");
    EXPECT_EQ(doc.items[0].summary, "sum");
    EXPECT_EQ(utc(doc.items[0].published), "2024-09-18T07:00:00Z");
    EXPECT_EQ(utc(doc.items[0].updated), "2024-09-18T11:00:00Z");
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].uri, "https://sam.example");
    EXPECT_EQ(doc.items[0].categories, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(doc.items[0].enclosures.size(), 1u);
    EXPECT_EQ(doc.items[0].enclosures[0].length, 7);
    EXPECT_EQ(doc.items[1].id, "2");
    EXPECT_EQ(doc.items[1].content, "Only text");
}

TEST(FeedsParseFormats, JsonFeed10AuthorObject) {
    const auto doc = parse_ok(R"({"version": "https://jsonfeed.org/version/1", "title": "t",
      "items": [{"id": "a", "url": "/rel", "author": {"name": "Old Style"}}]})",
                              ParseOptions{"https://base.example/feed.json", ""});
    EXPECT_EQ(doc.format, "json1.0");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].link, "https://base.example/rel");
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].name, "Old Style");
}

TEST(FeedsParseFormats, JsonNotAFeedIsAnError) {
    const auto r = parse_feed(R"({"hello": "world"})");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().kind, "parse");
    EXPECT_FALSE(
        parse_feed(R"({"version": "https://jsonfeed.org/version/1", "items": [)").has_value());
}

TEST(FeedsParseNamespaces, ContentEncodedAndDublinCore) {
    const auto doc =
        parse_ok(R"(<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
  <item><title>x</title><description>short</description>
    <content:encoded><![CDATA[<p>Full <em>story</em> & more</p>]]></content:encoded>
    <dc:creator>Reporter One</dc:creator><dc:date>2024-02-03T04:05:06Z</dc:date>
  </item></channel></rss>)");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].summary, "short");
    EXPECT_EQ(doc.items[0].content, "<p>Full <em>story</em> & more</p>");
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].name, "Reporter One");
    EXPECT_EQ(utc(doc.items[0].published), "2024-02-03T04:05:06Z");
}

TEST(FeedsParseNamespaces, MatchedByUriNotPrefix) {
    // "x" is bound to Dublin Core and "dc" to something else entirely.
    const auto doc = parse_ok(R"(<rss version="2.0" xmlns:x="http://purl.org/dc/elements/1.1/"
     xmlns:dc="http://example.com/not-dublin-core"><channel><title>t</title>
  <item><title>x</title><link>http://e.com/1</link>
    <x:creator>Right</x:creator><dc:creator>Wrong</dc:creator>
    <enc:encoded xmlns:enc="http://purl.org/rss/1.0/modules/content/">Body</enc:encoded>
  </item></channel></rss>)");
    ASSERT_EQ(doc.items.size(), 1u);
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].name, "Right");
    EXPECT_EQ(doc.items[0].content, "Body");
    EXPECT_TRUE(doc.wellformed);
}

TEST(FeedsParseNamespaces, MediaRss) {
    const auto doc = parse_ok(R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel><title>t</title><item><title>x</title><link>http://e.com/1</link>
    <media:content url="http://e.com/v.mp4" type="video/mp4" fileSize="2048" medium="video">
      <media:thumbnail url="http://e.com/v.jpg"/>
    </media:content>
    <media:group><media:content url="http://e.com/hi.jpg" type="image/jpeg"/></media:group>
    <media:thumbnail url="http://e.com/t.jpg" width="100"/>
    <enclosure url="http://e.com/v.mp4" type="video/mp4" length="2048"/>
  </item></channel></rss>)");
    ASSERT_EQ(doc.items.size(), 1u);
    const auto& e = doc.items[0].enclosures;
    ASSERT_EQ(e.size(), 4u);
    EXPECT_EQ(e[0].url, "http://e.com/v.mp4");
    EXPECT_EQ(e[0].type, "video/mp4");
    EXPECT_EQ(e[0].length, 2048);
    EXPECT_EQ(e[1].url, "http://e.com/v.jpg");
    EXPECT_EQ(e[2].url, "http://e.com/hi.jpg");
    EXPECT_EQ(e[3].url, "http://e.com/t.jpg");
}

TEST(FeedsParseNamespaces, AtomLinkInsideRss) {
    const auto doc = parse_ok(R"(<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel><title>t</title><atom:link rel="self" href="http://e.com/rss"/><link>http://e.com/</link>
  <item><title>x</title><atom:link href="http://e.com/via-atom"/><atom:updated>2024-05-05T05:05:05Z</atom:updated></item>
  </channel></rss>)");
    EXPECT_EQ(doc.feed.link, "http://e.com/");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].link, "http://e.com/via-atom");
    EXPECT_EQ(utc(doc.items[0].updated), "2024-05-05T05:05:05Z");
}

TEST(FeedsParseNamespaces, XmlBaseResolvesRelativeLinks) {
    const auto doc =
        parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
  <title>t</title><link href="../"/>
  <entry xml:base="2024/"><id>1</id><title>a</title><link href="post.html"/>
    <author><name>n</name><uri>/people/n</uri></author>
    <link rel="enclosure" href="media/a.mp3"/></entry>
  <entry><id>2</id><title>b</title><link href="https://other.example/x"/></entry>
</feed>)",
                 ParseOptions{"http://ignored.example/feed", ""});
    EXPECT_EQ(doc.feed.link, "http://example.org/");
    ASSERT_EQ(doc.items.size(), 2u);
    EXPECT_EQ(doc.items[0].link, "http://example.org/blog/2024/post.html");
    EXPECT_EQ(doc.items[0].authors[0].uri, "http://example.org/people/n");
    EXPECT_EQ(doc.items[0].enclosures[0].url, "http://example.org/blog/2024/media/a.mp3");
    EXPECT_EQ(doc.items[1].link, "https://other.example/x");
}

TEST(FeedsParseNamespaces, RelativeXmlBaseAndBaseUrl) {
    const auto doc = parse_ok(R"(<rss version="2.0"><channel xml:base="/news/"><title>t</title>
  <link>./</link><item><title>x</title><link>a?id=1</link></item></channel></rss>)",
                              ParseOptions{"https://site.example/feeds/rss.xml", ""});
    EXPECT_EQ(doc.feed.link, "https://site.example/news/");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].link, "https://site.example/news/a?id=1");
}

TEST(FeedsParseNamespaces, SyndicationDefaultsToDaily) {
    const auto doc =
        parse_ok(R"(<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel><title>t</title><sy:updateFrequency>4</sy:updateFrequency></channel></rss>)");
    EXPECT_EQ(doc.feed.update_period_seconds, 86400 / 4);
}

TEST(FeedsParseFormats, HtmlInTitlesBecomesPlainText) {
    const auto doc = parse_ok(R"(<rss version="2.0"><channel><title>t</title>
  <item><title>&lt;b&gt;Breaking:&lt;/b&gt;  talks&amp;nbsp;end &amp;amp; resume</title></item>
  <item><title><![CDATA[<i>Cairo</i> &amp; Doha]]></title></item>
  <item><title>a &lt; b</title></item>
  </channel></rss>)");
    ASSERT_EQ(doc.items.size(), 3u);
    EXPECT_EQ(doc.items[0].title, "Breaking: talks end & resume");
    EXPECT_EQ(doc.items[1].title, "Cairo & Doha");
    EXPECT_EQ(doc.items[2].title, "a < b");
}

TEST(FeedsParseFormats, NotAFeedIsAnError) {
    for (const char* bad : {"", "   ", "<html><body><p>Hello</p></body></html>", "just text",
                            "<?xml version=\"1.0\"?><note>hi</note>"}) {
        const auto r = parse_feed(bad);
        ASSERT_FALSE(r.has_value()) << bad;
        EXPECT_EQ(r.error().kind, "parse");
        EXPECT_FALSE(r.error().message.empty());
    }
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseFormats, AtomEntriesInheritFeedAuthor) {
    const auto doc = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
  <author><name>Feed Author</name></author>
  <entry><id>1</id><title>a</title></entry>
  <entry><id>2</id><title>b</title><author><name>Own</name></author></entry></feed>)");
    ASSERT_EQ(doc.items.size(), 2u);
    ASSERT_EQ(doc.items[0].authors.size(), 1u);
    EXPECT_EQ(doc.items[0].authors[0].name, "Feed Author");
    ASSERT_EQ(doc.items[1].authors.size(), 1u);
    EXPECT_EQ(doc.items[1].authors[0].name, "Own");
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseFormats, AtomTextTitleWithEscapedHtmlIsStripped) {
    const auto doc = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
  <entry><id>1</id><title type="text">&lt;b&gt;Bold&lt;/b&gt; claim: 1 &lt; 2</title></entry></feed>)");
    ASSERT_EQ(doc.items.size(), 1u);
    EXPECT_EQ(doc.items[0].title, "Bold claim: 1 < 2");
}

}  // namespace
}  // namespace herald::feeds::test

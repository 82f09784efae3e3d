#include "helpers.hpp"

namespace herald::feeds::test {
namespace {

TEST(FeedsParseHtmlText, BlocksBecomeParagraphs) {
    EXPECT_EQ(html_to_text("<p>One</p><p>Two</p>"), "One\n\nTwo");
    EXPECT_EQ(
        html_to_text("<h1>Title</h1><div>Body <b>bold</b> text</div><ul><li>a</li><li>b</li></ul>"),
        "Title\n\nBody bold text\n\na\n\nb");
}

TEST(FeedsParseHtmlText, LineBreaks) {
    EXPECT_EQ(html_to_text("line one<br>line two<br/>three"), "line one\nline two\nthree");
    EXPECT_EQ(html_to_text("<p>a<br></p><p>b</p>"), "a\n\nb");
}

TEST(FeedsParseHtmlText, ScriptsAndStylesDropped) {
    EXPECT_EQ(html_to_text("<style>p{color:red}</style><p>Text</p><script>alert('x')</script>"),
              "Text");
}

TEST(FeedsParseHtmlText, EntitiesDecodedWhitespaceCollapsed) {
    EXPECT_EQ(html_to_text("  Tom &amp; Jerry&nbsp;&mdash;\n\n  caf&eacute;   &#x41;  "),
              "Tom & Jerry \xE2\x80\x94 caf\xC3\xA9 A");
    EXPECT_EQ(html_to_text("plain   text\n with  spaces"), "plain text with spaces");
}

TEST(FeedsParseHtmlText, InlineMarkupKeepsWords) {
    EXPECT_EQ(html_to_text("The <a href=\"x\">foreign minister</a> said <em>no</em>."),
              "The foreign minister said no.");
}

TEST(FeedsParseHtmlText, EmptyAndBroken) {
    EXPECT_EQ(html_to_text(""), "");
    EXPECT_EQ(html_to_text("<p></p><div> </div>"), "");
    EXPECT_EQ(html_to_text("<p>unclosed <b>bold"), "unclosed bold");
    EXPECT_EQ(html_to_text("a < b > c"), "a < b > c");
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseHtmlText, PathologicalNestingStillGivesText) {
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "<div>";
    deep += "deep &amp; text<br>more<script>x()</script><style>p{}</style>";
    for (int i = 0; i < 20000; ++i) deep += "</div>";
    EXPECT_EQ(html_to_text(deep), "deep & text\nmore");
    std::string inline_deep;
    for (int i = 0; i < 20000; ++i) inline_deep += "<b>";
    inline_deep += "bold";
    EXPECT_EQ(html_to_text(inline_deep), "bold");
}

}  // namespace
}  // namespace herald::feeds::test

namespace herald::feeds::test {
namespace {

TEST(FeedsParseHtmlText, ManyLineBreaksAndOpenParagraphsUseTheFullParser) {
    // Thousands of <br> / unclosed <p> are not deep nesting: gumbo handles them (the
    // fallback would glue table cells together: "xy").
    std::string html = "<html><head><title>T</title></head><body>";
    for (int i = 0; i < 3000; ++i) html += "l<br><p>p";
    html += "<table><tr><td>x</td><td>y</td></tr></table></body></html>";
    const std::string text = html_to_text(html);
    EXPECT_EQ(text.substr(0, 10), "l\n\npl\n\npl\n");  // "l" ends up inside the open <p>
    EXPECT_EQ(text.find('T'), std::string::npos);
    EXPECT_TRUE(text.ends_with("\n\nx y")) << text.substr(text.size() - 10);
}

}  // namespace
}  // namespace herald::feeds::test

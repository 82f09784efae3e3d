// html_to_text: gumbo (HTML5 tree builder) to plain text with paragraph structure.
#include <string>
#include <string_view>

#include <gumbo.h>

#include "feeds/parse/feed.hpp"
#include "feeds/parse/internal.hpp"

namespace herald::feeds {

namespace {

bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CENTER:
            return true;
        default:
            return false;
    }
}

bool is_dropped(GumboTag t) {
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
           t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_IFRAME ||
           t == GUMBO_TAG_OBJECT || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH ||
           t == GUMBO_TAG_SELECT || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_BUTTON;
}

// Builds text with break markers; whitespace is collapsed as it is appended.
class TextBuilder {
  public:
    void text(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            const bool nbsp =
                c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';  // U+00A0 -> space
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
                if (nbsp) ++i;
                space_ = true;
                continue;
            }
            flush();
            out_ += c;
        }
    }
    void line_break() {
        if (breaks_ < 1) breaks_ = 1;
        space_ = false;
    }
    void paragraph() {
        breaks_ = 2;
        space_ = false;
    }
    std::string take() { return std::move(out_); }

  private:
    void flush() {
        if (out_.empty()) {
            breaks_ = 0;
            space_ = false;
            return;
        }
        if (breaks_ > 0) {
            out_.append(static_cast<std::size_t>(breaks_), '\n');
        } else if (space_) {
            out_ += ' ';
        }
        breaks_ = 0;
        space_ = false;
    }
    std::string out_;
    int breaks_ = 0;
    bool space_ = false;
};

void walk(const GumboNode* node, TextBuilder& tb, int depth) {
    if (depth > 400) return;
    switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            tb.text(node->v.text.text);
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
        case GUMBO_NODE_DOCUMENT:
            break;
        default:
            return;
    }
    const GumboVector* children;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    if (node->type == GUMBO_NODE_DOCUMENT) {
        children = &node->v.document.children;
    } else {
        tag = node->v.element.tag;
        if (is_dropped(tag)) return;
        if (tag == GUMBO_TAG_BR) {
            tb.line_break();
            return;
        }
        children = &node->v.element.children;
    }
    const bool block = is_block(tag);
    if (block) tb.paragraph();
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) tb.text(" ");
    for (unsigned i = 0; i < children->length; ++i)
        walk(static_cast<const GumboNode*>(children->data[i]), tb, depth + 1);
    if (block) tb.paragraph();
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) tb.text(" ");
}

}  // namespace

std::string html_to_text(std::string_view html) {
    if (html.find_first_of("<&") == std::string_view::npos) {
        TextBuilder tb;
        tb.text(html);
        return tb.take();
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!out) return detail::strip_markup(html);
    TextBuilder tb;
    walk(out->document, tb, 0);
    gumbo_destroy_output(&options, out);
    return tb.take();
}

}  // namespace herald::feeds

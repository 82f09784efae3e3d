// html_to_text: gumbo (HTML5 tree builder) to plain text with paragraph structure.
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include <gumbo.h>

#include "feeds/parse/entities.hpp"
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
    if (depth > 4000) return;
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

// Upper bound of the element nesting depth (start tags minus end tags), cheap.
int nesting_estimate(std::string_view html) {
    int depth = 0, max_depth = 0;
    std::size_t next_gt = 0;
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
        if (i + 1 >= html.size()) break;
        const char n = html[i + 1];
        if (n == '/') {
            if (depth > 0) --depth;
        } else if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')) {
            if (next_gt < i || next_gt == 0) next_gt = html.find('>', i);
            if (next_gt == std::string_view::npos) break;
            const std::size_t next_lt = html.find('<', i + 1);
            if (html[next_gt - 1] == '/' &&
                (next_lt == std::string_view::npos || next_gt < next_lt))
                continue;
            // Void and auto-closing elements do not nest.
            std::size_t e = i + 1;
            std::string name;
            while (e < html.size() && name.size() < 8 &&
                   ((html[e] >= 'a' && html[e] <= 'z') || (html[e] >= 'A' && html[e] <= 'Z') ||
                    (html[e] >= '0' && html[e] <= '9'))) {
                const char c = html[e++];
                name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
            static constexpr std::string_view kFlat[] = {
                "br", "img", "hr", "input", "meta", "link", "wbr", "col",    "area", "source",
                "p",  "li",  "dt", "dd",    "tr",   "td",   "th",  "option", "embed"};
            if (std::find(std::begin(kFlat), std::end(kFlat), name) != std::end(kFlat)) continue;
            max_depth = std::max(max_depth, ++depth);
        }
    }
    return max_depth;
}

bool tag_is(std::string_view name, std::initializer_list<std::string_view> names) {
    for (const auto n : names)
        if (name.size() == n.size() &&
            std::equal(name.begin(), name.end(), n.begin(), [](char a, char b) {
                return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
            }))
            return true;
    return false;
}

// Tag-stripping fallback for pathological markup (gumbo is quadratic on very deep nesting).
std::string simple_html_to_text(std::string_view html) {
    TextBuilder tb;
    std::string decoded;
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        const std::size_t end_text = lt == std::string_view::npos ? html.size() : lt;
        decoded.clear();
        detail::append_decoded_entities(decoded, html.substr(i, end_text - i));
        tb.text(decoded);
        if (lt == std::string_view::npos) break;
        std::size_t k = lt + 1;
        const bool closing = k < html.size() && html[k] == '/';
        if (closing) ++k;
        std::size_t e = k;
        while (e < html.size() &&
               ((html[e] >= 'a' && html[e] <= 'z') || (html[e] >= 'A' && html[e] <= 'Z') ||
                (html[e] >= '0' && html[e] <= '9')))
            ++e;
        if (e == k && !(k < html.size() && html[k] == '!')) {
            tb.text("<");
            i = lt + 1;
            continue;
        }
        const std::string_view name = html.substr(k, e - k);
        std::size_t gt = html.find('>', e);
        gt = gt == std::string_view::npos ? html.size() : gt + 1;
        if (!closing && tag_is(name, {"script", "style", "noscript", "template", "head"})) {
            const std::string close = "</" + std::string(name);
            std::size_t c = gt;
            for (;; ++c) {
                c = html.find("</", c);
                if (c == std::string_view::npos ||
                    tag_is(html.substr(c + 2, name.size()), {close.substr(2)}))
                    break;
            }
            if (c == std::string_view::npos) break;
            gt = html.find('>', c);
            gt = gt == std::string_view::npos ? html.size() : gt + 1;
        } else if (tag_is(name, {"br"})) {
            tb.line_break();
        } else if (tag_is(name,
                          {"p",      "div",        "h1",      "h2",    "h3",         "h4",  "h5",
                           "h6",     "ul",         "ol",      "li",    "blockquote", "pre", "table",
                           "tr",     "section",    "article", "hr",    "dl",         "dt",  "dd",
                           "figure", "figcaption", "header",  "footer"})) {
            tb.paragraph();
        }
        i = gt;
    }
    return tb.take();
}

}  // namespace

std::string html_to_text(std::string_view html) {
    if (html.find_first_of("<&") == std::string_view::npos) {
        TextBuilder tb;
        tb.text(html);
        return tb.take();
    }
    if (nesting_estimate(html) > 1000) return simple_html_to_text(html);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!out) return simple_html_to_text(html);
    TextBuilder tb;
    walk(out->document, tb, 0);
    gumbo_destroy_output(&options, out);
    return tb.take();
}

}  // namespace herald::feeds

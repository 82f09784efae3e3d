// Generates a deterministic corpus of ~200 RSS 2.0 / Atom 1.0 news feeds (~20 MB),
// measures parse_feed throughput on one core, then times python3-feedparser on the
// same files (feedparser.parse on bytes) and prints the ratio.
//
//   bench_feeds_parse [--feeds N] [--items N] [--runs N] [--no-python] [--keep]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "feeds/parse/feed.hpp"

namespace fs = std::filesystem;
using herald::feeds::parse_feed;

namespace {

struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

const char* kWords[] = {"minister",     "talks",      "ceasefire", "Cairo",     "Doha",
                        "Riyadh",       "delegation", "agreement", "foreign",   "envoy",
                        "Tehran",       "Ankara",     "Amman",     "summit",    "the",
                        "of",           "and",        "in",        "to",        "a",
                        "on",           "said",       "officials", "meeting",   "week",
                        "Tuesday",      "president",  "security",  "council",   "resolution",
                        "humanitarian", "aid",        "border",    "crossing",  "negotiations",
                        "Gaza",         "Beirut",     "Baghdad",   "sanctions", "statement",
                        "spokesman",    "visit",      "bilateral", "relations", "embassy",
                        "ambassador",   "prime",      "spoke",     "phone"};

std::string sentence(Rng& r, std::size_t words) {
    std::string s;
    for (std::size_t i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += kWords[r.pick(std::size(kWords))];
    }
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

// A news item body as HTML: paragraphs, links, emphasis, an image.
std::string html_body(Rng& r) {
    std::string h;
    const std::size_t paras = 2 + r.pick(4);
    for (std::size_t p = 0; p < paras; ++p) {
        h += "<p>" + sentence(r, 12 + r.pick(20)) + ", <a href=\"https://news.example.com/t/" +
             std::to_string(r.pick(100000)) + "\">" + sentence(r, 3) + "</a> " + "<em>" +
             sentence(r, 4) + "</em> &amp; " + sentence(r, 10 + r.pick(15)) + ".</p>";
    }
    h += "<img src=\"https://img.example.com/" + std::to_string(r.pick(1000000)) +
         ".jpg\" alt=\"photo\"/>";
    return h;
}

std::string escape_xml(const std::string& s) {
    std::string o;
    o.reserve(s.size() + s.size() / 5);
    for (const char c : s) {
        if (c == '<')
            o += "&lt;";
        else if (c == '>')
            o += "&gt;";
        else if (c == '&')
            o += "&amp;";
        else if (c == '"')
            o += "&quot;";
        else
            o += c;
    }
    return o;
}

std::string rfc822(Rng& r) {
    static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02zu %s 2024 %02zu:%02zu:%02zu +0000", days[r.pick(7)],
                  1 + r.pick(28), months[r.pick(12)], r.pick(24), r.pick(60), r.pick(60));
    return buf;
}

std::string iso(Rng& r) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "2024-%02zu-%02zuT%02zu:%02zu:%02zuZ", 1 + r.pick(12),
                  1 + r.pick(28), r.pick(24), r.pick(60), r.pick(60));
    return buf;
}

std::string make_rss(Rng& r, int feed, std::size_t items) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:media=\"http://search.yahoo.com/mrss/\" "
        "xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
    x += "  <title>Example News " + std::to_string(feed) + " - World</title>\n";
    x += "  <link>https://news.example.com/world</link>\n";
    x += "  <atom:link href=\"https://news.example.com/rss\" rel=\"self\" "
         "type=\"application/rss+xml\"/>\n";
    x += "  <description>" + sentence(r, 8) + "</description>\n  <language>en-gb</language>\n";
    x += "  <lastBuildDate>" + rfc822(r) + "</lastBuildDate>\n  <ttl>15</ttl>\n";
    for (std::size_t i = 0; i < items; ++i) {
        const std::string id = std::to_string(feed) + "-" + std::to_string(i);
        x += "  <item>\n    <title>" + escape_xml(sentence(r, 6 + r.pick(8))) + "</title>\n";
        x += "    <link>https://news.example.com/world/" + id + "</link>\n";
        x += "    <guid isPermaLink=\"false\">urn:example:" + id + "</guid>\n";
        x += "    <pubDate>" + rfc822(r) + "</pubDate>\n";
        x += "    <dc:creator>" + sentence(r, 2) + "</dc:creator>\n";
        x += "    <category>" + sentence(r, 1) + "</category>\n";
        x += "    <description>" + escape_xml(html_body(r)) + "</description>\n";
        if (r.pick(2) == 0)
            x += "    <content:encoded><![CDATA[" + html_body(r) + "]]></content:encoded>\n";
        x += "    <media:thumbnail url=\"https://img.example.com/" + id + ".jpg\"/>\n  </item>\n";
    }
    x += "</channel>\n</rss>\n";
    return x;
}

std::string make_atom(Rng& r, int feed, std::size_t items) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
        "xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n";
    x += "  <title>Example Wire " + std::to_string(feed) + "</title>\n";
    x += "  <link href=\"https://wire.example.org/\"/>\n  <id>urn:example:wire:" +
         std::to_string(feed) + "</id>\n";
    x += "  <updated>" + iso(r) + "</updated>\n";
    for (std::size_t i = 0; i < items; ++i) {
        const std::string id = std::to_string(feed) + "-" + std::to_string(i);
        x += "  <entry>\n    <title type=\"html\">" + escape_xml(sentence(r, 6 + r.pick(8))) +
             "</title>\n";
        x += "    <link rel=\"alternate\" type=\"text/html\" href=\"https://wire.example.org/" +
             id + "\"/>\n";
        x += "    <id>urn:example:wire:" + id + "</id>\n";
        x += "    <published>" + iso(r) + "</published>\n    <updated>" + iso(r) + "</updated>\n";
        x += "    <author><name>" + sentence(r, 2) + "</name></author>\n";
        x += "    <category term=\"" + sentence(r, 1) + "\"/>\n";
        x += "    <summary type=\"html\">" + escape_xml(sentence(r, 25)) + "</summary>\n";
        x += "    <content type=\"html\">" + escape_xml(html_body(r) + html_body(r)) +
             "</content>\n  </entry>\n";
    }
    x += "</feed>\n";
    return x;
}

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
    int n_feeds = 200, runs = 5;
    std::size_t n_items = 32;
    bool python = true, keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--feeds" && i + 1 < argc)
            n_feeds = std::atoi(argv[++i]);
        else if (a == "--items" && i + 1 < argc)
            n_items = static_cast<std::size_t>(std::atoi(argv[++i]));
        else if (a == "--runs" && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (a == "--no-python")
            python = false;
        else if (a == "--keep")
            keep = true;
        else {
            std::cerr << "usage: bench_feeds_parse [--feeds N] [--items N] [--runs N] "
                         "[--no-python] [--keep]\n";
            return 2;
        }
    }
    char tmpl[] = "/tmp/herald-bench-feeds-XXXXXX";
    if (!mkdtemp(tmpl)) {
        std::perror("mkdtemp");
        return 1;
    }
    const fs::path dir = tmpl;
    Rng rng{0x9E3779B97F4A7C15ULL};
    std::vector<std::string> corpus;
    std::size_t total = 0;
    for (int f = 0; f < n_feeds; ++f) {
        std::string doc = (f % 10 < 7) ? make_rss(rng, f, n_items) : make_atom(rng, f, n_items);
        char name[32];
        std::snprintf(name, sizeof name, "feed%03d.xml", f);
        std::ofstream(dir / name, std::ios::binary) << doc;
        total += doc.size();
        corpus.push_back(read_file(dir / name));
    }
    const double mb = static_cast<double>(total) / 1e6;
    std::printf("corpus: %d feeds, %zu items each, %.1f MB in %s\n", n_feeds, n_items, mb,
                dir.c_str());

    // CPU time of this thread: robust on a shared machine (wall time printed too).
    const auto cpu_now = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
    };
    using clock = std::chrono::steady_clock;
    double best = 1e30, best_wall = 1e30;
    std::size_t items = 0;
    for (int r = 0; r < runs; ++r) {
        items = 0;
        const auto t0 = clock::now();
        const double c0 = cpu_now();
        for (const auto& doc : corpus) {
            auto res = parse_feed(doc);
            if (!res) {
                std::cerr << "parse failed: " << res.error().str() << "\n";
                return 1;
            }
            items += res->items.size();
        }
        best = std::min(best, cpu_now() - c0);
        best_wall = std::min(best_wall, std::chrono::duration<double>(clock::now() - t0).count());
    }
    const double herald_mbs = mb / best;
    std::printf(
        "herald parse_feed: %.3f s CPU, %.0f MB/s (wall %.3f s, %.0f MB/s), %zu items "
        "(best of %d runs, 1 thread)\n",
        best, herald_mbs, best_wall, mb / best_wall, items, runs);

    // html_to_text on every item's content (separate step in the daemon).
    {
        std::vector<std::string> htmls;
        std::size_t html_bytes = 0;
        for (const auto& doc : corpus) {
            auto res = parse_feed(doc);
            for (auto& it : res->items) {
                html_bytes += it.content.size() + it.summary.size();
                htmls.push_back(it.content.empty() ? it.summary : it.content);
            }
        }
        const double c0 = cpu_now();
        std::size_t chars = 0;
        for (const auto& h : htmls) chars += herald::feeds::html_to_text(h).size();
        const double s = cpu_now() - c0;
        std::printf("herald html_to_text: %zu documents, %.1f MB/s (%zu chars out)\n", htmls.size(),
                    static_cast<double>(html_bytes) / 1e6 / s, chars);
    }

    if (python) {
        const fs::path script = dir / "bench.py";
        std::ofstream(script) << "import feedparser, glob, sys, time\n"
                                 "files = sorted(glob.glob(sys.argv[1] + '/feed*.xml'))\n"
                                 "data = [open(f, 'rb').read() for f in files]\n"
                                 "t0 = time.process_time()\n"
                                 "n = 0\n"
                                 "for d in data:\n"
                                 "    n += len(feedparser.parse(d).entries)\n"
                                 "print(time.process_time() - t0, n)\n";
        const std::string cmd = "/usr/bin/python3 " + script.string() + " " + dir.string();
        FILE* p = popen(cmd.c_str(), "r");
        double secs = 0;
        std::size_t py_items = 0;
        if (p && std::fscanf(p, "%lf %zu", &secs, &py_items) == 2 && secs > 0) {
            const double py_mbs = mb / secs;
            std::printf("python3-feedparser (same corpus): %.3f s CPU, %.2f MB/s, %zu items\n",
                        secs, py_mbs, py_items);
            std::printf("ratio herald/feedparser: %.0fx\n", herald_mbs / py_mbs);
        } else {
            std::printf("python3-feedparser: not available\n");
        }
        if (p) pclose(p);
    }
    if (!keep) fs::remove_all(dir);
    return 0;
}

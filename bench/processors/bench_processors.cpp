// Articles per second per core for the default extraction pipeline on a
// deterministic corpus of ~4 KB news texts, built from sentence templates and
// the held-out dev articles (tests/seeds/heldout).
//
//   bench_processors [--articles N] [--data-dir DIR] [--dev-dir DIR] [--stages] [--dump FILE]
//
// Times are thread CPU time (the machine may be shared). --dump writes the
// contract JSON of every event of the corpus (default run and --all run) to
// FILE, for check_same_output.sh.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "processors/pipeline.hpp"

namespace {

struct Rng {  // xorshift64*, deterministic
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717ULL;
    }
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

const char* const kPeople[] = {"Saudi Foreign Minister Prince Faisal bin Farhan",
                               "Turkish Foreign Minister Hakan Fidan",
                               "Egyptian President Abdel Fattah al-Sisi",
                               "Jordanian Foreign Minister Ayman Safadi",
                               "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani",
                               "UN envoy Hans Grundberg",
                               "EU foreign policy chief Josep Borrell",
                               "Lebanese Prime Minister Najib Mikati",
                               "Omani Foreign Minister Badr Albusaidi",
                               "Iraqi Prime Minister Mohammed Shia al-Sudani"};
const char* const kPlaces[] = {"Cairo",  "Doha",    "Riyadh", "Amman",    "Beirut", "Tehran",
                               "Ankara", "Baghdad", "Muscat", "Brussels", "Paris",  "Abu Dhabi"};
const char* const kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                             "Friday", "Saturday", "Sunday"};
const char* const kTemplates[] = {
    "{P} arrived in {L} on {D} for talks on a ceasefire in Gaza.",
    "{P} met his counterpart in {L} on {D} to discuss the release of hostages.",
    "{P} is scheduled to travel to {L} on {D}, officials said.",
    "\"We need an immediate end to the fighting,\" {P} told reporters in {L}.",
    "{P} called for more humanitarian aid to reach civilians in the Gaza Strip.",
    "The talks, mediated by Egypt and Qatar, are expected to resume in {L} next week.",
    "An Israeli strike in southern Lebanon killed three people on {D}, officials said.",
    "{P} rejected the proposal, saying it did not address the humanitarian crisis.",
    "Saudi Arabia pledged $50 million in humanitarian aid for Palestinian refugees.",
    "{P} did not meet Hamas officials during the visit, a spokesman said.",
    "Houthi rebels fired missiles at a cargo ship in the Red Sea on {D}.",
    "Analysts said the visit, his fifth to the region this year, reflected growing concern.",
    "Markets in the region were calm as traders waited for news from the negotiations.",
    "The statement did not say when the next round of talks would take place."};

std::string fill(std::string t, Rng& r) {
    auto rep = [&](const std::string& key, const char* val) {
        for (std::size_t p; (p = t.find(key)) != std::string::npos;) t.replace(p, key.size(), val);
    };
    rep("{P}", kPeople[r.pick(std::size(kPeople))]);
    rep("{L}", kPlaces[r.pick(std::size(kPlaces))]);
    rep("{D}", kDays[r.pick(std::size(kDays))]);
    return t;
}

std::vector<std::string> dev_sentences(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() != ".txt") continue;
        std::ifstream in(e.path());
        std::string line;
        while (std::getline(in, line))
            if (!line.empty()) out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> corpus(std::size_t n, const std::vector<std::string>& dev) {
    Rng r{0x9E3779B97F4A7C15ULL};
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string a;
        while (a.size() < 4000) {
            const std::size_t k = r.pick(std::size(kTemplates) + dev.size());
            a +=
                k < std::size(kTemplates) ? fill(kTemplates[k], r) : dev[k - std::size(kTemplates)];
            a += r.pick(3) == 0 ? "\n" : " ";
        }
        out.push_back(std::move(a));
    }
    return out;
}

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Every event of every article as contract JSON lines, with a fixed stamp.
void dump(const herald::processors::Pipeline& p, const std::vector<std::string>& docs,
          const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    herald::processors::Article a;
    a.id = "art_bench";
    a.published = 1718000000;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        a.text = docs[i];
        for (const bool all : {false, true}) {
            herald::processors::RunOptions opts;
            opts.include_out_of_region = all;
            out << "# article " << i << (all ? " --all" : "") << '\n';
            const auto r = p.run(a, opts);
            if (!r) {
                out << "error: " << r.error().str() << '\n';
                continue;
            }
            for (const auto& ev : *r) {
                const herald::processors::EventMeta meta{herald::processors::event_id(ev), 1, 1,
                                                         "2024-06-10T06:13:20Z",
                                                         "2024-06-10T06:13:20Z"};
                out << herald::processors::to_contract_json(ev, meta).dump() << '\n';
            }
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = 2000;
    bool breakdown = false;
    std::string data_dir = std::string(HERALD_SOURCE_DIR) + "/config";
    std::string dump_file;
    std::string dev_dir = std::string(HERALD_SOURCE_DIR) + "/tests/seeds/heldout";
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--stages") breakdown = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--articles") n = static_cast<std::size_t>(std::stoul(argv[i + 1]));
        if (a == "--data-dir") data_dir = argv[i + 1];
        if (a == "--dump") dump_file = argv[i + 1];
        if (a == "--dev-dir") dev_dir = argv[i + 1];
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto p = herald::processors::Pipeline::build(YAML::Node(), data_dir, "<bench>");
    const auto t1 = std::chrono::steady_clock::now();
    const auto docs = corpus(n, dev_sentences(dev_dir));
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.size();
    if (!dump_file.empty()) {
        dump(*p, docs, dump_file);
        return 0;
    }

    herald::processors::Article a;
    a.id = "art_bench";
    a.published = 1718000000;
    std::size_t events = 0;
    // warm-up
    for (std::size_t i = 0; i < std::min<std::size_t>(50, docs.size()); ++i) {
        a.text = docs[i];
        (void)p->run(a);
    }
    const double t2 = cpu_seconds();
    for (const auto& d : docs) {
        a.text = d;
        auto r = p->run(a);
        if (r) events += r->size();
    }
    const double t3 = cpu_seconds();
    const double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    const double secs = t3 - t2;
    std::printf("pipeline build (data load): %.1f ms\n", load_ms);
    std::printf("articles: %zu, avg %.0f bytes, events: %zu\n", docs.size(),
                static_cast<double>(bytes) / static_cast<double>(docs.size()), events);
    if (breakdown) {
        // cumulative chains: the difference between consecutive lines is one stage's cost
        const char* const names[] = {"normalise", "segment", "entities",   "coreference", "events",
                                     "modality",  "dates",   "attributes", "region",      "merge"};
        std::string chain = "[";
        for (const char* nm : names) {
            chain += std::string(chain.size() > 1 ? ", " : "") + nm;
            const auto pp =
                herald::processors::Pipeline::build(YAML::Load(chain + "]"), data_dir, "<bench>");
            const double b0 = cpu_seconds();
            for (const auto& doc : docs) {
                a.text = doc;
                (void)pp->run(a);
            }
            const double us = (cpu_seconds() - b0) * 1e6 / static_cast<double>(docs.size());
            std::printf("  up to %-12s %8.1f us/article\n", nm, us);
        }
    }
    std::printf("throughput (1 core): %.0f articles/s, %.1f MB/s, %.1f us/article\n",
                static_cast<double>(docs.size()) / secs, static_cast<double>(bytes) / secs / 1e6,
                secs * 1e6 / static_cast<double>(docs.size()));
    return 0;
}

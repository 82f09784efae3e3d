// Calibrated precision policy (config/extraction/precision.yaml, applied by the merge
// processor; analysis in tests/heldout/CALIBRATION.md): kinds of finished events whose pooled
// precision is too low are dropped, everything else passes. Sentences are our own; the
// fixture gazetteer knows Haddad (JOR), Brandt (USA), the United Nations, the Arab League and
// the states Egypt, Jordan, Qatar, Israel, Lebanon, France.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

#include "config/diagnostics.hpp"
#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;
namespace fs = std::filesystem;

// Publication: Tuesday 2024-01-16.

// The default chain with the shipped policy on, and off (the rule tests' fixture).
std::vector<Event> published(const std::string& text) {
    static const auto p = fixture_pipeline(true);
    auto r = p->run(article(text));
    return r ? *r : std::vector<Event>{};
}
std::vector<Event> unfiltered(const std::string& text) {
    static const auto p = fixture_pipeline(false);
    auto r = p->run(article(text));
    return r ? *r : std::vector<Event>{};
}

TEST(PrecisionPolicy, AnAttackWithoutAPlaceIsDropped) {
    const std::string s = "Israeli jets fired missiles at the city on Monday, killing four people.";
    const auto before = of_type(unfiltered(s), "attack");
    ASSERT_EQ(before.size(), 1u);  // the rules find it, without a place
    EXPECT_FALSE(before[0].location.has_value());
    EXPECT_TRUE(of_type(published(s), "attack").empty());
    // negative control: the same attack with its place is published
    const auto a = of_type(
        published("Israeli jets fired missiles at Tyre on Monday, killing four people."), "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Tyre");
}

TEST(PrecisionPolicy, AStatementOfOrganisationsOnlyIsDropped) {
    const std::string s = "The UN said on Monday that the crossings into Gaza must reopen.";
    const auto before = of_type(unfiltered(s), "statement");
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].actors.at(0).kind, "organisation");
    EXPECT_TRUE(of_type(published(s), "statement").empty());
    // negative controls: a person's and a state's saying are published
    const auto p = of_type(
        published("Haddad said on Monday that the crossings into Gaza must reopen."), "statement");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_TRUE(has(p[0].actors, "Amal Haddad"));
    const auto c = of_type(
        published("Jordan said on Monday that the crossings into Gaza must reopen."), "statement");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_TRUE(has(c[0].actors, "JOR"));
}

TEST(PrecisionPolicy, OtherKindsPassUnchanged) {
    // a meeting without a place and an aid pledge are no kinds the policy names
    for (const char* s : {"Haddad met Brandt on Monday to discuss the crossings.",
                          "Qatar will give Jordan's government $500 million in new economic "
                          "support, Haddad said on Monday."}) {
        const auto a = unfiltered(s), b = published(s);
        ASSERT_FALSE(a.empty()) << s;
        ASSERT_EQ(a.size(), b.size()) << s;
        for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].type, b[i].type) << s;
    }
}

// ---------------------------------------------------------------- data file

// A data dir with the shipped extraction data and a precision.yaml of our own (none when
// `precision` is empty).
class PolicyData : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::path(HERALD_BINARY_DIR) / "processors_calibration" /
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "extraction");
        for (const char* f : {"lexicon.yaml", "patterns.yaml", "topics.yaml", "region.yaml"})
            fs::copy_file(fs::path(data_dir()) / "extraction" / f, dir_ / "extraction" / f);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::shared_ptr<const Pipeline> build(const std::string& precision) {
        if (!precision.empty()) std::ofstream(dir_ / "extraction" / "precision.yaml") << precision;
        const YAML::Node chain =
            YAML::Load("[{name: normalise}, {name: segment}, {name: entities, gazetteer_dir: '" +
                       fixture_gazetteer() +
                       "'}, {name: coreference}, {name: events}, {name: modality}, "
                       "{name: dates}, {name: attributes}, {name: region}, {name: merge}]");
        return Pipeline::build(chain, dir_.string(), "herald.yaml");
    }
    std::string error(const std::string& precision) {
        try {
            build(precision);
        } catch (const config::ConfigError& e) {
            return e.what();
        }
        return "";
    }
    static std::vector<Event> run(const Pipeline& p, const std::string& text) {
        auto r = p.run(article(text));
        return r ? *r : std::vector<Event>{};
    }

    fs::path dir_;
};

TEST_F(PolicyData, NoFileNoPolicy) {
    const auto p = build("");
    EXPECT_EQ(of_type(run(*p,
                          "Israeli jets fired missiles at the city on Monday, killing four "
                          "people."),
                      "attack")
                  .size(),
              1u);
}

TEST_F(PolicyData, TargetCountAndDateConditions) {
    const auto p = build(
        "precision:\n  drop:\n    - {type: aid, targets: 0}\n"
        "    - {type: meeting, dated: false, location: false, actor_kind: person}\n");
    // aid without a recipient is dropped; aid to a named state is kept
    EXPECT_TRUE(of_type(run(*p,
                            "France increased its humanitarian aid for Palestinians in Gaza "
                            "to 100 million euros on Monday."),
                        "aid")
                    .empty());
    EXPECT_FALSE(of_type(run(*p,
                             "Qatar will give Jordan's government $500 million in new "
                             "economic support, Haddad said on Monday."),
                         "aid")
                     .empty());
    // an undated meeting of people without a place is dropped; dated, it is kept
    EXPECT_TRUE(
        of_type(run(*p, "Haddad has met Brandt to discuss the crossings."), "meeting").empty());
    EXPECT_EQ(
        of_type(run(*p, "Haddad met Brandt on Monday to discuss the crossings."), "meeting").size(),
        1u);
    // the shipped rules are not in this file: an organisation's statement passes
    EXPECT_EQ(of_type(run(*p, "The UN said on Monday that the crossings into Gaza must reopen."),
                      "statement")
                  .size(),
              1u);
}

TEST_F(PolicyData, BadRulesAreReportedWithPosition) {
    std::string e = error("precision:\n  drop:\n    - {type: attack, place: false}\n");
    EXPECT_NE(e.find("precision.yaml:3:"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown key 'place'"), std::string::npos) << e;
    e = error("precision:\n  drop:\n    - {type: strike}\n");
    EXPECT_NE(e.find("unknown event type 'strike'"), std::string::npos) << e;
    e = error("precision:\n  drop:\n    - {type: attack, location: maybe}\n");
    EXPECT_NE(e.find("true or false"), std::string::npos) << e;
    e = error("precision:\n  drop:\n    - {type: statement, actor_kind: body}\n");
    EXPECT_NE(e.find("unknown actor kind 'body'"), std::string::npos) << e;
    e = error("precision:\n  drop:\n    - {type: aid, targets: -1}\n");
    EXPECT_NE(e.find("'targets' must be"), std::string::npos) << e;
    e = error("precision:\n  drop:\n    - {location: false}\n");
    EXPECT_NE(e.find("missing 'type'"), std::string::npos) << e;
    e = error("drop: []\n");
    EXPECT_NE(e.find("unknown key 'drop'"), std::string::npos) << e;
}

}  // namespace
}  // namespace herald::processors

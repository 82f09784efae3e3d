#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/diagnostics.hpp"
#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string build_error(const std::string& yaml) {
    try {
        Pipeline::build(YAML::Load(yaml), data_dir(), "herald.yaml");
    } catch (const config::ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(Config, DefaultChainBuildsFromTheRepoData) {
    const auto p = Pipeline::build(YAML::Node(), data_dir(), "<default>");
    const auto names = p->processor_names();
    EXPECT_EQ(names.front(), "normalise");
    EXPECT_EQ(names.back(), "merge");
    EXPECT_EQ(names.size(), 10u);
}

TEST(Config, ShippedPipelineYamlIsTheDefaultChain) {
    const YAML::Node root = YAML::LoadFile(data_dir() + "/extraction/pipeline.yaml");
    const auto p = Pipeline::build(root["pipeline"]["processors"], data_dir(), "pipeline.yaml");
    EXPECT_EQ(p->processor_names(),
              Pipeline::build(YAML::Node(), data_dir(), "")->processor_names());
}

TEST(Config, UnknownProcessorNameIsReportedWithPosition) {
    const std::string e = build_error("- {name: normalise}\n- {name: tokenise}\n");
    EXPECT_NE(e.find("herald.yaml:2:3"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown processor 'tokenise'"), std::string::npos) << e;
    EXPECT_NE(e.find("segment"), std::string::npos) << e;  // lists the known ones
}

TEST(Config, UnknownOptionAndWrongType) {
    std::string e = build_error("- {name: normalise, nfk: true}\n");
    EXPECT_NE(e.find("herald.yaml:1:21"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown option 'nfk'"), std::string::npos) << e;
    e = build_error("- {name: normalise}\n- {name: segment, abbreviations: Dr}\n");
    EXPECT_NE(e.find("herald.yaml:2:"), std::string::npos) << e;
    EXPECT_NE(e.find("list of strings"), std::string::npos) << e;
    e = build_error("- {name: normalise, nfc: maybe}\n");
    EXPECT_NE(e.find("true or false"), std::string::npos) << e;
}

TEST(Config, OrderAndDuplicatesAreChecked) {
    std::string e = build_error("- {name: events}\n");
    EXPECT_NE(e.find("needs 'entities' earlier"), std::string::npos) << e;
    e = build_error("- normalise\n- normalise\n");
    EXPECT_NE(e.find("appears twice"), std::string::npos) << e;
    e = build_error("{name: normalise}\n");
    EXPECT_NE(e.find("must be a list"), std::string::npos) << e;
}

TEST(Config, MissingDataIsAStartupError) {
    EXPECT_THROW(Pipeline::build(YAML::Node(), "/nonexistent-herald-data", "x"),
                 config::ConfigError);
}

TEST(Config, SegmentAbbreviationsOptionIsUsed) {
    const YAML::Node chain = YAML::Load(
        "[normalise, {name: segment, abbreviations: [Amb.]}, {name: entities, gazetteer_dir: '" +
        fixture_gazetteer() +
        "'}, coreference, events, modality, dates, attributes, region, merge]");
    const auto p = Pipeline::build(chain, data_dir(), "x");
    const auto r = p->run(article("Amb. Haddad arrived in Cairo on Monday. Selim met her."));
    ASSERT_TRUE(r);
    // "Amb." did not end the sentence, so the visit's evidence is the whole first sentence
    bool found = false;
    for (const auto& e : *r)
        if (e.type == "visit") {
            found = true;
            EXPECT_EQ(e.evidence.at(0).sentence, "Amb. Haddad arrived in Cairo on Monday.");
        }
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace herald::processors

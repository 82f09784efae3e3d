// End-to-end behaviour of the default chain over the fixture gazetteer and the
// real extraction data (config/extraction).
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "processors/extract_cli.hpp"

namespace herald::processors {
namespace {

using namespace testing;

TEST(Events, VisitWithTitleAndUnknownName) {
    const auto evs = extract("Egyptian Foreign Minister Karim Nassar arrived in Amman on Monday.");
    const auto v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 1u);
    ASSERT_EQ(v[0].actors.size(), 1u);
    EXPECT_EQ(v[0].actors[0].name, "Karim Nassar");
    EXPECT_EQ(v[0].actors[0].kind, "person");
    EXPECT_EQ(v[0].actors[0].role, "Foreign Minister");
    EXPECT_EQ(v[0].actors[0].country, "EGY");
    ASSERT_TRUE(v[0].location.has_value());
    EXPECT_EQ(v[0].location->name, "Amman");
    EXPECT_EQ(v[0].status, "occurred");
    EXPECT_EQ(v[0].date, "2024-01-15");
    EXPECT_EQ(v[0].category, "diplomacy");
    EXPECT_EQ(v[0].cameo, "042");
}

TEST(Events, NegationAndDenialProduceNothing) {
    EXPECT_TRUE(of_type(extract("Haddad did not meet Selim in Cairo."), "meeting").empty());
    EXPECT_TRUE(of_type(extract("Haddad denied meeting Selim in Cairo."), "meeting").empty());
    EXPECT_TRUE(of_type(extract("Haddad never met Selim."), "meeting").empty());
    EXPECT_TRUE(
        of_type(extract("Brandt arrived in Cairo. His itinerary did not include Israel."), "visit")
            .size() == 1u);
    // the positive control
    EXPECT_EQ(of_type(extract("Haddad met Selim in Cairo."), "meeting").size(), 1u);
}

TEST(Events, PlannedVersusOccurredAndWeekBoundaries) {
    // published Tuesday 2024-01-16
    auto evs = extract("Haddad will travel to Cairo on Thursday.");
    auto v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].status, "planned");
    EXPECT_EQ(v[0].date, "2024-01-18");

    evs = extract("Haddad arrived in Cairo on Thursday.");
    v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].status, "occurred");
    EXPECT_EQ(v[0].date, "2024-01-11");

    for (const char* s : {"Haddad is scheduled to visit Cairo.", "Haddad is set to visit Cairo.",
                          "Haddad is expected to visit Cairo.", "Haddad plans to visit Cairo.",
                          "Haddad is due to visit Cairo."}) {
        v = of_type(extract(s), "visit");
        ASSERT_EQ(v.size(), 1u) << s;
        EXPECT_EQ(v[0].status, "planned") << s;
        EXPECT_FALSE(v[0].date.has_value()) << s;
    }
}

TEST(Events, PlannedAndOccurredVisitsStayApart) {
    const auto evs =
        extract("Haddad arrived in Cairo on Monday. She will travel to Cairo again on Sunday.");
    const auto v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 2u);
    EXPECT_NE(v[0].status, v[1].status);
    EXPECT_NE(event_id(v[0]), event_id(v[1]));
}

TEST(Dates, RelativeCues) {
    auto v = of_type(extract("Haddad arrived in Cairo nine days ago."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].date, "2024-01-07");
    v = of_type(extract("Haddad arrived in Cairo yesterday."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].date, "2024-01-15");
    v = of_type(extract("Haddad arrived in Cairo last week."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_FALSE(v[0].date.has_value());  // no day in the text
    v = of_type(extract("Haddad arrived in Cairo on January 3."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].date, "2024-01-03");
    v = of_type(extract("Haddad will travel to Cairo later this week."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].status, "planned");
    EXPECT_FALSE(v[0].date.has_value());
}

TEST(Dates, TheLedesDayCarriesToTheSameOccasion) {
    // 2024-01-16 is a Tuesday: "on Monday" is 2024-01-15.
    const auto evs = extract(
        "Haddad met Selim in Amman on Monday.\n\n"
        "The talks focused on the crossings into Gaza, officials said.\n\n"
        "Selim called for an immediate ceasefire in Gaza.\n\n"
        "Jordan and Egypt agreed to reopen the border crossing.\n\n"
        "Israel and Hamas agreed to a truce.\n\n"
        "Haddad had called for a ceasefire in Gaza before.");
    const auto appeals = of_type(evs, "appeal");
    ASSERT_FALSE(appeals.empty());
    bool selim = false;
    for (const auto& e : appeals) {
        if (e.actors.empty()) continue;
        if (e.actors[0].name == "Omar Selim") {
            selim = true;
            EXPECT_EQ(e.date, "2024-01-15");  // the counterpart of the lede's meeting
        } else if (e.actors[0].name == "Amal Haddad") {
            EXPECT_FALSE(e.date.has_value());  // past perfect: background
        }
    }
    EXPECT_TRUE(selim);
    // "days after" and the past perfect put an appeal at another time
    for (const char* later : {"Days after Brandt met Selim in Cairo, Haddad called for restraint.",
                              "Haddad had called for restraint before."}) {
        const auto other = of_type(
            extract(std::string("Haddad met Selim in Amman on Monday.\n\n") + later), "appeal");
        ASSERT_EQ(other.size(), 1u) << later;
        EXPECT_FALSE(other[0].date.has_value()) << later;
    }
    int named = 0, unnamed = 0;
    for (const auto& e : of_type(evs, "agreement")) {
        bool israel = false;
        for (const auto* v : {&e.actors, &e.targets})
            for (const auto& p : *v) israel = israel || p.country == "ISR";
        if (israel) {
            ++unnamed;
            EXPECT_FALSE(e.date.has_value());  // parties the lede did not name
        } else {
            ++named;
            EXPECT_EQ(e.date, "2024-01-15");  // the lede's two states
        }
    }
    EXPECT_EQ(named, 1);
    EXPECT_EQ(unnamed, 1);
}

TEST(Dates, TheSameOccasionInOneSentenceSharesTheDay) {
    // the talks of the same parties in the sentence of the dated agreement
    auto evs = extract(
        "Jordan and Egypt agreed on Monday to reopen the crossing, after Haddad held talks with "
        "Selim in Amman.");
    const auto talks = of_type(evs, "meeting");
    ASSERT_EQ(talks.size(), 1u);
    EXPECT_EQ(talks[0].date, "2024-01-15");
    // "since" puts the agreement at another time
    evs = extract(
        "Haddad met Selim in Amman on Monday, the first meeting since Jordan and Egypt agreed "
        "to reopen the crossing.");
    const auto agreements = of_type(evs, "agreement");
    ASSERT_EQ(agreements.size(), 1u);
    EXPECT_FALSE(agreements[0].date.has_value());
}

TEST(Coreference, PronounsPointToTheSubject) {
    const auto evs =
        extract("Brandt arrived in Cairo on Monday. He met Egyptian President Omar Selim.");
    const auto m = of_type(evs, "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(has(m[0].actors, "Peter Brandt"));
    EXPECT_TRUE(has(m[0].targets, "Omar Selim"));
}

TEST(Coreference, RoleAndMetonymAndGroup) {
    // "the top US diplomat" -> the gazetteer's Secretary of State on that day
    auto v = of_type(extract("The top US diplomat arrived in Doha."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].actors.at(0).name, "Peter Brandt");
    // "Washington" as a government -> the country
    const auto a =
        of_type(extract("Washington released $1.3 billion in military aid to Egypt."), "aid");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].actors.at(0).country, "USA");
    EXPECT_EQ(a[0].actors.at(0).kind, "country");
    EXPECT_TRUE(has(a[0].targets, "EGY"));
    EXPECT_EQ(a[0].attributes["amount"]["value"], 1300000000);
    EXPECT_EQ(a[0].attributes["amount"]["currency"], "USD");
    // "the militants" -> the last group
    const auto r =
        of_type(extract("Hamas received the plan. The militants rejected it."), "rejection");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].actors.at(0).name, "Hamas");
    // "the two diplomats"
    const auto s =
        of_type(extract("Haddad met Brandt in Amman. The two diplomats said talks would go on."),
                "statement");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_TRUE(has(s[0].actors, "Amal Haddad"));
    EXPECT_TRUE(has(s[0].actors, "Peter Brandt"));
}

TEST(Attributes, OrdinalCasualtiesAndQuote) {
    auto evs = extract("Brandt arrived in Cairo on his tenth visit to the region.");
    auto v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].attributes["ordinal"], 10);

    evs =
        extract("A drone attack on a base in Jordan killed three soldiers and wounded 25 others.");
    auto a = of_type(evs, "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].attributes["killed"], 3);
    EXPECT_EQ(a[0].attributes["injured"], 25);
    EXPECT_EQ(a[0].category, "conflict");

    evs = extract("\"We want a ceasefire now,\" Selim said in Cairo.");
    auto s = of_type(evs, "statement");
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].attributes["quote"], "We want a ceasefire now");
    EXPECT_EQ(s[0].attributes["topics"][0], "ceasefire");
}

TEST(Events, NegotiationWithMediators) {
    const auto n = of_type(
        extract("Talks between Israel and Hamas, mediated by Egypt and Qatar, resumed in Cairo."),
        "negotiation");
    ASSERT_EQ(n.size(), 1u);
    const auto& med = n[0].attributes["mediators"];
    ASSERT_EQ(med.size(), 2u);
    EXPECT_EQ(n[0].status, "ongoing");
}

TEST(Merge, DuplicatesInOneArticleBecomeOneEventWithMoreEvidence) {
    const std::string text =
        "Haddad arrived in Cairo on Monday.\nDuring her visit to Cairo, Haddad also met students.";
    const auto v = of_type(extract(text), "visit");
    ASSERT_EQ(v.size(), 1u);
    ASSERT_EQ(v[0].evidence.size(), 2u);
    EXPECT_EQ(v[0].date, "2024-01-15");
}

TEST(Evidence, OffsetsPointIntoTheOriginalText) {
    // curly quotes and a non-breaking space before the sentence shift byte offsets
    const std::string text =
        "\xE2\x80\x9CPeace,\xE2\x80\x9D\xC2\xA0they said.\n\nHaddad arrived in Cairo on Monday.";
    const auto v = of_type(extract(text), "visit");
    ASSERT_EQ(v.size(), 1u);
    const auto& e = v[0].evidence.at(0);
    EXPECT_EQ(text.substr(e.start, e.end - e.start), "Haddad arrived in Cairo on Monday.");
    EXPECT_EQ(e.sentence, "Haddad arrived in Cairo on Monday.");
    EXPECT_EQ(e.article_id, "art_test");
}

TEST(Region, OutOfRegionEventsAreFilteredUnlessAsked) {
    const std::string text = "Brandt arrived in Paris on Monday.";
    EXPECT_TRUE(of_type(extract(text), "visit").empty());
    EXPECT_EQ(of_type(extract(text, "2024-01-16T12:00:00Z", true), "visit").size(), 1u);
    // a meeting in Paris about Gaza counts
    EXPECT_EQ(of_type(extract("Brandt met French officials in Paris to discuss a Gaza ceasefire."),
                      "meeting")
                  .size(),
              1u);
}

TEST(Pipeline, ChangedParagraphsLimitTheOutput) {
    static const auto p = fixture_pipeline();
    const Article a = article("Haddad arrived in Cairo on Monday.\nSelim met Haddad in Cairo.");
    std::vector<bool> changed{false, true};
    RunOptions o;
    o.changed_paragraphs = &changed;
    const auto r = p->run(a, o);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ((*r)[0].type, "meeting");
    EXPECT_EQ(Pipeline::paragraphs(a.text).size(), 2u);
}

TEST(Pipeline, GarbageInputIsHandled) {
    static const auto p = fixture_pipeline();
    std::string junk;
    for (int i = 0; i < 2000; ++i) junk.push_back(static_cast<char>((i * 131) % 256));
    EXPECT_TRUE(p->run(article(junk)));
    EXPECT_TRUE(p->run(article("")));
    EXPECT_TRUE(p->run(article("\"\"\"'''---...", nullptr)));
    Article huge = article(std::string(5u << 20, 'a'));
    const auto r = p->run(huge);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, "input");
}

TEST(Pipeline, NoPublicationDateMeansNoDates) {
    const auto v = of_type(extract("Haddad arrived in Cairo on Monday.", nullptr), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_FALSE(v[0].date.has_value());
}

TEST(ExtractCli, PrintsContractJsonLines) {
    const std::string path = std::string(HERALD_BINARY_DIR) + "/processors_cli_article.txt";
    {
        FILE* f = std::fopen(path.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        const std::string t = "Haddad arrived in Cairo on Monday.";
        std::fwrite(t.data(), 1, t.size(), f);
        std::fclose(f);
    }
    const std::string pipe = std::string(HERALD_BINARY_DIR) + "/processors_cli_pipeline.yaml";
    {
        FILE* f = std::fopen(pipe.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        const std::string y =
            "processors:\n  - normalise\n  - segment\n  - {name: entities, gazetteer_dir: '" +
            fixture_gazetteer() +
            "'}\n  - coreference\n  - events\n  - modality\n  - dates\n  - attributes\n  - "
            "region\n  - merge\n";
        std::fwrite(y.data(), 1, y.size(), f);
        std::fclose(f);
    }
    const std::string dd = data_dir();
    const char* argv[] = {"x",          "extract",  "--published", "2024-01-16T12:00:00Z",
                          "--data-dir", dd.c_str(), "--pipeline",  pipe.c_str(),
                          path.c_str()};
    std::ostringstream out, err;
    ASSERT_EQ(extract_main(9, argv, out, err), 0) << err.str();
    const auto j = nlohmann::json::parse(out.str());
    EXPECT_EQ(j["type"], "visit");
    EXPECT_EQ(j["date"], "2024-01-15");
    EXPECT_EQ(j["first_seen"], "2024-01-16T12:00:00Z");
    EXPECT_EQ(j["revision"], 1);
    EXPECT_EQ(j["id"].get<std::string>().rfind("evt_", 0), 0u);

    const char* bad[] = {"x", "extract", "--published", "yesterday", path.c_str()};
    std::ostringstream o2, e2;
    EXPECT_EQ(extract_main(5, bad, o2, e2), 2);
    EXPECT_NE(e2.str().find("ISO 8601"), std::string::npos);
}

}  // namespace
}  // namespace herald::processors

namespace herald::processors {
namespace {

using namespace testing;

TEST(Coreference, ItCapitalsAndAsides) {
    // "it" -> the state in subject position
    auto n = of_type(extract("Qatar said it had brokered a deal between Israel and Hamas."),
                     "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].attributes["mediators"][0]["country"], "QAT");
    // "the Egyptian capital" -> Cairo; an aside between subject and verb is skipped
    auto v = of_type(
        extract("Haddad, on her third trip this year, arrived in the Egyptian capital."), "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].actors.at(0).name, "Amal Haddad");
    EXPECT_EQ(v[0].location->name, "Cairo");
    // shared subject: "will meet X and then travel to Y"
    const auto evs =
        extract("Brandt will meet Selim in Cairo on Thursday and then travel to Amman.");
    v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].actors.at(0).name, "Peter Brandt");
    EXPECT_EQ(v[0].status, "planned");
    const auto m = of_type(evs, "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].date, "2024-01-18");
}

TEST(Events, PassivesAndHedgesHaveNoActor) {
    // a passive participle is not the subject's statement
    EXPECT_TRUE(
        of_type(extract("Egypt, often criticized for its record, remains a partner."), "statement")
            .empty());
    // speculation is not an event
    EXPECT_TRUE(of_type(extract("Haddad could travel to Cairo."), "visit").empty());
    EXPECT_TRUE(
        of_type(extract("Selim expressed optimism about reaching a deal with Hamas."), "agreement")
            .empty());
}

TEST(Modality, HypotheticalAnyIsNoEvent) {
    EXPECT_TRUE(
        of_type(extract("Jordan said it would respond to any Israeli attack on its territory."),
                "attack")
            .empty());
    // the positive control: a reported attack stays
    EXPECT_EQ(of_type(extract("Israeli warplanes struck Beirut on Monday, killing five people."),
                      "attack")
                  .size(),
              1u);
}

TEST(Merge, DefiniteRepeatOfAnAttackIsNotANewAttack) {
    const auto evs = extract(
        "Israeli warplanes struck Beirut on Monday, killing five people. Haddad cancelled her "
        "trip to Beirut after the Israeli attack.");
    const auto a = of_type(evs, "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].evidence.size(), 2u);
    // a new, indefinite attack with its own casualties stays apart
    const auto two = of_type(extract("Israeli warplanes struck Beirut on Monday, killing five "
                                     "people. On Tuesday an Israeli attack on Tyre killed two."),
                             "attack");
    EXPECT_EQ(two.size(), 2u);
}

TEST(Merge, CountryLevelDuplicateFoldsIntoThePersonLevelEvent) {
    // "Jordan" beside Haddad (Jordan's foreign minister): one statement
    const auto evs = extract(
        "Haddad told reporters in Cairo on Monday that the crossings must open. Jordan said the "
        "crossings must open.");
    const auto st = of_type(evs, "statement");
    ASSERT_EQ(st.size(), 1u);
    ASSERT_EQ(st[0].actors.size(), 1u);
    EXPECT_EQ(st[0].actors[0].name, "Amal Haddad");
    // a different country stays a separate event
    const auto other = of_type(extract("Haddad told reporters in Cairo on Monday that the "
                                       "crossings must open. Egypt said the crossings must open."),
                               "statement");
    EXPECT_EQ(other.size(), 2u);
}

TEST(Location, APlaceThatIsTheTopicIsNotTheLocation) {
    // "the war in Gaza" is what they discussed, not where they met
    auto m = of_type(extract("Haddad met Selim on Monday to discuss the war in Gaza."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_FALSE(m[0].location.has_value());
    auto a = of_type(extract("Selim called for a ceasefire in Gaza."), "appeal");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_FALSE(a[0].location.has_value());
    // a real locative PP stays the location
    m = of_type(extract("Haddad met Selim in Gaza on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "Gaza Strip");
}

TEST(Modality, TrailingAttributionKeepsItsOwnTense) {
    const auto evs = extract("Brandt will travel to Cairo next week, Haddad said on Monday.");
    const auto v = of_type(evs, "visit");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].status, "planned");
    const auto st = of_type(evs, "statement");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].status, "occurred");
}

TEST(Modality, DeniedHearsayIsNotAFact) {
    auto evs = extract("Selim denied reports that Haddad had agreed to the plan.");
    EXPECT_TRUE(of_type(evs, "agreement").empty());
    EXPECT_EQ(of_type(evs, "statement").size(), 1u);  // the denial itself is a statement
    evs = extract("Selim dismissed claims that Haddad had met Brandt in Paris.");
    EXPECT_TRUE(of_type(evs, "meeting").empty());
    // the positive control
    EXPECT_EQ(
        of_type(extract("Selim said that Haddad had agreed to the plan."), "agreement").size(), 1u);
}

TEST(Events, SpokeWithIsACall) {
    auto m = of_type(extract("Haddad spoke with Selim on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_EQ(m[0].targets.size(), 1u);
    EXPECT_EQ(m[0].targets[0].name, "Omar Selim");
    // talking to the press is not a meeting
    EXPECT_TRUE(
        of_type(extract("Haddad spoke with reporters in Amman on Monday."), "meeting").empty());
}

TEST(Events, RelativeClauseBetweenSubjectAndVerb) {
    const auto m =
        of_type(extract("Haddad, who arrived in Cairo on Sunday, met Selim on Monday."), "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_EQ(m[0].actors.size(), 1u);
    EXPECT_EQ(m[0].actors[0].name, "Amal Haddad");
    ASSERT_EQ(m[0].targets.size(), 1u);
    EXPECT_EQ(m[0].targets[0].name, "Omar Selim");
}

TEST(Location, PlacesAsAdjectivesPossessivesAndObjects) {
    auto a =
        of_type(extract("Egyptian forces fired rockets at Israeli towns on Monday."), "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->country, "ISR");
    a = of_type(extract("Israeli warplanes struck Beirut's outskirts on Monday."), "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->name, "Beirut");
    a = of_type(extract("Israeli jets struck areas of Lebanon on Monday."), "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_TRUE(a[0].location.has_value());
    EXPECT_EQ(a[0].location->country, "LBN");
}

TEST(Entities, AQualifiedTitleOnlyResolvesToAPersonOfThatCountry) {
    // Amal Haddad is Jordanian: "Egypt's Foreign Minister Haddad" is someone else
    auto v =
        of_type(extract("Egypt's Foreign Minister Haddad arrived in Amman on Monday."), "visit");
    ASSERT_EQ(v.size(), 1u);
    ASSERT_EQ(v[0].actors.size(), 1u);
    EXPECT_EQ(v[0].actors[0].country, "EGY");
    EXPECT_NE(v[0].actors[0].name, "Amal Haddad");
    // with the right country the gazetteer person is found
    v = of_type(extract("Jordan's Foreign Minister Haddad arrived in Cairo on Monday."), "visit");
    ASSERT_EQ(v.size(), 1u);
    ASSERT_EQ(v[0].actors.size(), 1u);
    EXPECT_EQ(v[0].actors[0].name, "Amal Haddad");
}

TEST(Events, NegotiatorsFromStatesAreTheParties) {
    const auto n =
        of_type(extract("Negotiators from Qatar and Egypt resumed talks in Doha on Thursday."),
                "negotiation");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].actors.size(), 2u);
}

TEST(Events, TrailingAttributionIsNoTarget) {
    const auto m = of_type(
        extract(
            "Brandt will travel to Amman next week for talks with Haddad, Egypt said on Monday."),
        "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_EQ(m[0].targets.size(), 1u);
    EXPECT_EQ(m[0].targets[0].name, "Amal Haddad");
}

TEST(Events, TellingAPersonInACallOrInPersonIsAMeeting) {
    auto m = of_type(extract("In a phone call on Monday, Haddad told Selim that the crossings must "
                             "open."),
                     "meeting");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].plover_mode, "phone");
    ASSERT_EQ(m[0].targets.size(), 1u);
    EXPECT_EQ(m[0].targets[0].name, "Omar Selim");
    m = of_type(extract("Haddad told Selim in Cairo on Monday that the crossings must open."),
                "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "Cairo");
    // telling reporters, or telling someone without a setting, is only a statement
    EXPECT_TRUE(
        of_type(extract("Haddad told Selim that the crossings must open."), "meeting").empty());
    EXPECT_TRUE(
        of_type(extract("Haddad told reporters in Cairo that the crossings must open."), "meeting")
            .empty());
}

TEST(Events, ATriggerNounModifyingAHeadIsNoEvent) {
    EXPECT_TRUE(
        of_type(extract("Selim asked Jordan to release the detained aid workers."), "aid").empty());
    // the positive control
    EXPECT_EQ(of_type(extract("Jordan released the aid to Egypt on Monday."), "aid").size(), 1u);
}

TEST(Modality, ANounTriggerCalledOffAfterwardsIsNoEvent) {
    EXPECT_TRUE(
        of_type(extract("A planned visit by Haddad to Cairo was postponed."), "visit").empty());
    EXPECT_EQ(of_type(extract("A planned visit by Haddad to Cairo was announced."), "visit").size(),
              1u);
}

TEST(Events, ACoordinatedClauseWithItsOwnSubjectAddsNoTargets) {
    const auto m = of_type(extract("Brandt met Haddad in Amman, and the two diplomats said they "
                                   "would press Selim."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_EQ(m[0].actors.size(), 1u);
    EXPECT_EQ(m[0].actors[0].name, "Peter Brandt");
    ASSERT_EQ(m[0].targets.size(), 1u);
    EXPECT_EQ(m[0].targets[0].name, "Amal Haddad");
}

TEST(Modality, AnEndToAttacksIsNoAttack) {
    EXPECT_TRUE(
        of_type(extract("Haddad called for an end to attacks on Beirut."), "attack").empty());
    EXPECT_EQ(
        of_type(extract("Haddad condemned the attacks on Beirut on Monday."), "attack").size(), 1u);
}

TEST(Location, WhereAfterATimePhrasePointsToThePlace) {
    const auto m = of_type(extract("Brandt said he had travelled to Doha last week, where he met "
                                   "Haddad."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_TRUE(m[0].location.has_value());
    EXPECT_EQ(m[0].location->name, "Doha");
}

TEST(Modality, AGerundAfterBeforeSharesTheMainClauseTense) {
    auto m = of_type(extract("Brandt met Haddad on Monday before meeting Selim."), "meeting");
    ASSERT_EQ(m.size(), 2u);
    for (const auto& e : m) EXPECT_EQ(e.status, "occurred");
    m = of_type(extract("Brandt will meet Haddad on Monday before meeting Selim."), "meeting");
    ASSERT_EQ(m.size(), 2u);
    for (const auto& e : m) EXPECT_EQ(e.status, "planned");
}

TEST(Coreference, AShortTitledFormIsThePersonNamedBefore) {
    const auto m = of_type(extract("Foreign Minister Amal Haddad arrived in Cairo on Monday. "
                                   "Foreign Minister Amal later met Selim."),
                           "meeting");
    ASSERT_EQ(m.size(), 1u);
    ASSERT_EQ(m[0].actors.size(), 1u);
    EXPECT_EQ(m[0].actors[0].name, "Amal Haddad");
    EXPECT_EQ(m[0].actors[0].country, "JOR");
}

TEST(Merge, OneSentenceOneAttack) {
    // "killed" and "strike" in one sentence are one attack, with its attacker
    const auto a = of_type(extract("Five people were killed when an Israeli strike hit a building "
                                   "in Beirut on Monday."),
                           "attack");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(a[0].actors.size(), 1u);
    EXPECT_EQ(a[0].actors[0].country, "ISR");
    const auto b = of_type(
        extract("An Israeli drone strike killed two fighters near Beirut on Tuesday."), "attack");
    ASSERT_EQ(b.size(), 1u);
    ASSERT_EQ(b[0].actors.size(), 1u);
    EXPECT_EQ(b[0].actors[0].country, "ISR");
}

}  // namespace
}  // namespace herald::processors

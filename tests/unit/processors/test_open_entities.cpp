// Open-class entities: people the gazetteer does not know, recognised from the contexts
// news uses to introduce them (a descriptor noun before the name, an apposition after it),
// their later short forms, "<country>'s ambassador to Y" resolved against the names in the
// article, and "<adjective> foreign ministry" / "the <Country> Police" as bodies speaking
// for their country. Sentences of our own on the fixture gazetteer (tests/unit/processors/
// data/gazetteer), with negative controls: sentence-initial capitals, places, organisations,
// months and titles are no persons.
#include <gtest/gtest.h>

#include <string>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// The trace of the fixture pipeline (sentences, mentions, candidates).
std::string trace_of(const std::string& text) {
    static const auto p = fixture_pipeline();
    return p->trace(article(text));
}

bool has_person(const std::string& trace, const std::string& name) {
    return trace.find("person:" + name + "/") != std::string::npos;
}

bool has_actor(const std::vector<Event>& evs, const std::string& type, const std::string& name) {
    for (const auto& e : of_type(evs, type))
        for (const auto& a : e.actors)
            if (a.name == name) return true;
    return false;
}

// ------------------------------------------------------------ descriptor before the name

TEST(OpenEntities, DescriptorBeforeAnUnknownNameMakesAPerson) {
    const auto evs = extract(
        "Selim has appointed former banker Kemal Ostrova as finance minister. Ostrova and "
        "Haddad visited Qatar on Monday.");
    bool both = false;
    for (const auto& e : of_type(evs, "visit"))
        both = both || (has(e.actors, "Kemal Ostrova") && has(e.actors, "Amal Haddad"));
    EXPECT_TRUE(both);
}

TEST(OpenEntities, CountryAdjectiveBeforeTheDescriptorGivesTheCountry) {
    const std::string tr =
        trace_of("Qatari businessman Nabil Farouki met Selim in Cairo on Monday.");
    EXPECT_TRUE(has_person(tr, "Nabil Farouki")) << tr;
    EXPECT_NE(tr.find("person:Nabil Farouki/QAT"), std::string::npos) << tr;
    const auto evs = extract("Qatari businessman Nabil Farouki met Selim in Cairo on Monday.");
    EXPECT_TRUE(has_actor(evs, "meeting", "Nabil Farouki"));
}

TEST(OpenEntities, GroupBeforeTheDescriptorGivesItsCountry) {
    const std::string tr =
        trace_of("Hezbollah lawmaker Bassam Fadel said the group would not disarm.");
    EXPECT_NE(tr.find("M[Hezbollah lawmaker Bassam Fadel] person:Bassam Fadel/LBN"),
              std::string::npos)
        << tr;
}

TEST(OpenEntities, LaterSurnameIsTheSamePerson) {
    const auto evs = extract(
        "The charity was founded by chef Tomas Rivalda in 2010. Rivalda told reporters on "
        "Tuesday that the convoy had been hit and called on Israel to investigate.");
    EXPECT_TRUE(has_actor(evs, "appeal", "Tomas Rivalda") ||
                has_actor(evs, "statement", "Tomas Rivalda"));
}

TEST(OpenEntities, AGazetteerSurnameBeforeAnUnknownWordIsAnotherPersonsFirstName) {
    // "Haddad" is filed as Amal Haddad's surname; "Haddad Nassif" is someone else
    const auto evs = extract("Political analyst Haddad Nassif said the talks in Amman had failed.");
    EXPECT_TRUE(has_actor(evs, "statement", "Haddad Nassif"));
    EXPECT_FALSE(has_actor(evs, "statement", "Amal Haddad"));
    const std::string tr = trace_of("Haddad Nassif told reporters in Amman that the talks failed.");
    EXPECT_EQ(tr.find("person:Amal Haddad"), std::string::npos) << tr;
    // control: the surname alone, or before a lower-case word, is hers
    const std::string g = trace_of("Haddad told reporters in Amman that the talks failed.");
    EXPECT_NE(g.find("person:Amal Haddad"), std::string::npos) << g;
}

TEST(OpenEntities, DescriptorBeforeAPlaceOrBodyIsNoPerson) {
    // controls: capitalised words after a descriptor that name a place, an organisation,
    // a month or a facility
    for (const char* s : {"The journalist Gaza City residents said the strike hit a school.",
                          "A lawyer for Hamas said on Monday that the talks would resume.",
                          "The correspondent in Beirut said on Monday that the talks resumed.",
                          "The activist March Forward group said it would protest.",
                          "The businessman Ali Koc Foundation said it would give aid."}) {
        const std::string tr = trace_of(s);
        EXPECT_EQ(tr.find("role=journalist"), std::string::npos) << s;
        EXPECT_EQ(tr.find("role=lawyer"), std::string::npos) << s;
        EXPECT_EQ(tr.find("role=correspondent"), std::string::npos) << s;
        EXPECT_EQ(tr.find("role=activist"), std::string::npos) << s;
        EXPECT_EQ(tr.find("role=businessman"), std::string::npos) << s;
    }
}

TEST(OpenEntities, ParticipleBeforeTheDescriptorStaysOutOfTheMention) {
    const std::string tr = trace_of("Selim has appointed former banker Kemal Ostrova as minister.");
    EXPECT_NE(tr.find("M[former banker Kemal Ostrova]"), std::string::npos) << tr;
}

TEST(OpenEntities, ASingleCapitalisedWordAfterADescriptorIsNoName) {
    // control: one capitalised word ("Reuters") is not enough for an unknown name
    const std::string tr = trace_of("The journalist Reuters spoke to said the talks resumed.");
    EXPECT_EQ(tr.find("role=journalist"), std::string::npos) << tr;
}

// ------------------------------------------------------------ apposition after the name

TEST(OpenEntities, AppositionWithADescriptorHeadBeforeSayingMakesASpeaker) {
    const auto evs = extract(
        "Qatar agreed on Monday to buy drones from Egypt. Tarek Solvani, chief executive of "
        "manufacturer Nilecraft, said it was the largest export contract in Egypt's history.");
    EXPECT_TRUE(has_actor(evs, "statement", "Tarek Solvani"));
}

TEST(OpenEntities, NameWithATitledAppositionInsideTheSentence) {
    const auto evs = extract(
        "Selim met Kemal Ostrova, Qatar's foreign minister, in Cairo on Monday. Ostrova said "
        "the talks had been useful.");
    bool met = false;
    for (const auto& e : of_type(evs, "meeting"))
        for (const auto& p : participants(e))
            if (p.name == "Kemal Ostrova") {
                met = true;
                EXPECT_EQ(p.country, "QAT");
            }
    EXPECT_TRUE(met);
    EXPECT_TRUE(has_actor(evs, "statement", "Kemal Ostrova"));
}

TEST(OpenEntities, AppositionNameMayStartLikeAGazetteerName) {
    // "Omar" starts the gazetteer's "Omar Selim", but "Omar Farouki" is not in it
    const std::string tr =
        trace_of("Haddad met Omar Farouki, Qatar's foreign minister, in Amman on Monday.");
    EXPECT_NE(tr.find("person:Omar Farouki/QAT"), std::string::npos) << tr;
}

TEST(OpenEntities, AppositionHeadMayFollowLowerCaseModifiers) {
    const std::string tr = trace_of(
        "Selim met Daniel Morrow, the White House national security adviser, in Cairo on "
        "Monday.");
    EXPECT_NE(tr.find("person:Daniel Morrow/USA role=national security adviser"), std::string::npos)
        << tr;
}

TEST(OpenEntities, BodiesAfterADescriptorAreNoPersons) {
    // controls: a body's head ends the capitalised words or follows them
    for (const char* s : {"The activist Peace Now movement said settlements had grown.",
                          "The economist Capital Economics Group said growth would slow.",
                          "Selim met Gulf Energy Partners, an investor group, in Cairo."}) {
        const std::string tr = trace_of(s);
        std::size_t persons = 0;
        for (std::size_t at = tr.find("person:"); at != std::string::npos;
             at = tr.find("person:", at + 1))
            if (tr.compare(at, 18, "person:Omar Selim/") != 0) ++persons;
        EXPECT_EQ(persons, 0u) << s << "\n" << tr;
    }
}

TEST(OpenEntities, ModifierBeforeTheQualifierInAnApposition) {
    const std::string tr =
        trace_of("Selim met Khalil Nashar, a senior Hamas official, in Cairo on Monday.");
    EXPECT_NE(tr.find("person:Khalil Nashar/PSE"), std::string::npos) << tr;
}

TEST(OpenEntities, NameWithAHyphenatedConnector) {
    const auto evs = extract(
        "Former Jordanian lawmaker Samir al-Khatib criticised the deal on Monday. Khatib said "
        "it favoured Israel.");
    EXPECT_TRUE(has_actor(evs, "statement", "Samir al-Khatib"));
    const std::string tr = trace_of("Former Jordanian lawmaker Samir al-Khatib criticised it.");
    EXPECT_NE(tr.find("person:Samir al-Khatib/JOR role=lawmaker"), std::string::npos) << tr;
}

TEST(OpenEntities, CapitalisedNamesWithANonPersonAppositionAreNoPersons) {
    // controls: the apposition's head is no title or person descriptor
    for (const char* s : {"Selim visited Green Valley Farms, the largest farm, on Monday.",
                          "Selim met Nilecraft Holdings, a drone maker, in Cairo on Monday.",
                          "Selim toured Old Harbour Road, a busy street, on Monday."}) {
        const std::string tr = trace_of(s);
        std::size_t persons = 0;
        for (std::size_t at = tr.find("person:"); at != std::string::npos;
             at = tr.find("person:", at + 1))
            ++persons;
        EXPECT_EQ(persons, 1u) << s << "\n" << tr;  // Selim only
    }
}

TEST(OpenEntities, SentenceInitialCapitalsWithoutADescriptorAreNoSpeaker) {
    // control: an apposition without a person descriptor or title, and without a body
    const auto evs = extract(
        "Green Valley Farms, located near the border, said on Monday it had lost its crops.");
    for (const auto& e : evs)
        for (const auto& a : e.actors) EXPECT_NE(a.kind, "person") << a.name;
}

// ------------------------------------------------------------ short forms

TEST(OpenEntities, MultiWordShortFormOfATitledName) {
    const auto evs = extract(
        "Envoy Khalil Al Rawas met Selim in Cairo on Sunday. Al Rawas wrote on Twitter on "
        "Monday that the talks had been fruitful.",
        "2024-01-16T12:00:00Z", true);
    EXPECT_TRUE(has_actor(evs, "statement", "Khalil Al Rawas"));
}

TEST(OpenEntities, ShortFormOfANameInTheArticleComesBeforeTheGazetteer) {
    // "Selim" alone is the gazetteer's Egyptian president, but this article named a
    // Lebanese Joseph Selim
    const auto evs = extract(
        "Lebanese President Joseph Selim met Haddad in Beirut on Monday. Selim said on Monday "
        "that the talks had been useful.");
    EXPECT_TRUE(has_actor(evs, "statement", "Joseph Selim"));
    for (const auto& e : evs)
        for (const auto& p : participants(e)) EXPECT_NE(p.name, "Omar Selim");
    // control: with no other Selim named, "Selim" is the gazetteer's
    const auto g =
        extract("Haddad met Selim in Cairo on Monday. Selim said the talks were useful.");
    EXPECT_TRUE(has_actor(g, "statement", "Omar Selim"));
}

TEST(OpenEntities, OneWordSurnameIsThePersonNamedInFullBefore) {
    // "Haddad" is filed under Amal Haddad, but the article named Rami al-Haddad in full
    const auto evs = extract(
        "Lebanese Prime Minister Rami al-Haddad met Selim in Cairo on Monday. Haddad said the "
        "talks had been useful.");
    EXPECT_TRUE(has_actor(evs, "statement", "Rami al-Haddad"));
    EXPECT_FALSE(has_actor(evs, "statement", "Amal Haddad"));
    // control: without him, Haddad is Amal Haddad
    const auto g =
        extract("Selim met Haddad in Cairo on Monday. Haddad said the talks were useful.");
    EXPECT_TRUE(has_actor(g, "statement", "Amal Haddad"));
}

TEST(OpenEntities, ASurnameInsideAnotherFullNameIsNotTheShortForm) {
    // control: "Rima Ostrova" is another person; "Ostrova" alone would be the banker
    const std::string tr = trace_of(
        "Selim appointed former banker Kemal Ostrova as minister. Rima Ostrova, his sister, "
        "declined to comment.");
    std::size_t n = 0;
    for (std::size_t at = tr.find("person:Kemal Ostrova/"); at != std::string::npos;
         at = tr.find("person:Kemal Ostrova/", at + 1))
        ++n;
    EXPECT_EQ(n, 1u) << tr;
}

// ------------------------------------------------------------ the holder of a post

TEST(OpenEntities, PostNamedInTheLedeIsTheHolderNamedNext) {
    const auto evs = extract(
        "Qatar's ambassador to Jordan arrived in Amman on Monday. Ambassador Rami Suleiman "
        "held talks with Haddad at the foreign ministry.");
    bool holder = false;
    for (const auto& e : of_type(evs, "visit"))
        for (const auto& a : e.actors) {
            EXPECT_NE(a.name, "Nadia Kassem");
            if (a.name == "Rami Suleiman") {
                holder = true;
                EXPECT_EQ(a.country, "QAT");
            }
        }
    EXPECT_TRUE(holder);
}

TEST(OpenEntities, ASpecificPostIsNotThePersonOfThatCountryNamedBefore) {
    const std::string tr = trace_of(
        "Selim met Haddad in Cairo on Monday. On Tuesday, Egypt summoned the Jordanian "
        "ambassador.");
    EXPECT_EQ(tr.find("M[the Jordanian ambassador] person:Amal Haddad"), std::string::npos) << tr;
    // control: a generic title is the person of that country named just before
    const std::string g = trace_of(
        "Selim met Haddad in Cairo on Monday. The Jordanian official said the talks were good.");
    EXPECT_NE(g.find("M[The Jordanian official] person:Amal Haddad"), std::string::npos) << g;
}

TEST(OpenEntities, AGazetteerHolderOfAnotherPostIsNotTheAmbassador) {
    // no holder named: the ambassador to France does not hold the post in Jordan
    const auto evs = extract("Qatar's ambassador to Jordan arrived in Amman on Monday.");
    ASSERT_FALSE(of_type(evs, "visit").empty());
    for (const auto& e : of_type(evs, "visit"))
        for (const auto& a : e.actors) EXPECT_NE(a.name, "Nadia Kassem");
    // control: the post she holds is hers
    const auto fr = extract("Qatar's ambassador to France arrived in Amman on Monday.");
    EXPECT_TRUE(has_actor(fr, "visit", "Nadia Kassem"));
}

TEST(OpenEntities, AHolderOfAnotherCountryIsNotThePost) {
    // control: the ambassador named next is Egypt's, not Qatar's
    const auto evs = extract(
        "Qatar's ambassador to Jordan arrived in Amman on Monday. Egyptian Ambassador Rami "
        "Suleiman held talks with Haddad.");
    for (const auto& e : of_type(evs, "visit"))
        for (const auto& a : e.actors) EXPECT_NE(a.name, "Rami Suleiman");
}

TEST(OpenEntities, TheKingdomsAmbassadorIsTheHolderNamedNext) {
    const auto evs = extract(
        "Jordan will give Lebanon $10 million in aid, the kingdom's ambassador to Lebanon said "
        "on Tuesday. Ambassador Rami Suleiman said the grant would support schools.");
    EXPECT_TRUE(has_actor(evs, "statement", "Rami Suleiman"));
    for (const auto& e : of_type(evs, "statement"))
        for (const auto& a : e.actors) EXPECT_NE(a.name, "Jordan");
    // control: with no holder named, the kingdom itself speaks
    const auto k = extract(
        "Jordan will give Lebanon $10 million in aid, the kingdom's ambassador to Lebanon said "
        "on Tuesday.");
    EXPECT_TRUE(has_actor(k, "statement", "Jordan"));
}

// ------------------------------------------------------------ bodies of a country

TEST(OpenEntities, CapitalisedBodyNamedAfterItsCountryIsAnOrganisation) {
    const std::string tr = trace_of(
        "Gunmen attacked a checkpoint near Amman on Monday, the Royal Jordan Police said.");
    EXPECT_NE(tr.find("M[Royal Jordan Police] organisation:Royal Jordan Police/JOR"),
              std::string::npos)
        << tr;
    const std::string uk = trace_of(
        "A tanker was hit off Lebanon on Monday, the Qatar Maritime Trade Operations agency said.");
    EXPECT_NE(uk.find("organisation:Qatar Maritime Trade Operations/QAT"), std::string::npos) << uk;
}

TEST(OpenEntities, CountryBeforeOtherCapitalisedWordsStaysTheCountry) {
    // controls: no body head at the end, a weekday, a lower-case word
    for (const char* s : {"Farmers in the Jordan River Valley said the harvest failed.",
                          "Talks in Qatar Monday were postponed, officials said.",
                          "Qatar said on Monday it would host the talks."}) {
        const std::string tr = trace_of(s);
        EXPECT_EQ(tr.find("organisation:"), std::string::npos) << s << "\n" << tr;
    }
}

TEST(OpenEntities, ItAfterAnAdjectivalForeignMinistryIsTheState) {
    const auto evs = extract(
        "The Qatari foreign ministry said in a statement on Monday that the crossing must "
        "reopen. It called on Israel to allow aid into Gaza.");
    bool found = false;
    for (const auto& e : of_type(evs, "appeal"))
        if (has(e.actors, "QAT") && has(e.targets, "ISR")) found = true;
    EXPECT_TRUE(found);
}

TEST(OpenEntities, CapitalisedAdjectivalMinistryIsTheStateToo) {
    const std::string text =
        "The Qatari Foreign Ministry said in a statement on Monday that the crossing must "
        "reopen. It called on Israel to allow aid into Gaza.";
    EXPECT_EQ(trace_of(text).find("organisation:"), std::string::npos);
    bool found = false;
    for (const auto& e : of_type(extract(text), "appeal"))
        if (has(e.actors, "QAT") && has(e.targets, "ISR")) found = true;
    EXPECT_TRUE(found);
}

TEST(OpenEntities, SentenceInitialItContinuesTheOfficeSubject) {
    const auto evs = extract(
        "The Qatari foreign ministry said on Monday it had summoned the Israeli ambassador. It "
        "called on Israel to allow aid into Gaza.");
    bool found = false;
    for (const auto& e : of_type(evs, "appeal")) {
        EXPECT_FALSE(has(e.actors, "ISR"));
        if (has(e.actors, "QAT") && has(e.targets, "ISR")) found = true;
    }
    EXPECT_TRUE(found);
}

TEST(OpenEntities, ObjectItAfterAnAdjectivalMinistryIsNotTheState) {
    // control: "accept it" is the plan, not the ministry
    const std::string tr = trace_of(
        "The Qatari foreign ministry said the plan was a mistake and that Jordan would not "
        "accept it.");
    EXPECT_EQ(tr.find("M[it] country:Qatar"), std::string::npos) << tr;
}

TEST(OpenEntities, ItAfterAnAdjectiveWithoutAnOfficeIsNotTheState) {
    // control: a newspaper of the country does not speak for it
    const auto evs = extract(
        "A Qatari newspaper reported on Monday that the crossing must reopen. It called on "
        "Israel to allow aid into Gaza.");
    for (const auto& e : of_type(evs, "appeal")) EXPECT_FALSE(has(e.actors, "QAT"));
}

// ------------------------------------------------------------ capitals after "call on"

TEST(OpenEntities, CapitalAfterCallOnIsItsState) {
    const auto evs = extract("Haddad on Monday called on Cairo to open the border crossing.");
    bool found = false;
    for (const auto& e : of_type(evs, "appeal"))
        if (has(e.targets, "EGY")) found = true;
    EXPECT_TRUE(found);
}

TEST(OpenEntities, CapitalAfterALocativeOnStaysAPlace) {
    // control: "a strike on Beirut" is where, not whom
    const std::string tr = trace_of("Israel carried out a strike on Beirut on Monday.");
    EXPECT_NE(tr.find("M[Beirut] place=Beirut"), std::string::npos) << tr;
}

}  // namespace
}  // namespace herald::processors

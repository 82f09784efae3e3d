// The trigger lexicon audit (tests/heldout/LEXICON.md): wire-copy phrasings of the ten
// event types that config/extraction/patterns.yaml gained in the audit, one sentence of our
// own per phrasing (fixture gazetteer), with negative controls where a word has another
// sense ("struck a deal" vs a strike, "targeted sanctions", "declined to comment").
#include <gtest/gtest.h>

#include <string>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

struct Row {
    const char* text;
    const char* type;
    const char* status;  // expected status; nullptr = the type must not be found
};

std::string show(const std::vector<Event>& evs) {
    std::string s;
    for (const auto& e : evs) s += e.type + "/" + e.status + " ";
    return s.empty() ? "(none)" : s;
}

void check(const Row& r) {
    const auto all = extract(r.text);
    const auto hits = of_type(all, r.type);
    if (!r.status) {
        EXPECT_TRUE(hits.empty()) << r.text << "\n  got: " << show(all);
        return;
    }
    bool found = false;
    for (const auto& e : hits) found = found || e.status == r.status;
    EXPECT_TRUE(found) << r.text << "\n  want " << r.type << "/" << r.status
                       << ", got: " << show(all);
}

// ---------------------------------------------------------------- visit

TEST(LexiconAudit, Visit) {
    const Row rows[] = {
        {"Secretary of State Peter Brandt jetted into Doha on Monday.", "visit", "occurred"},
        {"Secretary of State Peter Brandt set off for Cairo on Monday.", "visit", "occurred"},
        {"Secretary of State Peter Brandt made his way to Amman on Monday.", "visit", "occurred"},
        {"Secretary of State Peter Brandt kicked off a tour of Jordan on Monday.", "visit",
         "occurred"},
        {"Secretary of State Peter Brandt ended a two-day visit to Egypt on Monday.", "visit",
         "occurred"},
        // already known, kept as anchors of the same table
        {"Secretary of State Peter Brandt paid a visit to Cairo on Monday.", "visit", "occurred"},
        {"Secretary of State Peter Brandt flew into Cairo on Monday.", "visit", "occurred"},
        // negative controls: a jet that is a plane, an ending that is no trip, a way that is
        // no journey
        {"An Israeli jet struck a car near Tyre on Monday.", "visit", nullptr},
        {"Secretary of State Peter Brandt ended his remarks on Monday.", "visit", nullptr},
        {"Secretary of State Peter Brandt did not set off for Cairo on Monday.", "visit", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- meeting

TEST(LexiconAudit, Meeting) {
    const Row rows[] = {
        {"Secretary of State Peter Brandt conferred with Jordanian Foreign Minister Amal "
         "Haddad on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt consulted with Jordanian Foreign Minister Amal "
         "Haddad on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt exchanged views with Jordanian Foreign Minister "
         "Amal Haddad on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt dined with Jordanian Foreign Minister Amal Haddad "
         "in Amman on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt had dinner with Jordanian Foreign Minister Amal "
         "Haddad in Amman on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt held a video conference with Jordanian Foreign "
         "Minister Amal Haddad on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt talked by phone with Jordanian Foreign Minister "
         "Amal Haddad on Monday.",
         "meeting", "occurred"},
        {"Secretary of State Peter Brandt will confer with Jordanian Foreign Minister Amal "
         "Haddad on Thursday.",
         "meeting", "planned"},
        // negative controls: a conferred honour, talking with the press
        {"Jordanian Foreign Minister Amal Haddad conferred a medal on a soldier on Monday.",
         "meeting", nullptr},
        {"Secretary of State Peter Brandt did not consult with Jordanian Foreign Minister "
         "Amal Haddad on Monday.",
         "meeting", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- negotiation

TEST(LexiconAudit, Negotiation) {
    const Row rows[] = {
        {"Qatar convened talks between Israel and Hamas in Doha on Monday.", "negotiation",
         "occurred"},
        {"Egypt sponsored talks between Israel and Hamas in Cairo on Monday.", "negotiation",
         "occurred"},
        // negative control: a convened cabinet is no negotiation
        {"Egyptian President Omar Selim convened his cabinet in Cairo on Monday.", "negotiation",
         nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- statement

TEST(LexiconAudit, Statement) {
    const Row rows[] = {
        {"Jordanian Foreign Minister Amal Haddad slammed the Israeli raid on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad lashed out at Israel on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad decried the Israeli raid on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad deplored the Israeli raid on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad censured Israel on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad rebuked Israel on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad castigated Israel on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad lambasted Israel on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad hailed the truce on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad applauded the truce on Monday.", "statement",
         "occurred"},
        {"Jordanian Foreign Minister Amal Haddad asserted on Monday that the war must end.",
         "statement", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad remarked on Monday that the war must end.",
         "statement", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad pointed out on Monday that the war must end.",
         "statement", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad maintained on Monday that the war must end.",
         "statement", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad charged on Monday that Israel broke the truce.",
         "statement", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad expressed alarm on Monday over the fighting.",
         "statement", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad voiced outrage on Monday over the raid.",
         "statement", "occurred"},
        // negative controls: a missile slamming into a building, maintained ties, a charge
        // in court
        {"A Hezbollah rocket slammed into a house in northern Israel on Monday.", "statement",
         nullptr},
        {"Jordan maintained ties with Israel on Monday despite the war.", "statement", nullptr},
        {"Jordanian police charged two men with smuggling on Monday.", "statement", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- appeal

TEST(LexiconAudit, Appeal) {
    const Row rows[] = {
        {"Jordanian Foreign Minister Amal Haddad exhorted Israel on Monday to end the war.",
         "appeal", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad beseeched Israel on Monday to end the war.",
         "appeal", "occurred"},
        {"Jordanian Foreign Minister Amal Haddad renewed her call for a ceasefire on Monday.",
         "appeal", "occurred"},
        // negative control: a renewed licence is no appeal
        {"Jordan renewed the licence of an Israeli company on Monday.", "appeal", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- proposal

TEST(LexiconAudit, Proposal) {
    const Row rows[] = {
        {"Egyptian President Omar Selim laid out a ceasefire plan on Monday.", "proposal",
         "occurred"},
        {"Egyptian President Omar Selim drew up a ceasefire plan on Monday.", "proposal",
         "occurred"},
        {"Egyptian President Omar Selim made a proposal to Hamas on Monday.", "proposal",
         "occurred"},
        {"Egyptian President Omar Selim made an offer to Hamas on Monday.", "proposal", "occurred"},
        {"Egyptian President Omar Selim sent a proposal to Hamas on Monday.", "proposal",
         "occurred"},
        {"Egyptian President Omar Selim came up with a ceasefire plan on Monday.", "proposal",
         "occurred"},
        {"Egyptian President Omar Selim pitched a ceasefire plan on Monday.", "proposal",
         "occurred"},
        {"Egyptian President Omar Selim offered to mediate between Israel and Hamas on "
         "Monday.",
         "proposal", "occurred"},
        {"Egypt introduced a draft resolution at the United Nations on Monday.", "proposal",
         "occurred"},
        // negative controls: a drawn-up list, a speech made, a response delivered to a
        // proposal (why "deliver * proposal" was left out)
        {"Lebanon delivered its response to the proposal on Monday.", "proposal", nullptr},
        {"Egyptian officials drew up a list of wounded on Monday.", "proposal", nullptr},
        {"Egyptian President Omar Selim made a speech in Cairo on Monday.", "proposal", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- agreement

TEST(LexiconAudit, Agreement) {
    const Row rows[] = {
        {"Israel and Hamas clinched a deal on Monday.", "agreement", "occurred"},
        {"Israel and Hamas hammered out a deal on Monday.", "agreement", "occurred"},
        {"Israel and Hamas finalised a deal on Monday.", "agreement", "occurred"},
        {"Israel and Hamas finalized a deal on Monday.", "agreement", "occurred"},
        {"Egypt and Jordan forged an agreement on Monday.", "agreement", "occurred"},
        {"Egypt and Jordan entered into an agreement on Monday.", "agreement", "occurred"},
        {"Egypt and Jordan came to an agreement on Monday.", "agreement", "occurred"},
        {"Egypt and Jordan nailed down a deal on Monday.", "agreement", "occurred"},
        {"Egypt and Jordan arrived at an understanding on Monday.", "agreement", "occurred"},
        {"Israel and Hamas approved the ceasefire deal on Monday.", "agreement", "occurred"},
        {"Israel and Hamas embraced the ceasefire proposal on Monday.", "agreement", "occurred"},
        {"Israel and Hamas consented to a truce on Monday.", "agreement", "occurred"},
        {"Israel and Hamas settled on a truce on Monday.", "agreement", "occurred"},
        // negative controls: a strike is no deal; forged documents; settling in a city
        {"Israel struck Hamas positions in Gaza on Monday.", "agreement", nullptr},
        {"Police in Amman arrested two men who forged passports on Monday.", "agreement", nullptr},
        {"Hamas has not consented to a truce, Egyptian President Omar Selim said on Monday.",
         "agreement", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- rejection

TEST(LexiconAudit, Rejection) {
    const Row rows[] = {
        {"Israel brushed aside the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel balked at the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel snubbed the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel repudiated the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel scoffed at the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel dismissed the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel shot down the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel threw out the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel declined the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel declined to accept the ceasefire proposal on Monday.", "rejection", "occurred"},
        {"Israel blocked the draft resolution on Monday.", "rejection", "occurred"},
        {"Israel walked away from the ceasefire proposal on Monday.", "rejection", "occurred"},
        // negative controls: declining to comment, shooting down a drone, a blocked road,
        // dismissed reports (a denial, not a rejection of an offer)
        {"Israel declined to comment on Monday.", "rejection", nullptr},
        {"Israel shot down a Hezbollah drone over Tyre on Monday.", "rejection", nullptr},
        {"Israeli troops blocked the road to Tyre on Monday.", "rejection", nullptr},
        {"Israel dismissed the reports on Monday.", "rejection", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- aid

TEST(LexiconAudit, Aid) {
    const Row rows[] = {
        {"Qatar disbursed $500 million to Lebanon on Monday.", "aid", "occurred"},
        {"Qatar airdropped aid into Gaza on Monday.", "aid", "occurred"},
        {"Qatar shipped aid to Gaza on Monday.", "aid", "occurred"},
        {"Qatar trucked aid into Gaza on Monday.", "aid", "occurred"},
        {"Qatar handed over aid to Lebanon on Monday.", "aid", "occurred"},
        {"Qatar supplied aid to Gaza on Monday.", "aid", "occurred"},
        {"Qatar granted $500 million to Lebanon on Monday.", "aid", "occurred"},
        {"Qatar transferred $500 million to Lebanon on Monday.", "aid", "occurred"},
        {"Qatar extended a $500 million loan to Egypt on Monday.", "aid", "occurred"},
        {"Qatar offered $500 million in aid to Lebanon on Monday.", "aid", "occurred"},
        {"Qatar channelled $500 million to Lebanon on Monday.", "aid", "occurred"},
        {"Qatar set aside $500 million for Lebanon on Monday.", "aid", "occurred"},
        // negative controls: transferred prisoners, an extended deadline, a granted visa
        {"Israel transferred prisoners to Egypt on Monday.", "aid", nullptr},
        {"Egypt extended the deadline for talks on Monday.", "aid", nullptr},
        {"Jordan granted a visa to Egyptian President Omar Selim on Monday.", "aid", nullptr},
    };
    for (const auto& r : rows) check(r);
}

// ---------------------------------------------------------------- attack

TEST(LexiconAudit, Attack) {
    const Row rows[] = {
        {"Israel strafed Tyre on Monday.", "attack", "occurred"},
        {"Israel invaded Lebanon on Monday.", "attack", "occurred"},
        {"Israeli troops fired on protesters in Gaza on Monday.", "attack", "occurred"},
        {"Hezbollah lobbed rockets at Israel on Monday.", "attack", "occurred"},
        {"Israel rained missiles on Tyre on Monday.", "attack", "occurred"},
        {"Israel targeted Hezbollah positions in Tyre on Monday.", "attack", "occurred"},
        // negative controls: targeted sanctions, a deal struck, a fired official, rain
        {"The United States imposed targeted sanctions on Hezbollah in Lebanon on Monday.",
         "attack", nullptr},
        {"Israel and Hamas struck a deal in Cairo on Monday.", "attack", nullptr},
        {"Jordan fired its ambassador to Egypt on Monday.", "attack", nullptr},
        {"Heavy rain fell on Tyre on Monday.", "attack", nullptr},
    };
    for (const auto& r : rows) check(r);
}

}  // namespace
}  // namespace herald::processors

// The syntax audit (tests/heldout/SYNTAX.md): one event told in the constructions wire and
// official copy wrap it in. Rules added in the audit, each with sentences of our own on the
// fixture gazetteer and negative controls:
//  - a gerund clause opening the sentence ("Arriving in Cairo, X said", "Rejecting the plan,
//    Hamas said", "Speaking after talks with Y, X said") is the act of the main clause's
//    subject after its comma;
//  - a passive's agent may come after the verb's own phrase ("was pledged to Gaza by X",
//    "were airdropped over Gaza by X");
//  - in a passive appeal or rejection, the subject (or its owner) is the one asked or refused
//    ("Israel was urged by Qatar to", "Israel's proposal was rejected by Hamas");
//  - after a place phrase opening the sentence, "A and B <verb>" is the subject, not more
//    places ("In Amman, Jordan and Egypt signed");
//  - a relative clause after a comma on a coordinated subject is every party's ("Egypt and
//    Jordan, which signed", "A and B, who met").
#include <gtest/gtest.h>

#include <string>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

std::string show(const std::vector<Event>& evs) {
    std::string s;
    for (const auto& e : evs) {
        s += e.type + "/" + e.status + " [";
        for (const auto& a : e.actors) s += a.name + ";";
        s += "] -> [";
        for (const auto& t : e.targets) s += t.name + ";";
        s += "] ";
    }
    return s.empty() ? "(none)" : s;
}

struct Row {
    const char* text;
    const char* type;
    const char* actor;   // must be among the actors (name or ISO code); nullptr: not checked
    const char* target;  // must be among the targets; nullptr: not checked
};

void found(const Row& r) {
    const auto all = extract(r.text);
    bool ok = false;
    for (const auto& e : of_type(all, r.type))
        ok = ok || ((!r.actor || has(e.actors, r.actor)) &&
                    (!r.target || has(e.targets, r.target)) && e.status == "occurred");
    EXPECT_TRUE(ok) << r.text << "\n  want " << r.type << " " << (r.actor ? r.actor : "-") << " -> "
                    << (r.target ? r.target : "-") << "\n  got: " << show(all);
}

// No event of `type` with `who` among its actors.
void not_by(const char* text, const char* type, const char* who) {
    const auto all = extract(text);
    for (const auto& e : of_type(all, type))
        EXPECT_FALSE(has(e.actors, who)) << text << "\n  got: " << show(all);
}

void none_of(const char* text, const char* type) {
    const auto all = extract(text);
    EXPECT_TRUE(of_type(all, type).empty()) << text << "\n  got: " << show(all);
}

// ---------------------------------------------------------------- fronted gerund clauses

TEST(SyntaxAudit, FrontedGerundIsTheSubjects) {
    const Row rows[] = {
        {"Arriving in Cairo on Monday, Secretary of State Peter Brandt said a deal was close.",
         "visit", "Peter Brandt", "Egypt"},
        {"After landing in Amman on Monday, Secretary of State Peter Brandt said a deal was "
         "close.",
         "visit", "Peter Brandt", "Jordan"},
        {"Upon arriving in Doha on Monday, Secretary of State Peter Brandt said a deal was close.",
         "visit", "Peter Brandt", "Qatar"},
        {"After meeting Foreign Minister Amal Haddad in Amman on Monday, Secretary of State "
         "Peter Brandt said a deal was close.",
         "meeting", "Peter Brandt", "Amal Haddad"},
        {"Speaking after talks with Foreign Minister Amal Haddad in Amman on Monday, Secretary "
         "of State Peter Brandt said a deal was close.",
         "meeting", "Peter Brandt", "Amal Haddad"},
        {"Rejecting Israel's truce proposal on Monday, Hamas said it wanted a lasting ceasefire.",
         "rejection", "Hamas", "Israel"},
        {"Calling on Israel to let aid into Gaza, Qatar said on Monday the crossings must reopen.",
         "appeal", "Qatar", "Israel"},
        {"Pledging $50 million in aid to Lebanon on Monday, the United States called for calm.",
         "aid", "United States", "Lebanon"},
    };
    for (const auto& r : rows) found(r);
}

TEST(SyntaxAudit, FrontedGerundNegativeControls) {
    // a gerund subject (no comma-closed clause), a departure yet to come, a quote, a
    // preposition that is no gerund ("according to")
    none_of("Rejecting Israel's truce proposal would be a mistake, Egypt said on Monday.",
            "rejection");
    none_of(
        "Before leaving for Cairo on Monday, Secretary of State Peter Brandt said a deal "
        "was close.",
        "visit");
    not_by("\"Arriving in Cairo was hard,\" Secretary of State Peter Brandt said on Monday.",
           "visit", "Peter Brandt");
    none_of("According to Foreign Minister Amal Haddad, Egypt wants calm.", "visit");
    // a bare venue participle meets no one; a gathering the speaker speaks at is no meeting
    // with a party named after it
    none_of(
        "Speaking later, Secretary of State Peter Brandt said sanctions on Syria would end "
        "after the fall of President Omar Selim.",
        "meeting");
    none_of(
        "Speaking at an investment forum in Amman on Monday, Secretary of State Peter "
        "Brandt said sanctions on Syria would end after the fall of the old government.",
        "meeting");
}

// ---------------------------------------------------------------- passives

TEST(SyntaxAudit, PassiveAgentAfterThePhrase) {
    const Row rows[] = {
        {"Twenty tonnes of food aid were airdropped over Gaza by Jordan on Monday.", "aid",
         "Jordan", nullptr},
    };
    for (const auto& r : rows) found(r);
    // "by sea", "by phone", "by the end of": no agent
    not_by("Food aid was sent to Gaza by sea on Monday.", "aid", "Gaza");
    not_by("Food aid was sent to Gaza by the end of March, Qatar said.", "aid", "March");
}

TEST(SyntaxAudit, PassiveSubjectIsAddressee) {
    const Row rows[] = {
        {"Israel was urged by Qatar on Monday to let aid into Gaza.", "appeal", "Qatar", "Israel"},
        {"Israel's truce proposal was rejected by Hamas on Monday.", "rejection", "Hamas",
         "Israel"},
        {"Hezbollah was urged by France on Monday to pull back its fighters.", "appeal", "France",
         "Hezbollah"},
    };
    for (const auto& r : rows) found(r);
    // the agent is never its own addressee; an active appeal keeps its object
    for (const char* t : {"Israel's truce proposal was rejected by Hamas on Monday.",
                          "Israel was urged by Qatar on Monday to let aid into Gaza."}) {
        const auto all = extract(t);
        for (const auto& e : all) {
            if (e.type != "rejection" && e.type != "appeal") continue;
            for (const auto& a : e.actors)
                EXPECT_FALSE(has(e.targets, a.name)) << t << "\n  got: " << show(all);
        }
    }
    found({"Qatar urged Israel on Monday to let aid into Gaza.", "appeal", "Qatar", "Israel"});
}

// ---------------------------------------------------------------- fronted place

TEST(SyntaxAudit, ListAfterFrontedPlaceIsTheSubject) {
    for (const char* t : {"In Amman, Jordan and Egypt signed an agreement on Monday.",
                          "On Monday in Amman, Egypt and Qatar signed an agreement."}) {
        const auto a = of_type(extract(t), "agreement");
        bool both = false;
        for (const auto& e : a)
            both =
                both || (has(e.actors, "EGY") && (has(e.actors, "JOR") || has(e.actors, "QAT")) &&
                         e.location && e.location->name == "Amman");
        EXPECT_TRUE(both) << t << "\n  got: " << show(extract(t));
    }
    // a list of places stays places: no party from "in Amman, Jordan and Cairo"
    for (const auto& e : extract("Secretary of State Peter Brandt held talks in Amman, Jordan "
                                 "and Cairo on Monday."))
        EXPECT_FALSE(has(e.actors, "JOR"));
}

// ---------------------------------------------------------------- relative clauses

TEST(SyntaxAudit, RelativeClauseOnAList) {
    for (const char* t : {"Egypt and Jordan, which signed an agreement on Monday, will reopen "
                          "their embassies.",
                          "Egypt and Jordan, which agreed on Monday to restore ties, will reopen "
                          "their embassies."}) {
        const auto a = of_type(extract(t), "agreement");
        bool both = false;
        for (const auto& e : a) both = both || (has(e.actors, "EGY") && has(e.actors, "JOR"));
        EXPECT_TRUE(both) << t << "\n  got: " << show(extract(t));
    }
    found(
        {"Foreign Minister Amal Haddad and Secretary of State Peter Brandt, who met in Amman "
         "on Monday, called for calm.",
         "meeting", nullptr, nullptr});
    // a clause on the last item only when no comma sets it off ("Egypt and the Jordan that
    // signed" is not written); a list of objects keeps the main verb's subject
    const auto m = of_type(extract("Secretary of State Peter Brandt met Amal Haddad and Omar "
                                   "Selim, who called for calm, in Amman on Monday."),
                           "meeting");
    ASSERT_FALSE(m.empty());
    EXPECT_TRUE(has(m[0].actors, "Peter Brandt") || has(m[0].targets, "Peter Brandt"));
}

}  // namespace
}  // namespace herald::processors

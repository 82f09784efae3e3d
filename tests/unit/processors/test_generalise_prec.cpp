// Round-4 precision rules: what separates a reported event from a mention of one.
// Sentences are our own; the fixture gazetteer knows Haddad (JOR), Brandt (USA), Selim (EGY),
// Mansour (UN envoy), Darwish (Hamas), the UN, Hezbollah and Hamas.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace herald::processors {
namespace {

using namespace testing;

// Publication: Tuesday 2024-01-16.

TEST(GeneraliseMentions, AnAttackNounWithNoAttackerNoDayNoTollIsOnlyNamed) {
    // "condemned the attack", "the worst attack in years": named, not reported
    EXPECT_TRUE(
        of_type(extract("Jordan and Egypt condemned the attack in Lebanon."), "attack").empty());
    EXPECT_TRUE(
        of_type(extract("Selim said it was the worst bombing in Lebanon in a decade."), "attack")
            .empty());
    // controls: a day, a toll or an attacker make it a report
    auto a = of_type(extract("Jordan condemned the attack on Tyre on Monday."), "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].date.value_or(""), "2024-01-15");
    a = of_type(extract("A bombing in Tyre killed five people, Lebanese officials said."),
                "attack");
    EXPECT_EQ(a.size(), 1u);
    a = of_type(extract("Jordan condemned the Israeli air strike in Tyre."), "attack");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(has(a[0].actors, "ISR"));
}

}  // namespace
}  // namespace herald::processors

#include "processors/word_table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace herald::processors {
namespace {

TEST(WordTable, FindsEveryKeyAndNothingElse) {
    StrMap<int> m;
    for (int i = 0; i < 1000; ++i) m["w" + std::to_string(i)] = i;
    m[""] = -1;
    WordTable<int> t;
    t.build(m);
    for (int i = 0; i < 1000; ++i) {
        const int* v = t.find("w" + std::to_string(i));
        ASSERT_NE(v, nullptr) << i;
        EXPECT_EQ(*v, i);
    }
    ASSERT_NE(t.find(""), nullptr);
    EXPECT_EQ(*t.find(""), -1);
    EXPECT_EQ(t.find("w1000"), nullptr);
    EXPECT_EQ(t.find("W1"), nullptr);
    EXPECT_EQ(t.find("w"), nullptr);
}

TEST(WordTable, EmptyTableFindsNothing) {
    WordTable<int> t;
    EXPECT_EQ(t.find("x"), nullptr);
    t.build(StrMap<int>{});
    EXPECT_EQ(t.find("x"), nullptr);
}

}  // namespace
}  // namespace herald::processors

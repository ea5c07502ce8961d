// The parser and AST printer on inputs that stress their depth: nothing may
// overflow the C++ stack (found by fuzz/parse_fuzzer).
#include <gtest/gtest.h>

#include <string>

#include "parse/parser.h"

namespace {

// Parses `source` and dumps it; returns whether the dump succeeded.
bool parse_and_dump(const std::string& source, bool& parsed) {
    krait::ast::Arena arena;
    krait::SyntaxErrorInfo error;
    krait::ast::mod* m = krait::parse(source, krait::ParseMode::File, arena, error);
    parsed = m != nullptr;
    if (!m) return false;
    std::string out;
    return krait::ast::dump(m, out, true);
}

std::string chain(int n) {
    std::string s = "1";
    for (int i = 0; i < n; ++i) s += "+1";
    return s + "\n";
}

TEST(ParserDepth, LongLeftAssociativeChainParsesButIsTooDeepToDump) {
    bool parsed = false;
    EXPECT_FALSE(parse_and_dump(chain(100000), parsed));
    EXPECT_TRUE(parsed);
}

TEST(ParserDepth, DumpDepthLimitIsCPythons) {
    // CPython's ast.parse builds 1+1+...+1 with 2988 additions and refuses 2989.
    bool parsed = false;
    EXPECT_TRUE(parse_and_dump(chain(2988), parsed));
    EXPECT_FALSE(parse_and_dump(chain(2989), parsed));
    EXPECT_TRUE(parsed);
}

TEST(ParserDepth, DeepUnaryNestingIsAMemoryErrorNotACrash) {
    std::string s = "x = " + std::string(100000, '-') + "1\n";
    krait::ast::Arena arena;
    krait::SyntaxErrorInfo error;
    EXPECT_EQ(krait::parse(s, krait::ParseMode::File, arena, error), nullptr);
    EXPECT_EQ(error.type, krait::SyntaxErrorInfo::Type::MemoryError);
}

}  // namespace

// Number and string literal values against what CPython 3.11 made of the
// same literals (tools/gen_test_cases.py records them).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>

#include "case_data.h"
#include "parse/ast_repr.h"
#include "parse/literals.h"

namespace {

using krait::ast::ConstantValue;
using krait::test::read_cases;
using krait::test::unhex;
using Kind = ConstantValue::Kind;

const std::vector<std::vector<std::string>>& cases() {
    static const auto all = read_cases("literal_cases.txt");
    return all;
}

uint64_t bits(double x) { return std::bit_cast<uint64_t>(x); }

TEST(Literals, Numbers) {
    size_t n = 0;
    krait::ast::Arena arena;
    for (const auto& c : cases()) {
        if (c[0] != "number") continue;
        ++n;
        const std::string& text = c[1];
        ConstantValue v = krait::parse_number(text, arena);
        if (c[2] == "int") {
            ASSERT_EQ(v.kind, Kind::Int) << text;
            EXPECT_EQ(std::to_string(v.int_value), c[3]) << text;
        } else if (c[2] == "bigint") {
            ASSERT_EQ(v.kind, Kind::BigInt) << text;
            std::string repr;
            krait::ast::append_constant_repr(repr, v);
            EXPECT_EQ(repr, c[3]) << text;
        } else {
            ASSERT_EQ(v.kind, c[2] == "float" ? Kind::Float : Kind::Complex) << text;
            EXPECT_EQ(bits(v.float_value), std::stoull(c[3], nullptr, 16)) << text;
        }
        EXPECT_EQ(krait::number_literal_error(text), "") << text;
    }
    EXPECT_GT(n, 2000u);
}

TEST(Literals, DigitLimit) {
    size_t n = 0;
    for (const auto& c : cases()) {
        if (c[0] != "numerror") continue;
        ++n;
        EXPECT_EQ(krait::number_literal_error(c[1]), unhex(c[2])) << c[1].substr(0, 20) << "... (" << c[1].size() << ")";
    }
    EXPECT_GE(n, 7u);
}

TEST(Literals, Strings) {
    size_t n = 0, errors = 0, warnings = 0;
    for (const auto& c : cases()) {
        if (c[0] != "string") continue;
        ++n;
        std::string prefix = c[1] == "-" ? "" : c[1];
        bool is_bytes = prefix.find_first_of("bB") != std::string::npos;
        bool is_raw = prefix.find_first_of("rR") != std::string::npos;
        std::string body = unhex(c[2]);
        std::string out;
        auto result = krait::decode_string_body(body, is_bytes, is_raw, out);
        std::string where = prefix + "\"" + body + "\"";
        if (c[3] == "error") {
            ++errors;
            EXPECT_FALSE(result.ok) << where;
            EXPECT_EQ(result.error, unhex(c[4])) << where;
            continue;
        }
        EXPECT_TRUE(result.ok) << where << ": " << result.error;
        EXPECT_EQ(out, unhex(c[4])) << where;
        std::string warning =
            result.first_invalid_escape < 0 ? "" : krait::invalid_escape_message(body, result.first_invalid_escape);
        if (c[5] != "-") ++warnings;
        EXPECT_EQ(warning, unhex(c[5])) << where;
    }
    EXPECT_GT(n, 5000u);
    EXPECT_GT(errors, 500u);
    EXPECT_GT(warnings, 300u);
}

TEST(Literals, Spots) {
    krait::ast::Arena arena;
    EXPECT_EQ(krait::parse_number("1_000", arena).int_value, 1000);
    EXPECT_EQ(krait::parse_number("0xFF", arena).int_value, 255);
    EXPECT_EQ(krait::parse_number("9223372036854775808", arena).kind, Kind::BigInt);
    EXPECT_EQ(krait::parse_number("1e999", arena).float_value, INFINITY);
    EXPECT_EQ(bits(krait::parse_number("1e-999", arena).float_value), 0u);
    EXPECT_EQ(krait::parse_number(".5", arena).float_value, 0.5);
    EXPECT_EQ(krait::parse_number("1.", arena).float_value, 1.0);
    EXPECT_EQ(krait::parse_number("2J", arena).kind, Kind::Complex);

    std::string out;
    auto r = krait::decode_string_body(R"(\x1)", false, false, out);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape");
    out.clear();
    // Non-ASCII text before the error counts 10 a character, as in CPython.
    r = krait::decode_string_body("\xc3\xa9\\x1", false, false, out);
    EXPECT_EQ(r.error, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape");
    out.clear();
    r = krait::decode_string_body(R"(a\d)", false, false, out);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(out, "a\\d");
    EXPECT_EQ(r.first_invalid_escape, 1);
    EXPECT_EQ(krait::invalid_escape_message(R"(a\d)", 1), "invalid escape sequence '\\d'");
    out.clear();
    r = krait::decode_string_body("\\N{EM DASH}\\ud800", false, false, out);
    EXPECT_EQ(out, "\xe2\x80\x94\xed\xa0\x80");
    out.clear();
    r = krait::decode_string_body("\xc3\xa9", true, true, out);
    EXPECT_EQ(r.error, "bytes can only contain ASCII literal characters");
}

}  // namespace

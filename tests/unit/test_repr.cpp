// repr() of AST constants and floats against what CPython 3.11 printed for
// the same values (tools/gen_test_cases.py records them).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "case_data.h"
#include "parse/ast_repr.h"
#include "support/float_repr.h"

namespace {

using krait::ast::ConstantValue;
using krait::test::read_cases;
using krait::test::unhex;

const std::vector<std::vector<std::string>>& cases() {
    static const auto all = read_cases("repr_cases.txt");
    return all;
}

double from_bits(const std::string& hex) { return std::bit_cast<double>(std::stoull(hex, nullptr, 16)); }

std::string constant_repr(const ConstantValue& v) {
    std::string out;
    krait::ast::append_constant_repr(out, v);
    return out;
}

TEST(Repr, Str) {
    size_t n = 0;
    for (const auto& c : cases()) {
        if (c[0] != "str") continue;
        ++n;
        std::string text = unhex(c[1]);
        ConstantValue v;
        v.kind = ConstantValue::Kind::Str;
        v.text = text;
        EXPECT_EQ(constant_repr(v), unhex(c[2])) << "input hex " << c[1];
    }
    EXPECT_GT(n, 1000u);
}

TEST(Repr, Bytes) {
    size_t n = 0;
    for (const auto& c : cases()) {
        if (c[0] != "bytes") continue;
        ++n;
        std::string data = unhex(c[1]);
        ConstantValue v;
        v.kind = ConstantValue::Kind::Bytes;
        v.text = data;
        EXPECT_EQ(constant_repr(v), unhex(c[2])) << "input hex " << c[1];
    }
    EXPECT_GT(n, 500u);
}

TEST(Repr, Float) {
    size_t n = 0;
    for (const auto& c : cases()) {
        if (c[0] != "float" && c[0] != "imag") continue;
        ++n;
        double x = from_bits(c[1]);
        ConstantValue v;
        v.kind = c[0] == "float" ? ConstantValue::Kind::Float : ConstantValue::Kind::Complex;
        v.float_value = x;
        EXPECT_EQ(constant_repr(v), c[2]) << c[0] << " bits " << c[1];
    }
    EXPECT_GT(n, 10000u);
}

TEST(Repr, Int) {
    size_t n = 0;
    for (const auto& c : cases()) {
        if (c[0] != "int") continue;
        ++n;
        ConstantValue v;
        v.kind = ConstantValue::Kind::BigInt;
        v.base = static_cast<uint8_t>(std::stoi(c[1]));
        v.text = c[2];
        EXPECT_EQ(constant_repr(v), c[3]) << "base " << c[1] << " digits " << c[2];
        EXPECT_EQ(krait::ast::int_decimal_digits(v), std::stoul(c[4]));
        // Values that fit in int64 also go through the Int path.
        if (c[3].size() < 19 || (c[3].size() == 19 && c[3] <= "9223372036854775807")) {
            ConstantValue small;
            small.kind = ConstantValue::Kind::Int;
            small.int_value = std::stoll(c[3]);
            EXPECT_EQ(constant_repr(small), c[3]);
        }
    }
    EXPECT_GT(n, 1000u);
}

TEST(Repr, Singletons) {
    ConstantValue v;
    EXPECT_EQ(constant_repr(v), "None");
    v.kind = ConstantValue::Kind::True;
    EXPECT_EQ(constant_repr(v), "True");
    v.kind = ConstantValue::Kind::False;
    EXPECT_EQ(constant_repr(v), "False");
    v.kind = ConstantValue::Kind::Ellipsis;
    EXPECT_EQ(constant_repr(v), "Ellipsis");
    v.kind = ConstantValue::Kind::Int;
    v.int_value = std::numeric_limits<int64_t>::min();
    EXPECT_EQ(constant_repr(v), "-9223372036854775808");
}

TEST(Repr, FloatSpots) {
    using krait::float_repr;
    using krait::imaginary_repr;
    EXPECT_EQ(float_repr(1e16), "1e+16");
    EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
    EXPECT_EQ(float_repr(1e-5), "1e-05");
    EXPECT_EQ(float_repr(1e-4), "0.0001");
    EXPECT_EQ(float_repr(-0.0), "-0.0");
    EXPECT_EQ(float_repr(0.1), "0.1");
    EXPECT_EQ(float_repr(5e-324), "5e-324");
    EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
    EXPECT_EQ(float_repr(INFINITY), "inf");
    EXPECT_EQ(float_repr(-INFINITY), "-inf");
    EXPECT_EQ(float_repr(NAN), "nan");
    EXPECT_EQ(imaginary_repr(2.0), "2j");
    EXPECT_EQ(imaginary_repr(1e16), "1e+16j");
    EXPECT_EQ(imaginary_repr(1.5e300), "1.5e+300j");
    EXPECT_EQ(imaginary_repr(INFINITY), "infj");
}

TEST(Repr, StrSpots) {
    auto r = [](std::string_view s) {
        std::string out;
        krait::ast::append_str_repr(out, s);
        return out;
    };
    EXPECT_EQ(r(""), "''");
    EXPECT_EQ(r("it's"), "\"it's\"");
    EXPECT_EQ(r("it's \"x\""), "'it\\'s \"x\"'");
    EXPECT_EQ(r("a\\b\n\t\r\x01\x7f"), "'a\\\\b\\n\\t\\r\\x01\\x7f'");
    EXPECT_EQ(r("\xed\xa0\x80"), "'\\ud800'");      // lone surrogate
    EXPECT_EQ(r("\xc2\xa0\xc3\xa9"), "'\\xa0\xc3\xa9'");  // NBSP escaped, é kept
    EXPECT_EQ(r("\xf3\xa0\x80\x81"), "'\\U000e0001'");
}

}  // namespace

// Unicode tables against what CPython 3.11 records (tools/gen_test_cases.py).
#include <gtest/gtest.h>

#include <map>

#include "case_data.h"
#include "support/unicode.h"
#include "support/utf8.h"

namespace {

using krait::test::read_cases;
using krait::test::unhex;

std::u32string to_u32(const std::string& utf8) {
    std::u32string out;
    for (size_t pos = 0; pos < utf8.size();) out += static_cast<char32_t>(krait::utf8::decode(utf8, pos));
    return out;
}

std::string to_hex(const std::u32string& s) {
    std::string out;
    char buf[16];
    for (char32_t c : s) {
        snprintf(buf, sizeof buf, "%X ", static_cast<unsigned>(c));
        out += buf;
    }
    return out;
}

// lookup_name's answer as a number (-1 for none), which gtest can print.
long name_value(const char* name) {
    auto cp = krait::unicode::lookup_name(name);
    return cp ? static_cast<long>(*cp) : -1;
}

const std::vector<std::vector<std::string>>& cases() {
    static const auto all = read_cases("unicode_cases.txt");
    return all;
}

// Each property is recorded as the ranges where it holds; every code point
// (and a few beyond U+10FFFF) is checked against them.
void check_property(const char* name, bool (*property)(char32_t)) {
    std::vector<bool> expected(0x110000, false);
    size_t ranges = 0;
    for (const auto& c : cases()) {
        if (c[0] != name) continue;
        ++ranges;
        for (char32_t cp = std::stoul(c[1], nullptr, 16); cp <= std::stoul(c[2], nullptr, 16); ++cp) expected[cp] = true;
    }
    ASSERT_GT(ranges, 100u);
    int failures = 0;
    for (char32_t cp = 0; cp < 0x110000; ++cp) {
        if (property(cp) != expected[cp] && ++failures < 10) ADD_FAILURE() << name << " U+" << std::hex << static_cast<unsigned>(cp);
    }
    EXPECT_EQ(failures, 0);
    EXPECT_FALSE(property(0x110000));
    EXPECT_FALSE(property(0xFFFFFFFF));
}

TEST(Unicode, XidStart) { check_property("xid_start", krait::unicode::is_xid_start); }
TEST(Unicode, XidContinue) { check_property("xid_continue", krait::unicode::is_xid_continue); }
TEST(Unicode, Printable) { check_property("printable", krait::unicode::is_printable); }

TEST(Unicode, Spots) {
    using namespace krait::unicode;
    EXPECT_TRUE(is_xid_start('a'));
    EXPECT_FALSE(is_xid_start('_'));  // isidentifier() adds '_' itself
    EXPECT_TRUE(is_xid_continue('_'));
    EXPECT_FALSE(is_xid_start('1'));
    EXPECT_TRUE(is_xid_continue('1'));
    EXPECT_TRUE(is_xid_start(0x00E9));
    EXPECT_FALSE(is_printable('\n'));
    EXPECT_TRUE(is_printable(' '));
    EXPECT_FALSE(is_printable(0xA0));
    EXPECT_FALSE(is_printable(0xD800));
    EXPECT_EQ(nfkc(U"\uFB01"), U"fi");
    EXPECT_EQ(nfkc(U"\u1100\u1161\u11A8"), U"\uAC01");
    EXPECT_EQ(name_value("LATIN SMALL LETTER A"), long(U'a'));
    EXPECT_EQ(name_value("latin small letter a"), long(U'a'));
    EXPECT_EQ(name_value("HANGUL SYLLABLE GAG"), long(U'\uAC01'));
    EXPECT_EQ(name_value("CJK UNIFIED IDEOGRAPH-4E00"), long(U'\u4E00'));
    EXPECT_EQ(name_value("cjk unified ideograph-4e00"), -1);
    EXPECT_EQ(name_value("LF"), long(U'\n'));
}

TEST(Unicode, Nfkc) {
    size_t n = 0;
    int failures = 0;
    for (const auto& c : cases()) {
        if (c[0] != "nfkc") continue;
        ++n;
        std::u32string input = to_u32(unhex(c[1])), expected = to_u32(unhex(c[2]));
        std::u32string got = krait::unicode::nfkc(input);
        if (got != expected && ++failures < 20)
            ADD_FAILURE() << "nfkc(" << to_hex(input) << ") = " << to_hex(got) << " expected " << to_hex(expected);
    }
    EXPECT_GT(n, 8000u);
    EXPECT_EQ(failures, 0);
}

TEST(Unicode, LookupName) {
    size_t n = 0, found = 0;
    int failures = 0;
    for (const auto& c : cases()) {
        if (c[0] != "name") continue;
        ++n;
        std::optional<char32_t> expected;
        if (c[2] != "-") expected = static_cast<char32_t>(std::stoul(c[2], nullptr, 16)), ++found;
        auto got = krait::unicode::lookup_name(c[1]);
        if (got != expected && ++failures < 20)
            ADD_FAILURE() << "lookup_name('" << c[1] << "') = " << (got ? std::to_string(*got) : "none") << " expected "
                          << (expected ? std::to_string(*expected) : "none");
    }
    EXPECT_GT(n, 5000u);
    EXPECT_GT(found, 2000u);
    EXPECT_EQ(failures, 0);
}

}  // namespace

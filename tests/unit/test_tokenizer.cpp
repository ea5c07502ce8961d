// Tokenizer and source decoding against CPython 3.11. The expectations are
// in tests/data/tokenizer_cases.txt, recorded from /usr/bin/python3.11 by
// tests/record_tokenizer_cases.py (see there for the format).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parse/source.h"
#include "parse/tokenizer.h"
#include "support/utf8.h"

using namespace krait;

namespace {

std::string data_path() {
    std::string here = __FILE__;  // .../tests/unit/test_tokenizer.cpp
    return here.substr(0, here.rfind("/unit/")) + "/data/tokenizer_cases.txt";
}

std::string unhex(const std::string& h) {
    std::string out;
    for (size_t i = 0; i + 1 < h.size(); i += 2) out += char(std::stoi(h.substr(i, 2), nullptr, 16));
    return out;
}

struct Case {
    std::string kind;  // TOKENS, ERROR, DECODE
    std::string mode;  // DECODE: compile or file
    std::string source;
    std::vector<std::string> lines;  // T lines, or the E/OK line
};

std::vector<Case> load_cases() {
    std::ifstream in(data_path());
    std::vector<Case> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("TOKENS ", 0) == 0 || line.rfind("ERROR ", 0) == 0) {
            Case c;
            size_t sp = line.find(' ');
            c.kind = line.substr(0, sp);
            c.source = unhex(line.substr(sp + 1));
            cases.push_back(std::move(c));
        } else if (line.rfind("DECODE ", 0) == 0) {
            Case c;
            c.kind = "DECODE";
            std::istringstream ss(line.substr(7));
            std::string hex;
            ss >> c.mode >> hex;
            c.source = unhex(hex);
            cases.push_back(std::move(c));
        } else if (!cases.empty()) {
            cases.back().lines.push_back(line.rfind("T ", 0) == 0 ? line.substr(2) : line);
        }
    }
    return cases;
}

const char* const kTypeNames[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "LPAR", "RPAR",
    "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS", "STAR", "SLASH", "VBAR",
    "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT", "LBRACE", "RBRACE", "EQEQUAL",
    "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT",
    "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL",
    "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL",
    "DOUBLESTAREQUAL", "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW",
    "ELLIPSIS", "COLONEQUAL", "ERRORTOKEN"};

// The `krait --tokenize` line of a token (see dump_tokens in src/cli/main.cpp).
std::string format_token(const Token& t, std::string_view src) {
    char head[96];
    std::snprintf(head, sizeof head, "%d,%d-%d,%d: %s kw=%d '", t.lineno, t.col_offset,
                  t.end_lineno, t.end_col_offset, kTypeNames[int(t.type)], int(t.keyword));
    std::string out = head;
    for (char c : src.substr(t.start, t.end - t.start)) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + "'";
}

std::string_view line_of(std::string_view src, int lineno) {
    size_t pos = 0;
    for (int n = 1; n < lineno; ++n) {
        size_t nl = src.find('\n', pos);
        if (nl == std::string_view::npos) return {};
        pos = nl + 1;
    }
    size_t nl = src.find('\n', pos);
    return src.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos + 1);
}

// CPython's 1-based character offset for a 0-based byte column (the rule of
// syntax_error.cpp: negative columns stand for CPython's 0 and -1).
long cpython_offset(std::string_view line, int col) {
    if (col < 0) return long(col) + 1;
    size_t c = size_t(col);
    size_t within = c < line.size() ? c : line.size();
    return long(utf8::length(line.substr(0, within))) + long(c - within) + 1;
}

// The "E ..." line CPython's SyntaxError gives for a SyntaxErrorInfo.
std::string format_error(const SyntaxErrorInfo& e, std::string_view src) {
    long offset = e.lineno > 0 ? cpython_offset(line_of(src, e.lineno), e.col_offset) : e.col_offset + 1;
    long end_offset = e.end_lineno > 0 ? cpython_offset(line_of(src, e.end_lineno), e.end_col_offset) : 0;
    std::ostringstream s;
    s << "E " << SyntaxErrorInfo::type_name(e.type) << '\t' << e.lineno << '\t' << offset << '\t'
      << e.end_lineno << '\t' << end_offset << '\t' << e.msg;
    return s.str();
}

std::string hexify(const std::string& s) {
    std::string out;
    char b[4];
    for (unsigned char c : s) {
        std::snprintf(b, sizeof b, "%02x", c);
        out += b;
    }
    return out;
}

}  // namespace

TEST(Tokenizer, RecordedTokenStreams) {
    int n = 0;
    for (const auto& c : load_cases()) {
        if (c.kind != "TOKENS") continue;
        ++n;
        SyntaxErrorInfo err;
        auto src = decode_source(c.source, err);
        ASSERT_TRUE(src) << hexify(c.source);
        auto r = tokenize(src->text);
        EXPECT_FALSE(r.error) << c.source << "\n" << (r.error ? r.error->msg : "");
        std::vector<std::string> got;
        for (const auto& t : r.tokens) got.push_back(format_token(t, src->text));
        EXPECT_EQ(got, c.lines) << "source: " << c.source;
    }
    EXPECT_GT(n, 40);
}

TEST(Tokenizer, RecordedErrors) {
    int n = 0;
    for (const auto& c : load_cases()) {
        if (c.kind != "ERROR") continue;
        ++n;
        SyntaxErrorInfo err;
        auto src = decode_source(c.source, err);
        ASSERT_TRUE(src) << hexify(c.source);
        auto r = tokenize(src->text);
        ASSERT_TRUE(r.error) << "no error for: " << c.source;
        ASSERT_EQ(c.lines.size(), 1u);
        EXPECT_EQ(format_error(*r.error, src->text), c.lines[0]) << "source: " << c.source;
        // Tokens stop before the error: none may end after it.
        EXPECT_TRUE(r.tokens.empty() || r.tokens.back().type != TokenType::EndMarker);
    }
    EXPECT_GT(n, 100);
}

TEST(SourceDecoding, RecordedCases) {
    int n = 0;
    for (const auto& c : load_cases()) {
        if (c.kind != "DECODE") continue;
        ++n;
        ASSERT_EQ(c.lines.size(), 1u);
        const std::string& want = c.lines[0];
        bool file = c.mode == "file";
        SyntaxErrorInfo err;
        auto src = decode_source(c.source, err, file ? "DIR/x.py" : "");
        // "(unicode error)" comes from decoding a string literal, after the
        // source itself decoded fine.
        bool expect_ok = want == "OK" || want.find("(unicode error)") != std::string::npos;
        if (expect_ok) {
            EXPECT_TRUE(src) << c.mode << " " << hexify(c.source) << ": " << err.msg;
            continue;
        }
        ASSERT_FALSE(src) << c.mode << " " << hexify(c.source);
        if (file) {
            // Running a file: only the printed "Type: msg" line is recorded.
            std::string got = std::string("E ") + SyntaxErrorInfo::type_name(err.type) +
                              "\t0\t0\t0\t0\t" + err.msg;
            EXPECT_EQ(got, want);
        } else {
            EXPECT_EQ(format_error(err, ""), want) << hexify(c.source);
        }
    }
    EXPECT_GT(n, 20);
}

TEST(SourceDecoding, NewlinesAndBom) {
    SyntaxErrorInfo err;
    EXPECT_EQ(decode_source("a\r\nb\rc", err)->text, "a\nb\nc\n");
    EXPECT_EQ(decode_source("", err)->text, "\n");
    EXPECT_EQ(decode_source("\xEF\xBB\xBFx", err)->text, "x\n");
    auto latin = decode_source("# coding: latin-1\nx = '\xE9'\n", err);
    ASSERT_TRUE(latin);
    EXPECT_EQ(latin->encoding, "iso-8859-1");
    EXPECT_EQ(latin->text, "# coding: latin-1\nx = '\xC3\xA9'\n");
}

TEST(Tokenizer, KeywordsAndPositions) {
    std::string src = "if é:\n    return None\n";
    auto r = tokenize(src);
    ASSERT_FALSE(r.error);
    ASSERT_GE(r.tokens.size(), 9u);
    EXPECT_EQ(r.tokens[0].keyword, Keyword::If);
    EXPECT_EQ(r.tokens[1].type, TokenType::Name);
    EXPECT_EQ(r.tokens[1].col_offset, 3);
    EXPECT_EQ(r.tokens[1].end_col_offset, 5);  // 'é' is two bytes
    EXPECT_EQ(r.tokens[5].keyword, Keyword::Return);
    EXPECT_EQ(r.tokens[6].keyword, Keyword::None);
}

// Not a timing assertion: prints the speed so a regression is visible.
TEST(Tokenizer, LargeInput) {
    std::string src;
    for (int i = 0; i < 20000; ++i)
        src += "def f" + std::to_string(i) + "(a, b=1.5e3, *c):\n    return a + b * 'x' # c\n\n";
    auto t0 = std::chrono::steady_clock::now();
    auto r = tokenize(src);
    auto t1 = std::chrono::steady_clock::now();
    ASSERT_FALSE(r.error);
    EXPECT_EQ(r.tokens.back().type, TokenType::EndMarker);
    std::printf("tokenized %zu bytes into %zu tokens in %.2f ms\n", src.size(), r.tokens.size(),
                std::chrono::duration<double, std::milli>(t1 - t0).count());
}

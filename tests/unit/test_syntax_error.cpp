// format_syntax_error against CPython 3.11's printing of SyntaxErrors. The
// expected texts in syntax_error_cases.inc were printed by /usr/bin/python3.11
// (tests/unit/gen_syntax_error_cases.py), never written by hand.
#include <gtest/gtest.h>

#include <string>

#include "parse/syntax_error.h"

namespace {

struct Case {
    const char* source;
    int lineno, col_offset, end_lineno, end_col_offset;
    const char* expected;
};

const Case kCases[] = {
#include "syntax_error_cases.inc"
};

TEST(SyntaxErrorFormat, MatchesCPythonPrinting) {
    int failures = 0;
    for (const Case& c : kCases) {
        krait::SyntaxErrorInfo err;
        err.msg = "m";
        err.lineno = c.lineno;
        err.col_offset = c.col_offset;
        err.end_lineno = c.end_lineno;
        err.end_col_offset = c.end_col_offset;
        std::string got = krait::format_syntax_error(err, "f.py", c.source);
        if (got != c.expected && ++failures <= 10)
            ADD_FAILURE() << "source: " << testing::PrintToString(std::string(c.source)) << " line " << c.lineno
                          << " col " << c.col_offset << " end " << c.end_lineno << ":" << c.end_col_offset
                          << "\nexpected:\n" << c.expected << "got:\n" << got;
    }
    EXPECT_EQ(failures, 0);
}

// The line's text can be given explicitly (f-string expressions); the
// columns are then relative to it.
TEST(SyntaxErrorFormat, TextOverride) {
    krait::SyntaxErrorInfo err;
    err.msg = "f-string: invalid syntax. Perhaps you forgot a comma?";
    err.lineno = 1;
    err.col_offset = 1;
    err.end_lineno = 1;
    err.end_col_offset = 4;
    err.text_override = "(a b)\n";
    // Recorded from: printf 'x = f"{a b} c"\n' > t.py; python3.11 t.py
    EXPECT_EQ(krait::format_syntax_error(err, "t.py", "x = f\"{a b} c\"\n"),
              "  File \"t.py\", line 1\n    (a b)\n     ^^^\n"
              "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n");
}

// Errors without a line number (the non-UTF-8 source error of a file) print
// as a bare exception; errors without text print no source line.
TEST(SyntaxErrorFormat, NoLocationAndNoText) {
    krait::SyntaxErrorInfo err;
    err.msg = "Non-UTF-8 code starting with '\\xff' in file t.py on line 1, but no encoding declared; "
              "see https://peps.python.org/pep-0263/ for details";
    EXPECT_EQ(krait::format_syntax_error(err, "t.py", ""), "SyntaxError: " + err.msg + "\n");
    krait::SyntaxErrorInfo err2;
    err2.type = krait::SyntaxErrorInfo::Type::IndentationError;
    err2.msg = "m";
    err2.lineno = 3;
    err2.no_text = true;
    EXPECT_EQ(krait::format_syntax_error(err2, "t.py", "a\nb\nc\n"), "  File \"t.py\", line 3\nIndentationError: m\n");
    // A line past the end of the source: no text either.
    err2.no_text = false;
    EXPECT_EQ(krait::format_syntax_error(err2, "t.py", "a\n"), "  File \"t.py\", line 3\nIndentationError: m\n");
}

}  // namespace

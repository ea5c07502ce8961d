// The tokenizer: one pass over the decoded UTF-8 buffer producing the token
// stream CPython 3.11's C tokenizer hands its parser (no COMMENT/NL tokens,
// NEWLINE/INDENT/DEDENT as the C tokenizer emits them).
//
// Behaviour (token boundaries, error messages and where CPython reports
// them) was learnt by running /usr/bin/python3.11; see tests/tokenizer_errors.py
// for the recorded error cases.
//
// Error columns follow SyntaxErrorInfo's convention: 0-based byte offsets,
// with CPython's 1-based `offset` = characters before the column + 1. CPython
// reports some errors with end_offset 0 or -1; they are stored as
// end_col_offset -1 and -2 respectively (see kEndZero / kEndMinusOne).
#include "parse/tokenizer.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "support/unicode.h"
#include "support/utf8.h"

namespace krait {

namespace {

// CPython's limits (MAXINDENT, MAXLEVEL).
constexpr int kMaxIndent = 100;
constexpr int kMaxLevel = 200;
constexpr int kTabSize = 8;
// end_col_offset values that stand for CPython's end_offset 0 and -1.
constexpr int kEndZero = -1;
constexpr int kEndMinusOne = -2;

inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// CPython's is_potential_identifier_start/char: every byte >= 128 may be
// part of an identifier; the decoded characters are checked afterwards.
inline bool is_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
inline bool is_ident_char(int c) { return is_ident_start(c) || is_digit(c); }

Keyword classify_keyword(std::string_view s) {
    // Switch on length first: most names are not keywords and fail fast.
    switch (s.size()) {
        case 2:
            if (s == "as") return Keyword::As;
            if (s == "if") return Keyword::If;
            if (s == "in") return Keyword::In;
            if (s == "is") return Keyword::Is;
            if (s == "or") return Keyword::Or;
            break;
        case 3:
            if (s == "and") return Keyword::And;
            if (s == "def") return Keyword::Def;
            if (s == "del") return Keyword::Del;
            if (s == "for") return Keyword::For;
            if (s == "not") return Keyword::Not;
            if (s == "try") return Keyword::Try;
            break;
        case 4:
            if (s == "None") return Keyword::None;
            if (s == "True") return Keyword::True;
            if (s == "elif") return Keyword::Elif;
            if (s == "else") return Keyword::Else;
            if (s == "from") return Keyword::From;
            if (s == "pass") return Keyword::Pass;
            if (s == "with") return Keyword::With;
            break;
        case 5:
            if (s == "False") return Keyword::False;
            if (s == "async") return Keyword::Async;
            if (s == "await") return Keyword::Await;
            if (s == "break") return Keyword::Break;
            if (s == "class") return Keyword::Class;
            if (s == "raise") return Keyword::Raise;
            if (s == "while") return Keyword::While;
            if (s == "yield") return Keyword::Yield;
            break;
        case 6:
            if (s == "assert") return Keyword::Assert;
            if (s == "except") return Keyword::Except;
            if (s == "global") return Keyword::Global;
            if (s == "import") return Keyword::Import;
            if (s == "lambda") return Keyword::Lambda;
            if (s == "return") return Keyword::Return;
            break;
        case 7:
            if (s == "finally") return Keyword::Finally;
            break;
        case 8:
            if (s == "continue") return Keyword::Continue;
            if (s == "nonlocal") return Keyword::Nonlocal;
            break;
    }
    return Keyword::None_;
}

class Tokenizer {
public:
    explicit Tokenizer(std::string_view src) : src_(src), n_(src.size()) {
        // A rough guess that avoids most reallocations (about one token
        // every 4-5 bytes in typical code).
        out_.tokens.reserve(n_ / 4 + 16);
    }

    TokenizeResult run() {
        while (step()) {
        }
        return std::move(out_);
    }

private:
    std::string_view src_;
    size_t n_;
    size_t pos_ = 0;         // next byte to read
    size_t line_start_ = 0;  // offset of the current line's first byte
    int lineno_ = 1;
    bool atbol_ = true;
    bool line_has_tokens_ = false;  // a token was emitted on this logical line
    // Indentation stacks: columns with tabs to multiples of 8, and with tabs
    // as one column (the "alternate" count used to detect inconsistent mixes).
    int indent_ = 0;
    int indstack_[kMaxIndent] = {0};
    int altindstack_[kMaxIndent] = {0};
    // Open brackets: the character, its line and byte column.
    int level_ = 0;
    char parenstack_[kMaxLevel];
    int parenline_[kMaxLevel];
    int parencol_[kMaxLevel];
    TokenizeResult out_;

    int peek(size_t i) const { return i < n_ ? static_cast<unsigned char>(src_[i]) : -1; }

    // Moves to the next line after consuming the '\n' at pos_-1.
    void new_line() {
        ++lineno_;
        line_start_ = pos_;
    }

    void emit(TokenType type, size_t start, size_t end, int lineno, size_t line_start,
              Keyword kw = Keyword::None_) {
        Token t;
        t.type = type;
        t.keyword = kw;
        t.start = static_cast<uint32_t>(start);
        t.end = static_cast<uint32_t>(end);
        t.lineno = lineno;
        t.col_offset = static_cast<int32_t>(start - line_start);
        t.end_lineno = lineno_;
        t.end_col_offset = static_cast<int32_t>(end - line_start_);
        out_.tokens.push_back(t);
    }
    // A token that starts and ends on the current line.
    void emit_here(TokenType type, size_t start, size_t end, Keyword kw = Keyword::None_) {
        emit(type, start, end, lineno_, line_start_, kw);
    }

    // --- errors -----------------------------------------------------------

    bool fail(SyntaxErrorInfo::Type type, std::string msg, int lineno, int col, int end_lineno,
              int end_col) {
        SyntaxErrorInfo e;
        e.type = type;
        e.msg = std::move(msg);
        e.lineno = lineno;
        e.col_offset = col;
        e.end_lineno = end_lineno;
        e.end_col_offset = end_col;
        out_.error = std::move(e);
        return false;
    }
    // Byte column of the character that ends just before `cur` (CPython's
    // tokenizer errors point at tok->cur, and its 1-based offset counts the
    // characters before it, i.e. it designates the last character read).
    int col_before(size_t cur, size_t line_start) const {
        if (cur <= line_start) return -1;
        size_t p = cur - 1;
        while (p > line_start && (static_cast<unsigned char>(src_[p]) & 0xC0) == 0x80) --p;
        return static_cast<int>(p - line_start);
    }
    // CPython's tokenizer-level syntaxerror(): location at tok->cur.
    bool error_at(size_t cur, std::string msg) {
        int col = col_before(cur, line_start_);
        return fail(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), lineno_, col, lineno_, col);
    }
    // The byte column of the current line that lies `nchars` characters
    // from its start (bytes past the line's end count one each).
    int col_for_chars(int nchars) const {
        size_t p = line_start_;
        int k = 0;
        while (k < nchars && p < n_ && src_[p] != '\n') {
            ++p;
            while (p < n_ && (static_cast<unsigned char>(src_[p]) & 0xC0) == 0x80) ++p;
            ++k;
        }
        return static_cast<int>(p - line_start_) + (nchars - k);
    }
    // Byte column of the current line's '\n' (or its end).
    int newline_col() const {
        const void* nl = std::memchr(src_.data() + line_start_, '\n', n_ - line_start_);
        size_t end = nl ? static_cast<const char*>(nl) - src_.data() : n_;
        return static_cast<int>(end - line_start_);
    }

    // --- the main loop ----------------------------------------------------

    // Produces the next token(s); false at the end or on an error.
    bool step() {
        if (atbol_) {
            atbol_ = false;
            if (!indentation()) return false;
        }
        // Skip spaces (CPython's "again:" label).
        for (;;) {
            int c = peek(pos_);
            if (c == ' ' || c == '\t' || c == '\f') {
                ++pos_;
                continue;
            }
            break;
        }
        size_t start = pos_;
        int c = peek(pos_);
        if (c == '#') {
            const void* nl = std::memchr(src_.data() + pos_, '\n', n_ - pos_);
            pos_ = nl ? static_cast<const char*>(nl) - src_.data() : n_;
            c = peek(pos_);
        }
        if (c < 0) return end_of_file();
        if (is_ident_start(c)) return name_or_string(start);
        if (c == '\n') {
            ++pos_;
            atbol_ = true;
            if (level_ == 0) {
                // The C tokenizer's NEWLINE starts at the comment when there
                // is one and ends before the '\n' (zero width otherwise).
                emit_here(TokenType::Newline, start, pos_ - 1);
                line_has_tokens_ = false;
            }
            new_line();
            return true;
        }
        if (is_digit(c)) return number(start);
        if (c == '.') {
            if (is_digit(peek(pos_ + 1))) return number(start);
            if (peek(pos_ + 1) == '.' && peek(pos_ + 2) == '.') {
                pos_ += 3;
                return op(TokenType::Ellipsis, start);
            }
            ++pos_;
            return op(TokenType::Dot, start);
        }
        if (c == '\'' || c == '"') return string(start, start);
        if (c == '\\') {
            ++pos_;
            if (peek(pos_) != '\n') {
                // CPython reports this one from the parser with a column
                // counted from the start of its current buffer (the line);
                // at the end of input (an eval-mode string) no character
                // was read.
                if (pos_ < n_) ++pos_;
                return fail(SyntaxErrorInfo::Type::SyntaxError,
                            "unexpected character after line continuation character", lineno_,
                            col_before(pos_, line_start_) , lineno_, kEndZero);
            }
            // CPython reports EOF right after a continuation at the '\n'.
            int nl_col = static_cast<int>(pos_ - line_start_);
            ++pos_;
            if (pos_ >= n_) {
                if (level_ > 0) return end_of_file();  // "'(' was never closed"
                return fail(SyntaxErrorInfo::Type::SyntaxError, "unexpected EOF while parsing",
                            lineno_, nl_col, lineno_, kEndMinusOne);
            }
            new_line();
            return true;
        }
        return operator_token(start, c);
    }

    // Indentation at the beginning of a line: emits INDENT/DEDENT tokens, or
    // skips the line when it is blank or holds only a comment.
    bool indentation() {
        for (;;) {
            int col = 0, altcol = 0;
            size_t p = pos_;
            for (;; ++p) {
                int c = peek(p);
                if (c == ' ') {
                    ++col;
                    ++altcol;
                } else if (c == '\t') {
                    col = (col / kTabSize + 1) * kTabSize;
                    ++altcol;
                } else if (c == '\f') {
                    col = altcol = 0;
                } else {
                    break;
                }
            }
            int c = peek(p);
            if (c == '#' || c == '\n') {
                // Blank or comment-only line: no tokens, indentation ignored.
                if (c == '#') {
                    const void* nl = std::memchr(src_.data() + p, '\n', n_ - p);
                    if (!nl) {
                        pos_ = n_;
                        return true;
                    }
                    p = static_cast<const char*>(nl) - src_.data();
                }
                pos_ = p + 1;
                new_line();
                continue;
            }
            if (level_ > 0) {
                pos_ = p;
                return true;
            }
            if (col == indstack_[indent_]) {
                if (altcol != altindstack_[indent_]) return tab_error();
            } else if (col > indstack_[indent_]) {
                if (indent_ + 1 >= kMaxIndent) {
                    return fail(SyntaxErrorInfo::Type::IndentationError,
                                "too many levels of indentation", lineno_, 0, lineno_, kEndZero);
                }
                if (altcol <= altindstack_[indent_]) return tab_error();
                ++indent_;
                indstack_[indent_] = col;
                altindstack_[indent_] = altcol;
                // INDENT covers the line's leading whitespace (as the
                // tokenize module shows it; the C tokenizer gives no column).
                emit_here(TokenType::Indent, pos_, p);
            } else {
                // CPython checks the new column against the outer levels
                // before it hands out any DEDENT: a bad one is an error at
                // once, with no DEDENT before it.
                int target = indent_;
                while (target > 0 && col < indstack_[target]) --target;
                while (indent_ > target) {
                    --indent_;
                    if (col != indstack_[target]) break;
                    // DEDENT: zero width at the next token.
                    emit_here(TokenType::Dedent, p, p);
                }
                indent_ = target;
                if (col != indstack_[indent_]) {
                    return fail(SyntaxErrorInfo::Type::IndentationError,
                                "unindent does not match any outer indentation level", lineno_,
                                newline_col(), lineno_, kEndMinusOne);
                }
                if (altcol != altindstack_[indent_]) return tab_error();
            }
            pos_ = p;
            return true;
        }
    }

    bool tab_error() {
        return fail(SyntaxErrorInfo::Type::TabError,
                    "inconsistent use of tabs and spaces in indentation", lineno_, 0, lineno_,
                    kEndZero);
    }

    bool end_of_file() {
        if (level_ > 0) {
            int i = level_ - 1;
            std::string msg = "'";
            msg += parenstack_[i];
            msg += "' was never closed";
            return fail(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), parenline_[i],
                        parencol_[i], parenline_[i], kEndZero);
        }
        // Source without a final newline (decode_source always adds one):
        // CPython's string reader adds it too, so end the logical line.
        if (line_has_tokens_) {
            emit_here(TokenType::Newline, pos_, pos_);
            line_has_tokens_ = false;
        }
        // The tokenize module puts the final DEDENTs and ENDMARKER on the
        // line after the last one, column 0.
        if (pos_ > line_start_) {
            ++lineno_;
            line_start_ = pos_;
        }
        while (indent_ > 0) {
            --indent_;
            emit_here(TokenType::Dedent, pos_, pos_);
        }
        emit_here(TokenType::EndMarker, pos_, pos_);
        return false;
    }

    bool op(TokenType type, size_t start) {
        emit_here(type, start, pos_);
        line_has_tokens_ = true;
        return true;
    }

    // NAME, or a string with a prefix (b, r, u, f and their combinations).
    bool name_or_string(size_t start) {
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        for (;;) {
            int c = peek(pos_);
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
                saw_b = true;
            } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
                saw_u = true;  // u"" only alone (a backwards-compatibility prefix)
            } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
                saw_r = true;
            } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
                saw_f = true;
            } else {
                break;
            }
            ++pos_;
            int q = peek(pos_);
            if (q == '"' || q == '\'') return string(start, pos_);
        }
        bool nonascii = false;
        for (;;) {
            int c = peek(pos_);
            if (c < 0 || !is_ident_char(c)) break;
            nonascii |= c >= 128;
            ++pos_;
        }
        if (nonascii && !verify_identifier(start)) return false;
        std::string_view text = src_.substr(start, pos_ - start);
        emit_here(TokenType::Name, start, pos_, classify_keyword(text));
        line_has_tokens_ = true;
        return true;
    }

    // PEP 3131: the first character XID_Start or '_', the others XID_Continue.
    bool verify_identifier(size_t start) {
        size_t p = start;
        bool first = true;
        while (p < pos_) {
            size_t char_start = p;
            int32_t cp = utf8::decode(src_, p);
            bool ok = cp >= 0 && (first ? (cp == '_' || unicode::is_xid_start(cp))
                                        : unicode::is_xid_continue(cp));
            first = false;
            if (!ok) {
                char buf[64];
                std::string msg;
                if (cp >= 0 && unicode::is_printable(cp)) {
                    msg = "invalid character '";
                    utf8::append(msg, static_cast<char32_t>(cp));
                    std::snprintf(buf, sizeof buf, "' (U+%04X)", static_cast<unsigned>(cp));
                    msg += buf;
                } else {
                    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                                  static_cast<unsigned>(cp < 0 ? 0xFFFD : cp));
                    msg = buf;
                }
                int col = static_cast<int>(char_start - line_start_);
                return fail(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), lineno_, col,
                            lineno_, col);
            }
        }
        return true;
    }

    // A string literal; `quote_pos` is the opening quote, `start` the prefix.
    bool string(size_t start, size_t quote_pos) {
        const int first_line = lineno_;
        const size_t first_line_start = line_start_;
        const char quote = src_[quote_pos];
        size_t p = quote_pos + 1;
        int quote_size = 1;
        int end_quote_size = 0;
        if (peek(p) == quote) {
            if (peek(p + 1) == quote) {
                quote_size = 3;
                p += 2;
            } else {
                end_quote_size = 1;  // the empty string
                p += 1;
            }
        }
        while (end_quote_size != quote_size) {
            int c = peek(p);
            if (c < 0 || (quote_size == 1 && c == '\n')) {
                int detected = lineno_;
                int col = static_cast<int>(start - first_line_start);
                std::string msg = quote_size == 3 ? "unterminated triple-quoted string literal"
                                                  : "unterminated string literal";
                msg += " (detected at line " + std::to_string(detected) + ")";
                return fail(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), first_line, col,
                            first_line, col);
            }
            ++p;
            if (c == quote) {
                ++end_quote_size;
                continue;
            }
            end_quote_size = 0;
            // CPython counts a line when it reads its first character, so
            // a string open at the end of input is "detected" on the last
            // line, not the one after it.
            if (c == '\n') {
                if (p < n_) {
                    pos_ = p;
                    new_line();
                }
            } else if (c == '\\') {
                // Skip the escaped character (it may be a newline).
                int e = peek(p);
                if (e >= 0) {
                    ++p;
                    if (e == '\n' && p < n_) {
                        pos_ = p;
                        new_line();
                    }
                }
            }
        }
        pos_ = p;
        emit(TokenType::String, start, pos_, first_line, first_line_start);
        line_has_tokens_ = true;
        return true;
    }

    // --- numbers ------------------------------------------------------------

    // CPython's verify_end_of_number: a number directly followed by a
    // letter is an error, except before the keywords that can legally follow
    // a number (and, else, for, if, in, is, or, not; CPython only warns).
    // `p` is the offending character's offset.
    bool end_of_number_ok(size_t p, const char* kind) {
        int c = peek(p);
        // The rest of the keyword, and then the end of the word.
        auto follows = [&](const char* rest) {
            size_t len = std::strlen(rest);
            return p + 1 + len <= n_ && std::memcmp(src_.data() + p + 1, rest, len) == 0 &&
                   !is_ident_char(peek(p + 1 + len));
        };
        bool kw = false;
        switch (c) {
            case 'a': kw = follows("nd"); break;
            case 'e': kw = follows("lse"); break;
            case 'f': kw = follows("or"); break;
            case 'i': {
                // Only one more letter is looked at here ("1isx" is a
                // NUMBER and the NAME "isx" for the parser to reject).
                int c2 = peek(p + 1);
                kw = c2 == 'f' || c2 == 'n' || c2 == 's';
                break;
            }
            case 'o': kw = follows("r"); break;
            case 'n': kw = follows("ot"); break;
        }
        if (kw) return true;
        if (c >= 0 && is_ident_char(c)) {
            error_at(p, std::string("invalid ") + kind + " literal");
            return false;
        }
        return true;
    }

    // Digits and single underscores between digits (tok_decimal_tail);
    // `p` is at a digit. Returns the offset after the digits, or 0 on error.
    size_t decimal_tail(size_t p) {
        for (;;) {
            while (is_digit(peek(p))) ++p;
            if (peek(p) != '_') return p;
            ++p;
            if (!is_digit(peek(p))) {
                error_at(p, "invalid decimal literal");
                return 0;
            }
        }
    }

    bool number_done(size_t start, size_t end) {
        pos_ = end;
        emit_here(TokenType::Number, start, end);
        line_has_tokens_ = true;
        return true;
    }

    // Hex, octal or binary digits after the prefix at `p` (CPython's loop:
    // an optional '_' before each group of digits).
    bool radix_number(size_t start, size_t p, int radix, const char* kind) {
        auto ok = [&](int c) {
            return radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        };
        for (;;) {
            if (peek(p) == '_') ++p;
            int c = peek(p);
            if (!ok(c)) {
                if (radix != 16 && is_digit(c)) {
                    return error_at(p + 1, std::string("invalid digit '") + char(c) + "' in " +
                                               kind + " literal");
                }
                return error_at(p, std::string("invalid ") + kind + " literal");
            }
            while (ok(peek(p))) ++p;
            if (peek(p) != '_') break;
        }
        if (radix != 16 && is_digit(peek(p))) {
            return error_at(p + 1, std::string("invalid digit '") + char(peek(p)) + "' in " +
                                       kind + " literal");
        }
        if (!end_of_number_ok(p, kind)) return false;
        return number_done(start, p);
    }

    bool number(size_t start) {
        size_t p = start;
        if (src_[p] == '0') {
            int c = peek(p + 1);
            if (c == 'x' || c == 'X') return radix_number(start, p + 2, 16, "hexadecimal");
            if (c == 'o' || c == 'O') return radix_number(start, p + 2, 8, "octal");
            if (c == 'b' || c == 'B') return radix_number(start, p + 2, 2, "binary");
            // Zeros (possibly with underscores), then maybe a float, or an
            // old-style octal (now an error).
            ++p;
            for (;;) {
                if (peek(p) == '_') {
                    ++p;
                    if (!is_digit(peek(p))) return error_at(p, "invalid decimal literal");
                }
                if (peek(p) != '0') break;
                ++p;
            }
            size_t zeros_end = p + 1;  // CPython's tok->cur after the next char
            bool nonzero = false;
            if (is_digit(peek(p))) {
                nonzero = true;
                p = decimal_tail(p);
                if (!p) return false;
            }
            c = peek(p);
            if (c == '.') return fraction(start, p + 1);
            if (c == 'e' || c == 'E') return exponent(start, p);
            if (c == 'j' || c == 'J') return imaginary(start, p);
            if (nonzero) {
                // CPython gives this range in bytes but treats it as
                // characters: pick the columns that reproduce its numbers.
                int col = col_for_chars(static_cast<int>(start - line_start_));
                int end = col_for_chars(static_cast<int>(zeros_end - line_start_) - 1);
                return fail(SyntaxErrorInfo::Type::SyntaxError,
                            "leading zeros in decimal integer literals are not permitted; "
                            "use an 0o prefix for octal integers",
                            lineno_, col, lineno_, end);
            }
            if (!end_of_number_ok(p, "decimal")) return false;
            return number_done(start, p);
        }
        if (src_[p] == '.') return fraction(start, p + 1);
        p = decimal_tail(p);
        if (!p) return false;
        int c = peek(p);
        if (c == '.') return fraction(start, p + 1);
        if (c == 'e' || c == 'E') return exponent(start, p);
        if (c == 'j' || c == 'J') return imaginary(start, p);
        if (!end_of_number_ok(p, "decimal")) return false;
        return number_done(start, p);
    }

    // After the '.' of a float; `p` is the first character after it.
    bool fraction(size_t start, size_t p) {
        if (is_digit(peek(p))) {
            p = decimal_tail(p);
            if (!p) return false;
        }
        int c = peek(p);
        if (c == 'e' || c == 'E') return exponent(start, p);
        if (c == 'j' || c == 'J') return imaginary(start, p);
        if (!end_of_number_ok(p, "decimal")) return false;
        return number_done(start, p);
    }

    // `p` is at the 'e'/'E'.
    bool exponent(size_t start, size_t p) {
        size_t e = p;
        ++p;
        int c = peek(p);
        if (c == '+' || c == '-') {
            ++p;
            if (!is_digit(peek(p))) return error_at(p, "invalid decimal literal");
        } else if (!is_digit(c)) {
            // "1e" followed by something else: the number ends before the
            // 'e' unless that makes it an invalid literal ("1else" is fine).
            if (!end_of_number_ok(e, "decimal")) return false;
            return number_done(start, e);
        }
        p = decimal_tail(p);
        if (!p) return false;
        c = peek(p);
        if (c == 'j' || c == 'J') return imaginary(start, p);
        if (!end_of_number_ok(p, "decimal")) return false;
        return number_done(start, p);
    }

    // `p` is at the 'j'/'J'.
    bool imaginary(size_t start, size_t p) {
        ++p;
        if (!end_of_number_ok(p, "imaginary")) return false;
        return number_done(start, p);
    }

    // --- operators ------------------------------------------------------------

    bool operator_token(size_t start, int c) {
        int c2 = peek(pos_ + 1);
        int c3 = peek(pos_ + 2);
        TokenType t = TokenType::ErrorToken;
        int len = 1;
        switch (c) {
            case '(': case '[': case '{': {
                if (level_ >= kMaxLevel) return error_at(pos_ + 1, "too many nested parentheses");
                parenstack_[level_] = static_cast<char>(c);
                parenline_[level_] = lineno_;
                parencol_[level_] = static_cast<int>(pos_ - line_start_);
                ++level_;
                t = c == '(' ? TokenType::LPar : c == '[' ? TokenType::LSqb : TokenType::LBrace;
                break;
            }
            case ')': case ']': case '}': {
                if (level_ == 0) return error_at(pos_ + 1, std::string("unmatched '") + char(c) + "'");
                --level_;
                int opening = parenstack_[level_];
                if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
                      (opening == '{' && c == '}'))) {
                    std::string msg = std::string("closing parenthesis '") + char(c) +
                                      "' does not match opening parenthesis '" + char(opening) + "'";
                    if (parenline_[level_] != lineno_)
                        msg += " on line " + std::to_string(parenline_[level_]);
                    return error_at(pos_ + 1, std::move(msg));
                }
                t = c == ')' ? TokenType::RPar : c == ']' ? TokenType::RSqb : TokenType::RBrace;
                break;
            }
            case ':':
                if (c2 == '=') { t = TokenType::ColonEqual; len = 2; }
                else t = TokenType::Colon;
                break;
            case ',': t = TokenType::Comma; break;
            case ';': t = TokenType::Semi; break;
            case '~': t = TokenType::Tilde; break;
            case '+':
                if (c2 == '=') { t = TokenType::PlusEqual; len = 2; }
                else t = TokenType::Plus;
                break;
            case '-':
                if (c2 == '=') { t = TokenType::MinEqual; len = 2; }
                else if (c2 == '>') { t = TokenType::RArrow; len = 2; }
                else t = TokenType::Minus;
                break;
            case '*':
                if (c2 == '*') {
                    if (c3 == '=') { t = TokenType::DoubleStarEqual; len = 3; }
                    else { t = TokenType::DoubleStar; len = 2; }
                } else if (c2 == '=') { t = TokenType::StarEqual; len = 2; }
                else t = TokenType::Star;
                break;
            case '/':
                if (c2 == '/') {
                    if (c3 == '=') { t = TokenType::DoubleSlashEqual; len = 3; }
                    else { t = TokenType::DoubleSlash; len = 2; }
                } else if (c2 == '=') { t = TokenType::SlashEqual; len = 2; }
                else t = TokenType::Slash;
                break;
            case '|':
                if (c2 == '=') { t = TokenType::VBarEqual; len = 2; }
                else t = TokenType::VBar;
                break;
            case '&':
                if (c2 == '=') { t = TokenType::AmperEqual; len = 2; }
                else t = TokenType::Amper;
                break;
            case '^':
                if (c2 == '=') { t = TokenType::CircumflexEqual; len = 2; }
                else t = TokenType::Circumflex;
                break;
            case '%':
                if (c2 == '=') { t = TokenType::PercentEqual; len = 2; }
                else t = TokenType::Percent;
                break;
            case '@':
                if (c2 == '=') { t = TokenType::AtEqual; len = 2; }
                else t = TokenType::At;
                break;
            case '=':
                if (c2 == '=') { t = TokenType::EqEqual; len = 2; }
                else t = TokenType::Equal;
                break;
            case '!':
                // "!" alone is no Python 3.11 token: an ErrorToken the parser
                // rejects with "invalid syntax".
                if (c2 == '=') { t = TokenType::NotEqual; len = 2; }
                break;
            case '<':
                if (c2 == '<') {
                    if (c3 == '=') { t = TokenType::LeftShiftEqual; len = 3; }
                    else { t = TokenType::LeftShift; len = 2; }
                } else if (c2 == '=') { t = TokenType::LessEqual; len = 2; }
                else if (c2 == '>') { t = TokenType::NotEqual; len = 2; }  // "<>"
                else t = TokenType::Less;
                break;
            case '>':
                if (c2 == '>') {
                    if (c3 == '=') { t = TokenType::RightShiftEqual; len = 3; }
                    else { t = TokenType::RightShift; len = 2; }
                } else if (c2 == '=') { t = TokenType::GreaterEqual; len = 2; }
                else t = TokenType::Greater;
                break;
            default:
                // ASCII control characters are rejected by the tokenizer;
                // other stray characters ($, ?, `) become one-character
                // ErrorTokens that the parser reports as "invalid syntax".
                if (c < 32 || c == 127) {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", c);
                    return error_at(pos_ + 1, buf);
                }
                break;
        }
        pos_ += len;
        return op(t, start);
    }
};

}  // namespace

TokenizeResult tokenize(std::string_view source) { return Tokenizer(source).run(); }

}  // namespace krait

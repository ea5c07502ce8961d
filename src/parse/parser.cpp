// The parser's driver: token access, the two passes, and which error wins
// when both the tokenizer and the parser have one (CPython's order).
#include "parse/parser.h"

#include "parse/parser_impl.h"
#include "parse/tokenizer.h"
#include "support/unicode.h"
#include "support/utf8.h"

namespace krait {
namespace detail {

using TT = TokenType;

Token Parser::error_token_{TT::ErrorToken};

namespace {

// CPython's parser stack limit. Each guarded rule call here stands for one
// level of CPython's count (measured: a nesting of `-x`, `not x` or
// `x if c else y` costs one, of `x ** y` or `lambda: x` two, which the
// power and lambda rules add themselves); the base stands for the rules
// above the first guarded one.
constexpr int kMaxStack = 6000;
constexpr int kBaseLevels = 32;

}  // namespace

// Tokenizer errors CPython reports through the parser's done-code (they are
// not exceptions yet when the parser looks ahead for more errors).
bool is_done_code_error(const SyntaxErrorInfo& e) {
    return e.type != SyntaxErrorInfo::Type::SyntaxError || e.msg == "unexpected EOF while parsing" ||
           e.msg == "unexpected character after line continuation character";
}

namespace {

// Errors found at the end of input with brackets open.
bool is_eof_error(const SyntaxErrorInfo& e) {
    return e.msg == "unexpected EOF while parsing" || std::string_view(e.msg).ends_with("' was never closed");
}

// The text of an error raised by CPython's tokenizer itself (its
// syntaxerror()): the error's line without its newline. (Errors the parser
// reports for the tokenizer, and the parser's own, show the line with it.)
void use_tokenizer_text(SyntaxErrorInfo& e, std::string_view source) {
    if (e.lineno < 1 || !e.text_override.empty() || e.no_text) return;
    size_t pos = 0;
    for (int n = 1; n < e.lineno; ++n) {
        size_t nl = source.find('\n', pos);
        if (nl == std::string_view::npos) return;
        pos = nl + 1;
    }
    size_t nl = source.find('\n', pos);
    std::string_view line = source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    e.text_override = std::string(line);
}

}  // namespace

DepthGuard::DepthGuard(Parser& p) : p_(p) {
    if (++p_.depth_ + kBaseLevels > kMaxStack && !p_.failed_) {
        p_.raise(SyntaxErrorInfo::Type::MemoryError, "", 0, 0, 0, 0);
    }
    too_deep_ = p_.failed_;
}

Parser::Parser(const Input& input, ast::Arena& arena, int depth)
    : source_(input.source), tokens_(input.tokens), tokenizer_error_(input.tokenizer_error), arena_(arena),
      depth_(depth) {}

const Token& Parser::peek(size_t k) {
    size_t i = pos_ + k;
    if (i >= tokens_->size()) {
        // Past the last token the tokenizer produced: its error is reached,
        // and raised at once, as CPython's parser does when it fetches it.
        if (tokenizer_error_) {
            if (!reached_tokenizer_error_) {
                reached_tokenizer_error_ = true;
                if (!failed_) {
                    failed_ = true;
                    error_ = *tokenizer_error_;
                }
            }
            fill_ = tokens_->size() + 1;
            return error_token_;
        }
        i = tokens_->size() - 1;
    }
    if (i + 1 > fill_) fill_ = i + 1;
    return (*tokens_)[i];
}

bool Parser::at_soft(std::string_view word) {
    const Token& t = peek();
    return t.type == TT::Name && t.keyword == Keyword::None_ && text(t) == word;
}

bool Parser::accept(TT t) {
    if (peek().type != t) return false;
    ++pos_;
    return true;
}

bool Parser::accept(Keyword k) {
    const Token& t = peek();
    if (t.type != TT::Name || t.keyword != k) return false;
    ++pos_;
    return true;
}

int Parser::last_token_level() {
    if (levels_.empty()) {
        int level = 0;
        levels_.reserve(tokens_->size());
        for (const Token& t : *tokens_) {
            if (t.type == TT::LPar || t.type == TT::LSqb || t.type == TT::LBrace) ++level;
            else if (t.type == TT::RPar || t.type == TT::RSqb || t.type == TT::RBrace) --level;
            levels_.push_back(level);
        }
    }
    return pos_ == 0 ? 0 : levels_[pos_ - 1];
}

ast::Identifier Parser::identifier(const Token& t) {
    std::string_view s = text(t);
    for (unsigned char c : s) {
        if (c >= 0x80) {
            // PEP 3131: identifiers are NFKC-normalised.
            std::u32string cps;
            for (size_t i = 0; i < s.size();) cps.push_back(static_cast<char32_t>(utf8::decode(s, i)));
            std::string out;
            for (char32_t c2 : unicode::nfkc(cps)) utf8::append(out, c2);
            return ast::Identifier(arena_.copy(out));
        }
    }
    return ast::Identifier(s);
}

ast::Name* Parser::name_node(const Token& t, ast::expr_context ctx) {
    auto* n = located<ast::Name>(t, t);
    n->id = identifier(t);
    n->ctx = ctx;
    return n;
}

std::nullptr_t Parser::raise(SyntaxErrorInfo::Type type, std::string msg, int lineno, int col, int end_lineno,
                             int end_col) {
    if (failed_) return nullptr;
    failed_ = true;
    error_ = SyntaxErrorInfo{};
    error_.type = type;
    error_.msg = std::move(msg);
    error_.lineno = lineno;
    error_.col_offset = col;
    error_.end_lineno = end_lineno;
    error_.end_col_offset = end_col;
    error_.from_parser = true;
    error_.tokenizer_line = farthest().end_lineno;
    return nullptr;
}

std::nullptr_t Parser::raise_at(const Token& t, std::string msg) {
    return raise_on_token(SyntaxErrorInfo::Type::SyntaxError, t, std::move(msg));
}

// CPython's INDENT, DEDENT and ENDMARKER tokens have no columns: an error on
// one takes the tokenizer's position instead (after the indentation; at the
// end of input, the end of the last line) and no end.
std::nullptr_t Parser::raise_on_token(SyntaxErrorInfo::Type type, const Token& t, std::string msg, bool known) {
    if (failed_) return nullptr;  // the first error stands (and `t` may be the error token)
    // CPython's INDENT and DEDENT have no column: the tokenizer's position,
    // after the indentation, stands in (as a 1-based offset, hence the -1).
    if (t.type == TT::Indent) return raise(type, std::move(msg), t.lineno, t.end_col_offset - 1, t.lineno, -2);
    if (t.type == TT::Dedent && !only_end_follows(t))
        return raise(type, std::move(msg), t.lineno, t.col_offset - 1, t.lineno, -2);
    if (t.type == TT::EndMarker || (t.type == TT::Dedent && only_end_follows(t)) || is_columnless_newline(t)) {
        // The end of the last line of the source.
        int lines = 0;
        size_t last_start = 0;
        for (size_t i = 0; i + 1 < source_.size(); ++i) {
            if (source_[i] == '\n') {
                ++lines;
                last_start = i + 1;
            }
        }
        int line = source_.empty() ? 1 : lines + 1;
        int col = source_.empty() ? -1 : static_cast<int>(source_.size() - last_start) - 1;
        // A location known to be this token's (CPython's KNOWN_LOCATION
        // errors) has offset and end offset 0; otherwise (RAISE_SYNTAX_ERROR)
        // the tokenizer's position stands in, without an end.
        if (known) {
            raise(type, std::move(msg), line, -1, line, -1);
            error_.at_end_of_input = true;
            return nullptr;
        }
        raise(type, std::move(msg), line, col, line, -2);
        // An eval-mode string without a final newline: CPython's column is
        // the tokenizer's, at the end of the line, and a string shows no
        // sign of the end of input.
        error_.at_end_of_input = source_.empty() || source_.back() == '\n';
        return nullptr;
    }
    return raise(type, std::move(msg), t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
}

bool Parser::only_end_follows(const Token& t) const {
    for (size_t i = static_cast<size_t>(&t - tokens_->data()) + 1; i < tokens_->size(); ++i) {
        TT type = (*tokens_)[i].type;
        if (type != TT::Dedent && type != TT::EndMarker) return false;
    }
    return true;
}

std::nullptr_t Parser::raise_range(const Token& a, const Token& b, std::string msg) {
    return raise(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), a.lineno, a.col_offset, b.end_lineno,
                 b.end_col_offset);
}

std::nullptr_t Parser::raise_indentation(const Token& t, std::string msg) {
    return raise_on_token(SyntaxErrorInfo::Type::IndentationError, t, std::move(msg));
}

ast::mod* Parser::run_pass(ParseMode mode) {
    pos_ = 0;
    switch (mode) {
        case ParseMode::File: return file_rule();
        case ParseMode::Eval:
            if (fstring_mode_) {
                // fstring: star_expressions (the rest of "(expr)" is not looked at)
                ast::expr* e = star_expressions();
                if (!e) return nullptr;
                auto* m = arena_.make<ast::Expression>();
                m->body = e;
                return m;
            }
            return eval_rule();
        case ParseMode::Single: return interactive_rule();
    }
    return nullptr;
}

ast::mod* Parser::parse(ParseMode mode) {
    ast::mod* m = run_pass(mode);
    if (failed_) {
        // A tokenizer error or too deep: final. A forced token's "expected
        // ':'" is checked against the rest of the file like the second pass's.
        if (reached_tokenizer_error_ || error_.type == SyntaxErrorInfo::Type::MemoryError) return nullptr;
        check_rest_of_file();
        return nullptr;
    }
    if (m && bad_single_) {
        return raise_at(farthest(), "multiple statements found while compiling a single statement");
    }
    if (m) return m;
    // The first pass failed without an error: run again with the checks that
    // give specific messages.
    const size_t last_index = fill_ - 1;
    invalid_rules_ = true;
    memoize_ = true;
    run_pass(mode);
    if (failed_) {
        // The tokenizer's error, reached in this pass, stands as it is.
        if (reached_tokenizer_error_ || error_.type == SyntaxErrorInfo::Type::MemoryError) return nullptr;
    } else {
        // Nothing specific: "invalid syntax" where the first pass stopped.
        const Token& last = token_at(last_index);
        if (last.type == TT::Indent) return raise_indentation(last, "unexpected indent");
        if (last.type == TT::Dedent) return raise_indentation(last, "unexpected unindent");
        raise_on_token(SyntaxErrorInfo::Type::SyntaxError, last, "invalid syntax", true);
    }
    check_rest_of_file();
    return nullptr;
}

// After a parser error, CPython tokenizes the rest of the file: an error
// raised there as an exception replaces the parser's; brackets left open at
// the end do when they were opened on a line before the farthest token.
void Parser::check_rest_of_file() {
    if (tokenizer_error_ && !reached_tokenizer_error_) {
        const SyntaxErrorInfo& t = *tokenizer_error_;
        const Token& current = token_at(std::min(fill_ - 1, tokens_->size() - 1));
        if (is_eof_error(t)) {
            if (t.msg != "unexpected EOF while parsing" && current.lineno > t.lineno) error_ = t;
        } else if (!is_done_code_error(t)) {
            error_ = t;
        }
    }
}

}  // namespace detail

ast::mod* parse(std::string_view source, ParseMode mode, ast::Arena& arena, SyntaxErrorInfo& error) {
    TokenizeResult tokens = tokenize(source);
    if (tokens.error && !detail::is_done_code_error(*tokens.error) && !detail::is_eof_error(*tokens.error))
        detail::use_tokenizer_text(*tokens.error, source);
    if (tokens.tokens.empty()) {
        // Nothing to parse before the first error.
        if (tokens.error) {
            error = *tokens.error;
            return nullptr;
        }
    }
    if (mode == ParseMode::Eval && !tokens.error && (source.empty() || source.back() != '\n')) {
        // CPython 3.11 adds a final newline to exec-mode strings only: an
        // eval-mode string without one ends without a NEWLINE token.
        auto& v = tokens.tokens;
        for (size_t i = v.size(); i-- > 0;) {
            if (v[i].type == TokenType::Dedent || v[i].type == TokenType::EndMarker) continue;
            if (v[i].type == TokenType::Newline && v[i].start == source.size()) v.erase(v.begin() + long(i));
            break;
        }
    }
    if (mode == ParseMode::Single && !tokens.error && (source.empty() || source.back() != '\n')) {
        // 'single' mode strings get no final newline either; CPython's parser
        // turns the ENDMARKER after a statement into a NEWLINE, which has no
        // column (see raise_on_token). The tokenizer's implicit NEWLINE
        // stands for it.
        for (Token& t : tokens.tokens) {
            if (t.type == TokenType::Newline && t.start == source.size()) t.col_offset = t.end_col_offset = -1;
        }
    }
    detail::Parser parser({source, &tokens.tokens, tokens.error ? &*tokens.error : nullptr}, arena);
    parser.source_valid_utf8_ = utf8::python_decode_error(source).end == 0;
    ast::mod* m = parser.parse(mode);
    if (!m) error = parser.error();
    return m;
}

}  // namespace krait

// The parser's internals, shared by the files that implement its rules
// (parse_expr.cpp, parse_stmt.cpp, parse_strings.cpp, parse_pattern.cpp,
// parse_targets.cpp). Not part of the public interface: see parser.h.
//
// Shape: a recursive-descent parser over the token vector, one function per
// grammar rule of Python 3.11, deterministic where one token of lookahead
// decides and backtracking (save/restore `pos_`) where the grammar needs it.
// A rule returns nullptr when it does not match; `failed()` tells a
// SyntaxError was raised, which stops the parse.
//
// Errors follow CPython's two passes: a first, fast pass; if it fails, a
// second pass with `invalid_rules_` set, which enables the checks that
// produce CPython's specific messages ("cannot assign to ...", "expected
// ':'", ...). If neither raises anything, the error is "invalid syntax" at
// the farthest token the first pass looked at.
#pragma once

#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "parse/ast_nodes.h"
#include "parse/parser.h"
#include "parse/syntax_error.h"
#include "parse/token.h"

namespace krait::detail {

// Where the AST node positions of an f-string's expression come from: the
// expression is parsed on its own, and its tokens are moved to where the
// expression sits in the file.
struct PositionShift {
    int line_delta = 0;  // added to every line
    int first_line_cols = 0;  // added to columns of tokens that end on the first line
};

class FStringParser;

class Parser {
    friend class FStringParser;
    friend class DepthGuard;

public:
    struct Input {
        std::string_view source;
        const std::vector<Token>* tokens;
        const SyntaxErrorInfo* tokenizer_error;  // raised when the parser reaches tokens->size()
    };

    Parser(const Input& input, ast::Arena& arena, int depth = 0);

    // Runs the passes; returns the module or nullptr with error() set.
    ast::mod* parse(ParseMode mode);
    // Parses an f-string replacement field's expression: "(" star_expressions ")".
    ast::expr* parse_fstring_expression();
    const SyntaxErrorInfo& error() const { return error_; }
    bool failed() const { return failed_; }

    // ---- token access -------------------------------------------------------
    const Token& peek(size_t k = 0);
    const Token& token_at(size_t index) const { return (*tokens_)[index]; }
    const Token& last() const { return (*tokens_)[pos_ - 1]; }
    // The farthest token looked at (where CPython's RAISE_SYNTAX_ERROR points);
    // the error token once the tokenizer's error was reached.
    const Token& farthest() const { return fill_ - 1 < tokens_->size() ? (*tokens_)[fill_ - 1] : error_token_; }
    bool at(TokenType t) { return peek().type == t; }
    bool at(Keyword k) { return peek().keyword == k && peek().type == TokenType::Name; }
    bool at_soft(std::string_view word);
    bool accept(TokenType t);
    bool accept(Keyword k);
    std::string_view text(const Token& t) const { return source_.substr(t.start, t.end - t.start); }
    bool is_plain_name(const Token& t) const { return t.type == TokenType::Name && t.keyword == Keyword::None_; }

    // ---- nodes ----------------------------------------------------------------
    // A node located from token `start` to the last consumed token that is
    // not NEWLINE, INDENT or DEDENT (as CPython's node positions).
    template <class T>
    T* node(size_t start) { return located<T>(token_at(start), last_significant()); }
    const Token& last_significant() const {
        size_t i = pos_ - 1;
        while (i > 0) {
            TokenType t = (*tokens_)[i].type;
            if (t != TokenType::Newline && t != TokenType::Indent && t != TokenType::Dedent) break;
            --i;
        }
        return (*tokens_)[i];
    }
    template <class T>
    T* located(const Token& first, const Token& end) {
        T* n = arena_.make<T>();
        n->lineno = first.lineno;
        n->col_offset = first.col_offset;
        n->end_lineno = end.end_lineno;
        n->end_col_offset = end.end_col_offset;
        return n;
    }
    template <class T, class A, class B>
    T* spanning(const A* first, const B* end) {
        T* n = arena_.make<T>();
        n->lineno = first->lineno;
        n->col_offset = first->col_offset;
        n->end_lineno = end->end_lineno;
        n->end_col_offset = end->end_col_offset;
        return n;
    }
    template <class T>
    ast::Seq<T> seq(const std::vector<T>& v) { return ast::Seq<T>::from(arena_, v); }
    ast::Identifier identifier(const Token& t);
    ast::Name* name_node(const Token& t, ast::expr_context ctx);

    // ---- errors ---------------------------------------------------------------
    // Raises a SyntaxError (first one wins); always returns nullptr so rules can
    // `return raise(...)`.
    std::nullptr_t raise(SyntaxErrorInfo::Type type, std::string msg, int lineno, int col, int end_lineno,
                         int end_col);
    std::nullptr_t raise_at(const Token& t, std::string msg);
    std::nullptr_t raise_on_token(SyntaxErrorInfo::Type type, const Token& t, std::string msg, bool known = false);
    bool only_end_follows(const Token& t) const;
    // 'single' mode's NEWLINE standing for CPython's ENDMARKER (see parse()).
    static bool is_columnless_newline(const Token& t) { return t.type == TokenType::Newline && t.col_offset < 0; }
    std::nullptr_t raise_range(const Token& a, const Token& b, std::string msg);
    template <class A, class B>
    std::nullptr_t raise_nodes(const A* a, const B* b, std::string msg) {
        return raise(SyntaxErrorInfo::Type::SyntaxError, std::move(msg), a->lineno, a->col_offset, b->end_lineno,
                     b->end_col_offset);
    }
    std::nullptr_t raise_indentation(const Token& t, std::string msg);

    ast::mod* run_pass(ParseMode mode);
    void check_rest_of_file();
    // The bracket nesting level after the last consumed token (for "Perhaps
    // you forgot a comma?", which CPython only suggests inside brackets).
    int last_token_level();

    // ---- rules: statements (parse_stmt.cpp) -----------------------------------
    ast::mod* file_rule();
    ast::mod* interactive_rule();
    ast::mod* eval_rule();
    bool statements(std::vector<ast::stmt*>& out);
    bool statement(std::vector<ast::stmt*>& out);
    bool simple_stmts(std::vector<ast::stmt*>& out);
    ast::stmt* simple_stmt();
    ast::stmt* compound_stmt();
    ast::stmt* expression_stmt();
    ast::Seq<ast::stmt*> block(const Token& owner, const char* what);
    bool block_colon();
    bool forced_colon();
    bool else_block(ast::Seq<ast::stmt*>& orelse);
    ast::stmt* if_stmt(bool is_elif);
    ast::stmt* while_stmt();
    ast::stmt* for_stmt(size_t start, bool is_async);
    ast::stmt* with_stmt(size_t start, bool is_async);
    ast::withitem* with_item();
    ast::stmt* try_stmt();
    ast::excepthandler* except_block(bool star, const Token& try_token);
    std::nullptr_t invalid_except_stmt();
    bool except_header_rest(bool optional_type);
    bool mixed_except_kinds(bool star_list);
    ast::stmt* function_def(size_t start, bool is_async, ast::Seq<ast::expr*> decorators);
    ast::stmt* class_def(size_t start, ast::Seq<ast::expr*> decorators);
    ast::stmt* decorated();
    ast::stmt* import_name();
    ast::stmt* import_from();
    ast::alias* dotted_as_name();
    ast::Identifier dotted_name();
    ast::stmt* return_stmt();
    ast::stmt* raise_stmt();
    ast::stmt* global_stmt(bool is_global);
    ast::stmt* del_stmt();
    ast::stmt* assert_stmt();
    ast::arguments* parameters(bool lambda, TokenType closer);
    ast::arg* param(bool lambda, bool star_annotation);

    // ---- rules: match (parse_pattern.cpp) --------------------------------------
    ast::stmt* match_stmt();
    ast::match_case* case_block();
    ast::pattern* patterns();
    ast::pattern* pattern();
    ast::pattern* or_pattern();
    ast::pattern* closed_pattern();
    ast::pattern* maybe_star_pattern();
    ast::pattern* sequence_pattern_items(size_t start, TokenType closer, std::vector<ast::pattern*> items);
    ast::pattern* mapping_pattern();
    ast::pattern* class_pattern(ast::expr* cls, size_t start);
    ast::expr* signed_number_or_complex();
    ast::expr* name_or_attr();
    bool pattern_capture_target_ahead();

    // ---- memoization (second pass) ----------------------------------------------
    // The second pass's checks parse the same sub-expression several times
    // (as CPython's invalid_* alternatives do); without memoization nested
    // brackets would cost exponential time. Results are kept by rule and
    // position, as CPython memoizes its rules.
    enum class MemoRule : uint8_t { Expression, ExpressionWithoutInvalid, Disjunction, BitwiseOr };
    template <class F>
    ast::expr* memoized(MemoRule rule, F&& parse_rule) {
        if (!memoize_) return parse_rule();
        // As CPython's memo, the key ignores whether the checks are on: a
        // rule first parsed inside expression_without_invalid is reused.
        uint64_t key = (uint64_t(pos_) << 8) | uint64_t(rule);
        if (auto it = memo_.find(key); it != memo_.end()) {
            pos_ = it->second.second;
            return it->second.first;
        }
        ast::expr* result = parse_rule();
        if (!failed_) memo_[key] = {result, pos_};
        return result;
    }

    // ---- rules: expressions (parse_expr.cpp) -----------------------------------
    bool starts_expression();
    ast::expr* expression_rule();
    ast::expr* bitwise_or_rule();
    template <class OpOf>
    ast::expr* binary_level(ast::expr* (Parser::*next)(), OpOf op_of);
    ast::expr* disjunction_rule();
    ast::expr* expressions();
    ast::expr* expression();
    ast::expr* expression_without_invalid();
    ast::expr* yield_expr();
    ast::expr* star_expressions();
    ast::expr* star_expression();
    ast::expr* star_named_expression();
    bool star_named_expressions(std::vector<ast::expr*>& out, TokenType closer);
    ast::expr* named_expression();
    ast::expr* assignment_expression();
    ast::expr* disjunction();
    ast::expr* conjunction();
    ast::expr* inversion();
    ast::expr* comparison();
    ast::expr* bitwise_or();
    ast::expr* bitwise_xor();
    ast::expr* bitwise_and();
    ast::expr* shift_expr();
    ast::expr* sum();
    ast::expr* term();
    ast::expr* factor();
    ast::expr* power();
    ast::expr* await_primary();
    ast::expr* primary();
    ast::expr* primary_trailers(ast::expr* e, size_t start);
    ast::expr* primary_trailer(ast::expr* e, size_t start);
    ast::expr* atom();
    ast::expr* slices();
    ast::expr* slice();
    ast::expr* call(ast::expr* func, size_t start);
    ast::expr* paren_atom();
    ast::expr* list_atom();
    ast::expr* brace_atom();
    bool dict_value_ok();
    ast::expr* lambdef();
    bool for_if_clauses(std::vector<ast::comprehension*>& out);
    bool at_comprehension();
    template <class T>
    ast::expr* comprehension(size_t start, ast::expr* elt, TokenType closer);
    ast::expr* starred_expression();

    // ---- strings (parse_strings.cpp) -------------------------------------------
    ast::expr* strings();

    // ---- targets (parse_targets.cpp) -------------------------------------------
    ast::expr* star_targets();
    ast::expr* star_target();
    ast::expr* target_with_star_atom();
    ast::expr* del_targets_as_list(std::vector<ast::expr*>& out);
    // Makes `e` a target (Store or Del context) in place; false if it cannot be one.
    bool set_context(ast::expr* e, ast::expr_context ctx);
    enum class TargetsKind { Star, Del, For };
    // The first sub-expression of `e` that cannot be a target, or nullptr.
    ast::expr* invalid_target(ast::expr* e, TargetsKind kind);
    // CPython's name for an expression in messages: "function call", "literal"...
    static const char* expr_name(const ast::expr* e);
    std::nullptr_t raise_invalid_target(TargetsKind kind, ast::expr* e);

    // ---- state ------------------------------------------------------------------
    std::string_view source_;
    const std::vector<Token>* tokens_;
    const SyntaxErrorInfo* tokenizer_error_;
    ast::Arena& arena_;
    size_t pos_ = 0;
    size_t fill_ = 0;  // one past the farthest token looked at
    bool invalid_rules_ = false;  // second pass
    bool failed_ = false;
    bool reached_tokenizer_error_ = false;
    SyntaxErrorInfo error_;
    int depth_ = 0;  // recursion guard, see DepthGuard
    bool source_valid_utf8_ = true;  // checked once: string literals skip the check when true
    bool bad_single_ = false;  // 'single' mode: more than one statement (see interactive_rule)
    bool fstring_mode_ = false;  // parsing an f-string replacement field's "(expr)"
    std::vector<int> levels_;  // bracket level after each token, computed on demand
    bool memoize_ = false;     // in the second pass
    std::unordered_map<uint64_t, std::pair<ast::expr*, size_t>> memo_;
    static Token error_token_;
};

// Tokenizer errors CPython reports through the parser's done-code rather
// than raising them itself (see parser.cpp).
bool is_done_code_error(const SyntaxErrorInfo& e);

// Bounds the C++ recursion of the parser: deeply nested input gets
// CPython's error instead of a stack overflow.
class DepthGuard {
public:
    explicit DepthGuard(Parser& p);
    ~DepthGuard() { --p_.depth_; }
    bool too_deep() const { return too_deep_; }

private:
    Parser& p_;
    bool too_deep_ = false;
};

}  // namespace krait::detail

// Expression rules of the Python 3.11 grammar.
#include "parse/literals.h"
#include "parse/parser_impl.h"

namespace krait::detail {

using TT = TokenType;
using KW = Keyword;

namespace {

std::optional<ast::operator_> augassign_or_binop(TT t) {
    switch (t) {
        case TT::Plus: return ast::operator_::Add;
        case TT::Minus: return ast::operator_::Sub;
        case TT::Star: return ast::operator_::Mult;
        case TT::At: return ast::operator_::MatMult;
        case TT::Slash: return ast::operator_::Div;
        case TT::Percent: return ast::operator_::Mod;
        case TT::DoubleSlash: return ast::operator_::FloorDiv;
        case TT::LeftShift: return ast::operator_::LShift;
        case TT::RightShift: return ast::operator_::RShift;
        default: return std::nullopt;
    }
}

}  // namespace

// FIRST set of `expression` and the star forms: used for optional parts such
// as `return [star_expressions]` so that absence is decided without consuming.
bool Parser::starts_expression() {
    const Token& t = peek();
    switch (t.type) {
        case TT::Name:
            switch (t.keyword) {
                case KW::None_: case KW::True: case KW::False: case KW::None: case KW::Lambda:
                case KW::Not: case KW::Await:
                    return true;
                default:
                    return false;
            }
        case TT::Number: case TT::String: case TT::LPar: case TT::LSqb: case TT::LBrace:
        case TT::Minus: case TT::Plus: case TT::Tilde: case TT::Ellipsis: case TT::Star:
            return true;
        default:
            return false;
    }
}

// expressions: expression (',' expression)* [',']
ast::expr* Parser::expressions() {
    size_t start = pos_;
    ast::expr* first = expression();
    if (!first) return nullptr;
    if (!at(TT::Comma)) return first;
    std::vector<ast::expr*> elts{first};
    while (accept(TT::Comma)) {
        if (!starts_expression() || at(TT::Star)) break;
        ast::expr* e = expression();
        if (!e) return nullptr;
        elts.push_back(e);
    }
    auto* t = node<ast::Tuple>(start);
    t->elts = seq(elts);
    t->ctx = ast::expr_context::Load;
    return t;
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ast::expr* Parser::expression() { return memoized(MemoRule::Expression, [this] { return expression_rule(); }); }

ast::expr* Parser::expression_rule() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    if (at(KW::Lambda)) return lambdef();
    size_t start = pos_;
    if (invalid_rules_) {
        // invalid_expression, first alternative: two expressions in a row
        // inside brackets ("Perhaps you forgot a comma?"), unless NAME STRING
        // (a bad string prefix) or a soft keyword starts it.
        const Token& first = peek();
        bool name_string = is_plain_name(first) && peek(1).type == TT::String;
        // CPython 3.11's SOFT_KEYWORD test compares only the name's length of
        // characters, so any prefix of "match", "case" or "_" (m, ma, c, ...)
        // counts as a soft keyword here.
        auto soft_keyword_prefix = [](std::string_view n) {
            return !n.empty() && (std::string_view("match").starts_with(n) || std::string_view("case").starts_with(n) ||
                                  std::string_view("_").starts_with(n));
        };
        bool soft_kw = is_plain_name(first) && soft_keyword_prefix(text(first));
        if (!name_string && !soft_kw) {
            ast::expr* a = disjunction();
            if (failed_) return nullptr;
            if (a && starts_expression() && !at(TT::Star)) {
                ast::expr* b = expression_without_invalid();
                if (failed_) return nullptr;
                auto* n = a->as<ast::Name>();
                bool legacy = n && (n->id == "print" || n->id == "exec");
                if (b && !legacy && last_token_level() > 0)
                    return raise_nodes(a, b, "invalid syntax. Perhaps you forgot a comma?");
            }
            pos_ = start;
        }
        // Second alternative: disjunction 'if' disjunction !('else'|':')
        ast::expr* a = disjunction();
        if (failed_) return nullptr;
        if (a && accept(KW::If)) {
            ast::expr* b = disjunction();
            if (failed_) return nullptr;
            if (b && !at(KW::Else) && !at(TT::Colon)) return raise_nodes(a, b, "expected 'else' after 'if' expression");
        }
        pos_ = start;
    }
    if (invalid_rules_) {
        // invalid_legacy_expression: a=NAME !'(' b=star_expressions, then
        // "print x" / "exec x" get their message. The look-ahead runs for any
        // name, as CPython's does (it may reach a tokenizer error).
        const Token& t = peek();
        if (is_plain_name(t) && peek(1).type != TT::LPar) {
            size_t save = pos_;
            ++pos_;
            ast::expr* rest = star_expressions();
            if (failed_) return nullptr;
            if (rest && (text(t) == "print" || text(t) == "exec")) {
                std::string name(text(t));
                return raise(SyntaxErrorInfo::Type::SyntaxError,
                             "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?",
                             t.lineno, t.col_offset, rest->end_lineno, rest->end_col_offset);
            }
            pos_ = save;
        }
    }
    ast::expr* body = disjunction();
    if (!body) return nullptr;
    if (at(KW::If)) {
        size_t if_pos = pos_;
        ++pos_;
        ast::expr* test = disjunction();
        if (test && accept(KW::Else)) {
            ast::expr* orelse = expression();
            if (failed_) return nullptr;
            if (!orelse) {
                pos_ = if_pos;  // PEG: the alternative fails, `disjunction` alone stands
                return body;
            }
            auto* e = node<ast::IfExp>(start);
            e->test = test;
            e->body = body;
            e->orelse = orelse;
            return e;
        }
        if (failed_) return nullptr;
        pos_ = if_pos;
    }
    return body;
}

// The same rule with the second-pass checks off (CPython's
// expression_without_invalid), for the look-ahead of invalid_expression.
// It is a rule of its own (not `expression`'s memo entry), as in CPython.
ast::expr* Parser::expression_without_invalid() {
    return memoized(MemoRule::ExpressionWithoutInvalid, [this] {
        bool saved = invalid_rules_;
        invalid_rules_ = false;
        ast::expr* e = expression_rule();
        invalid_rules_ = saved;
        return e;
    });
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ast::expr* Parser::yield_expr() {
    size_t start = pos_;
    if (!accept(KW::Yield)) return nullptr;
    if (accept(KW::From)) {
        ast::expr* v = expression();
        if (!v) return nullptr;
        auto* e = node<ast::YieldFrom>(start);
        e->value = v;
        return e;
    }
    ast::expr* v = nullptr;
    if (starts_expression()) {
        v = star_expressions();
        if (!v) return nullptr;
    }
    auto* e = node<ast::Yield>(start);
    e->value = v;
    return e;
}

// star_expressions: star_expression (',' star_expression)* [',']
ast::expr* Parser::star_expressions() {
    size_t start = pos_;
    ast::expr* first = star_expression();
    if (!first) return nullptr;
    if (!at(TT::Comma)) return first;
    std::vector<ast::expr*> elts{first};
    while (accept(TT::Comma)) {
        if (!starts_expression()) break;
        ast::expr* e = star_expression();
        if (!e) return nullptr;
        elts.push_back(e);
    }
    auto* t = node<ast::Tuple>(start);
    t->elts = seq(elts);
    t->ctx = ast::expr_context::Load;
    return t;
}

// star_expression: '*' bitwise_or | expression
ast::expr* Parser::star_expression() {
    size_t start = pos_;
    if (accept(TT::Star)) {
        ast::expr* v = bitwise_or();
        if (!v) return nullptr;
        auto* s = node<ast::Starred>(start);
        s->value = v;
        s->ctx = ast::expr_context::Load;
        return s;
    }
    return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
ast::expr* Parser::star_named_expression() {
    if (at(TT::Star)) return star_expression();
    return named_expression();
}

// star_named_expressions: ','.star_named_expression+ [','], stopping before `closer`.
bool Parser::star_named_expressions(std::vector<ast::expr*>& out, TT closer) {
    for (;;) {
        ast::expr* e = star_named_expression();
        if (!e) return false;
        out.push_back(e);
        if (!accept(TT::Comma)) return true;
        if (at(closer)) return true;
    }
}

// assignment_expression: NAME ':=' ~ expression
ast::expr* Parser::assignment_expression() {
    const Token& n = peek();
    if (!is_plain_name(n) || peek(1).type != TT::ColonEqual) return nullptr;
    size_t start = pos_;
    pos_ += 2;
    ast::expr* value = expression();
    if (!value) {
        // A failed rule consumes nothing: the callers' fallback parses from
        // the name again (without this, each nested walrus doubled the work).
        pos_ = start;
        return nullptr;
    }
    auto* e = node<ast::NamedExpr>(start);
    e->target = name_node(n, ast::expr_context::Store);
    e->value = value;
    return e;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
ast::expr* Parser::named_expression() {
    if (ast::expr* e = assignment_expression()) return e;
    if (failed_) return nullptr;
    size_t start = pos_;
    if (invalid_rules_) {
        size_t fill = fill_;
        // a=expression ':=' expression
        ast::expr* a = expression();
        if (failed_) return nullptr;
        if (a && accept(TT::ColonEqual)) {
            ast::expr* b = expression();
            if (failed_) return nullptr;
            if (b) return raise_nodes(a, a, std::string("cannot use assignment expressions with ") + expr_name(a));
        }
        pos_ = start;
        (void)fill;
        // a=NAME '=' b=bitwise_or !('='|':=')
        const Token& n = peek();
        if (is_plain_name(n) && peek(1).type == TT::Equal) {
            pos_ += 2;
            ast::expr* b = bitwise_or();
            if (failed_) return nullptr;
            if (b && !at(TT::Equal) && !at(TT::ColonEqual)) {
                return raise(SyntaxErrorInfo::Type::SyntaxError,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n.lineno, n.col_offset,
                             b->end_lineno, b->end_col_offset);
            }
            pos_ = start;
            (void)fill;
        }
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        bool excluded = at(KW::True) || at(KW::None) || at(KW::False);
        if (!excluded && (at(TT::LSqb) || at(TT::LPar))) {
            // list, tuple and genexp displays are excluded; a parenthesised
            // group is not.
            ast::expr* a2 = bitwise_or();
            if (failed_) return nullptr;
            excluded = a2 && (a2->is<ast::List>() || a2->is<ast::Tuple>() || a2->is<ast::GeneratorExp>()) &&
                       token_at(start).lineno == a2->lineno && token_at(start).col_offset == a2->col_offset;
            pos_ = start;
            (void)fill;
        }
        if (!excluded) {
            ast::expr* a2 = bitwise_or();
            if (failed_) return nullptr;
            if (a2 && accept(TT::Equal)) {
                ast::expr* b = bitwise_or();
                if (failed_) return nullptr;
                if (b && !at(TT::Equal) && !at(TT::ColonEqual)) {
                    return raise_nodes(a2, a2, std::string("cannot assign to ") + expr_name(a2) +
                                                   " here. Maybe you meant '==' instead of '='?");
                }
            }
            pos_ = start;
            (void)fill;
        }
    }
    ast::expr* e = expression();
    if (!e) return nullptr;
    if (at(TT::ColonEqual)) return nullptr;
    return e;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
ast::expr* Parser::disjunction() { return memoized(MemoRule::Disjunction, [this] { return disjunction_rule(); }); }

ast::expr* Parser::disjunction_rule() {
    size_t start = pos_;
    ast::expr* first = conjunction();
    if (!first || !at(KW::Or)) return first;
    std::vector<ast::expr*> values{first};
    for (size_t save = pos_; accept(KW::Or); save = pos_) {
        ast::expr* e = conjunction();
        if (!e) {
            if (failed_) return nullptr;
            pos_ = save;  // PEG repetition: stop before the incomplete item
            break;
        }
        values.push_back(e);
    }
    auto* b = node<ast::BoolOp>(start);
    b->op = ast::boolop::Or;
    b->values = seq(values);
    return b;
}

// conjunction: inversion ('and' inversion)+ | inversion
ast::expr* Parser::conjunction() {
    size_t start = pos_;
    ast::expr* first = inversion();
    if (!first || !at(KW::And)) return first;
    std::vector<ast::expr*> values{first};
    for (size_t save = pos_; accept(KW::And); save = pos_) {
        ast::expr* e = inversion();
        if (!e) {
            if (failed_) return nullptr;
            pos_ = save;
            break;
        }
        values.push_back(e);
    }
    auto* b = node<ast::BoolOp>(start);
    b->op = ast::boolop::And;
    b->values = seq(values);
    return b;
}

// inversion: 'not' inversion | comparison
ast::expr* Parser::inversion() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    if (accept(KW::Not)) {
        ast::expr* operand = inversion();
        if (!operand) return nullptr;
        auto* u = node<ast::UnaryOp>(start);
        u->op = ast::unaryop::Not;
        u->operand = operand;
        return u;
    }
    return comparison();
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
ast::expr* Parser::comparison() {
    size_t start = pos_;
    ast::expr* left = bitwise_or();
    if (!left) return nullptr;
    std::vector<ast::cmpop> ops;
    std::vector<ast::expr*> comparators;
    for (;;) {
        const Token& t = peek();
        ast::cmpop op;
        size_t width = 1;
        switch (t.type) {
            case TT::EqEqual: op = ast::cmpop::Eq; break;
            case TT::NotEqual:
                // "<>" is only valid under barry_as_FLUFL.
                if (text(t) != "!=") {
                    if (invalid_rules_) return raise_at(t, "invalid syntax");
                    return nullptr;
                }
                op = ast::cmpop::NotEq;
                break;
            case TT::LessEqual: op = ast::cmpop::LtE; break;
            case TT::Less: op = ast::cmpop::Lt; break;
            case TT::GreaterEqual: op = ast::cmpop::GtE; break;
            case TT::Greater: op = ast::cmpop::Gt; break;
            case TT::Name:
                if (t.keyword == KW::In) {
                    op = ast::cmpop::In;
                } else if (t.keyword == KW::Not && peek(1).type == TT::Name && peek(1).keyword == KW::In) {
                    op = ast::cmpop::NotIn;
                    width = 2;
                } else if (t.keyword == KW::Is) {
                    if (peek(1).type == TT::Name && peek(1).keyword == KW::Not) {
                        op = ast::cmpop::IsNot;
                        width = 2;
                    } else {
                        op = ast::cmpop::Is;
                    }
                } else {
                    goto done;
                }
                break;
            default:
                goto done;
        }
        (void)0;
        size_t save = pos_;
        pos_ += width;
        ast::expr* right = bitwise_or();
        if (!right && !failed_ && width == 2 && op == ast::cmpop::IsNot) {
            // 'is' 'not' x failed: CPython then tries 'is' alone.
            pos_ = save + 1;
            op = ast::cmpop::Is;
            right = bitwise_or();
        }
        if (!right) {
            if (failed_) return nullptr;
            pos_ = save;
            break;
        }
        ops.push_back(op);
        comparators.push_back(right);
    }
done:
    if (ops.empty()) return left;
    auto* c = node<ast::Compare>(start);
    c->left = left;
    c->ops = seq(ops);
    c->comparators = seq(comparators);
    return c;
}

// One left-associative level of binary operators: next (op next)*, where
// `op_of` tells which token types are this level's operators. A right
// operand that fails leaves the operator unconsumed (PEG).
template <class OpOf>
ast::expr* Parser::binary_level(ast::expr* (Parser::*next)(), OpOf op_of) {
    size_t start = pos_;
    ast::expr* left = (this->*next)();
    while (left) {
        std::optional<ast::operator_> op = op_of(peek().type);
        if (!op) break;
        size_t save = pos_++;
        ast::expr* right = (this->*next)();
        if (!right) {
            if (failed_) return nullptr;
            pos_ = save;
            break;
        }
        auto* bin = node<ast::BinOp>(start);
        bin->left = left;
        bin->op = *op;
        bin->right = right;
        left = bin;
    }
    return left;
}

namespace {
// The operators of each level, from the token type.
std::optional<ast::operator_> only(TT t, TT want, ast::operator_ op) {
    return t == want ? std::optional(op) : std::nullopt;
}
std::optional<ast::operator_> shift_op(TT t) {
    return t == TT::LeftShift || t == TT::RightShift ? augassign_or_binop(t) : std::nullopt;
}
std::optional<ast::operator_> sum_op(TT t) {
    return t == TT::Plus || t == TT::Minus ? augassign_or_binop(t) : std::nullopt;
}
std::optional<ast::operator_> term_op(TT t) {
    bool ok = t == TT::Star || t == TT::Slash || t == TT::DoubleSlash || t == TT::Percent || t == TT::At;
    return ok ? augassign_or_binop(t) : std::nullopt;
}
}  // namespace

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor   (memoized in the second pass)
ast::expr* Parser::bitwise_or() { return memoized(MemoRule::BitwiseOr, [this] { return bitwise_or_rule(); }); }

ast::expr* Parser::bitwise_or_rule() {
    return binary_level(&Parser::bitwise_xor, [](TT t) { return only(t, TT::VBar, ast::operator_::BitOr); });
}
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
ast::expr* Parser::bitwise_xor() {
    return binary_level(&Parser::bitwise_and, [](TT t) { return only(t, TT::Circumflex, ast::operator_::BitXor); });
}
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
ast::expr* Parser::bitwise_and() {
    return binary_level(&Parser::shift_expr, [](TT t) { return only(t, TT::Amper, ast::operator_::BitAnd); });
}
// shift_expr: shift_expr ('<<' | '>>') sum | sum
ast::expr* Parser::shift_expr() { return binary_level(&Parser::sum, shift_op); }
// sum: sum ('+' | '-') term | term
ast::expr* Parser::sum() { return binary_level(&Parser::term, sum_op); }
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
ast::expr* Parser::term() { return binary_level(&Parser::factor, term_op); }

// factor: '+' factor | '-' factor | '~' factor | power
ast::expr* Parser::factor() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    ast::unaryop op;
    switch (peek().type) {
        case TT::Plus: op = ast::unaryop::UAdd; break;
        case TT::Minus: op = ast::unaryop::USub; break;
        case TT::Tilde: op = ast::unaryop::Invert; break;
        default: return power();
    }
    ++pos_;
    ast::expr* operand = factor();
    if (!operand) return nullptr;
    auto* u = node<ast::UnaryOp>(start);
    u->op = op;
    u->operand = operand;
    return u;
}

// power: await_primary '**' factor | await_primary
ast::expr* Parser::power() {
    size_t start = pos_;
    ast::expr* left = await_primary();
    size_t save = pos_;
    if (!left || !accept(TT::DoubleStar)) return left;
    DepthGuard guard(*this);  // with factor's, two levels a `**` as CPython
    if (guard.too_deep()) return nullptr;
    ast::expr* right = factor();
    if (!right) {
        if (failed_) return nullptr;
        pos_ = save;
        return left;
    }
    auto* bin = node<ast::BinOp>(start);
    bin->left = left;
    bin->op = ast::operator_::Pow;
    bin->right = right;
    return bin;
}

// await_primary: AWAIT primary | primary
ast::expr* Parser::await_primary() {
    size_t start = pos_;
    if (accept(KW::Await)) {
        ast::expr* v = primary();
        if (!v) return nullptr;
        auto* a = node<ast::Await>(start);
        a->value = v;
        return a;
    }
    return primary();
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
ast::expr* Parser::primary() {
    size_t start = pos_;
    ast::expr* e = atom();
    if (!e) return nullptr;
    return primary_trailers(e, start);
}

ast::expr* Parser::primary_trailers(ast::expr* e, size_t start) {
    for (;;) {
        size_t trailer = pos_;
        ast::expr* longer = primary_trailer(e, start);
        if (failed_) return nullptr;
        if (!longer) {
            pos_ = trailer;  // PEG: the chain so far stands
            return e;
        }
        if (longer == e) return e;
        e = longer;
    }
}

// One '.' NAME, call or subscript after `e`; `e` itself when none follows,
// nullptr when one starts but does not parse.
ast::expr* Parser::primary_trailer(ast::expr* e, size_t start) {
    {
        switch (peek().type) {
            case TT::Dot: {
                const Token& n = peek(1);
                if (n.type != TT::Name || n.keyword != KW::None_) return nullptr;
                pos_ += 2;
                auto* a = node<ast::Attribute>(start);
                a->value = e;
                a->attr = identifier(n);
                a->ctx = ast::expr_context::Load;
                return a;
            }
            case TT::LPar:
                return call(e, start);
            case TT::LSqb: {
                ++pos_;
                ast::expr* s = slices();
                if (!s) return nullptr;
                if (!accept(TT::RSqb)) return nullptr;
                auto* sub = node<ast::Subscript>(start);
                sub->value = e;
                sub->slice = s;
                sub->ctx = ast::expr_context::Load;
                return sub;
            }
            default:
                return e;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ast::expr* Parser::slices() {
    size_t start = pos_;
    ast::expr* first = at(TT::Star) ? starred_expression() : slice();
    if (!first) return nullptr;
    if (!at(TT::Comma) && !first->is<ast::Starred>()) return first;
    std::vector<ast::expr*> elts{first};
    while (accept(TT::Comma)) {
        if (at(TT::RSqb)) break;
        ast::expr* e = at(TT::Star) ? starred_expression() : slice();
        if (!e) return nullptr;
        elts.push_back(e);
    }
    auto* t = node<ast::Tuple>(start);
    t->elts = seq(elts);
    t->ctx = ast::expr_context::Load;
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ast::expr* Parser::slice() {
    size_t start = pos_;
    ast::expr* lower = nullptr;
    if (!at(TT::Colon)) {
        if (is_plain_name(peek()) && peek(1).type == TT::ColonEqual) return named_expression();
        lower = expression();
        if (!lower) {
            if (failed_ || !invalid_rules_) return nullptr;
            pos_ = start;
            return named_expression();
        }
        if (!at(TT::Colon)) {
            // Not a slice: the second alternative, named_expression (the same
            // expression; its second-pass checks may look further).
            if (at(TT::ColonEqual)) return nullptr;
            if (!invalid_rules_) return lower;
            pos_ = start;
            return named_expression();
        }
    }
    ++pos_;  // ':'
    ast::expr* upper = nullptr;
    ast::expr* step = nullptr;
    if (starts_expression() && !at(TT::Star)) {
        upper = expression();
        if (!upper) return nullptr;
    }
    if (accept(TT::Colon)) {
        if (starts_expression() && !at(TT::Star)) {
            step = expression();
            if (!step) return nullptr;
        }
    }
    auto* s = node<ast::Slice>(start);
    s->lower = lower;
    s->upper = upper;
    s->step = step;
    return s;
}

// starred_expression: '*' expression
ast::expr* Parser::starred_expression() {
    size_t start = pos_;
    if (!accept(TT::Star)) return nullptr;
    ast::expr* v = expression();
    if (!v) return nullptr;
    auto* s = node<ast::Starred>(start);
    s->value = v;
    s->ctx = ast::expr_context::Load;
    return s;
}

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple/group/genexp
//     | list/listcomp | dict/set/dictcomp/setcomp | '...'
ast::expr* Parser::atom() {
    const Token& t = peek();
    switch (t.type) {
        case TT::Name: {
            if (t.keyword == KW::None_) {
                ++pos_;
                return name_node(t, ast::expr_context::Load);
            }
            ast::ConstantValue v;
            if (t.keyword == KW::True) v.kind = ast::ConstantValue::Kind::True;
            else if (t.keyword == KW::False) v.kind = ast::ConstantValue::Kind::False;
            else if (t.keyword == KW::None) v.kind = ast::ConstantValue::Kind::None;
            else return nullptr;
            ++pos_;
            auto* c = located<ast::Constant>(t, t);
            c->value = v;
            return c;
        }
        case TT::Number: {
            ++pos_;
            // CPython refuses decimal literals beyond its int-to-str digit
            // limit as it builds the value (no column in its report).
            if (text(t).size() > 4300) {
                std::string err = number_literal_error(text(t));
                if (!err.empty()) return raise(SyntaxErrorInfo::Type::SyntaxError, err, t.lineno, -1, t.lineno, -1);
            }
            auto* c = located<ast::Constant>(t, t);
            c->value = parse_number(text(t), arena_);
            return c;
        }
        case TT::String: return strings();
        case TT::LPar: return paren_atom();
        case TT::LSqb: return list_atom();
        case TT::LBrace: return brace_atom();
        case TT::Ellipsis: {
            ++pos_;
            auto* c = located<ast::Constant>(t, t);
            c->value.kind = ast::ConstantValue::Kind::Ellipsis;
            return c;
        }
        default:
            return nullptr;
    }
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
ast::expr* Parser::paren_atom() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    ++pos_;  // '('
    if (accept(TT::RPar)) {
        auto* t = node<ast::Tuple>(start);
        t->ctx = ast::expr_context::Load;
        return t;
    }
    if (at(KW::Yield)) {
        ast::expr* y = yield_expr();
        if (!y || !accept(TT::RPar)) return nullptr;
        return y;
    }
    ast::expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at_comprehension()) return comprehension<ast::GeneratorExp>(start, first, TT::RPar);
    if (accept(TT::RPar)) {
        if (first->is<ast::Starred>()) {
            if (invalid_rules_) return raise_nodes(first, first, "cannot use starred expression here");
            return nullptr;
        }
        return first;
    }
    if (!accept(TT::Comma)) return nullptr;
    std::vector<ast::expr*> elts{first};
    if (!at(TT::RPar) && !star_named_expressions(elts, TT::RPar)) return nullptr;
    if (!accept(TT::RPar)) return nullptr;
    auto* t = node<ast::Tuple>(start);
    t->elts = seq(elts);
    t->ctx = ast::expr_context::Load;
    return t;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
ast::expr* Parser::list_atom() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    ++pos_;  // '['
    std::vector<ast::expr*> elts;
    if (!at(TT::RSqb)) {
        ast::expr* first = star_named_expression();
        if (!first) return nullptr;
        if (at_comprehension()) return comprehension<ast::ListComp>(start, first, TT::RSqb);
        elts.push_back(first);
        if (accept(TT::Comma) && !at(TT::RSqb) && !star_named_expressions(elts, TT::RSqb)) return nullptr;
    }
    if (!accept(TT::RSqb)) return nullptr;
    auto* l = node<ast::List>(start);
    l->elts = seq(elts);
    l->ctx = ast::expr_context::Load;
    return l;
}

// dict: '{' [double_starred_kvpairs] '}'      set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'     setcomp: '{' named_expression for_if_clauses '}'
ast::expr* Parser::brace_atom() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    ++pos_;  // '{'
    if (accept(TT::RBrace)) return node<ast::Dict>(start);
    std::vector<ast::expr*> keys, values;
    // The first item decides between dict and set (a '**' item: dict).
    if (!at(TT::DoubleStar)) {
        size_t item_start = pos_;
        ast::expr* first = star_named_expression();
        if (!first) return nullptr;
        if (at(TT::Colon)) {
            // A dict key is an `expression`: no walrus, no star.
            bool bare_walrus = first->is<ast::NamedExpr>() && token_at(item_start).type != TT::LPar;
            if (first->is<ast::Starred>() || bare_walrus) return nullptr;
            ++pos_;
            if (invalid_rules_ && !dict_value_ok()) return nullptr;
            ast::expr* value = expression();
            if (!value) return nullptr;
            if (at_comprehension()) {
                std::vector<ast::comprehension*> gens;
                if (!for_if_clauses(gens) || !accept(TT::RBrace)) return nullptr;
                auto* d = node<ast::DictComp>(start);
                d->key = first;
                d->value = value;
                d->generators = seq(gens);
                return d;
            }
            keys.push_back(first);
            values.push_back(value);
            if (!accept(TT::Comma)) {
                if (!accept(TT::RBrace)) return nullptr;
                auto* d = node<ast::Dict>(start);
                d->keys = seq(keys);
                d->values = seq(values);
                return d;
            }
        } else {
            if (at_comprehension()) return comprehension<ast::SetComp>(start, first, TT::RBrace);
            std::vector<ast::expr*> elts{first};
            if (accept(TT::Comma) && !at(TT::RBrace) && !star_named_expressions(elts, TT::RBrace)) return nullptr;
            if (!accept(TT::RBrace)) return nullptr;
            auto* s = node<ast::Set>(start);
            s->elts = seq(elts);
            return s;
        }
    }
    // The rest of a dict display: (kvpair | '**' bitwise_or) separated by commas.
    while (!at(TT::RBrace)) {
        if (accept(TT::DoubleStar)) {
            ast::expr* v = bitwise_or();
            if (!v) return nullptr;
            keys.push_back(nullptr);
            values.push_back(v);
        } else {
            if (invalid_rules_) {
                // CPython reports a key after a complete pair that is not
                // followed by ':' as such, when the key parses without the
                // second-pass checks (observed; e.g. {1: 2, f(a b): 3} points
                // at f); otherwise the checks run on the key as usual.
                // The probe must leave no memo entries behind (it is a
                // first-pass-style parse: linear without them).
                size_t key_start = pos_;
                bool memoize = memoize_;
                memoize_ = false;
                ast::expr* k = expression_without_invalid();
                memoize_ = memoize;
                if (failed_) return nullptr;
                if (k && !at(TT::Colon))
                    return raise(SyntaxErrorInfo::Type::SyntaxError, "':' expected after dictionary key", k->lineno,
                                 k->end_col_offset - 1, k->end_lineno, -1);
                pos_ = key_start;
            }
            ast::expr* k = expression();
            if (!k) return nullptr;
            if (!accept(TT::Colon)) {
                // invalid_kvpair: at the key's last character, no end.
                if (invalid_rules_)
                    return raise(SyntaxErrorInfo::Type::SyntaxError, "':' expected after dictionary key", k->lineno,
                                 k->end_col_offset - 1, k->end_lineno, -1);
                return nullptr;
            }
            if (invalid_rules_ && !dict_value_ok()) return nullptr;
            ast::expr* v = expression();
            if (!v) return nullptr;
            keys.push_back(k);
            values.push_back(v);
        }
        if (!accept(TT::Comma)) break;
    }
    if (!accept(TT::RBrace)) return nullptr;
    auto* d = node<ast::Dict>(start);
    d->keys = seq(keys);
    d->values = seq(values);
    return d;
}

// After a dictionary key's ':' (second pass): CPython's errors for a
// starred or missing value. False when one was raised.
bool Parser::dict_value_ok() {
    if (at(TT::Star)) {
        const Token& star = peek();
        size_t save = pos_++;
        ast::expr* v = bitwise_or();
        if (failed_) return false;
        if (v) {
            // RAISE_SYNTAX_ERROR_STARTING_FROM: ends where the tokenizer is.
            const Token& end = farthest();
            raise(SyntaxErrorInfo::Type::SyntaxError, "cannot use a starred expression in a dictionary value",
                  star.lineno, star.col_offset, end.end_lineno, end.end_col_offset - 1);
            return false;
        }
        pos_ = save;
    }
    if (at(TT::RBrace) || at(TT::Comma)) {
        raise_at(last(), "expression expected after dictionary key and ':'");
        return false;
    }
    return true;
}

// Whether a comprehension's `for` (or `async for`) comes next.
bool Parser::at_comprehension() { return at(KW::For) || (at(KW::Async) && peek(1).keyword == KW::For); }

// elt for_if_clauses closer: the rest of a list, set or generator comprehension.
template <class T>
ast::expr* Parser::comprehension(size_t start, ast::expr* elt, TT closer) {
    if (elt->is<ast::Starred>()) return nullptr;
    std::vector<ast::comprehension*> gens;
    if (!for_if_clauses(gens) || !accept(closer)) return nullptr;
    auto* c = node<T>(start);
    c->elt = elt;
    c->generators = seq(gens);
    return c;
}

// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
bool Parser::for_if_clauses(std::vector<ast::comprehension*>& out) {
    while (at_comprehension()) {
        bool is_async = accept(KW::Async);
        ++pos_;  // 'for'
        size_t target_start = pos_;
        ast::expr* target = star_targets();
        if (!target || !at(KW::In)) {
            if (invalid_rules_ && !failed_) {
                // invalid_for_target: ASYNC? 'for' a=star_expressions
                pos_ = target_start;
                ast::expr* a = star_expressions();
                if (!failed_ && a) raise_invalid_target(TargetsKind::For, a);
            }
            return false;
        }
        ++pos_;  // 'in'
        ast::expr* iter = disjunction();
        if (!iter) return false;
        std::vector<ast::expr*> ifs;
        while (accept(KW::If)) {
            ast::expr* cond = disjunction();
            if (!cond) return false;
            ifs.push_back(cond);
        }
        auto* c = arena_.make<ast::comprehension>();
        c->target = target;
        c->iter = iter;
        c->ifs = seq(ifs);
        c->is_async = is_async;
        out.push_back(c);
    }
    return true;
}

namespace {
// The last element of a comprehension, where CPython ends the range of
// "Generator expression must be parenthesized".
const ast::expr* last_comprehension_item(const std::vector<ast::comprehension*>& gens) {
    const ast::comprehension* c = gens.back();
    return c->ifs.empty() ? c->iter : c->ifs.back();
}
}  // namespace

// primary '(' [arguments] ')' and primary genexp
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
// In the second pass, CPython's invalid_arguments and invalid_kwarg messages.
ast::expr* Parser::call(ast::expr* func, size_t start) {
    size_t open = pos_;
    ++pos_;  // '('
    std::vector<ast::expr*> args;
    std::vector<ast::keyword*> keywords;
    bool seen_keyword = false, seen_double_star = false;
    // Second pass: a positional argument after keywords is reported once the
    // whole list is read, at the farthest token (CPython's `args ',' args`).
    const char* positional_after_keyword = nullptr;
    const Token* first_arg = nullptr;
    const Token* prev_arg_end = nullptr;
    while (!at(TT::RPar)) {
        const Token& t = peek();
        if (!first_arg) first_arg = &t;
        if (t.type == TT::Star) {
            if (seen_double_star) {
                if (!invalid_rules_) return nullptr;
                return raise_range(*first_arg, *prev_arg_end,
                                   "iterable argument unpacking follows keyword argument unpacking");
            }
            ast::expr* s = starred_expression();
            if (!s) {
                // invalid_arguments: a=args ',' '*' (CPython's message, whatever the args)
                if (!failed_ && invalid_rules_ && prev_arg_end)
                    return raise_range(*first_arg, *prev_arg_end,
                                       "iterable argument unpacking follows keyword argument unpacking");
                return nullptr;
            }
            args.push_back(s);
        } else if (t.type == TT::DoubleStar) {
            size_t kstart = pos_;
            ++pos_;
            ast::expr* v = expression();
            if (!v) return nullptr;
            auto* k = node<ast::keyword>(kstart);
            k->value = v;
            keywords.push_back(k);
            seen_double_star = true;
        } else if (t.type == TT::Name &&
                   (t.keyword == KW::None_ || t.keyword == KW::True || t.keyword == KW::False ||
                    t.keyword == KW::None) &&
                   peek(1).type == TT::Equal) {
            const Token& eq = peek(1);
            if (t.keyword != KW::None_) {
                if (invalid_rules_) return raise_range(t, eq, "cannot assign to " + std::string(text(t)));
                return nullptr;
            }
            size_t kstart = pos_;
            pos_ += 2;
            ast::expr* v = expression();
            if (!v) return nullptr;
            if (invalid_rules_ && at_comprehension()) {
                return raise_range(t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            auto* k = node<ast::keyword>(kstart);
            k->arg = identifier(t);
            k->value = v;
            keywords.push_back(k);
            seen_keyword = true;
        } else {
            if ((seen_keyword || seen_double_star) && !invalid_rules_) {
                // After keywords, CPython's first pass only looks for NAME '='
                // or a star: a positional argument is not parsed at all.
                if (is_plain_name(t)) peek(1);
                return nullptr;
            }
            ast::expr* e = assignment_expression();
            if (!e && !failed_) e = expression();
            if (!e) return nullptr;
            if (at_comprehension()) {
                bool first = args.empty() && keywords.empty();
                // Only `primary genexp` (a first argument) reads the clauses in
                // the first pass; later ones are invalid_arguments' business.
                if (!first && !invalid_rules_) return nullptr;
                std::vector<ast::comprehension*> gens;
                if (!for_if_clauses(gens)) return nullptr;
                if (first && at(TT::RPar)) {
                    // primary genexp: the generator expression is the only
                    // argument and takes the call's parentheses as its own.
                    ++pos_;
                    auto* g = node<ast::GeneratorExp>(open);
                    g->elt = e;
                    g->generators = seq(gens);
                    auto* c = node<ast::Call>(start);
                    c->func = func;
                    c->args = seq(std::vector<ast::expr*>{g});
                    return c;
                }
                if (invalid_rules_ && (!first || at(TT::Comma)))
                    return raise_nodes(e, last_comprehension_item(gens), "Generator expression must be parenthesized");
                return nullptr;
            }
            if (at(TT::Equal)) {
                if (invalid_rules_)
                    return raise(SyntaxErrorInfo::Type::SyntaxError,
                                 "expression cannot contain assignment, perhaps you meant \"==\"?", e->lineno,
                                 e->col_offset, peek().end_lineno, peek().end_col_offset);
                return nullptr;
            }
            if (seen_double_star || seen_keyword) {
                if (!invalid_rules_) return nullptr;
                if (!positional_after_keyword)
                    positional_after_keyword = seen_double_star ? "positional argument follows keyword argument unpacking"
                                                                : "positional argument follows keyword argument";
            }
            args.push_back(e);
        }
        prev_arg_end = &last();
        if (!accept(TT::Comma)) break;
    }
    if (positional_after_keyword) return raise_at(farthest(), positional_after_keyword);
    if (!accept(TT::RPar)) return nullptr;
    auto* c = node<ast::Call>(start);
    c->func = func;
    c->args = seq(args);
    c->keywords = seq(keywords);
    return c;
}

// lambdef: 'lambda' [lambda_params] ':' expression
ast::expr* Parser::lambdef() {
    DepthGuard guard(*this);  // with expression's, two levels a lambda as CPython
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    ++pos_;  // 'lambda'
    ast::arguments* args = parameters(true, TT::Colon);
    if (!args) return nullptr;
    if (!accept(TT::Colon)) return nullptr;
    ast::expr* body = expression();
    if (!body) return nullptr;
    auto* l = node<ast::Lambda>(start);
    l->args = args;
    l->body = body;
    return l;
}

}  // namespace krait::detail

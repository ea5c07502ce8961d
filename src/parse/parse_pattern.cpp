// The match statement and its patterns (PEP 634).
#include "parse/literals.h"
#include "parse/parser_impl.h"

namespace krait::detail {

using TT = TokenType;
using KW = Keyword;

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
ast::stmt* Parser::match_stmt() {
    size_t start = pos_;
    const Token& kw = peek();
    ++pos_;
    size_t subject_start = pos_;
    ast::expr* subject = star_named_expression();
    if (!subject) return nullptr;
    if (at(TT::Comma)) {
        std::vector<ast::expr*> elts{subject};
        ++pos_;
        if (!at(TT::Colon) && !star_named_expressions(elts, TT::Colon)) return nullptr;
        auto* t = node<ast::Tuple>(subject_start);
        t->elts = seq(elts);
        t->ctx = ast::expr_context::Load;
        subject = t;
    } else if (subject->is<ast::Starred>()) {
        return nullptr;
    }
    if (!block_colon()) return nullptr;
    if (!accept(TT::Newline)) return nullptr;
    if (!at(TT::Indent)) {
        if (invalid_rules_)
            return raise_indentation(farthest(), "expected an indented block after 'match' statement on line " +
                                                              std::to_string(kw.lineno));
        return nullptr;
    }
    ++pos_;
    std::vector<ast::match_case*> cases;
    while (at_soft("case")) {
        ast::match_case* c = case_block();
        if (!c) return nullptr;
        cases.push_back(c);
    }
    if (cases.empty() || !accept(TT::Dedent)) return nullptr;
    auto* m = node<ast::Match>(start);
    m->subject = subject;
    m->cases = seq(cases);
    return m;
}

// case_block: "case" patterns guard? ':' block
ast::match_case* Parser::case_block() {
    const Token& kw = peek();
    ++pos_;
    ast::pattern* p = patterns();
    if (!p) return nullptr;
    ast::expr* guard = nullptr;
    if (accept(KW::If)) {
        guard = named_expression();
        if (!guard) return nullptr;
    }
    if (!block_colon()) return nullptr;
    auto body = block(kw, "'case' statement");
    if (body.empty()) return nullptr;
    auto* c = arena_.make<ast::match_case>();
    c->pattern = p;
    c->guard = guard;
    c->body = body;
    return c;
}

// patterns: open_sequence_pattern | pattern
ast::pattern* Parser::patterns() {
    size_t start = pos_;
    ast::pattern* first = maybe_star_pattern();
    if (!first) return nullptr;
    if (!at(TT::Comma)) {
        if (first->is<ast::MatchStar>()) return nullptr;
        return first;
    }
    std::vector<ast::pattern*> items{first};
    while (accept(TT::Comma)) {
        if (at(TT::Colon) || at(KW::If)) break;
        ast::pattern* p = maybe_star_pattern();
        if (!p) return nullptr;
        items.push_back(p);
    }
    auto* s = node<ast::MatchSequence>(start);
    s->patterns = seq(items);
    return s;
}

// pattern: or_pattern 'as' pattern_capture_target | or_pattern
ast::pattern* Parser::pattern() {
    DepthGuard guard(*this);
    if (guard.too_deep()) return nullptr;
    size_t start = pos_;
    ast::pattern* p = or_pattern();
    if (!p) return nullptr;
    if (!at(KW::As)) return p;
    ++pos_;
    const Token& n = peek();
    if (is_plain_name(n) && text(n) != "_") {
        TT after = peek(1).type;
        if (after != TT::Dot && after != TT::LPar && after != TT::Equal) {
            ++pos_;
            auto* a = node<ast::MatchAs>(start);
            a->pattern = p;
            a->name = identifier(n);
            return a;
        }
    }
    if (invalid_rules_) {
        // invalid_as_pattern
        if (is_plain_name(n) && text(n) == "_") return raise_at(n, "cannot use '_' as a target");
        size_t save = pos_;
        ast::expr* e = expression();
        if (failed_) return nullptr;
        if (e) return raise_nodes(e, e, "invalid pattern target");
        pos_ = save;
    }
    return nullptr;
}

// or_pattern: '|'.closed_pattern+
ast::pattern* Parser::or_pattern() {
    size_t start = pos_;
    ast::pattern* first = closed_pattern();
    if (!first || !at(TT::VBar)) return first;
    std::vector<ast::pattern*> alts{first};
    while (accept(TT::VBar)) {
        ast::pattern* p = closed_pattern();
        if (!p) return nullptr;
        alts.push_back(p);
    }
    auto* o = node<ast::MatchOr>(start);
    o->patterns = seq(alts);
    return o;
}

// maybe_star_pattern: '*' (pattern_capture_target | wildcard_pattern) | pattern
ast::pattern* Parser::maybe_star_pattern() {
    size_t start = pos_;
    if (!accept(TT::Star)) return pattern();
    const Token& n = peek();
    if (!is_plain_name(n)) return nullptr;
    TT after = peek(1).type;
    if (after == TT::Dot || after == TT::LPar || after == TT::Equal) return nullptr;
    ++pos_;
    auto* s = node<ast::MatchStar>(start);
    if (text(n) != "_") s->name = identifier(n);
    return s;
}

// signed_number !('+'|'-') | complex_number, as an expression (MatchValue's
// value and mapping keys).
ast::expr* Parser::signed_number_or_complex() {
    size_t start = pos_;
    auto number = [&]() -> ast::Constant* {
        const Token& t = peek();
        if (t.type != TT::Number) return nullptr;
        ++pos_;
        auto* c = located<ast::Constant>(t, t);
        c->value = parse_number(text(t), arena_);
        return c;
    };
    ast::expr* real;
    if (accept(TT::Minus)) {
        ast::Constant* n = number();
        if (!n) return nullptr;
        auto* u = node<ast::UnaryOp>(start);
        u->op = ast::unaryop::USub;
        u->operand = n;
        real = u;
    } else {
        real = number();
        if (!real) return nullptr;
    }
    if (!at(TT::Plus) && !at(TT::Minus)) return real;
    // complex_number: signed_real_number ('+' | '-') imaginary_number
    auto is_complex = [](const ast::expr* e) {
        if (auto* u = e->as<ast::UnaryOp>()) e = u->operand;
        return e->as<ast::Constant>()->value.kind == ast::ConstantValue::Kind::Complex;
    };
    if (is_complex(real)) {
        if (invalid_rules_) return raise_nodes(real, real, "real number required in complex literal");
        return nullptr;
    }
    ast::operator_ op = at(TT::Plus) ? ast::operator_::Add : ast::operator_::Sub;
    ++pos_;
    ast::Constant* imag = number();
    if (!imag) return nullptr;
    if (imag->value.kind != ast::ConstantValue::Kind::Complex) {
        if (invalid_rules_) return raise_nodes(imag, imag, "imaginary number required in complex literal");
        return nullptr;
    }
    auto* b = node<ast::BinOp>(start);
    b->left = real;
    b->op = op;
    b->right = imag;
    return b;
}

// name_or_attr: NAME ('.' NAME)*
ast::expr* Parser::name_or_attr() {
    size_t start = pos_;
    const Token& n = peek();
    if (!is_plain_name(n)) return nullptr;
    ++pos_;
    ast::expr* e = name_node(n, ast::expr_context::Load);
    while (at(TT::Dot) && is_plain_name(peek(1))) {
        const Token& attr = peek(1);
        pos_ += 2;
        auto* a = node<ast::Attribute>(start);
        a->value = e;
        a->attr = identifier(attr);
        a->ctx = ast::expr_context::Load;
        e = a;
    }
    return e;
}

ast::pattern* Parser::closed_pattern() {
    size_t start = pos_;
    const Token& t = peek();
    switch (t.type) {
        case TT::Number:
        case TT::Minus: {
            ast::expr* v = signed_number_or_complex();
            if (!v) return nullptr;
            auto* m = spanning<ast::MatchValue>(v, v);
            m->value = v;
            return m;
        }
        case TT::String: {
            ast::expr* v = strings();
            if (!v) return nullptr;
            auto* m = spanning<ast::MatchValue>(v, v);
            m->value = v;
            return m;
        }
        case TT::Name: {
            if (t.keyword == KW::None || t.keyword == KW::True || t.keyword == KW::False) {
                ++pos_;
                auto* m = located<ast::MatchSingleton>(t, t);
                m->value.kind = t.keyword == KW::None   ? ast::ConstantValue::Kind::None
                                : t.keyword == KW::True ? ast::ConstantValue::Kind::True
                                                        : ast::ConstantValue::Kind::False;
                return m;
            }
            ast::expr* e = name_or_attr();
            if (!e) return nullptr;
            if (at(TT::LPar)) return class_pattern(e, start);
            if (at(TT::Dot) || at(TT::Equal)) return nullptr;
            if (e->is<ast::Attribute>()) {
                auto* m = spanning<ast::MatchValue>(e, e);
                m->value = e;
                return m;
            }
            auto* m = located<ast::MatchAs>(t, t);
            if (text(t) != "_") m->name = identifier(t);
            return m;
        }
        case TT::LPar: {
            ++pos_;
            if (accept(TT::RPar)) return node<ast::MatchSequence>(start);
            ast::pattern* first = maybe_star_pattern();
            if (!first) return nullptr;
            if (accept(TT::RPar)) {
                if (first->is<ast::MatchStar>()) return nullptr;
                return first;  // group_pattern
            }
            if (!at(TT::Comma)) return nullptr;
            return sequence_pattern_items(start, TT::RPar, {first});
        }
        case TT::LSqb:
            ++pos_;
            return sequence_pattern_items(start, TT::RSqb, {});
        case TT::LBrace:
            return mapping_pattern();
        default:
            return nullptr;
    }
}

// The items of '[' maybe_sequence_pattern? ']' or '(' open_sequence_pattern? ')',
// after the ones already parsed (`items`, each followed by a ',' still to read).
ast::pattern* Parser::sequence_pattern_items(size_t start, TT closer, std::vector<ast::pattern*> items) {
    if (!items.empty() && !accept(TT::Comma)) return nullptr;
    while (!at(closer)) {
        ast::pattern* p = maybe_star_pattern();
        if (!p) return nullptr;
        items.push_back(p);
        if (!accept(TT::Comma)) break;
    }
    if (!accept(closer)) return nullptr;
    auto* s = node<ast::MatchSequence>(start);
    s->patterns = seq(items);
    return s;
}

// mapping_pattern: '{' [items_pattern] [',' '**' NAME] [','] '}'
ast::pattern* Parser::mapping_pattern() {
    size_t start = pos_;
    ++pos_;  // '{'
    std::vector<ast::expr*> keys;
    std::vector<ast::pattern*> values;
    ast::Identifier rest;
    while (!at(TT::RBrace)) {
        if (accept(TT::DoubleStar)) {
            const Token& n = peek();
            if (!is_plain_name(n) || text(n) == "_") return nullptr;
            ++pos_;
            rest = identifier(n);
            accept(TT::Comma);
            break;
        }
        ast::expr* key = nullptr;
        const Token& t = peek();
        if (t.type == TT::Number || t.type == TT::Minus) {
            key = signed_number_or_complex();
        } else if (t.type == TT::String) {
            key = strings();
        } else if (t.type == TT::Name &&
                   (t.keyword == KW::None || t.keyword == KW::True || t.keyword == KW::False)) {
            key = atom();
        } else if (is_plain_name(t)) {
            key = name_or_attr();
            if (key && !key->is<ast::Attribute>()) return nullptr;
        }
        if (!key || !accept(TT::Colon)) return nullptr;
        ast::pattern* v = pattern();
        if (!v) return nullptr;
        keys.push_back(key);
        values.push_back(v);
        if (!accept(TT::Comma)) break;
    }
    if (!accept(TT::RBrace)) return nullptr;
    auto* m = node<ast::MatchMapping>(start);
    m->keys = seq(keys);
    m->patterns = seq(values);
    m->rest = rest;
    return m;
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] [','] ')'
ast::pattern* Parser::class_pattern(ast::expr* cls, size_t start) {
    ++pos_;  // '('
    std::vector<ast::pattern*> positional, kwd_patterns;
    std::vector<ast::Identifier> kwd_attrs;
    while (!at(TT::RPar)) {
        const Token& t = peek();
        if (is_plain_name(t) && peek(1).type == TT::Equal) {
            pos_ += 2;
            ast::pattern* p = pattern();
            if (!p) return nullptr;
            kwd_attrs.push_back(identifier(t));
            kwd_patterns.push_back(p);
        } else {
            size_t pstart = pos_;
            ast::pattern* p = pattern();
            if (!p) return nullptr;
            if (!kwd_attrs.empty()) {
                if (invalid_rules_) {
                    (void)pstart;
                    return raise_nodes(p, p, "positional patterns follow keyword patterns");
                }
                return nullptr;
            }
            positional.push_back(p);
        }
        if (!accept(TT::Comma)) break;
    }
    if (!accept(TT::RPar)) return nullptr;
    auto* c = node<ast::MatchClass>(start);
    c->cls = cls;
    c->patterns = seq(positional);
    c->kwd_attrs = seq(kwd_attrs);
    c->kwd_patterns = seq(kwd_patterns);
    return c;
}

}  // namespace krait::detail

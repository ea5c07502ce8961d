// Assignment, for-loop, with-item and del targets, and CPython's reporting of
// invalid ones ("cannot assign to function call", ...).
#include "parse/parser_impl.h"

namespace krait::detail {

using TT = TokenType;
using KW = Keyword;

namespace {

// Whether a star_target can start at `t` (a NAME, a bracket, or any atom a
// t_primary chain may begin with).
bool starts_target(const Token& t) {
    switch (t.type) {
        case TT::Name:
            return t.keyword == KW::None_ || t.keyword == KW::True || t.keyword == KW::False ||
                   t.keyword == KW::None;
        case TT::LPar: case TT::LSqb: case TT::LBrace: case TT::Star: case TT::String: case TT::Number:
        case TT::Ellipsis:
            return true;
        default:
            return false;
    }
}

}  // namespace

// star_targets: star_target !',' | star_target (',' star_target)* [',']
ast::expr* Parser::star_targets() {
    size_t start = pos_;
    ast::expr* first = star_target();
    if (!first) return nullptr;
    if (!at(TT::Comma)) return first;
    std::vector<ast::expr*> elts{first};
    while (accept(TT::Comma)) {
        if (!starts_target(peek())) break;
        ast::expr* e = star_target();
        if (!e) return nullptr;
        elts.push_back(e);
    }
    auto* t = node<ast::Tuple>(start);
    t->elts = seq(elts);
    t->ctx = ast::expr_context::Store;
    return t;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
ast::expr* Parser::star_target() {
    size_t start = pos_;
    if (accept(TT::Star)) {
        if (at(TT::Star)) return nullptr;
        ast::expr* v = star_target();
        if (!v) return nullptr;
        auto* s = node<ast::Starred>(start);
        s->value = v;
        s->ctx = ast::expr_context::Store;
        return s;
    }
    return target_with_star_atom();
}

// target_with_star_atom: t_primary '.' NAME | t_primary '[' slices ']' | star_atom
// Parsed as a primary, then checked and given the Store context.
ast::expr* Parser::target_with_star_atom() {
    if (!starts_target(peek()) || at(TT::Star)) return nullptr;
    ast::expr* e = primary();
    if (!e) return nullptr;
    if (!set_context(e, ast::expr_context::Store)) return nullptr;
    return e;
}

// del_targets: ','.del_target+ [',']   (the statement keeps them as a list)
ast::expr* Parser::del_targets_as_list(std::vector<ast::expr*>& out) {
    for (;;) {
        if (!starts_target(peek()) || at(TT::Star)) return nullptr;
        ast::expr* e = primary();
        if (!e) return nullptr;
        if (!set_context(e, ast::expr_context::Del)) return nullptr;
        out.push_back(e);
        if (!accept(TT::Comma)) break;
        if (!starts_target(peek())) break;
    }
    return out.back();
}

bool Parser::set_context(ast::expr* e, ast::expr_context ctx) {
    switch (e->node_kind) {
        case ast::expr::Kind::Name: e->as<ast::Name>()->ctx = ctx; return true;
        case ast::expr::Kind::Attribute: e->as<ast::Attribute>()->ctx = ctx; return true;
        case ast::expr::Kind::Subscript: e->as<ast::Subscript>()->ctx = ctx; return true;
        case ast::expr::Kind::Starred: {
            if (ctx == ast::expr_context::Del) return false;
            auto* s = e->as<ast::Starred>();
            s->ctx = ctx;
            return set_context(s->value, ctx);
        }
        case ast::expr::Kind::Tuple: {
            auto* t = e->as<ast::Tuple>();
            t->ctx = ctx;
            for (ast::expr* x : t->elts)
                if (!set_context(x, ctx)) return false;
            return true;
        }
        case ast::expr::Kind::List: {
            auto* l = e->as<ast::List>();
            l->ctx = ctx;
            for (ast::expr* x : l->elts)
                if (!set_context(x, ctx)) return false;
            return true;
        }
        default:
            return false;
    }
}

ast::expr* Parser::invalid_target(ast::expr* e, TargetsKind kind) {
    switch (e->node_kind) {
        case ast::expr::Kind::List:
            for (ast::expr* x : e->as<ast::List>()->elts)
                if (ast::expr* bad = invalid_target(x, kind)) return bad;
            return nullptr;
        case ast::expr::Kind::Tuple:
            for (ast::expr* x : e->as<ast::Tuple>()->elts)
                if (ast::expr* bad = invalid_target(x, kind)) return bad;
            return nullptr;
        case ast::expr::Kind::Starred:
            if (kind == TargetsKind::Del) return e;
            return invalid_target(e->as<ast::Starred>()->value, kind);
        case ast::expr::Kind::Compare: {
            // In `for a in b`, star_expressions reads `a in b` as a comparison:
            // look for the bad target on its left.
            if (kind == TargetsKind::For) {
                auto* c = e->as<ast::Compare>();
                if (c->ops[0] == ast::cmpop::In) return invalid_target(c->left, kind);
                return nullptr;
            }
            return e;
        }
        case ast::expr::Kind::Name:
        case ast::expr::Kind::Subscript:
        case ast::expr::Kind::Attribute:
            return nullptr;
        default:
            return e;
    }
}

const char* Parser::expr_name(const ast::expr* e) {
    using K = ast::expr::Kind;
    switch (e->node_kind) {
        case K::Attribute: return "attribute";
        case K::Subscript: return "subscript";
        case K::Starred: return "starred";
        case K::Name: return "name";
        case K::List: return "list";
        case K::Tuple: return "tuple";
        case K::Lambda: return "lambda";
        case K::Call: return "function call";
        case K::BoolOp: case K::BinOp: case K::UnaryOp: return "expression";
        case K::GeneratorExp: return "generator expression";
        case K::Yield: case K::YieldFrom: return "yield expression";
        case K::Await: return "await expression";
        case K::ListComp: return "list comprehension";
        case K::SetComp: return "set comprehension";
        case K::DictComp: return "dict comprehension";
        case K::Dict: return "dict literal";
        case K::Set: return "set display";
        case K::JoinedStr: case K::FormattedValue: return "f-string expression";
        case K::Constant: {
            switch (e->as<ast::Constant>()->value.kind) {
                case ast::ConstantValue::Kind::None: return "None";
                case ast::ConstantValue::Kind::True: return "True";
                case ast::ConstantValue::Kind::False: return "False";
                case ast::ConstantValue::Kind::Ellipsis: return "ellipsis";
                default: return "literal";
            }
        }
        case K::Compare: return "comparison";
        case K::IfExp: return "conditional expression";
        case K::NamedExpr: return "named expression";
        default: return "expression";
    }
}

std::nullptr_t Parser::raise_invalid_target(TargetsKind kind, ast::expr* e) {
    ast::expr* bad = invalid_target(e, kind);
    if (!bad) return nullptr;
    std::string msg = kind == TargetsKind::Del ? "cannot delete " : "cannot assign to ";
    return raise_nodes(bad, bad, msg + expr_name(bad));
}

}  // namespace krait::detail

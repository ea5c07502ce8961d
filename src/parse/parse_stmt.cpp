// Statement rules of the Python 3.11 grammar.
#include "parse/parser_impl.h"

namespace krait::detail {

using TT = TokenType;
using KW = Keyword;

namespace {

std::optional<ast::operator_> augassign_op(TT t) {
    switch (t) {
        case TT::PlusEqual: return ast::operator_::Add;
        case TT::MinEqual: return ast::operator_::Sub;
        case TT::StarEqual: return ast::operator_::Mult;
        case TT::AtEqual: return ast::operator_::MatMult;
        case TT::SlashEqual: return ast::operator_::Div;
        case TT::PercentEqual: return ast::operator_::Mod;
        case TT::AmperEqual: return ast::operator_::BitAnd;
        case TT::VBarEqual: return ast::operator_::BitOr;
        case TT::CircumflexEqual: return ast::operator_::BitXor;
        case TT::LeftShiftEqual: return ast::operator_::LShift;
        case TT::RightShiftEqual: return ast::operator_::RShift;
        case TT::DoubleStarEqual: return ast::operator_::Pow;
        case TT::DoubleSlashEqual: return ast::operator_::FloorDiv;
        default: return std::nullopt;
    }
}

}  // namespace

// file: [statements] ENDMARKER
ast::mod* Parser::file_rule() {
    std::vector<ast::stmt*> body;
    while (!at(TT::EndMarker)) {
        if (!statement(body)) return nullptr;
    }
    auto* m = arena_.make<ast::Module>();
    m->body = seq(body);
    return m;
}

// interactive: statement_newline
ast::mod* Parser::interactive_rule() {
    std::vector<ast::stmt*> body;
    // statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
    // (CPython turns the ENDMARKER after a statement into the NEWLINE).
    if (at(TT::Newline)) {
        ++pos_;
    } else {
        size_t start = pos_;
        if (ast::stmt* s = compound_stmt()) {
            // The ENDMARKER right after the NEWLINE that stood in for one
            // (see parse()) is not turned into another.
            bool end_as_newline = at(TT::EndMarker) && !is_columnless_newline(token_at(pos_ - 1));
            if (!end_as_newline && !accept(TT::Newline)) return nullptr;
            body.push_back(s);
        } else {
            if (failed_) return nullptr;
            pos_ = start;
            if (!simple_stmts(body)) return nullptr;
        }
    }
    // CPython stops after one statement_newline; text after it (other than
    // blank lines and comments) is "multiple statements found ...", raised by
    // parse() once the statement parsed.
    bad_single_ = tokenizer_error_ != nullptr;
    for (size_t i = pos_; i < tokens_->size() && !bad_single_; ++i) {
        TT type = token_at(i).type;
        bad_single_ = type != TT::Newline && type != TT::Dedent && type != TT::EndMarker;
    }
    if (!bad_single_) {
        while (accept(TT::Newline)) {
        }
    }
    auto* m = arena_.make<ast::Interactive>();
    m->body = seq(body);
    return m;
}

// eval: expressions NEWLINE* ENDMARKER
ast::mod* Parser::eval_rule() {
    ast::expr* e = expressions();
    if (!e) return nullptr;
    while (accept(TT::Newline)) {
    }
    if (!at(TT::EndMarker)) return nullptr;
    auto* m = arena_.make<ast::Expression>();
    m->body = e;
    return m;
}

bool Parser::statements(std::vector<ast::stmt*>& out) {
    do {
        if (!statement(out)) return false;
    } while (!at(TT::Dedent) && !at(TT::EndMarker));
    return true;
}

// statement: compound_stmt | simple_stmts
bool Parser::statement(std::vector<ast::stmt*>& out) {
    DepthGuard guard(*this);
    if (guard.too_deep()) return false;
    size_t start = pos_;
    if (ast::stmt* s = compound_stmt()) {
        out.push_back(s);
        return true;
    }
    if (failed_) return false;
    pos_ = start;  // a failed rule consumes nothing
    return simple_stmts(out);
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simple_stmts(std::vector<ast::stmt*>& out) {
    for (;;) {
        ast::stmt* s = simple_stmt();
        if (!s) return false;
        out.push_back(s);
        if (!accept(TT::Semi)) break;
        if (at(TT::Newline)) break;
    }
    return accept(TT::Newline);
}

ast::stmt* Parser::simple_stmt() {
    const Token& t = peek();
    size_t start = pos_;
    if (t.type == TT::Name) {
        switch (t.keyword) {
            case KW::Return: return return_stmt();
            case KW::Import: return import_name();
            case KW::From: return import_from();
            case KW::Raise: return raise_stmt();
            case KW::Pass: ++pos_; return node<ast::Pass>(start);
            case KW::Break: ++pos_; return node<ast::Break>(start);
            case KW::Continue: ++pos_; return node<ast::Continue>(start);
            case KW::Del: return del_stmt();
            case KW::Assert: return assert_stmt();
            case KW::Global: return global_stmt(true);
            case KW::Nonlocal: return global_stmt(false);
            case KW::Yield: {
                // yield_stmt, unless it is the value of an assignment-like statement
                ast::expr* y = yield_expr();
                if (!y) return nullptr;
                if (invalid_rules_ && at(TT::Equal))
                    return raise_nodes(y, y, "assignment to yield expression not possible");
                auto* s = node<ast::Expr>(start);
                s->value = y;
                return s;
            }
            default: break;
        }
    }
    return expression_stmt();
}

// assignment | star_expressions, decided after parsing the first expression.
ast::stmt* Parser::expression_stmt() {
    size_t start = pos_;
    const Token& first_tok = peek();
    ast::expr* first = star_expressions();
    if (!first) {
        if (failed_ || !invalid_rules_) return nullptr;
    }
    if (first && at(TT::Colon)) {
        // annotated assignment: NAME ':' ... | ('(' single_target ')' | attribute/subscript) ':' ...
        bool parenthesised = first_tok.type == TT::LPar;
        bool ok = first->is<ast::Name>() || first->is<ast::Attribute>() || first->is<ast::Subscript>();
        if (ok && (!parenthesised || first->is<ast::Name>() || first->is<ast::Attribute>() ||
                   first->is<ast::Subscript>())) {
            ++pos_;
            ast::expr* annotation = expression();
            if (!annotation) return nullptr;
            ast::expr* value = nullptr;
            if (accept(TT::Equal)) {
                value = at(KW::Yield) ? yield_expr() : star_expressions();
                if (!value) return nullptr;
            }
            set_context(first, ast::expr_context::Store);
            auto* s = node<ast::AnnAssign>(start);
            s->target = first;
            s->annotation = annotation;
            s->value = value;
            s->simple = first->is<ast::Name>() && !parenthesised;
            return s;
        }
    }
    if (first && at(TT::Equal)) {
        std::vector<ast::expr*> targets{first};
        ast::expr* value = nullptr;
        bool valid = true;
        while (accept(TT::Equal)) {
            value = at(KW::Yield) ? yield_expr() : star_expressions();
            if (!value) break;
            if (at(TT::Equal)) targets.push_back(value);
        }
        if (value && !failed_) {
            for (ast::expr* t : targets) valid = valid && !t->is<ast::Yield>() && !t->is<ast::YieldFrom>() &&
                                                 set_context(t, ast::expr_context::Store);
            if (valid) {
                auto* s = node<ast::Assign>(start);
                s->targets = seq(targets);
                s->value = value;
                return s;
            }
        }
        if (failed_ || !invalid_rules_) return nullptr;
    } else if (first) {
        if (auto op = augassign_op(peek().type)) {
            bool single = first->is<ast::Name>() || first->is<ast::Attribute>() || first->is<ast::Subscript>();
            if (single) {
                ++pos_;
                ast::expr* value = at(KW::Yield) ? yield_expr() : star_expressions();
                if (!value) return nullptr;
                set_context(first, ast::expr_context::Store);
                auto* s = node<ast::AugAssign>(start);
                s->target = first;
                s->op = *op;
                s->value = value;
                return s;
            }
            if (!invalid_rules_) return nullptr;
        } else if (!at(TT::Colon) && !invalid_rules_) {
            auto* s = node<ast::Expr>(start);
            s->value = first;
            return s;
        }
        // In the second pass CPython tries invalid_assignment (below) before
        // the plain expression statement, whatever the statement is.
    }
    if (!invalid_rules_) return nullptr;
    // ---- second pass: invalid_assignment --------------------------------------
    pos_ = start;
    // invalid_ann_assign_target ':' expression
    if (at(TT::LPar) || at(TT::LSqb)) {
        size_t save = pos_;
        size_t depth = 0;
        while (at(TT::LPar) && (peek(1).type == TT::LPar || peek(1).type == TT::LSqb)) {
            ++pos_;
            ++depth;
        }
        ast::expr* t = atom();
        if (failed_) return nullptr;
        bool ok = t && (t->is<ast::Tuple>() || t->is<ast::List>());
        for (size_t i = 0; ok && i < depth; ++i) ok = accept(TT::RPar);
        if (ok && accept(TT::Colon)) {
            ast::expr* ann = expression();
            if (failed_) return nullptr;
            if (ann)
                return raise_nodes(t, t, std::string("only single target (not ") +
                                             (t->is<ast::Tuple>() ? "tuple" : "list") + ") can be annotated");
        }
        pos_ = save;
    }
    // star_named_expression ',' star_named_expressions* ':' expression
    {
        ast::expr* a = star_named_expression();
        if (failed_) return nullptr;
        if (a && accept(TT::Comma)) {
            // star_named_expressions* : lists one after another, each as long
            // as it goes (a list ends where no ',' follows an item).
            std::vector<ast::expr*> rest;
            while (starts_expression() && !at(TT::Colon)) {
                size_t before = pos_;
                if (!star_named_expressions(rest, TT::Colon)) pos_ = before;
                if (failed_) return nullptr;
                if (pos_ == before) break;
            }
            if (accept(TT::Colon)) {
                ast::expr* ann = expression();
                if (failed_) return nullptr;
                if (ann) return raise_nodes(a, a, "only single target (not tuple) can be annotated");
            }
        }
        pos_ = start;
    }
    // expression ':' expression
    {
        ast::expr* a = expression();
        if (failed_) return nullptr;
        if (a && accept(TT::Colon)) {
            ast::expr* ann = expression();
            if (failed_) return nullptr;
            if (ann) return raise_nodes(a, a, "illegal target for annotation");
        }
        pos_ = start;
    }
    // (star_targets '=')* a=star_expressions '='  |  (star_targets '=')* a=yield_expr '='
    for (;;) {
        size_t save = pos_;
        ast::expr* t = star_targets();
        if (failed_) return nullptr;
        if (t && accept(TT::Equal)) continue;
        pos_ = save;
        break;
    }
    {
        size_t save = pos_;
        if (at(KW::Yield)) {
            ast::expr* y = yield_expr();
            if (failed_) return nullptr;
            if (y && at(TT::Equal)) return raise_nodes(y, y, "assignment to yield expression not possible");
        } else {
            ast::expr* a = star_expressions();
            if (failed_) return nullptr;
            if (a && at(TT::Equal)) return raise_invalid_target(TargetsKind::Star, a);
        }
        pos_ = save;
    }
    pos_ = start;
    // a=star_expressions augassign (yield_expr | star_expressions)
    {
        ast::expr* a = star_expressions();
        if (failed_) return nullptr;
        if (a && augassign_op(peek().type)) {
            ++pos_;
            ast::expr* v = at(KW::Yield) ? yield_expr() : star_expressions();
            if (failed_) return nullptr;
            if (v)
                return raise_nodes(a, a, std::string("'") + expr_name(a) +
                                             "' is an illegal expression for augmented assignment");
        }
    }
    pos_ = start;
    first = star_expressions();
    if (!first) return nullptr;
    auto* s = node<ast::Expr>(start);
    s->value = first;
    return s;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
ast::Seq<ast::stmt*> Parser::block(const Token& owner, const char* what) {
    std::vector<ast::stmt*> body;
    if (accept(TT::Newline)) {
        if (!at(TT::Indent)) {
            if (invalid_rules_ && what)
                raise_indentation(farthest(), std::string("expected an indented block after ") + what +
                                                            " on line " + std::to_string(owner.lineno));
            else if (invalid_rules_)
                raise_indentation(farthest(), "expected an indented block");
            return {};
        }
        ++pos_;
        if (!statements(body)) return {};
        if (!accept(TT::Dedent)) return {};
    } else {
        if (!simple_stmts(body)) return {};
    }
    return seq(body);
}

ast::stmt* Parser::compound_stmt() {
    const Token& t = peek();
    size_t start = pos_;
    if (t.type == TT::At) return decorated();
    if (t.type != TT::Name) return nullptr;
    switch (t.keyword) {
        case KW::Def: return function_def(start, false, {});
        case KW::If: return if_stmt(false);
        case KW::Class: return class_def(start, {});
        case KW::With: return with_stmt(start, false);
        case KW::For: return for_stmt(start, false);
        case KW::Try: return try_stmt();
        case KW::While: return while_stmt();
        case KW::Async: {
            const Token& n = peek(1);
            if (n.keyword == KW::Def) return function_def(start, true, {});
            if (n.keyword == KW::With) return with_stmt(start, true);
            if (n.keyword == KW::For) return for_stmt(start, true);
            return nullptr;
        }
        case KW::None_:
            if (text(t) == "match") {
                ast::stmt* m = match_stmt();
                if (!m && !failed_) pos_ = start;
                return m;
            }
            return nullptr;
        default:
            return nullptr;
    }
}

// The ':' of a compound statement whose grammar has a plain ':' (if, while,
// for, with, except, class, match, case): in the second pass, CPython's
// "expected ':'" when a NEWLINE comes instead.
bool Parser::block_colon() {
    if (accept(TT::Colon)) return true;
    if (invalid_rules_ && at(TT::Newline)) raise_at(farthest(), "expected ':'");
    return false;
}

// A forced ':' (CPython's &&':' after def, try, else, finally): anything
// else is "expected ':'" at once, in either pass.
bool Parser::forced_colon() {
    if (accept(TT::Colon)) return true;
    raise_on_token(SyntaxErrorInfo::Type::SyntaxError, peek(), "expected ':'", true);
    return false;
}

// else_block: 'else' &&':' block
bool Parser::else_block(ast::Seq<ast::stmt*>& orelse) {
    const Token& else_kw = peek();
    ++pos_;
    if (!forced_colon()) return false;
    orelse = block(else_kw, "'else' statement");
    return !orelse.empty();
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
ast::stmt* Parser::if_stmt(bool is_elif) {
    size_t start = pos_;
    const Token& kw = peek();
    ++pos_;
    ast::expr* test = named_expression();
    if (!test) return nullptr;
    if (!block_colon()) return nullptr;
    auto body = block(kw, is_elif ? "'elif' statement" : "'if' statement");
    if (body.empty()) return nullptr;
    ast::Seq<ast::stmt*> orelse;
    if (at(KW::Elif)) {
        ast::stmt* e = if_stmt(true);
        if (!e) return nullptr;
        orelse = seq(std::vector<ast::stmt*>{e});
    } else if (at(KW::Else) && !else_block(orelse)) {
        return nullptr;
    }
    auto* s = node<ast::If>(start);
    s->test = test;
    s->body = body;
    s->orelse = orelse;
    return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
ast::stmt* Parser::while_stmt() {
    size_t start = pos_;
    const Token& kw = peek();
    ++pos_;
    ast::expr* test = named_expression();
    if (!test) return nullptr;
    if (!block_colon()) return nullptr;
    auto body = block(kw, "'while' statement");
    if (body.empty()) return nullptr;
    ast::Seq<ast::stmt*> orelse;
    if (at(KW::Else) && !else_block(orelse)) return nullptr;
    auto* s = node<ast::While>(start);
    s->test = test;
    s->body = body;
    s->orelse = orelse;
    return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
ast::stmt* Parser::for_stmt(size_t start, bool is_async) {
    if (is_async) ++pos_;
    const Token& kw = peek();
    ++pos_;
    size_t target_start = pos_;
    ast::expr* target = star_targets();
    if (!target || !accept(KW::In)) {
        if (!failed_ && invalid_rules_) {
            // invalid_for_target: ASYNC? 'for' a=star_expressions
            pos_ = target_start;
            ast::expr* a = star_expressions();
            if (!failed_ && a) return raise_invalid_target(TargetsKind::For, a);
        }
        return nullptr;
    }
    ast::expr* iter = star_expressions();
    if (!iter) return nullptr;
    if (!block_colon()) return nullptr;
    auto body = block(kw, "'for' statement");
    if (body.empty()) return nullptr;
    ast::Seq<ast::stmt*> orelse;
    if (at(KW::Else) && !else_block(orelse)) return nullptr;
    ast::stmt* s;
    if (is_async) {
        auto* f = node<ast::AsyncFor>(start);
        f->target = target, f->iter = iter, f->body = body, f->orelse = orelse;
        s = f;
    } else {
        auto* f = node<ast::For>(start);
        f->target = target, f->iter = iter, f->body = body, f->orelse = orelse;
        s = f;
    }
    return s;
}

// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
ast::stmt* Parser::with_stmt(size_t start, bool is_async) {
    if (is_async) ++pos_;
    const Token& kw = peek();
    ++pos_;
    std::vector<ast::withitem*> items;
    bool parsed = false;
    if (at(TT::LPar)) {
        size_t save = pos_;
        ++pos_;
        for (;;) {
            ast::withitem* item = with_item();
            if (!item) break;
            items.push_back(item);
            if (!accept(TT::Comma)) break;
            if (at(TT::RPar)) break;
        }
        if (failed_) return nullptr;
        if (!items.empty() && accept(TT::RPar) && at(TT::Colon)) {
            parsed = true;
        } else {
            items.clear();
            pos_ = save;
        }
    }
    size_t items_start = pos_;
    if (!parsed) {
        for (;;) {
            size_t save = pos_;
            ast::withitem* item = with_item();
            if (!item) {
                pos_ = save > items_start ? save - 1 : save;  // leave a trailing ',' unconsumed
                break;
            }
            items.push_back(item);
            if (!accept(TT::Comma)) break;
        }
        if (failed_) return nullptr;
    }
    if (items.empty() || !accept(TT::Colon)) {
        if (invalid_rules_) {
            // invalid_with_stmt: [ASYNC] 'with' ['('] ','.(expression ['as' star_target])+ [','] [')'] NEWLINE
            pos_ = items_start;
            bool paren = accept(TT::LPar);
            bool any = false;
            for (;;) {
                if (!expression()) break;
                any = true;
                if (at(KW::As)) {
                    size_t save = pos_++;
                    if (!star_target()) pos_ = save;
                }
                if (failed_) return nullptr;
                if (!accept(TT::Comma)) break;
                if (paren && at(TT::RPar)) break;
            }
            if (failed_) return nullptr;
            if (any && (!paren || accept(TT::RPar)) && at(TT::Newline)) {
                peek();
                return raise_at(farthest(), "expected ':'");
            }
        }
        return nullptr;
    }
    auto body = block(kw, "'with' statement");
    if (body.empty()) return nullptr;
    if (is_async) {
        auto* w = node<ast::AsyncWith>(start);
        w->items = seq(items), w->body = body;
        return w;
    }
    auto* w = node<ast::With>(start);
    w->items = seq(items), w->body = body;
    return w;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
ast::withitem* Parser::with_item() {
    ast::expr* e = expression();
    if (!e) return nullptr;
    ast::expr* vars = nullptr;
    if (at(KW::As)) {
        size_t save = pos_;
        ++pos_;
        vars = star_target();
        if (failed_) return nullptr;
        if (!vars || !(at(TT::Comma) || at(TT::RPar) || at(TT::Colon))) {
            if (invalid_rules_) {
                // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
                pos_ = save + 1;
                ast::expr* a = expression();
                if (failed_) return nullptr;
                if (a && (at(TT::Comma) || at(TT::RPar) || at(TT::Colon)))
                    return raise_invalid_target(TargetsKind::Star, a);
            }
            pos_ = save;
            vars = nullptr;
        }
    }
    auto* w = arena_.make<ast::withitem>();
    w->context_expr = e;
    w->optional_vars = vars;
    return w;
}

// try_stmt: 'try' &&':' block finally_block
//         | 'try' &&':' block except_block+ [else_block] [finally_block]
//         | 'try' &&':' block except_star_block+ [else_block] [finally_block]
ast::stmt* Parser::try_stmt() {
    size_t start = pos_;
    const Token& kw = peek();
    ++pos_;
    if (!forced_colon()) return nullptr;
    auto body = block(kw, "'try' statement");
    if (body.empty()) return nullptr;
    std::vector<ast::excepthandler*> handlers;
    bool star = at(KW::Except) && peek(1).type == TT::Star;
    while (at(KW::Except)) {
        if ((peek(1).type == TT::Star) != star) {
            // A handler of the other kind ends the list (the statement after
            // the 'try' then fails), unless the second pass explains it.
            if (invalid_rules_ && !mixed_except_kinds(star)) return nullptr;
            break;
        }
        ast::excepthandler* h = except_block(star, kw);
        if (!h) return nullptr;
        handlers.push_back(h);
    }
    ast::Seq<ast::stmt*> orelse, finalbody;
    if (!handlers.empty() && at(KW::Else) && !else_block(orelse)) return nullptr;
    if (at(KW::Finally)) {
        const Token& fin = peek();
        ++pos_;
        if (!forced_colon()) return nullptr;
        finalbody = block(fin, "'finally' statement");
        if (finalbody.empty()) return nullptr;
    }
    if (handlers.empty() && finalbody.empty()) {
        if (invalid_rules_) return raise_at(farthest(), "expected 'except' or 'finally' block");
        return nullptr;
    }
    if (star) {
        auto* t = node<ast::TryStar>(start);
        t->body = body, t->handlers = seq(handlers), t->orelse = orelse, t->finalbody = finalbody;
        return t;
    }
    auto* t = node<ast::Try>(start);
    t->body = body, t->handlers = seq(handlers), t->orelse = orelse, t->finalbody = finalbody;
    return t;
}

// invalid_try_stmt's alternatives for a handler of the other kind after
// handlers of one kind (second pass), at that handler's 'except':
//   'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
//   'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
// raise "cannot have both ..." (from 'except' to '*' in the first case). When
// the header does not match, the handler is parsed as one of the list's kind
// (CPython's except_block+ loop tries it), which may raise its own error.
// Returns false when an error was raised.
bool Parser::mixed_except_kinds(bool star_list) {
    size_t start = pos_;
    const Token& kw = peek();
    ++pos_;
    bool header = false;
    if (!star_list) {
        const Token& star_tok = peek();
        ++pos_;
        header = except_header_rest(false);
        if (failed_) return false;
        if (header) {
            pos_ = start;
            raise_range(kw, star_tok, "cannot have both 'except' and 'except*' on the same 'try'");
            return false;
        }
    } else {
        header = except_header_rest(true);
        if (failed_) return false;
        if (header) {
            pos_ = start;
            raise_at(kw, "cannot have both 'except' and 'except*' on the same 'try'");
            return false;
        }
    }
    pos_ = start;
    invalid_except_stmt();
    pos_ = start;
    return !failed_;
}

// The rest of a handler's header after 'except' ['*']: expression ['as'
// NAME] ':' (the expression optional when `optional_type`). Consumes it.
bool Parser::except_header_rest(bool optional_type) {
    size_t save = pos_;
    if (expression()) {
        if (at(KW::As) && is_plain_name(peek(1))) pos_ += 2;
    } else {
        if (failed_ || !optional_type) return false;
        pos_ = save;
    }
    return accept(TT::Colon);
}

// invalid_except_stmt (second pass, after a handler failed to parse):
//     'except' '*'? a=expression ',' expressions ['as' NAME ] ':'  (from a to the tokenizer's position)
//   | 'except' '*'? expression ['as' NAME ] NEWLINE                 "expected ':'"
//   | 'except' NEWLINE                                              "expected ':'"
//   | 'except' '*' (NEWLINE | ':')                                  "expected one or more exception types"
std::nullptr_t Parser::invalid_except_stmt() {
    const size_t start = pos_;
    ++pos_;  // 'except'
    const bool star = accept(TT::Star);
    const size_t after_star = pos_;
    ast::expr* type = expression();
    if (failed_) return nullptr;
    if (type) {
        const size_t after_type = pos_;
        if (accept(TT::Comma)) {
            ast::expr* rest = expressions();
            if (failed_) return nullptr;
            if (rest) {
                if (at(KW::As) && is_plain_name(peek(1))) pos_ += 2;
                if (at(TT::Colon)) {
                    // CPython ends the range at the tokenizer's position: after
                    // the farthest token read, as a 1-based offset.
                    peek();
                    const Token& far = farthest();
                    return raise(SyntaxErrorInfo::Type::SyntaxError, "multiple exception types must be parenthesized",
                                 type->lineno, type->col_offset, far.end_lineno, far.end_col_offset - 1);
                }
            }
        }
        pos_ = after_type;
        if (at(KW::As) && is_plain_name(peek(1))) pos_ += 2;
        if (at(TT::Newline)) return raise_at(farthest(), "expected ':'");
    }
    pos_ = after_star;
    if (!star && at(TT::Newline)) return raise_at(farthest(), "expected ':'");
    if (star && (at(TT::Newline) || at(TT::Colon))) return raise_at(farthest(), "expected one or more exception types");
    pos_ = start;
    return nullptr;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
// (each followed by invalid_except_stmt in the second pass)
ast::excepthandler* Parser::except_block(bool star, const Token& try_token) {
    size_t start = pos_;
    const Token& kw = peek();
    ++pos_;
    if (star) ++pos_;
    ast::expr* type = nullptr;
    ast::Identifier name;
    bool header = true;
    if (!at(TT::Colon) || star) {
        type = expression();
        if (failed_) return nullptr;
        if (!type) header = false;
        if (header && at(KW::As)) {
            ++pos_;
            const Token& n = peek();
            if (is_plain_name(n)) {
                ++pos_;
                name = identifier(n);
            } else {
                header = false;
            }
        }
    }
    if (header && accept(TT::Colon)) {
        auto body = block(kw, star ? "'except*' statement" : "'except' statement");
        if (failed_) return nullptr;
        if (!body.empty()) {
            auto* h = node<ast::ExceptHandler>(start);
            h->type = type;
            h->name = name;
            h->body = body;
            return h;
        }
    }
    if (invalid_rules_) {
        pos_ = start;
        invalid_except_stmt();
    }
    return nullptr;
}

// decorators: ('@' named_expression NEWLINE)+ then class_def_raw | function_def_raw
ast::stmt* Parser::decorated() {
    std::vector<ast::expr*> decorators;
    while (accept(TT::At)) {
        ast::expr* d = named_expression();
        if (!d || !accept(TT::Newline)) return nullptr;
        decorators.push_back(d);
    }
    size_t start = pos_;
    if (at(KW::Def)) return function_def(start, false, seq(decorators));
    if (at(KW::Async) && peek(1).keyword == KW::Def) return function_def(start, true, seq(decorators));
    if (at(KW::Class)) return class_def(start, seq(decorators));
    return nullptr;
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
ast::stmt* Parser::function_def(size_t start, bool is_async, ast::Seq<ast::expr*> decorators) {
    if (is_async) ++pos_;
    const Token& kw = peek();
    ++pos_;
    const Token& name = peek();
    if (!is_plain_name(name)) return nullptr;
    ++pos_;
    if (!accept(TT::LPar)) return raise_at(peek(), "expected '('");
    ast::arguments* args = parameters(false, TT::RPar);
    if (!args) return nullptr;
    if (!accept(TT::RPar)) return nullptr;
    ast::expr* returns = nullptr;
    if (at(TT::RArrow)) {
        size_t save = pos_++;
        returns = expression();
        if (failed_) return nullptr;
        if (!returns) pos_ = save;  // ['->' expression] is optional: the ':' check reports
    }
    if (!forced_colon()) return nullptr;
    auto body = block(kw, "function definition");
    if (body.empty()) return nullptr;
    if (is_async) {
        auto* f = node<ast::AsyncFunctionDef>(start);
        f->name = identifier(name), f->args = args, f->body = body, f->decorator_list = decorators;
        f->returns = returns;
        return f;
    }
    auto* f = node<ast::FunctionDef>(start);
    f->name = identifier(name), f->args = args, f->body = body, f->decorator_list = decorators;
    f->returns = returns;
    return f;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block
ast::stmt* Parser::class_def(size_t start, ast::Seq<ast::expr*> decorators) {
    const Token& kw = peek();
    ++pos_;
    const Token& name = peek();
    if (!is_plain_name(name)) return nullptr;
    ++pos_;
    ast::Seq<ast::expr*> bases;
    ast::Seq<ast::keyword*> keywords;
    if (at(TT::LPar)) {
        // The call rule parses the same argument list; take its parts. A lone
        // generator expression (which `call` accepts) is not an argument list.
        size_t open = pos_;
        ast::expr* c = call(nullptr, open);
        if (!c) return nullptr;
        auto* cl = c->as<ast::Call>();
        if (cl->args.size() == 1 && cl->args[0]->is<ast::GeneratorExp>() &&
            cl->args[0]->col_offset == token_at(open).col_offset && cl->args[0]->lineno == token_at(open).lineno)
            return nullptr;
        bases = cl->args;
        keywords = cl->keywords;
    }
    if (!block_colon()) return nullptr;
    auto body = block(kw, "class definition");
    if (body.empty()) return nullptr;
    auto* c = node<ast::ClassDef>(start);
    c->name = identifier(name), c->bases = bases, c->keywords = keywords, c->body = body;
    c->decorator_list = decorators;
    return c;
}

// import_name: 'import' dotted_as_names
ast::stmt* Parser::import_name() {
    size_t start = pos_;
    ++pos_;
    std::vector<ast::alias*> names;
    do {
        ast::alias* a = dotted_as_name();
        if (!a) return nullptr;
        names.push_back(a);
    } while (accept(TT::Comma));
    auto* s = node<ast::Import>(start);
    s->names = seq(names);
    return s;
}

// dotted_name: NAME ('.' NAME)*, joined with dots.
ast::Identifier Parser::dotted_name() {
    const Token& first = peek();
    if (!is_plain_name(first)) return {};
    ++pos_;
    if (!at(TT::Dot) || !is_plain_name(peek(1))) return identifier(first);
    std::string dotted(identifier(first).view());
    while (at(TT::Dot) && is_plain_name(peek(1))) {
        dotted += '.';
        dotted += identifier(peek(1)).view();
        pos_ += 2;
    }
    return ast::Identifier(arena_.copy(dotted));
}

// dotted_as_name: dotted_name ['as' NAME]
ast::alias* Parser::dotted_as_name() {
    size_t start = pos_;
    ast::Identifier name = dotted_name();
    if (name.is_none()) return nullptr;
    ast::Identifier asname;
    if (accept(KW::As)) {
        const Token& n = peek();
        if (!is_plain_name(n)) return nullptr;
        ++pos_;
        asname = identifier(n);
    }
    auto* a = node<ast::alias>(start);
    a->name = name;
    a->asname = asname;
    return a;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
ast::stmt* Parser::import_from() {
    size_t start = pos_;
    ++pos_;
    int level = 0;
    for (;;) {
        if (accept(TT::Dot)) level += 1;
        else if (accept(TT::Ellipsis)) level += 3;
        else break;
    }
    ast::Identifier module;
    if (!at(KW::Import)) {
        module = dotted_name();
        if (module.is_none()) return nullptr;
    } else if (level == 0) {
        return nullptr;
    }
    if (!accept(KW::Import)) return nullptr;
    std::vector<ast::alias*> names;
    if (at(TT::Star)) {
        const Token& star = peek();
        ++pos_;
        auto* a = located<ast::alias>(star, star);
        a->name = ast::Identifier(std::string_view("*", 1));
        names.push_back(a);
    } else {
        bool paren = accept(TT::LPar);
        for (;;) {
            size_t astart = pos_;
            const Token& n = peek();
            if (!is_plain_name(n)) return nullptr;
            ++pos_;
            ast::Identifier asname;
            if (accept(KW::As)) {
                const Token& n2 = peek();
                if (!is_plain_name(n2)) return nullptr;
                ++pos_;
                asname = identifier(n2);
            }
            auto* a = node<ast::alias>(astart);
            a->name = identifier(n);
            a->asname = asname;
            names.push_back(a);
            if (!accept(TT::Comma)) break;
            if (paren && at(TT::RPar)) break;
            if (!paren && at(TT::Newline)) {
                if (invalid_rules_) return raise_at(farthest(), "trailing comma not allowed without surrounding parentheses");
                return nullptr;
            }
        }
        if (paren && !accept(TT::RPar)) return nullptr;
    }
    auto* s = node<ast::ImportFrom>(start);
    s->module = module;
    s->names = seq(names);
    s->level = level;
    return s;
}

// return_stmt: 'return' [star_expressions]
ast::stmt* Parser::return_stmt() {
    size_t start = pos_;
    ++pos_;
    ast::expr* value = nullptr;
    if (starts_expression()) {
        value = star_expressions();
        if (!value) return nullptr;
    }
    auto* s = node<ast::Return>(start);
    s->value = value;
    return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
ast::stmt* Parser::raise_stmt() {
    size_t start = pos_;
    ++pos_;
    ast::expr* exc = nullptr;
    ast::expr* cause = nullptr;
    if (starts_expression() && !at(TT::Star)) {
        exc = expression();
        if (!exc) return nullptr;
        if (accept(KW::From)) {
            cause = expression();
            if (!cause) return nullptr;
        }
    }
    auto* s = node<ast::Raise>(start);
    s->exc = exc;
    s->cause = cause;
    return s;
}

// global_stmt: 'global' ','.NAME+     nonlocal_stmt: 'nonlocal' ','.NAME+
ast::stmt* Parser::global_stmt(bool is_global) {
    size_t start = pos_;
    ++pos_;
    std::vector<ast::Identifier> names;
    do {
        const Token& n = peek();
        if (!is_plain_name(n)) return nullptr;
        ++pos_;
        names.push_back(identifier(n));
    } while (accept(TT::Comma));
    if (is_global) {
        auto* s = node<ast::Global>(start);
        s->names = seq(names);
        return s;
    }
    auto* s = node<ast::Nonlocal>(start);
    s->names = seq(names);
    return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
ast::stmt* Parser::del_stmt() {
    size_t start = pos_;
    ++pos_;
    std::vector<ast::expr*> targets;
    size_t targets_start = pos_;
    if (!del_targets_as_list(targets) || !(at(TT::Semi) || at(TT::Newline))) {
        if (!failed_ && invalid_rules_) {
            // invalid_del_stmt: 'del' a=star_expressions
            pos_ = targets_start;
            ast::expr* a = star_expressions();
            if (!failed_ && a) return raise_invalid_target(TargetsKind::Del, a);
        }
        return nullptr;
    }
    auto* s = node<ast::Delete>(start);
    s->targets = seq(targets);
    return s;
}

// assert_stmt: 'assert' expression [',' expression]
ast::stmt* Parser::assert_stmt() {
    size_t start = pos_;
    ++pos_;
    ast::expr* test = expression();
    if (!test) return nullptr;
    ast::expr* msg = nullptr;
    if (accept(TT::Comma)) {
        msg = expression();
        if (!msg) return nullptr;
    }
    auto* s = node<ast::Assert>(start);
    s->test = test;
    s->msg = msg;
    return s;
}

// Parameters of a def (annotations allowed, `closer` is ')') or a lambda
// (`closer` is ':'). In the second pass, misplaced '/', '*', '**' and
// defaults get CPython's messages, at CPython's locations.
ast::arguments* Parser::parameters(bool lambda, TT closer) {
    std::vector<ast::arg*> posonly, args, kwonly;
    std::vector<ast::expr*> defaults, kw_defaults;
    ast::arg* vararg = nullptr;
    ast::arg* kwarg = nullptr;
    bool seen_star = false, seen_slash = false;
    auto fail = [&](const Token& t, const char* msg) -> ast::arguments* {
        if (invalid_rules_) raise_at(t, msg);
        return nullptr;
    };
    while (!at(closer)) {
        const Token& t = peek();
        if (kwarg) {
            // Anything after **kwargs.
            if (t.type == TT::Star || t.type == TT::DoubleStar || t.type == TT::Slash)
                return fail(t, "arguments cannot follow var-keyword argument");
            if (is_plain_name(t)) {
                ast::arg* a = param(lambda, false);
                if (a && invalid_rules_) return raise_nodes(a, a, "arguments cannot follow var-keyword argument");
            }
            return nullptr;
        }
        if (t.type == TT::Slash) {
            if (seen_star) return fail(t, "/ must be ahead of *");
            if (seen_slash) return fail(t, "/ may appear only once");
            if (args.empty()) {
                // Only the second pass looks past the '/' (CPython's first
                // pass does not, which fixes where "invalid syntax" points).
                if (invalid_rules_ && peek(1).type == TT::Comma) return fail(t, "at least one argument must precede /");
                return nullptr;
            }
            ++pos_;
            seen_slash = true;
            posonly = std::move(args);
            args.clear();
            if (at(TT::Star)) return fail(peek(), "expected comma between / and *");
        } else if (t.type == TT::Star) {
            if (seen_star) return fail(t, "* argument may appear only once");
            ++pos_;
            seen_star = true;
            TT next = peek().type;
            if (next == closer || (next == TT::Comma && (peek(1).type == closer || peek(1).type == TT::DoubleStar))) {
                // A lambda's rule reports at the farthest token, a def's at the '*'.
                return fail(lambda ? farthest() : t, "named arguments must follow bare *");
            }
            if (next != TT::Comma) {
                vararg = param(lambda, true);
                if (!vararg) return nullptr;
                if (at(TT::Equal)) return fail(peek(), "var-positional argument cannot have default value");
            }
        } else if (t.type == TT::DoubleStar) {
            ++pos_;
            kwarg = param(lambda, false);
            if (!kwarg) return nullptr;
            if (at(TT::Equal)) return fail(peek(), "var-keyword argument cannot have default value");
        } else if (t.type == TT::LPar && invalid_rules_ && !seen_star && defaults.empty()) {
            // param_no_default* '(' param_no_default+ ','? ')'
            size_t save = pos_;
            ++pos_;
            bool names = false;
            while (is_plain_name(peek())) {
                if (!param(lambda, false)) break;
                names = true;
                if (!accept(TT::Comma)) break;
            }
            if (names && at(TT::RPar))
                return raise_range(t, peek(), lambda ? "Lambda expression parameters cannot be parenthesized"
                                                     : "Function parameters cannot be parenthesized");
            if (failed_) return nullptr;
            pos_ = save;
            return nullptr;
        } else {
            ast::arg* a = param(lambda, false);
            if (!a) return nullptr;
            ast::expr* def = nullptr;
            if (at(TT::Equal)) {
                const Token& eq = peek();
                ++pos_;
                if (at(TT::RPar) || at(TT::Comma) || (lambda && at(TT::Colon)))
                    return fail(eq, "expected default value expression");
                def = expression();
                if (!def) return nullptr;
            }
            if (seen_star) {
                kwonly.push_back(a);
                kw_defaults.push_back(def);
            } else {
                if (!def && !defaults.empty()) {
                    // param_no_default: a parameter followed by ',' or the closer.
                    if (invalid_rules_ && (at(TT::Comma) || at(closer)))
                        return raise_nodes(a, a, "non-default argument follows default argument");
                    return nullptr;
                }
                args.push_back(a);
                if (def) defaults.push_back(def);
            }
        }
        if (!accept(TT::Comma)) break;
    }
    auto* a = arena_.make<ast::arguments>();
    a->posonlyargs = seq(posonly);
    a->args = seq(args);
    a->vararg = vararg;
    a->kwonlyargs = seq(kwonly);
    a->kw_defaults = seq(kw_defaults);
    a->kwarg = kwarg;
    a->defaults = seq(defaults);
    return a;
}

// param: NAME [':' expression]; after '*' the annotation may be starred (PEP 646).
ast::arg* Parser::param(bool lambda, bool star_annotation) {
    size_t start = pos_;
    const Token& n = peek();
    if (!is_plain_name(n)) return nullptr;
    ++pos_;
    ast::expr* annotation = nullptr;
    if (!lambda && accept(TT::Colon)) {
        annotation = star_annotation && at(TT::Star) ? star_expression() : expression();
        if (!annotation) return nullptr;
    }
    auto* a = node<ast::arg>(start);
    a->arg = identifier(n);
    a->annotation = annotation;
    return a;
}

}  // namespace krait::detail

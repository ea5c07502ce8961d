// CPython 3.11's AST optimizer (Python/ast_opt.c), node by node, in CPython's visiting order.
//
// CPython rewrites a node in place (a BinOp becomes a Constant in the same memory); krait's node
// types have different sizes, so every visit takes a reference to the parent's slot and replaces
// the pointer. The replacement keeps the replaced node's position, as CPython's does.
#include "compile/ast_opt.h"

#include "compile/constants.h"
#include "compile/fold_ops.h"

namespace krait::compile {

namespace {

using bytecode::ConstRef;

// CPython 3.11 counts statements, expressions and patterns against 3 x the recursion limit
// (1000), less the interpreter's current depth; krait starts from zero.
constexpr int kRecursionLimit = 3000;

class Optimizer {
 public:
  Optimizer(ast::Arena& arena, FoldedConstants& keep, const AstOptimizeOptions& options)
      : arena_(arena), keep_(keep), options_(options) {}

  bool run(ast::mod* module) {
    if (auto* m = module->as<ast::Module>()) {
      body(m->body);
    } else if (auto* i = module->as<ast::Interactive>()) {
      for (auto& s : i->body) stmt(s);
    } else if (auto* e = module->as<ast::Expression>()) {
      expr(e->body);
    }
    return !too_deep_;
  }

 private:
  // ---- Helpers ----

  bool enter() {
    if (++depth_ > kRecursionLimit) too_deep_ = true;
    return !too_deep_;
  }

  static const bytecode::Constant* constant_of(const ast::expr* e, ConstRef& holder) {
    auto* c = e->as<ast::Constant>();
    if (!c) return nullptr;
    holder = constant_from_ast(c->value);
    return holder.get();
  }

  // Replaces `slot` by a Constant holding `value` at the same position (CPython's make_const).
  void make_const(ast::expr*& slot, ConstRef value) {
    if (!value) return;
    auto* node = arena_.make<ast::Constant>();
    node->lineno = slot->lineno;
    node->col_offset = slot->col_offset;
    node->end_lineno = slot->end_lineno;
    node->end_col_offset = slot->end_col_offset;
    node->value.kind = ast::ConstantValue::Kind::Folded;
    node->value.folded = keep_.keep(std::move(value));
    slot = node;
  }

  // A str constant without position (CPython's parse_literal/format spec: lineno -1).
  ast::expr* str_node(std::string text) {
    auto* node = arena_.make<ast::Constant>();
    node->lineno = node->col_offset = node->end_lineno = node->end_col_offset = -1;
    node->value.kind = ast::ConstantValue::Kind::Folded;
    node->value.folded = keep_.keep(bytecode::Constant::str(std::move(text)));
    return node;
  }

  static bool has_starred(const ast::Seq<ast::expr*>& elts) {
    for (auto* e : elts)
      if (e->is<ast::Starred>()) return true;
    return false;
  }

  // The constant tuple of `elts` if every element is a constant.
  static ConstRef const_tuple(const ast::Seq<ast::expr*>& elts) {
    std::vector<ConstRef> items;
    for (auto* e : elts) {
      auto* c = e->as<ast::Constant>();
      if (!c) return nullptr;
      items.push_back(constant_from_ast(c->value));
    }
    return bytecode::Constant::tuple(std::move(items));
  }

  static bool is_docstring(const ast::Seq<ast::stmt*>& stmts) {
    if (stmts.empty()) return false;
    auto* e = stmts[0]->as<ast::Expr>();
    if (!e) return false;
    ConstRef holder;
    const auto* value = constant_of(e->value, holder);
    return value && value->kind == bytecode::Constant::Kind::Str;
  }

  bool future_annotations() const { return options_.future_annotations; }

  // ---- Statements ----

  // A body whose first statement becomes a string by folding must not become a docstring.
  void body(ast::Seq<ast::stmt*>& stmts) {
    bool had_docstring = is_docstring(stmts);
    for (auto& s : stmts) stmt(s);
    if (had_docstring || !is_docstring(stmts)) return;
    auto* st = stmts[0]->as<ast::Expr>();
    auto* joined = arena_.make<ast::JoinedStr>();
    joined->lineno = st->lineno;
    joined->col_offset = st->col_offset;
    joined->end_lineno = st->end_lineno;
    joined->end_col_offset = st->end_col_offset;
    joined->values = ast::Seq<ast::expr*>::from(arena_, &st->value, 1);
    st->value = joined;
  }

  void stmts(ast::Seq<ast::stmt*>& seq) {
    for (auto& s : seq) stmt(s);
  }
  void exprs(ast::Seq<ast::expr*>& seq) {
    for (auto& e : seq)
      if (e) expr(e);  // Dict keys and kw_defaults hold nulls
  }
  void opt(ast::expr*& e) {
    if (e) expr(e);
  }

  void arguments(ast::arguments* a) {
    for (auto* x : a->posonlyargs) argument(x);
    for (auto* x : a->args) argument(x);
    if (a->vararg) argument(a->vararg);
    for (auto* x : a->kwonlyargs) argument(x);
    exprs(a->kw_defaults);
    if (a->kwarg) argument(a->kwarg);
    exprs(a->defaults);
  }
  void argument(ast::arg* a) {
    if (!future_annotations()) opt(a->annotation);
  }
  void keywords(ast::Seq<ast::keyword*>& seq) {
    for (auto* k : seq) expr(k->value);
  }

  template <class F>
  void function(F* f) {
    arguments(f->args);
    body(f->body);
    exprs(f->decorator_list);
    if (!future_annotations()) opt(f->returns);
  }

  // CPython folds a `for` loop's list/set display into a constant, not an `async for`'s.
  template <class F>
  void for_loop(F* f, bool fold) {
    expr(f->target);
    expr(f->iter);
    stmts(f->body);
    stmts(f->orelse);
    if (fold) fold_iter(f->iter);
  }

  template <class T>
  void try_stmt(T* t) {
    stmts(t->body);
    for (auto* h : t->handlers) {
      auto* handler = h->template as<ast::ExceptHandler>();
      opt(handler->type);
      stmts(handler->body);
    }
    stmts(t->orelse);
    stmts(t->finalbody);
  }

  template <class W>
  void with_stmt(W* w) {
    for (auto* item : w->items) {
      expr(item->context_expr);
      opt(item->optional_vars);
    }
    stmts(w->body);
  }

  void stmt(ast::stmt* s) {
    if (!enter()) return;
    using K = ast::stmt::Kind;
    switch (s->node_kind) {
      case K::FunctionDef: function(s->as<ast::FunctionDef>()); break;
      case K::AsyncFunctionDef: function(s->as<ast::AsyncFunctionDef>()); break;
      case K::ClassDef: {
        auto* c = s->as<ast::ClassDef>();
        exprs(c->bases);
        keywords(c->keywords);
        body(c->body);
        exprs(c->decorator_list);
        break;
      }
      case K::Return: opt(s->as<ast::Return>()->value); break;
      case K::Delete: exprs(s->as<ast::Delete>()->targets); break;
      case K::Assign: {
        auto* a = s->as<ast::Assign>();
        exprs(a->targets);
        expr(a->value);
        break;
      }
      case K::AugAssign: {
        auto* a = s->as<ast::AugAssign>();
        expr(a->target);
        expr(a->value);
        break;
      }
      case K::AnnAssign: {
        auto* a = s->as<ast::AnnAssign>();
        expr(a->target);
        if (!future_annotations()) expr(a->annotation);
        opt(a->value);
        break;
      }
      case K::For: for_loop(s->as<ast::For>(), true); break;
      case K::AsyncFor: for_loop(s->as<ast::AsyncFor>(), false); break;
      case K::While: {
        auto* w = s->as<ast::While>();
        expr(w->test);
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case K::If: {
        auto* i = s->as<ast::If>();
        expr(i->test);
        stmts(i->body);
        stmts(i->orelse);
        break;
      }
      case K::With: with_stmt(s->as<ast::With>()); break;
      case K::AsyncWith: with_stmt(s->as<ast::AsyncWith>()); break;
      case K::Match: {
        auto* m = s->as<ast::Match>();
        expr(m->subject);
        for (auto* c : m->cases) {
          pattern(c->pattern);
          opt(c->guard);
          stmts(c->body);
        }
        break;
      }
      case K::Raise: {
        auto* r = s->as<ast::Raise>();
        opt(r->exc);
        opt(r->cause);
        break;
      }
      case K::Try: try_stmt(s->as<ast::Try>()); break;
      case K::TryStar: try_stmt(s->as<ast::TryStar>()); break;
      case K::Assert: {
        auto* a = s->as<ast::Assert>();
        expr(a->test);
        opt(a->msg);
        break;
      }
      case K::Expr: expr(s->as<ast::Expr>()->value); break;
      case K::Import:
      case K::ImportFrom:
      case K::Global:
      case K::Nonlocal:
      case K::Pass:
      case K::Break:
      case K::Continue: break;
    }
    --depth_;
  }

  // ---- Patterns ----

  void patterns(ast::Seq<ast::pattern*>& seq) {
    for (auto* p : seq) pattern(p);
  }

  void pattern(ast::pattern* p) {
    if (!enter()) return;
    using K = ast::pattern::Kind;
    switch (p->node_kind) {
      case K::MatchValue: expr(p->as<ast::MatchValue>()->value); break;
      case K::MatchSequence: patterns(p->as<ast::MatchSequence>()->patterns); break;
      case K::MatchMapping: {
        auto* m = p->as<ast::MatchMapping>();
        exprs(m->keys);
        patterns(m->patterns);
        break;
      }
      case K::MatchClass: {
        auto* m = p->as<ast::MatchClass>();
        expr(m->cls);
        patterns(m->patterns);
        patterns(m->kwd_patterns);
        break;
      }
      case K::MatchAs:
        if (auto* inner = p->as<ast::MatchAs>()->pattern) pattern(inner);
        break;
      case K::MatchOr: patterns(p->as<ast::MatchOr>()->patterns); break;
      case K::MatchSingleton:
      case K::MatchStar: break;
    }
    --depth_;
  }

  // ---- Expressions ----

  void comprehensions(ast::Seq<ast::comprehension*>& seq) {
    for (auto* c : seq) {
      expr(c->target);
      expr(c->iter);
      exprs(c->ifs);
      fold_iter(c->iter);
    }
  }

  void expr(ast::expr*& e) {
    if (!enter()) return;
    using K = ast::expr::Kind;
    switch (e->node_kind) {
      case K::BoolOp: exprs(e->as<ast::BoolOp>()->values); break;
      case K::BinOp: {
        auto* b = e->as<ast::BinOp>();
        expr(b->left);
        expr(b->right);
        fold_binop(e);
        break;
      }
      case K::UnaryOp:
        expr(e->as<ast::UnaryOp>()->operand);
        fold_unaryop(e);
        break;
      case K::Lambda: {
        auto* l = e->as<ast::Lambda>();
        arguments(l->args);
        expr(l->body);
        break;
      }
      case K::IfExp: {
        auto* i = e->as<ast::IfExp>();
        expr(i->test);
        expr(i->body);
        expr(i->orelse);
        break;
      }
      case K::Dict: {
        auto* d = e->as<ast::Dict>();
        exprs(d->keys);
        exprs(d->values);
        break;
      }
      case K::Set: exprs(e->as<ast::Set>()->elts); break;
      case K::ListComp: {
        auto* c = e->as<ast::ListComp>();
        expr(c->elt);
        comprehensions(c->generators);
        break;
      }
      case K::SetComp: {
        auto* c = e->as<ast::SetComp>();
        expr(c->elt);
        comprehensions(c->generators);
        break;
      }
      case K::DictComp: {
        auto* c = e->as<ast::DictComp>();
        expr(c->key);
        expr(c->value);
        comprehensions(c->generators);
        break;
      }
      case K::GeneratorExp: {
        auto* c = e->as<ast::GeneratorExp>();
        expr(c->elt);
        comprehensions(c->generators);
        break;
      }
      case K::Await: expr(e->as<ast::Await>()->value); break;
      case K::Yield: opt(e->as<ast::Yield>()->value); break;
      case K::YieldFrom: expr(e->as<ast::YieldFrom>()->value); break;
      case K::Compare: {
        auto* c = e->as<ast::Compare>();
        expr(c->left);
        exprs(c->comparators);
        fold_compare(c);
        break;
      }
      case K::Call: {
        auto* c = e->as<ast::Call>();
        expr(c->func);
        exprs(c->args);
        keywords(c->keywords);
        break;
      }
      case K::FormattedValue: {
        auto* f = e->as<ast::FormattedValue>();
        expr(f->value);
        opt(f->format_spec);
        break;
      }
      case K::JoinedStr: exprs(e->as<ast::JoinedStr>()->values); break;
      case K::Attribute: expr(e->as<ast::Attribute>()->value); break;
      case K::Subscript: {
        auto* s = e->as<ast::Subscript>();
        expr(s->value);
        expr(s->slice);
        fold_subscript_node(e);
        break;
      }
      case K::Starred: expr(e->as<ast::Starred>()->value); break;
      case K::Slice: {
        auto* s = e->as<ast::Slice>();
        opt(s->lower);
        opt(s->upper);
        opt(s->step);
        break;
      }
      case K::List: exprs(e->as<ast::List>()->elts); break;
      case K::Tuple: {
        auto* t = e->as<ast::Tuple>();
        exprs(t->elts);
        if (t->ctx == ast::expr_context::Load) make_const(e, const_tuple(t->elts));
        break;
      }
      case K::Name: {
        auto* n = e->as<ast::Name>();
        if (n->ctx == ast::expr_context::Load && n->id == "__debug__")
          make_const(e, bytecode::Constant::boolean(options_.optimize == 0));
        break;
      }
      case K::NamedExpr: expr(e->as<ast::NamedExpr>()->value); break;
      case K::Constant: break;
    }
    --depth_;
  }

  // ---- Folding ----

  void fold_unaryop(ast::expr*& e) {
    auto* u = e->as<ast::UnaryOp>();
    ConstRef holder;
    if (const auto* value = constant_of(u->operand, holder)) {
      make_const(e, fold_unary(u->op, *value));
      return;
    }
    // not (a is b) -> a is not b; not (a in b) -> a not in b. The other comparisons cannot be
    // inverted safely (NaN, sets). The Compare node, with its own position, takes the place.
    auto* cmp = u->operand->as<ast::Compare>();
    if (u->op != ast::unaryop::Not || !cmp || cmp->ops.size() != 1) return;
    using C = ast::cmpop;
    C& op = cmp->ops[0];
    switch (op) {
      case C::Is: op = C::IsNot; break;
      case C::IsNot: op = C::Is; break;
      case C::In: op = C::NotIn; break;
      case C::NotIn: op = C::In; break;
      default: return;
    }
    e = cmp;
  }

  void fold_binop(ast::expr*& e) {
    auto* b = e->as<ast::BinOp>();
    ConstRef left_holder, right_holder;
    const auto* left = constant_of(b->left, left_holder);
    if (!left) return;
    if (b->op == ast::operator_::Mod && left->kind == bytecode::Constant::Kind::Str) {
      if (auto* t = b->right->as<ast::Tuple>(); t && !has_starred(t->elts)) {
        optimize_format(e, left->text, t->elts);
        return;
      }
    }
    const auto* right = constant_of(b->right, right_holder);
    if (!right) return;
    make_const(e, fold_binary(b->op, *left, *right));
  }

  void fold_subscript_node(ast::expr*& e) {
    auto* s = e->as<ast::Subscript>();
    if (s->ctx != ast::expr_context::Load) return;
    ConstRef value_holder, index_holder;
    const auto* value = constant_of(s->value, value_holder);
    const auto* index = constant_of(s->slice, index_holder);
    if (!value || !index) return;
    make_const(e, fold_subscript(*value, *index));
  }

  // Only the last comparison's right operand, as CPython.
  void fold_compare(ast::Compare* c) {
    ast::cmpop op = c->ops.back();
    if (op == ast::cmpop::In || op == ast::cmpop::NotIn) fold_iter(c->comparators.back());
  }

  // A list display becomes a tuple (a constant one if it can); a set display of constants a
  // frozenset.
  void fold_iter(ast::expr*& e) {
    if (auto* list = e->as<ast::List>()) {
      if (has_starred(list->elts)) return;
      auto* tuple = arena_.make<ast::Tuple>();
      tuple->lineno = list->lineno;
      tuple->col_offset = list->col_offset;
      tuple->end_lineno = list->end_lineno;
      tuple->end_col_offset = list->end_col_offset;
      tuple->elts = list->elts;
      tuple->ctx = list->ctx;
      e = tuple;
      make_const(e, const_tuple(tuple->elts));
    } else if (auto* set = e->as<ast::Set>()) {
      ConstRef items = const_tuple(set->elts);
      if (items) make_const(e, make_frozenset(items->items));
    }
  }

  // ---- '%' formatting into f-strings (CPython's optimize_format) ----

  // The literal text from `pos` to the next lone '%' ('%%' is a literal '%').
  ast::expr* format_literal(const std::string& fmt, size_t& pos) {
    size_t start = pos;
    std::string text;
    while (pos < fmt.size()) {
      if (fmt[pos] != '%') {
        text += fmt[pos++];
      } else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') {
        text += '%';
        pos += 2;
      } else {
        break;
      }
    }
    if (pos == start) return nullptr;
    return str_node(std::move(text));
  }

  // One conversion after a '%': flags (- + space # 0 z), up to two digits of width and of precision, then s, r or
  // a. nullptr when unsupported (the whole expression is then left alone).
  ast::expr* format_unit(const std::string& fmt, size_t& pos, ast::expr* arg) {
    constexpr int kMaxDigits = 3;
    size_t p = pos;
    char ch = 0;
    auto next = [&]() {
      if (p >= fmt.size()) return false;
      ch = fmt[p++];
      return true;
    };
    bool left_justify = false;
    for (;;) {
      if (!next()) return nullptr;
      if (ch == '-') left_justify = true;
      else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0' && ch != 'z') break;  // 'z': 3.11's flag
    }
    int width = -1, prec = -1;
    if (ch >= '0' && ch <= '9') {
      width = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        width = width * 10 + (ch - '0');
        if (!next() || ++digits >= kMaxDigits) return nullptr;
      }
    }
    if (ch == '.') {
      if (!next()) return nullptr;
      prec = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        prec = prec * 10 + (ch - '0');
        if (!next() || ++digits >= kMaxDigits) return nullptr;
      }
    }
    if (ch != 's' && ch != 'r' && ch != 'a') return nullptr;
    pos = p;
    std::string spec;
    if (!left_justify && width > 0) spec += '>';
    if (width >= 0) spec += std::to_string(width);
    if (prec >= 0) spec += "." + std::to_string(prec);
    auto* node = arena_.make<ast::FormattedValue>();
    node->lineno = arg->lineno;
    node->col_offset = arg->col_offset;
    node->end_lineno = arg->end_lineno;
    node->end_col_offset = arg->end_col_offset;
    node->value = arg;
    node->conversion = ch;
    node->format_spec = spec.empty() ? nullptr : str_node(std::move(spec));
    return node;
  }

  void optimize_format(ast::expr*& e, const std::string& fmt, const ast::Seq<ast::expr*>& elts) {
    std::vector<ast::expr*> values;
    size_t pos = 0, used = 0;
    for (;;) {
      if (auto* literal = format_literal(fmt, pos)) values.push_back(literal);
      if (pos >= fmt.size()) break;
      if (used >= elts.size()) return;  // more conversions than values
      ++pos;                            // the '%'
      auto* unit = format_unit(fmt, pos, elts[used++]);
      if (!unit) return;
      values.push_back(unit);
    }
    if (used < elts.size()) return;  // more values than conversions
    auto* joined = arena_.make<ast::JoinedStr>();
    joined->lineno = e->lineno;
    joined->col_offset = e->col_offset;
    joined->end_lineno = e->end_lineno;
    joined->end_col_offset = e->end_col_offset;
    joined->values = ast::Seq<ast::expr*>::from(arena_, values);
    e = joined;
  }

  ast::Arena& arena_;
  FoldedConstants& keep_;
  const AstOptimizeOptions& options_;
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

bool optimize_ast(ast::mod* module, ast::Arena& arena, FoldedConstants& keep,
                  const AstOptimizeOptions& options, std::string& error) {
  Optimizer optimizer(arena, keep, options);
  if (optimizer.run(module)) return true;
  error = "maximum recursion depth exceeded during compilation";
  return false;
}

}  // namespace krait::compile

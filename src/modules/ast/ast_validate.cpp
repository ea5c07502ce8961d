// The checks compile() makes of a tree built from node objects before compiling it, with
// CPython 3.11's messages: what the parser guarantees of its own trees (contexts, non-empty
// bodies, matching list lengths, valid constants and positions), so that the code generator
// only ever sees trees the parser could have made or that it reports itself.
#include "modules/ast/ast_validate.h"

#include <string>

#include "runtime/errors.h"
#include "vm/eval.h"

namespace krait::modules {

using namespace runtime;

namespace {

using ast::expr_context;

const char* context_name(expr_context ctx) {
  switch (ctx) {
    case expr_context::Load: return "Load";
    case expr_context::Store: return "Store";
    case expr_context::Del: return "Del";
  }
  return "Load";
}

bool fail(TypeObject* type, const std::string& message) {
  raise(type, message);
  return false;
}

struct Validator {
  int depth = 0;

  struct Depth {
    Validator& v;
    bool ok;
    explicit Depth(Validator& validator) : v(validator), ok(vm::enter_recursive_call(" during compilation")) {}
    ~Depth() {
      if (ok) vm::leave_recursive_call();
    }
  };

  template <class Node>
  bool positions(const Node* node) {
    if (node->lineno > node->end_lineno)
      return fail(exc::ValueError, "AST node line range (" + std::to_string(node->lineno) + ", " +
                                       std::to_string(node->end_lineno) + ") is not valid");
    if ((node->lineno < 0 && node->end_lineno != node->lineno) ||
        (node->col_offset < 0 && node->col_offset != node->end_col_offset))
      return fail(exc::ValueError, "AST node column range (" + std::to_string(node->col_offset) + ", " +
                                       std::to_string(node->end_col_offset) + ") for line range (" +
                                       std::to_string(node->lineno) + ", " + std::to_string(node->end_lineno) +
                                       ") is not valid");
    if (node->lineno == node->end_lineno && node->col_offset > node->end_col_offset)
      return fail(exc::ValueError, "line " + std::to_string(node->lineno) + ", column " +
                                       std::to_string(node->col_offset) + "-" + std::to_string(node->end_col_offset) +
                                       " is not a valid range");
    return true;
  }

  bool name(ast::Identifier id) {
    for (const char* reserved : {"None", "True", "False"})
      if (id == reserved)
        return fail(exc::ValueError, std::string("identifier field can't represent '") + reserved + "' constant");
    return true;
  }

  bool nonempty(size_t count, const char* what, const char* owner) {
    if (count) return true;
    return fail(exc::ValueError, std::string("empty ") + what + " on " + owner);
  }

  bool body(const ast::Seq<ast::stmt*>& stmts, const char* owner) {
    return nonempty(stmts.size(), "body", owner) && statements(stmts);
  }

  bool statements(const ast::Seq<ast::stmt*>& stmts) {
    for (ast::stmt* s : stmts) {
      if (!s) return fail(exc::ValueError, "None disallowed in statement list");
      if (!stmt(s)) return false;
    }
    return true;
  }

  bool exprs(const ast::Seq<ast::expr*>& items, expr_context ctx, bool null_ok) {
    for (ast::expr* e : items) {
      if (!e) {
        if (null_ok) continue;
        return fail(exc::ValueError, "None disallowed in expression list");
      }
      if (!expr(e, ctx)) return false;
    }
    return true;
  }

  bool optional(const ast::expr* e, expr_context ctx) { return !e || expr(e, ctx); }

  bool arguments(const ast::arguments* a) {
    for (const ast::Seq<ast::arg*>* list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
      for (ast::arg* x : *list)
        if (!optional(x->annotation, expr_context::Load)) return false;
    if (a->vararg && !optional(a->vararg->annotation, expr_context::Load)) return false;
    if (a->kwarg && !optional(a->kwarg->annotation, expr_context::Load)) return false;
    if (a->defaults.size() > a->posonlyargs.size() + a->args.size())
      return fail(exc::ValueError, "more positional defaults than args on arguments");
    if (a->kw_defaults.size() != a->kwonlyargs.size())
      return fail(exc::ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
    return exprs(a->defaults, expr_context::Load, false) && exprs(a->kw_defaults, expr_context::Load, true);
  }

  bool keywords(const ast::Seq<ast::keyword*>& items) {
    for (ast::keyword* k : items)
      if (!expr(k->value, expr_context::Load)) return false;
    return true;
  }

  bool comprehensions(const ast::Seq<ast::comprehension*>& gens) {
    if (gens.empty()) return fail(exc::ValueError, "comprehension with no generators");
    for (ast::comprehension* c : gens)
      if (!expr(c->target, expr_context::Store) || !expr(c->iter, expr_context::Load) ||
          !exprs(c->ifs, expr_context::Load, false))
        return false;
    return true;
  }

  bool constant(const ast::ConstantValue& value) {
    if (value.kind == ast::ConstantValue::Kind::Folded && !value.folded)
      return fail(exc::TypeError, "got an invalid type in Constant: " + std::string(value.text));
    return true;
  }

  bool expr(const ast::expr* e, expr_context ctx);
  bool stmt(const ast::stmt* s);
  bool pattern(const ast::pattern* p, bool star_ok);
  bool try_statement(const ast::Seq<ast::stmt*>& body_, const ast::Seq<ast::excepthandler*>& handlers,
                     const ast::Seq<ast::stmt*>& orelse, const ast::Seq<ast::stmt*>& finalbody, const char* owner);
  bool match_value(const ast::expr* e);
  bool capture(ast::Identifier id);
};

// The context an expression kind carries, or false for kinds that only load.
bool actual_context(const ast::expr* e, expr_context& out) {
  if (auto* n = e->as<ast::Attribute>()) out = n->ctx;
  else if (auto* n = e->as<ast::Subscript>()) out = n->ctx;
  else if (auto* n = e->as<ast::Starred>()) out = n->ctx;
  else if (auto* n = e->as<ast::Name>()) out = n->ctx;
  else if (auto* n = e->as<ast::List>()) out = n->ctx;
  else if (auto* n = e->as<ast::Tuple>()) out = n->ctx;
  else return false;
  return true;
}

bool Validator::expr(const ast::expr* e, expr_context ctx) {
  if (!e) return fail(exc::ValueError, "None disallowed in expression list");
  Depth guard(*this);
  if (!guard.ok || !positions(e)) return false;
  expr_context actual;
  if (actual_context(e, actual)) {
    if (actual != ctx)
      return fail(exc::ValueError, std::string("expression must have ") + context_name(ctx) + " context but has " +
                                       context_name(actual) + " instead");
  } else if (ctx != expr_context::Load) {
    return fail(exc::ValueError, std::string("expression which can't be assigned to in ") + context_name(ctx) +
                                     " context");
  }
  constexpr auto Load = expr_context::Load;
  switch (e->node_kind) {
    case ast::expr::Kind::BoolOp: {
      auto* n = e->as<ast::BoolOp>();
      if (n->values.size() < 2) return fail(exc::ValueError, "BoolOp with less than 2 values");
      return exprs(n->values, Load, false);
    }
    case ast::expr::Kind::NamedExpr: return expr(e->as<ast::NamedExpr>()->value, Load);
    case ast::expr::Kind::BinOp: {
      auto* n = e->as<ast::BinOp>();
      return expr(n->left, Load) && expr(n->right, Load);
    }
    case ast::expr::Kind::UnaryOp: return expr(e->as<ast::UnaryOp>()->operand, Load);
    case ast::expr::Kind::Lambda: {
      auto* n = e->as<ast::Lambda>();
      return arguments(n->args) && expr(n->body, Load);
    }
    case ast::expr::Kind::IfExp: {
      auto* n = e->as<ast::IfExp>();
      return expr(n->test, Load) && expr(n->body, Load) && expr(n->orelse, Load);
    }
    case ast::expr::Kind::Dict: {
      auto* n = e->as<ast::Dict>();
      if (n->keys.size() != n->values.size())
        return fail(exc::ValueError, "Dict doesn't have the same number of keys as values");
      // A None key stands for a ** unpacking.
      return exprs(n->keys, Load, true) && exprs(n->values, Load, false);
    }
    case ast::expr::Kind::Set: return exprs(e->as<ast::Set>()->elts, Load, false);
    case ast::expr::Kind::ListComp: {
      auto* n = e->as<ast::ListComp>();
      return comprehensions(n->generators) && expr(n->elt, Load);
    }
    case ast::expr::Kind::SetComp: {
      auto* n = e->as<ast::SetComp>();
      return comprehensions(n->generators) && expr(n->elt, Load);
    }
    case ast::expr::Kind::GeneratorExp: {
      auto* n = e->as<ast::GeneratorExp>();
      return comprehensions(n->generators) && expr(n->elt, Load);
    }
    case ast::expr::Kind::DictComp: {
      auto* n = e->as<ast::DictComp>();
      return comprehensions(n->generators) && expr(n->key, Load) && expr(n->value, Load);
    }
    case ast::expr::Kind::Yield: return optional(e->as<ast::Yield>()->value, Load);
    case ast::expr::Kind::YieldFrom: return expr(e->as<ast::YieldFrom>()->value, Load);
    case ast::expr::Kind::Await: return expr(e->as<ast::Await>()->value, Load);
    case ast::expr::Kind::Compare: {
      auto* n = e->as<ast::Compare>();
      if (n->comparators.empty()) return fail(exc::ValueError, "Compare with no comparators");
      if (n->ops.size() != n->comparators.size())
        return fail(exc::ValueError, "Compare has a different number of comparators and operands");
      return exprs(n->comparators, Load, false) && expr(n->left, Load);
    }
    case ast::expr::Kind::Call: {
      auto* n = e->as<ast::Call>();
      return expr(n->func, Load) && exprs(n->args, Load, false) && keywords(n->keywords);
    }
    case ast::expr::Kind::Constant: return constant(e->as<ast::Constant>()->value);
    case ast::expr::Kind::JoinedStr: return exprs(e->as<ast::JoinedStr>()->values, Load, false);
    case ast::expr::Kind::FormattedValue: {
      auto* n = e->as<ast::FormattedValue>();
      return expr(n->value, Load) && optional(n->format_spec, Load);
    }
    case ast::expr::Kind::Attribute: return expr(e->as<ast::Attribute>()->value, Load);
    case ast::expr::Kind::Subscript: {
      auto* n = e->as<ast::Subscript>();
      return expr(n->slice, Load) && expr(n->value, Load);
    }
    case ast::expr::Kind::Starred: return expr(e->as<ast::Starred>()->value, ctx);
    case ast::expr::Kind::Slice: {
      auto* n = e->as<ast::Slice>();
      return optional(n->lower, Load) && optional(n->upper, Load) && optional(n->step, Load);
    }
    case ast::expr::Kind::List: return exprs(e->as<ast::List>()->elts, ctx, false);
    case ast::expr::Kind::Tuple: return exprs(e->as<ast::Tuple>()->elts, ctx, false);
    case ast::expr::Kind::Name: return name(e->as<ast::Name>()->id);
  }
  return fail(exc::SystemError, "unexpected expression");
}

bool Validator::try_statement(const ast::Seq<ast::stmt*>& body_, const ast::Seq<ast::excepthandler*>& handlers,
                              const ast::Seq<ast::stmt*>& orelse, const ast::Seq<ast::stmt*>& finalbody,
                              const char* owner) {
  if (!body(body_, owner)) return false;
  if (handlers.empty() && finalbody.empty())
    return fail(exc::ValueError, std::string(owner) + " has neither except handlers nor finalbody");
  if (handlers.empty() && !orelse.empty())
    return fail(exc::ValueError, std::string(owner) + " has orelse but no except handlers");
  for (ast::excepthandler* h : handlers) {
    auto* handler = h->as<ast::ExceptHandler>();
    if (!optional(handler->type, expr_context::Load) || !body(handler->body, "ExceptHandler")) return false;
  }
  return statements(finalbody) && statements(orelse);
}

bool Validator::stmt(const ast::stmt* s) {
  Depth guard(*this);
  if (!guard.ok || !positions(s)) return false;
  constexpr auto Load = expr_context::Load;
  constexpr auto Store = expr_context::Store;
  switch (s->node_kind) {
    case ast::stmt::Kind::FunctionDef: {
      auto* n = s->as<ast::FunctionDef>();
      return body(n->body, "FunctionDef") && arguments(n->args) && exprs(n->decorator_list, Load, false) &&
             optional(n->returns, Load);
    }
    case ast::stmt::Kind::AsyncFunctionDef: {
      auto* n = s->as<ast::AsyncFunctionDef>();
      return body(n->body, "AsyncFunctionDef") && arguments(n->args) && exprs(n->decorator_list, Load, false) &&
             optional(n->returns, Load);
    }
    case ast::stmt::Kind::ClassDef: {
      auto* n = s->as<ast::ClassDef>();
      return body(n->body, "ClassDef") && exprs(n->bases, Load, false) && keywords(n->keywords) &&
             exprs(n->decorator_list, Load, false);
    }
    case ast::stmt::Kind::Return: return optional(s->as<ast::Return>()->value, Load);
    case ast::stmt::Kind::Delete: {
      auto* n = s->as<ast::Delete>();
      return nonempty(n->targets.size(), "targets", "Delete") && exprs(n->targets, expr_context::Del, false);
    }
    case ast::stmt::Kind::Assign: {
      auto* n = s->as<ast::Assign>();
      return nonempty(n->targets.size(), "targets", "Assign") && expr(n->value, Load) &&
             exprs(n->targets, Store, false);
    }
    case ast::stmt::Kind::AugAssign: {
      auto* n = s->as<ast::AugAssign>();
      return expr(n->target, Store) && expr(n->value, Load);
    }
    case ast::stmt::Kind::AnnAssign: {
      auto* n = s->as<ast::AnnAssign>();
      if (n->simple && !n->target->is<ast::Name>())
        return fail(exc::TypeError, "AnnAssign with simple non-Name target");
      return expr(n->target, Store) && optional(n->value, Load) && expr(n->annotation, Load);
    }
    case ast::stmt::Kind::For: {
      auto* n = s->as<ast::For>();
      return expr(n->target, Store) && expr(n->iter, Load) && body(n->body, "For") && statements(n->orelse);
    }
    case ast::stmt::Kind::AsyncFor: {
      auto* n = s->as<ast::AsyncFor>();
      return expr(n->target, Store) && expr(n->iter, Load) && body(n->body, "AsyncFor") && statements(n->orelse);
    }
    case ast::stmt::Kind::While: {
      auto* n = s->as<ast::While>();
      return expr(n->test, Load) && body(n->body, "While") && statements(n->orelse);
    }
    case ast::stmt::Kind::If: {
      auto* n = s->as<ast::If>();
      return expr(n->test, Load) && body(n->body, "If") && statements(n->orelse);
    }
    case ast::stmt::Kind::With:
    case ast::stmt::Kind::AsyncWith: {
      bool is_async = s->is<ast::AsyncWith>();
      const char* owner = is_async ? "AsyncWith" : "With";
      const auto& items = is_async ? s->as<ast::AsyncWith>()->items : s->as<ast::With>()->items;
      const auto& stmts = is_async ? s->as<ast::AsyncWith>()->body : s->as<ast::With>()->body;
      if (!nonempty(items.size(), "items", owner)) return false;
      for (ast::withitem* item : items)
        if (!expr(item->context_expr, Load) || !optional(item->optional_vars, Store)) return false;
      return body(stmts, owner);
    }
    case ast::stmt::Kind::Match: {
      auto* n = s->as<ast::Match>();
      if (!expr(n->subject, Load) || !nonempty(n->cases.size(), "cases", "Match")) return false;
      for (ast::match_case* c : n->cases)
        if (!pattern(c->pattern, false) || !optional(c->guard, Load) || !body(c->body, "match_case")) return false;
      return true;
    }
    case ast::stmt::Kind::Raise: {
      auto* n = s->as<ast::Raise>();
      if (n->exc) return expr(n->exc, Load) && optional(n->cause, Load);
      if (n->cause) return fail(exc::ValueError, "Raise with cause but no exception");
      return true;
    }
    case ast::stmt::Kind::Try: {
      auto* n = s->as<ast::Try>();
      return try_statement(n->body, n->handlers, n->orelse, n->finalbody, "Try");
    }
    case ast::stmt::Kind::TryStar: {
      auto* n = s->as<ast::TryStar>();
      return try_statement(n->body, n->handlers, n->orelse, n->finalbody, "TryStar");
    }
    case ast::stmt::Kind::Assert: {
      auto* n = s->as<ast::Assert>();
      return expr(n->test, Load) && optional(n->msg, Load);
    }
    case ast::stmt::Kind::Import: return nonempty(s->as<ast::Import>()->names.size(), "names", "Import");
    case ast::stmt::Kind::ImportFrom: {
      auto* n = s->as<ast::ImportFrom>();
      if (n->level < 0) return fail(exc::ValueError, "Negative ImportFrom level");
      return nonempty(n->names.size(), "names", "ImportFrom");
    }
    case ast::stmt::Kind::Global: return nonempty(s->as<ast::Global>()->names.size(), "names", "Global");
    case ast::stmt::Kind::Nonlocal: return nonempty(s->as<ast::Nonlocal>()->names.size(), "names", "Nonlocal");
    case ast::stmt::Kind::Expr: return expr(s->as<ast::Expr>()->value, Load);
    case ast::stmt::Kind::Pass:
    case ast::stmt::Kind::Break:
    case ast::stmt::Kind::Continue: return true;
  }
  return fail(exc::SystemError, "unexpected statement");
}

bool Validator::capture(ast::Identifier id) {
  if (id == "_") return fail(exc::ValueError, "can't capture name '_' in patterns");
  return name(id);
}

// A value pattern: a constant (not None, True or False: those are singletons), a complex
// literal (a sum or difference of constants, possibly negated), an f-string-free string, or
// a dotted name.
bool Validator::match_value(const ast::expr* e) {
  if (!expr(e, expr_context::Load)) return false;
  if (auto* c = e->as<ast::Constant>()) {
    using Kind = ast::ConstantValue::Kind;
    Kind k = c->value.kind;
    if (k == Kind::None || k == Kind::True || k == Kind::False)
      return fail(exc::ValueError, "unexpected constant inside of a literal pattern");
    return true;
  }
  if (e->is<ast::Attribute>()) return true;
  if (auto* u = e->as<ast::UnaryOp>()) {
    if (u->op == ast::unaryop::USub && u->operand->is<ast::Constant>()) return true;
  }
  if (auto* b = e->as<ast::BinOp>()) {
    if ((b->op == ast::operator_::Add || b->op == ast::operator_::Sub) && b->right->is<ast::Constant>() &&
        (b->left->is<ast::Constant>() || b->left->is<ast::UnaryOp>()))
      return true;
  }
  if (e->is<ast::JoinedStr>()) return true;  // the compiler reports it
  return fail(exc::ValueError, "patterns may only match literals and attribute lookups");
}

bool Validator::pattern(const ast::pattern* p, bool star_ok) {
  if (!p) return fail(exc::ValueError, "None disallowed in pattern list");
  Depth guard(*this);
  if (!guard.ok || !positions(p)) return false;
  switch (p->node_kind) {
    case ast::pattern::Kind::MatchValue: return match_value(p->as<ast::MatchValue>()->value);
    case ast::pattern::Kind::MatchSingleton: {
      using Kind = ast::ConstantValue::Kind;
      Kind k = p->as<ast::MatchSingleton>()->value.kind;
      if (k != Kind::None && k != Kind::True && k != Kind::False)
        return fail(exc::ValueError, "MatchSingleton can only contain True, False and None");
      return true;
    }
    case ast::pattern::Kind::MatchSequence:
      for (ast::pattern* sub : p->as<ast::MatchSequence>()->patterns)
        if (!pattern(sub, true)) return false;
      return true;
    case ast::pattern::Kind::MatchMapping: {
      auto* n = p->as<ast::MatchMapping>();
      if (n->keys.size() != n->patterns.size())
        return fail(exc::ValueError, "MatchMapping doesn't have the same number of keys as patterns");
      if (n->rest && !capture(n->rest)) return false;
      for (ast::expr* key : n->keys) {
        if (!key) return fail(exc::ValueError, "None disallowed in expression list");
        if (auto* c = key->as<ast::Constant>()) {
          if (!constant(c->value)) return false;
          continue;
        }
        if (!match_value(key)) return false;
      }
      for (ast::pattern* sub : n->patterns)
        if (!pattern(sub, false)) return false;
      return true;
    }
    case ast::pattern::Kind::MatchClass: {
      auto* n = p->as<ast::MatchClass>();
      if (!expr(n->cls, expr_context::Load)) return false;
      for (const ast::expr* cls = n->cls; !cls->is<ast::Name>(); cls = cls->as<ast::Attribute>()->value)
        if (!cls->is<ast::Attribute>())
          return fail(exc::ValueError, "MatchClass cls field can only contain Name or Attribute nodes.");
      if (n->kwd_attrs.size() != n->kwd_patterns.size())
        return fail(exc::ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
      for (ast::Identifier attr : n->kwd_attrs)
        if (!name(attr)) return false;
      for (ast::pattern* sub : n->patterns)
        if (!pattern(sub, false)) return false;
      for (ast::pattern* sub : n->kwd_patterns)
        if (!pattern(sub, false)) return false;
      return true;
    }
    case ast::pattern::Kind::MatchStar: {
      if (!star_ok) return fail(exc::ValueError, "can't use MatchStar here");
      ast::Identifier id = p->as<ast::MatchStar>()->name;
      return id.is_none() || capture(id);
    }
    case ast::pattern::Kind::MatchAs: {
      auto* n = p->as<ast::MatchAs>();
      if (!n->name.is_none() && !capture(n->name)) return false;
      if (!n->pattern) return true;
      if (n->name.is_none()) return fail(exc::ValueError, "MatchAs must specify a target name if a pattern is given");
      return pattern(n->pattern, false);
    }
    case ast::pattern::Kind::MatchOr: {
      auto* n = p->as<ast::MatchOr>();
      if (n->patterns.size() < 2) return fail(exc::ValueError, "MatchOr requires at least 2 patterns");
      for (ast::pattern* sub : n->patterns)
        if (!pattern(sub, false)) return false;
      return true;
    }
  }
  return fail(exc::SystemError, "unexpected pattern");
}

}  // namespace

bool validate_ast(const ast::mod* module) {
  Validator v;
  switch (module->node_kind) {
    case ast::mod::Kind::Module: return v.statements(module->as<ast::Module>()->body);
    case ast::mod::Kind::Interactive: return v.statements(module->as<ast::Interactive>()->body);
    case ast::mod::Kind::Expression: return v.expr(module->as<ast::Expression>()->body, expr_context::Load);
    case ast::mod::Kind::FunctionType: {
      auto* n = module->as<ast::FunctionType>();
      return v.exprs(n->argtypes, expr_context::Load, false) && v.expr(n->returns, expr_context::Load);
    }
  }
  return fail(exc::SystemError, "unexpected module node");
}

}  // namespace krait::modules

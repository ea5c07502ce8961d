// Annotations under `from __future__ import annotations` are stored as source text: the
// expression printed back as CPython 3.11's ast_unparse.c prints it (its spacing, parentheses
// by precedence, quirks included).
#include <cmath>

#include "bytecode/code_dump.h"
#include "compile/codegen.h"
#include "compile/constants.h"
#include "parse/ast_repr.h"

namespace krait::compile {

namespace {

enum Prec {
  kTuple, kTest, kOr, kAnd, kNot, kCmp, kExpr, kBor = kExpr, kBxor, kBand, kShift, kArith, kTerm, kFactor,
  kPower, kAwait, kAtom
};

class Unparser {
 public:
  std::string out;

  void expr(const ast::expr* e, int level);

 private:
  void str(std::string_view s) { out += s; }
  void str_if(bool cond, std::string_view s) {
    if (cond) out += s;
  }
  void seq(const ast::Seq<ast::expr*>& elts, int level) {
    for (size_t i = 0; i < elts.size(); ++i) {
      if (i) str(", ");
      expr(elts[i], level);
    }
  }
  void constant(const ast::Constant* c);
  void comprehensions(const ast::Seq<ast::comprehension*>& gens);
  void args(const ast::arguments* a);
  void arg(const ast::arg* a) {
    out += a->arg.view();
    // (lambda arguments carry no annotations)
  }
  void fstring_element(const ast::expr* e, bool is_format_spec);
  void joinedstr(const ast::JoinedStr* e, bool is_format_spec);
  void formattedvalue(const ast::FormattedValue* e);
};

void Unparser::constant(const ast::Constant* c) {
  if (c->value.kind == ast::ConstantValue::Kind::Ellipsis) {
    str("...");
    return;
  }
  if (c->kind && c->kind.view() == "u") str("u");
  bytecode::ConstRef value = constant_from_ast(c->value);
  std::string repr = bytecode::constant_repr(*value);
  bool inf_float = value->kind == bytecode::Constant::Kind::Float && std::isinf(value->real);
  if (inf_float || value->kind == bytecode::Constant::Kind::Complex) {
    // inf has no literal: CPython writes 1e309 (overflows to inf when read back).
    std::string fixed;
    for (size_t i = 0; i < repr.size();) {
      if (repr.compare(i, 3, "inf") == 0) {
        fixed += "1e309";
        i += 3;
      } else {
        fixed += repr[i++];
      }
    }
    repr = fixed;
  }
  str(repr);
}

void Unparser::comprehensions(const ast::Seq<ast::comprehension*>& gens) {
  for (auto* gen : gens) {
    str(gen->is_async ? " async for " : " for ");
    expr(gen->target, kTuple);
    str(" in ");
    expr(gen->iter, kTest + 1);
    for (auto* cond : gen->ifs) {
      str(" if ");
      expr(cond, kTest + 1);
    }
  }
}

void Unparser::args(const ast::arguments* a) {
  bool first = true;
  auto sep = [&]() {
    if (!first) str(", ");
    first = false;
  };
  size_t arg_count = a->posonlyargs.size() + a->args.size();
  size_t default_count = a->defaults.size();
  for (size_t i = 0; i < arg_count; ++i) {
    sep();
    const ast::arg* p = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
    arg(p);
    size_t di = i + default_count - arg_count;  // wraps when there is no default
    if (i + default_count >= arg_count) {
      str("=");
      expr(a->defaults[di], kTest);
    }
    if (!a->posonlyargs.empty() && i + 1 == a->posonlyargs.size()) str(", /");
  }
  if (a->vararg || !a->kwonlyargs.empty()) {
    sep();
    str("*");
    if (a->vararg) arg(a->vararg);
  }
  for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
    sep();
    arg(a->kwonlyargs[i]);
    if (a->kw_defaults[i]) {
      str("=");
      expr(a->kw_defaults[i], kTest);
    }
  }
  if (a->kwarg) {
    sep();
    str("**");
    arg(a->kwarg);
  }
}

void Unparser::fstring_element(const ast::expr* e, bool is_format_spec) {
  if (auto* c = e->as<ast::Constant>()) {
    for (char ch : c->value.text) {
      if (ch == '{') out += "{{";
      else if (ch == '}') out += "}}";
      else out += ch;
    }
  } else if (auto* j = e->as<ast::JoinedStr>()) {
    joinedstr(j, is_format_spec);
  } else if (auto* f = e->as<ast::FormattedValue>()) {
    formattedvalue(f);
  }
}

void Unparser::joinedstr(const ast::JoinedStr* e, bool is_format_spec) {
  Unparser body;
  for (auto* v : e->values) body.fstring_element(v, is_format_spec);
  if (is_format_spec) {
    out += body.out;
  } else {
    out += "f";
    ast::append_str_repr(out, body.out);
  }
}

void Unparser::formattedvalue(const ast::FormattedValue* e) {
  Unparser inner;
  inner.expr(e->value, kTest + 1);
  // An expression starting with a brace is kept apart from the outer one.
  str(!inner.out.empty() && inner.out[0] == '{' ? "{ " : "{");
  out += inner.out;
  if (e->conversion > 0) {
    str("!");
    out += char(e->conversion);
  }
  if (e->format_spec) {
    str(":");
    fstring_element(e->format_spec, true);
  }
  str("}");
}

const char* binop_text(ast::operator_ op, int& prec) {
  using O = ast::operator_;
  switch (op) {
    case O::Add: prec = kArith; return " + ";
    case O::Sub: prec = kArith; return " - ";
    case O::Mult: prec = kTerm; return " * ";
    case O::MatMult: prec = kTerm; return " @ ";
    case O::Div: prec = kTerm; return " / ";
    case O::Mod: prec = kTerm; return " % ";
    case O::LShift: prec = kShift; return " << ";
    case O::RShift: prec = kShift; return " >> ";
    case O::BitOr: prec = kBor; return " | ";
    case O::BitXor: prec = kBxor; return " ^ ";
    case O::BitAnd: prec = kBand; return " & ";
    case O::FloorDiv: prec = kTerm; return " // ";
    case O::Pow: prec = kPower; return " ** ";
  }
  return "";
}

const char* cmpop_text(ast::cmpop op) {
  using C = ast::cmpop;
  switch (op) {
    case C::Eq: return " == ";
    case C::NotEq: return " != ";
    case C::Lt: return " < ";
    case C::LtE: return " <= ";
    case C::Gt: return " > ";
    case C::GtE: return " >= ";
    case C::Is: return " is ";
    case C::IsNot: return " is not ";
    case C::In: return " in ";
    case C::NotIn: return " not in ";
  }
  return "";
}

void Unparser::expr(const ast::expr* e, int level) {
  using K = ast::expr::Kind;
  switch (e->node_kind) {
    case K::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(e);
      int pr = b->op == ast::boolop::And ? kAnd : kOr;
      const char* op = b->op == ast::boolop::And ? " and " : " or ";
      str_if(level > pr, "(");
      for (size_t i = 0; i < b->values.size(); ++i) {
        if (i) str(op);
        expr(b->values[i], pr + 1);
      }
      str_if(level > pr, ")");
      return;
    }
    case K::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      int pr = 0;
      const char* op = binop_text(b->op, pr);
      int rassoc = b->op == ast::operator_::Pow;
      str_if(level > pr, "(");
      expr(b->left, pr + rassoc);
      str(op);
      expr(b->right, pr + !rassoc);
      str_if(level > pr, ")");
      return;
    }
    case K::UnaryOp: {
      auto* un = static_cast<const ast::UnaryOp*>(e);
      int pr = un->op == ast::unaryop::Not ? kNot : kFactor;
      const char* op = un->op == ast::unaryop::Invert ? "~"
                     : un->op == ast::unaryop::Not ? "not "
                     : un->op == ast::unaryop::UAdd ? "+" : "-";
      str_if(level > pr, "(");
      str(op);
      expr(un->operand, pr);
      str_if(level > pr, ")");
      return;
    }
    case K::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(e);
      str_if(level > kTest, "(");
      size_t n_positional = l->args->args.size() + l->args->posonlyargs.size();
      str(n_positional ? "lambda " : "lambda");
      args(l->args);
      str(": ");
      expr(l->body, kTest);
      str_if(level > kTest, ")");
      return;
    }
    case K::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(e);
      str_if(level > kTest, "(");
      expr(i->body, kTest + 1);
      str(" if ");
      expr(i->test, kTest + 1);
      str(" else ");
      expr(i->orelse, kTest);
      str_if(level > kTest, ")");
      return;
    }
    case K::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      str("{");
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (i) str(", ");
        if (!d->keys[i]) {
          str("**");
          expr(d->values[i], kExpr);
        } else {
          expr(d->keys[i], kTest);
          str(": ");
          expr(d->values[i], kTest);
        }
      }
      str("}");
      return;
    }
    case K::Set: {
      str("{");
      seq(static_cast<const ast::Set*>(e)->elts, kTest);
      str("}");
      return;
    }
    case K::ListComp: {
      auto* c = static_cast<const ast::ListComp*>(e);
      str("[");
      expr(c->elt, kTest);
      comprehensions(c->generators);
      str("]");
      return;
    }
    case K::SetComp: {
      auto* c = static_cast<const ast::SetComp*>(e);
      str("{");
      expr(c->elt, kTest);
      comprehensions(c->generators);
      str("}");
      return;
    }
    case K::DictComp: {
      auto* c = static_cast<const ast::DictComp*>(e);
      str("{");
      expr(c->key, kTest);
      str(": ");
      expr(c->value, kTest);
      comprehensions(c->generators);
      str("}");
      return;
    }
    case K::GeneratorExp: {
      auto* c = static_cast<const ast::GeneratorExp*>(e);
      str("(");
      expr(c->elt, kTest);
      comprehensions(c->generators);
      str(")");
      return;
    }
    case K::Yield: {
      auto* y = static_cast<const ast::Yield*>(e);
      if (!y->value) {
        str("(yield)");
        return;
      }
      str("(yield ");
      expr(y->value, kTest);
      str(")");
      return;
    }
    case K::YieldFrom:
      str("(yield from ");
      expr(static_cast<const ast::YieldFrom*>(e)->value, kTest);
      str(")");
      return;
    case K::Await:
      str_if(level > kAwait, "(");
      str("await ");
      expr(static_cast<const ast::Await*>(e)->value, kAtom);
      str_if(level > kAwait, ")");
      return;
    case K::Compare: {
      auto* c = static_cast<const ast::Compare*>(e);
      str_if(level > kCmp, "(");
      expr(c->left, kCmp + 1);
      for (size_t i = 0; i < c->ops.size(); ++i) {
        str(cmpop_text(c->ops[i]));
        expr(c->comparators[i], kCmp + 1);
      }
      str_if(level > kCmp, ")");
      return;
    }
    case K::Call: {
      auto* c = static_cast<const ast::Call*>(e);
      expr(c->func, kAtom);
      if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->is<ast::GeneratorExp>()) {
        expr(c->args[0], kAtom);  // a lone generator expression brings its own parentheses
        return;
      }
      str("(");
      bool first = true;
      for (auto* a : c->args) {
        if (!first) str(", ");
        first = false;
        expr(a, kTest);
      }
      for (auto* k : c->keywords) {
        if (!first) str(", ");
        first = false;
        if (!k->arg) {
          str("**");
        } else {
          out += k->arg.view();
          str("=");
        }
        expr(k->value, kTest);
      }
      str(")");
      return;
    }
    case K::FormattedValue: {
      // Only inside a JoinedStr in valid trees; printed as a one-element f-string.
      Unparser body;
      body.formattedvalue(static_cast<const ast::FormattedValue*>(e));
      out += "f";
      ast::append_str_repr(out, body.out);
      return;
    }
    case K::JoinedStr: return joinedstr(static_cast<const ast::JoinedStr*>(e), false);
    case K::Constant: return constant(static_cast<const ast::Constant*>(e));
    case K::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(e);
      expr(a->value, kAtom);
      // An integer needs a space before the dot: "1 .real".
      auto* c = a->value->as<ast::Constant>();
      bool int_const = c && (c->value.kind == ast::ConstantValue::Kind::Int ||
                             c->value.kind == ast::ConstantValue::Kind::BigInt);
      str(int_const ? " ." : ".");
      out += a->attr.view();
      return;
    }
    case K::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(e);
      expr(s->value, kAtom);
      str("[");
      expr(s->slice, kTuple);
      str("]");
      return;
    }
    case K::Starred:
      str("*");
      expr(static_cast<const ast::Starred*>(e)->value, kExpr);
      return;
    case K::Name: out += static_cast<const ast::Name*>(e)->id.view(); return;
    case K::List:
      str("[");
      seq(static_cast<const ast::List*>(e)->elts, kTest);
      str("]");
      return;
    case K::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->elts.empty()) {
        str("()");
        return;
      }
      str_if(level > kTuple, "(");
      seq(t->elts, kTest);
      str_if(t->elts.size() == 1, ",");
      str_if(level > kTuple, ")");
      return;
    }
    case K::Slice: {
      auto* s = static_cast<const ast::Slice*>(e);
      if (s->lower) expr(s->lower, kTest);
      str(":");
      if (s->upper) expr(s->upper, kTest);
      if (s->step) {
        str(":");
        expr(s->step, kTest);
      }
      return;
    }
    case K::NamedExpr: {
      auto* n = static_cast<const ast::NamedExpr*>(e);
      str_if(level > kTuple, "(");
      expr(n->target, kAtom);
      str(" := ");
      expr(n->value, kAtom);
      str_if(level > kTuple, ")");
      return;
    }
  }
}

}  // namespace

void Codegen::annotation_string(ast::expr* e) {
  Unparser unparser;
  unparser.expr(e, kTest);
  load_const(bytecode::Constant::str(std::move(unparser.out)));
}

}  // namespace krait::compile

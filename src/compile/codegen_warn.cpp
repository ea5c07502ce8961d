// The SyntaxWarnings CPython 3.11's compiler issues: calling or subscripting a literal
// ("perhaps you missed a comma?"), `is` with a literal, and an assert on a non-empty tuple.
// They are collected in CodegenOptions::warnings; whoever compiles issues them through the
// warnings machinery (the compiler itself knows nothing of the runtime).
#include "bytecode/constant.h"
#include "compile/codegen.h"

namespace krait::compile {

namespace {

using K = ast::expr::Kind;
using CK = ast::ConstantValue::Kind;

// The name of a constant's type (tp_name), as CPython's infer_type gives for Constant nodes.
const char* constant_type_name(const ast::ConstantValue& v) {
  switch (v.kind) {
    case CK::None: return "NoneType";
    case CK::True:
    case CK::False: return "bool";
    case CK::Ellipsis: return "ellipsis";
    case CK::Int:
    case CK::BigInt: return "int";
    case CK::Float: return "float";
    case CK::Complex: return "complex";
    case CK::Str: return "str";
    case CK::Bytes: return "bytes";
    case CK::Folded:
      switch (v.folded->kind) {
        case bytecode::Constant::Kind::None: return "NoneType";
        case bytecode::Constant::Kind::False:
        case bytecode::Constant::Kind::True: return "bool";
        case bytecode::Constant::Kind::Ellipsis: return "ellipsis";
        case bytecode::Constant::Kind::Int: return "int";
        case bytecode::Constant::Kind::Float: return "float";
        case bytecode::Constant::Kind::Complex: return "complex";
        case bytecode::Constant::Kind::Str: return "str";
        case bytecode::Constant::Kind::Bytes: return "bytes";
        case bytecode::Constant::Kind::Tuple: return "tuple";
        case bytecode::Constant::Kind::FrozenSet: return "frozenset";
        case bytecode::Constant::Kind::Code: return "code";
      }
  }
  return "object";
}

const ast::ConstantValue& constant_of(ast::expr* e) { return static_cast<ast::Constant*>(e)->value; }

// CPython's infer_type: the type an expression certainly has, or null.
const char* infer_type(ast::expr* e) {
  switch (e->node_kind) {
    case K::Tuple: return "tuple";
    case K::List:
    case K::ListComp: return "list";
    case K::Dict:
    case K::DictComp: return "dict";
    case K::Set:
    case K::SetComp: return "set";
    case K::GeneratorExp: return "generator";
    case K::Lambda: return "function";
    case K::JoinedStr:
    case K::FormattedValue: return "str";
    case K::Constant: return constant_type_name(constant_of(e));
    default: return nullptr;
  }
}

bool is_named_singleton(ast::expr* e) {
  if (e->node_kind != K::Constant) return true;  // not a literal at all
  CK k = constant_of(e).kind;
  return k == CK::None || k == CK::True || k == CK::False || k == CK::Ellipsis;
}

}  // namespace

void Codegen::warn(const std::string& msg) {
  if (opt_.warnings) opt_.warnings->push_back(CompileWarning{u().loc.lineno, msg});
}

void Codegen::check_caller(ast::expr* func) {
  switch (func->node_kind) {
    case K::Constant: case K::Tuple: case K::List: case K::ListComp: case K::Dict: case K::DictComp:
    case K::Set: case K::SetComp: case K::GeneratorExp: case K::JoinedStr: case K::FormattedValue:
      warn(std::string("'") + infer_type(func) + "' object is not callable; perhaps you missed a comma?");
      return;
    default:
      return;
  }
}

void Codegen::check_subscripter(ast::expr* value) {
  switch (value->node_kind) {
    case K::Constant: {
      const char* t = constant_type_name(constant_of(value));
      std::string_view name(t);
      if (!(name == "NoneType" || name == "ellipsis" || name == "int" || name == "bool" || name == "float" ||
            name == "complex" || name == "frozenset"))
        return;
      [[fallthrough]];
    }
    case K::Set: case K::SetComp: case K::GeneratorExp: case K::Lambda:
      warn(std::string("'") + infer_type(value) + "' object is not subscriptable; perhaps you missed a comma?");
      return;
    default:
      return;
  }
}

void Codegen::check_index(ast::expr* value, ast::expr* index) {
  const char* index_type = infer_type(index);
  if (!index_type) return;
  std::string_view it(index_type);
  if (it == "int" || it == "bool") return;
  switch (value->node_kind) {
    case K::Constant: {
      std::string_view name(constant_type_name(constant_of(value)));
      if (!(name == "str" || name == "bytes" || name == "tuple")) return;
      [[fallthrough]];
    }
    case K::Tuple: case K::List: case K::ListComp: case K::JoinedStr: case K::FormattedValue:
      warn(std::string(infer_type(value)) + " indices must be integers or slices, not " + index_type +
           "; perhaps you missed a comma?");
      return;
    default:
      return;
  }
}

void Codegen::check_compare(ast::Compare* e) {
  bool left = is_named_singleton(e->left);
  for (size_t i = 0; i < e->ops.size(); ++i) {
    bool right = is_named_singleton(e->comparators[i]);
    ast::cmpop op = e->ops[i];
    if ((op == ast::cmpop::Is || op == ast::cmpop::IsNot) && (!left || !right)) {
      warn(op == ast::cmpop::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

void Codegen::check_assert(ast::Assert* s) {
  ast::expr* t = s->test;
  bool nonempty_tuple = (t->node_kind == K::Tuple && static_cast<ast::Tuple*>(t)->elts.size() > 0) ||
                        (t->node_kind == K::Constant && constant_of(t).kind == CK::Folded &&
                         constant_of(t).folded->kind == bytecode::Constant::Kind::Tuple &&
                         !constant_of(t).folded->items.empty());
  if (nonempty_tuple) warn("assertion is always true, perhaps remove parentheses?");
}

}  // namespace krait::compile

// The hand-written parts of the AST bridge (ast_python.h): making node objects and reading
// their fields, with CPython's error messages. The per-node code is generated.
#include <gmpxx.h>

#include <string>

#include "modules/ast/ast_python.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/number_util.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "compile/constants.h"
#include "vm/code.h"
#include "vm/eval.h"

namespace krait::modules::ast_python {

using namespace runtime;

namespace {

const char* field_name(FieldName name) { return kFieldNames[size_t(name)]; }

// A type's name without its module, as CPython's messages show it (_PyType_Name).
std::string short_type_name(const TypeObject* type) {
  const std::string& name = type->name;
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

std::string repr_text(Value v) {
  Ref r = Ref::steal(repr(v));
  return r ? str_to_utf8(r.get()) : std::string();
}

}  // namespace

// --- krait AST -> node objects ------------------------------------------------------------------

ToPython::DepthGuard::DepthGuard(ToPython& t) : self(t), ok(++t.depth <= kMaxDepth) {
  if (!ok) raise(exc::RecursionError, "maximum recursion depth exceeded during ast construction");
}

Value ToPython::make(NodeClass cls) { return new_node(s.classes[size_t(cls)]); }

Value ToPython::singleton(NodeClass cls) { return new_ref(s.singletons[size_t(cls)]); }

bool ToPython::set(Value object, FieldName name, Value value) {
  if (!value) return false;
  Ref owned = Ref::steal(value);
  Value* dict = object_dict_address(object);
  if (!*dict && !(*dict = dict_new_instance())) return false;
  return dict_set_item(*dict, s.names[size_t(name)], value) == 0;
}

Value ToPython::convert(int32_t value) { return int_from_int64(value); }

Value ToPython::convert(ast::Identifier value) {
  if (value.is_none()) return new_ref(none());
  return str_from_utf8(value.view());
}

// Parsed constants never hold the validator's invalid-constant marker (ast_validate.h).
Value ToPython::convert(const ast::ConstantValue& value) {
  return vm::constant_to_value(*compile::constant_from_ast(value));
}

template <class T>
Value ToPython::convert(const ast::Seq<T>& items) {
  Ref list = Ref::steal(list_new(items.size()));
  if (!list) return Value();
  for (uint32_t i = 0; i < items.size(); ++i) {
    Value item = convert(items[i]);
    if (!item) return Value();
    list_items(list.get())[i] = item;
  }
  return list.release();
}

// --- node objects -> krait AST ------------------------------------------------------------------

FromPython::DepthGuard::DepthGuard(FromPython& f, const char* type_name) : self(f) {
  // Python's recursion limit, as CPython's conversion counts it; the hard cap keeps the C++
  // stack safe when a program raises that limit very high.
  std::string where = std::string(" while traversing '") + type_name + "' node";
  ok = ++f.depth <= kMaxConversionDepth && vm::enter_recursive_call(where.c_str());
  if (!ok && f.depth > kMaxConversionDepth) raise(exc::RecursionError, "maximum recursion depth exceeded" + where);
}

FromPython::DepthGuard::~DepthGuard() {
  --self.depth;
  if (ok) vm::leave_recursive_call();
}

int FromPython::is_instance(Value object, NodeClass cls) {
  return object_is_instance(object, s.classes[size_t(cls)]);
}

bool FromPython::expected_some_sort_of(const char* type_name, Value object) {
  std::string text = repr_text(object);
  if (error_occurred()) return false;
  raise_format(exc::TypeError, "expected some sort of %s, but got %s", type_name, text.c_str());
  return false;
}

bool FromPython::required_for(const char* field, const char* owner) {
  raise_format(exc::ValueError, "field '%s' is required for %s", field, owner);
  return false;
}

namespace {

// The attribute, or null: absent (no error) or failed (error set).
Ref lookup_field(const State& s, Value object, FieldName name) {
  return Ref::steal(lookup_attr(object, s.names[size_t(name)]));
}

bool missing(FieldName name, const char* owner) {
  raise_format(exc::TypeError, "required field \"%s\" missing from %s", field_name(name), owner);
  return false;
}

}  // namespace

// The value of a non-sequence field: false + error when it fails or a required field is
// absent; `value` null when an optional field is absent or None (the field takes its default).
bool FromPython::present(Value object, FieldName name, const char* owner, Quant quant, Ref& value) {
  value = lookup_field(s, object, name);
  if (!value) return error_occurred() ? false : quant == Quant::Optional || missing(name, owner);
  if (quant == Quant::Optional && value.get() == none()) value = Ref();
  return true;
}

template <class T>
bool FromPython::field(Value object, FieldName name, const char* owner, Quant quant, T& out) {
  Ref value;
  if (!present(object, name, owner, quant, value)) return false;
  if (!value) {
    out = T{};
    return true;
  }
  return read(value.get(), out);
}

template <class T>
bool FromPython::field(Value object, FieldName name, const char* owner, Quant, ast::Seq<T>& out) {
  Ref value = lookup_field(s, object, name);
  if (!value) return error_occurred() ? false : missing(name, owner);
  if (!is_list(value.get())) {
    raise_format(exc::TypeError, "%s field \"%s\" must be a list, not a %.200s", owner, field_name(name),
                 short_type_name(type_of(value.get())).c_str());
    return false;
  }
  size_t count = list_size(value.get());
  std::vector<T> items;
  items.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    Ref item = Ref::borrow(list_get(value.get(), i));
    T converted{};
    if (!read(item.get(), converted)) return false;
    if (list_size(value.get()) != count) {
      raise_format(exc::RuntimeError, "%s field \"%s\" changed size during iteration", owner, field_name(name));
      return false;
    }
    items.push_back(converted);
  }
  out = ast::Seq<T>::from(arena, items);
  return true;
}

bool FromPython::field(Value object, FieldName name, const char* owner, Quant quant, int32_t& out, int32_t absent) {
  Ref value;
  if (!present(object, name, owner, quant, value)) return false;
  if (!value) {
    out = absent;
    return true;
  }
  return read(value.get(), out);
}

bool FromPython::string_field(Value object, FieldName name, const char* owner, Quant quant, ast::Identifier& out) {
  Ref value;
  if (!present(object, name, owner, quant, value)) return false;
  if (!value) {
    out = ast::Identifier();
    return true;
  }
  return read_string(value.get(), out);
}

bool FromPython::read(Value object, int32_t& out) {
  if (!is_int(object)) {
    std::string text = repr_text(object);
    if (error_occurred()) return false;
    raise_format(exc::ValueError, "invalid integer value: %s", text.c_str());
    return false;
  }
  int64_t value;
  if (!int_to_int64(object, &value) || value < INT32_MIN || value > INT32_MAX) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  out = int32_t(value);
  return true;
}

bool FromPython::read(Value object, ast::Identifier& out) {
  if (object == none()) {
    out = ast::Identifier();
    return true;
  }
  if (!is_str_exact(object)) {
    raise(exc::TypeError, "AST identifier must be of type str");
    return false;
  }
  out = ast::Identifier(arena.copy(str_utf8(object)));
  return true;
}

bool FromPython::read_string(Value object, ast::Identifier& out) {
  if (object == none()) {
    out = ast::Identifier();
    return true;
  }
  if (!is_str_exact(object)) {
    raise(exc::TypeError, "AST string must be of type str");
    return false;
  }
  out = ast::Identifier(arena.copy(str_utf8(object)));
  return true;
}

namespace {

// The type of the first value in `v` (depth first) that a Constant cannot hold, or null when
// every value can be one: None, Ellipsis, bool and exact int, float, complex, str, bytes, and
// tuples and frozensets of these.
TypeObject* invalid_constant_type(Value v) {
  if (v == none() || v == ellipsis() || is_bool(v) || is_int_exact(v) || v.is_float()) return nullptr;
  TypeObject* type = type_of(v);
  if (type == &complex_type || type == &str_type || type == &bytes_type) return nullptr;
  if (type == &tuple_type) {
    for (size_t i = 0; i < tuple_size(v); ++i)
      if (TypeObject* bad = invalid_constant_type(tuple_get(v, i))) return bad;
    return nullptr;
  }
  if (type == &frozenset_type) {
    size_t pos = 0;
    Value item;
    while (set_next(v, &pos, &item))
      if (TypeObject* bad = invalid_constant_type(item)) return bad;
    return nullptr;
  }
  return type;
}

}  // namespace

bool FromPython::read(Value object, ast::ConstantValue& out) {
  using Kind = ast::ConstantValue::Kind;
  out = ast::ConstantValue();
  if (object == none()) return true;
  if (object == true_value() || object == false_value() || object == ellipsis()) {
    out.kind = object == true_value() ? Kind::True : object == false_value() ? Kind::False : Kind::Ellipsis;
    return true;
  }
  if (is_int_exact(object)) {
    int64_t small;
    if (int_to_int64(object, &small)) {
      out.kind = Kind::Int;
      out.int_value = small;
    } else {
      out.kind = Kind::BigInt;
      out.base = 10;
      out.text = arena.copy(int_to_mpz(object).get_str(10));
    }
    return true;
  }
  if (object.is_float()) {
    out.kind = Kind::Float;
    out.float_value = object.as_float();
    return true;
  }
  TypeObject* type = type_of(object);
  if (type == &str_type || type == &bytes_type) {
    out.kind = type == &str_type ? Kind::Str : Kind::Bytes;
    out.text = arena.copy(type == &str_type ? str_utf8(object) : bytes_view(object));
    return true;
  }
  out.kind = Kind::Folded;
  if (TypeObject* bad = invalid_constant_type(object)) {
    // Reported by the validator, after the rest of the tree converted (CPython's order).
    out.text = arena.copy(short_type_name(bad));
    return true;
  }
  bytecode::ConstRef constant = vm::to_constant(object);
  if (!constant) {
    raise(exc::SystemError, "ast: constant cannot be converted");
    return false;
  }
  out.folded = constant.get();
  constants.push_back(std::move(constant));
  return true;
}

}  // namespace krait::modules::ast_python

// The generated per-node code instantiates the templates above.
#include "modules/ast_python_nodes.inc"

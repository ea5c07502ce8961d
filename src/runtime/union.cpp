// types.UnionType: the value of `X | Y` for classes (int | None), as annotations and
// isinstance() use it.
#include <vector>

#include "runtime/generic_alias.h"
#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/set.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject union_type;

namespace {

struct UnionObject : Object {
  Value args;   // tuple of the member types (None stored as NoneType)
};

UnionObject* as_union(Value v) { return static_cast<UnionObject*>(v.as_object()); }
bool is_union(Value v) { return v.is_object() && v.as_object()->type == &union_type; }
bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }
Value new_ref(Value v) {
  incref(v);
  return v;
}

// An operand `|` accepts: None, a class, or another union.
bool acceptable(Value v) { return v.is(none()) || is_type(v) || is_union(v) || is_generic_alias(v); }

void add_flat(std::vector<Value>& out, Value v) {
  if (is_union(v)) {
    for (size_t i = 0; i < tuple_size(as_union(v)->args); ++i) add_flat(out, tuple_get(as_union(v)->args, i));
    return;
  }
  if (v.is(none())) v = Value::object(&none_type);
  for (Value x : out)
    if (x.is(v)) return;
  out.push_back(v);
}

Value union_or(Value a, Value b) {
  if (!acceptable(a) || !acceptable(b)) return new_ref(not_implemented());
  std::vector<Value> members;
  add_flat(members, a);
  add_flat(members, b);
  if (members.size() == 1) return new_ref(members[0]);
  auto* u = new_object<UnionObject>(&union_type);
  if (!u) return Value();
  u->args = tuple_from_array(members.data(), members.size());
  if (!u->args) {
    decref(Value::object(u));
    return Value();
  }
  gc_track(u);
  return Value::object(u);
}

void union_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<UnionObject*>(self)->args);
  free_object(self);
}
void union_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value a = static_cast<UnionObject*>(self)->args) visit(a, context);
}

Value union_repr(Value self) {
  std::string out;
  Value args = as_union(self)->args;
  for (size_t i = 0; i < tuple_size(args); ++i) {
    if (i) out += " | ";
    Value a = tuple_get(args, i);
    if (a.is(Value::object(&none_type))) {
      out += "None";
    } else if (is_type(a)) {
      auto* t = static_cast<TypeObject*>(a.as_object());
      Ref module = Ref::steal(lookup_attr(a, KRAIT_NAME("__module__")));
      if (module && is_str(module.get()) && !str_equal_ascii(module.get(), "builtins"))
        out += std::string(str_utf8(module.get())) + ".";
      out += t->qualname;
    } else {
      Ref r = Ref::steal(repr(a));
      if (!r) return Value();
      out += str_utf8(r.get());
    }
  }
  return str_from_utf8(out);
}

Value union_args(Value self) { return new_ref(as_union(self)->args); }

Value union_parameters(Value self) { return generic_parameters_of(as_union(self)->args); }

// union[items]: the type variables substituted, the results joined again with `|`.
Value union_getitem(Value self, Value item) {
  Ref params = Ref::steal(union_parameters(self));
  if (!params) return Value();
  Ref args = Ref::steal(generic_subs_parameters(self, as_union(self)->args, params.get(), item));
  if (!args) return Value();
  size_t n = tuple_size(args.get());
  if (n == 0) return raise(exc::TypeError, "not implemented: an empty types.UnionType");
  Ref result = Ref::borrow(tuple_get(args.get(), 0));
  for (size_t i = 1; i < n && result; ++i)
    result = Ref::steal(binary_op(result.get(), tuple_get(args.get(), i), BinaryOp::Or));
  return result.release();
}

Value union_richcompare(Value a, Value b, CompareOp op) {
  if (!is_union(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_ref(not_implemented());
  Ref sa = Ref::steal(frozenset_new(as_union(a)->args));
  Ref sb = Ref::steal(frozenset_new(as_union(b)->args));
  if (!sa || !sb) return Value();
  return rich_compare(sa.get(), sb.get(), op);
}

int64_t union_hash(Value self) {
  Ref s = Ref::steal(frozenset_new(as_union(self)->args));
  if (!s) return -1;
  return hash(s.get());
}

const GetSetDef union_getsets[] = {{"__args__", union_args}, {"__parameters__", union_parameters}, {nullptr, nullptr}};

}  // namespace

// isinstance()/issubclass() look into a union's members (abstract.cpp).
Value union_members(Value v) { return is_union(v) ? as_union(v)->args : Value(); }

// type.__or__ / __ror__ (type.cpp installs these on type_type).
Value type_or(Value a, Value b) { return union_or(a, b); }

void init_union_type() {
  init_static_type(&union_type, "types.UnionType", &object_type, sizeof(UnionObject));
  union_type.flags = (union_type.flags & ~TypeFlag::BaseType) | TypeFlag::HaveGc;
  union_type.dealloc = union_dealloc;
  union_type.traverse = union_traverse;
  union_type.repr = union_repr;
  union_type.richcompare = union_richcompare;
  union_type.hash = union_hash;
  union_type.number.or_ = union_or;
  union_type.mapping.subscript = union_getitem;
  add_getsets(&union_type, union_getsets);
  type_ready(&union_type);
}

}  // namespace krait::runtime

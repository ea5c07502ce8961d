#include "runtime/namespace.h"

#include <cstddef>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::runtime {

TypeObject namespace_type;

namespace {

struct NamespaceObject : Object {
  Value dict;
};

NamespaceObject* as_namespace(Value v) { return static_cast<NamespaceObject*>(v.as_object()); }

void namespace_clear(Object* self) {
  auto* n = static_cast<NamespaceObject*>(self);
  Value d = n->dict;
  n->dict = Value();
  xdecref(d);
}

void namespace_dealloc(Object* self) {
  gc_untrack(self);
  namespace_clear(self);
  free_object(self);
}

void namespace_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value d = static_cast<NamespaceObject*>(self)->dict) visit(d, context);
}

Value namespace_alloc(TypeObject* type, const Value*, size_t, Value) {
  Object* memory = allocate_object(type, type->basic_size);
  if (!memory) return Value();
  auto* n = static_cast<NamespaceObject*>(memory);
  n->dict = dict_new();
  if (!n->dict) {
    decref(Value::object(n));
    return Value();
  }
  gc_track(n);
  return Value::object(n);
}

int namespace_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) {
    raise(exc::TypeError, "no positional arguments expected");
    return -1;
  }
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t i = 0; i < nkw; ++i)
    if (dict_set_item(as_namespace(self)->dict, tuple_get(kwnames, i), args[i]) < 0) return -1;
  return 0;
}

// namespace(a=1, b='x'), with the type's short name for subclasses and `namespace(...)` for a
// namespace inside itself.
Value namespace_repr(Value self) {
  TypeObject* type = type_of(self);
  std::string name = type == &namespace_type ? "namespace" : type->name.substr(type->name.rfind('.') + 1);
  if (!vm::enter_recursive_call(" while getting the repr of an object")) return Value();
  static std::vector<Object*> active;
  for (Object* o : active)
    if (o == self.as_object()) {
      vm::leave_recursive_call();
      return str_from_utf8(name + "(...)");
    }
  active.push_back(self.as_object());
  std::string out = name + "(";
  size_t pos = 0;
  Value key, value;
  bool first = true, failed = false;
  Ref dict = Ref::borrow(as_namespace(self)->dict);
  while (dict_next(dict.get(), &pos, &key, &value)) {
    if (!is_str(key)) continue;
    Ref keep = Ref::borrow(value);
    Ref r = Ref::steal(repr(value));
    if (!r) {
      failed = true;
      break;
    }
    out += (first ? "" : ", ") + str_to_utf8(key) + "=" + str_to_utf8(r.get());
    first = false;
  }
  active.pop_back();
  vm::leave_recursive_call();
  if (failed) return Value();
  return str_from_utf8(out + ")");
}

Value namespace_richcompare(Value a, Value b, CompareOp op) {
  bool both = is_subtype(type_of(a), &namespace_type) && is_subtype(type_of(b), &namespace_type);
  if (!both || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_ref(not_implemented());
  return rich_compare(as_namespace(a)->dict, as_namespace(b)->dict, op);
}

Value namespace_reduce(Value self) {
  Ref args = Ref::steal(tuple_empty());
  return tuple_pack({Value::object(type_of(self)), args.get(), as_namespace(self)->dict});
}

const MethodDef kNamespaceMethods[] = {
    {"__reduce__", (void*)namespace_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value namespace_new(Value dict) {
  Ref n = Ref::steal(namespace_alloc(&namespace_type, nullptr, 0, Value()));
  if (!n) return Value();
  if (dict && dict_merge(as_namespace(n.get())->dict, dict) < 0) return Value();
  return n.release();
}

// __dict__ is a read-only member, as in CPython (the dict itself is mutable).
const MemberDef kNamespaceMembers[] = {{"__dict__", MemberKind::Object, offsetof(NamespaceObject, dict), true},
                                       {nullptr, MemberKind::Object, 0}};

void init_namespace_type() {
  init_static_type(&namespace_type, "types.SimpleNamespace", &object_type, sizeof(NamespaceObject));
  namespace_type.qualname = "SimpleNamespace";
  namespace_type.flags |= TypeFlag::HaveGc | TypeFlag::BaseType;
  namespace_type.dict_offset = offsetof(NamespaceObject, dict);
  namespace_type.dealloc = namespace_dealloc;
  namespace_type.traverse = namespace_traverse;
  namespace_type.clear = namespace_clear;
  namespace_type.new_ = namespace_alloc;
  namespace_type.init = namespace_init;
  namespace_type.repr = namespace_repr;
  namespace_type.richcompare = namespace_richcompare;
  namespace_type.getattro = object_generic_getattr;
  namespace_type.setattro = object_generic_setattr;
  add_methods(&namespace_type, kNamespaceMethods);
  add_members(&namespace_type, kNamespaceMembers);
  type_ready(&namespace_type);
}

}  // namespace krait::runtime

// None, NotImplemented and Ellipsis, and their types (NoneType, NotImplementedType, ellipsis).
#include "runtime/core_internal.h"
#include "runtime/memory.h"

namespace krait::runtime {

TypeObject none_type, not_implemented_type, ellipsis_type;
Object none_object, not_implemented_object, ellipsis_object;

namespace {

Value none_repr(Value) { return str_intern("None"); }
Value not_implemented_repr(Value) { return str_intern("NotImplemented"); }
Value ellipsis_repr(Value) { return str_intern("Ellipsis"); }

int none_bool(Value) { return 0; }
// CPython 3.11 also warns (DeprecationWarning) here; krait has no warnings channel yet.
int not_implemented_bool(Value) { return 1; }

int64_t singleton_hash(Value self) { return hash_pointer(self.as_object()); }

// Calling the type returns the singleton; arguments are refused as CPython does.
Value singleton_new(TypeObject* type, Value result, const Value*, size_t nargs, Value kwnames) {
  if (nargs != 0 || kw_count(kwnames) != 0)
    return raise_format(exc::TypeError, "%s takes no arguments", type->name.c_str());
  incref(result);
  return result;
}
Value none_new(TypeObject* t, const Value* a, size_t n, Value k) { return singleton_new(t, none(), a, n, k); }
Value not_implemented_new(TypeObject* t, const Value* a, size_t n, Value k) {
  return singleton_new(t, not_implemented(), a, n, k);
}
Value ellipsis_new(TypeObject* t, const Value* a, size_t n, Value k) { return singleton_new(t, ellipsis(), a, n, k); }

// __reduce__ returns the name the singleton is known by (pickle/copy use it).
Value none_reduce(Value) { return str_intern("None"); }
Value not_implemented_reduce(Value) { return str_intern("NotImplemented"); }
Value ellipsis_reduce(Value) { return str_intern("Ellipsis"); }

const MethodDef none_methods[] = {{"__reduce__", (void*)none_reduce, MethodKind::NoArgs}, {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef not_implemented_methods[] = {
    {"__reduce__", (void*)not_implemented_reduce, MethodKind::NoArgs}, {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef ellipsis_methods[] = {{"__reduce__", (void*)ellipsis_reduce, MethodKind::NoArgs}, {nullptr, nullptr, MethodKind::NoArgs}};

void init_singleton(Object* object, TypeObject* type) {
  make_immortal(object);
  object->type = type;
}

}  // namespace

void init_singletons() {
  init_static_type(&none_type, "NoneType", &object_type, sizeof(Object));
  none_type.repr = none_repr;
  none_type.number.bool_ = none_bool;
  none_type.hash = singleton_hash;
  none_type.new_ = none_new;
  add_methods(&none_type, none_methods);

  init_static_type(&not_implemented_type, "NotImplementedType", &object_type, sizeof(Object));
  not_implemented_type.repr = not_implemented_repr;
  not_implemented_type.number.bool_ = not_implemented_bool;
  not_implemented_type.hash = singleton_hash;
  not_implemented_type.new_ = not_implemented_new;
  add_methods(&not_implemented_type, not_implemented_methods);

  init_static_type(&ellipsis_type, "ellipsis", &object_type, sizeof(Object));
  ellipsis_type.repr = ellipsis_repr;
  ellipsis_type.hash = singleton_hash;
  ellipsis_type.new_ = ellipsis_new;
  add_methods(&ellipsis_type, ellipsis_methods);

  for (TypeObject* t : {&none_type, &not_implemented_type, &ellipsis_type}) t->flags &= ~TypeFlag::BaseType;
  init_singleton(&none_object, &none_type);
  init_singleton(&not_implemented_object, &not_implemented_type);
  init_singleton(&ellipsis_object, &ellipsis_type);
  type_ready(&none_type);
  type_ready(&not_implemented_type);
  type_ready(&ellipsis_type);
}

}  // namespace krait::runtime

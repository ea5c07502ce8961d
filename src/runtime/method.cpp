// Bound methods: a callable (usually a Python function) bound to `self`; calling it prepends
// self to the arguments.
#include <cinttypes>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/method.h"

namespace krait::runtime {

TypeObject method_type;

namespace {

MethodObject* as_method(Value v) { return static_cast<MethodObject*>(v.as_object()); }
Value new_ref(Value v) {
  incref(v);
  return v;
}

void method_dealloc(Object* self) {
  gc_untrack(self);
  auto* m = static_cast<MethodObject*>(self);
  xdecref(m->function);
  xdecref(m->self);
  free_object(self);
}

void method_traverse(Object* self, VisitFunc visit, void* context) {
  auto* m = static_cast<MethodObject*>(self);
  if (m->function) visit(m->function, context);
  if (m->self) visit(m->self, context);
}

Value method_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* m = as_method(callable);
  size_t total = nargs + kw_count(kwnames);
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    buf = big.data();
  }
  buf[0] = m->self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return call(m->function, buf, nargs + 1, kwnames);
}

Value method_repr(Value self) {
  auto* m = as_method(self);
  Ref name = Ref::steal(lookup_attr(m->function, KRAIT_NAME("__qualname__")));
  if (!name && error_occurred()) return Value();
  if (!name || !is_str(name.get())) {
    name = Ref::steal(lookup_attr(m->function, KRAIT_NAME("__name__")));
    if (!name && error_occurred()) return Value();
  }
  Ref self_repr = Ref::steal(repr(m->self));
  if (!self_repr) return Value();
  const char* n = name && is_str(name.get()) ? str_cstr(name.get()) : "?";
  return str_from_format("<bound method %s of %s>", n, str_cstr(self_repr.get()));
}

Value method_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_method(b)) return new_ref(not_implemented());
  // Equal when the functions are equal and the selves are the same object (3.8+).
  int eq = rich_compare_bool(as_method(a)->function, as_method(b)->function, CompareOp::Eq);
  if (eq < 0) return Value();
  bool r = eq && as_method(a)->self.is(as_method(b)->self);
  return new_ref(bool_value(op == CompareOp::Eq ? r : !r));
}

int64_t method_hash(Value self) {
  int64_t a = hash_pointer(as_method(self)->self.is_object() ? as_method(self)->self.as_object() : nullptr);
  int64_t b = hash(as_method(self)->function);
  if (b == -1 && error_occurred()) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

// Attributes not found on the method are looked up on the function (m.__doc__, m.__name__).
Value method_getattro(Value self, Value name) {
  TypeObject* t = type_of(self);
  Value descr = type_lookup(t, name);
  if (descr) {
    if (DescrGetFunc get = type_of(descr)->descr_get) return get(descr, self, Value::object(t));
    return new_ref(descr);
  }
  return get_attr(as_method(self)->function, name);
}

Value method_func(Value self) { return new_ref(as_method(self)->function); }
Value method_self(Value self) { return new_ref(as_method(self)->self); }
Value method_doc(Value self) { return get_attr(as_method(self)->function, KRAIT_NAME("__doc__")); }

const GetSetDef method_getsets[] = {
    {"__func__", method_func}, {"__self__", method_self}, {"__doc__", method_doc}, {nullptr, nullptr}};

Value method_reduce(Value self) {
  return raise(exc::NotImplementedError, "not implemented: method.__reduce__");
}
const MethodDef method_methods[] = {{"__reduce__", (void*)method_reduce, MethodKind::NoArgs},
                                    {nullptr, nullptr, MethodKind::NoArgs}};

Value method_type_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("method", kwnames)) return Value();
  if (nargs != 2) return raise_format(exc::TypeError, "method expected 2 arguments, got %zu", nargs);
  if (!type_of(args[0])->call) return raise(exc::TypeError, "first argument must be callable");
  if (args[1].is(none())) return raise(exc::TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

}  // namespace

Value method_new(Value function, Value self) {
  auto* m = new_object<MethodObject>(&method_type);
  if (!m) return Value();
  m->function = new_ref(function);
  m->self = new_ref(self);
  gc_track(m);
  return Value::object(m);
}

void init_method_type() {
  init_static_type(&method_type, "method", &object_type, sizeof(MethodObject));
  method_type.flags = (method_type.flags & ~TypeFlag::BaseType) | TypeFlag::HaveGc;
  method_type.dealloc = method_dealloc;
  method_type.weaklist_offset = offsetof(MethodObject, weakrefs);
  method_type.traverse = method_traverse;
  method_type.call = method_call;
  method_type.repr = method_repr;
  method_type.richcompare = method_richcompare;
  method_type.hash = method_hash;
  method_type.getattro = method_getattro;
  method_type.new_ = method_type_new;
  add_getsets(&method_type, method_getsets);
  add_methods(&method_type, method_methods);
  type_ready(&method_type);
}

}  // namespace krait::runtime

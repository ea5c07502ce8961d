// builtin_function_or_method: native functions (len) and native methods bound to an object
// ([].append, dict.fromkeys bound to dict).
#include <cinttypes>

#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject builtin_function_type;

namespace {

BuiltinFunctionObject* as_bf(Value v) { return static_cast<BuiltinFunctionObject*>(v.as_object()); }
Value new_ref(Value v) {
  incref(v);
  return v;
}
bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }

// The type whose name prefixes the function's in messages and __qualname__: self itself when
// self is a type (dict.fromkeys), else type(self); none for module functions.
const TypeObject* owner_of(BuiltinFunctionObject* f) {
  if (f->self.is_null() || is_module(f->self)) return nullptr;
  if (is_type(f->self)) return static_cast<TypeObject*>(f->self.as_object());
  return type_of(f->self);
}

void bf_dealloc(Object* self) {
  gc_untrack(self);
  auto* f = static_cast<BuiltinFunctionObject*>(self);
  xdecref(f->self);
  xdecref(f->module);
  free_object(self);
}

void bf_traverse(Object* self, VisitFunc visit, void* context) {
  auto* f = static_cast<BuiltinFunctionObject*>(self);
  if (f->self) visit(f->self, context);
  if (f->module) visit(f->module, context);
}

// CPython names a function of a module other than builtins "module.name" in the argument errors
// of its no-argument and one-argument functions ("gc.enable() takes no arguments (1 given)").
bool check_module_function_arguments(BuiltinFunctionObject* f, size_t nargs, Value kwnames) {
  MethodKind kind = f->def->kind;
  if (kind != MethodKind::NoArgs && kind != MethodKind::OneArg) return true;
  if (!f->module || !is_str(f->module)) return true;
  size_t wanted = kind == MethodKind::OneArg ? 1 : 0;
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nkw == 0 && nargs == wanted) return true;
  std::string module = str_to_utf8(f->module);
  if (module == "builtins") return true;
  std::string name = module + "." + f->def->name + "()";
  if (nkw != 0) raise(exc::TypeError, name + " takes no keyword arguments");
  else if (kind == MethodKind::NoArgs) raise(exc::TypeError, name + " takes no arguments (" + std::to_string(nargs) + " given)");
  else raise(exc::TypeError, name + " takes exactly one argument (" + std::to_string(nargs) + " given)");
  return false;
}

Value bf_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* f = as_bf(callable);
  const TypeObject* owner = owner_of(f);
  if (owner == nullptr && !check_module_function_arguments(f, nargs, kwnames)) return Value();
  Value self = f->def->is_static ? Value() : f->self;
  return call_method_def(f->def, self, args, nargs, kwnames, owner);
}

Value bf_repr(Value self) {
  auto* f = as_bf(self);
  if (f->self.is_null() || is_module(f->self)) return str_from_format("<built-in function %s>", f->def->name);
  return str_from_format("<built-in method %s of %s object at 0x%" PRIxPTR ">", f->def->name,
                         value_type_name(f->self), reinterpret_cast<uintptr_t>(f->self.as_object()));
}

Value bf_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &builtin_function_type)
    return new_ref(not_implemented());
  bool eq = as_bf(a)->def == as_bf(b)->def && as_bf(a)->self.is(as_bf(b)->self);
  return new_ref(bool_value(op == CompareOp::Eq ? eq : !eq));
}

int64_t bf_hash(Value self) {
  auto* f = as_bf(self);
  int64_t h = hash_pointer(f->def) ^ (f->self.is_object() ? hash_pointer(f->self.as_object()) : 0);
  return h == -1 ? -2 : h;
}

Value bf_name(Value self) { return str_from_utf8(as_bf(self)->def->name); }
Value bf_qualname(Value self) {
  auto* f = as_bf(self);
  const TypeObject* owner = owner_of(f);
  if (!owner) return str_from_utf8(f->def->name);
  return str_from_format("%s.%s", owner->qualname.c_str(), f->def->name);
}
Value bf_self(Value self) {
  auto* f = as_bf(self);
  return new_ref(f->self ? f->self : none());
}
Value bf_module(Value self) {
  auto* f = as_bf(self);
  return new_ref(f->module ? f->module : none());
}
int bf_set_module(Value self, Value value) {
  auto* f = as_bf(self);
  Value old = f->module;
  f->module = value ? new_ref(value) : Value();
  xdecref(old);
  return 0;
}
Value bf_doc(Value self) {
  const char* doc = as_bf(self)->def->doc;
  return doc ? str_from_utf8(doc) : new_ref(none());
}
Value bf_text_signature(Value self) { return new_ref(none()); }

const GetSetDef bf_getsets[] = {
    {"__name__", bf_name},      {"__qualname__", bf_qualname},
    {"__self__", bf_self},      {"__module__", bf_module, bf_set_module},
    {"__doc__", bf_doc},        {"__text_signature__", bf_text_signature},
    {nullptr, nullptr}};

Value bf_reduce(Value self) {
  auto* f = as_bf(self);
  if (f->self.is_null() || is_module(f->self)) return str_from_utf8(f->def->name);
  return raise(exc::NotImplementedError, "not implemented: builtin method __reduce__ (getattr)");
}
const MethodDef bf_methods[] = {{"__reduce__", (void*)bf_reduce, MethodKind::NoArgs},
                                {nullptr, nullptr, MethodKind::NoArgs}};

}  // namespace

Value builtin_function_new(const MethodDef* def, Value self, Value module) {
  auto* f = new_object<BuiltinFunctionObject>(&builtin_function_type);
  if (!f) return Value();
  f->def = def;
  f->self = self ? new_ref(self) : Value();
  if (module && is_module(module)) {
    Value name = dict_get_item_str(module_dict(module), "__name__");
    f->module = name ? new_ref(name) : Value();
  } else {
    f->module = module ? new_ref(module) : Value();
  }
  gc_track(f);
  return Value::object(f);
}

void init_builtin_function_type() {
  init_static_type(&builtin_function_type, "builtin_function_or_method", &object_type,
                   sizeof(BuiltinFunctionObject));
  builtin_function_type.flags = (builtin_function_type.flags & ~TypeFlag::BaseType) | TypeFlag::HaveGc;
  builtin_function_type.dealloc = bf_dealloc;
  builtin_function_type.weaklist_offset = offsetof(BuiltinFunctionObject, weakrefs);
  builtin_function_type.traverse = bf_traverse;
  builtin_function_type.call = bf_call;
  builtin_function_type.repr = bf_repr;
  builtin_function_type.richcompare = bf_richcompare;
  builtin_function_type.hash = bf_hash;
  add_getsets(&builtin_function_type, bf_getsets);
  add_methods(&builtin_function_type, bf_methods);
  type_ready(&builtin_function_type);
}

}  // namespace krait::runtime

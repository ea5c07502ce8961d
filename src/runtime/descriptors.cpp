// Descriptor types: native methods, computed attributes, fields and slot wrappers of built-in
// types, and property, classmethod, staticmethod, mappingproxy. (super: super.cpp)
#include <array>
#include <cinttypes>
#include <cstddef>

#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/generic_alias.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/method.h"
#include "runtime/tuple.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {

TypeObject method_descriptor_type, classmethod_descriptor_type, getset_descriptor_type,
    member_descriptor_type, wrapper_descriptor_type, method_wrapper_type, property_type,
    classmethod_type, staticmethod_type;
TypeObject mappingproxy_type;

bool check_no_kwargs(const char* name, Value kwnames) {
  if (kw_count(kwnames) == 0) return true;
  raise_format(exc::TypeError, "%s() takes no keyword arguments", name);
  return false;
}

Value call_method_def(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames,
                      const TypeObject* owner) {
  // The method's __qualname__ ("deque.count"), as CPython's messages show it.
  auto name = [&]() { return owner ? owner->qualname + "." + def->name : std::string(def->name); };
  switch (def->kind) {
    case MethodKind::NoArgs:
      if (kw_count(kwnames)) return raise(exc::TypeError, name() + "() takes no keyword arguments");
      if (nargs != 0)
        return raise(exc::TypeError, name() + "() takes no arguments (" + std::to_string(nargs) + " given)");
      return reinterpret_cast<Value (*)(Value)>(def->function)(self);
    case MethodKind::OneArg:
      if (kw_count(kwnames)) return raise(exc::TypeError, name() + "() takes no keyword arguments");
      if (nargs != 1)
        return raise(exc::TypeError, name() + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
      return reinterpret_cast<Value (*)(Value, Value)>(def->function)(self, args[0]);
    case MethodKind::Fast:
      if (kw_count(kwnames)) return raise(exc::TypeError, name() + "() takes no keyword arguments");
      return reinterpret_cast<Value (*)(Value, const Value*, size_t)>(def->function)(self, args, nargs);
    case MethodKind::FastKeywords:
      return reinterpret_cast<Value (*)(Value, const Value*, size_t, Value)>(def->function)(self, args, nargs,
                                                                                        kwnames);
  }
  return raise(exc::SystemError, "bad MethodKind");
}

namespace {

TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_object()); }
bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }

// Allocates an instance of `type` (maybe a subclass) as a T.
template <typename T>
T* alloc_instance(TypeObject* type) {
  size_t size = type->basic_size < sizeof(T) ? sizeof(T) : type->basic_size;
  Object* memory = allocate_object(type, size);
  if (!memory) return nullptr;
  uint32_t flags = memory->flags;
  T* object = new (memory) T();
  Object* header = object;
  header->refcount = 1;
  header->flags = flags;
  header->type = type;
  return object;
}

void set_field(Value& field, Value value) {
  Value old = field;
  incref(value);
  field = value;
  xdecref(old);
}

Value new_ref(Value v) {
  incref(v);
  return v;
}

// --- method_descriptor / classmethod_descriptor ---------------------------------------------------

MethodDescriptorObject* as_md(Value v) { return static_cast<MethodDescriptorObject*>(v.as_object()); }

bool check_descr_instance(const char* name, TypeObject* owner, Value obj) {
  if (is_subtype(type_of(obj), owner)) return true;
  raise_format(exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
               owner->name.c_str(), value_type_name(obj));
  return false;
}

Value md_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* d = as_md(self);
  if (nargs < 1)
    return raise_format(exc::TypeError, "unbound method %s.%s() needs an argument", d->owner->name.c_str(),
                        d->def->name);
  if (!check_descr_instance(d->def->name, d->owner, args[0])) return Value();
  return call_method_def(d->def, args[0], args + 1, nargs - 1, kwnames, d->owner);
}

Value md_get(Value self, Value obj, Value owner) {
  auto* d = as_md(self);
  if (obj.is_null()) return new_ref(self);
  if (!check_descr_instance(d->def->name, d->owner, obj)) return Value();
  return builtin_function_new(d->def, obj, Value());
}

Value md_repr(Value self) {
  auto* d = as_md(self);
  return str_from_format("<method '%s' of '%s' objects>", d->def->name, d->owner->name.c_str());
}

void descr_dealloc(Object* self) {
  // Every descriptor's owner is a type that outlives it (static) or holds it in its dict.
  auto* d = static_cast<MethodDescriptorObject*>(self);
  decref(Value::object(d->owner));
  free_object(self);
}

// getset and member descriptors of a class (its __dict__, __weakref__, __slots__ entries) are
// in a cycle with it (class -> dict -> descriptor -> class): the collector must see that edge.
void owner_traverse(Object* self, VisitFunc visit, void* context) {
  visit(Value::object(static_cast<GetSetDescriptorObject*>(self)->owner), context);
}
void member_traverse(Object* self, VisitFunc visit, void* context) {
  auto* d = static_cast<MemberDescriptorObject*>(self);
  visit(Value::object(d->owner), context);
  if (d->name) visit(d->name, context);
}

Value md_name(Value self) { return str_from_utf8(as_md(self)->def->name); }
Value md_qualname(Value self) {
  auto* d = as_md(self);
  return str_from_format("%s.%s", d->owner->qualname.c_str(), d->def->name);
}
Value md_doc(Value self) {
  const char* doc = as_md(self)->def->doc;
  return doc ? str_from_utf8(doc) : new_ref(none());
}
Value md_objclass(Value self) { return new_ref(Value::object(as_md(self)->owner)); }
Value none_getter(Value) { return new_ref(none()); }

const GetSetDef md_getsets[] = {
    {"__name__", md_name}, {"__qualname__", md_qualname}, {"__doc__", md_doc},
    {"__objclass__", md_objclass}, {"__text_signature__", none_getter}, {nullptr, nullptr}};

Value cmd_get(Value self, Value obj, Value owner) {
  auto* d = as_md(self);
  Value type = owner ? owner : Value::object(type_of(obj));
  if (!is_type(type))
    return raise_format(exc::TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                        d->def->name, d->owner->name.c_str(), value_type_name(type));
  if (!is_subtype(as_type(type), d->owner))
    return raise_format(exc::TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'",
                        d->def->name, d->owner->name.c_str(), as_type(type)->name.c_str());
  return builtin_function_new(d->def, type, Value());
}

Value cmd_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* d = as_md(self);
  if (nargs < 1)
    return raise_format(exc::TypeError, "descriptor '%s' of '%s' object needs an argument", d->def->name,
                        d->owner->name.c_str());
  Ref bound = Ref::steal(cmd_get(self, Value(), args[0]));
  if (!bound) return Value();
  return call(bound.get(), args + 1, nargs - 1, kwnames);
}

// --- getset_descriptor -------------------------------------------------------------------------

GetSetDescriptorObject* as_gs(Value v) { return static_cast<GetSetDescriptorObject*>(v.as_object()); }

Value gs_get(Value self, Value obj, Value owner) {
  auto* d = as_gs(self);
  if (obj.is_null()) return new_ref(self);
  if (!check_descr_instance(d->def->name, d->owner, obj)) return Value();
  return d->def->get(obj);
}

int gs_set(Value self, Value obj, Value value) {
  auto* d = as_gs(self);
  if (!check_descr_instance(d->def->name, d->owner, obj)) return -1;
  if (!d->def->set) {
    raise_format(exc::AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name,
                 d->owner->name.c_str());
    return -1;
  }
  return d->def->set(obj, value);
}

Value gs_repr(Value self) {
  auto* d = as_gs(self);
  return str_from_format("<attribute '%s' of '%s' objects>", d->def->name, d->owner->name.c_str());
}
Value gs_name(Value self) { return str_from_utf8(as_gs(self)->def->name); }
Value gs_qualname(Value self) {
  auto* d = as_gs(self);
  return str_from_format("%s.%s", d->owner->qualname.c_str(), d->def->name);
}
Value gs_doc(Value self) {
  const char* doc = as_gs(self)->def->doc;
  return doc ? str_from_utf8(doc) : new_ref(none());
}
Value gs_objclass(Value self) { return new_ref(Value::object(as_gs(self)->owner)); }
const GetSetDef gs_getsets[] = {{"__name__", gs_name}, {"__qualname__", gs_qualname}, {"__doc__", gs_doc},
                                {"__objclass__", gs_objclass}, {nullptr, nullptr}};

// --- member_descriptor -----------------------------------------------------------------------------

MemberDescriptorObject* as_mem(Value v) { return static_cast<MemberDescriptorObject*>(v.as_object()); }

Value mem_get(Value self, Value obj, Value owner) {
  auto* d = as_mem(self);
  if (obj.is_null()) return new_ref(self);
  if (!check_descr_instance(d->def->name, d->owner, obj)) return Value();
  char* base = reinterpret_cast<char*>(instance_field(obj.as_object(), d->def->offset));
  switch (d->def->kind) {
    case MemberKind::Object: {
      Value v = *reinterpret_cast<Value*>(base);
      if (v.is_null())
        return raise_format(exc::AttributeError, "'%s' object has no attribute '%s'", value_type_name(obj),
                            d->def->name);
      return new_ref(v);
    }
    case MemberKind::ObjectNone: {
      Value v = *reinterpret_cast<Value*>(base);
      return new_ref(v ? v : none());
    }
    case MemberKind::Int64: return int_from_int64(*reinterpret_cast<int64_t*>(base));
    case MemberKind::Bool: return new_ref(bool_value(*reinterpret_cast<bool*>(base)));
    case MemberKind::Double: return Value::floating(*reinterpret_cast<double*>(base));
  }
  return Value();
}

int mem_set(Value self, Value obj, Value value) {
  auto* d = as_mem(self);
  if (!check_descr_instance(d->def->name, d->owner, obj)) return -1;
  if (d->def->readonly) {
    raise(exc::AttributeError, "readonly attribute");
    return -1;
  }
  char* base = reinterpret_cast<char*>(instance_field(obj.as_object(), d->def->offset));
  if (value.is_null() && d->def->kind != MemberKind::Object && d->def->kind != MemberKind::ObjectNone) {
    raise(exc::TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  switch (d->def->kind) {
    case MemberKind::Object:
    case MemberKind::ObjectNone: {
      Value* slot = reinterpret_cast<Value*>(base);
      if (value.is_null() && slot->is_null() && d->def->kind == MemberKind::Object) {
        raise(exc::AttributeError, d->def->name);  // deleting an unset slot: just its name, as CPython
        return -1;
      }
      Value old = *slot;
      incref(value);
      *slot = value;
      xdecref(old);
      return 0;
    }
    case MemberKind::Int64: {
      if (value.is_null()) {
        raise(exc::TypeError, "can't delete numeric/char attribute");
        return -1;
      }
      if (!is_int(value)) {
        raise(exc::TypeError, "attribute value type must be int");
        return -1;
      }
      int64_t i;
      if (!int_to_int64(value, &i)) {
        raise(exc::OverflowError, "Python int too large to convert to C long");
        return -1;
      }
      *reinterpret_cast<int64_t*>(base) = i;
      return 0;
    }
    case MemberKind::Bool:
      if (value.is_null() || !is_bool(value)) {
        raise(exc::TypeError, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<bool*>(base) = value.is(true_value());
      return 0;
    case MemberKind::Double: {
      double x;
      if (value.is_null() || !as_double(value, &x)) {
        if (!error_occurred()) raise(exc::TypeError, "attribute value type must be float");
        return -1;
      }
      *reinterpret_cast<double*>(base) = x;
      return 0;
    }
  }
  return -1;
}

Value mem_repr(Value self) {
  auto* d = as_mem(self);
  return str_from_format("<member '%s' of '%s' objects>", d->def->name, d->owner->name.c_str());
}
Value mem_name(Value self) { return str_from_utf8(as_mem(self)->def->name); }
Value mem_qualname(Value self) {
  auto* d = as_mem(self);
  return str_from_format("%s.%s", d->owner->qualname.c_str(), d->def->name);
}
Value mem_doc(Value self) {
  const char* doc = as_mem(self)->def->doc;
  return doc ? str_from_utf8(doc) : new_ref(none());
}
Value mem_objclass(Value self) { return new_ref(Value::object(as_mem(self)->owner)); }
const GetSetDef mem_getsets[] = {{"__name__", mem_name}, {"__qualname__", mem_qualname}, {"__doc__", mem_doc},
                                 {"__objclass__", mem_objclass}, {nullptr, nullptr}};

// --- wrapper_descriptor / method-wrapper ------------------------------------------------------------

WrapperDescriptorObject* as_wd(Value v) { return static_cast<WrapperDescriptorObject*>(v.as_object()); }

Value wrapper_invoke(WrapperDescriptorObject* d, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!d->slot->keywords && kw_count(kwnames))
    return raise_format(exc::TypeError, "wrapper %s() takes no keyword arguments", d->slot->name);
  return d->slot->wrapper(self, args, nargs, kwnames, d->function, d->slot);
}

Value wd_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* d = as_wd(self);
  if (nargs < 1)
    return raise_format(exc::TypeError, "descriptor '%s' of '%s' object needs an argument", d->slot->name,
                        d->owner->name.c_str());
  if (!is_subtype(type_of(args[0]), d->owner))
    return raise_format(exc::TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", d->slot->name,
                        d->owner->name.c_str(), value_type_name(args[0]));
  return wrapper_invoke(d, args[0], args + 1, nargs - 1, kwnames);
}

Value wd_get(Value self, Value obj, Value owner) {
  auto* d = as_wd(self);
  if (obj.is_null()) return new_ref(self);
  if (!check_descr_instance(d->slot->name, d->owner, obj)) return Value();
  auto* w = new_object<MethodWrapperObject>(&method_wrapper_type);
  if (!w) return Value();
  w->descriptor = new_ref(self);
  w->self = new_ref(obj);
  gc_track(w);
  return Value::object(w);
}

Value wd_repr(Value self) {
  auto* d = as_wd(self);
  return str_from_format("<slot wrapper '%s' of '%s' objects>", d->slot->name, d->owner->name.c_str());
}
Value wd_name(Value self) { return str_from_utf8(as_wd(self)->slot->name); }
Value wd_qualname(Value self) {
  auto* d = as_wd(self);
  return str_from_format("%s.%s", d->owner->qualname.c_str(), d->slot->name);
}
Value wd_objclass(Value self) { return new_ref(Value::object(as_wd(self)->owner)); }
const GetSetDef wd_getsets[] = {{"__name__", wd_name}, {"__qualname__", wd_qualname}, {"__doc__", none_getter},
                                {"__objclass__", wd_objclass}, {"__text_signature__", none_getter}, {nullptr, nullptr}};

MethodWrapperObject* as_mw(Value v) { return static_cast<MethodWrapperObject*>(v.as_object()); }

Value mw_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* w = as_mw(self);
  return wrapper_invoke(as_wd(w->descriptor), w->self, args, nargs, kwnames);
}
Value mw_repr(Value self) {
  auto* w = as_mw(self);
  return str_from_format("<method-wrapper '%s' of %s object at 0x%" PRIxPTR ">", as_wd(w->descriptor)->slot->name,
                         value_type_name(w->self), reinterpret_cast<uintptr_t>(w->self.as_object()));
}
void mw_dealloc(Object* self) {
  gc_untrack(self);
  auto* w = static_cast<MethodWrapperObject*>(self);
  xdecref(w->descriptor);
  xdecref(w->self);
  free_object(self);
}
void mw_traverse(Object* self, VisitFunc visit, void* context) {
  auto* w = static_cast<MethodWrapperObject*>(self);
  if (w->descriptor) visit(w->descriptor, context);
  if (w->self) visit(w->self, context);
}
Value mw_self(Value self) { return new_ref(as_mw(self)->self); }
Value mw_name(Value self) { return str_from_utf8(as_wd(as_mw(self)->descriptor)->slot->name); }
Value mw_qualname(Value self) {
  auto* d = as_wd(as_mw(self)->descriptor);
  return str_from_format("%s.%s", d->owner->qualname.c_str(), d->slot->name);
}
Value mw_objclass(Value self) { return new_ref(Value::object(as_wd(as_mw(self)->descriptor)->owner)); }
Value mw_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &method_wrapper_type)
    return new_ref(not_implemented());
  bool eq = as_mw(a)->descriptor.is(as_mw(b)->descriptor) && as_mw(a)->self.is(as_mw(b)->self);
  return new_ref(bool_value(op == CompareOp::Eq ? eq : !eq));
}
int64_t mw_hash(Value self) {
  int64_t h = hash_pointer(as_mw(self)->self.as_object()) ^ hash_pointer(as_mw(self)->descriptor.as_object());
  return h == -1 ? -2 : h;
}
const GetSetDef mw_getsets[] = {{"__self__", mw_self}, {"__name__", mw_name}, {"__qualname__", mw_qualname},
                                {"__objclass__", mw_objclass}, {"__doc__", none_getter},
                                {"__text_signature__", none_getter}, {nullptr, nullptr}};

// --- property ------------------------------------------------------------------------------------------

PropertyObject* as_prop(Value v) { return static_cast<PropertyObject*>(v.as_object()); }

void property_clear(Object* self) {
  auto* p = static_cast<PropertyObject*>(self);
  for (Value* f : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name}) {
    Value old = *f;
    *f = Value();
    xdecref(old);
  }
}
void property_dealloc(Object* self) {
  gc_untrack(self);
  property_clear(self);
  free_object(self);
}
void property_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<PropertyObject*>(self);
  for (Value f : {p->fget, p->fset, p->fdel, p->doc, p->name})
    if (f) visit(f, context);
}

Value property_alloc(TypeObject* type, const Value*, size_t, Value) {
  auto* p = alloc_instance<PropertyObject>(type);
  if (!p) return Value();
  p->fget = new_ref(none());
  p->fset = new_ref(none());
  p->fdel = new_ref(none());
  p->doc = new_ref(none());
  gc_track(p);
  return Value::object(p);
}

// Binds keyword and positional arguments to `names` (no defaults needed: absent stays null).
bool bind_args(const char* fname, const char* const* names, size_t count, const Value* args, size_t nargs,
               Value kwnames, Value* out) {
  if (nargs > count) {
    raise_format(exc::TypeError, "%s() takes at most %zu arguments (%zu given)", fname, count, nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (size_t k = 0; k < kw_count(kwnames); ++k) {
    Value key = tuple_get(kwnames, k);
    size_t i = 0;
    while (i < count && !str_equal_ascii(key, names[i])) ++i;
    if (i == count) {
      raise_format(exc::TypeError, "%s() got an unexpected keyword argument '%s'", fname, str_cstr(key));
      return false;
    }
    if (out[i]) {
      raise_format(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname, names[i],
                   i + 1);
      return false;
    }
    out[i] = args[nargs + k];
  }
  return true;
}

int property_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const names[] = {"fget", "fset", "fdel", "doc"};
  Value a[4];
  if (!bind_args("property", names, 4, args, nargs, kwnames, a)) return -1;
  auto* p = as_prop(self);
  set_field(p->fget, a[0] ? a[0] : none());
  set_field(p->fset, a[1] ? a[1] : none());
  set_field(p->fdel, a[2] ? a[2] : none());
  Value doc = a[3] ? a[3] : none();
  p->getter_doc = false;
  if (doc.is(none()) && !p->fget.is(none())) {
    Ref d = Ref::steal(lookup_attr(p->fget, KRAIT_NAME("__doc__")));
    if (!d && error_occurred()) return -1;
    if (d) {
      // A subclass keeps the doc in its instance dict (CPython does the same).
      if (type_of(self) != &property_type) {
        if (set_attr(self, KRAIT_NAME("__doc__"), d.get()) < 0) return -1;
      } else {
        set_field(p->doc, d.get());
      }
      p->getter_doc = true;
      return 0;
    }
  }
  if (type_of(self) != &property_type && !doc.is(none())) {
    if (set_attr(self, KRAIT_NAME("__doc__"), doc) < 0) return -1;
  }
  set_field(p->doc, doc);
  return 0;
}

std::string property_error(Value self, Value obj, const char* what) {
  auto* p = as_prop(self);
  if (p->name && is_str(p->name))
    return std::string("property '") + std::string(str_utf8(p->name)) + "' of '" + value_type_name(obj) +
           "' object has no " + what;
  return std::string("property of '") + value_type_name(obj) + "' object has no " + what;
}

Value property_get(Value self, Value obj, Value owner) {
  if (obj.is_null() || obj.is(none())) return new_ref(self);
  auto* p = as_prop(self);
  if (p->fget.is(none())) return raise(exc::AttributeError, property_error(self, obj, "getter"));
  return call_one_arg(p->fget, obj);
}

int property_set(Value self, Value obj, Value value) {
  auto* p = as_prop(self);
  Value func = value.is_null() ? p->fdel : p->fset;
  if (func.is(none())) {
    raise(exc::AttributeError, property_error(self, obj, value.is_null() ? "deleter" : "setter"));
    return -1;
  }
  Ref r = value.is_null() ? Ref::steal(call_one_arg(func, obj))
                          : Ref::steal(call(func, std::array<Value, 2>{obj, value}.data(), 2));
  return r ? 0 : -1;
}

// getter/setter/deleter: a copy of the property with one function replaced (type(self)(...)).
Value property_copy(Value self, Value get, Value set, Value del) {
  auto* p = as_prop(self);
  Value doc = p->getter_doc && !get.is(none()) ? none() : p->doc;
  Value args[4] = {get ? get : p->fget, set ? set : p->fset, del ? del : p->fdel, doc ? doc : none()};
  Ref np = Ref::steal(call(Value::object(type_of(self)), args, 4));
  if (!np) return Value();
  if (type_of(np.get()) == &property_type || is_subtype(type_of(np.get()), &property_type)) {
    if (p->name) set_field(as_prop(np.get())->name, p->name);
  }
  return np.release();
}
Value property_getter(Value self, Value f) { return property_copy(self, f, Value(), Value()); }
Value property_setter(Value self, Value f) { return property_copy(self, Value(), f, Value()); }
Value property_deleter(Value self, Value f) { return property_copy(self, Value(), Value(), f); }
Value property_set_name(Value self, const Value* args, size_t nargs) {
  if (nargs != 2)
    return raise_format(exc::TypeError, "__set_name__() takes 2 positional arguments but %zu were given", nargs);
  set_field(as_prop(self)->name, args[1]);
  return new_ref(none());
}
Value property_isabstract(Value self) {
  auto* p = as_prop(self);
  for (Value f : {p->fget, p->fset, p->fdel}) {
    Ref a = Ref::steal(lookup_attr(f, KRAIT_NAME("__isabstractmethod__")));
    if (!a) {
      if (error_occurred()) return Value();
      continue;
    }
    int t = is_true(a.get());
    if (t < 0) return Value();
    if (t) return new_ref(true_value());
  }
  return new_ref(false_value());
}

const MethodDef property_methods[] = {
    {"getter", (void*)property_getter, MethodKind::OneArg},
    {"setter", (void*)property_setter, MethodKind::OneArg},
    {"deleter", (void*)property_deleter, MethodKind::OneArg},
    {"__set_name__", (void*)property_set_name, MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs}};
const MemberDef property_members[] = {
    {"fget", MemberKind::ObjectNone, offsetof(PropertyObject, fget), true},
    {"fset", MemberKind::ObjectNone, offsetof(PropertyObject, fset), true},
    {"fdel", MemberKind::ObjectNone, offsetof(PropertyObject, fdel), true},
    {"__doc__", MemberKind::ObjectNone, offsetof(PropertyObject, doc)},
    {nullptr, MemberKind::Object, 0}};
const GetSetDef property_getsets[] = {{"__isabstractmethod__", property_isabstract}, {nullptr, nullptr}};

// --- classmethod / staticmethod ---------------------------------------------------------------------

// Both layouts are {callable, dict}: one set of helpers.
struct WrapperObject : Object { Value callable; Value dict; };
WrapperObject* as_wrapper(Value v) { return static_cast<WrapperObject*>(v.as_object()); }
static_assert(offsetof(ClassMethodObject, dict) == offsetof(StaticMethodObject, dict));

void cm_clear(Object* self) {
  auto* w = static_cast<WrapperObject*>(self);
  for (Value* f : {&w->callable, &w->dict}) {
    Value old = *f;
    *f = Value();
    xdecref(old);
  }
}
void cm_dealloc(Object* self) {
  gc_untrack(self);
  cm_clear(self);
  free_object(self);
}
void cm_traverse(Object* self, VisitFunc visit, void* context) {
  auto* w = static_cast<WrapperObject*>(self);
  if (w->callable) visit(w->callable, context);
  if (w->dict) visit(w->dict, context);
}
Value cm_alloc(TypeObject* type, const Value*, size_t, Value) {
  auto* w = alloc_instance<WrapperObject>(type);
  if (!w) return Value();
  gc_track(w);
  return Value::object(w);
}

// classmethod/staticmethod copy the wrapped function's __module__, __name__, __qualname__,
// __doc__ and __annotations__ into their own __dict__ (3.10+); __wrapped__ is a read-only member.
int copy_wrapped_attributes(Value self, Value callable) {
  for (const char* n : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
    Ref key = Ref::steal(str_intern(n));
    Ref v = Ref::steal(lookup_attr(callable, key.get()));
    if (!v) {
      if (error_occurred()) return -1;
      continue;
    }
    if (set_attr(self, key.get(), v.get()) < 0) return -1;
  }
  return 0;
}

int cm_init_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs(name, kwnames)) return -1;
  if (nargs != 1) {
    raise_format(exc::TypeError, "%s expected 1 argument, got %zu", name, nargs);
    return -1;
  }
  set_field(as_wrapper(self)->callable, args[0]);
  return copy_wrapped_attributes(self, args[0]);
}
int classmethod_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return cm_init_common("classmethod", self, args, nargs, kwnames);
}
int staticmethod_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return cm_init_common("staticmethod", self, args, nargs, kwnames);
}

Value classmethod_get(Value self, Value obj, Value owner) {
  auto* w = as_wrapper(self);
  if (w->callable.is_null()) return raise(exc::RuntimeError, "uninitialized classmethod object");
  Value type = owner ? owner : Value::object(type_of(obj));
  if (DescrGetFunc get = type_of(w->callable)->descr_get) return get(w->callable, type, type);
  return method_new(w->callable, type);
}
Value staticmethod_get(Value self, Value obj, Value owner) {
  auto* w = as_wrapper(self);
  if (w->callable.is_null()) return raise(exc::RuntimeError, "uninitialized staticmethod object");
  return new_ref(w->callable);
}
Value staticmethod_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  return call(as_wrapper(self)->callable, args, nargs, kwnames);
}
Value wrapper_repr(const char* kind, Value self) {
  Ref r = Ref::steal(repr(as_wrapper(self)->callable));
  if (!r) return Value();
  return str_from_format("<%s(%s)>", kind, str_cstr(r.get()));
}
Value classmethod_repr(Value self) { return wrapper_repr("classmethod", self); }
Value staticmethod_repr(Value self) { return wrapper_repr("staticmethod", self); }
Value wrapper_func(Value self) { return new_ref(as_wrapper(self)->callable ? as_wrapper(self)->callable : none()); }
Value wrapper_isabstract(Value self) {
  Ref a = Ref::steal(lookup_attr(as_wrapper(self)->callable, KRAIT_NAME("__isabstractmethod__")));
  if (!a) return error_occurred() ? Value() : new_ref(false_value());
  int t = is_true(a.get());
  if (t < 0) return Value();
  return new_ref(bool_value(t));
}
Value wrapper_get_dict(Value self) { return object_get_dict(self); }
const MemberDef wrapper_members[] = {{"__wrapped__", MemberKind::ObjectNone, offsetof(WrapperObject, callable), true},
                                     {nullptr, MemberKind::Object, 0}};
const GetSetDef wrapper_getsets[] = {{"__func__", wrapper_func},
                                     {"__isabstractmethod__", wrapper_isabstract},
                                     {"__dict__", wrapper_get_dict},
                                     {nullptr, nullptr}};

// --- mappingproxy -----------------------------------------------------------------------------------

struct MappingProxyObject : Object { Value mapping; };
Value mp_mapping(Value v) { return static_cast<MappingProxyObject*>(v.as_object())->mapping; }
void mp_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<MappingProxyObject*>(self)->mapping);
  free_object(self);
}
void mp_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value m = static_cast<MappingProxyObject*>(self)->mapping) visit(m, context);
}
Value mp_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  static const char* const names[] = {"mapping"};
  Value a[1];
  if (!bind_args("mappingproxy", names, 1, args, nargs, kwnames, a)) return Value();
  if (!a[0]) return raise(exc::TypeError, "mappingproxy() missing required argument 'mapping' (pos 1)");
  if (!type_of(a[0])->mapping.subscript || is_list(a[0]) || is_tuple(a[0]))
    return raise_format(exc::TypeError, "mappingproxy() argument must be a mapping, not %s", value_type_name(a[0]));
  return mappingproxy_new(a[0]);
}
Value mp_getitem(Value self, Value key) { return get_item(mp_mapping(self), key); }
int64_t mp_len(Value self) { return length(mp_mapping(self)); }
int mp_contains(Value self, Value key) { return contains(mp_mapping(self), key); }
Value mp_iter(Value self) { return get_iter(mp_mapping(self)); }
Value mp_repr(Value self) {
  Ref r = Ref::steal(repr(mp_mapping(self)));
  if (!r) return Value();
  return str_from_format("mappingproxy(%s)", str_cstr(r.get()));
}
Value mp_str(Value self) { return str(mp_mapping(self)); }
Value mp_richcompare(Value a, Value b, CompareOp op) { return rich_compare(mp_mapping(a), b, op); }
Value mp_forward(Value self, const char* name, const Value* args, size_t nargs) {
  return call_method(mp_mapping(self), name, args, nargs);
}
Value mp_keys(Value self) { return mp_forward(self, "keys", nullptr, 0); }
Value mp_values(Value self) { return mp_forward(self, "values", nullptr, 0); }
Value mp_items(Value self) { return mp_forward(self, "items", nullptr, 0); }
Value mp_copy(Value self) { return mp_forward(self, "copy", nullptr, 0); }
Value mp_get(Value self, const Value* args, size_t nargs) { return mp_forward(self, "get", args, nargs); }
Value mp_reversed(Value self) { return mp_forward(self, "__reversed__", nullptr, 0); }
Value mp_or(Value a, Value b) {
  if (type_of(a) == &mappingproxy_type) a = mp_mapping(a);
  if (type_of(b) == &mappingproxy_type) b = mp_mapping(b);
  return binary_op(a, b, BinaryOp::Or);
}
// mappingproxy |= x: CPython refuses it with a hint (a proxy is read-only).
Value mp_ior(Value self, Value other) {
  return raise_format(exc::TypeError, "'|=' is not supported by %s; use '|' instead", value_type_name(self));
}
const MethodDef mp_methods[] = {
    {"keys", (void*)mp_keys, MethodKind::NoArgs},     {"values", (void*)mp_values, MethodKind::NoArgs},
    {"items", (void*)mp_items, MethodKind::NoArgs},   {"copy", (void*)mp_copy, MethodKind::NoArgs},
    {"get", (void*)mp_get, MethodKind::Fast},         {"__reversed__", (void*)mp_reversed, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs}};

void init_type(TypeObject* t, const char* name, size_t size, bool gc, DeallocFunc dealloc) {
  init_static_type(t, name, &object_type, size);
  t->flags &= ~TypeFlag::BaseType;
  if (gc) t->flags |= TypeFlag::HaveGc;
  t->dealloc = dealloc;
}

}  // namespace

Value mappingproxy_new(Value mapping) {
  auto* p = new_object<MappingProxyObject>(&mappingproxy_type);
  if (!p) return Value();
  p->mapping = new_ref(mapping);
  gc_track(p);
  return Value::object(p);
}

// type.__dict__ (declared in type.cpp).
Value type_get_dict(Value self) { return mappingproxy_new(static_cast<TypeObject*>(self.as_object())->dict); }

Value method_descriptor_new(TypeObject* owner, const MethodDef* def) {
  auto* d = new_object<MethodDescriptorObject>(&method_descriptor_type);
  if (!d) return Value();
  d->def = def;
  d->owner = owner;
  incref(Value::object(owner));
  return Value::object(d);
}
Value classmethod_descriptor_new(TypeObject* owner, const MethodDef* def) {
  auto* d = new_object<MethodDescriptorObject>(&classmethod_descriptor_type);
  if (!d) return Value();
  d->def = def;
  d->owner = owner;
  incref(Value::object(owner));
  return Value::object(d);
}
Value getset_descriptor_new(TypeObject* owner, const GetSetDef* def) {
  auto* d = new_object<GetSetDescriptorObject>(&getset_descriptor_type);
  if (!d) return Value();
  d->def = def;
  d->owner = owner;
  incref(Value::object(owner));
  gc_track(d);
  return Value::object(d);
}
Value member_descriptor_new(TypeObject* owner, const MemberDef* def) {
  auto* d = new_object<MemberDescriptorObject>(&member_descriptor_type);
  if (!d) return Value();
  d->def = def;
  d->owner = owner;
  d->name = Value();
  incref(Value::object(owner));
  gc_track(d);
  return Value::object(d);
}
Value wrapper_descriptor_new(TypeObject* owner, const SlotDef* slot, void* function) {
  auto* d = new_object<WrapperDescriptorObject>(&wrapper_descriptor_type);
  if (!d) return Value();
  d->slot = slot;
  d->owner = owner;
  d->function = function;
  incref(Value::object(owner));
  return Value::object(d);
}

void add_methods(TypeObject* type, const MethodDef* methods) {
  if (defer_during_bootstrap(PendingKind::Methods, type, methods)) return;
  if (type->flags & TypeFlag::Ready) type_modified(type);
  if (type->dict.is_null()) type->dict = dict_new();
  for (const MethodDef* m = methods; m->name; ++m) {
    Ref d;
    if (m->is_class) {
      d = Ref::steal(classmethod_descriptor_new(type, m));
    } else if (m->is_static) {
      Ref f = Ref::steal(builtin_function_new(m, Value::object(type), Value()));
      if (f) d = Ref::steal(staticmethod_new(f.get()));
    } else {
      d = Ref::steal(method_descriptor_new(type, m));
    }
    if (!d || dict_set_item_str(type->dict, m->name, d.get()) < 0) return;
  }
}

void add_getsets(TypeObject* type, const GetSetDef* getsets) {
  if (defer_during_bootstrap(PendingKind::GetSets, type, getsets)) return;
  if (type->flags & TypeFlag::Ready) type_modified(type);
  if (type->dict.is_null()) type->dict = dict_new();
  for (const GetSetDef* g = getsets; g->name; ++g) {
    Ref d = Ref::steal(getset_descriptor_new(type, g));
    if (!d || dict_set_item_str(type->dict, g->name, d.get()) < 0) return;
  }
}

void add_members(TypeObject* type, const MemberDef* members) {
  if (defer_during_bootstrap(PendingKind::Members, type, members)) return;
  if (type->flags & TypeFlag::Ready) type_modified(type);
  if (type->dict.is_null()) type->dict = dict_new();
  for (const MemberDef* m = members; m->name; ++m) {
    Ref d = Ref::steal(member_descriptor_new(type, m));
    if (!d || dict_set_item_str(type->dict, m->name, d.get()) < 0) return;
  }
}

Value property_new(Value fget, Value fset, Value fdel, Value doc) {
  Value args[4] = {fget ? fget : none(), fset ? fset : none(), fdel ? fdel : none(), doc ? doc : none()};
  return call(Value::object(&property_type), args, 4);
}

Value classmethod_new(Value callable) { return call_one_arg(Value::object(&classmethod_type), callable); }
Value staticmethod_new(Value callable) { return call_one_arg(Value::object(&staticmethod_type), callable); }

void init_descriptor_types() {
  init_type(&method_descriptor_type, "method_descriptor", sizeof(MethodDescriptorObject), false, descr_dealloc);
  method_descriptor_type.call = md_call;
  method_descriptor_type.descr_get = md_get;
  method_descriptor_type.repr = md_repr;
  add_getsets(&method_descriptor_type, md_getsets);

  init_type(&classmethod_descriptor_type, "classmethod_descriptor", sizeof(MethodDescriptorObject), false,
            descr_dealloc);
  classmethod_descriptor_type.call = cmd_call;
  classmethod_descriptor_type.descr_get = cmd_get;
  classmethod_descriptor_type.repr = md_repr;
  add_getsets(&classmethod_descriptor_type, md_getsets);

  init_type(&getset_descriptor_type, "getset_descriptor", sizeof(GetSetDescriptorObject), true, descr_dealloc);
  getset_descriptor_type.traverse = owner_traverse;
  getset_descriptor_type.descr_get = gs_get;
  getset_descriptor_type.descr_set = gs_set;
  getset_descriptor_type.repr = gs_repr;
  add_getsets(&getset_descriptor_type, gs_getsets);

  init_type(&member_descriptor_type, "member_descriptor", sizeof(MemberDescriptorObject), true, descr_dealloc);
  member_descriptor_type.traverse = member_traverse;
  member_descriptor_type.descr_get = mem_get;
  member_descriptor_type.descr_set = mem_set;
  member_descriptor_type.repr = mem_repr;
  add_getsets(&member_descriptor_type, mem_getsets);

  init_type(&wrapper_descriptor_type, "wrapper_descriptor", sizeof(WrapperDescriptorObject), false, descr_dealloc);
  wrapper_descriptor_type.call = wd_call;
  wrapper_descriptor_type.descr_get = wd_get;
  wrapper_descriptor_type.repr = wd_repr;
  add_getsets(&wrapper_descriptor_type, wd_getsets);

  init_type(&method_wrapper_type, "method-wrapper", sizeof(MethodWrapperObject), true, mw_dealloc);
  method_wrapper_type.traverse = mw_traverse;
  method_wrapper_type.call = mw_call;
  method_wrapper_type.repr = mw_repr;
  method_wrapper_type.richcompare = mw_richcompare;
  method_wrapper_type.hash = mw_hash;
  add_getsets(&method_wrapper_type, mw_getsets);

  init_type(&property_type, "property", sizeof(PropertyObject), true, property_dealloc);
  property_type.flags |= TypeFlag::BaseType;
  property_type.traverse = property_traverse;
  property_type.clear = property_clear;
  property_type.new_ = property_alloc;
  property_type.init = property_init;
  property_type.descr_get = property_get;
  property_type.descr_set = property_set;
  add_methods(&property_type, property_methods);
  add_members(&property_type, property_members);
  add_getsets(&property_type, property_getsets);

  for (TypeObject* t : {&classmethod_type, &staticmethod_type}) {
    init_type(t, t == &classmethod_type ? "classmethod" : "staticmethod", sizeof(WrapperObject), true, cm_dealloc);
    t->flags |= TypeFlag::BaseType;
    t->traverse = cm_traverse;
    t->clear = cm_clear;
    t->new_ = cm_alloc;
    t->dict_offset = offsetof(WrapperObject, dict);
    add_getsets(t, wrapper_getsets);
    add_members(t, wrapper_members);
  }
  classmethod_type.init = classmethod_init;
  classmethod_type.descr_get = classmethod_get;
  classmethod_type.repr = classmethod_repr;
  staticmethod_type.init = staticmethod_init;
  staticmethod_type.descr_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;
  staticmethod_type.repr = staticmethod_repr;

  init_type(&mappingproxy_type, "mappingproxy", sizeof(MappingProxyObject), true, mp_dealloc);
  mappingproxy_type.traverse = mp_traverse;
  mappingproxy_type.new_ = mp_new;
  mappingproxy_type.mapping.subscript = mp_getitem;
  mappingproxy_type.mapping.length = mp_len;
  mappingproxy_type.sequence.contains = mp_contains;
  mappingproxy_type.iter = mp_iter;
  mappingproxy_type.repr = mp_repr;
  mappingproxy_type.str = mp_str;
  mappingproxy_type.richcompare = mp_richcompare;
  mappingproxy_type.number.or_ = mp_or;
  mappingproxy_type.number.inplace_or = mp_ior;
  add_methods(&mappingproxy_type, mp_methods);
  add_methods(&mappingproxy_type, kClassGetItemMethod);

  for (TypeObject* t : {&method_descriptor_type, &classmethod_descriptor_type, &getset_descriptor_type,
                        &member_descriptor_type, &wrapper_descriptor_type, &method_wrapper_type, &property_type,
                        &classmethod_type, &staticmethod_type, &mappingproxy_type})
    type_ready(t);
}

}  // namespace krait::runtime

// `object`, the root of every class: construction and its argument checks, the default repr,
// str, hash and comparisons, and the generic attribute protocol (descriptors, instance dict).
#include <algorithm>
#include <cinttypes>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject object_type;

namespace {

TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_object()); }

bool excess_args(size_t nargs, Value kwnames) { return nargs != 0 || kw_count(kwnames) != 0; }

// "Can't instantiate abstract class C with abstract methods f, g"
Value abstract_error(TypeObject* type) {
  Ref methods = Ref::steal(get_attr(Value::object(type), KRAIT_NAME("__abstractmethods__")));
  if (!methods) return Value();
  Ref sorted = Ref::steal(list_from_iterable(methods.get()));
  if (!sorted || list_sort(sorted.get()) < 0) return Value();
  std::string names;
  for (size_t i = 0; i < list_size(sorted.get()); ++i) {
    Ref s = Ref::steal(str(list_get(sorted.get(), i)));
    if (!s) return Value();
    if (i) names += ", ";
    names += str_utf8(s.get());
  }
  size_t n = list_size(sorted.get());
  return raise_format(exc::TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                      type->qualname.c_str(), n == 1 ? "" : "s", names.c_str());
}

}  // namespace

Value object_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != &object_new_slot)
      return raise(exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->init == &object_init_slot)
      return raise_format(exc::TypeError, "%s() takes no arguments", type->name.c_str());
  }
  if (type->flags & TypeFlag::Abstract) return abstract_error(type);
  Object* object = allocate_object(type, type->basic_size);
  if (!object) return Value();
  if (type->flags & TypeFlag::HaveGc) gc_track(object);
  return Value::object(object);
}

int object_init_slot(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (excess_args(nargs, kwnames)) {
    TypeObject* type = type_of(self);
    if (type->init != &object_init_slot) {
      raise(exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == &object_new_slot) {
      raise_format(exc::TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                   type->name.c_str());
      return -1;
    }
  }
  return 0;
}

int64_t hash_not_implemented(Value self) {
  raise_format(exc::TypeError, "unhashable type: '%s'", value_type_name(self));
  return -1;
}

Value object_richcompare(Value left, Value right, CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      if (left.is(right)) return incref(true_value()), true_value();
      break;
    case CompareOp::Ne: {
      // The inverse of __eq__ when __eq__ gives an answer.
      RichCompareFunc eq = type_of(left)->richcompare;
      if (!eq) break;
      Value r = eq(left, right, CompareOp::Eq);
      if (r.is_null() || r.is(not_implemented())) return r;
      int t = is_true(r);
      decref(r);
      if (t < 0) return Value();
      return incref(bool_value(!t)), bool_value(!t);
    }
    default:
      break;
  }
  incref(not_implemented());
  return not_implemented();
}

namespace {

Value object_repr(Value self) {
  TypeObject* type = type_of(self);
  Ref module = Ref::steal(lookup_attr(Value::object(type), KRAIT_NAME("__module__")));
  if (!module && error_occurred()) return Value();
  char address[32];
  std::snprintf(address, sizeof address, "0x%" PRIxPTR, reinterpret_cast<uintptr_t>(self.as_object()));
  if (module && is_str(module.get()) && !str_equal_ascii(module.get(), "builtins"))
    return str_from_format("<%s.%s object at %s>", str_cstr(module.get()), type->qualname.c_str(), address);
  return str_from_format("<%s object at %s>", type->name.c_str(), address);
}

Value object_str(Value self) { return repr(self); }

int64_t object_hash(Value self) {
  if (!self.is_object()) return hash(self);
  return hash_pointer(self.as_object());
}

Value get_class(Value self) {
  TypeObject* t = type_of(self);
  incref(Value::object(t));
  return Value::object(t);
}

TypeObject* static_base_of(TypeObject* type) {
  while (type && (type->flags & TypeFlag::HeapType)) type = type->base;
  return type;
}

int set_class(Value self, Value value) {
  if (value.is_null()) {
    raise(exc::TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!value.is_object() || !is_subtype(type_of(value), &type_type)) {
    raise_format(exc::TypeError, "__class__ must be set to a class, not '%s' object", value_type_name(value));
    return -1;
  }
  TypeObject* old_type = type_of(self);
  TypeObject* new_type = as_type(value);
  // Modules may change between ModuleType and its subclasses (a module giving itself
  // properties, importlib.util.LazyLoader); other built-in types are immutable.
  bool modules = is_subtype(old_type, &module_type) && is_subtype(new_type, &module_type);
  if (!modules && (!(old_type->flags & TypeFlag::HeapType) || !(new_type->flags & TypeFlag::HeapType))) {
    raise(exc::TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (old_type->basic_size != new_type->basic_size || old_type->dict_offset != new_type->dict_offset ||
      static_base_of(old_type) != static_base_of(new_type)) {
    raise_format(exc::TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                 new_type->name.c_str(), old_type->name.c_str());
    return -1;
  }
  incref(value);
  self.as_object()->type = new_type;
  decref(Value::object(old_type));  // static types are immortal: counting them is harmless
  return 0;
}

Value object_format(Value self, Value spec) {
  if (!is_str(spec))
    return raise_format(exc::TypeError, "__format__() argument must be str, not %s", value_type_name(spec));
  if (str_length(spec) > 0)
    return raise_format(exc::TypeError, "unsupported format string passed to %s.__format__",
                        type_of(self)->name.c_str());
  return str(self);
}

Value object_init_subclass(Value cls) { return incref(none()), none(); }

Value object_subclasshook(Value cls, const Value*, size_t, Value) {
  return incref(not_implemented()), not_implemented();
}

Value object_dir(Value self) {
  Ref result = Ref::steal(dict_new());
  if (!result) return Value();
  if (Value* d = object_dict_address(self); d && *d && is_dict(*d))
    if (dict_merge(result.get(), *d, true) < 0) return Value();
  Ref cls = Ref::steal(lookup_attr(self, KRAIT_NAME("__class__")));
  if (!cls && error_occurred()) return Value();
  if (cls && is_subtype(type_of(cls.get()), &type_type)) {
    Value mro = as_type(cls.get())->mro;
    for (size_t i = 0; mro && i < tuple_size(mro); ++i)
      if (dict_merge(result.get(), as_type(tuple_get(mro, i))->dict, true) < 0) return Value();
  }
  return dict_keys_list(result.get());
}

Value object_sizeof(Value self) { return int_from_int64(int64_t(type_of(self)->basic_size)); }

const MethodDef object_methods[] = {
    {"__format__", (void*)object_format, MethodKind::OneArg},
    {"__init_subclass__", (void*)object_init_subclass, MethodKind::NoArgs, true},
    {"__subclasshook__", (void*)object_subclasshook, MethodKind::FastKeywords, true},
    {"__dir__", (void*)object_dir, MethodKind::NoArgs},
    {"__sizeof__", (void*)object_sizeof, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef object_getsets[] = {
    {"__class__", get_class, set_class},
    {nullptr, nullptr},
};

Value no_attribute(Value object, Value name) {
  return raise_format(exc::AttributeError, "'%s' object has no attribute '%s'", value_type_name(object),
                      str_cstr(name));
}

// The generic lookup; `raise_missing` false: absent attributes return null without an error.
Value generic_getattr(Value object, Value name, bool raise_missing) {
  if (!is_str_fast(name))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(name));
  TypeObject* type = type_of(object);
  Value descr = type_lookup(type, name);
  Ref keep;
  DescrGetFunc get = nullptr;
  if (descr) {
    keep = Ref::borrow(descr);
    TypeObject* dtype = type_of(descr);
    get = dtype->descr_get;
    if (get && dtype->descr_set) {
      Value r = get(descr, object, Value::object(type));
      if (r.is_null() && !raise_missing && error_matches(exc::AttributeError)) clear_error();
      return r;
    }
  }
  if (type->dict_offset != 0 && object.is_object()) {
    Value* slot = type->dict_offset > 0
                      ? reinterpret_cast<Value*>(reinterpret_cast<char*>(object.as_object()) + type->dict_offset)
                      : object_dict_address(object);
    Value dict = slot ? *slot : Value();
    if (dict) {
      Value v = dict_get_item(dict, name);
      if (v) {
        incref(v);
        return v;
      }
      if (error_occurred()) return Value();
    }
  }
  if (get) {
    Value r = get(descr, object, Value::object(type));
    if (r.is_null() && !raise_missing && error_matches(exc::AttributeError)) clear_error();
    return r;
  }
  if (descr) return keep.release();
  if (!raise_missing) return Value();
  return no_attribute(object, name);
}

}  // namespace

namespace {
// Where a heap subclass's own fields begin in an instance of a var-sized built-in base.
size_t end_of_variable_part(const TypeObject* native, const Object* object) {
  return (native->basic_size + native->var_bytes(object) + 7) & ~size_t(7);
}
}  // namespace

TypeObject* static_base(TypeObject* type) {
  while (type && (type->flags & TypeFlag::HeapType)) type = type->base;
  return type;
}

Value* instance_field(Object* object, ptrdiff_t offset) {
  if (offset > 0) return reinterpret_cast<Value*>(reinterpret_cast<char*>(object) + offset);
  if (offset == 0) return nullptr;
  TypeObject* native = static_base(object->type);
  if (!native || !native->var_bytes) return nullptr;
  size_t end = end_of_variable_part(native, object);
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(object) + end + size_t(-offset - 1));
}

size_t instance_size(TypeObject* type, size_t var_bytes) {
  TypeObject* native = static_base(type);
  if (native == type) return type->basic_size + var_bytes;
  size_t end = (native->basic_size + var_bytes + 7) & ~size_t(7);
  return end + (type->basic_size - native->basic_size);
}

Value* object_dict_address(Value object) {
  if (!object.is_object()) return nullptr;
  return instance_field(object.as_object(), object.as_object()->type->dict_offset);
}

Value object_get_dict(Value object) {
  Value* slot = object_dict_address(object);
  if (!slot) return raise(exc::AttributeError, "This object has no __dict__");
  if (slot->is_null()) {
    *slot = dict_new_instance();
    if (slot->is_null()) return Value();
  }
  incref(*slot);
  return *slot;
}

Value object_generic_getattr(Value object, Value name) { return generic_getattr(object, name, true); }

Value object_lookup_attr(Value object, Value name) { return generic_getattr(object, name, false); }

int object_generic_setattr(Value object, Value name, Value value) {
  if (!is_str_fast(name)) {
    raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(name));
    return -1;
  }
  TypeObject* type = type_of(object);
  Value descr = type_lookup(type, name);
  Ref keep;
  if (descr) {
    keep = Ref::borrow(descr);
    if (DescrSetFunc set = type_of(descr)->descr_set) return set(descr, object, value);
  }
  Value* slot = object_dict_address(object);
  if (!slot) {
    if (descr && value)
      raise_format(exc::AttributeError, "'%s' object attribute '%s' is read-only", type->name.c_str(), str_cstr(name));
    else
      no_attribute(object, name);
    return -1;
  }
  if (value.is_null()) {
    if (slot->is_null() || dict_del_item(*slot, name) < 0) {
      if (error_occurred() && !error_matches(exc::KeyError)) return -1;
      clear_error();
      no_attribute(object, name);
      return -1;
    }
    return 0;
  }
  if (slot->is_null()) {
    *slot = dict_new_instance();
    if (slot->is_null()) return -1;
  }
  // Attribute names are interned so that instance dicts stay str-keyed and lookups are fast.
  if (!str_is_interned(name) && is_str_exact(name)) {
    Ref key = Ref::steal(intern(Ref::borrow(name).release()));
    return dict_set_item(*slot, key.get(), value);
  }
  return dict_set_item(*slot, name, value);
}

void init_object_type() {
  init_static_type(&object_type, "object", nullptr, sizeof(Object));
  object_type.dealloc = dealloc_plain;
  object_type.new_ = object_new_slot;
  object_type.init = object_init_slot;
  object_type.repr = object_repr;
  object_type.str = object_str;
  object_type.hash = object_hash;
  object_type.richcompare = object_richcompare;
  object_type.getattro = object_generic_getattr;
  object_type.setattro = object_generic_setattr;
  add_methods(&object_type, object_methods);
  add_object_pickle_methods();  // object_reduce.cpp
  add_getsets(&object_type, object_getsets);
  type_ready(&object_type);
}

}  // namespace krait::runtime

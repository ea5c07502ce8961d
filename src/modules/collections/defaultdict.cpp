// collections.defaultdict: a dict subclass whose missing keys are filled by default_factory.
// The dict part is the runtime's dict (its slots are called for the inherited behaviour).
#include <string>

#include "modules/collections/collections_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::collections {

TypeObject defaultdict_type;

namespace {

struct DefaultDictObject : DictObject {
  Value default_factory;  // null: None
};

DefaultDictObject* as_defaultdict(Value v) { return static_cast<DefaultDictObject*>(v.as_object()); }
bool is_defaultdict(Value v) { return is_instance_of(v, &defaultdict_type); }
Value factory_or_none(Value self) {
  Value f = as_defaultdict(self)->default_factory;
  return f ? f : none();
}
// The factory, or null when there is none (unset or set to None).
Value factory_of(Value self) {
  Value f = as_defaultdict(self)->default_factory;
  return f.is(none()) ? Value() : f;
}

void defaultdict_clear(Object* self) {
  clear_value(static_cast<DefaultDictObject*>(self)->default_factory);
  dict_type.clear(self);
}
void defaultdict_dealloc(Object* self) {
  clear_value(static_cast<DefaultDictObject*>(self)->default_factory);
  dict_type.dealloc(self);
}
void defaultdict_traverse(Object* self, VisitFunc visit, void* context) {
  Value f = static_cast<DefaultDictObject*>(self)->default_factory;
  if (f.is_object()) visit(f, context);
  dict_type.traverse(self, visit, context);
}

// defaultdict(default_factory=None, /, *args, **kwargs): the rest goes to dict.__init__.
int defaultdict_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value factory;
  if (nargs > 0) {
    factory = args[0];
    if (!factory.is(none()) && !type_of(factory)->call) {
      raise(exc::TypeError, "first argument must be callable or None");
      return -1;
    }
    if (factory.is(none())) factory = Value();
  }
  DefaultDictObject* d = as_defaultdict(self);
  Value old = d->default_factory;
  d->default_factory = factory ? new_ref(factory) : Value();
  xdecref(old);
  if (nargs > 0) return dict_type.init(self, args + 1, nargs - 1, kwnames);
  return dict_type.init(self, args, 0, kwnames);
}

// __missing__(key): default_factory() stored under key, or KeyError without a factory.
Value defaultdict_missing(Value self, Value key) {
  Value factory = factory_of(self);
  if (!factory) return raise_key_error(key);
  Value value = call(factory, nullptr, 0);
  if (!value) return Value();
  if (set_item(self, key, value) < 0) {
    decref(value);
    return Value();
  }
  return value;
}

// d[key]: the dict lookup, then __missing__ (the subclass's own, if it overrides it).
Value defaultdict_subscript(Value self, Value key) {
  Value v = dict_get_item(self, key);
  if (v) return new_ref(v);
  if (error_occurred()) return Value();
  if (type_of(self) == &defaultdict_type) return defaultdict_missing(self, key);
  Ref missing = Ref::steal(lookup_special(self, "__missing__"));
  if (missing) return call_one_arg(missing.get(), key);
  if (error_occurred()) return Value();
  return raise_key_error(key);
}

// type(self)(default_factory, arg): copy() and the | operator call the class, as CPython.
Value new_like(Value self, Value arg) {
  Value args[2] = {factory_or_none(self), arg};
  return call(type_value(type_of(self)), args, 2);
}

Value defaultdict_copy(Value self) { return new_like(self, self); }

Value defaultdict_reduce(Value self) {
  Ref args = factory_of(self) ? Ref::steal(tuple_pack({factory_of(self)})) : Ref::steal(tuple_empty());
  if (!args) return Value();
  Ref items = Ref::steal(call_method(self, "items", nullptr, 0));
  if (!items) return Value();
  Ref it = Ref::steal(get_iter(items.get()));
  if (!it) return Value();
  return tuple_pack({type_value(type_of(self)), args.get(), none(), none(), it.get()});
}

Value defaultdict_repr(Value self) {
  Ref base = Ref::steal(dict_type.repr(self));
  if (!base) return Value();
  Value factory = factory_of(self);
  std::string factory_text = "None";
  if (factory) {
    int entered = coll::repr_enter(factory.as_object());
    if (entered < 0) return Value();
    if (entered > 0) {
      factory_text = "...";
    } else {
      factory_text = repr_utf8(factory);
      coll::repr_leave(factory.as_object());
      if (error_occurred()) return Value();
    }
  }
  std::string text = short_type_name(type_of(self)) + "(" + factory_text + ", " + str_to_utf8(base.get()) + ")";
  return str_from_utf8(text);
}

// a | b where either is a defaultdict: type(the defaultdict)(factory, a) updated with b.
Value defaultdict_or(Value left, Value right) {
  Value self = is_defaultdict(left) ? left : right;
  Value other = is_defaultdict(left) ? right : left;
  if (!is_dict(other)) return new_ref(not_implemented());
  Ref result = Ref::steal(new_like(self, left));
  if (!result) return Value();
  if (dict_merge(result.get(), right, true) < 0) return Value();
  return result.release();
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef defaultdict_methods[] = {
    M("__missing__", defaultdict_missing, OneArg),
    M("copy", defaultdict_copy, NoArgs),
    M("__copy__", defaultdict_copy, NoArgs),
    M("__reduce__", defaultdict_reduce, NoArgs),
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
const MemberDef defaultdict_members[] = {
    {"default_factory", MemberKind::ObjectNone, offsetof(DefaultDictObject, default_factory), false,
     "Factory for default value called by __missing__()."},
    {nullptr, MemberKind::Object, 0},
};
#pragma GCC diagnostic pop

}  // namespace

int init_defaultdict_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = defaultdict_type;
  init_native_type(t, "collections.defaultdict", sizeof(DefaultDictObject),
                   TypeFlag::HaveGc | TypeFlag::BaseType | TypeFlag::DictSubclass | TypeFlag::MatchMapping);
  t.base = &dict_type;
  t.init = defaultdict_init;
  t.dealloc = defaultdict_dealloc;
  t.traverse = defaultdict_traverse;
  t.clear = defaultdict_clear;
  t.repr = defaultdict_repr;
  t.mapping.subscript = defaultdict_subscript;
  t.number.or_ = defaultdict_or;
  add_methods(&t, defaultdict_methods);
  add_members(&t, defaultdict_members);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace krait::modules::collections

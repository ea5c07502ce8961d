// The _functools module: reduce, cmp_to_key (KeyWrapper objects) and partial. functools.py
// keeps its pure-Python _lru_cache_wrapper when this module has none.
//
// partial is called with the vectorcall convention: its stored arguments and the call's are
// laid out in one array (on the C++ stack when small), so a call builds no tuple; stored
// keywords are merged into a kwnames tuple only when there are some.
#include <string>
#include <vector>

#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject partial_type, keywrapper_type;

void init_functools_type(TypeObject& t, const char* name, size_t size, uint64_t flags) {
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = std::string("functools.") + name;
  t.qualname = name;
  t.base = &object_type;
  t.basic_size = size;
  t.flags = flags;
}

// --- reduce --------------------------------------------------------------------------------------

Value reduce_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("reduce", kwnames)) return Value();
  if (!check_positional("reduce", nargs, 2, 3)) return Value();
  Value function = args[0];
  Ref it = Ref::steal(get_iter(args[1]));
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise(exc::TypeError, "reduce() arg 2 must support iteration");
    }
    return Value();
  }
  Ref result = nargs == 3 ? Ref::borrow(args[2]) : Ref();
  UnaryFunc next = type_of(it.get())->iternext;
  for (;;) {
    Value item = next(it.get());
    if (!item) {
      if (error_occurred()) return Value();
      break;
    }
    if (!result) {
      result = Ref::steal(item);
      continue;
    }
    Value pair[2] = {result.get(), item};
    Value r = call(function, pair, 2);
    decref(item);
    if (!r) return Value();
    result = Ref::steal(r);
  }
  if (!result) return raise(exc::TypeError, "reduce() of empty iterable with no initial value");
  return result.release();
}

// --- cmp_to_key ----------------------------------------------------------------------------------

// cmp_to_key(f) returns a KeyWrapper with no object; calling it wraps an object, and wrapped
// objects compare by f(a, b) against 0.
struct KeyObject : Object {
  Value cmp;
  Value object;   // null for the factory
};

Value make_key(Value cmp, Value object) {
  auto* k = static_cast<KeyObject*>(allocate_object(&keywrapper_type, sizeof(KeyObject)));
  if (k == nullptr) return Value();
  k->cmp = new_ref(cmp);
  k->object = object ? new_ref(object) : Value();
  gc_track(k);
  return Value::object(k);
}

Value cmp_to_key_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  Value cmp;
  if (!match_arguments("cmp_to_key", args, nargs, kwnames, {"mycmp"}, 1, 1, &cmp)) return Value();
  return make_key(cmp, Value());
}

void key_clear(Object* self) {
  auto* k = static_cast<KeyObject*>(self);
  Value cmp = k->cmp, object = k->object;
  k->cmp = k->object = Value();
  xdecref(cmp);
  xdecref(object);
}
void key_dealloc(Object* self) {
  key_clear(self);
  free_object(self);
}
void key_traverse(Object* self, VisitFunc visit, void* context) {
  auto* k = static_cast<KeyObject*>(self);
  if (k->cmp.is_object()) visit(k->cmp, context);
  if (k->object.is_object()) visit(k->object, context);
}

Value key_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value object;
  if (!match_arguments("K", args, nargs, kwnames, {"obj"}, 1, 1, &object)) return Value();
  return make_key(static_cast<KeyObject*>(self.as_object())->cmp, object);
}

Value key_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(b) != type_of(a)) return raise(exc::TypeError, "other argument must be K instance");
  auto* x = static_cast<KeyObject*>(a.as_object());
  auto* y = static_cast<KeyObject*>(b.as_object());
  if (!x->object || !y->object) return raise(exc::AttributeError, "object");
  Value pair[2] = {x->object, y->object};
  Ref r = Ref::steal(call(x->cmp, pair, 2));
  if (!r) return Value();
  Value v = r.get();
  if (v.is_small_int()) {
    int64_t c = v.as_small_int();
    bool result = false;
    switch (op) {
      case CompareOp::Lt: result = c < 0; break;
      case CompareOp::Le: result = c <= 0; break;
      case CompareOp::Eq: result = c == 0; break;
      case CompareOp::Ne: result = c != 0; break;
      case CompareOp::Gt: result = c > 0; break;
      case CompareOp::Ge: result = c >= 0; break;
    }
    return new_ref(bool_value(result));
  }
  return rich_compare(v, Value::small_int(0), op);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
const MemberDef key_members[] = {
    {"obj", MemberKind::ObjectNone, offsetof(KeyObject, object), false, "Value wrapped by a key function."},
    {nullptr, MemberKind::Object, 0},
};
#pragma GCC diagnostic pop

// --- partial -------------------------------------------------------------------------------------

struct PartialObject : Object {
  Value fn;
  Value args;      // tuple
  Value kw;        // dict
  Value dict;      // __dict__ (null until used)
  Value weaklist;
};

PartialObject* as_partial(Value v) { return static_cast<PartialObject*>(v.as_object()); }
bool is_partial(Value v) { return is_instance_of(v, &partial_type); }

// A partial of `type`: fn with `pargs` (a tuple, may be null) then args[0..nargs); keywords
// from `pkw` (a dict, may be null) updated with `kw` (a dict, may be null).
Value partial_build(TypeObject* type, Value fn, Value pargs, const Value* args, size_t nargs, Value pkw, Value kw) {
  size_t np = pargs ? tuple_size(pargs) : 0;
  Ref all = Ref::steal(tuple_new(np + nargs));
  if (!all) return Value();
  for (size_t i = 0; i < np; ++i) tuple_items(all.get())[i] = new_ref(tuple_get(pargs, i));
  for (size_t i = 0; i < nargs; ++i) tuple_items(all.get())[np + i] = new_ref(args[i]);
  Ref keywords = Ref::steal(pkw ? dict_copy(pkw) : dict_new());
  if (!keywords) return Value();
  if (kw && dict_merge(keywords.get(), kw, true) < 0) return Value();
  auto* p = static_cast<PartialObject*>(allocate_object(type, type->basic_size));
  if (p == nullptr) return Value();
  p->fn = new_ref(fn);
  p->args = all.release();
  p->kw = keywords.release();
  gc_track(p);
  return Value::object(p);
}

Value partial_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "type 'partial' takes at least one argument");
  Value fn = args[0];
  Value pargs, pkw;
  // partial(partial(f, ...), ...) flattens, unless the inner one has a __dict__.
  if (is_partial(fn) && type_of(fn)->call == partial_type.call && !as_partial(fn)->dict) {
    pargs = as_partial(fn)->args;
    pkw = as_partial(fn)->kw;
    fn = as_partial(fn)->fn;
  }
  if (!type_of(fn)->call) return raise(exc::TypeError, "the first argument must be callable");
  Ref kw;
  size_t nkw = keyword_count(kwnames);
  if (nkw) {
    kw = Ref::steal(dict_new());
    if (!kw) return Value();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set_item(kw.get(), tuple_get(kwnames, k), args[nargs + k]) < 0) return Value();
  }
  return partial_build(type, fn, pargs, args + 1, nargs - 1, pkw, kw.get());
}

void partial_clear(Object* self) {
  auto* p = static_cast<PartialObject*>(self);
  Value fields[4] = {p->fn, p->args, p->kw, p->dict};
  p->fn = p->args = p->kw = p->dict = Value();
  for (Value v : fields) xdecref(v);
}
void partial_dealloc(Object* self) {
  partial_clear(self);
  free_object(self);
}
void partial_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<PartialObject*>(self);
  for (Value v : {p->fn, p->args, p->kw, p->dict})
    if (v.is_object()) visit(v, context);
}

Value partial_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  PartialObject* p = as_partial(self);
  size_t np = tuple_size(p->args);
  size_t nkw = keyword_count(kwnames);
  size_t nstored = dict_size(p->kw);
  if (np == 0 && nstored == 0) return call(p->fn, args, nargs, kwnames);
  Ref merged_names;
  std::vector<Ref> merged_values;
  if (nstored > 0) {
    // Stored keywords, overridden by the call's: one kwnames tuple for both.
    Ref kw = Ref::steal(dict_copy(p->kw));
    if (!kw) return Value();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set_item(kw.get(), tuple_get(kwnames, k), args[nargs + k]) < 0) return Value();
    size_t n = dict_size(kw.get());
    merged_names = Ref::steal(tuple_new(n));
    if (!merged_names) return Value();
    merged_values.reserve(n);
    size_t pos = 0, i = 0;
    Value key, value;
    while (dict_next(kw.get(), &pos, &key, &value)) {
      tuple_items(merged_names.get())[i++] = new_ref(key);
      merged_values.push_back(Ref::borrow(value));
    }
    nkw = n;
  }
  size_t total = np + nargs + nkw;
  Value small[16];
  std::vector<Value> big;
  Value* stack = small;
  if (total > 16) {
    big.resize(total);
    stack = big.data();
  }
  for (size_t i = 0; i < np; ++i) stack[i] = tuple_get(p->args, i);
  for (size_t i = 0; i < nargs; ++i) stack[np + i] = args[i];
  if (merged_names) {
    for (size_t k = 0; k < nkw; ++k) stack[np + nargs + k] = merged_values[k].get();
    return call(p->fn, stack, np + nargs, merged_names.get());
  }
  for (size_t k = 0; k < nkw; ++k) stack[np + nargs + k] = args[nargs + k];
  return call(p->fn, stack, np + nargs, kwnames);
}

Value partial_repr(Value self) {
  PartialObject* p = as_partial(self);
  int entered = coll::repr_enter(self.as_object());
  if (entered < 0) return Value();
  if (entered > 0) return str_from_ascii("...");
  // Hold the parts: a repr may run code that changes the partial.
  Ref fn = Ref::borrow(p->fn), args = Ref::borrow(p->args), kw = Ref::borrow(p->kw);
  std::string text = type_of(self)->name + "(" + repr_utf8(fn.get());
  for (size_t i = 0; i < tuple_size(args.get()) && !error_occurred(); ++i)
    text += ", " + repr_utf8(tuple_get(args.get(), i));
  size_t pos = 0;
  Value key, value;
  while (!error_occurred() && dict_next(kw.get(), &pos, &key, &value)) {
    Ref k = Ref::steal(runtime::str(key));
    if (!k) break;
    text += ", " + str_to_utf8(k.get()) + "=" + repr_utf8(value);
  }
  coll::repr_leave(self.as_object());
  if (error_occurred()) return Value();
  return str_from_utf8(text + ")");
}

Value partial_reduce(Value self) {
  PartialObject* p = as_partial(self);
  Ref args = Ref::steal(tuple_pack({p->fn}));
  Ref state = Ref::steal(tuple_pack({p->fn, p->args, p->kw, p->dict ? p->dict : none()}));
  if (!args || !state) return Value();
  return tuple_pack({Value::object(type_of(self)), args.get(), state.get()});
}

Value partial_setstate(Value self, Value state) {
  if (!is_tuple(state) || tuple_size(state) != 4) return raise(exc::TypeError, "invalid partial state");
  Value fn = tuple_get(state, 0), fnargs = tuple_get(state, 1), kw = tuple_get(state, 2), dict = tuple_get(state, 3);
  if (!type_of(fn)->call || !is_tuple(fnargs) || (!kw.is(none()) && !is_dict(kw)))
    return raise(exc::TypeError, "invalid partial state");
  Ref args = Ref::steal(tuple_from_array(tuple_items(fnargs), tuple_size(fnargs)));
  Ref keywords = Ref::steal(kw.is(none()) ? dict_new() : dict_copy(kw));
  if (!args || !keywords) return Value();
  PartialObject* p = as_partial(self);
  Value old[4] = {p->fn, p->args, p->kw, p->dict};
  p->fn = new_ref(fn);
  p->args = args.release();
  p->kw = keywords.release();
  p->dict = dict.is(none()) ? Value() : new_ref(dict);
  for (Value v : old) xdecref(v);
  return new_ref(none());
}

Value partial_class_getitem(Value, Value) {
  return raise(exc::NotImplementedError, "not implemented: partial[...] (types.GenericAlias)");
}

Value partial_get_dict(Value self) { return object_get_dict(self); }
int partial_set_dict(Value self, Value value) {
  if (!value) {
    raise(exc::TypeError, "a partial object's dictionary may not be deleted");
    return -1;
  }
  if (!is_dict(value)) {
    raise(exc::TypeError, "setting partial object's dictionary to a non-dict");
    return -1;
  }
  PartialObject* p = as_partial(self);
  Value old = p->dict;
  p->dict = new_ref(value);
  xdecref(old);
  return 0;
}

const MethodDef partial_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&partial_reduce), MethodKind::NoArgs},
    {"__setstate__", reinterpret_cast<void*>(&partial_setstate), MethodKind::OneArg},
    {"__class_getitem__", reinterpret_cast<void*>(&partial_class_getitem), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef partial_getsets[] = {
    {"__dict__", partial_get_dict, partial_set_dict},
    {nullptr, nullptr},
};
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
const MemberDef partial_members[] = {
    {"func", MemberKind::Object, offsetof(PartialObject, fn), true, "function object to use in future partial calls"},
    {"args", MemberKind::Object, offsetof(PartialObject, args), true, "tuple of arguments to future partial calls"},
    {"keywords", MemberKind::Object, offsetof(PartialObject, kw), true,
     "dictionary of keyword arguments to future partial calls"},
    {nullptr, MemberKind::Object, 0},
};
#pragma GCC diagnostic pop

const MethodDef functools_functions[] = {
    {"reduce", reinterpret_cast<void*>(&reduce_fn), MethodKind::FastKeywords},
    {"cmp_to_key", reinterpret_cast<void*>(&cmp_to_key_fn), MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  init_functools_type(partial_type, "partial", sizeof(PartialObject), TypeFlag::HaveGc | TypeFlag::BaseType);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  partial_type.dict_offset = offsetof(PartialObject, dict);
  partial_type.weaklist_offset = offsetof(PartialObject, weaklist);
#pragma GCC diagnostic pop
  partial_type.new_ = partial_new;
  partial_type.call = partial_call;
  partial_type.repr = partial_repr;
  partial_type.dealloc = partial_dealloc;
  partial_type.traverse = partial_traverse;
  partial_type.clear = partial_clear;
  partial_type.getattro = object_generic_getattr;
  partial_type.setattro = object_generic_setattr;
  add_methods(&partial_type, partial_methods);
  add_getsets(&partial_type, partial_getsets);
  add_members(&partial_type, partial_members);

  init_functools_type(keywrapper_type, "KeyWrapper", sizeof(KeyObject), TypeFlag::HaveGc);
  keywrapper_type.call = key_call;
  keywrapper_type.richcompare = key_richcompare;
  keywrapper_type.dealloc = key_dealloc;
  keywrapper_type.traverse = key_traverse;
  keywrapper_type.clear = key_clear;
  add_members(&keywrapper_type, key_members);

  for (TypeObject* t : {&partial_type, &keywrapper_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

Value make_partial(Value func, const Value* args, size_t nargs, Value kwargs) {
  if (ready_types() < 0) return Value();
  return partial_build(&partial_type, func, Value(), args, nargs, Value(), kwargs);
}

Value create_functools_module() {
  if (ready_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_functools"));
  if (!module) return Value();
  if (module_add_functions(module.get(), functools_functions) < 0) return Value();
  if (module_add(module.get(), "partial", Value::object(&partial_type)) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules

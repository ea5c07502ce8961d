// The iterator types of builtins: enumerate, zip, map, filter, reversed.
#include <string>
#include <vector>

#include "modules/builtins_internal.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/exceptions.h"
#include "vm/eval_helpers.h"

namespace krait::modules {

using namespace runtime;

namespace {

// One layout serves all five: an iterator or tuple of iterators, a function, a counter.
struct BuiltinIterObject : Object {
  Value it;       // enumerate/filter: the iterator; zip/map: a tuple of iterators; reversed: the sequence
  Value func;     // map/filter: the function (filter: may be None)
  Value count;    // enumerate: the next index (an int)
  int64_t index;  // reversed: the next index (-1 when exhausted)
  bool strict;    // zip(strict=True)
};

TypeObject enumerate_type, zip_type, map_type, filter_type, reversed_type;

BuiltinIterObject* as_bi(Value v) { return static_cast<BuiltinIterObject*>(v.as_object()); }

void bi_dealloc(Object* self) {
  auto* o = static_cast<BuiltinIterObject*>(self);
  gc_untrack(self);
  xdecref(o->it);
  xdecref(o->func);
  xdecref(o->count);
  free_object(self);
}
void bi_traverse(Object* self, VisitFunc visit, void* context) {
  auto* o = static_cast<BuiltinIterObject*>(self);
  if (o->it) visit(o->it, context);
  if (o->func) visit(o->func, context);
  if (o->count) visit(o->count, context);
}
void bi_clear(Object* self) {
  auto* o = static_cast<BuiltinIterObject*>(self);
  Value a = o->it, b = o->func, c = o->count;
  o->it = o->func = o->count = Value();
  xdecref(a);
  xdecref(b);
  xdecref(c);
}
Value self_iter(Value self) {
  incref(self);
  return self;
}

BuiltinIterObject* alloc(TypeObject* type) {
  Object* memory = allocate_object(type, type->basic_size);
  return static_cast<BuiltinIterObject*>(memory);
}

bool no_kw(const char* name, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// --- enumerate ------------------------------------------------------------------------------
Value enumerate_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value iterable, start;
  if (nargs > 0) iterable = args[0];
  if (nargs > 1) start = args[1];
  if (nargs > 2) return raise_format(exc::TypeError, "enumerate() takes at most 2 arguments (%zu given)", nargs);
  for (size_t k = 0; kwnames && k < tuple_size(kwnames); ++k) {
    Value key = tuple_get(kwnames, k);
    if (str_equal_ascii(key, "iterable") && !iterable) iterable = args[nargs + k];
    else if (str_equal_ascii(key, "start") && !start) start = args[nargs + k];
    else return raise_format(exc::TypeError, "'%s' is an invalid keyword argument for enumerate()", str_cstr(key));
  }
  if (!iterable) return raise(exc::TypeError, "enumerate() missing required argument 'iterable' (pos 1)");
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return Value();
  Ref count;
  if (start) {
    count = Ref::steal(number_index(start));
    if (!count) return Value();
  } else {
    count = Ref::steal(Value::small_int(0));
  }
  BuiltinIterObject* o = alloc(type);
  if (!o) return Value();
  o->it = it.release();
  o->count = count.release();
  gc_track(o);
  return Value::object(o);
}
Value enumerate_next(Value self) {
  BuiltinIterObject* o = as_bi(self);
  Value item = iter_next(o->it);
  if (!item) return Value();
  Value index = o->count;
  Value next = index.is_small_int() ? int_from_int64(index.as_small_int() + 1)
                                    : binary_op(index, Value::small_int(1), BinaryOp::Add);
  if (!next) {
    decref(item);
    return Value();
  }
  o->count = next;
  Value t = tuple_new(2);
  tuple_items(t)[0] = index;  // the reference moves into the tuple
  tuple_items(t)[1] = item;
  return t;
}

// --- zip --------------------------------------------------------------------------------------
Value zip_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  for (size_t k = 0; kwnames && k < tuple_size(kwnames); ++k) {
    Value key = tuple_get(kwnames, k);
    if (!str_equal_ascii(key, "strict"))
      return raise_format(exc::TypeError, "'%s' is an invalid keyword argument for zip()", str_cstr(key));
    int t = is_true(args[nargs + k]);
    if (t < 0) return Value();
    strict = t;
  }
  Ref its = Ref::steal(tuple_new(nargs));
  if (!its) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    Value it = get_iter(args[i]);
    if (!it) return Value();
    tuple_items(its.get())[i] = it;
  }
  BuiltinIterObject* o = alloc(type);
  if (!o) return Value();
  o->it = its.release();
  o->strict = strict;
  gc_track(o);
  return Value::object(o);
}
Value zip_next(Value self) {
  BuiltinIterObject* o = as_bi(self);
  size_t n = tuple_size(o->it);
  if (n == 0) return Value();
  Ref t = Ref::steal(tuple_new(n));
  for (size_t i = 0; i < n; ++i) {
    Value item = iter_next(tuple_get(o->it, i));
    if (!item) {
      if (error_occurred() || !o->strict) return Value();
      if (i > 0) {
        const char* plural = i == 1 ? " " : "s 1-";
        return raise_format(exc::ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1, plural, i);
      }
      for (size_t j = 1; j < n; ++j) {
        Value extra = iter_next(tuple_get(o->it, j));
        if (extra) {
          decref(extra);
          const char* plural = j == 1 ? " " : "s 1-";
          return raise_format(exc::ValueError, "zip() argument %zu is longer than argument%s%zu", j + 1, plural, j);
        }
        if (error_occurred()) return Value();
      }
      return Value();
    }
    tuple_items(t.get())[i] = item;
  }
  return t.release();
}

// --- map --------------------------------------------------------------------------------------
Value map_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &map_type && !no_kw("map", kwnames)) return Value();
  if (nargs < 2) return raise(exc::TypeError, "map() must have at least two arguments.");
  Ref its = Ref::steal(tuple_new(nargs - 1));
  for (size_t i = 1; i < nargs; ++i) {
    Value it = get_iter(args[i]);
    if (!it) return Value();
    tuple_items(its.get())[i - 1] = it;
  }
  BuiltinIterObject* o = alloc(type);
  if (!o) return Value();
  o->it = its.release();
  incref(args[0]);
  o->func = args[0];
  gc_track(o);
  return Value::object(o);
}
Value map_next(Value self) {
  BuiltinIterObject* o = as_bi(self);
  size_t n = tuple_size(o->it);
  Value small[8];
  std::vector<Value> big;
  Value* items = small;
  if (n > 8) {
    big.resize(n);
    items = big.data();
  }
  for (size_t i = 0; i < n; ++i) {
    items[i] = iter_next(tuple_get(o->it, i));
    if (!items[i]) {
      for (size_t j = 0; j < i; ++j) decref(items[j]);
      return Value();
    }
  }
  Value r = call(o->func, items, n);
  for (size_t i = 0; i < n; ++i) decref(items[i]);
  return r;
}

// --- filter -----------------------------------------------------------------------------------
Value filter_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &filter_type && !no_kw("filter", kwnames)) return Value();
  if (nargs != 2) return raise_format(exc::TypeError, "filter expected 2 arguments, got %zu", nargs);
  Value it = get_iter(args[1]);
  if (!it) return Value();
  BuiltinIterObject* o = alloc(type);
  if (!o) {
    decref(it);
    return Value();
  }
  o->it = it;
  incref(args[0]);
  o->func = args[0];
  gc_track(o);
  return Value::object(o);
}
Value filter_next(Value self) {
  BuiltinIterObject* o = as_bi(self);
  bool plain = o->func.is(none()) || o->func.is(Value::object(&bool_type));
  while (true) {
    Value item = iter_next(o->it);
    if (!item) return Value();
    int ok;
    if (plain) {
      ok = is_true(item);
    } else {
      Value r = call_one_arg(o->func, item);
      if (!r) {
        decref(item);
        return Value();
      }
      ok = is_true(r);
      decref(r);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return Value();
  }
}

// --- reversed ---------------------------------------------------------------------------------
Value reversed_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &reversed_type && !no_kw("reversed", kwnames)) return Value();
  if (nargs != 1) return raise_format(exc::TypeError, "reversed expected 1 argument, got %zu", nargs);
  Value seq = args[0];
  Ref method = Ref::steal(lookup_special(seq, "__reversed__"));
  if (method) {
    if (method.get().is(none()))
      return raise_format(exc::TypeError, "'%s' object is not reversible", type_of(seq)->name.c_str());
    return call_no_args(method.get());
  }
  if (error_occurred()) return Value();
  TypeObject* t = type_of(seq);
  Ref getitem = Ref::steal(lookup_special(seq, "__getitem__"));
  clear_error();
  if (!getitem || is_subtype(t, &dict_type))
    return raise_format(exc::TypeError, "'%s' object is not reversible", t->name.c_str());
  int64_t n = length(seq);
  if (n < 0) return Value();
  BuiltinIterObject* o = alloc(type);
  if (!o) return Value();
  incref(seq);
  o->it = seq;
  o->index = n - 1;
  gc_track(o);
  return Value::object(o);
}
Value reversed_next(Value self) {
  BuiltinIterObject* o = as_bi(self);
  if (o->index < 0 || !o->it) return Value();
  Ref index = Ref::steal(int_from_int64(o->index));
  Value item = get_item(o->it, index.get());
  if (!item) {
    if (error_matches(exc::IndexError) || error_matches(exc::StopIteration)) clear_error();
    o->index = -1;
    return Value();
  }
  --o->index;
  return item;
}

// --- pickling: __reduce__, __setstate__, __length_hint__ ----------------------------------------
Value type_value(Value self) { return Value::object(type_of(self)); }

Value enumerate_reduce(Value self) {
  BuiltinIterObject* o = as_bi(self);
  Ref args = Ref::steal(tuple_pack({o->it, o->count}));
  if (!args) return Value();
  return tuple_pack({type_value(self), args.get()});
}
// (zip, iterators) or, for zip(strict=True), (zip, iterators, True).
Value zip_reduce(Value self) {
  BuiltinIterObject* o = as_bi(self);
  if (o->strict) return tuple_pack({type_value(self), o->it, true_value()});
  return tuple_pack({type_value(self), o->it});
}
Value zip_setstate(Value self, Value state) {
  int t = is_true(state);
  if (t < 0) return Value();
  as_bi(self)->strict = t;
  return incref(none()), none();
}
// (map, (func, *iterators)).
Value map_reduce(Value self) {
  BuiltinIterObject* o = as_bi(self);
  size_t n = tuple_size(o->it);
  std::vector<Value> items{o->func};
  for (size_t i = 0; i < n; ++i) items.push_back(tuple_get(o->it, i));
  Ref args = Ref::steal(tuple_from_array(items.data(), items.size()));
  if (!args) return Value();
  return tuple_pack({type_value(self), args.get()});
}
Value filter_reduce(Value self) {
  BuiltinIterObject* o = as_bi(self);
  Ref args = Ref::steal(tuple_pack({o->func, o->it}));
  if (!args) return Value();
  return tuple_pack({type_value(self), args.get()});
}
// (reversed, (seq,), index), or (reversed, ((),)) once exhausted.
Value reversed_reduce(Value self) {
  BuiltinIterObject* o = as_bi(self);
  if (o->index < 0 || !o->it) {
    Ref empty = Ref::steal(tuple_empty());
    Ref args = Ref::steal(tuple_pack({empty.get()}));
    if (!args) return Value();
    return tuple_pack({type_value(self), args.get()});
  }
  Ref args = Ref::steal(tuple_pack({o->it}));
  Ref index = Ref::steal(int_from_int64(o->index));
  if (!args || !index) return Value();
  return tuple_pack({type_value(self), args.get(), index.get()});
}
Value reversed_setstate(Value self, Value state) {
  if (!is_int(state)) return raise(exc::TypeError, "an integer is required");
  int64_t index = as_ssize(state);
  if (index == -1 && error_occurred()) return Value();
  BuiltinIterObject* o = as_bi(self);
  if (o->it && o->index >= 0) {
    int64_t n = length(o->it);
    if (n < 0) return Value();
    if (index < -1) index = -1;
    else if (index > n - 1) index = n - 1;
    o->index = index;
  }
  return incref(none()), none();
}
Value reversed_length_hint(Value self) {
  BuiltinIterObject* o = as_bi(self);
  if (o->index < 0 || !o->it) return int_from_int64(0);
  int64_t n = length(o->it);
  if (n < 0) return Value();
  int64_t position = o->index + 1;
  return int_from_int64(n < position ? 0 : position);
}

const MethodDef kEnumerateMethods[] = {{"__reduce__", (void*)enumerate_reduce, MethodKind::NoArgs},
                                       {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef kZipMethods[] = {{"__reduce__", (void*)zip_reduce, MethodKind::NoArgs},
                                 {"__setstate__", (void*)zip_setstate, MethodKind::OneArg},
                                 {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef kMapMethods[] = {{"__reduce__", (void*)map_reduce, MethodKind::NoArgs},
                                 {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef kFilterMethods[] = {{"__reduce__", (void*)filter_reduce, MethodKind::NoArgs},
                                    {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef kReversedMethods[] = {{"__reduce__", (void*)reversed_reduce, MethodKind::NoArgs},
                                      {"__setstate__", (void*)reversed_setstate, MethodKind::OneArg},
                                      {"__length_hint__", (void*)reversed_length_hint, MethodKind::NoArgs},
                                      {nullptr, nullptr, MethodKind::NoArgs}};

// --- anext(iterator, default): an awaitable that turns StopAsyncIteration into the default ----
struct AnextAwaitable : Object {
  Value wrapped;   // what __anext__ returned
  Value it;        // its awaitable iterator, once started
  Value default_;
};
TypeObject anext_awaitable_type;

void anext_dealloc(Object* self) {
  auto* a = static_cast<AnextAwaitable*>(self);
  xdecref(a->wrapped);
  xdecref(a->it);
  xdecref(a->default_);
  free_object(self);
}

Value anext_result(AnextAwaitable* a, Value r, Value returned) {
  if (r) return r;
  if (returned) {
    Value e = call_one_arg(Value::object(exc::StopIteration), returned);
    decref(returned);
    if (e) {
      set_exception(e);
      decref(e);
    }
    return Value();
  }
  if (error_matches(exc::StopAsyncIteration)) {
    clear_error();
    Value e = call_one_arg(Value::object(exc::StopIteration), a->default_);
    if (e) {
      set_exception(e);
      decref(e);
    }
  }
  return Value();
}

Value anext_send(Value self, Value arg) {
  auto* a = static_cast<AnextAwaitable*>(self.as_object());
  if (!a->it) {
    a->it = vm::get_awaitable(a->wrapped, 0);
    if (!a->it) return Value();
  }
  Value returned;
  Value r = vm::send_to(a->it, arg ? arg : none(), &returned);
  return anext_result(a, r, returned);
}
Value anext_next(Value self) { return anext_send(self, none()); }
Value anext_throw(Value self, const Value* args, size_t nargs) {
  auto* a = static_cast<AnextAwaitable*>(self.as_object());
  if (!a->it) {
    a->it = vm::get_awaitable(a->wrapped, 0);
    if (!a->it) return Value();
  }
  Value r = call_method(a->it, "throw", args, nargs);
  return anext_result(a, r, Value());
}
Value anext_self(Value self) {
  incref(self);
  return self;
}
const MethodDef kAnextMethods[] = {{"send", (void*)anext_send, MethodKind::OneArg},
                                   {"throw", (void*)anext_throw, MethodKind::Fast},
                                   {"__await__", (void*)anext_self, MethodKind::NoArgs},
                                   {nullptr, nullptr, MethodKind::NoArgs}};

Value builtin_aiter(Value, Value v) {
  Ref method = Ref::steal(lookup_special(v, "__aiter__"));
  if (!method) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "'%s' object is not an async iterable", type_of(v)->name.c_str());
  }
  Value it = call_no_args(method.get());
  if (!it) return Value();
  Ref anext = Ref::steal(lookup_special(it, "__anext__"));
  if (!anext) {
    TypeObject* t = type_of(it);
    decref(it);
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "aiter() returned not an async iterator of type '%s'", t->name.c_str());
  }
  return it;
}

Value builtin_anext(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2) return raise_format(exc::TypeError, "anext expected at least 1 argument, got %zu", nargs);
  Ref method = Ref::steal(lookup_special(args[0], "__anext__"));
  if (!method) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "'%s' object is not an async iterator", type_of(args[0])->name.c_str());
  }
  Value awaitable = call_no_args(method.get());
  if (!awaitable || nargs == 1) return awaitable;
  auto* a = new_object<AnextAwaitable>(&anext_awaitable_type);
  if (!a) {
    decref(awaitable);
    return Value();
  }
  a->wrapped = awaitable;
  a->it = Value();
  incref(args[1]);
  a->default_ = args[1];
  return Value::object(a);
}

const MethodDef kAsyncBuiltins[] = {{"aiter", (void*)builtin_aiter, MethodKind::OneArg},
                                    {"anext", (void*)builtin_anext, MethodKind::Fast},
                                    {nullptr, nullptr, MethodKind::NoArgs}};

void init_type(TypeObject* t, const char* name, NewFunc new_, UnaryFunc next) {
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = name;
  t->basic_size = sizeof(BuiltinIterObject);
  t->TypeObject::flags = TypeFlag::HaveGc | TypeFlag::BaseType;
  t->dealloc = bi_dealloc;
  t->traverse = bi_traverse;
  t->clear = bi_clear;
  t->new_ = new_;
  t->iter = self_iter;
  t->iternext = next;
}

}  // namespace

int init_builtin_iterators(Value builtins) {
  struct {
    TypeObject* type;
    const char* name;
    NewFunc new_;
    UnaryFunc next;
    const MethodDef* methods;
  } specs[] = {{&enumerate_type, "enumerate", enumerate_new, enumerate_next, kEnumerateMethods},
               {&zip_type, "zip", zip_new, zip_next, kZipMethods},
               {&map_type, "map", map_new, map_next, kMapMethods},
               {&filter_type, "filter", filter_new, filter_next, kFilterMethods},
               {&reversed_type, "reversed", reversed_new, reversed_next, kReversedMethods}};
  for (auto& s : specs) {
    init_type(s.type, s.name, s.new_, s.next);
    add_methods(s.type, s.methods);
    if (s.type == &enumerate_type) add_methods(s.type, kClassGetItemMethod);
    if (type_ready(s.type) < 0) return -1;
    if (module_add(builtins, s.name, Value::object(s.type)) < 0) return -1;
  }
  TypeObject* t = &anext_awaitable_type;
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = "anext_awaitable";
  t->basic_size = sizeof(AnextAwaitable);
  t->dealloc = anext_dealloc;
  t->iter = anext_self;
  t->iternext = anext_next;
  add_methods(t, kAnextMethods);
  if (type_ready(t) < 0) return -1;
  return module_add_functions(builtins, kAsyncBuiltins);
}

}  // namespace krait::modules

// itertools: count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
// filterfalse, starmap. Each iterator keeps its state in plain fields; `next` returns null
// without an error at the end (the iternext contract), never a StopIteration object.
#include <string>

#include "modules/itertools/itertools_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/complex.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::itertools {

namespace {

TypeObject count_type, cycle_type, repeat_type, accumulate_type, chain_type, compress_type,
    dropwhile_type, takewhile_type, filterfalse_type, starmap_type;

bool is_exact(Value self, TypeObject* type) { return type_of(self) == type; }

// --- count ---------------------------------------------------------------------------------------

// count(start=0, step=1). As CPython, an int start that fits int64 with a step of int 1 is the
// "fast mode": the start is normalized to an exact int (count(True) yields 1) and __reduce__
// leaves the step out.
struct CountObject : Object {
  Value cnt;
  Value step;
  bool fast;
};

CountObject* as_count(Value v) { return static_cast<CountObject*>(v.as_object()); }

// PyNumber_Check: something int(), float() or complex() can take.
bool is_number(Value v) {
  TypeObject* t = type_of(v);
  return t->number.index || t->number.int_ || t->number.float_ || is_subtype(t, &complex_type);
}

bool is_int_one(Value v) {
  if (v.is_small_int()) return v.as_small_int() == 1;
  if (!is_int(v)) return false;
  int64_t x;
  return int_to_int64(v, &x) && x == 1;
}

Value count_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("count", args, nargs, kwnames, {"start", "step"}, 2, 0, a)) return Value();
  if ((a[0] && !is_number(a[0])) || (a[1] && !is_number(a[1])))
    return raise(exc::TypeError, "a number is required");
  Value start = a[0] ? a[0] : Value::small_int(0);
  Value step = a[1] ? a[1] : Value::small_int(1);
  int64_t start64 = 0;
  bool fast = is_int(start) && int_to_int64(start, &start64) && is_int_one(step);
  CountObject* c = allocate<CountObject>(type);
  if (c == nullptr) return Value();
  c->cnt = fast ? int_from_int64(start64) : new_ref(start);
  c->step = fast ? Value::small_int(1) : new_ref(step);
  c->fast = fast;
  gc_track(c);
  return Value::object(c);
}

void count_clear(Object* self) {
  auto* c = static_cast<CountObject*>(self);
  clear_field(c->cnt);
  clear_field(c->step);
}
void count_dealloc(Object* self) {
  count_clear(self);
  free_object(self);
}
void count_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<CountObject*>(self);
  visit_field(c->cnt, visit, context);
  visit_field(c->step, visit, context);
}

Value count_next(Value self) {
  CountObject* c = as_count(self);
  Value current = c->cnt;
  Value next;
  if (current.is_small_int() && c->step.is_small_int()) {
    int64_t sum = current.as_small_int() + c->step.as_small_int();  // both below 2^47: no overflow
    next = Value::fits_small_int(sum) ? Value::small_int(sum) : int_from_int64(sum);
  } else {
    next = binary_op(current, c->step, BinaryOp::Add);
  }
  if (!next) return Value();
  c->cnt = next;
  return current;  // the reference the iterator held
}

Value count_repr(Value self) {
  CountObject* c = as_count(self);
  std::string text = short_type_name(type_of(self)) + "(" + repr_utf8(c->cnt);
  if (error_occurred()) return Value();
  if (!(is_int(c->step) && is_int_one(c->step))) {
    text += ", " + repr_utf8(c->step);
    if (error_occurred()) return Value();
  }
  return str_from_utf8(text + ")");
}

Value count_reduce(Value self) {
  CountObject* c = as_count(self);
  Ref args = Ref::steal(c->fast ? tuple_pack({c->cnt}) : tuple_pack({c->cnt, c->step}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get()});
}

const MethodDef count_methods[] = {
    {"__reduce__", (void*)count_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- cycle ---------------------------------------------------------------------------------------

struct CycleObject : Object {
  Value it;      // the source iterator, null once exhausted
  Value saved;   // a list of the items seen on the first pass
  int64_t index;
  bool firstpass;
};

CycleObject* as_cycle(Value v) { return static_cast<CycleObject*>(v.as_object()); }

Value cycle_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (keywords_checked(type, &cycle_type) && !check_no_keywords("cycle", kwnames)) return Value();
  if (!check_positional("cycle", nargs, 1, 1)) return Value();
  Ref it = Ref::steal(get_iter(args[0]));
  if (!it) return Value();
  Ref saved = Ref::steal(list_new(0));
  if (!saved) return Value();
  CycleObject* c = allocate<CycleObject>(type);
  if (c == nullptr) return Value();
  c->it = it.release();
  c->saved = saved.release();
  gc_track(c);
  return Value::object(c);
}

void cycle_clear(Object* self) {
  auto* c = static_cast<CycleObject*>(self);
  clear_field(c->it);
  clear_field(c->saved);
}
void cycle_dealloc(Object* self) {
  cycle_clear(self);
  free_object(self);
}
void cycle_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<CycleObject*>(self);
  visit_field(c->it, visit, context);
  visit_field(c->saved, visit, context);
}

Value cycle_next(Value self) {
  CycleObject* c = as_cycle(self);
  if (c->it) {
    Value item = iter_next(c->it);
    if (item) {
      if (c->firstpass) return item;
      if (list_append(c->saved, item) < 0) {
        decref(item);
        return Value();
      }
      return item;
    }
    if (error_occurred()) return Value();
    clear_field(c->it);
  }
  size_t n = list_size(c->saved);
  if (n == 0) return Value();
  if (static_cast<size_t>(c->index) >= n) c->index = 0;  // __setstate__ may have shrunk the list
  Value item = list_get(c->saved, static_cast<size_t>(c->index));
  if (static_cast<size_t>(++c->index) >= n) c->index = 0;
  return new_ref(item);
}

Value cycle_reduce(Value self) {
  CycleObject* c = as_cycle(self);
  Value type = type_value(type_of(self));
  if (!c->it) {
    Ref it = Ref::steal(get_iter(c->saved));
    if (!it) return Value();
    if (c->index != 0) {
      Value index = Value::small_int(c->index);
      Ref r = Ref::steal(call_method(it.get(), "__setstate__", &index, 1));
      if (!r) return Value();
    }
    Ref args = Ref::steal(tuple_pack({it.get()}));
    Ref state = Ref::steal(tuple_pack({c->saved, true_value()}));
    if (!args || !state) return Value();
    return tuple_pack({type, args.get(), state.get()});
  }
  Ref args = Ref::steal(tuple_pack({c->it}));
  Ref state = Ref::steal(tuple_pack({c->saved, bool_value(c->firstpass)}));
  if (!args || !state) return Value();
  return tuple_pack({type, args.get(), state.get()});
}

Value cycle_setstate(Value self, Value state) {
  if (!is_tuple(state)) return raise(exc::TypeError, "state is not a tuple");
  if (tuple_size(state) != 2)
    return raise_format(exc::TypeError, "function takes exactly 2 arguments (%zu given)", tuple_size(state));
  Value saved = tuple_get(state, 0);
  if (!is_list(saved))
    return raise_format(exc::TypeError, "argument 1 must be list, not %s", type_name_of(saved));
  int64_t firstpass;
  if (!ssize_argument(tuple_get(state, 1), &firstpass)) return Value();
  CycleObject* c = as_cycle(self);
  set_field(c->saved, new_ref(saved));
  c->firstpass = firstpass != 0;
  c->index = 0;
  return new_ref(none());
}

const MethodDef cycle_methods[] = {
    {"__reduce__", (void*)cycle_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)cycle_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- repeat --------------------------------------------------------------------------------------

struct RepeatObject : Object {
  Value element;
  int64_t cnt;   // items left; -1: forever
};

RepeatObject* as_repeat(Value v) { return static_cast<RepeatObject*>(v.as_object()); }

Value repeat_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("repeat", args, nargs, kwnames, {"object", "times"}, 2, 1, a)) return Value();
  int64_t cnt = -1;
  if (a[1]) {
    if (!ssize_argument(a[1], &cnt)) return Value();
    if (cnt < 0) cnt = 0;
  }
  RepeatObject* r = allocate<RepeatObject>(type);
  if (r == nullptr) return Value();
  r->element = new_ref(a[0]);
  r->cnt = cnt;
  gc_track(r);
  return Value::object(r);
}

void repeat_clear(Object* self) { clear_field(static_cast<RepeatObject*>(self)->element); }
void repeat_dealloc(Object* self) {
  repeat_clear(self);
  free_object(self);
}
void repeat_traverse(Object* self, VisitFunc visit, void* context) {
  visit_field(static_cast<RepeatObject*>(self)->element, visit, context);
}

Value repeat_next(Value self) {
  RepeatObject* r = as_repeat(self);
  if (r->cnt == 0) return Value();
  if (r->cnt > 0) --r->cnt;
  return new_ref(r->element);
}

Value repeat_repr(Value self) {
  RepeatObject* r = as_repeat(self);
  std::string text = short_type_name(type_of(self)) + "(" + repr_utf8(r->element);
  if (error_occurred()) return Value();
  if (r->cnt >= 0) text += ", " + std::to_string(r->cnt);
  return str_from_utf8(text + ")");
}

Value repeat_length_hint(Value self) {
  RepeatObject* r = as_repeat(self);
  if (r->cnt == -1) return raise(exc::TypeError, "len() of unsized object");
  return int_from_int64(r->cnt);
}

Value repeat_reduce(Value self) {
  RepeatObject* r = as_repeat(self);
  Ref args = Ref::steal(r->cnt >= 0 ? tuple_pack({r->element, Value::small_int(r->cnt)})
                                    : tuple_pack({r->element}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get()});
}

const MethodDef repeat_methods[] = {
    {"__length_hint__", (void*)repeat_length_hint, MethodKind::NoArgs},
    {"__reduce__", (void*)repeat_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- accumulate ----------------------------------------------------------------------------------

struct AccumulateObject : Object {
  Value total;    // null before the first item
  Value it;
  Value binop;    // null: addition
  Value initial;  // null: none (or already yielded)
};

AccumulateObject* as_accumulate(Value v) { return static_cast<AccumulateObject*>(v.as_object()); }

Value accumulate_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!match_arguments("accumulate", args, nargs, kwnames, {"iterable", "func", "initial"}, 2, 1, a))
    return Value();
  Ref it = Ref::steal(get_iter(a[0]));
  if (!it) return Value();
  AccumulateObject* acc = allocate<AccumulateObject>(type);
  if (acc == nullptr) return Value();
  acc->it = it.release();
  if (a[1] && !a[1].is(none())) acc->binop = new_ref(a[1]);
  if (a[2] && !a[2].is(none())) acc->initial = new_ref(a[2]);
  gc_track(acc);
  return Value::object(acc);
}

void accumulate_clear(Object* self) {
  auto* a = static_cast<AccumulateObject*>(self);
  clear_field(a->total);
  clear_field(a->it);
  clear_field(a->binop);
  clear_field(a->initial);
}
void accumulate_dealloc(Object* self) {
  accumulate_clear(self);
  free_object(self);
}
void accumulate_traverse(Object* self, VisitFunc visit, void* context) {
  auto* a = static_cast<AccumulateObject*>(self);
  visit_field(a->total, visit, context);
  visit_field(a->it, visit, context);
  visit_field(a->binop, visit, context);
  visit_field(a->initial, visit, context);
}

Value accumulate_next(Value self) {
  AccumulateObject* a = as_accumulate(self);
  if (a->initial) {
    a->total = a->initial;  // the reference moves
    a->initial = Value();
    return new_ref(a->total);
  }
  Value value = iter_next(a->it);
  if (!value) return Value();
  if (!a->total) {
    a->total = value;
    return new_ref(value);
  }
  Value pair[2] = {a->total, value};
  Value sum = a->binop ? call(a->binop, pair, 2) : binary_op(a->total, value, BinaryOp::Add);
  decref(value);
  if (!sum) return Value();
  set_field(a->total, sum);
  return new_ref(sum);
}

// __reduce__: (type, (it, func), total); a pending initial value is put back in front of the
// iterator with chain, as CPython does.
Value accumulate_reduce(Value self);
Value accumulate_setstate(Value self, Value state) {
  set_field(as_accumulate(self)->total, new_ref(state));
  return new_ref(none());
}

const MethodDef accumulate_methods[] = {
    {"__reduce__", (void*)accumulate_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)accumulate_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- chain ---------------------------------------------------------------------------------------

struct ChainObject : Object {
  Value source;  // iterator over the iterables; null when exhausted
  Value active;  // iterator of the current iterable; may be null
};

ChainObject* as_chain(Value v) { return static_cast<ChainObject*>(v.as_object()); }

Value chain_make(TypeObject* type, Value source) {
  ChainObject* c = allocate<ChainObject>(type);
  if (c == nullptr) {
    decref(source);
    return Value();
  }
  c->source = source;
  gc_track(c);
  return Value::object(c);
}

Value chain_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (keywords_checked(type, &chain_type) && !check_no_keywords("chain", kwnames)) return Value();
  Ref tuple = Ref::steal(tuple_from_array(args, nargs));
  if (!tuple) return Value();
  Value source = get_iter(tuple.get());
  if (!source) return Value();
  return chain_make(type, source);
}

Value chain_from_iterable(Value cls, const Value* args, size_t nargs) {
  if (nargs != 1)
    return raise_format(exc::TypeError, "chain.from_iterable() takes exactly one argument (%zu given)", nargs);
  Value source = get_iter(args[0]);
  if (!source) return Value();
  return chain_make(static_cast<TypeObject*>(cls.as_object()), source);
}

void chain_clear(Object* self) {
  auto* c = static_cast<ChainObject*>(self);
  clear_field(c->source);
  clear_field(c->active);
}
void chain_dealloc(Object* self) {
  chain_clear(self);
  free_object(self);
}
void chain_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<ChainObject*>(self);
  visit_field(c->source, visit, context);
  visit_field(c->active, visit, context);
}

Value chain_next(Value self) {
  ChainObject* c = as_chain(self);
  while (c->source) {
    if (!c->active) {
      Value iterable = iter_next(c->source);
      if (!iterable) {
        clear_field(c->source);
        return Value();
      }
      Value active = get_iter(iterable);
      decref(iterable);
      if (!active) {
        clear_field(c->source);
        return Value();
      }
      c->active = active;
    }
    Value item = iter_next(c->active);
    if (item) return item;
    if (error_occurred()) {
      if (!error_matches(exc::StopIteration)) return Value();
      clear_error();
    }
    clear_field(c->active);
  }
  return Value();
}

Value chain_reduce(Value self) {
  ChainObject* c = as_chain(self);
  Value type = type_value(type_of(self));
  Ref empty = Ref::steal(tuple_empty());
  if (!c->source) return tuple_pack({type, empty.get()});
  Ref state = Ref::steal(c->active ? tuple_pack({c->source, c->active}) : tuple_pack({c->source}));
  if (!state) return Value();
  return tuple_pack({type, empty.get(), state.get()});
}

Value chain_setstate(Value self, Value state) {
  if (!is_tuple(state)) return raise(exc::TypeError, "state is not a tuple");
  size_t n = tuple_size(state);
  if (n < 1 || n > 2)
    return raise_format(exc::TypeError, "function takes %s (%zu given)",
                        n < 1 ? "at least 1 argument" : "at most 2 arguments", n);
  Value source = tuple_get(state, 0);
  Value active = n == 2 ? tuple_get(state, 1) : Value();
  if (!type_of(source)->iternext || (active && !type_of(active)->iternext))
    return raise(exc::TypeError, "Arguments must be iterators.");
  ChainObject* c = as_chain(self);
  set_field(c->source, new_ref(source));
  set_field(c->active, active ? new_ref(active) : Value());
  return new_ref(none());
}

const MethodDef chain_methods[] = {
    {"from_iterable", (void*)chain_from_iterable, MethodKind::Fast, true},
    {"__reduce__", (void*)chain_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)chain_setstate, MethodKind::OneArg},
    {"__class_getitem__", (void*)class_getitem_generic, MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};

Value accumulate_reduce(Value self) {
  AccumulateObject* a = as_accumulate(self);
  Value type = type_value(type_of(self));
  Value binop = a->binop ? a->binop : none();
  if (a->initial) {
    Ref first = Ref::steal(tuple_pack({a->initial}));
    if (!first) return Value();
    Value parts[2] = {first.get(), a->it};
    Ref it = Ref::steal(chain_new(&chain_type, parts, 2, Value()));
    if (!it) return Value();
    Ref args = Ref::steal(tuple_pack({it.get(), binop}));
    if (!args) return Value();
    return tuple_pack({type, args.get(), none()});
  }
  Ref args = Ref::steal(tuple_pack({a->it, binop}));
  if (!args) return Value();
  return tuple_pack({type, args.get(), a->total ? a->total : none()});
}

// --- compress ------------------------------------------------------------------------------------

struct CompressObject : Object {
  Value data;
  Value selectors;
};

Value compress_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("compress", args, nargs, kwnames, {"data", "selectors"}, 2, 2, a)) return Value();
  Ref data = Ref::steal(get_iter(a[0]));
  if (!data) return Value();
  Ref selectors = Ref::steal(get_iter(a[1]));
  if (!selectors) return Value();
  CompressObject* c = allocate<CompressObject>(type);
  if (c == nullptr) return Value();
  c->data = data.release();
  c->selectors = selectors.release();
  gc_track(c);
  return Value::object(c);
}

void compress_clear(Object* self) {
  auto* c = static_cast<CompressObject*>(self);
  clear_field(c->data);
  clear_field(c->selectors);
}
void compress_dealloc(Object* self) {
  compress_clear(self);
  free_object(self);
}
void compress_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<CompressObject*>(self);
  visit_field(c->data, visit, context);
  visit_field(c->selectors, visit, context);
}

Value compress_next(Value self) {
  auto* c = static_cast<CompressObject*>(self.as_object());
  UnaryFunc data_next = type_of(c->data)->iternext;
  UnaryFunc selector_next = type_of(c->selectors)->iternext;
  for (;;) {
    Value datum = data_next(c->data);
    if (!datum) return Value();
    Value selector = selector_next(c->selectors);
    if (!selector) {
      decref(datum);
      return Value();
    }
    int ok = is_true(selector);
    decref(selector);
    if (ok > 0) return datum;
    decref(datum);
    if (ok < 0) return Value();
  }
}

Value compress_reduce(Value self) {
  auto* c = static_cast<CompressObject*>(self.as_object());
  Ref args = Ref::steal(tuple_pack({c->data, c->selectors}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get()});
}

const MethodDef compress_methods[] = {
    {"__reduce__", (void*)compress_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- dropwhile, takewhile, filterfalse, starmap: a function and an iterator ----------------------

struct FuncIterObject : Object {
  Value func;
  Value it;
  bool flag;   // dropwhile: dropping is over; takewhile: stopped
};

FuncIterObject* as_func_iter(Value v) { return static_cast<FuncIterObject*>(v.as_object()); }

Value func_iter_new(TypeObject* type, TypeObject* exact, const char* name, const Value* args, size_t nargs,
                    Value kwnames) {
  if (keywords_checked(type, exact) && !check_no_keywords(name, kwnames)) return Value();
  if (!check_positional(name, nargs, 2, 2)) return Value();
  Ref it = Ref::steal(get_iter(args[1]));
  if (!it) return Value();
  FuncIterObject* f = allocate<FuncIterObject>(type);
  if (f == nullptr) return Value();
  f->func = new_ref(args[0]);
  f->it = it.release();
  gc_track(f);
  return Value::object(f);
}

Value dropwhile_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  return func_iter_new(type, &dropwhile_type, "dropwhile", args, nargs, kwnames);
}
Value takewhile_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  return func_iter_new(type, &takewhile_type, "takewhile", args, nargs, kwnames);
}
Value filterfalse_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  return func_iter_new(type, &filterfalse_type, "filterfalse", args, nargs, kwnames);
}
Value starmap_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  return func_iter_new(type, &starmap_type, "starmap", args, nargs, kwnames);
}

void func_iter_clear(Object* self) {
  auto* f = static_cast<FuncIterObject*>(self);
  clear_field(f->func);
  clear_field(f->it);
}
void func_iter_dealloc(Object* self) {
  func_iter_clear(self);
  free_object(self);
}
void func_iter_traverse(Object* self, VisitFunc visit, void* context) {
  auto* f = static_cast<FuncIterObject*>(self);
  visit_field(f->func, visit, context);
  visit_field(f->it, visit, context);
}

// The truth of func(item): 0/1, or -1 + error.
int predicate(Value func, Value item) {
  Value good = call(func, &item, 1);
  if (!good) return -1;
  int ok = is_true(good);
  decref(good);
  return ok;
}

Value dropwhile_next(Value self) {
  FuncIterObject* f = as_func_iter(self);
  UnaryFunc next = type_of(f->it)->iternext;
  for (;;) {
    Value item = next(f->it);
    if (!item) return Value();
    if (f->flag) return item;
    int ok = predicate(f->func, item);
    if (ok == 0) {
      f->flag = true;
      return item;
    }
    decref(item);
    if (ok < 0) return Value();
  }
}

Value takewhile_next(Value self) {
  FuncIterObject* f = as_func_iter(self);
  if (f->flag) return Value();
  Value item = iter_next(f->it);
  if (!item) return Value();
  int ok = predicate(f->func, item);
  if (ok > 0) return item;
  decref(item);
  if (ok == 0) f->flag = true;
  return Value();
}

Value filterfalse_next(Value self) {
  FuncIterObject* f = as_func_iter(self);
  UnaryFunc next = type_of(f->it)->iternext;
  bool plain = f->func.is(none()) || f->func.is(Value::object(&bool_type));
  for (;;) {
    Value item = next(f->it);
    if (!item) return Value();
    int ok = plain ? is_true(item) : predicate(f->func, item);
    if (ok == 0) return item;
    decref(item);
    if (ok < 0) return Value();
  }
}

Value starmap_next(Value self) {
  FuncIterObject* f = as_func_iter(self);
  Value args = iter_next(f->it);
  if (!args) return Value();
  if (!is_tuple_exact(args)) {
    Value t = tuple_from_iterable(args);
    decref(args);
    if (!t) return Value();
    args = t;
  }
  Value result = call(f->func, tuple_items(args), tuple_size(args));
  decref(args);
  return result;
}

// __reduce__: (type, (func, it)) and, for dropwhile/takewhile, the flag as state.
Value func_iter_reduce(Value self) {
  FuncIterObject* f = as_func_iter(self);
  Ref args = Ref::steal(tuple_pack({f->func, f->it}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get()});
}
Value flag_iter_reduce(Value self) {
  FuncIterObject* f = as_func_iter(self);
  Ref args = Ref::steal(tuple_pack({f->func, f->it}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get(), Value::small_int(f->flag ? 1 : 0)});
}
Value flag_iter_setstate(Value self, Value state) {
  int ok = is_true(state);
  if (ok < 0) return Value();
  as_func_iter(self)->flag = ok != 0;
  return new_ref(none());
}

const MethodDef func_iter_methods[] = {
    {"__reduce__", (void*)func_iter_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef flag_iter_methods[] = {
    {"__reduce__", (void*)flag_iter_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)flag_iter_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- registration --------------------------------------------------------------------------------

struct TypeSpec {
  TypeObject* type;
  const char* name;
  size_t size;
  NewFunc new_;
  UnaryFunc next;
  DeallocFunc dealloc;
  TraverseFunc traverse;
  ClearFunc clear;
  const MethodDef* methods;
  UnaryFunc repr;
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  const TypeSpec specs[] = {
      {&count_type, "count", sizeof(CountObject), count_new, count_next, count_dealloc, count_traverse,
       count_clear, count_methods, count_repr},
      {&cycle_type, "cycle", sizeof(CycleObject), cycle_new, cycle_next, cycle_dealloc, cycle_traverse,
       cycle_clear, cycle_methods, nullptr},
      {&repeat_type, "repeat", sizeof(RepeatObject), repeat_new, repeat_next, repeat_dealloc, repeat_traverse,
       repeat_clear, repeat_methods, repeat_repr},
      {&accumulate_type, "accumulate", sizeof(AccumulateObject), accumulate_new, accumulate_next,
       accumulate_dealloc, accumulate_traverse, accumulate_clear, accumulate_methods, nullptr},
      {&chain_type, "chain", sizeof(ChainObject), chain_new, chain_next, chain_dealloc, chain_traverse,
       chain_clear, chain_methods, nullptr},
      {&compress_type, "compress", sizeof(CompressObject), compress_new, compress_next, compress_dealloc,
       compress_traverse, compress_clear, compress_methods, nullptr},
      {&dropwhile_type, "dropwhile", sizeof(FuncIterObject), dropwhile_new, dropwhile_next, func_iter_dealloc,
       func_iter_traverse, func_iter_clear, flag_iter_methods, nullptr},
      {&takewhile_type, "takewhile", sizeof(FuncIterObject), takewhile_new, takewhile_next, func_iter_dealloc,
       func_iter_traverse, func_iter_clear, flag_iter_methods, nullptr},
      {&filterfalse_type, "filterfalse", sizeof(FuncIterObject), filterfalse_new, filterfalse_next,
       func_iter_dealloc, func_iter_traverse, func_iter_clear, func_iter_methods, nullptr},
      {&starmap_type, "starmap", sizeof(FuncIterObject), starmap_new, starmap_next, func_iter_dealloc,
       func_iter_traverse, func_iter_clear, func_iter_methods, nullptr},
  };
  for (const TypeSpec& s : specs) {
    init_iterator_type(*s.type, s.name, s.size);
    s.type->new_ = s.new_;
    s.type->iternext = s.next;
    s.type->dealloc = s.dealloc;
    s.type->traverse = s.traverse;
    s.type->clear = s.clear;
    s.type->repr = s.repr;
    if (s.methods) add_methods(s.type, s.methods);
    if (type_ready(s.type) < 0) return -1;
  }
  done = true;
  return 0;
}

}  // namespace

int add_basic_types(Value module) {
  if (ready_types() < 0) return -1;
  TypeObject* types[] = {&count_type, &cycle_type, &repeat_type, &accumulate_type, &chain_type,
                         &compress_type, &dropwhile_type, &takewhile_type, &filterfalse_type, &starmap_type};
  for (TypeObject* t : types)
    if (module_add(module, t->qualname.c_str(), type_value(t)) < 0) return -1;
  return 0;
}

}  // namespace krait::modules::itertools

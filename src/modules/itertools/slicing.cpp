// itertools: islice, pairwise, zip_longest.
#include <string>

#include "modules/itertools/itertools_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::itertools {

namespace {

TypeObject islice_type, pairwise_type, zip_longest_type;

// --- islice --------------------------------------------------------------------------------------

struct IsliceObject : Object {
  Value it;       // null once exhausted
  int64_t next;   // index of the next item to yield
  int64_t stop;   // -1: no stop
  int64_t step;
  int64_t cnt;    // items consumed from `it`
};

IsliceObject* as_islice(Value v) { return static_cast<IsliceObject*>(v.as_object()); }

// PyNumber_AsSsize_t(v, OverflowError) with any error swallowed: -1 on failure, as islice reads
// its arguments (a bad value then fails the range check with islice's own message).
int64_t lenient_ssize(Value v) {
  int64_t x;
  if (ssize_argument(v, &x)) return x;
  clear_error();
  return -1;
}

const char kStopMessage[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

Value islice_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (keywords_checked(type, &islice_type) && !check_no_keywords("islice", kwnames)) return Value();
  if (!check_positional("islice", nargs, 2, 4)) return Value();
  int64_t start = 0, stop = -1, step = 1;
  Value none_value = none();
  if (nargs == 2) {
    if (!args[1].is(none_value)) {
      stop = lenient_ssize(args[1]);
      if (stop == -1) return raise(exc::ValueError, kStopMessage);
    }
  } else {
    if (!args[1].is(none_value)) start = lenient_ssize(args[1]);
    if (!args[2].is(none_value)) {
      stop = lenient_ssize(args[2]);
      if (stop == -1) return raise(exc::ValueError, kStopMessage);
    }
  }
  if (start < 0 || stop < -1)
    return raise(exc::ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (nargs == 4 && !args[3].is(none_value)) step = lenient_ssize(args[3]);
  if (step < 1) return raise(exc::ValueError, "Step for islice() must be a positive integer or None.");
  Ref it = Ref::steal(get_iter(args[0]));
  if (!it) return Value();
  IsliceObject* s = allocate<IsliceObject>(type);
  if (s == nullptr) return Value();
  s->it = it.release();
  s->next = start;
  s->stop = stop;
  s->step = step;
  s->cnt = 0;
  gc_track(s);
  return Value::object(s);
}

void islice_clear(Object* self) { clear_field(static_cast<IsliceObject*>(self)->it); }
void islice_dealloc(Object* self) {
  islice_clear(self);
  free_object(self);
}
void islice_traverse(Object* self, VisitFunc visit, void* context) {
  visit_field(static_cast<IsliceObject*>(self)->it, visit, context);
}

Value islice_next(Value self) {
  IsliceObject* s = as_islice(self);
  if (!s->it) return Value();
  UnaryFunc next = type_of(s->it)->iternext;
  int64_t stop = s->stop;
  while (s->cnt < s->next) {
    Value item = next(s->it);
    if (!item) {
      clear_field(s->it);
      return Value();
    }
    decref(item);
    ++s->cnt;
  }
  if (stop != -1 && s->cnt >= stop) {
    clear_field(s->it);
    return Value();
  }
  Value item = next(s->it);
  if (!item) {
    clear_field(s->it);
    return Value();
  }
  ++s->cnt;
  int64_t old = s->next;
  s->next = static_cast<int64_t>(static_cast<uint64_t>(s->next) + static_cast<uint64_t>(s->step));
  if (s->next < old || (stop != -1 && s->next > stop)) s->next = stop;
  return item;
}

Value islice_reduce(Value self) {
  IsliceObject* s = as_islice(self);
  Value type = type_value(type_of(self));
  if (!s->it) {
    Ref empty = Ref::steal(list_new(0));
    if (!empty) return Value();
    Ref it = Ref::steal(get_iter(empty.get()));
    if (!it) return Value();
    Ref args = Ref::steal(tuple_pack({it.get(), Value::small_int(0)}));
    if (!args) return Value();
    return tuple_pack({type, args.get(), Value::small_int(0)});
  }
  Ref next = Ref::steal(int_from_int64(s->next));
  Ref stop = s->stop == -1 ? Ref::borrow(none()) : Ref::steal(int_from_int64(s->stop));
  Ref step = Ref::steal(int_from_int64(s->step));
  Ref cnt = Ref::steal(int_from_int64(s->cnt));
  if (!next || !stop || !step || !cnt) return Value();
  Ref args = Ref::steal(tuple_pack({s->it, next.get(), stop.get(), step.get()}));
  if (!args) return Value();
  return tuple_pack({type, args.get(), cnt.get()});
}

Value islice_setstate(Value self, Value state) {
  int64_t cnt;
  if (!ssize_argument(state, &cnt)) return Value();
  as_islice(self)->cnt = cnt;
  return new_ref(none());
}

const MethodDef islice_methods[] = {
    {"__reduce__", (void*)islice_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)islice_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- pairwise ------------------------------------------------------------------------------------

struct PairwiseObject : Object {
  Value it;      // null once exhausted
  Value old;     // the previous item (null before the first)
  Value result;  // the last tuple returned, reused when nobody else holds it
};

Value pairwise_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (keywords_checked(type, &pairwise_type) && !check_no_keywords("pairwise", kwnames)) return Value();
  if (!check_positional("pairwise", nargs, 1, 1)) return Value();
  Ref it = Ref::steal(get_iter(args[0]));
  if (!it) return Value();
  PairwiseObject* p = allocate<PairwiseObject>(type);
  if (p == nullptr) return Value();
  p->it = it.release();
  gc_track(p);
  return Value::object(p);
}

void pairwise_clear(Object* self) {
  auto* p = static_cast<PairwiseObject*>(self);
  clear_field(p->it);
  clear_field(p->old);
  clear_field(p->result);
}
void pairwise_dealloc(Object* self) {
  pairwise_clear(self);
  free_object(self);
}
void pairwise_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<PairwiseObject*>(self);
  visit_field(p->it, visit, context);
  visit_field(p->old, visit, context);
  visit_field(p->result, visit, context);
}

Value pairwise_next(Value self) {
  auto* p = static_cast<PairwiseObject*>(self.as_object());
  if (!p->it) return Value();
  if (!p->old) {
    p->old = iter_next(p->it);
    if (!p->old) {
      clear_field(p->it);
      return Value();
    }
  }
  Value item = iter_next(p->it);
  if (!item) {
    clear_field(p->it);
    clear_field(p->old);
    return Value();
  }
  Value old = p->old;
  Value result;
  if (p->result && p->result.as_object()->refcount == 1) {
    result = reusable_tuple(&p->result);
    Value* items = tuple_items(result);
    incref(old);
    set_field(items[0], old);
    incref(item);
    set_field(items[1], item);
    incref(result);
  } else {
    result = tuple_pack({old, item});
    if (!result) {
      decref(item);
      return Value();
    }
    set_field(p->result, new_ref(result));
  }
  p->old = item;  // the reference from iter_next
  decref(old);
  return result;
}

// --- zip_longest ---------------------------------------------------------------------------------

struct ZipLongestObject : Object {
  Value* iterators;   // mem_alloc'd array; an exhausted iterator's slot is null
  int64_t size;
  int64_t active;
  Value result;       // reused tuple (null before the first)
  Value fillvalue;
};

ZipLongestObject* as_zip_longest(Value v) { return static_cast<ZipLongestObject*>(v.as_object()); }

Value zip_longest_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value fillvalue = none();
  size_t nkw = keyword_count(kwnames);
  if (nkw > 0) {
    if (nkw != 1 || !str_equal_ascii(tuple_get(kwnames, 0), "fillvalue"))
      return raise(exc::TypeError, "zip_longest() got an unexpected keyword argument");
    fillvalue = args[nargs];
  }
  Value* iterators = nullptr;
  if (nargs > 0) {
    iterators = static_cast<Value*>(mem_alloc(nargs * sizeof(Value)));
    if (iterators == nullptr) return Value();
    for (size_t i = 0; i < nargs; ++i) {
      iterators[i] = get_iter(args[i]);
      if (!iterators[i]) {
        for (size_t k = 0; k < i; ++k) decref(iterators[k]);
        mem_free(iterators, nargs * sizeof(Value));
        return Value();
      }
    }
  }
  ZipLongestObject* z = allocate<ZipLongestObject>(type);
  if (z == nullptr) {
    for (size_t k = 0; k < nargs; ++k) decref(iterators[k]);
    if (iterators) mem_free(iterators, nargs * sizeof(Value));
    return Value();
  }
  z->iterators = iterators;
  z->size = static_cast<int64_t>(nargs);
  z->active = static_cast<int64_t>(nargs);
  z->fillvalue = new_ref(fillvalue);
  gc_track(z);
  return Value::object(z);
}

void zip_longest_clear(Object* self) {
  auto* z = static_cast<ZipLongestObject*>(self);
  Value* iterators = z->iterators;
  int64_t n = z->size;
  z->iterators = nullptr;
  z->size = 0;
  z->active = 0;
  for (int64_t i = 0; i < n; ++i) xdecref(iterators[i]);
  if (iterators) mem_free(iterators, static_cast<size_t>(n) * sizeof(Value));
  clear_field(z->result);
  clear_field(z->fillvalue);
}
void zip_longest_dealloc(Object* self) {
  zip_longest_clear(self);
  free_object(self);
}
void zip_longest_traverse(Object* self, VisitFunc visit, void* context) {
  auto* z = static_cast<ZipLongestObject*>(self);
  for (int64_t i = 0; i < z->size; ++i) visit_field(z->iterators[i], visit, context);
  visit_field(z->result, visit, context);
  visit_field(z->fillvalue, visit, context);
}

// The next item of iterator i, or the fill value once it is exhausted; null when every
// iterator is exhausted or on error (active is then 0).
Value zip_longest_item(ZipLongestObject* z, int64_t i) {
  Value it = z->iterators[i];
  if (!it) return new_ref(z->fillvalue);
  Value item = iter_next(it);
  if (item) return item;
  if (--z->active == 0 || error_occurred()) {
    z->active = 0;
    return Value();
  }
  z->iterators[i] = Value();
  decref(it);
  return new_ref(z->fillvalue);
}

Value zip_longest_next(Value self) {
  ZipLongestObject* z = as_zip_longest(self);
  int64_t n = z->size;
  if (n == 0 || z->active == 0) return Value();
  if (z->result && z->result.as_object()->refcount == 1) {
    Value result = reusable_tuple(&z->result);
    incref(result);
    Value* items = tuple_items(result);
    for (int64_t i = 0; i < n; ++i) {
      Value item = zip_longest_item(z, i);
      if (!item) {
        decref(result);
        return Value();
      }
      set_field(items[i], item);
    }
    return result;
  }
  Ref result = Ref::steal(tuple_new(static_cast<size_t>(n)));
  if (!result) return Value();
  Value* items = tuple_items(result.get());
  for (int64_t i = 0; i < n; ++i) {
    Value item = zip_longest_item(z, i);
    if (!item) return Value();
    items[i] = item;
  }
  set_field(z->result, new_ref(result.get()));
  return result.release();
}

Value zip_longest_reduce(Value self) {
  ZipLongestObject* z = as_zip_longest(self);
  Ref iterators = Ref::steal(tuple_new(static_cast<size_t>(z->size)));
  if (!iterators) return Value();
  for (int64_t i = 0; i < z->size; ++i) {
    Value it = z->iterators[i];
    if (!it) {
      // An exhausted iterator is pickled as iter(()), as CPython does.
      Ref empty = Ref::steal(tuple_empty());
      it = get_iter(empty.get());
      if (!it) return Value();
    } else {
      incref(it);
    }
    tuple_items(iterators.get())[i] = it;
  }
  Ref state = Ref::borrow(z->fillvalue);
  return tuple_pack({type_value(type_of(self)), iterators.get(), state.get()});
}

Value zip_longest_setstate(Value self, Value state) {
  set_field(as_zip_longest(self)->fillvalue, new_ref(state));
  return new_ref(none());
}

const MethodDef zip_longest_methods[] = {
    {"__reduce__", (void*)zip_longest_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)zip_longest_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  init_iterator_type(islice_type, "islice", sizeof(IsliceObject));
  islice_type.new_ = islice_new;
  islice_type.iternext = islice_next;
  islice_type.dealloc = islice_dealloc;
  islice_type.traverse = islice_traverse;
  islice_type.clear = islice_clear;
  add_methods(&islice_type, islice_methods);

  init_iterator_type(pairwise_type, "pairwise", sizeof(PairwiseObject));
  pairwise_type.new_ = pairwise_new;
  pairwise_type.iternext = pairwise_next;
  pairwise_type.dealloc = pairwise_dealloc;
  pairwise_type.traverse = pairwise_traverse;
  pairwise_type.clear = pairwise_clear;

  init_iterator_type(zip_longest_type, "zip_longest", sizeof(ZipLongestObject));
  zip_longest_type.new_ = zip_longest_new;
  zip_longest_type.iternext = zip_longest_next;
  zip_longest_type.dealloc = zip_longest_dealloc;
  zip_longest_type.traverse = zip_longest_traverse;
  zip_longest_type.clear = zip_longest_clear;
  add_methods(&zip_longest_type, zip_longest_methods);

  for (TypeObject* t : {&islice_type, &pairwise_type, &zip_longest_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

int add_slicing_types(Value module) {
  if (ready_types() < 0) return -1;
  for (TypeObject* t : {&islice_type, &pairwise_type, &zip_longest_type})
    if (module_add(module, t->qualname.c_str(), type_value(t)) < 0) return -1;
  return 0;
}

}  // namespace krait::modules::itertools

// tuple: inline items, the empty-tuple singleton, CPython 3.11's xxHash-based hash.
#include "runtime/tuple.h"

#include "runtime/iter_pickle.h"

#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "vm/eval.h"

namespace krait::runtime {

TypeObject tuple_type, tuple_iterator_type;

namespace {

Value g_empty_tuple;

TupleObject* allocate_tuple(TypeObject* type, size_t n) {
  Object* memory = allocate_object(type, instance_size(type, n * sizeof(Value)));
  if (memory == nullptr) return nullptr;
  TupleObject* t = static_cast<TupleObject*>(memory);
  t->size = static_cast<int64_t>(n);
  return t;
}

Value new_ref(Value v) {
  incref(v);
  return v;
}

}  // namespace

bool is_tuple(Value v) { return v.is_object() && (v.as_object()->type->flags & TypeFlag::TupleSubclass); }
bool is_tuple_exact(Value v) { return v.is_object() && v.as_object()->type == &tuple_type; }

Value tuple_empty() {
  if (g_empty_tuple.is_null()) {
    TupleObject* t = allocate_tuple(&tuple_type, 0);
    if (t == nullptr) return Value();
    g_empty_tuple = Value::object(t);
  }
  return new_ref(g_empty_tuple);
}

Value tuple_new(size_t n) {
  if (n == 0) return tuple_empty();
  TupleObject* t = allocate_tuple(&tuple_type, n);
  if (t == nullptr) return Value();
  gc_track(t);
  return Value::object(t);
}

Value tuple_from_array(const Value* items, size_t n) {
  Value t = tuple_new(n);
  if (t.is_null()) return t;
  Value* out = tuple_items(t);
  for (size_t i = 0; i < n; ++i) out[i] = new_ref(items[i]);
  return t;
}

Value tuple_pack(std::initializer_list<Value> items) { return tuple_from_array(items.begin(), items.size()); }

Value tuple_from_iterable(Value iterable) {
  if (is_tuple_exact(iterable)) return new_ref(iterable);
  if (is_list_exact(iterable)) return list_as_tuple(iterable);
  Ref list = Ref::steal(list_from_iterable(iterable));
  if (!list) return Value();
  return list_as_tuple(list.get());
}

Value tuple_slice(Value v, int64_t start, int64_t stop) {
  int64_t n = static_cast<int64_t>(tuple_size(v));
  if (start < 0) start = 0;
  if (stop > n) stop = n;
  if (stop < start) stop = start;
  if (start == 0 && stop == n && is_tuple_exact(v)) return new_ref(v);
  return tuple_from_array(tuple_items(v) + start, static_cast<size_t>(stop - start));
}

Value tuple_repr(Value v) {
  size_t n = tuple_size(v);
  if (n == 0) return str_from_ascii("()");
  int entered = coll::repr_enter(v.as_object());
  if (entered != 0) return entered > 0 ? str_from_ascii("(...)") : Value();
  StrBuilder b;
  b.push('(');
  bool ok = true;
  if (!vm::enter_recursive_call(" while getting the repr of an object")) {
    ok = false;
  } else {
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) b.push_ascii(", ");
      Ref r = Ref::steal(repr(tuple_get(v, i)));
      if (!r) {
        ok = false;
        break;
      }
      b.append(r.get());
    }
    vm::leave_recursive_call();
  }
  coll::repr_leave(v.as_object());
  if (!ok) return Value();
  if (n == 1) b.push(',');
  b.push(')');
  return b.finish();
}

int64_t tuple_hash(Value v) {
  size_t n = tuple_size(v);
  uint64_t acc = kXXPrime5;
  for (size_t i = 0; i < n; ++i) {
    int64_t lane = hash(tuple_get(v, i));
    if (lane == -1) return -1;
    acc += static_cast<uint64_t>(lane) * kXXPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kXXPrime1;
  }
  acc += n ^ (kXXPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

namespace {

void tuple_dealloc(Object* self) {
  TupleObject* t = static_cast<TupleObject*>(self);
  for (int64_t i = t->size - 1; i >= 0; --i) xdecref(t->items[i]);  // last item first, as CPython
  free_object(self);
}

void tuple_traverse(Object* self, VisitFunc visit, void* context) {
  TupleObject* t = static_cast<TupleObject*>(self);
  for (int64_t i = 0; i < t->size; ++i) {
    if (t->items[i].is_object()) visit(t->items[i], context);
  }
}

size_t tuple_var_bytes(const Object* self) {
  return static_cast<size_t>(static_cast<const TupleObject*>(self)->size) * sizeof(Value);
}

int64_t tuple_hash_slot(Value v) { return tuple_hash(v); }
int64_t tuple_length(Value v) { return static_cast<int64_t>(tuple_size(v)); }

// Sequence comparison shared in spirit with list: first differing item decides.
Value sequence_compare(const Value* a, size_t n, const Value* b, size_t m, CompareOp op) {
  size_t i = 0;
  for (; i < n && i < m; ++i) {
    int eq = rich_compare_bool(a[i], b[i], CompareOp::Eq);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= n || i >= m) {
    bool r;
    switch (op) {
      case CompareOp::Lt: r = n < m; break;
      case CompareOp::Le: r = n <= m; break;
      case CompareOp::Eq: r = n == m; break;
      case CompareOp::Ne: r = n != m; break;
      case CompareOp::Gt: r = n > m; break;
      default: r = n >= m; break;
    }
    return new_ref(bool_value(r));
  }
  if (op == CompareOp::Eq) return new_ref(false_value());
  if (op == CompareOp::Ne) return new_ref(true_value());
  return rich_compare(a[i], b[i], op);
}

Value tuple_richcompare(Value a, Value b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return new_ref(not_implemented());
  return sequence_compare(tuple_items(a), tuple_size(a), tuple_items(b), tuple_size(b), op);
}

Value tuple_concat(Value a, Value b) {
  if (!is_tuple(b)) {
    return raise_format(exc::TypeError, "can only concatenate tuple (not \"%s\") to tuple", coll::type_name(b));
  }
  size_t n = tuple_size(a), m = tuple_size(b);
  if (m == 0 && is_tuple_exact(a)) return new_ref(a);
  if (n == 0 && is_tuple_exact(b)) return new_ref(b);
  Value t = tuple_new(n + m);
  if (t.is_null()) return t;
  Value* out = tuple_items(t);
  for (size_t i = 0; i < n; ++i) out[i] = new_ref(tuple_get(a, i));
  for (size_t i = 0; i < m; ++i) out[n + i] = new_ref(tuple_get(b, i));
  return t;
}

Value tuple_repeat(Value self, int64_t count) {
  size_t n = tuple_size(self);
  if (count == 1 && is_tuple_exact(self)) return new_ref(self);
  if (count <= 0 || n == 0) return tuple_empty();
  if (static_cast<uint64_t>(count) > (INT64_MAX / 8) / n) return raise_no_memory();
  Value t = tuple_new(n * static_cast<size_t>(count));
  if (t.is_null()) return t;
  Value* out = tuple_items(t);
  for (int64_t c = 0; c < count; ++c) {
    for (size_t i = 0; i < n; ++i) *out++ = new_ref(tuple_get(self, i));
  }
  return t;
}

Value tuple_item(Value self, int64_t index) {
  if (index < 0 || static_cast<size_t>(index) >= tuple_size(self)) return raise(exc::IndexError, "tuple index out of range");
  return new_ref(tuple_get(self, static_cast<size_t>(index)));
}

Value tuple_subscript(Value self, Value key) {
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return Value();
    int64_t n = slice_adjust_indices(static_cast<int64_t>(tuple_size(self)), &start, &stop, step);
    if (step == 1) return tuple_slice(self, start, start + n);
    Value t = tuple_new(static_cast<size_t>(n));
    if (t.is_null()) return t;
    for (int64_t i = 0, at = start; i < n; ++i, at += step) tuple_items(t)[i] = new_ref(tuple_get(self, static_cast<size_t>(at)));
    return t;
  }
  if (key.is_small_int() || type_of(key)->number.index != nullptr) {
    int64_t index;
    if (!coll::index_arg(key, &index)) {
      if (error_matches(exc::OverflowError)) {
        clear_error();
        return raise(exc::IndexError, "cannot fit 'int' into an index-sized integer");
      }
      return Value();
    }
    if (index < 0) index += static_cast<int64_t>(tuple_size(self));
    return tuple_item(self, index);
  }
  return raise_format(exc::TypeError, "tuple indices must be integers or slices, not %s", coll::type_name(key));
}

int tuple_contains(Value self, Value item) {
  for (size_t i = 0; i < tuple_size(self); ++i) {
    int eq = rich_compare_bool(tuple_get(self, i), item, CompareOp::Eq);
    if (eq != 0) return eq;
  }
  return 0;
}

Value tuple_iter(Value self) {
  TupleIterObject* it = new_object<TupleIterObject>(&tuple_iterator_type);
  if (it == nullptr) return Value();
  it->index = 0;
  it->tuple = new_ref(self);
  gc_track(it);
  return Value::object(it);
}

Value tuple_iterator_next(Value self) {
  TupleIterObject* it = static_cast<TupleIterObject*>(self.as_object());
  if (it->tuple.is_null()) return Value();
  if (static_cast<size_t>(it->index) < tuple_size(it->tuple)) return new_ref(tuple_get(it->tuple, static_cast<size_t>(it->index++)));
  Value t = it->tuple;
  it->tuple = Value();
  decref(t);
  return Value();
}

void tuple_iterator_dealloc(Object* self) {
  xdecref(static_cast<TupleIterObject*>(self)->tuple);
  free_object(self);
}
void tuple_iterator_traverse(Object* self, VisitFunc visit, void* context) {
  Value t = static_cast<TupleIterObject*>(self)->tuple;
  if (t.is_object()) visit(t, context);
}
Value iter_self(Value self) { return new_ref(self); }
Value tuple_iterator_length_hint(Value self) {
  TupleIterObject* it = static_cast<TupleIterObject*>(self.as_object());
  if (it->tuple.is_null()) return int_from_int64(0);
  return int_from_int64(static_cast<int64_t>(tuple_size(it->tuple)) - it->index);
}

Value tuple_count(Value self, Value value) {
  int64_t count = 0;
  for (size_t i = 0; i < tuple_size(self); ++i) {
    int eq = rich_compare_bool(tuple_get(self, i), value, CompareOp::Eq);
    if (eq < 0) return Value();
    count += eq;
  }
  return int_from_int64(count);
}

Value tuple_index(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("index", nargs, 1, 3)) return Value();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !coll::slice_index(args[1], &start)) return Value();
  if (nargs > 2 && !coll::slice_index(args[2], &stop)) return Value();
  int64_t n = static_cast<int64_t>(tuple_size(self));
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
  } else if (stop > n) {
    stop = n;
  }
  for (int64_t i = start; i < stop; ++i) {
    int eq = rich_compare_bool(tuple_get(self, static_cast<size_t>(i)), args[0], CompareOp::Eq);
    if (eq < 0) return Value();
    if (eq) return int_from_int64(i);
  }
  return raise(exc::ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_getnewargs(Value self) {
  Ref copy = Ref::steal(tuple_slice(self, 0, static_cast<int64_t>(tuple_size(self))));
  if (!copy) return Value();
  return tuple_pack({copy.get()});
}

Value tuple_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &tuple_type && !coll::check_no_kwargs("tuple", kwnames)) return Value();
  if (!coll::check_unpack("tuple", nargs, 0, 1)) return Value();
  Ref exact = Ref::steal(nargs == 0 ? tuple_empty() : tuple_from_iterable(args[0]));
  if (!exact || type == &tuple_type) return exact.release();
  size_t n = tuple_size(exact.get());
  TupleObject* t = allocate_tuple(type, n);
  if (t == nullptr) return Value();
  for (size_t i = 0; i < n; ++i) t->items[i] = new_ref(tuple_get(exact.get(), i));
  gc_track(t);
  return Value::object(t);
}

Value tuple_sizeof(Value self) { return int_from_int64(24 + 8 * static_cast<int64_t>(tuple_size(self))); }

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef tuple_methods[] = {
    M("index", tuple_index, Fast),
    M("count", tuple_count, OneArg),
    M("__getnewargs__", tuple_getnewargs, NoArgs),
    M("__sizeof__", tuple_sizeof, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef tuple_iterator_methods[] = {
    M("__length_hint__", tuple_iterator_length_hint, NoArgs),
    M("__reduce__", tuple_iterator_reduce, NoArgs),      // iter_pickle.cpp
    M("__setstate__", tuple_iterator_setstate, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

}  // namespace

void init_tuple_types() {
  TypeObject& t = tuple_type;
  coll::init_static_type(t, "tuple", sizeof(TupleObject),
                         TypeFlag::BaseType | TypeFlag::HaveGc | TypeFlag::TupleSubclass | TypeFlag::MatchSequence);
  t.var_bytes = tuple_var_bytes;
  t.item_size = sizeof(Value);
  t.dealloc = tuple_dealloc;
  t.traverse = tuple_traverse;
  t.repr = tuple_repr;
  t.hash = tuple_hash_slot;
  t.richcompare = tuple_richcompare;
  t.iter = tuple_iter;
  t.new_ = tuple_new_slot;
  t.sequence.length = tuple_length;
  t.sequence.concat = tuple_concat;
  t.sequence.repeat = tuple_repeat;
  t.sequence.item = tuple_item;
  t.sequence.contains = tuple_contains;
  t.mapping.length = tuple_length;
  t.mapping.subscript = tuple_subscript;
  add_methods(&t, tuple_methods);
  type_ready(&t);

  TypeObject& it = tuple_iterator_type;
  coll::init_static_type(it, "tuple_iterator", sizeof(TupleIterObject), TypeFlag::HaveGc);
  it.dealloc = tuple_iterator_dealloc;
  it.traverse = tuple_iterator_traverse;
  it.iter = iter_self;
  it.iternext = tuple_iterator_next;
  add_methods(&it, tuple_iterator_methods);
  type_ready(&it);
}

}  // namespace krait::runtime

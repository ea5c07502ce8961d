// range: lazy arithmetic sequences of ints (any size), with int64 iterators on the fast path.
#include "runtime/range.h"

#include "runtime/iter_pickle.h"

#include <climits>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject range_type, range_iterator_type, longrange_iterator_type;

namespace {

// An iterator over values that may exceed int64: next, step and remaining are ints.
struct LongRangeIterObject : Object {
  Value next, step, remaining;
  Value start, len;  // the first value and the count, for __reduce__/__setstate__
};

RangeObject* as_range(Value v) { return static_cast<RangeObject*>(v.as_object()); }

void range_dealloc(Object* self) {
  auto* r = static_cast<RangeObject*>(self);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  decref(r->length);
  free_object(self);
}

// The number of values of range(start, stop, step), as an int.
Value compute_length(Value start, Value stop, Value step) {
  MpzArg lo(start), hi(stop), st(step);
  mpz_t n;
  mpz_init(n);
  int s = mpz_sgn(st.get());
  if (s > 0 && mpz_cmp(lo.get(), hi.get()) < 0) {
    mpz_sub(n, hi.get(), lo.get());
    mpz_sub_ui(n, n, 1);
    mpz_fdiv_q(n, n, st.get());
    mpz_add_ui(n, n, 1);
  } else if (s < 0 && mpz_cmp(lo.get(), hi.get()) > 0) {
    mpz_t neg;
    mpz_init(neg);
    mpz_neg(neg, st.get());
    mpz_sub(n, lo.get(), hi.get());
    mpz_sub_ui(n, n, 1);
    mpz_fdiv_q(n, n, neg);
    mpz_add_ui(n, n, 1);
    mpz_clear(neg);
  }
  return int_steal_mpz(n);
}

// start + i * step (i an int).
Value range_value_at(RangeObject* r, Value i) {
  Ref product = Ref::steal(int_multiply(i, r->step));
  if (!product) return Value();
  return int_add(r->start, product.get());
}

Value range_new_slot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("range", kwnames)) return Value();
  if (nargs == 0) return raise(exc::TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raise_format(exc::TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Ref values[3];
  for (size_t k = 0; k < nargs; ++k) {
    values[k] = Ref::steal(number_index(args[k]));
    if (!values[k]) return Value();
  }
  if (nargs == 1) return range_new(Value::small_int(0), values[0].get(), Value::small_int(1));
  return range_new(values[0].get(), values[1].get(), nargs == 3 ? values[2].get() : Value::small_int(1));
}

int64_t range_length_slot(Value self) {
  int64_t n;
  if (!int_to_int64(as_range(self)->length, &n)) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_bool(Value self) { return int_sign(as_range(self)->length) != 0; }

Value range_item_int(RangeObject* r, Value index) {
  Ref i = Ref::borrow(index);
  if (int_sign(index) < 0) {
    i = Ref::steal(int_add(index, r->length));
    if (!i) return Value();
  }
  if (int_sign(i.get()) < 0 || int_compare(i.get(), r->length) >= 0)
    return raise(exc::IndexError, "range object index out of range");
  return range_value_at(r, i.get());
}

Value range_slice(RangeObject* r, Value slice) {
  int64_t length;
  if (!int_to_int64(r->length, &length))
    return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  int64_t start, stop, step;
  if (slice_unpack(slice, &start, &stop, &step) < 0) return Value();
  slice_adjust_indices(length, &start, &stop, step);
  Ref s = Ref::steal(int_from_int64(start));
  Ref e = Ref::steal(int_from_int64(stop));
  Ref k = Ref::steal(int_from_int64(step));
  if (!s || !e || !k) return Value();
  Ref first = Ref::steal(range_value_at(r, s.get()));
  Ref last = Ref::steal(range_value_at(r, e.get()));
  Ref new_step = Ref::steal(int_multiply(r->step, k.get()));
  if (!first || !last || !new_step) return Value();
  return range_new(first.get(), last.get(), new_step.get());
}

Value range_subscript(Value self, Value key) {
  RangeObject* r = as_range(self);
  if (is_int(key)) return range_item_int(r, key);
  if (is_slice(key)) return range_slice(r, key);
  if (type_of(key)->number.index) {
    Ref i = Ref::steal(number_index(key));
    if (!i) return Value();
    return range_item_int(r, i.get());
  }
  return raise_format(exc::TypeError, "range indices must be integers or slices, not %s", type_name_of(key));
}

Value range_item_slot(Value self, int64_t index) {
  Ref i = Ref::steal(int_from_int64(index));
  return range_item_int(as_range(self), i.get());
}

// 1 if the int is one of the range's values.
bool contains_int(RangeObject* r, Value v) {
  int s = int_sign(r->step);
  if (s > 0) {
    if (int_compare(v, r->start) < 0 || int_compare(v, r->stop) >= 0) return false;
  } else {
    if (int_compare(v, r->start) > 0 || int_compare(v, r->stop) <= 0) return false;
  }
  MpzArg x(v), lo(r->start), st(r->step);
  mpz_t d;
  mpz_init(d);
  mpz_sub(d, x.get(), lo.get());
  bool divisible = mpz_divisible_p(d, st.get());
  mpz_clear(d);
  return divisible;
}

// Iterates the range comparing each value with `item` (non-int items): count or first index.
int64_t scan_equal(Value self, Value item, bool first_only) {
  Ref it = Ref::steal(get_iter(self));
  if (!it) return -1;
  int64_t count = 0, index = 0;
  for (;;) {
    Ref v = Ref::steal(iter_next(it.get()));
    if (!v) {
      if (error_occurred()) return -1;
      break;
    }
    int eq = rich_compare_bool(v.get(), item, CompareOp::Eq);
    if (eq < 0) return -1;
    if (eq) {
      if (first_only) return index;
      ++count;
    }
    ++index;
  }
  return first_only ? -2 : count;
}

int range_contains(Value self, Value item) {
  if (is_int_exact(item) || is_bool(item)) return contains_int(as_range(self), item);
  int64_t i = scan_equal(self, item, true);
  if (i == -1) return -1;
  return i >= 0;
}

Value range_count(Value self, Value item) {
  if (is_int_exact(item) || is_bool(item)) return Value::small_int(contains_int(as_range(self), item));
  int64_t n = scan_equal(self, item, false);
  if (n < 0) return Value();
  return int_from_int64(n);
}

Value range_index(Value self, Value item) {
  RangeObject* r = as_range(self);
  if (is_int_exact(item) || is_bool(item)) {
    if (!contains_int(r, item)) {
      std::string text = repr_utf8(item);
      return raise_format(exc::ValueError, "%s is not in range", text.c_str());
    }
    Ref d = Ref::steal(int_subtract(item, r->start));
    if (!d) return Value();
    return int_floor_divide(d.get(), r->step);
  }
  int64_t i = scan_equal(self, item, true);
  if (i == -1) return Value();
  if (i == -2) {
    std::string text = repr_utf8(item);
    return raise_format(exc::ValueError, "%s is not in range", text.c_str());
  }
  return int_from_int64(i);
}

Value range_repr(Value self) {
  RangeObject* r = as_range(self);
  std::string text = "range(" + repr_utf8(r->start) + ", " + repr_utf8(r->stop);
  if (!(r->step.is_small_int() && r->step.as_small_int() == 1)) text += ", " + repr_utf8(r->step);
  text += ")";
  return str_from_utf8(text);
}

Value range_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return new_not_implemented();
  if (!b.is_object() || b.as_object()->type != &range_type) return new_not_implemented();
  RangeObject *x = as_range(a), *y = as_range(b);
  bool equal;
  if (a.is(b)) equal = true;
  else if (int_compare(x->length, y->length) != 0) equal = false;
  else if (int_sign(x->length) == 0) equal = true;
  else if (int_compare(x->start, y->start) != 0) equal = false;
  else if (x->length.is_small_int() && x->length.as_small_int() == 1) equal = true;
  else equal = int_compare(x->step, y->step) == 0;
  return new_ref(bool_value(op == CompareOp::Eq ? equal : !equal));
}

int64_t range_hash(Value self) {
  RangeObject* r = as_range(self);
  Ref t;
  if (int_sign(r->length) == 0) t = Ref::steal(tuple_pack({r->length, none(), none()}));
  else if (r->length.is_small_int() && r->length.as_small_int() == 1)
    t = Ref::steal(tuple_pack({r->length, r->start, none()}));
  else t = Ref::steal(tuple_pack({r->length, r->start, r->step}));
  if (!t) return -1;
  return hash(t.get());
}

// An iterator from `first` by `step` for `count` values.
Value make_iterator(Value first, Value step, Value count) {
  int64_t f, s, n;
  if (int_to_int64(first, &f) && int_to_int64(step, &s) && int_to_int64(count, &n)) {
    // The last value must fit too (and the one after it, which next computes).
    __int128 last = static_cast<__int128>(f) + static_cast<__int128>(s) * n;
    if (last >= INT64_MIN && last <= INT64_MAX) {
      Object* memory = allocate_object(&range_iterator_type, sizeof(RangeIterObject));
      if (memory == nullptr) return Value();
      auto* it = static_cast<RangeIterObject*>(memory);
      it->next = f;
      it->step = s;
      it->remaining = n;
      it->start = f;
      it->len = n;
      return Value::object(it);
    }
  }
  Object* memory = allocate_object(&longrange_iterator_type, sizeof(LongRangeIterObject));
  if (memory == nullptr) return Value();
  auto* it = static_cast<LongRangeIterObject*>(memory);
  it->next = new_ref(first);
  it->step = new_ref(step);
  it->remaining = new_ref(count);
  it->start = new_ref(first);
  it->len = new_ref(count);
  return Value::object(it);
}

Value range_iter(Value self) {
  RangeObject* r = as_range(self);
  return make_iterator(r->start, r->step, r->length);
}

Value range_reversed(Value self) {
  RangeObject* r = as_range(self);
  if (int_sign(r->length) == 0) return make_iterator(Value::small_int(0), Value::small_int(1), r->length);
  Ref last_index = Ref::steal(int_subtract(r->length, Value::small_int(1)));
  if (!last_index) return Value();
  Ref last = Ref::steal(range_value_at(r, last_index.get()));
  Ref step = Ref::steal(int_negative(r->step));
  if (!last || !step) return Value();
  return make_iterator(last.get(), step.get(), r->length);
}

Value range_reduce(Value self) {
  RangeObject* r = as_range(self);
  Ref args = Ref::steal(tuple_pack({r->start, r->stop, r->step}));
  if (!args) return Value();
  return tuple_pack({Value::object(&range_type), args.get()});
}

Value range_get_start(Value self) { return new_ref(as_range(self)->start); }
Value range_get_stop(Value self) { return new_ref(as_range(self)->stop); }
Value range_get_step(Value self) { return new_ref(as_range(self)->step); }

const MethodDef range_methods[] = {
    {"__reversed__", (void*)range_reversed, MethodKind::NoArgs},
    {"__reduce__", (void*)range_reduce, MethodKind::NoArgs},
    {"count", (void*)range_count, MethodKind::OneArg},
    {"index", (void*)range_index, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef range_getsets[] = {
    {"start", range_get_start},
    {"stop", range_get_stop},
    {"step", range_get_step},
    {nullptr, nullptr},
};

// --- iterators -------------------------------------------------------------------------------

Value iter_self(Value self) { return new_ref(self); }

Value rangeiter_next(Value self) { return range_iter_next(static_cast<RangeIterObject*>(self.as_object())); }

Value rangeiter_length_hint(Value self) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  return int_from_int64(it->remaining > 0 ? it->remaining : 0);
}

void longrangeiter_dealloc(Object* self) {
  auto* it = static_cast<LongRangeIterObject*>(self);
  decref(it->next);
  decref(it->step);
  decref(it->remaining);
  decref(it->start);
  decref(it->len);
  free_object(self);
}

Value longrangeiter_next(Value self) {
  auto* it = static_cast<LongRangeIterObject*>(self.as_object());
  if (int_sign(it->remaining) <= 0) return Value();
  Ref next = Ref::steal(int_add(it->next, it->step));
  Ref remaining = Ref::steal(int_subtract(it->remaining, Value::small_int(1)));
  if (!next || !remaining) return Value();
  Value result = it->next;
  it->next = next.release();
  decref(it->remaining);
  it->remaining = remaining.release();
  return result;  // the reference the iterator held
}

Value longrangeiter_length_hint(Value self) {
  return new_ref(static_cast<LongRangeIterObject*>(self.as_object())->remaining);
}

// __reduce__: (iter, (range(start, start + len*step, step),), index), index = len - remaining.
Value range_iterator_reduce_from(Value start, Value step, Value len, Value index) {
  Ref span = Ref::steal(int_multiply(len, step));
  Ref stop = Ref::steal(span ? int_add(start, span.get()) : Value());
  Ref range = Ref::steal(stop ? range_new(start, stop.get(), step) : Value());
  if (!range) return Value();
  return iter_reduce_value("iter", range.get(), index);
}
Value rangeiter_reduce(Value self) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  Ref start = Ref::steal(int_from_int64(it->start)), step = Ref::steal(int_from_int64(it->step));
  Ref len = Ref::steal(int_from_int64(it->len)), index = Ref::steal(int_from_int64(it->len - it->remaining));
  if (!start || !step || !len || !index) return Value();
  return range_iterator_reduce_from(start.get(), step.get(), len.get(), index.get());
}
Value rangeiter_setstate(Value self, Value state) {
  auto* it = static_cast<RangeIterObject*>(self.as_object());
  Ref n = Ref::steal(number_index(state));
  if (!n) return Value();
  int64_t index;
  if (!int_to_int64(n.get(), &index)) return raise(exc::OverflowError, "Python int too large to convert to C long");
  index = index < 0 ? 0 : index > it->len ? it->len : index;
  it->next = it->start + index * it->step;
  it->remaining = it->len - index;
  return new_ref(none());
}
Value longrangeiter_reduce(Value self) {
  auto* it = static_cast<LongRangeIterObject*>(self.as_object());
  Ref index = Ref::steal(int_subtract(it->len, it->remaining));
  if (!index) return Value();
  return range_iterator_reduce_from(it->start, it->step, it->len, index.get());
}
// The index is clipped to [0, len] by comparison, as CPython's (so any comparable state).
Value longrangeiter_setstate(Value self, Value state) {
  auto* it = static_cast<LongRangeIterObject*>(self.as_object());
  Ref index = Ref::borrow(state);
  int below = rich_compare_bool(state, Value::small_int(0), CompareOp::Lt);
  if (below < 0) return Value();
  if (below) {
    index = Ref::steal(Value::small_int(0));
  } else {
    int above = rich_compare_bool(it->len, state, CompareOp::Lt);
    if (above < 0) return Value();
    if (above) index = Ref::borrow(it->len);
  }
  Ref span = Ref::steal(binary_op(index.get(), it->step, BinaryOp::Multiply));
  Ref next = Ref::steal(span ? binary_op(it->start, span.get(), BinaryOp::Add) : Value());
  Ref remaining = Ref::steal(next ? binary_op(it->len, index.get(), BinaryOp::Subtract) : Value());
  if (!remaining) return Value();
  Value old_next = it->next, old_remaining = it->remaining;
  it->next = next.release();
  it->remaining = remaining.release();
  decref(old_next);
  decref(old_remaining);
  return new_ref(none());
}

const MethodDef rangeiter_methods[] = {
    {"__length_hint__", (void*)rangeiter_length_hint, MethodKind::NoArgs},
    {"__reduce__", (void*)rangeiter_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)rangeiter_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef longrangeiter_methods[] = {
    {"__length_hint__", (void*)longrangeiter_length_hint, MethodKind::NoArgs},
    {"__reduce__", (void*)longrangeiter_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)longrangeiter_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value range_new(Value start, Value stop, Value step) {
  if (int_sign(step) == 0) return raise(exc::ValueError, "range() arg 3 must not be zero");
  Ref length = Ref::steal(compute_length(start, stop, step));
  if (!length) return Value();
  Object* memory = allocate_object(&range_type, sizeof(RangeObject));
  if (memory == nullptr) return Value();
  auto* r = static_cast<RangeObject*>(memory);
  r->start = int_exact_copy(start);
  r->stop = int_exact_copy(stop);
  r->step = int_exact_copy(step);
  r->length = length.release();
  return Value::object(r);
}

void init_range_types() {
  TypeObject& t = range_type;
  init_number_static_type(t, "range", &object_type, sizeof(RangeObject), TypeFlag::MatchSequence);
  t.dealloc = range_dealloc;
  t.repr = range_repr;
  t.hash = range_hash;
  t.richcompare = range_richcompare;
  t.iter = range_iter;
  t.new_ = range_new_slot;
  t.number.bool_ = range_bool;
  t.sequence.length = range_length_slot;
  t.sequence.item = range_item_slot;
  t.sequence.contains = range_contains;
  t.mapping.length = range_length_slot;
  t.mapping.subscript = range_subscript;
  add_methods(&t, range_methods);
  add_getsets(&t, range_getsets);
  type_ready(&t);

  TypeObject& it = range_iterator_type;
  init_number_static_type(it, "range_iterator", &object_type, sizeof(RangeIterObject), 0);
  it.iter = iter_self;
  it.iternext = rangeiter_next;
  add_methods(&it, rangeiter_methods);
  type_ready(&it);

  TypeObject& lit = longrange_iterator_type;
  init_number_static_type(lit, "longrange_iterator", &object_type, sizeof(LongRangeIterObject), 0);
  lit.dealloc = longrangeiter_dealloc;
  lit.iter = iter_self;
  lit.iternext = longrangeiter_next;
  add_methods(&lit, longrangeiter_methods);
  type_ready(&lit);
}

}  // namespace krait::runtime

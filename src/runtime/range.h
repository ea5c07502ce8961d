// range and its iterators.
#pragma once

#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/int.h"
#include "runtime/object.h"

namespace krait::runtime {

// start, stop, step and length are ints (any size; length computed once).
struct RangeObject : Object {
  Value start, stop, step, length;
};

// The iterator of a range whose values all fit int64 (FOR_ITER's fast path reads it directly).
struct RangeIterObject : Object {
  int64_t next = 0;
  int64_t step = 1;
  int64_t remaining = 0;
  int64_t start = 0;  // the first value and the count, for __reduce__/__setstate__
  int64_t len = 0;
};

extern TypeObject range_iterator_type;        // "range_iterator"
extern TypeObject longrange_iterator_type;    // "longrange_iterator" (values beyond int64)

// range(start, stop, step) from ints (step != 0 checked: ValueError "range() arg 3 must not be zero").
Value range_new(Value start, Value stop, Value step);
// The next value of a range_iterator or null when exhausted (no error set). Never allocates
// for small values.
inline Value range_iter_next(RangeIterObject* it) {
  if (it->remaining <= 0) return Value();
  int64_t v = it->next;
  it->next += it->step;
  --it->remaining;
  if (Value::fits_small_int(v)) return Value::small_int(v);
  return int_from_int64(v);
}

}  // namespace krait::runtime

// slice objects and index arithmetic shared by every sequence.
#pragma once

#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct SliceObject : Object {
  Value start, stop, step;  // owned; None when omitted
};

Value slice_new(Value start, Value stop, Value step);  // null arguments mean None
inline bool is_slice(Value v) { return v.is_object() && v.as_object()->type == &slice_type; }

// CPython's PySlice_Unpack: start/stop/step as int64 (clamped to the int64 range, step != 0;
// ValueError "slice step cannot be zero", TypeError "slice indices must be integers or None or
// have an __index__ method"). 0 or -1 + error.
int slice_unpack(Value slice, int64_t* start, int64_t* stop, int64_t* step);
// CPython's PySlice_AdjustIndices: clips start/stop to `length`, returns the slice's length.
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step);

}  // namespace krait::runtime

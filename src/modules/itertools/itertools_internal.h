// Shared pieces of the itertools module's files: allocation of instances (of the type or of a
// subclass), reference-field helpers, and the per-file registration functions.
#pragma once

#include <cstddef>

#include "runtime/builtin_types.h"
#include "runtime/memory.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::modules::itertools {

using namespace runtime;

// A zeroed instance of `type` (every Value field null); null + MemoryError on failure.
// Subclass instances are bigger than T: type->basic_size covers their __dict__ and slots.
template <typename T>
T* allocate(TypeObject* type) {
  return static_cast<T*>(allocate_object(type, type->basic_size));
}

// Releases a reference field, leaving it null first (a finalizer run by the release must not
// see the old value).
inline void clear_field(Value& field) {
  Value old = field;
  field = Value();
  xdecref(old);
}
inline void visit_field(Value v, VisitFunc visit, void* context) {
  if (v.is_object()) visit(v, context);
}
// Replaces a reference field with a new reference (consumed).
inline void set_field(Value& field, Value value) {
  Value old = field;
  field = value;
  xdecref(old);
}

// Makes a static iterator type: immortal header, name "itertools.NAME", instance size, tracked
// by the collector; __iter__ returns self.
void init_iterator_type(TypeObject& type, const char* name, size_t basic_size);
Value iter_self(Value self);

// Whether keyword arguments must be refused for `type` (the iterator type `exact` or a
// subclass): as CPython, unless the subclass defines its own __init__ (which may take them).
inline bool keywords_checked(TypeObject* type, TypeObject* exact) {
  return type == exact || type->init == exact->init;
}

// The type object as a Value (borrowed).
inline Value type_value(TypeObject* type) { return Value::object(type); }

// A result tuple an iterator reuses when nobody else holds it (product, combinations...): the
// tuple again (incref'd, re-tracked by the collector if it was untracked) or a fresh copy.
// Returns the tuple to fill in place (owned by `*slot`); null + error on failure.
Value reusable_tuple(Value* slot);

// Registration: each file readies its types once and adds them to the module. 0 or -1.
int add_basic_types(Value module);        // count, cycle, repeat, accumulate, chain, compress,
                                          // dropwhile, takewhile, filterfalse, starmap
int add_slicing_types(Value module);      // islice, pairwise, zip_longest
int add_grouping_types(Value module);     // groupby, _grouper, tee, _tee, _tee_dataobject
int add_combinatoric_types(Value module); // product, permutations, combinations,
                                          // combinations_with_replacement

}  // namespace krait::modules::itertools

// tuple: an immutable array of Values, items stored inline after the header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct TupleObject : Object {
  int64_t size;
  Value items[];
};

struct TupleIterObject : Object {
  int64_t index;
  Value tuple;           // null once exhausted
};
extern TypeObject tuple_iterator_type;

bool is_tuple(Value v);          // tuple or a subclass
bool is_tuple_exact(Value v);

// A tuple of n items, all null: the caller stores NEW references into tuple_items() before the
// tuple is shared. tuple_new(0) returns the empty-tuple singleton.
Value tuple_new(size_t n);
// A tuple of borrowed values (each gets a new reference).
Value tuple_from_array(const Value* items, size_t n);
Value tuple_pack(std::initializer_list<Value> items);
// tuple(iterable); returns the argument itself (new reference) when it is exactly a tuple.
Value tuple_from_iterable(Value iterable);
Value tuple_empty();

inline TupleObject* as_tuple(Value v) { return static_cast<TupleObject*>(v.as_object()); }
inline size_t tuple_size(Value v) { return static_cast<size_t>(as_tuple(v)->size); }
inline Value* tuple_items(Value v) { return as_tuple(v)->items; }
inline Value tuple_get(Value v, size_t i) { return as_tuple(v)->items[i]; }  // borrowed

Value tuple_slice(Value v, int64_t start, int64_t stop);  // clamped like CPython's
Value tuple_repr(Value v);
int64_t tuple_hash(Value v);

}  // namespace krait::runtime

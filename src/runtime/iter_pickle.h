// Pickling support shared by the built-in sequence iterators (list, tuple, str, bytes, range...):
// their __reduce__ gives (iter, (seq,), index), or (iter, (empty,)) once exhausted, and their
// __setstate__ takes the index back. iter_pickle.cpp.
#pragma once

#include <cstdint>

#include "runtime/builtin_types.h"

namespace krait::runtime {

// (builtins.<builtin>, (seq,), index): new reference, or null + error.
Value iter_reduce_value(const char* builtin, Value seq, Value index);
Value iter_reduce_value(const char* builtin, Value seq, int64_t index);
// (builtins.iter, (empty,)) for an exhausted iterator.
Value iter_reduce_exhausted(Value empty);
// __setstate__'s argument as an index (an int, as PyLong_AsSsize_t wants: "an integer is
// required" otherwise). false + error.
bool iter_state_index(Value state, int64_t* index);

}  // namespace krait::runtime

namespace krait::runtime {

// __reduce__ and __setstate__ of list_iterator, list_reverseiterator and tuple_iterator.
Value list_iterator_reduce(Value self);
Value list_iterator_setstate(Value self, Value state);
Value list_reverseiterator_reduce(Value self);
Value list_reverseiterator_setstate(Value self, Value state);
Value tuple_iterator_reduce(Value self);
Value tuple_iterator_setstate(Value self, Value state);

}  // namespace krait::runtime

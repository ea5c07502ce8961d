// Small helpers shared by coll's files (str, bytes, tuple, list, dict, set): argument checks with
// CPython's messages, index arguments, type names. Internal to those files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::runtime::coll {

inline const char* type_name(Value v) { return type_of(v)->name.c_str(); }

// Argument Clinic's messages: "split() takes at most 2 arguments (3 given)".
bool check_count(const char* name, size_t nargs, size_t min, size_t max);
// PyArg_UnpackTuple's messages: "find expected at least 1 argument, got 0".
bool check_unpack(const char* name, size_t nargs, size_t min, size_t max);
// No keyword arguments accepted: "name() takes no keyword arguments".
bool check_no_kwargs(const char* name, Value kwnames);

// Matches keyword arguments to parameter names. `params` names every parameter in order;
// positional arguments fill the first ones. out[i] is null for an absent parameter. Raises
// CPython's messages ("'x' is an invalid keyword argument for split()",
// "split() got multiple values for argument 'sep'", "... takes at most N arguments").
bool parse_args(const char* fname, const Value* args, size_t nargs, Value kwnames,
                const char* const* params, size_t nparams, size_t min_positional,
                size_t max_positional, Value* out);

// A start/end argument of find/count/startswith (None allowed = keep default): clamps huge ints
// as CPython's _PyEval_SliceIndex does. False + TypeError "slice indices must be integers or None
// or have an __index__ method".
bool slice_index(Value v, int64_t* out);
// An int argument (index/__index__) as int64: false + error (OverflowError when too big,
// TypeError "'X' object cannot be interpreted as an integer" when not an int).
bool index_arg(Value v, int64_t* out);
// A method's Py_ssize_t argument (the argument clinic's 'n'): __index__, then CPython's
// "Python int too large to convert to C ssize_t" when it does not fit (index_arg says "cannot fit
// 'int' into an index-sized integer", as subscripts and repeat counts do).
bool ssize_arg(Value v, int64_t* out);
// Normalizes start/end against a length as str.find does (negative from the end, clipped).
void adjust_range(int64_t length, int64_t* start, int64_t* end);

// repr() recursion guard for containers (list, dict, set, ...): returns 1 if `object` is already
// being printed (the caller prints "[...]" / "{...}"), 0 after entering, -1 on error.
int repr_enter(Object* object);
void repr_leave(Object* object);

// Fills the header and identity of a static built-in type (immortal, type `type`, base object).
void init_static_type(TypeObject& type, const char* name, size_t basic_size, uint64_t type_flags);

}  // namespace krait::runtime::coll

// Argument checking shared by the native modules of the stdlib support set (itertools,
// _collections, _operator, _functools): CPython 3.11's messages for keyword matching
// (Argument Clinic's _PyArg_UnpackKeywords and PyArg_ParseTupleAndKeywords agree on them),
// positional counts (PyArg_UnpackTuple) and Py_ssize_t conversions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::modules {

using runtime::Value;

// Matches positional and keyword arguments to `names`: the first `max_positional` may be given
// by position, the first `required` must be present. out[i] is borrowed, null when absent.
// False + TypeError ("f() takes at most 2 arguments (3 given)", "f() missing required argument
// 'x' (pos 1)", "argument for f() given by name ('x') and position (1)", "'y' is an invalid
// keyword argument for f()").
bool match_arguments(const char* fname, const Value* args, size_t nargs, Value kwnames,
                     std::initializer_list<const char*> names, size_t max_positional, size_t required,
                     Value* out);

// PyArg_UnpackTuple's count check: "NAME expected at least 1 argument, got 0".
bool check_positional(const char* fname, size_t nargs, size_t min, size_t max);

// "NAME() takes no keyword arguments" unless kwnames is null or empty.
bool check_no_keywords(const char* fname, Value kwnames);
size_t keyword_count(Value kwnames);

// PyNumber_AsSsize_t(v, OverflowError): an int or __index__ object that fits int64.
// False + TypeError "'str' object cannot be interpreted as an integer" or OverflowError
// "Python int too large to convert to C ssize_t".
bool ssize_argument(Value v, int64_t* out);

// A type's name as _PyType_Name gives it (tp_name after the last dot): reprs of subclasses.
std::string short_type_name(const runtime::TypeObject* type);

}  // namespace krait::modules

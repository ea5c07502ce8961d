// Binding a native function's arguments to its parameters, with CPython's messages for the
// mistakes (the argument clinic's: "f() missing required argument 'x' (pos 1)", "'y' is an
// invalid keyword argument for f()", ...).
#pragma once

#include <cstddef>
#include <initializer_list>

#include "runtime/object.h"

namespace krait::runtime {

struct Params {
  const char* function;                     // as shown in messages, e.g. "acquire"
  std::initializer_list<const char*> names; // every parameter, positional ones first
  size_t positional_only = 0;               // the first n cannot be passed by keyword
  size_t required = 0;                      // the first n must be given
  size_t max_positional = size_t(-1);       // parameters after this are keyword-only
};

// Fills out[0..names.size()) with the borrowed argument for each parameter (null when not
// given). `args`/`nargs`/`kwnames` are the vectorcall convention of type.h. False + TypeError.
bool bind_args(const Params& params, const Value* args, size_t nargs, Value kwnames, Value* out);

}  // namespace krait::runtime

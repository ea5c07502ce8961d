// Bound methods (Python's `method` type: a function bound to self). method.cpp.
#pragma once

#include "runtime/builtin_types.h"

namespace krait::runtime {

struct MethodObject : Object {
  Value function;   // the callable (a function, usually)
  Value self;
  Value weakrefs;    // weak-reference list (weakref.h)
};

// A new bound method (both arguments borrowed).
Value method_new(Value function, Value self);
inline bool is_method(Value v) { return v.is_object() && v.as_object()->type == &method_type; }

}  // namespace krait::runtime

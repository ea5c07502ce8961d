// builtin_function_or_method: a native function (len) or a native method bound to its self
// ([].append). builtin_function.cpp.
#pragma once

#include "runtime/builtin_types.h"

namespace krait::runtime {

struct BuiltinFunctionObject : Object {
  const MethodDef* def;
  Value self;     // the bound object, or the module for module-level functions (may be null)
  Value module;   // __module__: the module's name (a str), or null
  Value weakrefs; // weak-reference list (weakref.h)
};

// self and module borrowed (may be null). `module` is the module's name (a str) or the module.
Value builtin_function_new(const MethodDef* def, Value self, Value module);

}  // namespace krait::runtime

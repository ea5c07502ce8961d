// Module objects. module.cpp.
#pragma once

#include "runtime/builtin_types.h"

namespace krait::runtime {

struct ModuleObject : Object {
  Value dict;       // the module's globals (a dict)
  Value weaklist;   // reserved for weak references
};

// A new module named `name` (a str); its dict has __name__, __doc__ None, __package__ None,
// __loader__ None, __spec__ None.
Value module_new(Value name);
Value module_new(const char* name);
inline bool is_module(Value v);
// The module's __dict__ (borrowed).
Value module_dict(Value module);
// Sets module.name = value (value borrowed); 0 or -1.
int module_add(Value module, const char* name, Value value);
// Adds builtin_function objects for `functions` (null-name terminated), bound to the module.
int module_add_functions(Value module, const MethodDef* functions);

inline bool is_module(Value v) {
  return v.is_object() && (v.as_object()->type == &module_type ||
                           is_subtype(v.as_object()->type, &module_type));
}

}  // namespace krait::runtime

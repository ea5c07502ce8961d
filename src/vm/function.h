// Python functions (function_type) and cells (cell_type).
#pragma once

#include <cstddef>

#include "runtime/builtin_types.h"
#include "vm/code.h"

namespace krait::vm {

struct FunctionObject : runtime::Object {
  Value code;         // a CodeObject
  Value globals;      // dict
  Value builtins;     // dict (the globals' __builtins__ at creation, or the builtins module's dict)
  Value name;         // str
  Value qualname;     // str
  Value defaults;     // tuple or null
  Value kwdefaults;   // dict or null
  Value closure;      // tuple of cells or null
  Value doc;          // None or the docstring
  Value dict;         // __dict__ (null until used)
  Value module;       // __module__ (globals['__name__'] at creation)
  Value annotations;  // dict or null
  Value weakrefs;
  uint32_t version = 0;
};

inline FunctionObject* as_function(Value v) { return static_cast<FunctionObject*>(v.as_object()); }
inline bool is_function(Value v) {
  return v.is_object() && v.as_object()->type == &runtime::function_type;
}

// MAKE_FUNCTION: a new function over `code` in `globals` (qualname from the code).
Value function_new(Value code, Value globals);

struct CellObject : runtime::Object {
  Value ref;  // the contents, or null (empty cell)
};
inline CellObject* as_cell(Value v) { return static_cast<CellObject*>(v.as_object()); }
Value cell_new(Value contents);  // contents may be null

int init_function_types();

}  // namespace krait::vm

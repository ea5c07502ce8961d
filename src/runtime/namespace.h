// types.SimpleNamespace: an object that is just its attributes (sys.implementation is one;
// importlib builds its frozen modules' loader state with type(sys.implementation)).
#pragma once

#include "runtime/builtin_types.h"

namespace krait::runtime {

extern TypeObject namespace_type;

// A new namespace whose attributes are the items of `dict` (borrowed; may be null).
Value namespace_new(Value dict);
void init_namespace_type();

}  // namespace krait::runtime

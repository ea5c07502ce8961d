// Internal interfaces between builtins.cpp, builtins_iter.cpp and sys.cpp.
#pragma once

#include <string>

#include "runtime/object.h"

namespace krait::modules {

using runtime::Value;

// enumerate, zip, map, filter, reversed: registers the types in the builtins module.
int init_builtin_iterators(Value builtins);

// sys.stdout/sys.stderr's native writer objects (sys.cpp).
bool is_native_stdio(Value file);
int native_stdio_write(Value file, const std::string& text);

}  // namespace krait::modules

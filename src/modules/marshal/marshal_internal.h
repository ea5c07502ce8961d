// The runtime's marshal module (src/modules/marshal/): CPython 3.11's marshal over runtime
// values. The byte level and code objects are the compiler's marshal (src/bytecode/marshal*),
// shared: a code object inside a list is written by the same code as a .pyc body, with one
// back-reference table for the whole stream.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace krait::modules::marshal {

using runtime::Value;

// marshal.dumps(value, version): a bytes object, or null + ValueError "unmarshallable object" /
// "object too deeply nested to marshal" (or MemoryError).
Value dumps(Value value, int version);

// marshal.loads(data): the first object of `data` (trailing bytes ignored), or null + CPython's
// error for malformed data.
Value loads(std::string_view data);
// marshal.load(file): reads exactly the bytes of one object with file.readinto.
Value load(Value file);

}  // namespace krait::modules::marshal

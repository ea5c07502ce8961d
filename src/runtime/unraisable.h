// Exceptions that cannot propagate (raised by __del__, weakref callbacks, atexit callbacks, gc
// callbacks...) are reported as CPython's default sys.unraisablehook reports them. unraisable.cpp.
#pragma once

#include "runtime/object.h"

namespace krait::runtime {

// Takes the current exception and writes to sys.stderr:
//   "Exception ignored in: <repr(object)>" (or "Exception ignored <context>: <repr(object)>")
//   the traceback and the exception's line (no chained exceptions, as CPython's hook).
// `object` may be null (only the exception is written). Clears the error indicator.
void write_unraisable(Value object, const char* context = nullptr);

}  // namespace krait::runtime

// Exceptions that cannot propagate (raised by __del__, weakref callbacks, atexit callbacks, gc
// callbacks...) are reported as CPython's default sys.unraisablehook reports them. unraisable.cpp.
#pragma once

#include "runtime/object.h"

namespace krait::runtime {

// Takes the current exception and writes to sys.stderr:
//   "Exception ignored in: <repr(object)>" (or "Exception ignored <context>: <repr(object)>")
//   the traceback and the exception's line (no chained exceptions, as CPython's hook).
// `object` may be null (only the exception is written). Clears the error indicator.
// A program's sys.unraisablehook, if it replaced the default, is called instead with an
// UnraisableHookArgs (exc_type, exc_value, exc_traceback, err_msg, object).
void write_unraisable(Value object, const char* context = nullptr);

// Adds sys.unraisablehook and sys.__unraisablehook__ (the default hook) to the sys module.
// 0, or -1 + error.
int add_unraisablehook(Value sys);

}  // namespace krait::runtime

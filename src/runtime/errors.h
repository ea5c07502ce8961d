// Raising and inspecting exceptions from C++: the thread's current exception (CPython's error
// indicator). A function that fails sets it and returns a null Value (or -1); the caller
// propagates or handles it. No C++ exceptions are thrown for Python exceptions.
#pragma once

#include <string>

#include "runtime/type.h"

namespace krait::runtime {

// The built-in exception classes (exceptions.def), set up at start-up.
namespace exc {
extern TypeObject* BaseException;
#define KRAIT_EXCEPTION(name, base) extern TypeObject* name;
#include "runtime/exceptions.def"
}  // namespace exc

// Sets the current exception to `type(message)` and returns null, so that
// `return raise(exc::TypeError, "...");` propagates.
Value raise(TypeObject* type, const std::string& message);
// printf-style message (%s takes const char*; use repr/str helpers for objects).
Value raise_format(TypeObject* type, const char* format, ...) __attribute__((format(printf, 2, 3)));
// Sets the current exception to an exception instance or class (as `raise value` would).
void set_exception(Value exception);
// Raises KeyError(key) (its args hold the key itself, as CPython's does).
Value raise_key_error(Value key);
// Raises MemoryError (preallocated; never allocates).
Value raise_no_memory();

bool error_occurred();
// True if the current exception is an instance of `type` (or a subclass).
bool error_matches(TypeObject* type);
// Takes the current exception (a new reference to the instance), leaving none set.
Ref fetch_exception();
void clear_error();

}  // namespace krait::runtime

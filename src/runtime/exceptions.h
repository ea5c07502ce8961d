// The built-in exception classes as heap-object layouts, and helpers the VM and other types use.
//
// Every exception instance is a BaseExceptionObject (subclasses with extra attributes extend it);
// exceptions.cpp creates the classes of exceptions.def (exc::* in errors.h) at start-up.
#pragma once

#include <string>

#include "runtime/errors.h"

namespace krait::runtime {

struct BaseExceptionObject : Object {
  Value dict;        // instance __dict__ (null until first needed)
  Value args;        // a tuple
  Value notes;       // __notes__ list (null: none)
  Value traceback;   // a traceback or null
  Value context;     // __context__ or null
  Value cause;       // __cause__ or null
  bool suppress_context = false;
  // Per-class extras (only the fields of the instance's class are meaningful):
  Value value;       // StopIteration.value, SystemExit.code, KeyError/AttributeError.name...
  Value extra[8];    // OSError (errno, strerror, filename, filename2), SyntaxError fields,
                     // ImportError (msg, name, path), AttributeError/NameError (name, obj),
                     // BaseExceptionGroup (message, exceptions), UnicodeError fields
};

// Creates the exception classes (exc::*); called by init_runtime.
int init_exceptions();

inline bool is_exception_instance(Value v) {
  return v.is_object() && (v.as_object()->type->flags & TypeFlag::BaseExceptionSubclass);
}
bool is_exception_type(Value v);  // a type deriving from BaseException

// A new instance: type(*args). New reference, or null + error.
Value exception_new(TypeObject* type, const Value* args, size_t nargs);
// A new instance with one str argument (UTF-8).
Value exception_from_message(TypeObject* type, const std::string& message);

// Borrowed accessors (null when unset); setters take new values (borrowed, increfed).
inline BaseExceptionObject* as_exception(Value v) { return static_cast<BaseExceptionObject*>(v.as_object()); }
Value exception_args(Value e);
Value exception_traceback(Value e);
void exception_set_traceback(Value e, Value tb);   // tb may be null / None
Value exception_context(Value e);
void exception_set_context(Value e, Value context);  // steals nothing; null clears
Value exception_cause(Value e);
void exception_set_cause(Value e, Value cause);      // also sets __suppress_context__
bool exception_suppress_context(Value e);
// StopIteration's value (borrowed; None when absent).
Value stop_iteration_value(Value e);
// After a failed attribute lookup: records name and obj on the current AttributeError (if it
// is one and has neither yet), for the "Did you mean" suggestion and e.name / e.obj.
void attribute_error_context(Value object, Value name);
// SystemExit's code (borrowed).
Value system_exit_code(Value e);

}  // namespace krait::runtime

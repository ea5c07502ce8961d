// The error indicator: the thread's current exception (always a normalized instance).
#include "runtime/errors.h"

#include <cstdarg>
#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/exceptions.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/state.h"

namespace krait::vm {

// Never destroyed: frames, generators and exceptions may still be released during exit, after
// static destructors would have torn the state (and its frame-stack chunks) down.
ThreadState& thread_state() {
  static auto* state = new ThreadState();
  return *state;
}

Value handled_exception() {
  for (ExcStackItem* item = thread_state().exc_info; item; item = item->previous)
    if (item->exc_value && !item->exc_value.is(runtime::none())) return item->exc_value;
  return Value();
}

// Sets the current exception without chaining (re-raise, unwinding): steals `exception`.
void restore_exception(Value exception) {
  ThreadState& ts = thread_state();
  Value old = ts.current_exception;
  ts.current_exception = exception;
  runtime::xdecref(old);
}

}  // namespace krait::vm

namespace krait::runtime {

namespace {

// Sets `value` (stolen) as the current exception, chaining the exception being handled as its
// __context__ (breaking a cycle the chain would form, as CPython does).
void set_with_context(Value value) {
  Value handled = vm::handled_exception();
  if (handled && !handled.is(value) && is_exception_instance(handled)) {
    Value o = handled;
    while (true) {
      Value context = exception_context(o);
      if (!context) break;
      if (context.is(value)) {
        exception_set_context(o, Value());
        break;
      }
      o = context;
    }
    exception_set_context(value, handled);
  }
  vm::restore_exception(value);
}

}  // namespace

Value raise(TypeObject* type, const std::string& message) {
  Value e = exception_from_message(type, message);
  if (!e) return Value();  // creating it failed: that error is set instead
  set_with_context(e);
  return Value();
}

Value raise_format(TypeObject* type, const char* format, ...) {
  char buffer[1024];
  va_list ap;
  va_start(ap, format);
  int n = std::vsnprintf(buffer, sizeof buffer, format, ap);
  va_end(ap);
  if (n < int(sizeof buffer)) return raise(type, std::string(buffer, n < 0 ? 0 : n));
  std::string big(size_t(n) + 1, '\0');
  va_start(ap, format);
  std::vsnprintf(big.data(), big.size(), format, ap);
  va_end(ap);
  big.resize(size_t(n));
  return raise(type, big);
}

void set_exception(Value exception) {
  if (is_exception_type(exception)) {
    Value instance = call_no_args(exception);
    if (!instance) return;
    if (!is_exception_instance(instance)) {
      raise_format(exc::TypeError,
                   "calling %s should have returned an instance of BaseException, not %s",
                   static_cast<TypeObject*>(exception.as_object())->name.c_str(),
                   type_of(instance)->name.c_str());
      decref(instance);
      return;
    }
    set_with_context(instance);
    return;
  }
  if (!is_exception_instance(exception)) {
    raise(exc::TypeError, "exceptions must derive from BaseException");
    return;
  }
  incref(exception);
  set_with_context(exception);
}

Value raise_key_error(Value key) {
  Value e = exception_new(exc::KeyError, &key, 1);
  if (!e) return Value();
  set_with_context(e);
  return Value();
}

// A new MemoryError per raise, as CPython's come from a free list, so that the traceback a raise
// attaches dies with the exception. The preallocated one (a static root) is for when not even
// that allocation succeeds; what an earlier raise attached to it is dropped first.
Value raise_no_memory() {
  static Value preallocated;
  static bool allocating = false;  // the allocation below failed and raised again: use the spare
  Value e;
  if (!allocating) {
    allocating = true;
    if (!preallocated) {
      preallocated = exc::MemoryError->new_(exc::MemoryError, nullptr, 0, Value());
      if (preallocated) declare_static_root(&preallocated);
    }
    e = exc::MemoryError->new_(exc::MemoryError, nullptr, 0, Value());
    allocating = false;
  }
  if (!e) {
    if (!preallocated) return Value();
    auto* spare = static_cast<BaseExceptionObject*>(preallocated.as_object());
    for (Value* field : {&spare->traceback, &spare->context, &spare->cause, &spare->notes}) {
      Value old = *field;
      *field = Value();
      xdecref(old);
    }
    spare->suppress_context = false;
    incref(preallocated);
    e = preallocated;
  }
  vm::restore_exception(e);
  return Value();
}

bool error_occurred() { return !vm::thread_state().current_exception.is_null(); }

bool error_matches(TypeObject* type) {
  Value e = vm::thread_state().current_exception;
  return e && is_subtype(type_of(e), type);
}

Ref fetch_exception() {
  vm::ThreadState& ts = vm::thread_state();
  Value e = ts.current_exception;
  ts.current_exception = Value();
  return Ref::steal(e);
}

void clear_error() { vm::restore_exception(Value()); }

}  // namespace krait::runtime

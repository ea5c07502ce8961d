// _tracemalloc: the interface of CPython's allocation tracer, without the tracer. krait does not
// record where objects were allocated, so tracing is never on: is_tracing() is False, there are
// no traces and no traced memory, as CPython reports before start(). start() raises
// NotImplementedError. The warnings module asks is_tracing() to suggest enabling tracemalloc
// ("Enable tracemalloc to get the object allocation traceback"), as CPython prints it.
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

constexpr int64_t kMaxFrames = 65535;  // CPython's limit on nframe

Value start(Value, const Value* args, size_t nargs) {
  if (nargs > 1) return raise_format(exc::TypeError, "start expected at most 1 argument, got %zu", nargs);
  if (nargs == 1) {
    Ref n = Ref::steal(number_index(args[0]));
    if (!n) return Value();
    int64_t frames = 0;
    if (!int_to_int64(n.get(), &frames) || frames < 1 || frames > kMaxFrames) {
      clear_error();
      return raise_format(exc::ValueError, "the number of frames must be in range [1; %ld]", long(kMaxFrames));
    }
  }
  return raise(exc::NotImplementedError, "not implemented: tracemalloc tracing (krait does not record allocation tracebacks)");
}

Value no_op(Value) { return new_ref(none()); }  // stop/clear_traces/reset_peak: nothing is traced
Value is_tracing(Value) { return new_ref(false_value()); }
Value traceback_limit(Value) { return int_from_int64(1); }
Value traced_memory(Value) { return tuple_pack({Value::small_int(0), Value::small_int(0)}); }
Value tracemalloc_memory(Value) { return Value::small_int(0); }
Value traces(Value) { return list_new(0); }
Value object_traceback(Value, Value) { return new_ref(none()); }

const MethodDef tracemalloc_functions[] = {
    {"_get_object_traceback", reinterpret_cast<void*>(object_traceback), MethodKind::OneArg, false, false,
     "Get the traceback where the Python object obj was allocated.\n\nReturn a tuple of (filename: str, "
     "lineno: int) tuples.\nReturn None if the tracemalloc module is disabled or did not\ntrace the allocation of "
     "the object."},
    {"_get_traces", reinterpret_cast<void*>(traces), MethodKind::NoArgs, false, false,
     "Get traces of all memory blocks allocated by Python.\n\nReturn a list of (size: int, traceback: tuple) "
     "tuples.\ntraceback is a tuple of (filename: str, lineno: int) tuples.\n\nReturn an empty list if the "
     "tracemalloc module is disabled."},
    {"clear_traces", reinterpret_cast<void*>(no_op), MethodKind::NoArgs, false, false,
     "Clear traces of memory blocks allocated by Python."},
    {"get_traceback_limit", reinterpret_cast<void*>(traceback_limit), MethodKind::NoArgs, false, false,
     "Get the maximum number of frames stored in the traceback of a trace.\n\nBy default, a trace of an "
     "allocated memory block only stores\nthe most recent frame: the limit is 1."},
    {"get_traced_memory", reinterpret_cast<void*>(traced_memory), MethodKind::NoArgs, false, false,
     "Get the current size and peak size of memory blocks traced by tracemalloc.\n\nReturns a tuple: "
     "(current: int, peak: int)."},
    {"get_tracemalloc_memory", reinterpret_cast<void*>(tracemalloc_memory), MethodKind::NoArgs, false, false,
     "Get the memory usage in bytes of the tracemalloc module.\n\nThis memory is used internally to trace "
     "memory allocations."},
    {"is_tracing", reinterpret_cast<void*>(is_tracing), MethodKind::NoArgs, false, false,
     "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"reset_peak", reinterpret_cast<void*>(no_op), MethodKind::NoArgs, false, false,
     "Set the peak size of memory blocks traced by tracemalloc to the current size.\n\nDo nothing if the "
     "tracemalloc module is not tracing memory allocations."},
    {"start", reinterpret_cast<void*>(start), MethodKind::Fast, false, false,
     "Start tracing Python memory allocations.\n\nAlso set the maximum number of frames stored in the "
     "traceback of a\ntrace to nframe."},
    {"stop", reinterpret_cast<void*>(no_op), MethodKind::NoArgs, false, false,
     "Stop tracing Python memory allocations.\n\nAlso clear traces of memory blocks allocated by Python."},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value create_tracemalloc_module() {
  Ref module = Ref::steal(module_new("_tracemalloc"));
  if (!module || module_add_functions(module.get(), tracemalloc_functions) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules

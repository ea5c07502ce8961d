// Reporting exceptions that cannot propagate (see unraisable.h).
#include "runtime/unraisable.h"

#include <cstdio>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/exceptions.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/state.h"

namespace krait::runtime {

void write_unraisable(Value object, const char* context) {
  // As CPython: an exception raised without a traceback (a RuntimeError from a generator's close on
  // drop) is shown at the line that was running.
  vm::ThreadState& ts = vm::thread_state();
  if (ts.current_exception && is_exception_instance(ts.current_exception) && ts.frame != nullptr) {
    Value tb = exception_traceback(ts.current_exception);
    if (!tb || tb.is(none())) vm::traceback_add(ts.frame);
  }
  Ref exception = fetch_exception();
  if (!exception) return;
  std::string text;
  if (object) {
    text = context != nullptr ? std::string("Exception ignored ") + context : std::string("Exception ignored in");
    text += ": ";
    Ref shown = Ref::steal(repr(object));
    if (shown && is_str(shown.get())) {
      text += str_to_utf8(shown.get());
    } else {
      clear_error();
      text += "<object repr() failed>";
    }
    text += "\n";
  }
  text += vm::format_exception_unchained(exception.get());
  // As CPython's hook: sys.stderr (nothing when it is None), C stderr when there is none at all.
  Value err = modules::sys_stderr();
  if (err && err.is(none())) return;
  if (!err || modules::write_to(err, text) < 0) {
    clear_error();
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
    return;
  }
  // sys.stdout is not flushed first (CPython's hook does not: the order on a shared terminal is
  // its order).
  Ref flushed = Ref::steal(call_method(err, "flush", nullptr, 0));
  if (!flushed) clear_error();
}

}  // namespace krait::runtime

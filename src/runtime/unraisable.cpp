// Reporting exceptions that cannot propagate (see unraisable.h).
#include "runtime/unraisable.h"

#include <cstdio>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/state.h"

namespace krait::runtime {

namespace {

TypeObject* hook_args_type = nullptr;
Value default_hook;  // the builtin sys.__unraisablehook__ (null until sys is made)

const StructSeqField kHookArgsFields[] = {{"exc_type"}, {"exc_value"}, {"exc_traceback"}, {"err_msg"}, {"object"}};

TypeObject* args_type() {
  if (hook_args_type == nullptr) {
    StructSeqDesc desc{"UnraisableHookArgs",
                       "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
                       kHookArgsFields, 5, 5};
    hook_args_type = structseq_new_type(desc);
  }
  return hook_args_type;
}

Value or_none(Value v) { return Ref::borrow(v ? v : none()).release(); }

// The default hook's text for these parts (CPython's layout).
std::string format_report(Value exception, Value err_msg, Value object) {
  std::string text;
  bool has_msg = err_msg && !err_msg.is(none()) && is_str(err_msg);
  if (object && !object.is(none())) {
    text = has_msg ? str_to_utf8(err_msg) + ": " : std::string("Exception ignored in: ");
    Ref shown = Ref::steal(repr(object));
    if (shown && is_str(shown.get())) {
      text += str_to_utf8(shown.get());
    } else {
      clear_error();
      text += "<object repr() failed>";
    }
    text += "\n";
  } else if (has_msg) {
    text = str_to_utf8(err_msg) + ":\n";
  }
  if (exception && !exception.is(none())) text += vm::format_exception_unchained(exception);
  return text;
}

// Writes to sys.stderr (nothing when it is None; C stderr when there is none at all).
void write_text(const std::string& text) {
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

// sys.__unraisablehook__(unraisable): the default hook.
Value default_hook_function(Value, Value args) {
  if (!is_structseq_type(type_of(args)) || type_of(args) != args_type())
    return raise(exc::TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
  write_text(format_report(structseq_get(args, 1), structseq_get(args, 3), structseq_get(args, 4)));
  return Ref::borrow(none()).release();
}

const MethodDef kDefaultHook = {"unraisablehook", reinterpret_cast<void*>(default_hook_function), MethodKind::OneArg,
                                false, false,
                                "Handle an unraisable exception.\n\nThe unraisable argument has the following "
                                "attributes:\n\n* exc_type: Exception type.\n* exc_value: Exception value, can be "
                                "None.\n* exc_traceback: Exception traceback, can be None.\n* err_msg: Error "
                                "message, can be None.\n* object: Object causing the exception, can be None."};

// sys.unraisablehook when the program replaced it (borrowed), else null.
Value custom_hook() {
  Value sys = modules::sys_module();
  if (!sys) return Value();
  Value hook = dict_get_item_str(module_dict(sys), "unraisablehook");
  if (!hook || hook.is(none()) || (default_hook && hook.is(default_hook))) return Value();
  return hook;
}

}  // namespace

int add_unraisablehook(Value sys) {
  if (!default_hook) {
    Ref name = Ref::steal(str_from_ascii("sys"));
    if (!name) return -1;
    default_hook = builtin_function_new(&kDefaultHook, sys, name.get());  // kept for the process
    if (!default_hook) return -1;
  }
  if (args_type() == nullptr) return -1;
  if (dict_set_item_str(module_dict(sys), "unraisablehook", default_hook) < 0) return -1;
  return dict_set_item_str(module_dict(sys), "__unraisablehook__", default_hook);
}

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
  // err_msg is None for the plain "Exception ignored in" form, as CPython passes it.
  Ref err_msg = context != nullptr ? Ref::steal(str_from_utf8(std::string("Exception ignored ") + context))
                                   : Ref::borrow(none());
  if (!err_msg) {
    clear_error();
    return;
  }
  Value hook = custom_hook();
  if (!hook || args_type() == nullptr) {
    write_text(format_report(exception.get(), err_msg.get(), object ? object : none()));
    if (error_occurred()) clear_error();
    return;
  }
  // A program's sys.unraisablehook gets an UnraisableHookArgs; if it fails, its own error is
  // reported by the default hook, as CPython does.
  Ref hook_ref = Ref::borrow(hook);
  Ref args = Ref::steal(structseq_new(args_type()));
  if (!args) {
    clear_error();
    return;
  }
  Value tb = exception_traceback(exception.get());
  structseq_set(args.get(), 0, Ref::borrow(Value::object(type_of(exception.get()))).release());
  structseq_set(args.get(), 1, Ref::borrow(exception.get()).release());
  structseq_set(args.get(), 2, or_none(tb));
  structseq_set(args.get(), 3, err_msg.release());
  structseq_set(args.get(), 4, or_none(object));
  Ref result = Ref::steal(call_one_arg(hook_ref.get(), args.get()));
  if (!result) {
    Ref hook_error = fetch_exception();
    Ref hook_msg = Ref::steal(str_from_ascii("Exception ignored in sys.unraisablehook"));
    if (hook_msg) write_text(format_report(hook_error.get(), hook_msg.get(), hook_ref.get()));
  }
  if (error_occurred()) clear_error();
}

}  // namespace krait::runtime

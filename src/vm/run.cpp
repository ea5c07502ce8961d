// Start-up and running a program as __main__.
#include <cstdio>
#include <string_view>
#include <vector>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/pyc.h"
#include "vm/trace.h"

namespace krait::vm {

using namespace runtime;

namespace {
Config g_config;
}  // namespace

const Config& config() { return g_config; }

int init_vm(const Config& config) {
  g_config = config;
  init_runtime();  // also sets up the exception classes and the VM's types
  if (error_occurred()) return -1;
  if (modules::init_builtins() < 0) return -1;
  if (modules::init_sys(g_config) < 0) return -1;
  if (init_import_system() < 0) return -1;
  return 0;
}

namespace {

// SystemExit: None → 0, an int → that status, anything else printed to stderr → 1.
int exit_status(Value e) {
  Value code = system_exit_code(e);
  if (code.is(none())) return 0;
  if (is_int(code)) {
    int64_t status = 0;
    if (!int_to_int64(code, &status)) return -1;
    return int(status & 0xff);
  }
  Ref s = Ref::steal(str(code));
  if (s) {
    modules::flush_std_streams();
    modules::write_to(modules::sys_stderr(), str_to_utf8(s.get()) + "\n");
  }
  clear_error();
  return 1;
}

int report_startup_error() {
  Ref e = fetch_exception();
  if (e) print_exception(e.get());
  return 1;
}

bool g_unhandled_keyboard_interrupt = false;

int handle_uncaught(Ref e) {
  if (is_subtype(type_of(e.get()), exc::KeyboardInterrupt)) g_unhandled_keyboard_interrupt = true;
  if (is_subtype(type_of(e.get()), exc::SystemExit)) {
    int status = exit_status(e.get());
    modules::flush_std_streams();
    return status;
  }
  Value hook = dict_get_item_str(module_dict(modules::sys_module()), "excepthook");
  bool printed = false;
  if (hook && !(hook.is_object() && hook.as_object()->type == &builtin_function_type)) {
    Value tb = exception_traceback(e.get());
    Value args[3] = {Value::object(type_of(e.get())), e.get(), tb ? tb : none()};
    Ref r = Ref::steal(call(hook, args, 3));
    printed = bool(r);
    if (!r) {
      Ref inner = fetch_exception();
      std::fputs("Error in sys.excepthook:\n", stderr);
      if (inner) print_exception(inner.get());
      std::fputs("\nOriginal exception was:\n", stderr);
      printed = false;
    }
  }
  if (!printed) print_exception(e.get());
  modules::flush_std_streams();
  return 1;
}

// At exit: __main__'s namespace goes away as CPython's finalization collects it: the dict is
// emptied, then its values are released in insertion order (__del__ methods run in that order).
void clear_module_dict(Value dict);

// At exit, after the atexit callbacks: a collection (if enabled) finalizes the cyclic garbage
// while the modules are intact, then __main__ is cleared, then a last collection finalizes the
// cycles that held on to its globals (CPython collects around its module teardown likewise).
void finalize_main(Value dict) {
  if (gc_is_enabled()) gc_collect();
  clear_module_dict(dict);
  gc_collect();
  if (error_occurred()) clear_error();
}

void clear_module_dict(Value dict) {
  std::vector<Value> values;
  size_t pos = 0;
  Value key, value;
  while (dict_next(dict, &pos, &key, &value)) {
    incref(value);
    values.push_back(value);
  }
  dict_clear(dict);
  for (Value v : values) {
    decref(v);
    if (error_occurred()) clear_error();
  }
}

}  // namespace

namespace {

// Sets __main__'s attributes as CPython does for each way of starting a program.
int set_main_attributes(Value globals, const std::string& file, MainKind kind) {
  if (dict_set_item_str(globals, "__builtins__", modules::builtins_module()) < 0) return -1;
  Ref annotations = Ref::steal(dict_new());
  if (!annotations || dict_set_item_str(globals, "__annotations__", annotations.get()) < 0) return -1;
  if (kind != MainKind::Command) {
    Ref f = Ref::steal(str_from_utf8(file));
    if (!f || dict_set_item_str(globals, "__file__", f.get()) < 0 ||
        dict_set_item_str(globals, "__cached__", none()) < 0)
      return -1;
  }
  // A script's loader is a SourceFileLoader (SourcelessFileLoader for a .pyc); -c and stdin
  // have BuiltinImporter.
  Ref loader;
  Value external = importlib_external();
  if ((kind == MainKind::Script || kind == MainKind::Pyc) && external) {
    Ref name = Ref::steal(str_from_ascii("__main__"));
    Ref path = Ref::steal(str_from_utf8(file));
    Ref cls = Ref::steal(get_attr(external, kind == MainKind::Pyc ? "SourcelessFileLoader" : "SourceFileLoader"));
    if (!name || !path || !cls) return -1;
    Value args[2] = {name.get(), path.get()};
    loader = Ref::steal(call(cls.get(), args, 2));
  } else if (importlib_bootstrap()) {
    loader = Ref::steal(get_attr(importlib_bootstrap(), "BuiltinImporter"));
  }
  if (importlib_bootstrap() && !loader) return -1;
  if (loader && dict_set_item_str(globals, "__loader__", loader.get()) < 0) return -1;
  return 0;
}

int run_code_as_main(Value code, const std::string& file, MainKind kind) {
  Ref main = Ref::steal(module_new("__main__"));
  if (!main) return report_startup_error();
  Value globals = module_dict(main.get());
  if (dict_set_item_str(modules::sys_modules(), "__main__", main.get()) < 0 ||
      set_main_attributes(globals, file, kind) < 0)
    return report_startup_error();
  if (config().trace_instructions) enable_instruction_trace();
  Ref result = Ref::steal(eval_code(code, globals, globals));
  int status = 0;
  if (!result) status = handle_uncaught(fetch_exception());
  result = Ref();
  modules::run_atexit_callbacks();
  finalize_main(globals);
  modules::flush_std_streams();
  return status;
}

}  // namespace

void print_current_exception() {
  Ref e = fetch_exception();
  if (e) print_exception(e.get());
}

bool unhandled_keyboard_interrupt() { return g_unhandled_keyboard_interrupt; }

int run_main(std::shared_ptr<const bytecode::CodeData> data, const std::string& file, MainKind kind) {
  Ref code = Ref::steal(code_from_data(data));
  if (!code) return report_startup_error();
  return run_code_as_main(code.get(), file, kind);
}

int run_main_pyc(std::string_view bytes, const std::string& path) {
  Ref code = Ref::steal(code_from_pyc(bytes, path));
  if (!code) return handle_uncaught(fetch_exception());
  return run_code_as_main(code.get(), path, MainKind::Pyc);
}

int run_module_as_main(const std::string& module, bool alter_argv) {
  // runpy runs the module in the existing __main__'s namespace, as it is when CPython starts.
  Ref initial_main = Ref::steal(module_new("__main__"));
  if (!initial_main) return report_startup_error();
  if (dict_set_item_str(modules::sys_modules(), "__main__", initial_main.get()) < 0 ||
      set_main_attributes(module_dict(initial_main.get()), "", MainKind::Command) < 0)
    return report_startup_error();
  Ref runpy = Ref::steal(import_module("runpy"));
  Ref name = Ref::steal(str_from_utf8(module));
  Ref run = runpy ? Ref::steal(get_attr(runpy.get(), "_run_module_as_main")) : Ref();
  if (!run || !name) return handle_uncaught(fetch_exception());
  Value args[2] = {name.get(), alter_argv ? true_value() : false_value()};
  if (config().trace_instructions) enable_instruction_trace();  // runpy's finding of the module too
  Ref result = Ref::steal(call(run.get(), args, 2));
  int status = 0;
  if (!result) status = handle_uncaught(fetch_exception());
  result = Ref();
  modules::run_atexit_callbacks();
  Value main = dict_get_item_str(modules::sys_modules(), "__main__");
  if (main && is_module(main)) finalize_main(module_dict(main));
  modules::flush_std_streams();
  return status;
}

}  // namespace krait::vm

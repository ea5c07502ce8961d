// Start-up and running a program as __main__.
#include <cstdio>
#include <vector>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/interp.h"

namespace krait::vm {

using namespace runtime;

int init_vm(const std::vector<std::string>& argv) {
  init_runtime();  // also sets up the exception classes and the VM's types
  if (error_occurred()) return -1;
  if (modules::init_builtins() < 0) return -1;
  if (modules::init_sys(argv) < 0) return -1;
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

int handle_uncaught(Ref e) {
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

int run_main(std::shared_ptr<const bytecode::CodeData> data, const std::string& file) {
  Ref code = Ref::steal(code_from_data(data));
  Ref main = Ref::steal(module_new("__main__"));
  if (!code || !main) {
    Ref e = fetch_exception();
    if (e) print_exception(e.get());
    return 1;
  }
  Value globals = module_dict(main.get());
  dict_set_item_str(globals, "__builtins__", modules::builtins_module());
  if (!file.empty()) {
    Ref f = Ref::steal(str_from_utf8(file));
    dict_set_item_str(globals, "__file__", f.get());
    dict_set_item_str(globals, "__cached__", none());
  }
  dict_set_item_str(dict_get_item_str(module_dict(modules::sys_module()), "modules"), "__main__", main.get());
  Ref result = Ref::steal(eval_code(code.get(), globals, globals));
  int status = 0;
  if (!result) status = handle_uncaught(fetch_exception());
  result = Ref();
  code = Ref();
  clear_module_dict(globals);
  modules::flush_std_streams();
  return status;
}

}  // namespace krait::vm

// atexit: functions run when the interpreter exits (after the program, before its modules are
// torn down). register/unregister/_run_exitfuncs/_clear/_ncallbacks, and run_atexit_callbacks
// (modules.h), which src/vm/run.cpp calls at exit.
//
// As CPython: callbacks run last registered first; one that raises is reported as
// "Exception ignored in atexit callback: <repr>" and the others still run (SystemExit included);
// callbacks registered while the list runs do not run, and the list is empty afterwards.
// unregister() empties an entry in place, so _ncallbacks() still counts it until the next run.
#include <vector>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unraisable.h"
#include "vm/state.h"

namespace krait::modules {

using namespace runtime;

namespace {

// One registered call: func(*args, **kwargs) kept in the vectorcall form (keyword values after
// the positional ones, their names in `kwnames`). An unregistered entry has a null `func`.
struct Callback {
  Ref func;
  std::vector<Ref> args;
  Ref kwnames;
};

// Never destroyed: the process may exit while entries still hold references.
std::vector<Callback>& callbacks() {
  static auto* list = new std::vector<Callback>();
  return *list;
}

void clear_callbacks() {
  // Moved out first: releasing an argument may run a __del__ that registers again.
  std::vector<Callback> old;
  old.swap(callbacks());
}

void call_entry(size_t index) {
  // Copies: the callback may unregister itself (or clear the list) while it runs.
  Callback& entry = callbacks()[index];
  if (!entry.func) return;
  Ref func = entry.func;
  std::vector<Value> args;
  for (const Ref& a : entry.args) args.push_back(a.get());
  Ref kwnames = entry.kwnames;
  size_t nkw = kwnames ? tuple_size(kwnames.get()) : 0;
  std::vector<Ref> keep(entry.args);  // the argument values stay alive for the call
  Ref result = Ref::steal(call(func.get(), args.data(), args.size() - nkw, kwnames.get()));
  if (!result) write_unraisable(func.get(), "in atexit callback");
}

Value register_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 0) return raise(exc::TypeError, "register() takes at least 1 argument (0 given)");
  if (type_of(args[0])->call == nullptr) return raise(exc::TypeError, "the first argument must be callable");
  Callback entry;
  entry.func = Ref::borrow(args[0]);
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t i = 1; i < nargs + nkw; ++i) entry.args.push_back(Ref::borrow(args[i]));
  if (nkw != 0) entry.kwnames = Ref::borrow(kwnames);
  callbacks().push_back(std::move(entry));
  return Ref::borrow(args[0]).release();
}

Value unregister_function(Value, Value func) {
  std::vector<Callback>& list = callbacks();
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].func) continue;
    Ref candidate = list[i].func;
    int equal = rich_compare_bool(candidate.get(), func, CompareOp::Eq);
    if (equal < 0) return Value();
    // The comparison may have run code that changed the list.
    if (equal > 0 && i < list.size() && list[i].func.get().is(candidate.get())) {
      Callback removed = std::move(list[i]);
      list[i] = Callback();
    }
  }
  return Ref::borrow(none()).release();
}

Value run_exitfuncs_function(Value) {
  run_atexit_callbacks();
  return Ref::borrow(none()).release();
}

Value clear_function(Value) {
  clear_callbacks();
  return Ref::borrow(none()).release();
}

Value ncallbacks_function(Value) { return int_from_int64(int64_t(callbacks().size())); }

const MethodDef atexit_functions[] = {
    {"register", reinterpret_cast<void*>(register_function), MethodKind::FastKeywords, false, false,
     "register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program "
     "termination\n\n    func - function to be called at exit\n    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a "
     "decorator."},
    {"unregister", reinterpret_cast<void*>(unregister_function), MethodKind::OneArg, false, false,
     "unregister(func) -> None\n\nUnregister an exit function which was previously registered using\n"
     "atexit.register\n\n    func - function to be unregistered"},
    {"_run_exitfuncs", reinterpret_cast<void*>(run_exitfuncs_function), MethodKind::NoArgs, false, false,
     "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\nIf a callback raises an exception, "
     "it is logged with sys.unraisablehook."},
    {"_clear", reinterpret_cast<void*>(clear_function), MethodKind::NoArgs, false, false,
     "_clear() -> None\n\nClear the list of previously registered exit functions."},
    {"_ncallbacks", reinterpret_cast<void*>(ncallbacks_function), MethodKind::NoArgs, false, false,
     "_ncallbacks() -> int\n\nReturn the number of registered exit functions."},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

void run_atexit_callbacks() {
  Ref saved;
  if (error_occurred()) saved = fetch_exception();
  // Only the callbacks registered before the run starts are called (from the last).
  for (size_t i = callbacks().size(); i > 0; --i) {
    if (i - 1 >= callbacks().size()) continue;  // a callback cleared the list
    call_entry(i - 1);
    if (error_occurred()) clear_error();
  }
  clear_callbacks();
  if (saved) vm::restore_exception(saved.release());
}

Value create_atexit_module() {
  Ref module = Ref::steal(module_new("atexit"));
  if (!module) return Value();
  if (module_add_functions(module.get(), atexit_functions) < 0) return Value();
  Ref doc = Ref::steal(str_from_ascii("allow programmer to define multiple exit functions to be executed\n"
                                      "upon normal program termination.\n\nTwo public functions, register and "
                                      "unregister, are defined.\n"));
  if (!doc || dict_set_item_str(module_dict(module.get()), "__doc__", doc.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules

// The `_warnings` module and the interpreter's own warnings. CPython's warnings.py has a
// complete pure-Python implementation that it uses when _warnings lacks its filter state; krait's
// _warnings provides only warn() and warn_explicit(), which hand over to warnings.py, so there
// is one implementation of filters, registries and formatting.
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace krait::modules {

using namespace runtime;

namespace {

// warnings.<function> (new reference), importing warnings.py on first use.
Value warnings_function(const char* name) {
  Ref warnings = Ref::steal(vm::import_module("warnings"));
  if (!warnings) return Value();
  return get_attr(warnings.get(), name);
}

Value forward(const char* name, const Value* args, size_t nargs, Value kwnames) {
  Ref f = Ref::steal(warnings_function(name));
  if (!f) return Value();
  return call(f.get(), args, nargs, kwnames);
}

Value warnings_warn(Value, const Value* args, size_t nargs, Value kwnames) {
  return forward("warn", args, nargs, kwnames);
}

Value warnings_warn_explicit(Value, const Value* args, size_t nargs, Value kwnames) {
  return forward("warn_explicit", args, nargs, kwnames);
}

const MethodDef kWarningsFunctions[] = {
    {"warn", (void*)warnings_warn, MethodKind::FastKeywords},
    {"warn_explicit", (void*)warnings_warn_explicit, MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value create_warnings_module() {
  Ref module = Ref::steal(module_new("_warnings"));
  if (!module || module_add_functions(module.get(), kWarningsFunctions) < 0) return Value();
  return module.release();
}

int emit_warning(TypeObject* category, const std::string& message, int stacklevel) {
  Ref text = Ref::steal(str_from_utf8(message));
  Ref level = Ref::steal(int_from_int64(stacklevel));
  if (!text || !level) return -1;
  Value args[3] = {text.get(), Value::object(category), level.get()};
  Ref r = Ref::steal(forward("warn", args, 3, Value()));
  return r ? 0 : -1;
}

}  // namespace krait::modules

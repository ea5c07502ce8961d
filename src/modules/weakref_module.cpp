// The `_weakref` module (what weakref.py imports): ref, proxy, getweakrefcount, getweakrefs,
// _remove_dead_weakref and the three types. The objects are in runtime/weakref.cpp.
#include "modules/modules.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/weakref.h"

namespace krait::modules {

using namespace runtime;

namespace {

Value getweakrefcount_function(Value, Value object) { return int_from_int64(weakref_count(object)); }

Value getweakrefs_function(Value, Value object) { return weakref_list(object); }

Value proxy_function(Value, const Value* args, size_t nargs) {
  if (nargs < 1) return raise_format(exc::TypeError, "proxy expected at least 1 argument, got %zu", nargs);
  if (nargs > 2) return raise_format(exc::TypeError, "proxy expected at most 2 arguments, got %zu", nargs);
  return weakref_new_proxy(args[0], nargs == 2 ? args[1] : Value());
}

// Deletes dict[key] if it is a dead weak reference (weakref.py's WeakValueDictionary); a missing
// key is not an error.
Value remove_dead_weakref_function(Value, const Value* args, size_t nargs) {
  if (nargs != 2)
    return raise_format(exc::TypeError, "_remove_dead_weakref expected 2 arguments, got %zu", nargs);
  if (!is_dict(args[0]))
    return raise_format(exc::TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                        type_name(type_of(args[0])));
  Value borrowed = dict_get_item(args[0], args[1]);
  Ref value = borrowed ? Ref::borrow(borrowed) : Ref();
  if (!value) {
    if (error_occurred()) return Value();
  } else if (is_weakref(value.get()) && weakref_get(value.get()).is(none())) {
    if (dict_del_item(args[0], args[1]) < 0) {
      if (!error_matches(exc::KeyError)) return Value();
      clear_error();
    }
  }
  return Ref::borrow(none()).release();
}

const MethodDef weakref_functions[] = {
    {"getweakrefcount", reinterpret_cast<void*>(getweakrefcount_function), MethodKind::OneArg},
    {"getweakrefs", reinterpret_cast<void*>(getweakrefs_function), MethodKind::OneArg},
    {"proxy", reinterpret_cast<void*>(proxy_function), MethodKind::Fast},
    {"_remove_dead_weakref", reinterpret_cast<void*>(remove_dead_weakref_function), MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value create_weakref_module() {
  if (init_weakref_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_weakref"));
  if (!module) return Value();
  if (module_add_functions(module.get(), weakref_functions) < 0) return Value();
  if (module_add(module.get(), "ref", Value::object(&ref_type)) < 0 ||
      module_add(module.get(), "ReferenceType", Value::object(&ref_type)) < 0 ||
      module_add(module.get(), "ProxyType", Value::object(&proxy_type)) < 0 ||
      module_add(module.get(), "CallableProxyType", Value::object(&callable_proxy_type)) < 0)
    return Value();
  return module.release();
}

}  // namespace krait::modules

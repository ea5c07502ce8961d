// The `gc` module: the cycle collector's Python interface (runtime/gc.h does the work).
#include <cstdio>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unraisable.h"
#include "vm/eval.h"
#include "vm/state.h"

namespace krait::modules {

using namespace runtime;

namespace {

// gc.callbacks and gc.garbage: the lists the module was created with (rebinding the module
// attributes does not change what the collector uses, as in CPython).
Value callbacks_list;
Value garbage_list;


// --- argument helpers ------------------------------------------------------------------------------

// An int argument as a C int/long (CPython's "i"/"l" conversions and messages).
bool int_argument(Value v, bool c_long, int64_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t value;
  if (!int_to_int64(index.get(), &value)) {
    raise(exc::OverflowError, c_long ? "Python int too large to convert to C long"
                                     : "Python int too large to convert to C int");
    return false;
  }
  if (!c_long && value > INT32_MAX) {
    raise(exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (!c_long && value < INT32_MIN) {
    raise(exc::OverflowError, "signed integer is less than minimum");
    return false;
  }
  *out = value;
  return true;
}

// One optional argument that may be given by position or as keyword `keyword`: *out is null
// when absent. False + TypeError on bad arguments.
bool one_optional_argument(const char* function, const char* keyword, const Value* args, size_t nargs,
                           Value kwnames, Value* out) {
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw > 1) {
    raise_format(exc::TypeError, "%s() takes at most 1 argument (%zu given)", function, nargs + nkw);
    return false;
  }
  *out = Value();
  if (nargs == 1) *out = args[0];
  if (nkw == 1) {
    std::string_view name = str_utf8(tuple_get(kwnames, 0));
    if (name != keyword) {
      raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", std::string(name).c_str(),
                   function);
      return false;
    }
    *out = args[0];
  }
  return true;
}

Value int_tuple(int64_t a, int64_t b, int64_t c) {
  Ref x = Ref::steal(int_from_int64(a)), y = Ref::steal(int_from_int64(b)), z = Ref::steal(int_from_int64(c));
  return tuple_pack({x.get(), y.get(), z.get()});
}

// A new list of borrowed objects.
Value list_of(const std::vector<Object*>& objects) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  for (Object* object : objects)
    if (list_append(list.get(), Value::object(object)) < 0) return Value();
  return list.release();
}

// --- the functions -----------------------------------------------------------------------------------

Value gc_enable(Value) {
  gc_set_enabled(true);
  return Ref::borrow(none()).release();
}

Value gc_disable(Value) {
  gc_set_enabled(false);
  return Ref::borrow(none()).release();
}

Value gc_isenabled(Value) { return Ref::borrow(bool_value(gc_is_enabled())).release(); }

Value gc_collect_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value argument;
  if (!one_optional_argument("collect", "generation", args, nargs, kwnames, &argument)) return Value();
  int64_t generation = kGcGenerations - 1;
  if (argument && !int_argument(argument, false, &generation)) return Value();
  if (generation < 0 || generation >= kGcGenerations) return raise(exc::ValueError, "invalid generation");
  return int_from_int64(static_cast<int64_t>(gc_collect(static_cast<int>(generation))));
}

Value gc_get_count_function(Value) {
  return int_tuple(gc_get_count(0), gc_get_count(1), gc_get_count(2));
}

Value gc_get_threshold_function(Value) {
  return int_tuple(gc_get_threshold(0), gc_get_threshold(1), gc_get_threshold(2));
}

Value gc_set_threshold_function(Value, const Value* args, size_t nargs) {
  if (nargs < 1) return raise_format(exc::TypeError, "set_threshold() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 3) return raise_format(exc::TypeError, "set_threshold() takes at most 3 arguments (%zu given)", nargs);
  int64_t values[3];
  for (size_t i = 0; i < nargs; ++i)
    if (!int_argument(args[i], true, &values[i])) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    if (values[i] > INT32_MAX) return raise(exc::OverflowError, "signed integer is greater than maximum");
    if (values[i] < INT32_MIN) return raise(exc::OverflowError, "signed integer is less than minimum");
  }
  for (size_t i = 0; i < nargs; ++i) gc_set_threshold(static_cast<int>(i), values[i]);
  return Ref::borrow(none()).release();
}

Value gc_get_debug_function(Value) { return int_from_int64(gc_get_debug()); }

Value gc_set_debug_function(Value, Value flags) {
  int64_t value;
  if (!int_argument(flags, false, &value)) return Value();
  gc_set_debug(static_cast<int>(value));
  return Ref::borrow(none()).release();
}

Value gc_get_objects_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value argument;
  if (!one_optional_argument("get_objects", "generation", args, nargs, kwnames, &argument)) return Value();
  int64_t generation = -1;
  if (argument && !argument.is(none())) {
    if (!is_int(argument))
      return raise_format(exc::TypeError, "argument should be integer or None, not '%s'",
                          type_name(type_of(argument)));
    if (!int_argument(argument, true, &generation)) return Value();
    if (generation >= kGcGenerations)
      return raise(exc::ValueError,
                   "generation parameter must be less than the number of available generations (3)");
    if (generation < -1) return raise(exc::ValueError, "generation parameter cannot be negative");
  }
  return list_of(gc_get_objects(static_cast<int>(generation)));
}

Value gc_get_referrers_function(Value, const Value* args, size_t nargs) {
  return list_of(gc_get_referrers(args, nargs));
}

Value gc_get_referents_function(Value, const Value* args, size_t nargs) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    if (!args[i].is_object()) continue;
    for (Value referent : gc_get_referents(args[i].as_object()))
      if (list_append(list.get(), referent) < 0) return Value();
  }
  return list.release();
}

Value gc_is_tracked_function(Value, Value object) {
  return Ref::borrow(bool_value(object.is_object() && gc_is_tracked(object.as_object()))).release();
}

Value gc_is_finalized_function(Value, Value object) {
  return Ref::borrow(bool_value(object.is_object() && gc_is_finalized(object.as_object()))).release();
}

Value gc_get_stats_function(Value) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  for (int i = 0; i < kGcGenerations; ++i) {
    GcGenerationStats stats = gc_get_stats(i);
    Ref dict = Ref::steal(dict_new());
    if (!dict) return Value();
    Ref collections = Ref::steal(int_from_int64(static_cast<int64_t>(stats.collections)));
    Ref collected = Ref::steal(int_from_int64(static_cast<int64_t>(stats.collected)));
    Ref uncollectable = Ref::steal(int_from_int64(static_cast<int64_t>(stats.uncollectable)));
    if (dict_set_item_str(dict.get(), "collections", collections.get()) < 0 ||
        dict_set_item_str(dict.get(), "collected", collected.get()) < 0 ||
        dict_set_item_str(dict.get(), "uncollectable", uncollectable.get()) < 0 ||
        list_append(list.get(), dict.get()) < 0)
      return Value();
  }
  return list.release();
}

Value gc_freeze_function(Value) {
  gc_freeze();
  return Ref::borrow(none()).release();
}

Value gc_unfreeze_function(Value) {
  gc_unfreeze();
  return Ref::borrow(none()).release();
}

Value gc_get_freeze_count_function(Value) { return int_from_int64(static_cast<int64_t>(gc_get_freeze_count())); }

// --- the collector's hooks -----------------------------------------------------------------------

// gc.callbacks: each is called with ("start" | "stop", {"generation", "collected", "uncollectable"}).
void invoke_callbacks(bool start, int generation, size_t collected, size_t uncollectable) {
  if (!callbacks_list || list_size(callbacks_list) == 0) return;
  Ref saved;
  if (error_occurred()) saved = fetch_exception();
  Ref phase = Ref::steal(str_from_ascii(start ? "start" : "stop"));
  Ref info = Ref::steal(dict_new());
  Ref g = Ref::steal(int_from_int64(generation));
  Ref c = Ref::steal(int_from_int64(static_cast<int64_t>(collected)));
  Ref u = Ref::steal(int_from_int64(static_cast<int64_t>(uncollectable)));
  if (!phase || !info || !g || !c || !u || dict_set_item_str(info.get(), "generation", g.get()) < 0 ||
      dict_set_item_str(info.get(), "collected", c.get()) < 0 ||
      dict_set_item_str(info.get(), "uncollectable", u.get()) < 0) {
    write_unraisable(none());
  } else {
    Ref list = Ref::borrow(callbacks_list);
    for (size_t i = 0; i < list_size(list.get()); ++i) {
      Ref callback = Ref::borrow(list_get(list.get(), i));
      Value call_args[2] = {phase.get(), info.get()};
      Ref result = Ref::steal(call(callback.get(), call_args, 2));
      if (!result) write_unraisable(callback.get());
    }
  }
  if (saved) vm::restore_exception(saved.release());
}

void save_garbage(Object* object) {
  if (list_append(garbage_list, Value::object(object)) < 0) write_unraisable(none());
}

#define KRAIT_GC_FUNCTION(name, function, kind) {name, reinterpret_cast<void*>(function), MethodKind::kind}

const MethodDef gc_functions[] = {
    KRAIT_GC_FUNCTION("enable", gc_enable, NoArgs),
    KRAIT_GC_FUNCTION("disable", gc_disable, NoArgs),
    KRAIT_GC_FUNCTION("isenabled", gc_isenabled, NoArgs),
    KRAIT_GC_FUNCTION("collect", gc_collect_function, FastKeywords),
    KRAIT_GC_FUNCTION("get_count", gc_get_count_function, NoArgs),
    KRAIT_GC_FUNCTION("get_threshold", gc_get_threshold_function, NoArgs),
    KRAIT_GC_FUNCTION("set_threshold", gc_set_threshold_function, Fast),
    KRAIT_GC_FUNCTION("get_debug", gc_get_debug_function, NoArgs),
    KRAIT_GC_FUNCTION("set_debug", gc_set_debug_function, OneArg),
    KRAIT_GC_FUNCTION("get_objects", gc_get_objects_function, FastKeywords),
    KRAIT_GC_FUNCTION("get_referrers", gc_get_referrers_function, Fast),
    KRAIT_GC_FUNCTION("get_referents", gc_get_referents_function, Fast),
    KRAIT_GC_FUNCTION("is_tracked", gc_is_tracked_function, OneArg),
    KRAIT_GC_FUNCTION("is_finalized", gc_is_finalized_function, OneArg),
    KRAIT_GC_FUNCTION("get_stats", gc_get_stats_function, NoArgs),
    KRAIT_GC_FUNCTION("freeze", gc_freeze_function, NoArgs),
    KRAIT_GC_FUNCTION("unfreeze", gc_unfreeze_function, NoArgs),
    KRAIT_GC_FUNCTION("get_freeze_count", gc_get_freeze_count_function, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};

#undef KRAIT_GC_FUNCTION

}  // namespace

Value create_gc_module() {
  Ref module = Ref::steal(module_new("gc"));
  if (!module) return Value();
  if (module_add_functions(module.get(), gc_functions) < 0) return Value();
  if (!callbacks_list) {
    callbacks_list = list_new(0);
    garbage_list = list_new(0);
    if (!callbacks_list || !garbage_list) return Value();
    gc_callback_hook = invoke_callbacks;
    gc_save_garbage_hook = save_garbage;
  }
  if (module_add(module.get(), "callbacks", callbacks_list) < 0 ||
      module_add(module.get(), "garbage", garbage_list) < 0)
    return Value();
  const struct {
    const char* name;
    int value;
  } constants[] = {{"DEBUG_STATS", GcDebug::Stats},
                   {"DEBUG_COLLECTABLE", GcDebug::Collectable},
                   {"DEBUG_UNCOLLECTABLE", GcDebug::Uncollectable},
                   {"DEBUG_SAVEALL", GcDebug::SaveAll},
                   {"DEBUG_LEAK", GcDebug::Leak}};
  for (const auto& constant : constants)
    if (module_add(module.get(), constant.name, Value::small_int(constant.value)) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules

// The `_warnings` module: the filters, the registries and warn()/warn_explicit(), native as in
// CPython, so that issuing a warning (and importing warnings.py, which takes these over) does not
// pull in the re module. Showing a warning goes through warnings._showwarnmsg when warnings.py
// has been imported (its formatting, linecache's source lines, user overrides of showwarning);
// before that, it is written to sys.stderr as "file:line: Category: text" plus the source line.
#include <fstream>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/state.h"

namespace krait::modules {

using namespace runtime;

namespace {

Value g_filters;        // list of (action, message, category, module, lineno)
Value g_default_action; // str
Value g_once_registry;  // dict
int64_t g_filters_version = 1;

// warnings.py's attribute when warnings.py has been imported (borrowed), else null.
Value warnings_attr(const char* name) {
  Value modules = sys_modules();
  Value warnings = modules ? dict_get_item_str(modules, "warnings") : Value();
  if (!warnings || !is_module(warnings)) return Value();
  return dict_get_item_str(module_dict(warnings), name);
}

Value current_filters() {
  Value f = warnings_attr("filters");
  return f && is_list(f) ? f : g_filters;
}

// A filter's message or module field: None matches everything, a str matches itself, anything
// else (a compiled pattern) is asked with .match().
int field_matches(Value pattern, Value text) {
  if (pattern.is(none())) return 1;
  if (is_str(pattern)) return rich_compare_bool(pattern, text, CompareOp::Eq);
  Ref r = Ref::steal(call_method(pattern, "match", &text, 1));
  if (!r) return -1;
  return is_true(r.get());
}

// The action of the first filter that matches (borrowed str), *item the filter (borrowed).
Value find_action(Value category, Value text, int64_t lineno, Value module, Value* item) {
  Ref filters = Ref::borrow(current_filters());
  for (size_t i = 0; i < list_size(filters.get()); ++i) {
    Value f = list_get(filters.get(), i);
    if (!is_tuple(f) || tuple_size(f) != 5)
      return raise_format(exc::ValueError, "_warnings.filters item %zu isn't a 5-tuple", i);
    Ref keep = Ref::borrow(f);
    Value action = tuple_get(f, 0), msg = tuple_get(f, 1), cat = tuple_get(f, 2), mod = tuple_get(f, 3);
    if (!is_str(action)) return raise(exc::TypeError, "action must be a string");
    int ok = field_matches(msg, text);
    if (ok < 0) return Value();
    if (ok) {
      ok = object_is_subclass(category, cat);
      if (ok < 0) return Value();
    }
    if (ok) {
      ok = field_matches(mod, module);
      if (ok < 0) return Value();
    }
    if (ok) {
      int64_t ln = as_ssize(tuple_get(f, 4));
      if (ln == -1 && error_occurred()) return Value();
      if (ln == 0 || ln == lineno) {
        *item = f;
        return action;
      }
    }
  }
  Value action = warnings_attr("defaultaction");
  if (!action) action = g_default_action;
  if (!is_str(action)) return raise(exc::TypeError, "_warnings.defaultaction must be a string");
  *item = none();
  return action;
}

// 1 if `key` is already in the registry (for the current filters), else records it when
// should_set; 0, or -1 + error.
int already_warned(Value registry, Value key, bool should_set) {
  Value version = dict_get_item_str(registry, "version");
  int64_t v = 0;
  if (!version || !is_int(version) || !int_to_int64(version, &v) || v != g_filters_version) {
    clear_error();
    dict_clear(registry);
    Ref nv = Ref::steal(int_from_int64(g_filters_version));
    if (!nv || dict_set_item_str(registry, "version", nv.get()) < 0) return -1;
  } else {
    Value seen = dict_get_item(registry, key);
    if (seen) {
      int t = is_true(seen);
      if (t != 0) return t;
    }
    if (error_occurred()) return -1;
  }
  if (should_set && dict_set_item(registry, key, true_value()) < 0) return -1;
  return 0;
}

int update_registry(Value registry, Value text, Value category, bool add_zero) {
  Ref zero = Ref::steal(int_from_int64(0));
  Ref key = Ref::steal(add_zero ? tuple_pack({text, category, zero.get()}) : tuple_pack({text, category}));
  if (!key) return -1;
  return already_warned(registry, key.get(), true);
}

// Line `lineno` of a file, leading whitespace stripped ("" if unreadable).
std::string source_line(const std::string& filename, int64_t lineno) {
  std::ifstream in(filename);
  std::string line;
  for (int64_t i = 0; i < lineno && std::getline(in, line); ++i) {
  }
  if (!in) return "";
  size_t start = line.find_first_not_of(" \t\f");
  return start == std::string::npos ? "" : line.substr(start);
}

int show_warning(Value message, Value category, Value text, Value filename, int64_t lineno, Value source) {
  if (Value show = warnings_attr("_showwarnmsg")) {
    Value cls = warnings_attr("WarningMessage");
    if (!cls) return raise(exc::RuntimeError, "warnings.WarningMessage is missing"), -1;
    Ref ln = Ref::steal(int_from_int64(lineno));
    Value args[7] = {message, category, filename, ln.get(), none(), none(), source ? source : none()};
    Ref msg = Ref::steal(call(cls, args, 7));
    if (!msg) return -1;
    Ref keep = Ref::borrow(show);
    Ref r = Ref::steal(call_one_arg(keep.get(), msg.get()));
    return r ? 0 : -1;
  }
  Ref name = Ref::steal(get_attr(category, "__name__"));
  if (!name) return -1;
  std::string file = str_to_utf8(filename);
  std::string out = file + ":" + std::to_string(lineno) + ": " + str_to_utf8(name.get()) + ": " + str_to_utf8(text) + "\n";
  std::string line = source_line(file, lineno);
  if (!line.empty()) out += "  " + line + "\n";
  return write_to(sys_stderr(), out);
}

// warn_explicit's logic; null + error, or None.
Value do_warn_explicit(Value message, Value category, Value filename, int64_t lineno, Value module, Value registry,
                       Value source) {
  Ref owned_module;
  if (!module) {
    std::string f = str_to_utf8(filename);
    if (f.size() >= 3 && f.compare(f.size() - 3, 3, ".py") == 0) f.resize(f.size() - 3);
    if (f.empty()) f = "<unknown>";
    owned_module = Ref::steal(str_from_utf8(f));
    if (!owned_module) return Value();
    module = owned_module.get();
  }
  Ref text, instance;
  int is_warning = object_is_instance(message, Value::object(exc::Warning));
  if (is_warning < 0) return Value();
  if (is_warning) {
    text = Ref::steal(str(message));
    category = Value::object(type_of(message));
    instance = Ref::borrow(message);
  } else {
    text = Ref::borrow(message);
    instance = Ref::steal(call_one_arg(category, message));
  }
  if (!text || !instance) return Value();
  Ref ln = Ref::steal(int_from_int64(lineno));
  Ref key = Ref::steal(tuple_pack({text.get(), category, ln.get()}));
  if (!key) return Value();
  bool have_registry = registry && !registry.is(none());
  if (have_registry && !is_dict(registry)) return raise(exc::TypeError, "'registry' must be a dict or None");
  if (have_registry) {
    int seen = already_warned(registry, key.get(), false);
    if (seen < 0) return Value();
    if (seen) return new_ref(none());
  }
  Value item;
  Value action = find_action(category, text.get(), lineno, module, &item);
  if (!action) return Value();
  Ref keep_action = Ref::borrow(action), keep_item = Ref::borrow(item);
  if (str_equal_ascii(action, "error")) {
    set_exception(instance.get());
    return Value();
  }
  if (str_equal_ascii(action, "ignore")) return new_ref(none());
  int rc = 0;
  if (!str_equal_ascii(action, "always")) {
    if (have_registry && dict_set_item(registry, key.get(), true_value()) < 0) return Value();
    if (str_equal_ascii(action, "once")) {
      Value once = warnings_attr("onceregistry");
      if (!once || !is_dict(once)) once = g_once_registry;
      rc = update_registry(once, text.get(), category, false);
    } else if (str_equal_ascii(action, "module")) {
      if (have_registry) rc = update_registry(registry, text.get(), category, true);
    } else if (!str_equal_ascii(action, "default")) {
      Ref a = Ref::steal(repr(action));
      Ref f = Ref::steal(repr(item));
      return raise_format(exc::RuntimeError, "Unrecognized action (%s) in warnings.filters:\n %s",
                          a ? str_cstr(a.get()) : "?", f ? str_cstr(f.get()) : "?");
    }
  }
  if (rc < 0) return Value();
  if (rc == 1) return new_ref(none());
  if (show_warning(instance.get(), category, text.get(), filename, lineno, source) < 0) return Value();
  return new_ref(none());
}

// importlib's bootstrap frames do not count when finding "the caller".
bool is_internal_frame(vm::Frame* f) {
  std::string file = str_to_utf8(f->code->filename);
  return file.find("importlib") != std::string::npos && file.find("_bootstrap") != std::string::npos;
}

Value warn_with_stacklevel(Value message, Value category, int64_t stacklevel, Value source) {
  if (!category || category.is(none())) {
    int is_warning = object_is_instance(message, Value::object(exc::Warning));
    if (is_warning < 0) return Value();
    category = is_warning ? Value::object(type_of(message)) : Value::object(exc::UserWarning);
  }
  int ok = is_subtype(type_of(category), &type_type) ? object_is_subclass(category, Value::object(exc::Warning)) : 0;
  if (ok < 0) return Value();
  if (!ok)
    return raise_format(exc::TypeError, "category must be a Warning subclass, not '%s'", type_name(type_of(category)));
  vm::Frame* f = vm::thread_state().frame;
  if (stacklevel <= 0 || (f && is_internal_frame(f))) {
    while (--stacklevel > 0 && f) f = f->previous;
  } else {
    while (--stacklevel > 0 && f) {
      f = f->previous;
      while (f && is_internal_frame(f)) f = f->previous;
    }
  }
  Value globals;
  Ref filename;
  int64_t lineno = 1;
  if (f) {
    globals = f->globals;
    filename = Ref::borrow(f->code->filename);
    lineno = vm::frame_line(f);
  } else {
    globals = module_dict(sys_module());
    filename = Ref::steal(str_from_ascii("sys"));
  }
  Value registry = dict_get_item_str(globals, "__warningregistry__");
  Ref new_registry;
  if (!registry) {
    new_registry = Ref::steal(dict_new());
    if (!new_registry || dict_set_item_str(globals, "__warningregistry__", new_registry.get()) < 0) return Value();
    registry = new_registry.get();
  }
  Ref keep_registry = Ref::borrow(registry);
  Value module = dict_get_item_str(globals, "__name__");
  Ref module_name = module && is_str(module) ? Ref::borrow(module) : Ref::steal(str_from_ascii("<string>"));
  return do_warn_explicit(message, category, filename.get(), lineno, module_name.get(), registry, source);
}

Value warnings_warn(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!bind_args({"warn", {"message", "category", "stacklevel", "source"}, 0, 1}, args, nargs, kwnames, a))
    return Value();
  int64_t stacklevel = 1;
  if (a[2]) {
    stacklevel = as_ssize(a[2]);
    if (stacklevel == -1 && error_occurred()) return Value();
  }
  return warn_with_stacklevel(a[0], a[1], stacklevel, a[3]);
}

Value warnings_warn_explicit(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[8];
  if (!bind_args({"warn_explicit",
                  {"message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"},
                  0, 4},
                 args, nargs, kwnames, a))
    return Value();
  if (!is_str(a[2]))
    return raise_format(exc::TypeError, "warn_explicit() argument 3 must be str, not %s", type_name(type_of(a[2])));
  int64_t lineno = as_ssize(a[3]);
  if (lineno == -1 && error_occurred()) return Value();
  Value module = a[4] && !a[4].is(none()) ? a[4] : Value();
  return do_warn_explicit(a[0], a[1], a[2], lineno, module, a[5], a[7]);
}

Value warnings_filters_mutated(Value) {
  ++g_filters_version;
  return new_ref(none());
}

const MethodDef kWarningsFunctions[] = {
    {"warn", (void*)warnings_warn, MethodKind::FastKeywords},
    {"warn_explicit", (void*)warnings_warn_explicit, MethodKind::FastKeywords},
    {"_filters_mutated", (void*)warnings_filters_mutated, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// CPython's default filters for a release build.
int init_state() {
  if (g_filters) return 0;
  g_filters = list_new(0);
  g_default_action = str_from_ascii("default");
  g_once_registry = dict_new();
  if (!g_filters || !g_default_action || !g_once_registry) return -1;
  struct {
    const char* action;
    TypeObject* category;
    const char* module;
  } defaults[] = {{"default", exc::DeprecationWarning, "__main__"},
                  {"ignore", exc::DeprecationWarning, nullptr},
                  {"ignore", exc::PendingDeprecationWarning, nullptr},
                  {"ignore", exc::ImportWarning, nullptr},
                  {"ignore", exc::ResourceWarning, nullptr}};
  for (auto& d : defaults) {
    Ref action = Ref::steal(str_from_ascii(d.action));
    Ref module = Ref::steal(d.module ? str_from_ascii(d.module) : new_ref(none()));
    Ref zero = Ref::steal(int_from_int64(0));
    Ref f = Ref::steal(tuple_pack({action.get(), none(), Value::object(d.category), module.get(), zero.get()}));
    if (!f || list_append(g_filters, f.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace

Value create_warnings_module() {
  if (init_state() < 0) return Value();
  Ref module = Ref::steal(module_new("_warnings"));
  if (!module || module_add_functions(module.get(), kWarningsFunctions) < 0 ||
      module_add(module.get(), "filters", g_filters) < 0 || module_add(module.get(), "_defaultaction", g_default_action) < 0 ||
      module_add(module.get(), "_onceregistry", g_once_registry) < 0)
    return Value();
  return module.release();
}

int emit_warning(TypeObject* category, const std::string& message, int stacklevel) {
  if (init_state() < 0) return -1;
  Ref text = Ref::steal(str_from_utf8(message));
  if (!text) return -1;
  Ref r = Ref::steal(warn_with_stacklevel(text.get(), Value::object(category), stacklevel, Value()));
  return r ? 0 : -1;
}

int emit_warning_explicit(TypeObject* category, const std::string& message, const std::string& filename, int lineno) {
  if (init_state() < 0) return -1;
  Ref text = Ref::steal(str_from_utf8(message));
  Ref file = Ref::steal(str_from_utf8(filename));
  if (!text || !file) return -1;
  Ref r = Ref::steal(do_warn_explicit(text.get(), Value::object(category), file.get(), lineno, Value(), Value(), Value()));
  return r ? 0 : -1;
}

}  // namespace krait::modules

#include "vm/import.h"
#include "vm/import_accel.h"

#include <string>

#include "modules/builtins_internal.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/config.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/pyc.h"
#include "vm/state.h"

namespace krait::vm {

using namespace runtime;

namespace {

Value g_bootstrap;  // owned: _frozen_importlib
Value g_external;   // owned: _frozen_importlib_external
// owned: builtins.__import__ as it was at start-up. importlib gets this one (CPython's
// interp->import_func), not a replacement installed later in builtins.
Value g_import_func;

// The names importlib's frames carry (CPython's frozen modules show the same).
constexpr const char* kBootstrapFile = "<frozen importlib._bootstrap>";
constexpr const char* kExternalFile = "<frozen importlib._bootstrap_external>";

// Interned attribute names (kept for the life of the process).
Value name_initializing() {
  static Value name = str_intern("_initializing");
  return name;
}
Value name_name() {
  static Value name = str_intern("__name__");
  return name;
}
Value name_path() {
  static Value name = str_intern("__path__");
  return name;
}
Value name_spec() {
  static Value name = str_intern("__spec__");
  return name;
}

// --- running importlib's bootstrap -----------------------------------------------------------

// Makes the frozen module `name` (importlib's bootstrap), registers it in sys.modules and runs
// it. New reference, or null + error.
Value load_bootstrap_module(const char* name, const char* origname) {
  Ref code = Ref::steal(modules::frozen_module_code(origname, false));
  if (!code) return Value();
  Ref module = Ref::steal(module_new(name));
  if (!module) return Value();
  Value dict = module_dict(module.get());
  Ref orig = Ref::steal(str_from_utf8(origname));
  if (!orig || dict_set_item_str(dict, "__origname__", orig.get()) < 0 ||
      dict_set_item_str(dict, "__builtins__", modules::builtins_module()) < 0 ||
      dict_set_item_str(modules::sys_modules(), name, module.get()) < 0)
    return Value();
  Ref result = Ref::steal(eval_code(code.get(), dict, dict));
  if (!result) return Value();
  return module.release();
}

Value call_bootstrap(Value module, const char* function, std::initializer_list<Value> args) {
  Ref f = Ref::steal(get_attr(module, function));
  if (!f) return Value();
  return call(f.get(), args.begin(), args.size());
}

// The path-based finder needs these native modules; until they all exist krait imports only
// built-in modules.
bool have_path_finder_modules() {
  for (const char* name : {"_io", "marshal", "posix"})
    if (!modules::find_builtin_module(name)) return false;
  return true;
}

int install_external_importers() {
  g_external = load_bootstrap_module("_frozen_importlib_external", "importlib._bootstrap_external");
  if (!g_external) return -1;
  if (install_pyc_format(g_external) < 0 || install_import_accelerators(g_external) < 0) return -1;
  Ref r = Ref::steal(call_bootstrap(g_bootstrap, "_install_external_importers", {}));
  return r ? 0 : -1;
}

// zipimport.zipimporter first on sys.path_hooks (archives on sys.path import), as CPython's
// start-up does; a failure leaves zip imports off, silently as in CPython.
void install_zipimport() {
  Ref zipimport = Ref::steal(import_module("zipimport"));
  Ref hook = zipimport ? Ref::steal(get_attr(zipimport.get(), "zipimporter")) : Ref();
  Ref hooks = hook ? Ref::steal(get_attr(modules::sys_module(), "path_hooks")) : Ref();
  if (!hooks || !is_list(hooks.get()) || list_insert(hooks.get(), 0, hook.get()) < 0) {
    clear_error();
    return;
  }
  Ref cache = Ref::steal(get_attr(modules::sys_module(), "path_importer_cache"));
  if (cache && is_dict(cache.get())) dict_clear(cache.get());
  clear_error();
}

// --- relative names --------------------------------------------------------------------------

Value no_parent_error() { return raise(exc::ImportError, "attempted relative import with no known parent package"); }

int import_warning(const char* message) { return modules::emit_warning(exc::ImportWarning, message, 1); }

// The package a relative import in `globals` is relative to (new reference), as CPython finds
// it: __package__, else __spec__.parent, else __name__ (and __path__).
Value package_of(Value globals) {
  Value package = dict_get_item_str(globals, "__package__");
  if (package && package.is(none())) package = Value();
  Value spec = dict_get_item_str(globals, "__spec__");
  if (spec && spec.is(none())) spec = Value();
  if (package) {
    if (!is_str(package)) return raise(exc::TypeError, "package must be a string");
    if (spec) {
      Ref parent = Ref::steal(get_attr(spec, "parent"));
      if (!parent) return Value();
      int same = rich_compare_bool(package, parent.get(), CompareOp::Eq);
      if (same < 0 || (!same && import_warning("__package__ != __spec__.parent") < 0)) return Value();
    }
    return new_ref(package);
  }
  if (spec) {
    Ref parent = Ref::steal(get_attr(spec, "parent"));
    if (!parent) return Value();
    if (!is_str(parent.get())) return raise(exc::TypeError, "__spec__.parent must be a string");
    return parent.release();
  }
  if (import_warning("can't resolve package from __spec__ or __package__, falling back on __name__ and __path__") < 0)
    return Value();
  Value name = dict_get_item_str(globals, "__name__");
  if (!name) return raise(exc::KeyError, "'__name__' not in globals");
  if (!is_str(name)) return raise(exc::TypeError, "__name__ must be a string");
  if (dict_get_item_str(globals, "__path__")) return new_ref(name);
  std::string s = str_to_utf8(name);
  size_t dot = s.rfind('.');
  if (dot == std::string::npos) return no_parent_error();
  return str_from_utf8(s.substr(0, dot));
}

// The absolute name of a relative import of `name` at `level` from `globals`.
Value resolve_name(Value name, Value globals, int64_t level) {
  if (!globals) return raise(exc::KeyError, "'__name__' not in globals");
  if (!is_dict(globals)) return raise(exc::TypeError, "globals must be a dict");
  Ref package = Ref::steal(package_of(globals));
  if (!package) return Value();
  std::string base = str_to_utf8(package.get());
  if (base.empty()) return no_parent_error();
  size_t last_dot = base.size();
  for (int64_t up = 1; up < level; ++up) {
    size_t dot = last_dot == 0 ? std::string::npos : base.rfind('.', last_dot - 1);
    if (dot == std::string::npos) return raise(exc::ImportError, "attempted relative import beyond top-level package");
    last_dot = dot;
  }
  base.resize(last_dot);
  if (str_length(name) == 0) return str_from_utf8(base);
  return str_from_utf8(base + "." + str_to_utf8(name));
}

// --- tracebacks --------------------------------------------------------------------------------

bool in_importlib(TracebackObject* tb) {
  auto* fo = static_cast<FrameObject*>(tb->frame.as_object());
  Value filename = as_code(fo->code)->filename;
  return str_equal_ascii(filename, kBootstrapFile) || str_equal_ascii(filename, kExternalFile);
}

bool is_frames_removed_marker(TracebackObject* tb) {
  auto* fo = static_cast<FrameObject*>(tb->frame.as_object());
  return str_equal_ascii(as_code(fo->code)->name, "_call_with_frames_removed");
}

// Drops importlib's entries from the current exception's traceback as CPython does: all of them
// for an ImportError, otherwise each run of importlib frames that ends in
// _call_with_frames_removed (the loader calling the module's own code).
void remove_importlib_frames() {
  Value exc_value = thread_state().current_exception;
  if (!exc_value || !exc_value.is_object()) return;
  bool always = is_subtype(type_of(exc_value), exc::ImportError);
  Value tb = exception_traceback(exc_value);
  if (!tb || tb.is(none())) return;
  // Links are Value slots: `head` (the traceback), then each entry's `next`. A run of importlib
  // entries starts at `chunk_link`; dropping it points that link past the run.
  Value head = new_ref(tb);
  Value* link = &head;
  Value* chunk_link = nullptr;
  bool was_in = false;
  while (*link) {
    auto* entry = static_cast<TracebackObject*>(link->as_object());
    bool now_in = in_importlib(entry);
    if (now_in && !was_in) chunk_link = link;
    was_in = now_in;
    if (now_in && (always || is_frames_removed_marker(entry))) {
      Value next = entry->next ? new_ref(entry->next) : Value();
      Value dropped = *chunk_link;
      *chunk_link = next;
      decref(dropped);
      link = chunk_link;
      was_in = false;
      continue;
    }
    link = &entry->next;
  }
  exception_set_traceback(exc_value, head ? head : none());
  if (head) decref(head);
}

// sys.modules[name] (borrowed), or null (with an error only if the lookup failed).
Value modules_get(Value modules, Value name) {
  if (is_dict(modules)) return dict_get_item(modules, name);
  Value v = get_item(modules, name);
  if (!v) {
    if (error_matches(exc::KeyError)) clear_error();
    return Value();
  }
  decref(v);  // sys.modules keeps it alive
  return v;
}


// importlib's _find_and_load / _handle_fromlist, given the original builtins.__import__ as
// CPython gives it.
Value call_with_import(const char* function, Value a, Value b = Value()) {
  Value import = g_import_func;
  if (!import) return raise(exc::ImportError, "__import__ not found");
  if (b) return call_bootstrap(g_bootstrap, function, {a, b, import});
  return call_bootstrap(g_bootstrap, function, {a, import});
}

Value import_level_unhooked(Value name, Value globals, Value fromlist, int64_t level) {
  if (!is_str(name)) return raise(exc::TypeError, "module name must be a string");
  if (level < 0) return raise(exc::ValueError, "level must be >= 0");
  Ref abs_name;
  if (level > 0) {
    abs_name = Ref::steal(resolve_name(name, globals, level));
    if (!abs_name) return Value();
  } else {
    if (str_length(name) == 0) return raise(exc::ValueError, "Empty module name");
    abs_name = Ref::borrow(name);
  }
  Value modules = modules::sys_modules();
  if (!modules) return raise(exc::RuntimeError, "sys.modules not found");
  Value found = modules_get(modules, abs_name.get());
  if (error_occurred()) return Value();
  // No other thread can be importing a module (krait runs one), so a module in sys.modules
  // that is still initializing is a circular import: it is returned as it is, as CPython does
  // once _lock_unlock_module finds the lock free.
  Ref module;
  if (found && !found.is(none())) {
    module = Ref::borrow(found);
  } else {
    if (!g_bootstrap) return raise(exc::ImportError, "import of a module before the import system started");
    module = Ref::steal(call_with_import("_find_and_load", abs_name.get()));
    if (!module) return Value();
  }
  bool has_from = false;
  if (fromlist && !fromlist.is(none())) {
    int t = is_true(fromlist);
    if (t < 0) return Value();
    has_from = t;
  }
  if (has_from) {
    Ref path = Ref::steal(lookup_attr(module.get(), name_path()));
    if (error_occurred()) return Value();
    if (path) return call_with_import("_handle_fromlist", module.get(), fromlist);
    return module.release();
  }
  std::string n = str_to_utf8(name);
  size_t dot = n.find('.');
  if ((level != 0 && n.empty()) || dot == std::string::npos) return module.release();
  if (level == 0) {
    Ref front = Ref::steal(str_from_utf8(n.substr(0, dot)));
    if (!front) return Value();
    return import_module_level(front.get(), Value(), Value(), 0);
  }
  std::string a = str_to_utf8(abs_name.get());
  Ref to_return = Ref::steal(str_from_utf8(a.substr(0, a.size() - (n.size() - dot))));
  if (!to_return) return Value();
  Value top = modules_get(modules, to_return.get());
  if (!top) {
    if (!error_occurred()) {
      Ref r = Ref::steal(repr(to_return.get()));
      raise_format(exc::KeyError, "%s not in sys.modules as expected", r ? str_cstr(r.get()) : "?");
    }
    return Value();
  }
  return new_ref(top);
}

}  // namespace

Value importlib_bootstrap() { return g_bootstrap; }

int spec_is_initializing(Value spec) {
  Ref flag = Ref::steal(lookup_attr(spec, name_initializing()));
  int initializing = flag ? is_true(flag.get()) : 0;
  if (error_occurred()) clear_error();
  return initializing > 0 ? 1 : 0;
}
Value importlib_external() { return g_external; }

Value raise_import_error(Value message, Value name, Value path) {
  Ref kwnames = Ref::steal(tuple_pack({Ref::steal(str_intern("name")).get(), Ref::steal(str_intern("path")).get()}));
  if (!kwnames) return Value();
  Value args[3] = {message, name, path};
  Ref e = Ref::steal(call(Value::object(exc::ImportError), args, 1, kwnames.get()));
  if (!e) return Value();
  set_exception(e.get());
  return Value();
}

int init_import_system() {
  if (g_bootstrap) return 0;
  Value modules = modules::sys_modules();
  g_import_func = dict_get_item_str(modules::builtins_dict(), "__import__");
  if (!g_import_func) {
    raise(exc::ImportError, "__import__ not found");
    return -1;
  }
  incref(g_import_func);
  const modules::BuiltinModule* imp_def = modules::find_builtin_module("_imp");
  Ref imp = Ref::steal(imp_def->create());
  if (!imp || dict_set_item_str(modules, "_imp", imp.get()) < 0) return -1;
  g_bootstrap = load_bootstrap_module("_frozen_importlib", "importlib._bootstrap");
  if (!g_bootstrap) return -1;
  Ref r = Ref::steal(call_bootstrap(g_bootstrap, "_install", {modules::sys_module(), imp.get()}));
  if (!r) return -1;
  if (have_path_finder_modules()) {
    if (install_external_importers() < 0) return -1;
    install_zipimport();
  }
  // builtins.open is io.open (CPython sets it when it makes the standard streams).
  if (const modules::BuiltinModule* io = modules::find_builtin_module("_io")) {
    Ref io_module = Ref::steal(import_module(io->name));
    Ref open = io_module ? Ref::steal(get_attr(io_module.get(), "open")) : Ref();
    if (!open || dict_set_item_str(modules::builtins_dict(), "open", open.get()) < 0) return -1;
  }
  Ref stdlib = Ref::steal(str_from_utf8(config().stdlib_dir));
  if (!stdlib || module_add(modules::sys_module(), "_stdlib_dir", stdlib.get()) < 0) return -1;
  // -W options and PYTHONWARNINGS take effect through warnings.py, imported now as CPython does.
  if (!config().warnoptions.empty()) {
    Ref warnings = Ref::steal(import_module("warnings"));
    if (!warnings) return -1;
  }
  return 0;
}

Value import_module_level(Value name, Value globals, Value fromlist, int64_t level) {
  Value result = import_level_unhooked(name, globals, fromlist, level);
  if (!result) remove_importlib_frames();
  return result;
}

Value import_module(const char* name) {
  Ref n = Ref::steal(str_from_utf8(name));
  if (!n) return Value();
  Ref top = Ref::steal(import_module_level(n.get(), Value(), Value(), 0));
  if (!top) return Value();
  Value m = modules_get(modules::sys_modules(), n.get());
  if (!m) {
    if (!error_occurred()) raise_format(exc::KeyError, "'%s' not in sys.modules as expected", name);
    return Value();
  }
  return new_ref(m);
}

Value import_from(Value module, Value name) {
  Value v = lookup_attr(module, name);
  if (v || error_occurred()) return v;
  // A submodule that is in sys.modules but not yet bound in its package (a circular import).
  Ref pkgname = Ref::steal(lookup_attr(module, name_name()));
  if (error_occurred()) clear_error();
  if (pkgname && is_str(pkgname.get())) {
    Ref full = Ref::steal(str_from_utf8(str_to_utf8(pkgname.get()) + "." + str_to_utf8(name)));
    if (!full) return Value();
    Value m = modules_get(modules::sys_modules(), full.get());
    if (m) return new_ref(m);
    if (error_occurred()) return Value();
  }
  Ref shown_pkg = pkgname && is_str(pkgname.get()) ? pkgname : Ref::steal(str_from_ascii("<unknown module name>"));
  Ref name_repr = Ref::steal(repr(name));
  Ref pkg_repr = Ref::steal(repr(shown_pkg.get()));
  if (!name_repr || !pkg_repr) return Value();
  Value file = is_module(module) ? dict_get_item_str(module_dict(module), "__file__") : Value();
  Ref path = file ? Ref::borrow(file) : Ref();
  Ref message;
  if (!path || !is_str(path.get())) {
    message = Ref::steal(str_from_format("cannot import name %s from %s (unknown location)", str_cstr(name_repr.get()),
                                         str_cstr(pkg_repr.get())));
    path = Ref::borrow(none());
  } else {
    Ref spec = Ref::steal(lookup_attr(module, name_spec()));
    if (error_occurred()) clear_error();
    bool initializing = spec && spec_is_initializing(spec.get());
    message = Ref::steal(str_from_format(
        initializing ? "cannot import name %s from partially initialized module %s (most likely due to a circular import) (%s)"
                     : "cannot import name %s from %s (%s)",
        str_cstr(name_repr.get()), str_cstr(pkg_repr.get()), str_cstr(path.get())));
  }
  if (!message) return Value();
  return raise_import_error(message.get(), shown_pkg.get(), path.get());
}

}  // namespace krait::vm

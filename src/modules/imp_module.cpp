// The `_imp` module: what importlib's bootstrap asks of the interpreter. Built-in modules come
// from the table in registry.cpp; the only frozen modules are importlib's two bootstrap modules
// (krait runs CPython's importlib/_bootstrap*.py from the stdlib under those names); krait
// cannot load C extension modules, so it lists no extension suffixes.
#include <cstring>
#include <string>

#include "modules/builtins_internal.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/args.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/config.h"
#include "vm/pyc.h"

namespace krait::modules {

using namespace runtime;

namespace {

// CPython 3.11 freezes these stdlib modules into its executable; krait compiles them from the
// stdlib's source (cached next to its executable, see vm/pyc.h) and gives them what frozen
// modules have: the FrozenImporter loader, "<frozen NAME>" as their code's file name (so
// tracebacks read as CPython's), and no __cached__. `origname` is the module whose source it is.
struct FrozenModule {
  const char* name;
  const char* origname;
  bool is_package;
};
const FrozenModule kFrozen[] = {
    {"_frozen_importlib", "importlib._bootstrap", false},
    {"_frozen_importlib_external", "importlib._bootstrap_external", false},
    {"zipimport", "zipimport", false},
    {"abc", "abc", false},
    {"codecs", "codecs", false},
    {"io", "io", false},
    {"_collections_abc", "_collections_abc", false},
    {"_sitebuiltins", "_sitebuiltins", false},
    {"genericpath", "genericpath", false},
    {"ntpath", "ntpath", false},
    {"posixpath", "posixpath", false},
    {"os.path", "posixpath", false},
    {"os", "os", false},
    {"site", "site", false},
    {"stat", "stat", false},
    {"importlib.util", "importlib.util", false},
    {"importlib.machinery", "importlib.machinery", false},
    {"runpy", "runpy", false},
    {"__hello__", "__hello__", false},
    {"__hello_alias__", "__hello__", false},
    {"__phello__", "__phello__", true},
    {"__phello__.spam", "__phello__.spam", false},
};

const FrozenModule* find_frozen_module(Value name) {
  if (!is_str(name)) return nullptr;
  for (const FrozenModule& f : kFrozen)
    if (str_equal_ascii(name, f.name)) return &f;
  return nullptr;
}

Value no_such_frozen(Value name) {
  Ref r = Ref::steal(repr(name));
  return raise_format(exc::ImportError, "No such frozen object named %s", r ? str_cstr(r.get()) : "?");
}

// The import lock: krait runs one thread, so it is a recursion count.
int g_lock_count = 0;

Value imp_acquire_lock(Value) {
  ++g_lock_count;
  return none();
}

Value imp_release_lock(Value) {
  if (g_lock_count == 0) return raise(exc::RuntimeError, "not holding the import lock");
  --g_lock_count;
  return none();
}

Value imp_lock_held(Value) { return bool_value(g_lock_count > 0); }

Value str_argument(const char* function, Value v) {
  if (!is_str(v))
    return raise_format(exc::TypeError, "%s() argument must be str, not %s", function, type_name(type_of(v)));
  return v;
}

// 1 for a built-in module, -1 for one that cannot be initialized again (sys, builtins), 0 if none.
Value imp_is_builtin(Value, Value name) {
  if (!str_argument("is_builtin", name)) return Value();
  const BuiltinModule* m = find_builtin_module(str_to_utf8(name));
  if (!m) return int_from_int64(0);
  bool core = std::strcmp(m->name, "sys") == 0 || std::strcmp(m->name, "builtins") == 0;
  return int_from_int64(core ? -1 : 1);
}

// create_builtin(spec): a new module object for spec.name (sys and builtins: the one module).
Value imp_create_builtin(Value, Value spec) {
  Ref name = Ref::steal(get_attr(spec, "name"));
  if (!name) return Value();
  if (!is_str(name.get()))
    return raise_format(exc::TypeError, "name must be string, not %s", type_name(type_of(name.get())));
  const BuiltinModule* m = find_builtin_module(str_to_utf8(name.get()));
  if (!m) {
    // CPython makes an empty module for a name it has no initializer for.
    return module_new(name.get());
  }
  return m->create();
}

// Built-in modules are initialized when created (single-phase), so there is nothing to run.
Value imp_exec_builtin(Value, Value) { return int_from_int64(0); }

Value imp_is_frozen(Value, Value name) {
  if (!str_argument("is_frozen", name)) return Value();
  return bool_value(find_frozen_module(name) != nullptr);
}

Value imp_is_frozen_package(Value, Value name) {
  if (!str_argument("is_frozen_package", name)) return Value();
  const FrozenModule* f = find_frozen_module(name);
  if (!f) return no_such_frozen(name);
  return bool_value(f->is_package);
}

// find_frozen(name, *, withdata=False) -> (data, ispkg, origname) or None.
Value imp_find_frozen(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!bind_args({"find_frozen", {"name", "withdata"}, 0, 1, 1}, args, nargs, kwnames, a)) return Value();
  if (!str_argument("find_frozen", a[0])) return Value();
  const FrozenModule* f = find_frozen_module(a[0]);
  if (!f) return none();
  if (a[1] && is_true(a[1]) > 0)
    return raise(exc::NotImplementedError, "not implemented: _imp.find_frozen(withdata=True) (krait's frozen modules are run from source)");
  Ref orig = Ref::steal(str_from_utf8(f->origname));
  if (!orig) return Value();
  return tuple_pack({none(), bool_value(f->is_package), orig.get()});
}

Value imp_get_frozen_object(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2) return raise_format(exc::TypeError, "get_frozen_object expected 1 or 2 arguments, got %zu", nargs);
  if (!str_argument("get_frozen_object", args[0])) return Value();
  const FrozenModule* f = find_frozen_module(args[0]);
  if (!f) return no_such_frozen(args[0]);
  return frozen_module_code(f->origname, f->is_package);
}

Value imp_init_frozen(Value, Value name) {
  if (!str_argument("init_frozen", name)) return Value();
  if (!find_frozen_module(name)) return none();
  Value existing = dict_get_item(sys_modules(), name);
  if (existing) return new_ref(existing);
  return no_such_frozen(name);
}

Value imp_frozen_module_names(Value) {
  Ref names = Ref::steal(tuple_new(std::size(kFrozen)));
  if (!names) return Value();
  for (size_t i = 0; i < std::size(kFrozen); ++i) {
    Value n = str_from_utf8(kFrozen[i].name);
    if (!n) return Value();
    tuple_items(names.get())[i] = n;
  }
  return list_from_iterable(names.get());
}

Value imp_override_frozen_modules_for_tests(Value, Value) { return int_from_int64(0); }

Value imp_extension_suffixes(Value) { return list_new(0); }

Value imp_create_dynamic(Value, const Value*, size_t) {
  return raise(exc::ImportError, "krait cannot load C extension modules");
}

Value imp_exec_dynamic(Value, Value) { return int_from_int64(0); }

// source_hash(key, source): SipHash-1-3 of the source keyed by `key`, as 8 little-endian bytes.
Value imp_source_hash(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!bind_args({"source_hash", {"key", "source"}, 0, 2}, args, nargs, kwnames, a)) return Value();
  Ref key_index = Ref::steal(number_index(a[0]));
  if (!key_index) return Value();
  int64_t key = 0;
  if (!int_to_int64(key_index.get(), &key)) return Value();
  std::string_view source;
  if (!bytes_like_view(a[1], &source))
    return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(a[1])));
  uint64_t h = siphash13_keyed(static_cast<uint64_t>(key), 0, source.data(), source.size());
  char out[8];
  std::memcpy(out, &h, 8);  // little-endian host
  return bytes_from(std::string_view(out, 8));
}

// Code objects loaded from a .pyc carry the path they were compiled from; a tree that moved
// gets the new path, in the code object and every nested one that had the old.
void set_filenames(vm::CodeObject* code, Value old_name, Value new_name) {
  if (!rich_compare_bool(code->filename, old_name, CompareOp::Eq)) {
    clear_error();
    return;
  }
  Value previous = code->filename;
  code->filename = new_ref(new_name);
  decref(previous);
  for (size_t i = 0; i < tuple_size(code->consts); ++i) {
    Value c = tuple_get(code->consts, i);
    if (vm::is_code(c)) set_filenames(vm::as_code(c), old_name, new_name);
  }
}

Value imp_fix_co_filename(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "_fix_co_filename expected 2 arguments, got %zu", nargs);
  if (!vm::is_code(args[0]))
    return raise_format(exc::TypeError, "_fix_co_filename() argument 1 must be code, not %s", type_name(type_of(args[0])));
  if (!str_argument("_fix_co_filename", args[1])) return Value();
  vm::CodeObject* code = vm::as_code(args[0]);
  int same = rich_compare_bool(code->filename, args[1], CompareOp::Eq);
  if (same < 0) return Value();
  if (!same) {
    Ref old_name = Ref::borrow(code->filename);
    set_filenames(code, old_name.get(), args[1]);
  }
  return none();
}

const MethodDef kImpFunctions[] = {
    {"acquire_lock", (void*)imp_acquire_lock, MethodKind::NoArgs},
    {"release_lock", (void*)imp_release_lock, MethodKind::NoArgs},
    {"lock_held", (void*)imp_lock_held, MethodKind::NoArgs},
    {"is_builtin", (void*)imp_is_builtin, MethodKind::OneArg},
    {"create_builtin", (void*)imp_create_builtin, MethodKind::OneArg},
    {"exec_builtin", (void*)imp_exec_builtin, MethodKind::OneArg},
    {"is_frozen", (void*)imp_is_frozen, MethodKind::OneArg},
    {"is_frozen_package", (void*)imp_is_frozen_package, MethodKind::OneArg},
    {"find_frozen", (void*)imp_find_frozen, MethodKind::FastKeywords},
    {"get_frozen_object", (void*)imp_get_frozen_object, MethodKind::Fast},
    {"init_frozen", (void*)imp_init_frozen, MethodKind::OneArg},
    {"_frozen_module_names", (void*)imp_frozen_module_names, MethodKind::NoArgs},
    {"_override_frozen_modules_for_tests", (void*)imp_override_frozen_modules_for_tests, MethodKind::OneArg},
    {"extension_suffixes", (void*)imp_extension_suffixes, MethodKind::NoArgs},
    {"create_dynamic", (void*)imp_create_dynamic, MethodKind::Fast},
    {"exec_dynamic", (void*)imp_exec_dynamic, MethodKind::OneArg},
    {"source_hash", (void*)imp_source_hash, MethodKind::FastKeywords},
    {"_fix_co_filename", (void*)imp_fix_co_filename, MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value frozen_module_code(const char* origname, bool is_package) {
  std::string relative = origname;
  for (char& c : relative)
    if (c == '.') c = '/';
  std::string path = vm::config().stdlib_dir + "/" + relative + (is_package ? "/__init__.py" : ".py");
  return vm::load_cached_source_code(path, std::string("<frozen ") + origname + ">", origname);
}

Value create_imp_module() {
  Ref module = Ref::steal(module_new("_imp"));
  if (!module || module_add_functions(module.get(), kImpFunctions) < 0) return Value();
  Ref check = Ref::steal(str_from_utf8(vm::config().check_hash_based_pycs));
  if (!check || module_add(module.get(), "check_hash_based_pycs", check.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules

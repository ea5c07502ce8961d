// Native versions of importlib._bootstrap_external's path helpers, which every import runs
// several times (finding the module, naming its cache): _path_split, _path_join and
// cache_from_source. Each replaces the Python function in the module and handles the ordinary
// case itself: exact str arguments, the module's own settings. Anything else (a str subclass,
// a non-str, debug_override/optimization, sys.pycache_prefix, -O, a cache_tag of None) goes to
// the original Python function, so results and exceptions stay the Python code's. Each native
// function is bound to its original (its __self__), which is how it finds it.
#include "vm/import_accel.h"

#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::vm {

using namespace runtime;

namespace {

// _bootstrap_external's namespace (borrowed: the module lives until exit).
Value g_globals;

// A global of _bootstrap_external as it is now (borrowed), or null.
Value global(Value name) { return dict_get_item_name(g_globals, name); }

bool holds(Value separators, char32_t c) {
  size_t n = str_length(separators);
  for (size_t i = 0; i < n; ++i)
    if (str_char(separators, i) == c) return true;
  return false;
}

// The module's path_separators when it is a non-empty exact str (what the fast paths assume).
Value separators() {
  Value seps = global(KRAIT_NAME("path_separators"));
  return seps && is_str_exact(seps) && str_length(seps) > 0 ? seps : Value();
}

// head, tail = path[:i], path[i+1:] at the last separator; ('', path) without one.
Value split(Value path, Value seps) {
  size_t n = str_length(path);
  size_t i = n;
  while (i > 0 && !holds(seps, str_char(path, i - 1))) --i;
  if (i == 0) return tuple_pack({str_empty(), path});
  Ref head = Ref::steal(str_substring(path, 0, i - 1));
  Ref tail = Ref::steal(str_substring(path, i, n));
  if (!head || !tail) return Value();
  return tuple_pack({head.get(), tail.get()});
}

Value path_split(Value original, const Value* args, size_t nargs) {
  Value seps = separators();
  if (nargs != 1 || !is_str_exact(args[0]) || !seps) return call(original, args, nargs);
  return split(args[0], seps);
}

// path_sep.join([part.rstrip(path_separators) for part in parts if part])
Value join(const Value* parts, size_t nparts, Value sep, Value seps) {
  Ref kept = Ref::steal(list_new(0));
  if (!kept) return Value();
  for (size_t k = 0; k < nparts; ++k) {
    size_t n = str_length(parts[k]), end = n;
    if (n == 0) continue;
    while (end > 0 && holds(seps, str_char(parts[k], end - 1))) --end;
    Ref part = end == n ? Ref::borrow(parts[k]) : Ref::steal(str_substring(parts[k], 0, end));
    if (!part || list_append(kept.get(), part.get()) < 0) return Value();
  }
  return str_join(sep, kept.get());
}

Value path_join(Value original, const Value* args, size_t nargs) {
  Value sep = global(KRAIT_NAME("path_sep"));
  Value seps = separators();
  bool plain = sep && is_str_exact(sep) && seps;
  for (size_t i = 0; i < nargs && plain; ++i) plain = is_str_exact(args[i]);
  if (!plain) return call(original, args, nargs);
  return join(args, nargs, sep, seps);
}

const MethodDef kSplit{"_path_split", (void*)path_split, MethodKind::Fast};
const MethodDef kJoin{"_path_join", (void*)path_join, MethodKind::Fast};

// The module's _path_split / _path_join as they are now: a native one runs directly, one that
// someone installed instead is called.
Value call_global(Value name, const MethodDef& native, const Value* args, size_t nargs) {
  Value f = global(name);
  if (!f) return raise_format(exc::NameError, "name '%s' is not defined", std::string(str_utf8(name)).c_str());
  if (type_of(f) == &builtin_function_type && static_cast<BuiltinFunctionObject*>(f.as_object())->def == &native) {
    Value original = static_cast<BuiltinFunctionObject*>(f.as_object())->self;
    using Fast = Value (*)(Value, const Value*, size_t);
    return reinterpret_cast<Fast>(native.function)(original, args, nargs);
  }
  return call(f, args, nargs);
}

// The settings cache_from_source reads, when they are the ordinary ones: the cache tag (a
// str), the first bytecode suffix (a str), __pycache__'s name; no -O, no sys.pycache_prefix.
struct CacheNaming {
  Ref tag;
  Value suffix, pycache;
};

bool ordinary_naming(CacheNaming* out) {
  Value sys = global(KRAIT_NAME("sys"));
  if (!sys) return false;
  Ref impl = Ref::steal(get_attr(sys, KRAIT_NAME("implementation")));
  Ref tag = impl ? Ref::steal(get_attr(impl.get(), KRAIT_NAME("cache_tag"))) : Ref();
  Ref flags = Ref::steal(get_attr(sys, KRAIT_NAME("flags")));
  Ref optimize = flags ? Ref::steal(get_attr(flags.get(), KRAIT_NAME("optimize"))) : Ref();
  Ref prefix = Ref::steal(get_attr(sys, KRAIT_NAME("pycache_prefix")));
  if (!tag || !optimize || !prefix) {
    clear_error();
    return false;
  }
  Value suffixes = global(KRAIT_NAME("BYTECODE_SUFFIXES"));
  Value pycache = global(KRAIT_NAME("_PYCACHE"));
  if (!is_str_exact(tag.get()) || !optimize.get().is_small_int() || optimize.get().as_small_int() != 0 ||
      !prefix.get().is(none()) || !suffixes || !is_list(suffixes) || list_size(suffixes) == 0 ||
      !is_str_exact(list_get(suffixes, 0)) || !pycache || !is_str_exact(pycache))
    return false;
  out->tag = std::move(tag);
  out->suffix = list_get(suffixes, 0);
  out->pycache = pycache;
  return true;
}

Value cache_from_source(Value original, const Value* args, size_t nargs, Value kwnames) {
  CacheNaming naming;
  if (nargs != 1 || kwnames || !is_str_exact(args[0]) || !ordinary_naming(&naming))
    return call(original, args, nargs, kwnames);
  Ref parts = Ref::steal(call_global(KRAIT_NAME("_path_split"), kSplit, args, 1));
  if (!parts) return Value();
  if (!is_tuple(parts.get()) || tuple_size(parts.get()) != 2 || !is_str_exact(tuple_get(parts.get(), 1)))
    return call(original, args, nargs, kwnames);
  Value head = tuple_get(parts.get(), 0), tail = tuple_get(parts.get(), 1);
  // base, sep, rest = tail.rpartition('.'); (base or rest) + sep + tag + suffix
  int64_t dot = -1;
  for (size_t i = str_length(tail); i > 0; --i)
    if (str_char(tail, i - 1) == '.') {
      dot = int64_t(i - 1);
      break;
    }
  Ref stem = dot > 0 ? Ref::steal(str_substring(tail, 0, size_t(dot)))
                     : dot == 0 ? Ref::steal(str_substring(tail, 1, str_length(tail))) : Ref::borrow(tail);
  if (!stem) return Value();
  Ref name = Ref::steal(str_concat(stem.get(), dot >= 0 ? KRAIT_NAME(".") : str_empty()));
  if (name) name = Ref::steal(str_concat(name.get(), naming.tag.get()));
  if (name) name = Ref::steal(str_concat(name.get(), naming.suffix));
  if (!name) return Value();
  Value join_parts[3] = {head, naming.pycache, name.get()};
  return call_global(KRAIT_NAME("_path_join"), kJoin, join_parts, 3);
}

const MethodDef kCacheFromSource{"cache_from_source", (void*)cache_from_source, MethodKind::FastKeywords};

}  // namespace

int install_import_accelerators(Value external) {
  Value globals = module_dict(external);
  Value sep = dict_get_item(globals, KRAIT_NAME("path_sep"));
  if (!sep || !is_str_exact(sep) || !str_equal_ascii(sep, "/")) {
    clear_error();
    return 0;  // the helpers are written for POSIX paths; elsewhere the Python ones stay
  }
  g_globals = globals;
  Value module_name = dict_get_item(globals, KRAIT_NAME("__name__"));
  for (const MethodDef* def : {&kSplit, &kJoin, &kCacheFromSource}) {
    Ref name = Ref::steal(str_intern(def->name));
    if (!name) return -1;
    Value original = dict_get_item(globals, name.get());
    if (!original) {
      if (error_occurred()) return -1;
      continue;  // not in this version of importlib: nothing to replace
    }
    Ref native = Ref::steal(builtin_function_new(def, original, module_name));
    if (!native || dict_set_item(globals, name.get(), native.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace krait::vm

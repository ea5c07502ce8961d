// The table of krait's native (built-in) modules: what `sys.builtin_module_names` lists and what
// `_imp.create_builtin` can make. Adding a native module is one line here and its create function.
#include <algorithm>
#include <cstring>

#include "modules/modules.h"
#include "runtime/number_util.h"

namespace krait::modules {

namespace {

Value existing_builtins() { return runtime::new_ref(builtins_module()); }
Value existing_sys() { return runtime::new_ref(sys_module()); }

// Sorted by name (sys.builtin_module_names is sorted).
const BuiltinModule kBuiltinModules[] = {
    {"_abc", create_abc_module},
    {"_ast", create_ast_module},
    {"_blake2", create_blake2_module},
    {"_codecs", create_codecs_module},
    {"_collections", create_collections_module},
    {"_contextvars", create_contextvars_module},
    {"_functools", create_functools_module},
    {"_imp", create_imp_module},
    {"_io", create_io_module},
    {"_md5", create_md5_module},
    {"_opcode", create_opcode_module},
    {"_operator", create_operator_module},
    {"_posixsubprocess", create_posixsubprocess_module},
    {"_random", create_random_module},
    {"_sha1", create_sha1_module},
    {"_sha256", create_sha256_module},
    {"_sha3", create_sha3_module},
    {"_sha512", create_sha512_module},
    {"_signal", create_signal_module},
    {"_socket", create_socket_module},
    {"_sre", create_sre_module},
    {"_string", create_string_module},
    {"_struct", create_struct_module},
    {"_thread", create_thread_module},
    {"_tracemalloc", create_tracemalloc_module},
    {"_warnings", create_warnings_module},
    {"_weakref", create_weakref_module},
    {"atexit", create_atexit_module},
    {"binascii", create_binascii_module},
    {"builtins", existing_builtins},
    {"errno", create_errno_module},
    {"gc", create_gc_module},
    {"itertools", create_itertools_module},
    {"marshal", create_marshal_module},
    {"math", create_math_module},
    {"posix", create_posix_module},
    {"select", create_select_module},
    {"sys", existing_sys},
    {"time", create_time_module},
    {"zlib", create_zlib_module},
};

}  // namespace

std::span<const BuiltinModule> builtin_modules() { return kBuiltinModules; }

const BuiltinModule* find_builtin_module(std::string_view name) {
  for (const BuiltinModule& m : kBuiltinModules)
    if (name == m.name) return &m;
  return nullptr;
}

}  // namespace krait::modules

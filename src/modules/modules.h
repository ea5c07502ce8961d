// The native modules krait starts with.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"
#include "vm/config.h"

namespace krait::modules {

using runtime::Value;

// The native modules (src/modules/registry.cpp): a name and the function that makes the module
// (a new reference; builtins and sys return the existing module).
struct BuiltinModule {
  const char* name;
  Value (*create)();
};
std::span<const BuiltinModule> builtin_modules();
const BuiltinModule* find_builtin_module(std::string_view name);

// builtins (src/modules/builtins.cpp): created once; borrowed module and dict.
Value builtins_module();
Value builtins_dict();
int init_builtins();

// sys (src/modules/sys.cpp).
Value sys_module();
// sys.modules (borrowed; null before sys exists).
Value sys_modules();
int init_sys(const vm::Config& config);
// sys.stdout / sys.stderr (borrowed; may be replaced by programs).
Value sys_stdout();
Value sys_stderr();
// Writes UTF-8 text to a file-like object (calls its write method); -1 + error on failure.
int write_to(Value file, const std::string& text);
// Flushes sys.stdout and sys.stderr (at exit).
void flush_std_streams();

// gc (src/modules/gc_module.cpp): a new module object (new reference); the first call also
// connects gc.callbacks and gc.garbage to the collector.
Value create_gc_module();
// _weakref (src/modules/weakref_module.cpp): a new module object; readies the weakref types and
// connects them to the collector (gc.h hooks).
Value create_weakref_module();
// atexit (src/modules/atexit_module.cpp); run_atexit_callbacks() runs the registered callbacks
// (vm/run.cpp, at exit, before __main__ is torn down).
Value create_atexit_module();
Value create_tracemalloc_module();
void run_atexit_callbacks();
// math (src/modules/math_module.cpp): the common floating-point functions and constants.
Value create_math_module();
// _opcode (src/modules/opcode_module.cpp): stack_effect over opcodes.def, get_specialization_stats.
Value create_opcode_module();
// _ast (src/modules/ast/): ast.AST, every node class of python.asdl, the PyCF_* flags of
// ast.parse.
Value create_ast_module();
// marshal (src/modules/marshal/): CPython 3.11's marshal format over runtime values.
Value create_marshal_module();
// itertools (src/modules/itertools/): the 3.11 iterator types.
Value create_itertools_module();
// _collections (src/modules/collections/): deque, defaultdict, _tuplegetter, _count_elements.
Value create_collections_module();
// _operator and _functools (operator_module.cpp, functools_module.cpp).
Value create_operator_module();
Value create_functools_module();
// functools.partial(func, *args, **kwargs) (kwargs a dict or null): a new partial object.
Value make_partial(Value func, const Value* args, size_t nargs, Value kwargs);
// _sre (src/modules/sre/): the regular expression engine under CPython's pure-Python re.
Value create_sre_module();
// _io (src/modules/io/): FileIO, BytesIO, StringIO, the buffered and text layers, open().
Value create_io_module();
// _imp, _thread, _warnings (imp_module.cpp, thread_module.cpp, warnings_module.cpp): what
// importlib's bootstrap needs.
Value create_imp_module();
Value create_thread_module();
Value create_warnings_module();
// The code object of one of the modules CPython freezes (origname: its stdlib module name),
// compiled with "<frozen ORIGNAME>" as its file name. New reference, or null + error.
Value frozen_module_code(const char* origname, bool is_package);

// Issues a warning through warnings.py (category e.g. exc::ImportWarning; stacklevel as
// warnings.warn counts it from the innermost Python frame). 0, or -1 + error (a warning
// turned into an exception, or a failure to import warnings).
int emit_warning(runtime::TypeObject* category, const std::string& message, int stacklevel);
// warnings.warn_explicit(message, category, filename, lineno): as the compiler issues its
// SyntaxWarnings. 0, or -1 + error.
int emit_warning_explicit(runtime::TypeObject* category, const std::string& message, const std::string& filename,
                          int lineno);

// True for builtins.__import__ as krait made it (IMPORT_NAME calls it without arguments).
bool is_original_import(Value f);

// compile(source, filename, 'exec', dont_inherit=True): source is str or bytes (a code object,
// new reference; null + SyntaxError).
Value compile_exec_source(Value source, const std::string& filename);
// posix (src/modules/posix/): the OS interface os.py builds on (stat, open, listdir, scandir,
// environ, ...).
Value create_posix_module();

// errno (src/modules/errno_module.cpp): the E* constants and errorcode.
Value create_errno_module();

// _codecs (src/modules/codecs/): the codec registry, error handlers and the built-in codecs.
Value create_codecs_module();

// time (src/modules/time_module.cpp): clocks, sleep, struct_time conversions, strftime.
Value create_time_module();

// _struct (src/modules/struct_module.cpp): pack/unpack/calcsize, Struct, error.
Value create_struct_module();
// _random (src/modules/random_module.cpp): the Mersenne Twister Random type.
Value create_random_module();
// The hash modules (src/modules/hashes/, over hash_object.h): _md5, _sha1, _sha256
// (sha224/sha256), _sha512 (sha384/sha512; random.py's seeding of str/bytes), _sha3 (sha3_*,
// shake_*), _blake2 (blake2b, blake2s).
Value create_md5_module();
Value create_sha1_module();
Value create_sha256_module();
Value create_sha512_module();
Value create_sha3_module();
Value create_blake2_module();
// _contextvars (contextvars_module.cpp): ContextVar, Token, Context, copy_context.
Value create_contextvars_module();
// binascii (binascii_module.cpp): hex, base64, quoted-printable, crc32/crc_hqx; zlib
// (zlib_module.cpp): the system zlib behind CPython's interface.
Value create_binascii_module();
Value create_zlib_module();
// _abc (abc_module.cpp): abc.ABCMeta's registry, caches and __abc_tpflags__; _string
// (string_module.cpp): string.Formatter's parser over str.format's grammar (runtime/str_format.h).
Value create_abc_module();
Value create_string_module();
// select (select_module.cpp): select(), poll and epoll objects.
Value create_select_module();
// _signal (signal_module.cpp): dispositions, masks, alarm, strsignal (no Python handlers yet).
Value create_signal_module();
// _posixsubprocess (posixsubprocess_module.cpp): fork_exec for subprocess.Popen.
Value create_posixsubprocess_module();
// _socket (socket_module.cpp): the socket type (AF_UNIX/INET/INET6), socketpair, getaddrinfo...
Value create_socket_module();

}  // namespace krait::modules

// The interpreter: running code objects, calling Python functions, the recursion limit.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bytecode/code_data.h"

#include "runtime/object.h"
#include "vm/config.h"

namespace krait::vm {

using runtime::Value;

// Runs a module-level (or exec'd / class body) code object with `globals` and `locals`
// (locals may equal globals). New reference to the result, or null + error.
Value eval_code(Value code, Value globals, Value locals);

// function_type's call slot: binds the arguments as CPython and runs the function.
Value function_call(Value func, const Value* args, size_t nargs, Value kwnames);

// Native code that may recurse (repr of containers, calls into Python from C++) brackets the
// recursion with these: false + RecursionError set when the limit is reached.
// `where` completes "maximum recursion depth exceeded" (e.g. " while calling a Python object").
bool enter_recursive_call(const char* where);
void leave_recursive_call();
int recursion_limit();
void set_recursion_limit(int limit);

// Prints `exception` with its traceback and chained exceptions to stderr as CPython 3.11's
// default excepthook does.
void print_exception(Value exception);
// The traceback and the exception's line, without chained exceptions (the unraisable hook's form).
std::string format_exception_unchained(Value exception);

// Sets up the runtime, the VM's types, builtins and sys (sys.argv = argv); 0 or -1.
int init_vm(const Config& config);

// How the program run as __main__ was given (what __main__'s attributes are).
enum class MainKind { Script, Pyc, Command, Stdin };

// Runs a compiled program as __main__ (`file`: the script's path for __file__); prints an
// uncaught exception as CPython and returns the process exit code (SystemExit handled, streams
// flushed).
int run_main(std::shared_ptr<const bytecode::CodeData> code, const std::string& file, MainKind kind);
// Whether the program ended with an uncaught KeyboardInterrupt: CPython then ends the process
// by SIGINT (exit status -2 as the shell sees it) once everything is finalized.
bool unhandled_keyboard_interrupt();
// The same for a whole .pyc file's bytes (`krait FILE.pyc`).
int run_main_pyc(std::string_view bytes, const std::string& path);
// -m MODULE: runpy._run_module_as_main(module, alter_argv) (alter_argv false for `krait DIR`
// and `krait ARCHIVE.zip`, which run their __main__ module).
int run_module_as_main(const std::string& module, bool alter_argv = true);
// Prints and clears the current exception (start-up failures).
void print_current_exception();

}  // namespace krait::vm

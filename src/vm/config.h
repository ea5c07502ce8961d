// How the interpreter was started: what the command line and the environment asked for. The CLI
// fills it; sys (flags, path, argv, dont_write_bytecode...) and the import system read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace krait::vm {

struct Config {
  std::vector<std::string> argv;        // sys.argv
  std::vector<std::string> orig_argv;   // sys.orig_argv: the command line as given
  // The first entry of sys.path: the script's directory, or the current directory ('') for -c,
  // -m and standard input; absent under -P / PYTHONSAFEPATH.
  std::optional<std::string> path0;
  std::vector<std::string> pythonpath;  // PYTHONPATH entries (unless -E / -I)
  std::string stdlib_dir;               // CPython's pure-Python library
  std::string krait_lib_dir;            // krait's own lib/ ("" when not found)
  std::string executable;               // sys.executable: argv[0] found as CPython finds it ("" if not)
  std::optional<std::string> pycache_prefix;  // -X pycache_prefix / PYTHONPYCACHEPREFIX
  std::string check_hash_based_pycs = "default";  // --check-hash-based-pycs
  std::vector<std::string> warnoptions;  // -W options then PYTHONWARNINGS
  std::vector<std::string> xoptions;     // -X options, as given
  int optimize = 0;                      // -O / -OO / PYTHONOPTIMIZE
  int verbose = 0;                       // -v / PYTHONVERBOSE
  bool dont_write_bytecode = false;      // -B / PYTHONDONTWRITEBYTECODE
  bool trace_instructions = false;       // -X trace (vm/trace.h): from the program's first instruction
  bool ignore_environment = false;       // -E
  bool isolated = false;                 // -I
  bool no_site = false;                  // -S
  bool no_user_site = false;             // -s
  bool safe_path = false;                // -P
  bool quiet = false;                    // -q
  bool inspect = false;                  // -i
  bool unbuffered = false;               // -u
};

// The configuration the interpreter runs with (set once by init_vm).
const Config& config();

}  // namespace krait::vm

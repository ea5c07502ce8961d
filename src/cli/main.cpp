// The `krait` command: CPython-compatible command line.
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bytecode/code_dump.h"
#include "bytecode/marshal.h"
#include "bytecode/opcodes.h"
#include "compile/compiler.h"
#include "runtime/gc.h"
#include "parse/parser.h"
#include "parse/source.h"
#include "parse/tokenizer.h"
#include "compile/compiler.h"
#include "runtime/gc.h"
#include "modules/modules.h"
#include "runtime/exceptions.h"
#include "vm/eval.h"
#include "vm/pyc.h"
#include "vm/trace.h"

namespace {

std::string program_name;

int usage_error(const std::string& message) {
    std::fprintf(stderr, "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                         "Try `python -h' for more information.\n",
                 message.c_str(), program_name.c_str());
    return 2;
}

void print_help() {
    std::printf(
        "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
        "Options:\n"
        "-c cmd : program passed in as string (terminates option list)\n"
        "-h     : print this help message and exit (also -? or --help)\n"
        "-V     : print the Python version number and exit (also --version)\n"
        "file   : program read from script file\n"
        "-      : program read from stdin (default; interactive mode if a tty)\n"
        "arg ...: arguments passed to program in sys.argv[1:]\n"
        "\nkrait only:\n"
        "--dump-ast FILE : print ast.dump(ast.parse(source), include_attributes=True)\n"
        "--tokenize FILE : print the tokens the parser sees\n"
        "--dump-code FILE: print the code objects compiled from FILE (tests/dump_code.py's layout)\n"
        "--opcode-table  : print the instruction table and stack effects (tests/opcode_table.py)\n",
        program_name.c_str());
}

std::optional<std::string> read_file(const std::string& path, int& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) { err = errno; return std::nullopt; }
    if (std::filesystem::is_directory(path)) { err = EISDIR; return std::nullopt; }
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string read_stdin() {
    std::ostringstream s;
    s << std::cin.rdbuf();
    return s.str();
}

// How a program reached krait: a file (or stdin) is decoded and its errors
// reported as CPython does for files; -c CODE as a string.
enum class InputKind { File, String };

// Parses `bytes`; on a syntax error prints it as CPython does and returns
// nullptr. `display_name` is what tracebacks call the file.
krait::ast::mod* parse_or_report(const std::string& bytes, const std::string& display_name, InputKind kind,
                                 krait::ast::Arena& arena, std::string& decoded) {
    krait::SyntaxErrorInfo error;
    bool file = kind == InputKind::File;
    auto source = krait::decode_source(bytes, error, file ? std::string_view(display_name) : std::string_view(),
                                       /*ignore_cookie=*/!file);
    bool declared = true, bom = false;
    if (source) {
        decoded = std::move(source->text);
        declared = source->declared;
        bom = source->bom;
        if (auto* module = krait::parse(decoded, krait::ParseMode::File, arena, error)) return module;
    }
    if (error.type == krait::SyntaxErrorInfo::Type::MemoryError) {
        std::fputs("MemoryError\n", stderr);
        return nullptr;
    }
    krait::ErrorSource origin{file, declared, bom};
    std::fputs(krait::format_syntax_error(error, display_name, decoded, origin).c_str(), stderr);
    return nullptr;
}

std::optional<std::string> read_file_or_report(const std::string& path) {
    int err = 0;
    auto bytes = read_file(path, err);
    if (!bytes)
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program_name.c_str(),
                     path.c_str(), err, std::strerror(err));
    return bytes;
}

// Debugging aid: one token a line, "LINE,COL-ENDLINE,ENDCOL: TYPE 'TEXT'",
// then the tokenizer's error if there is one.
int dump_tokens(const std::string& path) {
    auto bytes = read_file_or_report(path);
    if (!bytes) return 2;
    krait::SyntaxErrorInfo error;
    auto source = krait::decode_source(*bytes, error, path);
    if (!source) {
        std::fputs(krait::format_syntax_error(error, path, "").c_str(), stderr);
        return 1;
    }
    // Type names as CPython's token module spells them (tokens are listed
    // in TokenType's order); the text escapes '\\' and newlines so that each
    // token stays on one line.
    static const char* const kTypeNames[] = {
        "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "LPAR", "RPAR",
        "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS", "STAR", "SLASH", "VBAR",
        "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT", "LBRACE", "RBRACE", "EQEQUAL",
        "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT",
        "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL",
        "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL",
        "DOUBLESTAREQUAL", "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW",
        "ELLIPSIS", "COLONEQUAL", "ERRORTOKEN"};
    auto result = krait::tokenize(source->text);
    std::string out;
    for (const auto& t : result.tokens) {
        std::string_view text(source->text.data() + t.start, t.end - t.start);
        char head[96];
        std::snprintf(head, sizeof head, "%d,%d-%d,%d: %s kw=%d '", t.lineno, t.col_offset,
                      t.end_lineno, t.end_col_offset, kTypeNames[int(t.type)], int(t.keyword));
        out += head;
        for (char c : text) {
            if (c == '\\') out += "\\\\";
            else if (c == '\n') out += "\\n";
            else out += c;
        }
        out += "'\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (result.error) {
        std::fputs(krait::format_syntax_error(*result.error, path, source->text).c_str(), stderr);
        return 1;
    }
    return 0;
}

int dump_ast(const std::string& path) {
    auto bytes = read_file_or_report(path);
    if (!bytes) return 2;
    krait::ast::Arena arena;
    std::string decoded;
    auto* module = parse_or_report(*bytes, path, InputKind::File, arena, decoded);
    if (!module) return 1;
    std::string out;
    if (!krait::ast::dump(module, out, true)) {
        std::fputs("RecursionError: maximum recursion depth exceeded during ast construction\n", stderr);
        return 1;
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// Parses and compiles source bytes as CPython's compile(source, name, 'exec') would; a syntax
// error (from the parser or the compiler) is printed as CPython prints it, and null returned.
// `optimize`: -O's level; `warnings` (may be null) receives the compiler's SyntaxWarnings.
std::shared_ptr<const krait::bytecode::CodeData> compile_or_report(
        const std::string& bytes, const std::string& display_name, InputKind kind, int optimize = 0,
        std::vector<std::pair<int, std::string>>* warnings = nullptr) {
    krait::ast::Arena arena;
    std::string decoded;
    auto* module = parse_or_report(bytes, display_name, kind, arena, decoded);
    if (!module) return nullptr;
    krait::compile::CompileOptions options;
    options.filename = display_name;
    options.optimize = optimize;
    options.warnings = warnings;
    krait::SyntaxErrorInfo error;
    auto code = krait::compile::compile_module(module, arena, options, error);
    if (!code) {
        krait::ErrorSource origin{kind == InputKind::File, true, false};
        std::fputs(krait::format_syntax_error(error, display_name, decoded, origin).c_str(), stderr);
    }
    return code;
}

// For tests/compile_sweep.py: the code objects of `path`, compiled as CPython's
// compile(source, path, 'exec', dont_inherit=True) would, in code_dump's layout.
int dump_code(const std::string& path) {
    auto bytes = read_file_or_report(path);
    if (!bytes) return 2;
    auto code = compile_or_report(*bytes, path, InputKind::File);
    if (!code) return 1;
    std::string out = krait::bytecode::dump_code(*code);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// For tests/marshal_sweep.py (hidden flag): marshal.dumps of the module's code object, as
// CPython's marshal.dumps(compile(source, path, 'exec', dont_inherit=True)), on stdout.
int marshal_code(const std::string& path) {
    auto bytes = read_file_or_report(path);
    if (!bytes) return 2;
    auto code = compile_or_report(*bytes, path, InputKind::File);
    if (!code) return 1;
    krait::bytecode::MarshalError marshal_error;
    std::string out = krait::bytecode::marshal_dumps(*code, krait::bytecode::kMarshalVersion, &marshal_error);
    if (marshal_error) {
        std::fprintf(stderr, "%s: %s\n", marshal_error.type_name(), marshal_error.message.c_str());
        return 1;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// For tests/marshal_sweep.py (hidden flag): marshal.dumps(marshal.loads(stdin)) on stdout,
// or the load error as CPython would name it.
int marshal_roundtrip() {
    std::string data = read_stdin();
    krait::bytecode::MarshalError error;
    auto value = krait::bytecode::marshal_loads(data, error);
    std::string out;
    if (value) out = krait::bytecode::marshal_dumps(*value, krait::bytecode::kMarshalVersion, &error);
    if (error) {
        std::fprintf(stderr, "%s: %s\n", error.type_name(), error.message.c_str());
        return 1;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// For tests/opcode_table.py: each real instruction as `op NAME NUMBER CACHE FLAGS`, then its
// stack effects `se NUMBER JUMP e0 e1 ...` for oparg 0..300 (one value without an argument);
// each specialized form as `sp NAME NUMBER BASE`.
int print_opcode_table() {
    namespace bc = krait::bytecode;
    std::string out;
    for (int op = 0; op < bc::kFirstPseudo; ++op) {
        const bc::OpInfo& info = bc::op_info(op);
        if (info.name && info.base != op) {
            out += "sp " + std::string(info.name) + " " + std::to_string(op) + " " + bc::op_info(info.base).name + "\n";
            continue;
        }
        if (!info.name) continue;
        out += "op " + std::string(info.name) + " " + std::to_string(op) + " " + std::to_string(info.cache) +
               " " + std::to_string(info.flags) + "\n";
        for (int jump = 0; jump < 2; ++jump) {
            out += "se " + std::to_string(op) + " " + std::to_string(jump);
            for (int oparg = 0; oparg <= (bc::has_arg(op) ? 300 : 0); ++oparg) {
                auto effect = bc::stack_effect(op, oparg, jump != 0);
                out += effect ? " " + std::to_string(*effect) : std::string(" None");
            }
            out += "\n";
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// Benchmark aid (bench/parse): decodes and parses every file, printing
// nothing but the number of files that failed and the time spent parsing
// (reading the files excluded), so that the benchmark can compare the
// front end's speed alone.
int parse_only(const std::vector<std::string>& paths) {
    int failed = 0;
    std::chrono::steady_clock::duration spent{};
    for (const auto& path : paths) {
        int err = 0;
        auto bytes = read_file(path, err);
        if (!bytes) { ++failed; continue; }
        auto start = std::chrono::steady_clock::now();
        krait::SyntaxErrorInfo error;
        krait::ast::Arena arena;
        auto source = krait::decode_source(*bytes, error);
        if (!source || !krait::parse(source->text, krait::ParseMode::File, arena, error)) ++failed;
        spent += std::chrono::steady_clock::now() - start;
    }
    std::printf("%d failed of %zu files; parse time %.3f s\n", failed, paths.size(),
                std::chrono::duration<double>(spent).count());
    return failed ? 1 : 0;
}

// -X gc-stats: the cycle collector's and allocator's statistics on stderr at exit.
bool gc_stats_at_exit = false;

int start_vm(const krait::vm::Config& config) {
    if (krait::vm::init_vm(config) < 0) {
        std::fputs("Fatal Python error: krait could not initialize its runtime\n", stderr);
        krait::vm::print_current_exception();
        return -1;
    }
    return 0;
}

int finish(int status) {
    krait::vm::trace_flush();
    if (gc_stats_at_exit) krait::runtime::print_gc_stats(stderr);
    if (krait::vm::unhandled_keyboard_interrupt()) {
        // As CPython: die by SIGINT with its default action, so the parent sees the signal.
        std::fflush(stdout);
        std::fflush(stderr);
        std::signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        return 130;  // 128 + SIGINT, should the signal not end the process
    }
    return status;
}

// Runs a program: parse, compile, then run it as __main__ in the VM. Syntax errors (from
// the parser or the compiler) are printed as CPython prints them.
int run_source(const std::string& bytes, const std::string& display_name, InputKind kind,
               const krait::vm::Config& config) {
    std::vector<std::pair<int, std::string>> warnings;
    auto code = compile_or_report(bytes, display_name, kind, config.optimize, &warnings);
    if (!code) return 1;
    if (start_vm(config) < 0) return 1;
    // The compiler's SyntaxWarnings, issued once the warnings machinery exists (CPython issues
    // them while compiling, before the program runs).
    for (auto& [lineno, message] : warnings) {
        if (krait::modules::emit_warning_explicit(krait::runtime::exc::SyntaxWarning, message, display_name,
                                                  lineno) < 0) {
            krait::vm::print_current_exception();
            return finish(1);
        }
    }
    krait::vm::MainKind main_kind = kind == InputKind::String ? krait::vm::MainKind::Command
                                    : display_name == "<stdin>" ? krait::vm::MainKind::Stdin
                                                                : krait::vm::MainKind::Script;
    return finish(krait::vm::run_main(code, display_name, main_kind));
}

// `krait FILE.pyc`: a compiled file (krait's or CPython 3.11's) run as __main__.
int run_pyc(const std::string& bytes, const std::string& path, const krait::vm::Config& config) {
    if (start_vm(config) < 0) return 1;
    return finish(krait::vm::run_main_pyc(bytes, path));
}

// -m MODULE: runpy finds the module (or a package's __main__) and runs it as __main__.
int run_module(const std::string& module, const krait::vm::Config& config, bool alter_argv = true) {
    if (start_vm(config) < 0) return 1;
    return finish(krait::vm::run_module_as_main(module, alter_argv));
}

// Whether `path` is something a sys.path hook takes (CPython's pymain_get_importer): a
// directory (FileFinder) or a zip archive, found by its end-of-central-directory record in the
// last 64 KiB (zipimport's test, which also accepts a script with an archive appended).
bool is_importer_path(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return true;
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f) return false;
    std::streamoff size = f.tellg();
    std::streamoff start = std::max<std::streamoff>(0, size - (65535 + 22));
    std::string tail(static_cast<size_t>(size - start), '\0');
    f.seekg(start);
    if (!f.read(tail.data(), static_cast<std::streamsize>(tail.size()))) return false;
    return tail.rfind(std::string("PK\x05\x06", 4)) != std::string::npos;
}

// CPython's test for a compiled file: the .pyc extension, or a known magic number in front.
bool looks_like_pyc(const std::string& path, const std::string& bytes) {
    if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".pyc") == 0) return true;
    return bytes.size() >= 4 && bytes.compare(2, 2, "\r\n") == 0 &&
           (bytes.compare(0, 4, krait::vm::pyc_magic()) == 0 || (uint8_t(bytes[0]) | uint8_t(bytes[1]) << 8) == krait::vm::kCPythonMagicNumber);
}

// sys.executable: argv[0] made absolute when it names a path, else the first match on PATH,
// else "" (as CPython finds it).
std::string find_executable(const std::string& argv0) {
    if (argv0.empty()) return "";
    if (argv0.find('/') != std::string::npos) return std::filesystem::absolute(argv0).lexically_normal().string();
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t colon = dirs.find(':', start);
        std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        std::string candidate = (dir.empty() ? "." : dir) + "/" + argv0;
        if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate))
            return std::filesystem::absolute(candidate).lexically_normal().string();
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return "";
}

// An environment variable, unless -E / -I said to ignore them.
const char* env(const krait::vm::Config& config, const char* name) {
    if (config.ignore_environment) return nullptr;
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

// What the environment adds to the command line's settings (read after all options, as
// CPython does, since -E and -I change whether it counts).
void apply_environment(krait::vm::Config& config) {
    if (env(config, "PYTHONDONTWRITEBYTECODE")) config.dont_write_bytecode = true;
    if (const char* p = env(config, "PYTHONPATH")) {
        std::string s = p;
        size_t start = 0;
        while (true) {
            size_t colon = s.find(':', start);
            std::string entry = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
            // As CPython's site.removeduppaths leaves them: absolute and normalized (an empty
            // entry is the current directory), each directory once.
            std::string dir = std::filesystem::absolute(entry.empty() ? "." : entry).lexically_normal().string();
            while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
            if (std::find(config.pythonpath.begin(), config.pythonpath.end(), dir) == config.pythonpath.end())
                config.pythonpath.push_back(dir);
            if (colon == std::string::npos) break;
            start = colon + 1;
        }
    }
    if (!config.pycache_prefix) {
        // Kept as given (CPython does not make it absolute); empty means none.
        if (const char* p = env(config, "PYTHONPYCACHEPREFIX"); p && *p) config.pycache_prefix = std::string(p);
    }
    if (const char* w = env(config, "PYTHONWARNINGS")) {
        std::string s = w;
        std::vector<std::string> from_env;
        size_t start = 0;
        while (true) {
            size_t comma = s.find(',', start);
            std::string entry = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!entry.empty()) from_env.push_back(entry);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        // PYTHONWARNINGS comes before the -W options (which take precedence).
        config.warnoptions.insert(config.warnoptions.begin(), from_env.begin(), from_env.end());
    }
    if (const char* o = env(config, "PYTHONOPTIMIZE")) config.optimize = std::max(config.optimize, std::atoi(o) > 0 ? std::atoi(o) : 1);
    if (const char* v = env(config, "PYTHONVERBOSE")) config.verbose = std::max(config.verbose, std::atoi(v) > 0 ? std::atoi(v) : 1);
    if (env(config, "PYTHONSAFEPATH")) config.safe_path = true;
    if (const char* s = std::getenv("KRAIT_STDLIB")) config.stdlib_dir = s;
}

}  // namespace

// The command itself; main() runs it on a thread with a large stack.
int krait_main(int argc, char** argv) {
    program_name = argc > 0 ? argv[0] : "krait";
    std::vector<std::string> args(argv + 1, argv + argc);
    krait::vm::Config config;
    config.orig_argv.assign(argv, argv + argc);
    config.executable = find_executable(program_name);
    config.stdlib_dir = "/usr/lib/python3.11";
    if (std::filesystem::is_directory(KRAIT_LIB_DIR)) config.krait_lib_dir = KRAIT_LIB_DIR;
    std::optional<std::string> command, module;
    size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-" || a.empty() || a[0] != '-') break;
        if (a == "--") { ++i; break; }
        if (a == "--version" || a == "-V") {
            std::printf("Python 3.11.2\n");
            return 0;
        }
        if (a == "-VV") {
            std::printf("Python 3.11.2 (krait %s) [GCC %s]\n", KRAIT_VERSION, __VERSION__);
            return 0;
        }
        if (a == "-h" || a == "-?" || a == "--help") {
            print_help();
            return 0;
        }
        if (a == "--dump-ast") {
            if (i + 1 >= args.size()) return usage_error("Argument expected for the --dump-ast option");
            return dump_ast(args[i + 1]);
        }
        if (a == "--parse-only") {
            if (i + 1 >= args.size()) return usage_error("Argument expected for the --parse-only option");
            return parse_only(std::vector<std::string>(args.begin() + i + 1, args.end()));
        }
        if (a == "--opcode-table") return print_opcode_table();
        if (a == "--dump-code") {
            if (i + 1 >= args.size()) return usage_error("Argument expected for the --dump-code option");
            return dump_code(args[i + 1]);
        }
        if (a == "--marshal-code") {
            if (i + 1 >= args.size()) return usage_error("Argument expected for the --marshal-code option");
            return marshal_code(args[i + 1]);
        }
        if (a == "--marshal-roundtrip") return marshal_roundtrip();
        if (a == "--tokenize") {
            if (i + 1 >= args.size()) return usage_error("Argument expected for the --tokenize option");
            return dump_tokens(args[i + 1]);
        }
        if (a.rfind("--check-hash-based-pycs", 0) == 0) {
            std::string value;
            if (a.size() > 23 && a[23] == '=') value = a.substr(24);
            else if (i + 1 < args.size()) value = args[++i];
            else return usage_error("Argument expected for the --check-hash-based-pycs option");
            if (value != "default" && value != "always" && value != "never")
                return usage_error("--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
            config.check_hash_based_pycs = value;
            continue;
        }
        if (a.rfind("--", 0) == 0) return usage_error("unknown option " + a);
        // A cluster of one-letter options (-BsE); c, m, W and X take the rest or the next word.
        bool stop = false;
        for (size_t k = 1; k < a.size() && !stop; ++k) {
            char c = a[k];
            auto argument = [&](const char* what) -> std::optional<std::string> {
                stop = true;
                if (k + 1 < a.size()) return a.substr(k + 1);
                if (i + 1 < args.size()) return args[++i];
                usage_error(std::string("Argument expected for the ") + what + " option");
                return std::nullopt;
            };
            switch (c) {
                case 'B': config.dont_write_bytecode = true; break;
                case 'E': config.ignore_environment = true; break;
                case 'I': config.isolated = config.ignore_environment = config.no_user_site = config.safe_path = true; break;
                case 'S': config.no_site = true; break;
                case 's': config.no_user_site = true; break;
                case 'P': config.safe_path = true; break;
                case 'q': config.quiet = true; break;
                case 'u': config.unbuffered = true; break;
                case 'v': ++config.verbose; break;
                case 'O': ++config.optimize; break;
                case 'i': config.inspect = true; break;
                case 'b': case 'd': case 'R': break;  // bytes warnings, parser debug, hash randomization: no effect
                case 'c': {
                    auto v = argument("-c");
                    if (!v) return 2;
                    command = *v;
                    break;
                }
                case 'm': {
                    auto v = argument("-m");
                    if (!v) return 2;
                    module = *v;
                    break;
                }
                case 'W': {
                    auto v = argument("-W");
                    if (!v) return 2;
                    config.warnoptions.push_back(*v);
                    break;
                }
                case 'X': {
                    auto v = argument("-X");
                    if (!v) return 2;
                    // -X OPTION: CPython accepts any name (sys._xoptions); krait acts on gc-stats,
                    // trace and pycache_prefix.
                    if (*v == "gc-stats") gc_stats_at_exit = true;
                    if (*v == "trace") config.trace_instructions = true;
                    if (v->rfind("pycache_prefix=", 0) == 0 && v->size() > 15) config.pycache_prefix = v->substr(15);
                    config.xoptions.push_back(*v);
                    break;
                }
                default:
                    return usage_error(std::string("Unknown option: -") + c);
            }
        }
        if (command || module) {
            ++i;
            break;
        }
    }
    apply_environment(config);
    std::vector<std::string> rest(args.begin() + std::min(i, args.size()), args.end());
    if (command) {
        // CPython compiles the command with a newline appended (which shows in where errors
        // at its end are reported).
        config.argv = {"-c"};
        config.argv.insert(config.argv.end(), rest.begin(), rest.end());
        if (!config.safe_path) config.path0 = "";
        return run_source(*command + "\n", "<string>", InputKind::String, config);
    }
    if (module) {
        // runpy replaces argv[0] with the module's path.
        config.argv = {"-m"};
        config.argv.insert(config.argv.end(), rest.begin(), rest.end());
        if (!config.safe_path) config.path0 = std::filesystem::current_path().string();
        return run_module(*module, config);
    }
    if (rest.empty() || rest[0] == "-") {
        if (isatty(STDIN_FILENO)) {
            std::fputs("krait: the interactive prompt is not implemented yet\n", stderr);
            return 1;
        }
        config.argv = rest.empty() ? std::vector<std::string>{""} : rest;
        if (!config.safe_path) config.path0 = "";
        return run_source(read_stdin(), "<stdin>", InputKind::File, config);
    }
    const std::string& path = rest[0];
    if (is_importer_path(path)) {
        // `krait DIR` / `krait ARCHIVE.zip`: the path itself (absolute) is sys.path[0] and its
        // __main__ module runs, sys.argv[0] kept as given.
        config.argv = rest;
        config.path0 = std::filesystem::absolute(path).lexically_normal().string();
        return run_module("__main__", config, false);
    }
    int err = 0;
    auto bytes = read_file(path, err);
    std::string shown = std::filesystem::absolute(path).lexically_normal().string();
    if (!bytes) {
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program_name.c_str(),
                     shown.c_str(), err, std::strerror(err));
        return 2;
    }
    config.argv = rest;
    if (!config.safe_path) {
        std::error_code ec;
        auto real = std::filesystem::canonical(path, ec);
        config.path0 = (ec ? std::filesystem::absolute(path) : real).parent_path().string();
    }
    // CPython shows (and sets __file__ to) the script's absolute path.
    if (looks_like_pyc(path, *bytes)) return run_pyc(*bytes, shown, config);
    return run_source(*bytes, shown, InputKind::File, config);
}

// Python calls do not recurse in C++, but native re-entries do (a __getattr__, __eq__ or
// __del__ calling back into Python, the parser, repr of nested containers), each bounded by
// its own limit. 8 MiB, the default main-thread stack, is tight for those bounds in
// sanitizer builds and for raised recursion limits, so krait runs on a thread whose stack is
// 1 GiB of address space (only the pages touched cost memory).
int main(int argc, char** argv) {
    struct Args {
        int argc;
        char** argv;
        int status;
    } call{argc, argv, 1};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size_t(1) << 30);
    pthread_t thread;
    auto body = [](void* p) -> void* {
        auto* a = static_cast<Args*>(p);
        a->status = krait_main(a->argc, a->argv);
        return nullptr;
    };
    if (pthread_create(&thread, &attr, body, &call) != 0) return krait_main(argc, argv);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    return call.status;
}

// Shared pieces of the posix module's files: argument parsing with CPython's Argument Clinic
// messages, path and file-descriptor conversion, OSError from errno.
#pragma once

#include <sys/stat.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::modules::posix {

using runtime::Ref;
using runtime::TypeObject;
using runtime::Value;

// Every posix function is a FastKeywords method: Value f(Value module, args, nargs, kwnames).
using PosixFunction = Value (*)(Value, const Value*, size_t, Value);

// Argument Clinic's keyword parsing (_PyArg_UnpackKeywords): `names` in order, the first
// `posonly` positional-only, at most `maxpos` by position, the first `minpos` required.
// out[i] borrowed, null when absent. False + TypeError.
bool parse_clinic(const char* fname, const Value* args, size_t nargs, Value kwnames,
                std::initializer_list<const char*> names, size_t posonly, size_t minpos,
                size_t maxpos, Value* out);
// A function whose parameters are all positional-only (_PyArg_CheckPositional):
// "read expected 2 arguments, got 1", "read() takes no keyword arguments".
bool check_positional(const char* fname, size_t nargs, Value kwnames, size_t min, size_t max);
// METH_NOARGS / METH_O functions: "posix.getpid() takes no arguments (1 given)".
bool check_no_args(const char* qualified_name, size_t nargs, Value kwnames);
bool check_one_arg(const char* qualified_name, size_t nargs, Value kwnames);

// An `int` argument (index protocol): TypeError "'str' object cannot be interpreted as an
// integer", OverflowError "signed integer is greater than maximum".
bool int_arg(Value v, int* out);
bool int64_arg(Value v, int64_t* out);
// A uid or gid (kind "uid"/"gid"): -1 allowed; CPython's Overflow/TypeError messages.
bool id_arg(const char* kind, Value v, uint32_t* out);
// A file descriptor given as a path or dir_fd ("fd is greater than maximum").
bool fd_arg(Value v, int* out);
// dir_fd=None|int: AT_FDCWD for None; "argument should be integer or None, not str".
bool dir_fd_arg(Value v, int* out);
// A bool-ish keyword (follow_symlinks=...): truth value.
bool bool_arg(Value v, bool default_value, bool* out);

// A path argument (CPython's path_t).
struct PathArg {
  const char* function = "";
  const char* argname = "path";
  bool allow_fd = false;
  bool nullable = false;   // None means "." (listdir, scandir)
  // After conversion:
  Ref object;              // what os.fspath gave (str/bytes), or the int fd; None when absent
  std::string path;        // encoded path (empty when fd or None)
  bool is_bytes = false;
  int fd = -1;             // >= 0 (or the -1 the caller gave) when an fd was given
  bool is_fd = false;
  const char* c_str() const { return path.c_str(); }
};
bool convert_path(Value v, PathArg* out);
// A name produced for a path of that kind: bytes when the path was bytes, else str
// (filesystem encoding: UTF-8 with surrogateescape).
Value name_for(const PathArg& path, std::string_view name);
Value fs_decode(std::string_view bytes);
// os.fspath(v).
Value fspath(Value v);

// Raises the OSError subclass for `code` with strerror and up to two filenames (borrowed,
// may be null). Returns null.
Value raise_errno(int code, Value filename = Value(), Value filename2 = Value());
inline Value raise_errno_path(int code, const PathArg& path) { return raise_errno(code, path.object.get()); }

// The posix files' pieces, joined by create_posix_module.
int add_stat_functions(Value module);      // posix_stat.cpp
int add_fs_functions(Value module);        // posix_fs.cpp
int add_scandir(Value module);             // posix_scandir.cpp
int add_process_functions(Value module);   // posix_process.cpp
int add_extra_functions(Value module);     // posix_extra.cpp
int add_conf_functions(Value module);      // posix_conf.cpp
TypeObject* stat_result_type();
Value stat_result_from(const struct ::stat& st);

}  // namespace krait::modules::posix

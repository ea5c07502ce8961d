// posix.stat, lstat, fstat and the stat_result type.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <gmpxx.h>

#include "modules/posix/posix_internal.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/structseq.h"

namespace krait::modules::posix {

using namespace runtime;

namespace {

const StructSeqField kStatFields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {nullptr, "integer time of last access"},
    {nullptr, "integer time of last modification"},
    {nullptr, "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
};

const char kStatDoc[] =
    "stat_result: Result from stat, fstat, or lstat.\n\nThis object may be accessed either as a tuple of\n"
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
    "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
    "or st_flags, they are available as attributes only.\n\nSee os.stat for more information.";

TypeObject* g_stat_result = nullptr;

// stat_result(seq) with only the ten visible fields: the float times default to the integer
// ones (CPython's statresult_new).
void stat_result_after_new(Value self) {
  for (size_t i = 7; i <= 9; ++i) {
    if (structseq_get(self, i + 3).is(none())) structseq_set(self, i + 3, new_ref(structseq_get(self, i)));
  }
}

// Sets the three forms of one timestamp: int seconds (visible), float seconds, int nanoseconds.
bool fill_time(Value result, size_t index, const struct timespec& ts) {
  Value seconds = int_from_int64(ts.tv_sec);
  Value as_float = float_from_double(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
  mpz_class ns = mpz_class(static_cast<long>(ts.tv_sec)) * 1000000000 + static_cast<long>(ts.tv_nsec);
  Value nanoseconds = int_from_mpz(ns);
  if (!seconds || !as_float || !nanoseconds) {
    xdecref(seconds);
    xdecref(as_float);
    xdecref(nanoseconds);
    return false;
  }
  structseq_set(result, 7 + index, seconds);
  structseq_set(result, 10 + index, as_float);
  structseq_set(result, 13 + index, nanoseconds);
  return true;
}

// The shared body of stat and lstat (lstat is stat with follow_symlinks=False).
Value do_stat(const char* fname, const Value* args, size_t nargs, Value kwnames, bool is_lstat) {
  Value a[3];
  bool ok = is_lstat ? parse_clinic(fname, args, nargs, kwnames, {"path", "dir_fd"}, 0, 1, 1, a)
                     : parse_clinic(fname, args, nargs, kwnames, {"path", "dir_fd", "follow_symlinks"}, 0, 1, 1, a);
  if (!ok) return Value();
  PathArg path;
  path.function = fname;
  path.allow_fd = !is_lstat;
  int dir_fd = AT_FDCWD;
  bool follow = !is_lstat;
  if (!convert_path(a[0], &path) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  if (!is_lstat && !bool_arg(a[2], true, &follow)) return Value();
  if (path.is_fd && dir_fd != AT_FDCWD)
    return raise_format(exc::ValueError, "%s: can't specify both dir_fd and fd", fname);
  if (path.is_fd && !follow)
    return raise_format(exc::ValueError, "%s: cannot use fd and follow_symlinks together", fname);
  struct ::stat st;
  int r;
  if (path.is_fd) {
    // CPython takes fd -1 for "no fd" and stats a null path: EFAULT.
    r = path.fd == -1 ? (errno = EFAULT, -1) : ::fstat(path.fd, &st);
  } else {
    r = ::fstatat(dir_fd, path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (r != 0) return raise_errno_path(errno, path);
  return stat_result_from(st);
}

Value stat_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_stat("stat", args, nargs, kwnames, false);
}

Value lstat_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return do_stat("lstat", args, nargs, kwnames, true);
}

Value fstat_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("fstat", args, nargs, kwnames, {"fd"}, 0, 1, 1, a)) return Value();
  int fd = 0;
  if (!int_arg(a[0], &fd)) return Value();
  struct ::stat st;
  if (::fstat(fd, &st) != 0) return raise_errno(errno);
  return stat_result_from(st);
}

#define F(name, fn) {name, reinterpret_cast<void*>(fn), MethodKind::FastKeywords}
const MethodDef kStatFunctions[] = {
    F("stat", stat_function),
    F("lstat", lstat_function),
    F("fstat", fstat_function),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

TypeObject* stat_result_type() {
  if (!g_stat_result) {
    StructSeqDesc desc{"os.stat_result", kStatDoc, kStatFields, 19, 10, stat_result_after_new};
    g_stat_result = structseq_new_type(desc);
  }
  return g_stat_result;
}

Value stat_result_from(const struct ::stat& st) {
  TypeObject* type = stat_result_type();
  if (!type) return Value();
  Ref result = Ref::steal(structseq_new(type));
  if (!result) return Value();
  const int64_t ints[] = {static_cast<int64_t>(st.st_mode), static_cast<int64_t>(st.st_ino),
                          static_cast<int64_t>(st.st_dev), static_cast<int64_t>(st.st_nlink),
                          static_cast<int64_t>(st.st_uid), static_cast<int64_t>(st.st_gid),
                          static_cast<int64_t>(st.st_size)};
  for (size_t i = 0; i < 7; ++i) {
    Value v = i == 1 ? int_from_uint64(st.st_ino) : int_from_int64(ints[i]);
    if (!v) return Value();
    structseq_set(result.get(), i, v);
  }
  if (!fill_time(result.get(), 0, st.st_atim) || !fill_time(result.get(), 1, st.st_mtim) ||
      !fill_time(result.get(), 2, st.st_ctim))
    return Value();
  const int64_t tail[] = {static_cast<int64_t>(st.st_blksize), static_cast<int64_t>(st.st_blocks)};
  for (size_t i = 0; i < 2; ++i) {
    Value v = int_from_int64(tail[i]);
    if (!v) return Value();
    structseq_set(result.get(), 16 + i, v);
  }
  Value rdev = int_from_uint64(st.st_rdev);
  if (!rdev) return Value();
  structseq_set(result.get(), 18, rdev);
  return result.release();
}

int add_stat_functions(Value module) {
  TypeObject* type = stat_result_type();
  if (!type) return -1;
  if (module_add_functions(module, kStatFunctions) < 0) return -1;
  return module_add(module, "stat_result", Value::object(type));
}

}  // namespace krait::modules::posix

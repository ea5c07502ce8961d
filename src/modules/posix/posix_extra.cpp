// posix: the less common file functions (statvfs, device numbers, fifos and nodes, positioned
// I/O, sendfile, ttyname, process groups).
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/structseq.h"

namespace krait::modules::posix {

using namespace runtime;

namespace {

const StructSeqField kStatvfsFields[] = {
    {"f_bsize"}, {"f_frsize"}, {"f_blocks"}, {"f_bfree"}, {"f_bavail"}, {"f_files"},
    {"f_ffree"}, {"f_favail"}, {"f_flag"}, {"f_namemax"}, {"f_fsid"},
};
TypeObject* g_statvfs_result = nullptr;

Value statvfs_result_from(const struct statvfs& st) {
  Ref result = Ref::steal(structseq_new(g_statvfs_result));
  if (!result) return Value();
  const uint64_t values[] = {st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files,
                             st.f_ffree, st.f_favail, st.f_flag, st.f_namemax, st.f_fsid};
  for (size_t i = 0; i < 11; ++i) {
    Value v = int_from_uint64(values[i]);
    if (!v) return Value();
    structseq_set(result.get(), i, v);
  }
  return result.release();
}

Value statvfs_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("statvfs", args, nargs, kwnames, {"path"}, 0, 1, 1, a)) return Value();
  PathArg path;
  path.function = "statvfs";
  path.allow_fd = true;
  if (!convert_path(a[0], &path)) return Value();
  struct statvfs st;
  int r = path.is_fd ? ::fstatvfs(path.fd, &st) : ::statvfs(path.c_str(), &st);
  if (r != 0) return raise_errno_path(errno, path);
  return statvfs_result_from(st);
}

Value fstatvfs_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("fstatvfs", nargs, kwnames, 1, 1) || !int_arg(args[0], &fd)) return Value();
  struct statvfs st;
  if (::fstatvfs(fd, &st) != 0) return raise_errno(errno);
  return statvfs_result_from(st);
}

// A dev_t argument (CPython's unsigned conversion messages).
bool dev_arg(Value v, dev_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  if (int_sign(index.get()) < 0) {
    raise(exc::OverflowError, "can't convert negative int to unsigned");
    return false;
  }
  mpz_class z = int_to_mpz(index.get());
  if (!z.fits_ulong_p()) {
    raise(exc::OverflowError, "int too big to convert");
    return false;
  }
  *out = static_cast<dev_t>(z.get_ui());
  return true;
}

Value major_function(Value, const Value* args, size_t nargs, Value kwnames) {
  dev_t dev = 0;
  if (!check_positional("major", nargs, kwnames, 1, 1) || !dev_arg(args[0], &dev)) return Value();
  return int_from_uint64(major(dev));
}

Value minor_function(Value, const Value* args, size_t nargs, Value kwnames) {
  dev_t dev = 0;
  if (!check_positional("minor", nargs, kwnames, 1, 1) || !dev_arg(args[0], &dev)) return Value();
  return int_from_uint64(minor(dev));
}

Value makedev_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int maj = 0, min = 0;
  if (!check_positional("makedev", nargs, kwnames, 2, 2) || !int_arg(args[0], &maj) || !int_arg(args[1], &min))
    return Value();
  return int_from_uint64(makedev(static_cast<unsigned>(maj), static_cast<unsigned>(min)));
}

Value mkfifo_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_clinic("mkfifo", args, nargs, kwnames, {"path", "mode", "dir_fd"}, 0, 1, 2, a)) return Value();
  PathArg path;
  path.function = "mkfifo";
  int mode = 0666, dir_fd = AT_FDCWD;
  if (!convert_path(a[0], &path) || (a[1] && !int_arg(a[1], &mode)) || !dir_fd_arg(a[2], &dir_fd)) return Value();
  // CPython's mkfifo and mknod name no file in their errors.
  if (::mkfifoat(dir_fd, path.c_str(), static_cast<mode_t>(mode)) != 0) return raise_errno(errno);
  return new_ref(none());
}

Value mknod_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!parse_clinic("mknod", args, nargs, kwnames, {"path", "mode", "device", "dir_fd"}, 0, 1, 3, a)) return Value();
  PathArg path;
  path.function = "mknod";
  int mode = 0600, dir_fd = AT_FDCWD;
  dev_t device = 0;
  if (!convert_path(a[0], &path) || (a[1] && !int_arg(a[1], &mode)) || (a[2] && !dev_arg(a[2], &device)) ||
      !dir_fd_arg(a[3], &dir_fd))
    return Value();
  if (::mknodat(dir_fd, path.c_str(), static_cast<mode_t>(mode), device) != 0) return raise_errno(errno);
  return new_ref(none());
}

Value pread_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  int64_t length = 0, offset = 0;
  if (!check_positional("pread", nargs, kwnames, 3, 3) || !int_arg(args[0], &fd) || !int64_arg(args[1], &length) ||
      !int64_arg(args[2], &offset))
    return Value();
  if (length < 0) return raise_errno(EINVAL);
  std::string buffer(static_cast<size_t>(length), '\0');
  ssize_t n;
  do {
    n = ::pread(fd, buffer.data(), buffer.size(), offset);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return bytes_from(std::string_view(buffer.data(), static_cast<size_t>(n)));
}

Value pwrite_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  int64_t offset = 0;
  std::string_view data;
  if (!check_positional("pwrite", nargs, kwnames, 3, 3) || !int_arg(args[0], &fd) || !bytes_like_view(args[1], &data) ||
      !int64_arg(args[2], &offset))
    return Value();
  ssize_t n;
  do {
    n = ::pwrite(fd, data.data(), data.size(), offset);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return int_from_int64(n);
}

Value sendfile_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!parse_clinic("sendfile", args, nargs, kwnames, {"out_fd", "in_fd", "offset", "count"}, 0, 4, 4, a))
    return Value();
  int out_fd = 0, in_fd = 0;
  int64_t count = 0;
  if (!int_arg(a[0], &out_fd) || !int_arg(a[1], &in_fd) || !int64_arg(a[3], &count)) return Value();
  ssize_t n;
  if (a[2].is(none())) {
    do {
      n = ::sendfile(out_fd, in_fd, nullptr, static_cast<size_t>(count));
    } while (n < 0 && errno == EINTR);
  } else {
    int64_t offset = 0;
    if (!int64_arg(a[2], &offset)) return Value();
    off_t off = offset;
    do {
      n = ::sendfile(out_fd, in_fd, &off, static_cast<size_t>(count));
    } while (n < 0 && errno == EINTR);
  }
  if (n < 0) return raise_errno(errno);
  return int_from_int64(n);
}

Value ttyname_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("ttyname", nargs, kwnames, 1, 1) || !int_arg(args[0], &fd)) return Value();
  char buffer[4096];
  int r = ::ttyname_r(fd, buffer, sizeof buffer);
  if (r != 0) return raise_errno(r);
  return fs_decode(buffer);
}

Value getsid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t pid = 0;
  if (!check_positional("getsid", nargs, kwnames, 1, 1) || !int64_arg(args[0], &pid)) return Value();
  pid_t r = ::getsid(static_cast<pid_t>(pid));
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value getpgid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t pid = 0;
  if (!check_positional("getpgid", nargs, kwnames, 1, 1) || !int64_arg(args[0], &pid)) return Value();
  pid_t r = ::getpgid(static_cast<pid_t>(pid));
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value setpgid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t pid = 0, pgrp = 0;
  if (!check_positional("setpgid", nargs, kwnames, 2, 2) || !int64_arg(args[0], &pid) || !int64_arg(args[1], &pgrp))
    return Value();
  if (::setpgid(static_cast<pid_t>(pid), static_cast<pid_t>(pgrp)) != 0) return raise_errno(errno);
  return new_ref(none());
}

Value lchown_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_clinic("lchown", args, nargs, kwnames, {"path", "uid", "gid"}, 0, 3, 3, a)) return Value();
  PathArg path;
  path.function = "lchown";
  uint32_t uid = 0, gid = 0;
  if (!convert_path(a[0], &path) || !id_arg("uid", a[1], &uid) || !id_arg("gid", a[2], &gid)) return Value();
  if (::lchown(path.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid)) != 0)
    return raise_errno_path(errno, path);
  return new_ref(none());
}

Value fchown_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  int fd = 0;
  uint32_t uid = 0, gid = 0;
  if (!parse_clinic("fchown", args, nargs, kwnames, {"fd", "uid", "gid"}, 0, 3, 3, a) || !int_arg(a[0], &fd) ||
      !id_arg("uid", a[1], &uid) || !id_arg("gid", a[2], &gid))
    return Value();
  if (::fchown(fd, static_cast<uid_t>(uid), static_cast<gid_t>(gid)) != 0) return raise_errno(errno);
  return new_ref(none());
}

#define F(name, fn) {name, reinterpret_cast<void*>(fn), MethodKind::FastKeywords}
const MethodDef kExtraFunctions[] = {
    F("statvfs", statvfs_function),
    F("fstatvfs", fstatvfs_function),
    F("major", major_function),
    F("minor", minor_function),
    F("makedev", makedev_function),
    F("mkfifo", mkfifo_function),
    F("mknod", mknod_function),
    F("pread", pread_function),
    F("pwrite", pwrite_function),
    F("sendfile", sendfile_function),
    F("ttyname", ttyname_function),
    F("getsid", getsid_function),
    F("getpgid", getpgid_function),
    F("setpgid", setpgid_function),
    F("lchown", lchown_function),
    F("fchown", fchown_function),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

int add_extra_functions(Value module) {
  if (!g_statvfs_result) {
    g_statvfs_result = structseq_new_type(StructSeqDesc{
        "os.statvfs_result",
        "statvfs_result: Result from statvfs or fstatvfs.\n\nThis object may be accessed either as a tuple of\n"
        "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\nor via the attributes "
        "f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\nSee os.statvfs for more information.",
        kStatvfsFields, 11, 10});
    if (!g_statvfs_result) return -1;
  }
  if (module_add_functions(module, kExtraFunctions) < 0) return -1;
  return module_add(module, "statvfs_result", Value::object(g_statvfs_result));
}

}  // namespace krait::modules::posix

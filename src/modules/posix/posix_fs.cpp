// posix: files and directories (open/read/write/close, mkdir, rename, listdir, chmod, utime...).
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <cerrno>
#include <climits>
#include <cmath>
#include <string>

#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"

namespace krait::modules::posix {

using namespace runtime;

namespace {

Value none_ref() { return new_ref(none()); }

// Converts the common (path, *, dir_fd=None) pair.
bool path_and_dir_fd(const char* fname, Value path_value, Value dir_fd_value, PathArg* path, int* dir_fd) {
  path->function = fname;
  return convert_path(path_value, path) && dir_fd_arg(dir_fd_value, dir_fd);
}

// --- open, close, read, write ----------------------------------------------------------------------

Value open_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!parse_clinic("open", args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 0, 2, 3, a)) return Value();
  PathArg path;
  int dir_fd = AT_FDCWD, flags = 0, mode = 0777;
  if (!path_and_dir_fd("open", a[0], a[3], &path, &dir_fd) || !int_arg(a[1], &flags)) return Value();
  if (a[2] && !int_arg(a[2], &mode)) return Value();
  int fd;
  do {
    fd = ::openat(dir_fd, path.c_str(), flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return raise_errno_path(errno, path);
  return int_from_int64(fd);
}

Value close_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  int fd = 0;
  if (!parse_clinic("close", args, nargs, kwnames, {"fd"}, 0, 1, 1, a) || !int_arg(a[0], &fd)) return Value();
  if (::close(fd) != 0 && errno != EINTR) return raise_errno(errno);
  return none_ref();
}

Value closerange_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int low = 0, high = 0;
  if (!check_positional("closerange", nargs, kwnames, 2, 2) || !int_arg(args[0], &low) || !int_arg(args[1], &high))
    return Value();
  for (int fd = low < 0 ? 0 : low; fd < high; ++fd) ::close(fd);
  return none_ref();
}

Value read_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("read", nargs, kwnames, 2, 2) || !int_arg(args[0], &fd)) return Value();
  Ref index = Ref::steal(number_index(args[1]));
  if (!index) return Value();
  int64_t length = 0;
  if (!int_to_int64(index.get(), &length))
    return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  if (length < 0) return raise_errno(EINVAL);
  std::string buffer(static_cast<size_t>(length), '\0');
  ssize_t n;
  do {
    n = ::read(fd, buffer.data(), buffer.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return bytes_from(std::string_view(buffer.data(), static_cast<size_t>(n)));
}

Value write_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("write", nargs, kwnames, 2, 2) || !int_arg(args[0], &fd)) return Value();
  std::string_view data;
  if (!bytes_like_view(args[1], &data)) return Value();
  ssize_t n;
  do {
    n = ::write(fd, data.data(), data.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return int_from_int64(n);
}

Value lseek_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0, how = 0;
  int64_t position = 0;
  if (!check_positional("lseek", nargs, kwnames, 3, 3) || !int_arg(args[0], &fd) ||
      !int64_arg(args[1], &position) || !int_arg(args[2], &how))
    return Value();
  off_t r = ::lseek(fd, position, how);
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

// A function of one fd returning None: fsync, fdatasync, fchdir.
Value fd_call(const char* fname, const Value* args, size_t nargs, Value kwnames, int (*op)(int)) {
  Value a[1];
  int fd = 0;
  if (!parse_clinic(fname, args, nargs, kwnames, {"fd"}, 0, 1, 1, a)) return Value();
  // fsync and friends accept objects with fileno() (PyObject_AsFileDescriptor).
  if (!is_int(a[0])) {
    Ref fileno = Ref::steal(lookup_attr(a[0], str_intern("fileno")));
    if (fileno) {
      Ref r = Ref::steal(call_no_args(fileno.get()));
      if (!r || !int_arg(r.get(), &fd)) return Value();
    } else if (error_occurred() || !int_arg(a[0], &fd)) {
      return Value();
    }
  } else if (!int_arg(a[0], &fd)) {
    return Value();
  }
  if (op(fd) != 0) return raise_errno(errno);
  return none_ref();
}

Value fsync_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return fd_call("fsync", args, nargs, kwnames, ::fsync);
}
Value fdatasync_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return fd_call("fdatasync", args, nargs, kwnames, ::fdatasync);
}

Value isatty_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("isatty", nargs, kwnames, 1, 1) || !int_arg(args[0], &fd)) return Value();
  return new_ref(bool_value(::isatty(fd)));
}

Value dup_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("dup", nargs, kwnames, 1, 1) || !int_arg(args[0], &fd)) return Value();
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value dup2_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  int fd = 0, fd2 = 0;
  bool inheritable = true;
  if (!parse_clinic("dup2", args, nargs, kwnames, {"fd", "fd2", "inheritable"}, 0, 2, 3, a) || !int_arg(a[0], &fd) ||
      !int_arg(a[1], &fd2) || !bool_arg(a[2], true, &inheritable))
    return Value();
  int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value pipe_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.pipe", nargs, kwnames)) return Value();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return raise_errno(errno);
  Ref r = Ref::steal(int_from_int64(fds[0])), w = Ref::steal(int_from_int64(fds[1]));
  return tuple_pack({r.get(), w.get()});
}

Value pipe2_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int flags = 0;
  if (!check_positional("pipe2", nargs, kwnames, 1, 1) || !int_arg(args[0], &flags)) return Value();
  int fds[2];
  if (::pipe2(fds, flags) != 0) return raise_errno(errno);
  Ref r = Ref::steal(int_from_int64(fds[0])), w = Ref::steal(int_from_int64(fds[1]));
  return tuple_pack({r.get(), w.get()});
}

Value openpty_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.openpty", nargs, kwnames)) return Value();
  int leader = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (leader < 0) return raise_errno(errno);
  if (::grantpt(leader) != 0 || ::unlockpt(leader) != 0) {
    int saved = errno;
    ::close(leader);
    return raise_errno(saved);
  }
  char name[256];
  if (::ptsname_r(leader, name, sizeof name) != 0) {
    int saved = errno;
    ::close(leader);
    return raise_errno(saved);
  }
  int follower = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (follower < 0) {
    int saved = errno;
    ::close(leader);
    return raise_errno(saved);
  }
  Ref a = Ref::steal(int_from_int64(leader)), b = Ref::steal(int_from_int64(follower));
  return tuple_pack({a.get(), b.get()});
}

Value get_inheritable_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("get_inheritable", nargs, kwnames, 1, 1) || !int_arg(args[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raise_errno(errno);
  return new_ref(bool_value(!(flags & FD_CLOEXEC)));
}

Value set_inheritable_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0, inheritable = 0;
  if (!check_positional("set_inheritable", nargs, kwnames, 2, 2) || !int_arg(args[0], &fd) ||
      !int_arg(args[1], &inheritable))
    return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raise_errno(errno);
  flags = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  if (::fcntl(fd, F_SETFD, flags) < 0) return raise_errno(errno);
  return none_ref();
}

Value get_blocking_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  if (!check_positional("get_blocking", nargs, kwnames, 1, 1) || !int_arg(args[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return raise_errno(errno);
  return new_ref(bool_value(!(flags & O_NONBLOCK)));
}

Value set_blocking_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0, blocking = 0;
  if (!check_positional("set_blocking", nargs, kwnames, 2, 2) || !int_arg(args[0], &fd) ||
      !int_arg(args[1], &blocking))
    return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return raise_errno(errno);
  flags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (::fcntl(fd, F_SETFL, flags) < 0) return raise_errno(errno);
  return none_ref();
}

Value ftruncate_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 0;
  int64_t length = 0;
  if (!check_positional("ftruncate", nargs, kwnames, 2, 2) || !int_arg(args[0], &fd) || !int64_arg(args[1], &length))
    return Value();
  if (::ftruncate(fd, length) != 0) return raise_errno(errno);
  return none_ref();
}

Value truncate_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!parse_clinic("truncate", args, nargs, kwnames, {"path", "length"}, 0, 2, 2, a)) return Value();
  PathArg path;
  path.function = "truncate";
  path.allow_fd = true;
  int64_t length = 0;
  if (!convert_path(a[0], &path) || !int64_arg(a[1], &length)) return Value();
  int r = path.is_fd ? ::ftruncate(path.fd, length) : ::truncate(path.c_str(), length);
  if (r != 0) return path.is_fd ? raise_errno(errno) : raise_errno_path(errno, path);
  return none_ref();
}

Value umask_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int mask = 0;
  if (!check_one_arg("posix.umask", nargs, kwnames) || !int_arg(args[0], &mask)) return Value();
  return int_from_int64(::umask(static_cast<mode_t>(mask)));
}

// --- directories -------------------------------------------------------------------------------------

Value getcwd_common(const char* qualified, size_t nargs, Value kwnames, bool as_bytes) {
  if (!check_no_args(qualified, nargs, kwnames)) return Value();
  std::string buffer(4096, '\0');
  while (::getcwd(buffer.data(), buffer.size()) == nullptr) {
    if (errno != ERANGE) return raise_errno(errno);
    buffer.resize(buffer.size() * 2);
  }
  std::string_view cwd(buffer.c_str());
  return as_bytes ? bytes_from(cwd) : fs_decode(cwd);
}

Value getcwd_function(Value, const Value*, size_t nargs, Value kwnames) {
  return getcwd_common("posix.getcwd", nargs, kwnames, false);
}
Value getcwdb_function(Value, const Value*, size_t nargs, Value kwnames) {
  return getcwd_common("posix.getcwdb", nargs, kwnames, true);
}

Value chdir_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("chdir", args, nargs, kwnames, {"path"}, 0, 1, 1, a)) return Value();
  PathArg path;
  path.function = "chdir";
  path.allow_fd = true;
  if (!convert_path(a[0], &path)) return Value();
  int r = path.is_fd ? ::fchdir(path.fd) : ::chdir(path.c_str());
  if (r != 0) return raise_errno_path(errno, path);
  return none_ref();
}

Value fchdir_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return fd_call("fchdir", args, nargs, kwnames, ::fchdir);
}

Value mkdir_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_clinic("mkdir", args, nargs, kwnames, {"path", "mode", "dir_fd"}, 0, 1, 2, a)) return Value();
  PathArg path;
  int dir_fd = AT_FDCWD, mode = 0777;
  if (!path_and_dir_fd("mkdir", a[0], a[2], &path, &dir_fd)) return Value();
  if (a[1] && !int_arg(a[1], &mode)) return Value();
  if (::mkdirat(dir_fd, path.c_str(), static_cast<mode_t>(mode)) != 0) return raise_errno_path(errno, path);
  return none_ref();
}

// unlink, remove and rmdir: (path, *, dir_fd=None).
Value unlink_common(const char* fname, const Value* args, size_t nargs, Value kwnames, int flags) {
  Value a[2];
  if (!parse_clinic(fname, args, nargs, kwnames, {"path", "dir_fd"}, 0, 1, 1, a)) return Value();
  PathArg path;
  int dir_fd = AT_FDCWD;
  if (!path_and_dir_fd(fname, a[0], a[1], &path, &dir_fd)) return Value();
  if (::unlinkat(dir_fd, path.c_str(), flags) != 0) return raise_errno_path(errno, path);
  return none_ref();
}

Value unlink_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return unlink_common("unlink", args, nargs, kwnames, 0);
}
Value remove_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return unlink_common("remove", args, nargs, kwnames, 0);
}
Value rmdir_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return unlink_common("rmdir", args, nargs, kwnames, AT_REMOVEDIR);
}

// rename and replace: (src, dst, *, src_dir_fd=None, dst_dir_fd=None).
Value rename_common(const char* fname, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!parse_clinic(fname, args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 0, 2, 2, a))
    return Value();
  PathArg src, dst;
  src.function = dst.function = fname;
  src.argname = "src";
  dst.argname = "dst";
  int src_dir_fd = AT_FDCWD, dst_dir_fd = AT_FDCWD;
  if (!convert_path(a[0], &src) || !convert_path(a[1], &dst) || !dir_fd_arg(a[2], &src_dir_fd) ||
      !dir_fd_arg(a[3], &dst_dir_fd))
    return Value();
  if (::renameat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str()) != 0)
    return raise_errno(errno, src.object.get(), dst.object.get());
  return none_ref();
}

Value rename_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return rename_common("rename", args, nargs, kwnames);
}
Value replace_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return rename_common("replace", args, nargs, kwnames);
}

Value link_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[5];
  if (!parse_clinic("link", args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 0, 2,
                  2, a))
    return Value();
  PathArg src, dst;
  src.function = dst.function = "link";
  src.argname = "src";
  dst.argname = "dst";
  int src_dir_fd = AT_FDCWD, dst_dir_fd = AT_FDCWD;
  bool follow = true;
  if (!convert_path(a[0], &src) || !convert_path(a[1], &dst) || !dir_fd_arg(a[2], &src_dir_fd) ||
      !dir_fd_arg(a[3], &dst_dir_fd) || !bool_arg(a[4], true, &follow))
    return Value();
  if (::linkat(src_dir_fd, src.c_str(), dst_dir_fd, dst.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) != 0)
    return raise_errno(errno, src.object.get(), dst.object.get());
  return none_ref();
}

Value symlink_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!parse_clinic("symlink", args, nargs, kwnames, {"src", "dst", "target_is_directory", "dir_fd"}, 0, 2, 3, a))
    return Value();
  PathArg src, dst;
  src.function = dst.function = "symlink";
  src.argname = "src";
  dst.argname = "dst";
  int dir_fd = AT_FDCWD;
  if (!convert_path(a[0], &src) || !convert_path(a[1], &dst) || !dir_fd_arg(a[3], &dir_fd)) return Value();
  if (::symlinkat(src.c_str(), dir_fd, dst.c_str()) != 0)
    return raise_errno(errno, src.object.get(), dst.object.get());
  return none_ref();
}

Value readlink_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!parse_clinic("readlink", args, nargs, kwnames, {"path", "dir_fd"}, 0, 1, 1, a)) return Value();
  PathArg path;
  int dir_fd = AT_FDCWD;
  if (!path_and_dir_fd("readlink", a[0], a[1], &path, &dir_fd)) return Value();
  std::string buffer(4096, '\0');
  ssize_t n = ::readlinkat(dir_fd, path.c_str(), buffer.data(), buffer.size());
  if (n < 0) return raise_errno_path(errno, path);
  return name_for(path, std::string_view(buffer.data(), static_cast<size_t>(n)));
}

Value listdir_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("listdir", args, nargs, kwnames, {"path"}, 0, 0, 1, a)) return Value();
  PathArg path;
  path.function = "listdir";
  path.allow_fd = true;
  path.nullable = true;
  if (!convert_path(a[0] ? a[0] : none(), &path)) return Value();
  DIR* dir;
  if (path.is_fd) {
    int fd = ::dup(path.fd);
    if (fd < 0) return raise_errno(errno);
    dir = ::fdopendir(fd);
    if (dir == nullptr) {
      int saved = errno;
      ::close(fd);
      return raise_errno(saved);
    }
  } else {
    dir = ::opendir(path.c_str());
    if (dir == nullptr) return raise_errno(errno, path.object.get().is(none()) ? Value() : path.object.get());
  }
  Ref list = Ref::steal(list_new(0));
  if (!list) {
    ::closedir(dir);
    return Value();
  }
  while (true) {
    errno = 0;
    struct dirent* entry = ::readdir(dir);
    if (entry == nullptr) {
      if (errno != 0) {
        int saved = errno;
        ::closedir(dir);
        return raise_errno_path(saved, path);
      }
      break;
    }
    std::string_view name(entry->d_name);
    if (name == "." || name == "..") continue;
    Ref item = Ref::steal(name_for(path, name));
    if (!item || list_append(list.get(), item.get()) < 0) {
      ::closedir(dir);
      return Value();
    }
  }
  if (path.is_fd) ::rewinddir(dir);
  ::closedir(dir);
  return list.release();
}

// --- permissions, ownership, times ---------------------------------------------------------------

Value access_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[5];
  if (!parse_clinic("access", args, nargs, kwnames, {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 0,
                  2, 2, a))
    return Value();
  PathArg path;
  int dir_fd = AT_FDCWD, mode = 0;
  bool effective = false, follow = true;
  if (!path_and_dir_fd("access", a[0], a[2], &path, &dir_fd) || !int_arg(a[1], &mode) ||
      !bool_arg(a[3], false, &effective) || !bool_arg(a[4], true, &follow))
    return Value();
  int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return new_ref(bool_value(::faccessat(dir_fd, path.c_str(), mode, flags) == 0));
}

Value chmod_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!parse_clinic("chmod", args, nargs, kwnames, {"path", "mode", "dir_fd", "follow_symlinks"}, 0, 2, 2, a))
    return Value();
  PathArg path;
  path.function = "chmod";
  path.allow_fd = true;
  int dir_fd = AT_FDCWD, mode = 0;
  bool follow = true;
  if (!convert_path(a[0], &path) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) ||
      !bool_arg(a[3], true, &follow))
    return Value();
  if (!follow && !path.is_fd)
    return raise(exc::NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
  int r = path.is_fd ? ::fchmod(path.fd, static_cast<mode_t>(mode))
                     : ::fchmodat(dir_fd, path.c_str(), static_cast<mode_t>(mode), 0);
  if (r != 0) return raise_errno_path(errno, path);
  return none_ref();
}

Value fchmod_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  int fd = 0, mode = 0;
  if (!parse_clinic("fchmod", args, nargs, kwnames, {"fd", "mode"}, 0, 2, 2, a) || !int_arg(a[0], &fd) ||
      !int_arg(a[1], &mode))
    return Value();
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) return raise_errno(errno);
  return none_ref();
}

Value chown_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[5];
  if (!parse_clinic("chown", args, nargs, kwnames, {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 0, 3, 3, a))
    return Value();
  PathArg path;
  path.function = "chown";
  path.allow_fd = true;
  int dir_fd = AT_FDCWD;
  uint32_t uid = 0, gid = 0;
  bool follow = true;
  if (!convert_path(a[0], &path) || !id_arg("uid", a[1], &uid) || !id_arg("gid", a[2], &gid) ||
      !dir_fd_arg(a[3], &dir_fd) || !bool_arg(a[4], true, &follow))
    return Value();
  int r = path.is_fd ? ::fchown(path.fd, static_cast<uid_t>(uid), static_cast<gid_t>(gid))
                     : ::fchownat(dir_fd, path.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid),
                                  follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return raise_errno_path(errno, path);
  return none_ref();
}

// One time of utime's `times`: seconds as an int or float, floored to nanoseconds.
bool time_to_timespec(Value v, struct timespec* out) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double int_part = 0;
    double frac = std::modf(d, &int_part);
    frac = std::floor(frac * 1e9);
    if (frac >= 1e9) {
      frac -= 1e9;
      int_part += 1.0;
    } else if (frac < 0) {
      frac += 1e9;
      int_part -= 1.0;
    }
    if (int_part >= 9.2e18 || int_part <= -9.2e18) {
      raise(exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    out->tv_sec = static_cast<time_t>(int_part);
    out->tv_nsec = static_cast<long>(frac);
    return true;
  }
  int64_t seconds = 0;
  if (!is_int(v)) {
    raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v)));
    return false;
  }
  if (!int_to_int64(v, &seconds)) {
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  out->tv_sec = seconds;
  out->tv_nsec = 0;
  return true;
}

bool ns_to_timespec(Value v, struct timespec* out) {
  if (!is_int(v)) {
    raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v)));
    return false;
  }
  mpz_class ns = int_to_mpz(v), sec, rem;
  mpz_fdiv_qr_ui(sec.get_mpz_t(), rem.get_mpz_t(), ns.get_mpz_t(), 1000000000ul);
  if (!sec.fits_slong_p()) {
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  out->tv_sec = sec.get_si();
  out->tv_nsec = rem.get_si();
  return true;
}

Value utime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[5];
  if (!parse_clinic("utime", args, nargs, kwnames, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 0, 1, 2, a))
    return Value();
  PathArg path;
  path.function = "utime";
  path.allow_fd = true;
  int dir_fd = AT_FDCWD;
  bool follow = true;
  if (!convert_path(a[0], &path) || !dir_fd_arg(a[3], &dir_fd) || !bool_arg(a[4], true, &follow)) return Value();
  Value times = a[1] && !a[1].is(none()) ? a[1] : Value();
  if (times && a[2]) return raise(exc::ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  struct timespec ts[2];
  struct timespec* tsp = nullptr;
  if (times) {
    if (!is_tuple(times) || tuple_size(times) != 2)
      return raise(exc::TypeError, "utime: 'times' must be either a tuple of two ints or None");
    if (!time_to_timespec(tuple_get(times, 0), &ts[0]) || !time_to_timespec(tuple_get(times, 1), &ts[1]))
      return Value();
    tsp = ts;
  } else if (a[2]) {
    if (!is_tuple(a[2]) || tuple_size(a[2]) != 2)
      return raise(exc::TypeError, "utime: 'ns' must be a tuple of two ints");
    if (!ns_to_timespec(tuple_get(a[2], 0), &ts[0]) || !ns_to_timespec(tuple_get(a[2], 1), &ts[1]))
      return Value();
    tsp = ts;
  }
  int r = path.is_fd ? ::futimens(path.fd, tsp)
                     : ::utimensat(dir_fd, path.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return raise_errno(errno);  // CPython's utime names no file
  return none_ref();
}

// --- terminals -----------------------------------------------------------------------------------------

const StructSeqField kTerminalSizeFields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
};
TypeObject* g_terminal_size = nullptr;

Value get_terminal_size_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd = 1;
  if (!check_positional("get_terminal_size", nargs, kwnames, 0, 1)) return Value();
  if (nargs == 1 && !int_arg(args[0], &fd)) return Value();
  struct winsize size;
  if (::ioctl(fd, TIOCGWINSZ, &size) != 0) return raise_errno(errno);
  Ref result = Ref::steal(structseq_new(g_terminal_size));
  if (!result) return Value();
  structseq_set(result.get(), 0, int_from_int64(size.ws_col));
  structseq_set(result.get(), 1, int_from_int64(size.ws_row));
  return result.release();
}

Value device_encoding_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  int fd = 0;
  if (!parse_clinic("device_encoding", args, nargs, kwnames, {"fd"}, 0, 1, 1, a) || !int_arg(a[0], &fd)) return Value();
  // krait's locale encoding is always UTF-8.
  if (!::isatty(fd)) return none_ref();
  return str_from_ascii("UTF-8");
}

Value fspath_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("fspath", args, nargs, kwnames, {"path"}, 0, 1, 1, a)) return Value();
  return fspath(a[0]);
}

#define F(name, fn) {name, reinterpret_cast<void*>(fn), MethodKind::FastKeywords}
const MethodDef kFsFunctions[] = {
    F("open", open_function),
    F("close", close_function),
    F("closerange", closerange_function),
    F("read", read_function),
    F("write", write_function),
    F("lseek", lseek_function),
    F("fsync", fsync_function),
    F("fdatasync", fdatasync_function),
    F("isatty", isatty_function),
    F("dup", dup_function),
    F("dup2", dup2_function),
    F("pipe", pipe_function),
    F("pipe2", pipe2_function),
    F("openpty", openpty_function),
    F("get_inheritable", get_inheritable_function),
    F("set_inheritable", set_inheritable_function),
    F("get_blocking", get_blocking_function),
    F("set_blocking", set_blocking_function),
    F("ftruncate", ftruncate_function),
    F("truncate", truncate_function),
    F("umask", umask_function),
    F("getcwd", getcwd_function),
    F("getcwdb", getcwdb_function),
    F("chdir", chdir_function),
    F("fchdir", fchdir_function),
    F("mkdir", mkdir_function),
    F("rmdir", rmdir_function),
    F("unlink", unlink_function),
    F("remove", remove_function),
    F("rename", rename_function),
    F("replace", replace_function),
    F("link", link_function),
    F("symlink", symlink_function),
    F("readlink", readlink_function),
    F("listdir", listdir_function),
    F("access", access_function),
    F("chmod", chmod_function),
    F("fchmod", fchmod_function),
    F("chown", chown_function),
    F("utime", utime_function),
    F("get_terminal_size", get_terminal_size_function),
    F("device_encoding", device_encoding_function),
    F("fspath", fspath_function),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

int add_fs_functions(Value module) {
  if (!g_terminal_size) {
    StructSeqDesc desc{"os.terminal_size", "A tuple of (columns, lines) for holding terminal window size",
                       kTerminalSizeFields, 2, 2};
    g_terminal_size = structseq_new_type(desc);
    if (!g_terminal_size) return -1;
  }
  if (module_add_functions(module, kFsFunctions) < 0) return -1;
  return module_add(module, "terminal_size", Value::object(g_terminal_size));
}

}  // namespace krait::modules::posix

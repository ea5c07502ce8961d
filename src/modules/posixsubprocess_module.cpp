// The `_posixsubprocess` module: fork_exec, the fork + exec that subprocess.Popen runs on POSIX,
// with CPython's argument checks and its child protocol: the child sets up its standard
// descriptors, working directory, umask, signals, session/process group and ids, runs
// preexec_fn, closes the other descriptors, tries each executable in turn, and on failure
// writes "ExceptionName:hex_errno:detail" to errpipe_write for subprocess.py to raise.
//
// Difference from CPython: with a preexec_fn, os.register_at_fork callbacks are not run around
// the fork (they live in the posix module). The child uses fork(), never vfork().
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "modules/modules.h"
#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

// PyUnicode_FSConverter: str (filesystem-encoded), bytes, or os.PathLike to a C string.
bool fs_convert(Value v, std::string* out) {
  Ref path = Ref::steal(posix::fspath(v));
  if (!path) return false;
  if (is_str(path.get())) {
    Ref encoding = Ref::steal(str_from_ascii("utf-8"));
    Ref errors = Ref::steal(str_from_ascii("surrogateescape"));
    Value raw[2] = {encoding.get(), errors.get()};
    path = Ref::steal(call_method(path.get(), "encode", raw, 2));
    if (!path) return false;
  }
  std::string_view bytes(reinterpret_cast<const char*>(bytes_data(path.get())), bytes_size(path.get()));
  if (bytes.find('\0') != std::string_view::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  *out = std::string(bytes);
  return true;
}

// _PySequence_BytesToCharpArray: a sequence of bytes objects.
bool bytes_sequence(Value seq, std::vector<std::string>* out) {
  Ref items = Ref::steal(list_from_iterable(seq));
  if (!items) return false;
  for (size_t i = 0; i < list_size(items.get()); ++i) {
    Value item = list_get(items.get(), i);
    if (!is_bytes(item)) {
      raise_format(exc::TypeError, "expected bytes, %s found", type_name(type_of(item)));
      return false;
    }
    std::string_view b(reinterpret_cast<const char*>(bytes_data(item)), bytes_size(item));
    if (b.find('\0') != std::string_view::npos) {
      raise(exc::ValueError, "embedded null byte");
      return false;
    }
    out->emplace_back(b);
  }
  return true;
}

std::vector<char*> charp_array(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// fds_to_keep: a tuple of strictly increasing non-negative ints.
bool fds_to_keep_arg(Value fds, std::vector<int>* out) {
  for (size_t i = 0; i < tuple_size(fds); ++i) {
    Value item = tuple_get(fds, i);
    int64_t fd;
    if (!is_int(item) || !int_to_int64(item, &fd) || fd < 0 || fd > INT_MAX || (!out->empty() && fd <= out->back())) {
      raise(exc::ValueError, "bad value(s) in fds_to_keep");
      return false;
    }
    out->push_back(int(fd));
  }
  return true;
}

// --- the child (after fork: only async-signal-safe calls, except preexec_fn) ------------------

void write_all(int fd, const char* text, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, text, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    text += w;
    n -= size_t(w);
  }
}

void set_inheritable(int fd, bool inheritable) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return;
  flags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  fcntl(fd, F_SETFD, flags);
}

bool keep(const std::vector<int>& fds, int fd) {
  for (int k : fds)
    if (k == fd) return true;
  return false;
}

// Closes every descriptor >= 3 not in fds_to_keep (listing /proc/self/fd when it can).
void close_open_fds(const std::vector<int>& fds_to_keep) {
  int dir_fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    std::vector<int> open_fds;
    if (DIR* dir = fdopendir(dir_fd)) {
      while (dirent* entry = readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        int fd = atoi(entry->d_name);
        if (fd >= 3 && fd != dir_fd && !keep(fds_to_keep, fd)) open_fds.push_back(fd);
      }
      closedir(dir);
      for (int fd : open_fds) close(fd);
      return;
    }
    close(dir_fd);
  }
  long max_fd = sysconf(_SC_OPEN_MAX);
  for (long fd = 3; fd < max_fd; ++fd)
    if (!keep(fds_to_keep, int(fd))) close(int(fd));
}

struct ChildSetup {
  std::vector<char*> argv, envp;
  std::vector<std::string> executables;
  bool has_env = false;
  const char* cwd = nullptr;
  std::vector<int> fds_to_keep;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_write;
  bool close_fds, restore_signals, call_setsid;
  int pgid_to_set, child_umask;
  bool set_gid = false, set_uid = false, set_groups = false;
  gid_t gid = 0;
  uid_t uid = 0;
  std::vector<gid_t> groups;
  Value preexec_fn;
};

[[noreturn]] void child_exec(ChildSetup& s) {
  int saved_errno = 0;
  bool reached_preexec = false;
  const char* failure = nullptr;  // a SubprocessError message (errno 0)
  for (int fd : s.fds_to_keep)
    if (fd != s.errpipe_write) set_inheritable(fd, true);
  if (s.p2cwrite != -1) close(s.p2cwrite);
  if (s.c2pread != -1) close(s.c2pread);
  if (s.errread != -1) close(s.errread);
  // A descriptor that is to become 0, 1 or 2 may sit on one of the others: move it first.
  if (s.c2pwrite == 0) {
    s.c2pwrite = dup(s.c2pwrite);
    if (s.c2pwrite < 0) goto error;
    set_inheritable(s.c2pwrite, false);
  }
  while (s.errwrite == 0 || s.errwrite == 1) {
    s.errwrite = dup(s.errwrite);
    if (s.errwrite < 0) goto error;
    set_inheritable(s.errwrite, false);
  }
  if (s.p2cread == 0) set_inheritable(0, true);
  else if (s.p2cread != -1 && dup2(s.p2cread, 0) < 0) goto error;
  if (s.c2pwrite == 1) set_inheritable(1, true);
  else if (s.c2pwrite != -1 && dup2(s.c2pwrite, 1) < 0) goto error;
  if (s.errwrite == 2) set_inheritable(2, true);
  else if (s.errwrite != -1 && dup2(s.errwrite, 2) < 0) goto error;
  if (s.cwd && chdir(s.cwd) < 0) goto error;
  if (s.child_umask >= 0) umask(mode_t(s.child_umask));
  if (s.restore_signals) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (s.call_setsid && setsid() < 0) goto error;
  if (s.pgid_to_set >= 0 && setpgid(0, s.pgid_to_set) < 0) goto error;
  if (s.set_groups && setgroups(s.groups.size(), s.groups.data()) < 0) goto error;
  if (s.set_gid && setregid(s.gid, s.gid) < 0) goto error;
  if (s.set_uid && setreuid(s.uid, s.uid) < 0) goto error;
  reached_preexec = true;
  if (!s.preexec_fn.is(none())) {
    Ref result = Ref::steal(call_no_args(s.preexec_fn));
    if (!result) {
      failure = "Exception occurred in preexec_fn.";
      errno = 0;
      goto error;
    }
  }
  if (s.close_fds) close_open_fds(s.fds_to_keep);
  for (std::string& exe : s.executables) {
    if (s.has_env) execve(exe.c_str(), s.argv.data(), s.envp.data());
    else execv(exe.c_str(), s.argv.data());
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  if (saved_errno) errno = saved_errno;
error:
  saved_errno = failure ? 0 : errno;
  if (saved_errno) {
    char hex[sizeof(int) * 2 + 1];
    char* cur = hex + sizeof hex;
    while (saved_errno != 0 && cur != hex) {
      *--cur = "0123456789abcdef"[saved_errno % 16];
      saved_errno /= 16;
    }
    write_all(s.errpipe_write, "OSError:", 8);
    write_all(s.errpipe_write, cur, size_t(hex + sizeof hex - cur));
    write_all(s.errpipe_write, ":", 1);
    if (!reached_preexec) write_all(s.errpipe_write, "noexec", 6);
  } else {
    write_all(s.errpipe_write, "SubprocessError:0:", 18);
    if (failure) write_all(s.errpipe_write, failure, std::strlen(failure));
  }
  _exit(255);
}

bool int_at(const Value* args, size_t i, int* out) { return posix::int_arg(args[i], out); }

bool truth_at(const Value* args, size_t i, bool* out) {
  int r = is_true(args[i]);
  if (r < 0) return false;
  *out = r;
  return true;
}

Value fork_exec_function(Value, const Value* args, size_t nargs) {
  if (nargs != 23) return raise_format(exc::TypeError, "fork_exec() takes exactly 23 arguments (%zu given)", nargs);
  ChildSetup s;
  Value process_args = args[0], executable_list = args[1], fds_to_keep = args[3], cwd_obj = args[4];
  Value env_list = args[5], gid_obj = args[17], groups_obj = args[18], uid_obj = args[19];
  s.preexec_fn = args[21];
  if (!truth_at(args, 2, &s.close_fds)) return Value();
  if (!is_tuple(fds_to_keep))
    return raise_format(exc::TypeError, "fork_exec() argument 4 must be tuple, not %s", type_name(type_of(fds_to_keep)));
  int* ints[] = {&s.p2cread, &s.p2cwrite, &s.c2pread, &s.c2pwrite, &s.errread, &s.errwrite};
  for (size_t i = 0; i < 6; ++i)
    if (!int_at(args, 6 + i, ints[i])) return Value();
  int errpipe_read;
  if (!int_at(args, 12, &errpipe_read) || !int_at(args, 13, &s.errpipe_write)) return Value();
  if (!truth_at(args, 14, &s.restore_signals) || !truth_at(args, 15, &s.call_setsid)) return Value();
  if (!int_at(args, 16, &s.pgid_to_set) || !int_at(args, 20, &s.child_umask)) return Value();
  bool allow_vfork;
  if (!truth_at(args, 22, &allow_vfork)) return Value();
  if (s.close_fds && s.errpipe_write < 3) return raise(exc::ValueError, "errpipe_write must be >= 3");
  if (!fds_to_keep_arg(fds_to_keep, &s.fds_to_keep)) return Value();
  std::vector<std::string> argv_strings, env_strings;
  if (!process_args.is(none())) {
    Ref items = Ref::steal(list_from_iterable(process_args));
    if (!items) {
      if (error_matches(exc::TypeError)) raise(exc::TypeError, "argv must be a tuple");
      return Value();
    }
    for (size_t i = 0; i < list_size(items.get()); ++i) {
      std::string arg;
      if (!fs_convert(list_get(items.get(), i), &arg)) return Value();
      argv_strings.push_back(std::move(arg));
    }
  }
  if (!bytes_sequence(executable_list, &s.executables)) return Value();
  if (!env_list.is(none())) {
    if (!bytes_sequence(env_list, &env_strings)) return Value();
    s.has_env = true;
  }
  std::string cwd;
  if (!cwd_obj.is(none())) {
    if (!fs_convert(cwd_obj, &cwd)) return Value();
    s.cwd = cwd.c_str();
  }
  if (!groups_obj.is(none())) {
    if (!is_list(groups_obj) && !is_tuple(groups_obj)) return raise(exc::TypeError, "setgroups argument must be a list");
    Ref items = Ref::steal(list_from_iterable(groups_obj));
    if (!items) return Value();
    for (size_t i = 0; i < list_size(items.get()); ++i) {
      uint32_t g;
      if (!posix::id_arg("gid", list_get(items.get(), i), &g)) return Value();
      s.groups.push_back(gid_t(g));
    }
    s.set_groups = true;
  }
  uint32_t id;
  if (!gid_obj.is(none())) {
    if (!posix::id_arg("gid", gid_obj, &id)) return Value();
    s.gid = gid_t(id);
    s.set_gid = true;
  }
  if (!uid_obj.is(none())) {
    if (!posix::id_arg("uid", uid_obj, &id)) return Value();
    s.uid = uid_t(id);
    s.set_uid = true;
  }
  s.argv = charp_array(argv_strings);
  s.envp = charp_array(env_strings);
  pid_t pid = fork();
  if (pid == 0) child_exec(s);
  if (pid < 0) return posix::raise_errno(errno);
  return int_from_int64(pid);
}

const MethodDef posixsubprocess_functions[] = {
    {"fork_exec", reinterpret_cast<void*>(fork_exec_function), MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value create_posixsubprocess_module() {
  Ref module = Ref::steal(module_new("_posixsubprocess"));
  if (!module) return Value();
  if (module_add_functions(module.get(), posixsubprocess_functions) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules

// posix: the process and its environment (ids, environ edits, exit, fork/exec/wait, uname,
// times, urandom, strerror).
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::modules::posix {

using namespace runtime;

namespace {

// --- ids ---------------------------------------------------------------------------------------------

#define ID_FUNCTION(fname, call)                                          \
  Value fname##_function(Value, const Value*, size_t nargs, Value kwnames) { \
    if (!check_no_args("posix." #fname, nargs, kwnames)) return Value();  \
    return int_from_int64(static_cast<int64_t>(call));                    \
  }
ID_FUNCTION(getpid, ::getpid())
ID_FUNCTION(getppid, ::getppid())
ID_FUNCTION(getuid, ::getuid())
ID_FUNCTION(geteuid, ::geteuid())
ID_FUNCTION(getgid, ::getgid())
ID_FUNCTION(getegid, ::getegid())
ID_FUNCTION(getpgrp, ::getpgrp())
#undef ID_FUNCTION

// setuid(uid) and friends: one id argument.
Value set_id(const char* fname, const char* kind, const Value* args, size_t nargs, Value kwnames, int (*op)(uint32_t)) {
  uint32_t id = 0;
  if (!check_positional(fname, nargs, kwnames, 1, 1) || !id_arg(kind, args[0], &id)) return Value();
  if (op(id) != 0) return raise_errno(errno);
  return new_ref(none());
}
Value setuid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return set_id("setuid", "uid", args, nargs, kwnames, [](uint32_t id) { return ::setuid(id); });
}
Value seteuid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return set_id("seteuid", "uid", args, nargs, kwnames, [](uint32_t id) { return ::seteuid(id); });
}
Value setgid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return set_id("setgid", "gid", args, nargs, kwnames, [](uint32_t id) { return ::setgid(id); });
}
Value setegid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return set_id("setegid", "gid", args, nargs, kwnames, [](uint32_t id) { return ::setegid(id); });
}

Value resid_result(uint32_t a, uint32_t b, uint32_t c) {
  Ref x = Ref::steal(int_from_int64(a)), y = Ref::steal(int_from_int64(b)), z = Ref::steal(int_from_int64(c));
  if (!x || !y || !z) return Value();
  return tuple_pack({x.get(), y.get(), z.get()});
}

Value getresuid_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.getresuid", nargs, kwnames)) return Value();
  uid_t r, e, s;
  if (::getresuid(&r, &e, &s) != 0) return raise_errno(errno);
  return resid_result(r, e, s);
}

Value getresgid_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.getresgid", nargs, kwnames)) return Value();
  gid_t r, e, s;
  if (::getresgid(&r, &e, &s) != 0) return raise_errno(errno);
  return resid_result(r, e, s);
}

Value nice_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int increment = 0;
  if (!check_positional("nice", nargs, kwnames, 1, 1) || !int_arg(args[0], &increment)) return Value();
  errno = 0;
  int r = ::nice(increment);
  if (r == -1 && errno != 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value getpriority_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int which = 0, who = 0;
  if (!check_positional("getpriority", nargs, kwnames, 2, 2) || !int_arg(args[0], &which) || !int_arg(args[1], &who))
    return Value();
  errno = 0;
  int r = ::getpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who));
  if (r == -1 && errno != 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value setpriority_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int which = 0, who = 0, priority = 0;
  if (!check_positional("setpriority", nargs, kwnames, 3, 3) || !int_arg(args[0], &which) || !int_arg(args[1], &who) ||
      !int_arg(args[2], &priority))
    return Value();
  if (::setpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who), priority) != 0)
    return raise_errno(errno);
  return new_ref(none());
}

Value getrandom_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!parse_clinic("getrandom", args, nargs, kwnames, {"size", "flags"}, 0, 1, 2, a)) return Value();
  int64_t size = 0;
  int flags = 0;
  if (!int64_arg(a[0], &size) || (a[1] && !int_arg(a[1], &flags))) return Value();
  if (size < 0) return raise_errno(EINVAL);
  Ref result = Ref::steal(bytes_new(static_cast<size_t>(size)));
  if (!result) return Value();
  ssize_t n;
  do {
    n = ::getrandom(bytes_mutable_data(result.get()), static_cast<size_t>(size), static_cast<unsigned>(flags));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  if (n != size) return bytes_from(std::string_view(bytes_data(result.get()), static_cast<size_t>(n)));
  return result.release();
}

Value getgroups_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.getgroups", nargs, kwnames)) return Value();
  int n = ::getgroups(0, nullptr);
  if (n < 0) return raise_errno(errno);
  std::vector<gid_t> groups(static_cast<size_t>(n));
  n = ::getgroups(n, groups.data());
  if (n < 0) return raise_errno(errno);
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  for (int i = 0; i < n; ++i) {
    Ref g = Ref::steal(int_from_int64(groups[static_cast<size_t>(i)]));
    if (!g || list_append(list.get(), g.get()) < 0) return Value();
  }
  return list.release();
}

Value getlogin_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.getlogin", nargs, kwnames)) return Value();
  errno = 0;
  const char* name = ::getlogin();
  if (name == nullptr) return raise_errno(errno ? errno : ENOTTY);
  return fs_decode(name);
}

Value setsid_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.setsid", nargs, kwnames)) return Value();
  if (::setsid() < 0) return raise_errno(errno);
  return new_ref(none());
}

Value kill_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t pid = 0;
  int sig = 0;
  if (!check_positional("kill", nargs, kwnames, 2, 2) || !int64_arg(args[0], &pid) || !int_arg(args[1], &sig))
    return Value();
  if (::kill(static_cast<pid_t>(pid), sig) != 0) return raise_errno(errno);
  return new_ref(none());
}

// --- the environment ------------------------------------------------------------------------------

// An environment name or value as bytes (str through the filesystem encoding).
bool env_bytes(Value v, std::string* out) {
  PathArg p;
  p.function = "putenv";
  if (is_str(v)) {
    Ref encoded = Ref::steal(str_encode(v, "utf-8", "surrogateescape"));
    if (!encoded) return false;
    out->assign(bytes_view(encoded.get()));
  } else if (is_bytes(v)) {
    out->assign(bytes_view(v));
  } else {
    raise_format(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(v)));
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

Value putenv_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("putenv", nargs, kwnames, 2, 2)) return Value();
  std::string name, value;
  if (!env_bytes(args[0], &name) || !env_bytes(args[1], &value)) return Value();
  // An empty name is left to setenv (EINVAL), as CPython does.
  if (name.find('=') != std::string::npos) return raise(exc::ValueError, "illegal environment variable name");
  if (::setenv(name.c_str(), value.c_str(), 1) != 0) return raise_errno(errno);
  return new_ref(none());
}

Value unsetenv_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("unsetenv", nargs, kwnames, 1, 1)) return Value();
  std::string name;
  if (!env_bytes(args[0], &name)) return Value();
  if (::unsetenv(name.c_str()) != 0) return raise_errno(errno);
  return new_ref(none());
}

// posix.environ: bytes names to bytes values, as the process started (os.py wraps it).
Value make_environ() {
  Ref env = Ref::steal(dict_new());
  if (!env) return Value();
  for (char** entry = ::environ; entry && *entry; ++entry) {
    const char* eq = std::strchr(*entry, '=');
    if (eq == nullptr) continue;
    Ref key = Ref::steal(bytes_from(std::string_view(*entry, static_cast<size_t>(eq - *entry))));
    Ref value = Ref::steal(bytes_from(eq + 1));
    if (!key || !value) return Value();
    Value existing = dict_get_item(env.get(), key.get());
    if (existing) continue;  // the first definition wins, as CPython's
    if (error_occurred() || dict_set_item(env.get(), key.get(), value.get()) < 0) return Value();
  }
  return env.release();
}

// --- exit, fork, exec, wait -------------------------------------------------------------------------

Value exit_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  int status = 0;
  if (!parse_clinic("_exit", args, nargs, kwnames, {"status"}, 0, 1, 1, a) || !int_arg(a[0], &status)) return Value();
  ::_exit(status);
}

Value abort_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.abort", nargs, kwnames)) return Value();
  std::abort();
}

// register_at_fork's callables: lists owned for the life of the process (CPython keeps them in
// the interpreter state), declared to the refcheck build as static roots.
Value g_before_fork, g_after_fork_child, g_after_fork_parent;

// Runs fork callbacks; an exception in one is reported and ignored (the unraisable hook's format).
void run_fork_callbacks(Value callbacks, bool reverse) {
  size_t n = callbacks ? list_size(callbacks) : 0;
  for (size_t k = 0; k < n && k < list_size(callbacks); ++k) {
    Ref f = Ref::borrow(list_get(callbacks, reverse ? list_size(callbacks) - 1 - k : k));
    Ref r = Ref::steal(call_no_args(f.get()));
    if (r) continue;
    Ref exception = fetch_exception();
    Ref text = Ref::steal(repr(f.get()));
    if (text) std::fprintf(stderr, "Exception ignored in: %s\n", str_cstr(text.get()));
    else clear_error();
    std::fflush(stderr);
    if (exception) vm::print_exception(exception.get());
  }
}

Value register_at_fork_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return raise(exc::TypeError, "register_at_fork() takes no positional arguments");
  Value a[3];
  if (!parse_clinic("register_at_fork", args, nargs, kwnames, {"before", "after_in_child", "after_in_parent"}, 0, 0, 0,
                    a))
    return Value();
  if (!a[0] && !a[1] && !a[2]) return raise(exc::TypeError, "At least one argument is required.");
  const char* names[] = {"before", "after_in_child", "after_in_parent"};
  for (size_t i = 0; i < 3; ++i) {
    if (!a[i]) continue;
    if (!type_of(a[i])->call)
      return raise_format(exc::TypeError, "'%s' must be callable, not %s", names[i], type_name(type_of(a[i])));
  }
  Value* lists[] = {&g_before_fork, &g_after_fork_child, &g_after_fork_parent};
  for (size_t i = 0; i < 3; ++i) {
    if (!a[i]) continue;
    if (!*lists[i]) {
      *lists[i] = list_new(0);
      if (!*lists[i]) return Value();
      declare_static_root(lists[i]);
    }
    if (list_append(*lists[i], a[i]) < 0) return Value();
  }
  return new_ref(none());
}

Value fork_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.fork", nargs, kwnames)) return Value();
  // CPython's order: "before" callbacks last registered first, the others in registration order.
  run_fork_callbacks(g_before_fork, true);
  pid_t pid = ::fork();
  int saved = errno;
  if (pid == 0) run_fork_callbacks(g_after_fork_child, false);
  else run_fork_callbacks(g_after_fork_parent, false);
  if (pid < 0) return raise_errno(saved);
  return int_from_int64(pid);
}

// execv's argv / execve's argv: a non-empty tuple or list of paths.
bool exec_argv(const char* fname, Value argv, std::vector<std::string>* out) {
  if (!is_tuple(argv) && !is_list(argv)) {
    raise_format(exc::TypeError, "%s() arg 2 must be a tuple or list", fname);
    return false;
  }
  Ref items = Ref::steal(tuple_from_iterable(argv));
  if (!items) return false;
  if (tuple_size(items.get()) == 0) {
    raise_format(exc::ValueError, "%s() arg 2 must not be empty", fname);
    return false;
  }
  for (size_t i = 0; i < tuple_size(items.get()); ++i) {
    PathArg p;
    p.function = fname;
    if (!convert_path(tuple_get(items.get(), i), &p)) return false;
    out->push_back(p.path);
  }
  if ((*out)[0].empty()) {
    raise_format(exc::ValueError, "%s() arg 2 first element cannot be empty", fname);
    return false;
  }
  return true;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (std::string& s : strings) result.push_back(s.data());
  result.push_back(nullptr);
  return result;
}

Value execv_common(const char* fname, Value path_value, Value argv, Value env) {
  PathArg path;
  path.function = fname;
  path.allow_fd = env.is_object();  // execve(fd, ...) is fexecve
  std::vector<std::string> args, envs;
  if (!convert_path(path_value, &path) || !exec_argv(fname, argv, &args)) return Value();
  if (env) {
    Ref items = Ref::steal(call_method(env, "items", nullptr, 0));
    if (!items) return Value();
    Ref seq = Ref::steal(tuple_from_iterable(items.get()));
    if (!seq) return Value();
    for (size_t i = 0; i < tuple_size(seq.get()); ++i) {
      Value pair = tuple_get(seq.get(), i);
      std::string key, value;
      if (!is_tuple(pair) || tuple_size(pair) != 2) return raise(exc::ValueError, "env.items() must return pairs");
      if (!env_bytes(tuple_get(pair, 0), &key) || !env_bytes(tuple_get(pair, 1), &value)) return Value();
      if (key.empty() || key.find('=') != std::string::npos)
        return raise(exc::ValueError, "illegal environment variable name");
      envs.push_back(key + "=" + value);
    }
  }
  std::vector<char*> argv_c = c_strings(args);
  if (env) {
    std::vector<char*> env_c = c_strings(envs);
    if (path.is_fd) ::fexecve(path.fd, argv_c.data(), env_c.data());
    else ::execve(path.c_str(), argv_c.data(), env_c.data());
  } else {
    ::execv(path.c_str(), argv_c.data());
  }
  return raise_errno(errno);
}

Value execv_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("execv", nargs, kwnames, 2, 2)) return Value();
  return execv_common("execv", args[0], args[1], Value());
}

Value execve_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_clinic("execve", args, nargs, kwnames, {"path", "argv", "env"}, 0, 3, 3, a)) return Value();
  return execv_common("execve", a[0], a[1], a[2]);
}

Value wait_result(pid_t pid, int status) {
  Ref p = Ref::steal(int_from_int64(pid)), s = Ref::steal(int_from_int64(status));
  if (!p || !s) return Value();
  return tuple_pack({p.get(), s.get()});
}

Value waitpid_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t pid = 0;
  int options = 0, status = 0;
  if (!check_positional("waitpid", nargs, kwnames, 2, 2) || !int64_arg(args[0], &pid) || !int_arg(args[1], &options))
    return Value();
  pid_t r;
  do {
    r = ::waitpid(static_cast<pid_t>(pid), &status, options);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return wait_result(r, status);
}

Value wait_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.wait", nargs, kwnames)) return Value();
  int status = 0;
  pid_t r;
  do {
    r = ::wait(&status);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return wait_result(r, status);
}

Value system_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("system", args, nargs, kwnames, {"command"}, 0, 1, 1, a)) return Value();
  PathArg command;
  command.function = "system";
  command.argname = "command";
  if (!convert_path(a[0], &command)) return Value();
  return int_from_int64(::system(command.c_str()));
}

// WIFEXITED(status) and friends: a status keyword, a bool or int result.
bool status_arg(const char* fname, const Value* args, size_t nargs, Value kwnames, int* status) {
  Value a[1];
  return parse_clinic(fname, args, nargs, kwnames, {"status"}, 0, 1, 1, a) && int_arg(a[0], status);
}

#define STATUS_FUNCTION(name, expr, make)                                               \
  Value name##_function(Value, const Value* args, size_t nargs, Value kwnames) {        \
    int status = 0;                                                                     \
    if (!status_arg(#name, args, nargs, kwnames, &status)) return Value();              \
    return make(expr);                                                                  \
  }
Value make_bool(bool b) { return new_ref(bool_value(b)); }
Value make_int(int i) { return int_from_int64(i); }
STATUS_FUNCTION(WIFEXITED, WIFEXITED(status), make_bool)
STATUS_FUNCTION(WEXITSTATUS, WEXITSTATUS(status), make_int)
STATUS_FUNCTION(WIFSIGNALED, WIFSIGNALED(status), make_bool)
STATUS_FUNCTION(WTERMSIG, WTERMSIG(status), make_int)
STATUS_FUNCTION(WIFSTOPPED, WIFSTOPPED(status), make_bool)
STATUS_FUNCTION(WSTOPSIG, WSTOPSIG(status), make_int)
STATUS_FUNCTION(WIFCONTINUED, WIFCONTINUED(status), make_bool)
STATUS_FUNCTION(WCOREDUMP, WCOREDUMP(status), make_bool)
#undef STATUS_FUNCTION

Value waitstatus_to_exitcode_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int status = 0;
  if (!status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status)) return Value();
  if (WIFEXITED(status)) return int_from_int64(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from_int64(-WTERMSIG(status));
  if (WIFSTOPPED(status))
    return raise_format(exc::ValueError, "process stopped by delivery of signal %i", WSTOPSIG(status));
  return raise_format(exc::ValueError, "invalid wait status: %i", status);
}

// --- system information ------------------------------------------------------------------------------

const StructSeqField kUnameFields[] = {
    {"sysname", "operating system name"},
    {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"},
    {"version", "operating system version"},
    {"machine", "hardware identifier"},
};
const StructSeqField kTimesFields[] = {
    {"user", "user time"},
    {"system", "system time"},
    {"children_user", "user time of children"},
    {"children_system", "system time of children"},
    {"elapsed", "elapsed time since an arbitrary point in the past"},
};
TypeObject* g_uname_result = nullptr;
TypeObject* g_times_result = nullptr;

Value uname_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.uname", nargs, kwnames)) return Value();
  struct utsname u;
  if (::uname(&u) != 0) return raise_errno(errno);
  Ref result = Ref::steal(structseq_new(g_uname_result));
  if (!result) return Value();
  const char* fields[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  for (size_t i = 0; i < 5; ++i) {
    Value s = fs_decode(fields[i]);
    if (!s) return Value();
    structseq_set(result.get(), i, s);
  }
  return result.release();
}

Value times_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.times", nargs, kwnames)) return Value();
  struct tms t;
  clock_t elapsed = ::times(&t);
  if (elapsed == static_cast<clock_t>(-1)) return raise_errno(errno);
  double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  Ref result = Ref::steal(structseq_new(g_times_result));
  if (!result) return Value();
  const double values[] = {static_cast<double>(t.tms_utime) / ticks, static_cast<double>(t.tms_stime) / ticks,
                           static_cast<double>(t.tms_cutime) / ticks, static_cast<double>(t.tms_cstime) / ticks,
                           static_cast<double>(elapsed) / ticks};
  for (size_t i = 0; i < 5; ++i) structseq_set(result.get(), i, float_from_double(values[i]));
  return result.release();
}

Value cpu_count_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.cpu_count", nargs, kwnames)) return Value();
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return new_ref(none());
  return int_from_int64(n);
}

Value getloadavg_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.getloadavg", nargs, kwnames)) return Value();
  double load[3];
  if (::getloadavg(load, 3) != 3) return raise(exc::OSError, "Load averages are unobtainable");
  return tuple_pack({float_from_double(load[0]), float_from_double(load[1]), float_from_double(load[2])});
}

Value urandom_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("urandom", nargs, kwnames, 1, 1)) return Value();
  Ref index = Ref::steal(number_index(args[0]));
  if (!index) return Value();
  int64_t size = 0;
  if (!int_to_int64(index.get(), &size))
    return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  if (size < 0) return raise(exc::ValueError, "negative argument not allowed");
  Ref result = Ref::steal(bytes_new(static_cast<size_t>(size)));
  if (!result) return Value();
  char* data = bytes_mutable_data(result.get());
  size_t done = 0;
  while (done < static_cast<size_t>(size)) {
    ssize_t n = ::getrandom(data + done, static_cast<size_t>(size) - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return raise_errno(errno);
    }
    done += static_cast<size_t>(n);
  }
  return result.release();
}

Value strerror_function(Value, const Value* args, size_t nargs, Value kwnames) {
  int code = 0;
  if (!check_positional("strerror", nargs, kwnames, 1, 1) || !int_arg(args[0], &code)) return Value();
  return str_from_utf8(std::strerror(code));
}

Value sched_yield_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("posix.sched_yield", nargs, kwnames)) return Value();
  ::sched_yield();
  return new_ref(none());
}

#define F(name, fn) {name, reinterpret_cast<void*>(fn), MethodKind::FastKeywords}
const MethodDef kProcessFunctions[] = {
    F("getpid", getpid_function),
    F("getppid", getppid_function),
    F("getuid", getuid_function),
    F("geteuid", geteuid_function),
    F("getgid", getgid_function),
    F("getegid", getegid_function),
    F("getpgrp", getpgrp_function),
    F("getgroups", getgroups_function),
    F("setuid", setuid_function),
    F("seteuid", seteuid_function),
    F("setgid", setgid_function),
    F("setegid", setegid_function),
    F("getresuid", getresuid_function),
    F("getresgid", getresgid_function),
    F("nice", nice_function),
    F("getpriority", getpriority_function),
    F("setpriority", setpriority_function),
    F("getrandom", getrandom_function),
    F("getlogin", getlogin_function),
    F("setsid", setsid_function),
    F("kill", kill_function),
    F("putenv", putenv_function),
    F("unsetenv", unsetenv_function),
    F("_exit", exit_function),
    F("abort", abort_function),
    F("fork", fork_function),
    F("register_at_fork", register_at_fork_function),
    F("execv", execv_function),
    F("execve", execve_function),
    F("waitpid", waitpid_function),
    F("wait", wait_function),
    F("system", system_function),
    F("WIFEXITED", WIFEXITED_function),
    F("WEXITSTATUS", WEXITSTATUS_function),
    F("WIFSIGNALED", WIFSIGNALED_function),
    F("WTERMSIG", WTERMSIG_function),
    F("WIFSTOPPED", WIFSTOPPED_function),
    F("WSTOPSIG", WSTOPSIG_function),
    F("WIFCONTINUED", WIFCONTINUED_function),
    F("WCOREDUMP", WCOREDUMP_function),
    F("waitstatus_to_exitcode", waitstatus_to_exitcode_function),
    F("uname", uname_function),
    F("times", times_function),
    F("cpu_count", cpu_count_function),
    F("getloadavg", getloadavg_function),
    F("urandom", urandom_function),
    F("strerror", strerror_function),
    F("sched_yield", sched_yield_function),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

int add_process_functions(Value module) {
  if (!g_uname_result) {
    g_uname_result = structseq_new_type(StructSeqDesc{
        "posix.uname_result",
        "uname_result: Result from os.uname().\n\nThis object may be accessed either as a tuple of\n"
        "  (sysname, nodename, release, version, machine),\nor via the attributes sysname, nodename, "
        "release, version, and machine.\n\nSee os.uname for more information.",
        kUnameFields, 5, 5});
    g_times_result = structseq_new_type(StructSeqDesc{
        "posix.times_result",
        "times_result: Result from os.times().\n\nThis object may be accessed either as a tuple of\n"
        "  (user, system, children_user, children_system, elapsed),\nor via the attributes user, system, "
        "children_user, children_system,\nand elapsed.\n\nSee os.times for more information.",
        kTimesFields, 5, 5});
    if (!g_uname_result || !g_times_result) return -1;
  }
  if (module_add_functions(module, kProcessFunctions) < 0) return -1;
  Ref env = Ref::steal(make_environ());
  if (!env) return -1;
  if (module_add(module, "environ", env.get()) < 0 ||
      module_add(module, "uname_result", Value::object(g_uname_result)) < 0 ||
      module_add(module, "times_result", Value::object(g_times_result)) < 0)
    return -1;
  return 0;
}

}  // namespace krait::modules::posix

// The `_signal` module (under signal.py): signal numbers, SIG_DFL/SIG_IGN dispositions through
// sigaction, masks, alarm, raise_signal, strsignal, set_wakeup_fd.
//
// Not implemented yet: Python-level handlers. The VM has no point where it would run a handler
// between instructions, so signal.signal(n, callable) raises NotImplementedError instead of
// installing a handler that never runs; for the same reason krait does not install
// default_int_handler for SIGINT at start-up (getsignal(SIGINT) is SIG_DFL, and Ctrl-C ends the
// process). setitimer/getitimer, sigwait* and pidfd_send_signal are absent.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "modules/modules.h"
#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/set.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

constexpr int kDefault = 0;  // SIG_DFL as signal.py sees it
constexpr int kIgnore = 1;   // SIG_IGN

// The Python-level view of each signal's disposition (CPython's Handlers[n].func): the object last
// given to signal(), or what sigaction reported at start (0, 1, or None for a foreign handler).
Value handlers[NSIG];
int wakeup_fd = -1;

// A signal number argument: __index__, then 1 <= n < NSIG.
bool signum_arg(Value v, int* out) {
  if (!posix::int_arg(v, out)) return false;
  if (*out < 1 || *out >= NSIG) {
    raise(exc::ValueError, "signal number out of range");
    return false;
  }
  return true;
}

Value initial_handler(int signum) {
  struct sigaction current;
  if (sigaction(signum, nullptr, &current) < 0) return new_ref(none());
  if (current.sa_handler == SIG_DFL) return int_from_int64(kDefault);
  if (current.sa_handler == SIG_IGN) return int_from_int64(kIgnore);
  return new_ref(none());
}

void init_handlers() {
  static bool done = false;
  if (done) return;
  for (int n = 1; n < NSIG; ++n) {
    handlers[n] = initial_handler(n);
    declare_static_root(&handlers[n]);
  }
  done = true;
}

// CPython's compare_handler: an exact int equal to SIG_DFL / SIG_IGN.
bool is_disposition(Value handler, int which) {
  int64_t n;
  return is_int_exact(handler) && int_to_int64(handler, &n) && n == which;
}

Value signal_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("signal", nargs, Value(), 2, 2)) return Value();
  int signum;
  if (!signum_arg(args[0], &signum)) return Value();
  Value handler = args[1];
  void (*action)(int);
  if (is_disposition(handler, kIgnore)) {
    action = SIG_IGN;
  } else if (is_disposition(handler, kDefault)) {
    action = SIG_DFL;
  } else if (type_of(handler)->call == nullptr) {
    return raise(exc::TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  } else {
    return raise(exc::NotImplementedError,
                 "not implemented: Python signal handlers (krait's VM does not deliver signals yet)");
  }
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = action;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_ONSTACK;
  if (sigaction(signum, &sa, nullptr) < 0) return posix::raise_errno(errno);
  Value old = handlers[signum];
  handlers[signum] = new_ref(handler);
  return old ? old : new_ref(none());
}

Value getsignal_function(Value, Value arg) {
  int signum;
  if (!signum_arg(arg, &signum)) return Value();
  Value h = handlers[signum];
  return new_ref(h ? h : none());
}

Value default_int_handler(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "default_int_handler expected 2 arguments, got %zu", nargs);
  set_exception(Value::object(exc::KeyboardInterrupt));  // no arguments, as PyErr_SetNone
  return Value();
}

Value strsignal_function(Value, Value arg) {
  int signum;
  if (!signum_arg(arg, &signum)) return Value();
  const char* text = strsignal(signum);
  if (!text || std::strstr(text, "Unknown signal") != nullptr) return new_ref(none());
  return str_from_utf8(text);
}

Value sigset_to_set(const sigset_t& mask) {
  Ref result = Ref::steal(set_new());
  if (!result) return Value();
  for (int n = 1; n < NSIG; ++n) {
    if (sigismember(&mask, n) != 1) continue;
    Ref number = Ref::steal(int_from_int64(n));
    if (set_add(result.get(), number.get()) < 0) return Value();
  }
  return result.release();
}

// An iterable of signal numbers as a sigset_t ("signal number 0 out of range [1; 64]").
bool iterable_to_sigset(Value iterable, sigset_t* mask) {
  sigemptyset(mask);
  Ref iterator = Ref::steal(get_iter(iterable));
  if (!iterator) return false;
  while (Ref item = Ref::steal(iter_next(iterator.get()))) {
    int n;
    if (!posix::int_arg(item.get(), &n)) return false;
    if (n < 1 || n >= NSIG) {
      raise_format(exc::ValueError, "signal number %d out of range [1; %d]", n, NSIG - 1);
      return false;
    }
    sigaddset(mask, n);
  }
  return !error_occurred();
}

Value valid_signals_function(Value) {
  sigset_t mask;
  sigfillset(&mask);
  return sigset_to_set(mask);
}

Value pthread_sigmask_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("pthread_sigmask", nargs, Value(), 2, 2)) return Value();
  int how;
  sigset_t mask, previous;
  if (!posix::int_arg(args[0], &how) || !iterable_to_sigset(args[1], &mask)) return Value();
  int err = pthread_sigmask(how, &mask, &previous);
  if (err) return posix::raise_errno(err);
  return sigset_to_set(previous);
}

Value sigpending_function(Value) {
  sigset_t mask;
  if (sigpending(&mask) < 0) return posix::raise_errno(errno);
  return sigset_to_set(mask);
}

Value raise_signal_function(Value, Value arg) {
  int signum;
  if (!signum_arg(arg, &signum)) return Value();
  if (::raise(signum) != 0) return posix::raise_errno(errno);
  return new_ref(none());
}

Value pthread_kill_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("pthread_kill", nargs, Value(), 2, 2)) return Value();
  int64_t thread;
  int signum;
  if (!posix::int64_arg(args[0], &thread) || !posix::int_arg(args[1], &signum)) return Value();
  int err = pthread_kill(pthread_t(thread), signum);
  if (err) return posix::raise_errno(err);
  return new_ref(none());
}

Value alarm_function(Value, Value arg) {
  int seconds;
  if (!posix::int_arg(arg, &seconds)) return Value();
  return int_from_int64(alarm(unsigned(seconds)));
}

Value pause_function(Value) {
  pause();
  return new_ref(none());
}

Value siginterrupt_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("siginterrupt", nargs, Value(), 2, 2)) return Value();
  int signum, flag;
  if (!signum_arg(args[0], &signum) || !posix::int_arg(args[1], &flag)) return Value();
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) < 0) return posix::raise_errno(errno);
  if (flag) sa.sa_flags &= ~SA_RESTART;
  else sa.sa_flags |= SA_RESTART;
  if (sigaction(signum, &sa, nullptr) < 0) return posix::raise_errno(errno);
  return new_ref(none());
}

// set_wakeup_fd(fd, /, *, warn_on_full_buffer=True): the fd CPython's C handler writes to. With no
// Python handlers installed, nothing writes to it yet; the checks and the old value are CPython's.
Value set_wakeup_fd_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!posix::parse_clinic("set_wakeup_fd", args, nargs, kwnames, {"", "warn_on_full_buffer"}, 1, 1, 1, a))
    return Value();
  int fd;
  if (!posix::int_arg(a[0], &fd)) return Value();
  if (fd != -1) {
    struct stat st;
    if (fstat(fd, &st) != 0) return posix::raise_errno(errno);
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return posix::raise_errno(errno);
    if (!(flags & O_NONBLOCK)) return raise_format(exc::ValueError, "the fd %d must be in non-blocking mode", fd);
  }
  int old = wakeup_fd;
  wakeup_fd = fd;
  return int_from_int64(old);
}

#define F(name, fn, kind) {name, reinterpret_cast<void*>(fn), MethodKind::kind}
const MethodDef signal_functions[] = {
    F("signal", signal_function, Fast),
    F("getsignal", getsignal_function, OneArg),
    F("default_int_handler", default_int_handler, Fast),
    F("strsignal", strsignal_function, OneArg),
    F("valid_signals", valid_signals_function, NoArgs),
    F("pthread_sigmask", pthread_sigmask_function, Fast),
    F("sigpending", sigpending_function, NoArgs),
    F("raise_signal", raise_signal_function, OneArg),
    F("pthread_kill", pthread_kill_function, Fast),
    F("alarm", alarm_function, OneArg),
    F("pause", pause_function, NoArgs),
    F("siginterrupt", siginterrupt_function, Fast),
    F("set_wakeup_fd", set_wakeup_fd_function, FastKeywords),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

struct IntConstant {
  const char* name;
  long value;
};

const IntConstant signal_constants[] = {
    {"SIG_DFL", kDefault}, {"SIG_IGN", kIgnore}, {"NSIG", NSIG},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP},
    {"SIGIOT", SIGIOT}, {"SIGABRT", SIGABRT}, {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGBUS", SIGBUS},
    {"SIGSEGV", SIGSEGV}, {"SIGSYS", SIGSYS}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGCLD", SIGCHLD}, {"SIGCHLD", SIGCHLD}, {"SIGPWR", SIGPWR},
    {"SIGIO", SIGIO}, {"SIGURG", SIGURG}, {"SIGWINCH", SIGWINCH}, {"SIGPOLL", SIGPOLL}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGCONT", SIGCONT}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGSTKFLT", SIGSTKFLT},
};

}  // namespace

Value create_signal_module() {
  init_handlers();
  Ref module = Ref::steal(module_new("_signal"));
  if (!module) return Value();
  if (module_add_functions(module.get(), signal_functions) < 0) return Value();
  for (const IntConstant& c : signal_constants) {
    Ref value = Ref::steal(int_from_int64(c.value));
    if (!value || module_add(module.get(), c.name, value.get()) < 0) return Value();
  }
  Ref rtmin = Ref::steal(int_from_int64(SIGRTMIN));
  Ref rtmax = Ref::steal(int_from_int64(SIGRTMAX));
  if (module_add(module.get(), "SIGRTMIN", rtmin.get()) < 0 || module_add(module.get(), "SIGRTMAX", rtmax.get()) < 0)
    return Value();
  return module.release();
}

}  // namespace krait::modules

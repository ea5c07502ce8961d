# _signal under signal.py: numbers and enums, SIG_DFL/SIG_IGN dispositions, masks, pending
# signals, strsignal, errors. (Python-level handlers are not used here.)
import os
import signal


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, repr(fn(*args, **kwargs)))
    except BaseException as e:
        print(label, type(e).__name__, e)


# (values through int(): str() of an IntEnum member is krait's slot bug, see the report)
print([int(s) for s in (signal.SIGTERM, signal.SIGUSR1, signal.SIGKILL, signal.SIGRTMIN, signal.SIGRTMAX)], signal.NSIG)
print(repr(signal.Signals.SIGTERM), repr(signal.Handlers.SIG_IGN), repr(signal.Sigmasks.SIG_BLOCK))
print(signal.Signals(15).name, signal.SIGCHLD is signal.Signals.SIGCHLD, signal.SIGCLD == signal.SIGCHLD)
print(len(signal.valid_signals()), signal.SIGKILL in signal.valid_signals(), 32 in signal.valid_signals())
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGSEGV))
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGUSR1)))

old = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
print("old:", repr(old), "now:", repr(signal.getsignal(signal.SIGUSR1)))
signal.raise_signal(signal.SIGUSR1)  # ignored
os.kill(os.getpid(), signal.SIGUSR1)
print("still alive")

# A blocked signal stays pending until unblocked (it is ignored, so unblocking discards it).
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]))
signal.raise_signal(signal.SIGUSR2)
print(signal.sigpending())
signal.signal(signal.SIGUSR2, signal.SIG_IGN)  # discards the pending one
print(signal.sigpending())
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.sigpending())
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)), repr(signal.getsignal(signal.SIGUSR1)))

attempt("range 0", signal.getsignal, 0)
attempt("range NSIG", signal.getsignal, signal.NSIG)
attempt("range signal", signal.signal, 100, signal.SIG_DFL)
attempt("SIGKILL", signal.signal, signal.SIGKILL, signal.SIG_IGN)
attempt("bad handler", signal.signal, signal.SIGUSR1, 5)
attempt("bad handler str", signal.signal, signal.SIGUSR1, "x")
attempt("str signum", signal.getsignal, "x")
attempt("strsignal range", signal.strsignal, 0)
attempt("default_int_handler", signal.default_int_handler, 2, None)
attempt("default_int_handler args", signal.default_int_handler)
attempt("mask how", signal.pthread_sigmask, 5, [])
attempt("mask signal", signal.pthread_sigmask, signal.SIG_BLOCK, [0])
attempt("wakeup -1", signal.set_wakeup_fd, -1)
attempt("wakeup bad fd", signal.set_wakeup_fd, 999)
r, w = os.pipe()
attempt("wakeup blocking", signal.set_wakeup_fd, w)
os.set_blocking(w, False)
attempt("wakeup", signal.set_wakeup_fd, w)
attempt("wakeup back", signal.set_wakeup_fd, -1)
os.close(r)
os.close(w)
attempt("alarm", signal.alarm, 0)
print(int(signal.SIG_DFL), int(signal.SIG_IGN), type(signal.SIG_DFL).__name__)

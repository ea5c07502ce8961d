# posix: environ, ids, constants, process helpers, structseq results of uname/times.
import posix

env = posix.environ
print(type(env), all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print(env[b'PYTHONHASHSEED'], env.get(b'LC_ALL'))
posix.putenv('KRAIT_POSIX_TEST', 'value')
posix.unsetenv('KRAIT_POSIX_TEST')
print(b'KRAIT_POSIX_TEST' in posix.environ)
for name in ('getpid', 'getppid', 'getuid', 'geteuid', 'getgid', 'getegid', 'getpgrp'):
    print(name, type(getattr(posix, name)()))
print(type(posix.cpu_count()), posix.cpu_count() >= 1)
u = posix.uname()
print(type(u).__name__, u.sysname, len(u), type(u.release), u[0] == u.sysname)
print(posix.uname_result.n_fields, posix.uname_result.__match_args__)
t = posix.times()
print(type(t).__name__, len(t), all(type(x) is float for x in t), t.elapsed == t[4])
print(posix.strerror(2), posix.strerror(13), posix.strerror(99999))
r = posix.urandom(16)
print(type(r), len(r), posix.urandom(0))
print(posix.fspath('a'), posix.fspath(b'b'))
print(type(posix.getcwd()), type(posix.getcwdb()), posix.getcwd().encode() == posix.getcwdb())
print(posix.error is OSError)
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK)
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL, posix.O_TRUNC, posix.O_APPEND,
      posix.O_CLOEXEC, posix.O_NONBLOCK, posix.O_DIRECTORY, posix.O_NOFOLLOW)
print(posix.WNOHANG, posix.EX_OK, posix.SEEK_DATA, posix.SEEK_HOLE)
print(posix.WIFEXITED(0), posix.WEXITSTATUS(256), posix.WIFSIGNALED(9), posix.WTERMSIG(9),
      posix.WIFSTOPPED(0x137f), posix.WSTOPSIG(0x137f), posix.WCOREDUMP(0x80 | 6))
print(posix.waitstatus_to_exitcode(256 * 3), posix.waitstatus_to_exitcode(9))
print(sorted(set(posix._have_functions) & {'HAVE_FSTATAT', 'HAVE_OPENAT', 'HAVE_FDOPENDIR', 'HAVE_UNLINKAT'}))
old = posix.umask(0o22)
print(posix.umask(old))
r, w = posix.pipe()
print(posix.write(w, b'abc'), posix.read(r, 10), posix.get_inheritable(r))
posix.set_inheritable(r, True)
print(posix.get_inheritable(r))
posix.set_blocking(r, False)
print(posix.get_blocking(r))
try:
    posix.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
posix.close(r)
posix.close(w)
try:
    posix.get_terminal_size(r)
except OSError as e:
    print(type(e).__name__, e.errno)
pid = posix.fork()
if pid == 0:
    posix._exit(7)
p, status = posix.waitpid(pid, 0)
print(p == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.waitstatus_to_exitcode(status))
print(posix.system('exit 3') >> 8)
print(sorted(n for n in dir(posix) if n in ('stat', 'scandir', 'DirEntry', 'stat_result', 'terminal_size', 'environ')))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: posix.register_at_fork())
attempt(lambda: posix.register_at_fork(1))
attempt(lambda: posix.register_at_fork(before=1))
attempt(lambda: posix.register_at_fork(after_in_child=None))
attempt(lambda: posix.register_at_fork(x=print))
order = []
posix.register_at_fork(before=lambda: order.append('before1'), after_in_parent=lambda: order.append('parent1'))
posix.register_at_fork(before=lambda: order.append('before2'), after_in_parent=lambda: order.append('parent2'),
                       after_in_child=lambda: posix._exit(5))
pid = posix.fork()
if pid == 0:
    posix._exit(9)
print(order, posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
print(posix.pathconf('/', 'PC_NAME_MAX'), posix.fpathconf(0, 'PC_PIPE_BUF') > 0, posix.sysconf('SC_CLK_TCK'))
print(len(posix.pathconf_names), len(posix.sysconf_names), len(posix.confstr_names))
print(list(posix.pathconf_names.items()))
print(posix.sysconf_names['SC_PAGESIZE'], posix.confstr('CS_PATH'), posix.sysconf(posix.sysconf_names['SC_OPEN_MAX']) > 0)
attempt(lambda: posix.pathconf('/', 'PC_X'))
attempt(lambda: posix.pathconf('/', 1.5))
attempt(lambda: posix.pathconf('/', 10**30))
attempt(lambda: posix.sysconf('SC_X'))
attempt(lambda: posix.sysconf(-5))
attempt(lambda: posix.pathconf('/nonexistent', 'PC_NAME_MAX'))
attempt(lambda: posix.execve(3.5, ['x'], {}))
print(posix.getresuid() == (posix.getuid(), posix.geteuid(), posix.getresuid()[2]), len(posix.getresgid()))
print(posix.nice(0) == posix.getpriority(posix.PRIO_PROCESS, 0), posix.setpriority(posix.PRIO_PROCESS, 0, posix.getpriority(posix.PRIO_PROCESS, 0)))
r, w = posix.pipe2(posix.O_CLOEXEC)
print(posix.get_inheritable(r))
posix.close(r)
posix.close(w)
print(len(posix.getrandom(5)), type(posix.getrandom(3, flags=posix.GRND_NONBLOCK)), posix.getrandom(0))
leader, follower = posix.openpty()
print(posix.isatty(follower), posix.get_terminal_size(follower).__class__.__name__, posix.ttyname(follower).startswith('/dev/pts/'))
posix.close(leader)
posix.close(follower)
posix.setuid(posix.getuid())
attempt(lambda: posix.getrandom(-1))
attempt(lambda: posix.setuid(-2))
attempt(lambda: posix.setuid(2**40))
attempt(lambda: posix.setuid(2**70))
attempt(lambda: posix.setuid(-2**70))
attempt(lambda: posix.setgid(2**40))
attempt(lambda: posix.setuid('x'))
attempt(lambda: posix.setuid(1.5))
attempt(lambda: posix.chown('/nonexistent', 2**40, 0))
attempt(lambda: posix.chown('/nonexistent', 0, 'g'))

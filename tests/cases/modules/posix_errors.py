# posix argument errors: CPython's Argument Clinic messages, path and fd conversion.
import posix


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class P:
    def __fspath__(self):
        return 3


class I:
    def __index__(self):
        return 1


attempt(lambda: posix.stat())
attempt(lambda: posix.stat('a', 'b'))
attempt(lambda: posix.stat('a', foo=1))
attempt(lambda: posix.stat('a', path='c'))
attempt(lambda: posix.stat('a', 'b', path='c'))
attempt(lambda: posix.stat(3.5))
attempt(lambda: posix.stat(None))
attempt(lambda: posix.stat('a\0b'))
attempt(lambda: posix.stat(b'a\0b'))
attempt(lambda: posix.stat(P()))
attempt(lambda: posix.stat(2**70))
attempt(lambda: posix.stat(-2**70))
attempt(lambda: posix.stat('.', dir_fd='x'))
attempt(lambda: posix.stat('.', dir_fd=1.5))
attempt(lambda: posix.stat('.', dir_fd=2**40))
attempt(lambda: posix.lstat('a', follow_symlinks=True))
attempt(lambda: posix.listdir(3.5))
attempt(lambda: posix.scandir(3.5))
attempt(lambda: posix.mkdir(3.5))
attempt(lambda: posix.mkdir())
attempt(lambda: posix.open())
attempt(lambda: posix.open('a'))
attempt(lambda: posix.open('a', 1, 2, 3))
attempt(lambda: posix.open(path='a'))
attempt(lambda: posix.open('a', 'r'))
attempt(lambda: posix.close())
attempt(lambda: posix.close(1, 2))
attempt(lambda: posix.close('x'))
attempt(lambda: posix.close(2**40))
attempt(lambda: posix.read(1))
attempt(lambda: posix.read(0, -1))
attempt(lambda: posix.read(0, 2**70))
attempt(lambda: posix.read(fd=0, length=1))
attempt(lambda: posix.write(1, 'x'))
attempt(lambda: posix.getcwd(1))
attempt(lambda: posix.getpid(1))
attempt(lambda: posix.umask())
attempt(lambda: posix.umask(2**40))
attempt(lambda: posix.fspath(3))
attempt(lambda: posix.fspath(P()))
attempt(lambda: posix.fspath())
attempt(lambda: posix.urandom(-1))
attempt(lambda: posix.urandom(3.0))
attempt(lambda: posix.strerror('x'))
attempt(lambda: posix.access('a'))
attempt(lambda: posix.rename('a'))
attempt(lambda: posix.rename('a', b'b'))
attempt(lambda: posix.utime('a', (1,)))
attempt(lambda: posix.utime('a', (1, 2), ns=(1, 2)))
attempt(lambda: posix.utime('a', ns=5))
attempt(lambda: posix.putenv('', 'x'))
attempt(lambda: posix.putenv('A=B', 'x'))
attempt(lambda: posix.putenv('A', 'x\0'))
attempt(lambda: posix.WIFEXITED())
attempt(lambda: posix.waitstatus_to_exitcode(0x7f))
attempt(lambda: posix.get_terminal_size(1, 2))
attempt(lambda: posix.DirEntry())
attempt(lambda: posix.execv('/bin/true', []))
attempt(lambda: posix.execv('/bin/true', 'x'))
attempt(lambda: posix.execv('/bin/true', ['']))
attempt(lambda: type(posix.stat(I())).__name__)
attempt(lambda: posix.unsetenv(''))
attempt(lambda: posix.putenv(1, 'x'))
attempt(lambda: posix.putenv('a', 1))
attempt(lambda: posix.kill(a=1))
attempt(lambda: posix.strerror())
attempt(lambda: posix.isatty())
attempt(lambda: posix.dup(fd=1))
attempt(lambda: posix.closerange(1))
attempt(lambda: posix.waitstatus_to_exitcode(0xffff))
attempt(lambda: posix.WEXITSTATUS(status=256))
for f in (lambda: posix.utime('/nonexistent/x'), lambda: posix.chmod('/nonexistent/x', 0),
          lambda: posix.chown('/nonexistent/x', 0, 0), lambda: posix.lchown('/nonexistent/x', 0, 0),
          lambda: posix.truncate('/nonexistent/x', 0), lambda: posix.chdir('/nonexistent/x'),
          lambda: posix.link('/nonexistent/x', 'b'), lambda: posix.statvfs('/nonexistent/x'),
          lambda: posix.mknod('/tmp'), lambda: posix.chmod(999, 0), lambda: posix.utime(999),
          lambda: posix.chdir(999), lambda: posix.truncate(999, 0), lambda: posix.statvfs(999),
          lambda: posix.listdir(999), lambda: posix.scandir(999), lambda: posix.fchdir(999),
          lambda: posix.fsync(999), lambda: posix.mkfifo('/tmp')):
    attempt(f)

# posix file and directory operations in a private temporary directory.
import posix

base = '/tmp/krait_posix_files_%d' % posix.getpid()


def clean(text):
    return str(text).replace(base, 'BASE')


def attempt(f):
    try:
        r = f()
        print(clean(repr(r)))
    except Exception as e:
        print(type(e).__name__, clean(e), clean(repr(e.args)), clean(repr(getattr(e, 'filename', None))),
              getattr(e, 'errno', None))


posix.mkdir(base, 0o755)
try:
    f = base + '/a.txt'
    fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(type(fd), posix.write(fd, b'hello world\n'), posix.write(fd, b'xyz'))
    posix.close(fd)
    st = posix.stat(f)
    print(st.st_size, st.st_mode & 0o170000 == 0o100000, st.st_mode & 0o777, st.st_nlink)
    print(type(st.st_atime), type(st.st_mtime_ns), st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8])
    print(posix.fstat(posix.open(f, posix.O_RDONLY)).st_size)
    fd = posix.open(f, posix.O_RDONLY)
    print(posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 10))
    print(posix.lseek(fd, 6, 0), posix.read(fd, 5))
    print(posix.isatty(fd), posix.device_encoding(fd), posix.get_inheritable(fd), posix.get_blocking(fd))
    posix.close(fd)
    posix.mkdir(base + '/sub')
    posix.mkdir(base + '/sub/deeper')
    open_fd = posix.open(base + '/sub/b.bin', posix.O_CREAT | posix.O_WRONLY)
    posix.close(open_fd)
    print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
    print(sorted(posix.listdir(base + '/sub')))
    dfd = posix.open(base, posix.O_RDONLY)
    print(sorted(posix.listdir(dfd)), posix.stat('a.txt', dir_fd=dfd).st_size)
    posix.close(dfd)
    posix.symlink('a.txt', base + '/link')
    print(posix.readlink(base + '/link'), posix.readlink((base + '/link').encode()))
    print(posix.lstat(base + '/link').st_mode & 0o170000 == 0o120000, posix.stat(base + '/link').st_size)
    print(posix.stat(base + '/link', follow_symlinks=False).st_mode & 0o170000 == 0o120000)
    print(posix.access(f, posix.R_OK), posix.access(base + '/nope', posix.F_OK))
    posix.chmod(f, 0o600)
    print(oct(posix.stat(f).st_mode & 0o777))
    posix.utime(f, (1000000000, 1200000000.5))
    st = posix.stat(f)
    print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns, st[7], st[8])
    posix.utime(f, ns=(5 * 10**9 + 1, 6 * 10**9 + 999))
    st = posix.stat(f)
    print(st.st_atime_ns, st.st_mtime_ns)
    entries = sorted(posix.scandir(base), key=lambda e: e.name)
    for e in entries:
        print(repr(e), clean(e.path), e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False),
              e.is_file(follow_symlinks=False), e.stat().st_size if e.is_file() else '-',
              e.inode() == posix.lstat(e.path).st_ino, clean(posix.fspath(e)))
    with posix.scandir(base.encode()) as it:
        print(sorted((e.name, clean(e.path.decode())) for e in it))
    it = posix.scandir(base)
    it.close()
    print(list(it))
    posix.rename(f, base + '/c.txt')
    posix.replace(base + '/c.txt', base + '/d.txt')
    print(sorted(posix.listdir(base)))
    attempt(lambda: posix.rename(base + '/nope', base + '/x'))
    attempt(lambda: posix.stat(base + '/nope'))
    attempt(lambda: posix.stat((base + '/nope').encode()))
    attempt(lambda: posix.open(base + '/nope', posix.O_RDONLY))
    attempt(lambda: posix.mkdir(base))
    attempt(lambda: posix.rmdir(base + '/sub'))
    attempt(lambda: posix.unlink(base + '/sub'))
    attempt(lambda: posix.listdir(base + '/d.txt'))
    attempt(lambda: posix.scandir(base + '/nope'))
    attempt(lambda: posix.readlink(base + '/d.txt'))
    attempt(lambda: posix.open(base + '/sub', posix.O_WRONLY))
    attempt(lambda: posix.close(9999))
    attempt(lambda: posix.read(9999, 1))
    attempt(lambda: posix.fstat(9999))
    attempt(lambda: posix.stat(9999))
    attempt(lambda: posix.symlink('x', base + '/link'))
    attempt(lambda: posix.rename(base + '/d.txt', (base + '/e.txt').encode()))

    class P:
        def __init__(self, p):
            self.p = p

        def __fspath__(self):
            return self.p

    print(posix.stat(P(base + '/e.txt')).st_size, posix.fspath(P('x')), posix.fspath(P(b'y')))
    attempt(lambda: posix.stat(P(base + '/zzz')))
finally:
    for name in ('d.txt', 'e.txt', 'link', 'sub/b.bin', 'a.txt'):
        try:
            posix.unlink(base + '/' + name)
        except OSError:
            pass
    for name in ('/sub/deeper', '/sub', ''):
        try:
            posix.rmdir(base + name)
        except OSError:
            pass
print(posix.access(base, posix.F_OK))

# posix: statvfs, device numbers, fifos, positioned I/O, sendfile.
import posix

base = '/tmp/krait_posix_extra_%d' % posix.getpid()


def attempt(f):
    try:
        print(repr(f()).replace(base, 'BASE'))
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, 'BASE'))


posix.mkdir(base)
try:
    sv = posix.statvfs(base)
    print(type(sv).__name__, len(sv), sv.f_bsize > 0, type(sv.f_fsid), posix.statvfs_result.n_fields)
    print(posix.statvfs_result.__match_args__)
    print(type(posix.fstatvfs(posix.open(base, posix.O_RDONLY))).__name__)
    print(posix.major(posix.makedev(8, 17)), posix.minor(posix.makedev(8, 17)), posix.makedev(1, 2))
    attempt(lambda: posix.major(2**70))
    attempt(lambda: posix.major(-1))
    posix.mkfifo(base + '/fifo', 0o600)
    print(posix.stat(base + '/fifo').st_mode & 0o170000 == 0o010000)
    attempt(lambda: posix.mkfifo(base + '/fifo'))
    fd = posix.open(base + '/data', posix.O_RDWR | posix.O_CREAT, 0o600)
    print(posix.pwrite(fd, b'0123456789', 0), posix.pwrite(fd, b'ab', 3), posix.pread(fd, 4, 2), posix.pread(fd, 5, 8))
    out = posix.open(base + '/copy', posix.O_WRONLY | posix.O_CREAT, 0o600)
    print(posix.sendfile(out, fd, 0, 100), posix.sendfile(out, fd, 2, 3))
    posix.close(out)
    posix.close(fd)
    fd = posix.open(base + '/copy', posix.O_RDONLY)
    print(posix.read(fd, 100))
    posix.close(fd)
    attempt(lambda: posix.ttyname(fd))
    print(posix.getsid(0) == posix.getsid(posix.getpid()), posix.getpgid(0) == posix.getpgrp())
finally:
    for name in ('fifo', 'data', 'copy'):
        try:
            posix.unlink(base + '/' + name)
        except OSError:
            pass
    posix.rmdir(base)

# os.py over krait's posix: the import, supports_* sets, environ, walk/fwalk, scandir, renames.
import os
import stat

print(os.name, os.sep, os.curdir, os.devnull, os.linesep == '\n')
print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_effective_ids))
print(os.environ['LC_ALL'], os.environb[b'LC_ALL'], os.getenv('NOPE', 'default'))
os.environ['KRAIT_OS_TEST'] = 'v'
print(os.environ.get('KRAIT_OS_TEST'), 'KRAIT_OS_TEST' in os.environ)
del os.environ['KRAIT_OS_TEST']
print(os.environ.get('KRAIT_OS_TEST'))
print(os.fsencode('é'), os.fsdecode(b'\xc3\xa9'), os.fspath('x'))

base = '/tmp/krait_posix_os_%d' % os.getpid()
os.makedirs(base + '/a/b', exist_ok=True)
os.makedirs(base + '/c')
fd = os.open(base + '/a/f.txt', os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b'data')
os.close(fd)
os.symlink('a', base + '/lnk')
try:
    for top, dirs, files in sorted(os.walk(base)):
        print(top.replace(base, 'BASE'), sorted(dirs), sorted(files))
    for top, dirs, files, dfd in sorted(os.fwalk(base)):
        print(top.replace(base, 'BASE'), sorted(dirs), sorted(files), type(dfd).__name__)
    print(os.path.islink(base + '/lnk'), os.path.realpath(base + '/lnk').replace(base, 'BASE'),
          os.path.getsize(base + '/a/f.txt'), os.path.samefile(base + '/lnk/f.txt', base + '/a/f.txt'))
    print(stat.S_ISDIR(os.stat(base).st_mode), stat.filemode(os.lstat(base + '/lnk').st_mode)[0])
    os.renames(base + '/a/f.txt', base + '/z/y/f.txt')
    print(sorted(os.listdir(base)), sorted(e.name for e in os.scandir(base) if e.is_dir()))
    try:
        os.makedirs(base + '/c')
    except FileExistsError as e:
        print('FileExistsError', str(e).replace(base, 'BASE'))
finally:
    def remove(path):
        for entry in os.scandir(path):
            if entry.is_dir(follow_symlinks=False):
                remove(entry.path)
            else:
                os.unlink(entry.path)
        os.rmdir(path)
    remove(base)
print(os.path.exists(base))

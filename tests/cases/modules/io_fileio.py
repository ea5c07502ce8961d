# _io.FileIO and open_code: raw reads and writes on a temporary file, reprs, errors.
import _io
try:
    import posix
    PATH = "/tmp/krait_io_fileio_%d.bin" % posix.getpid()
except ImportError:
    posix = None
    PATH = "/tmp/krait_io_fileio.bin"


def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, str(e).replace(PATH, "PATH"))


f = _io.FileIO(PATH, "w")
print(repr(f).replace(PATH, "PATH"), f.mode, f.closefd, f.closed, f.readable(), f.writable())
print(f.write(b"hello\nworld\n"), f.write(b"xyz"), f.tell())
attempt(f.read)
f.close()
print(f.closed, repr(f))
f.close()
attempt(f.fileno)
attempt(lambda: f.write(b"x"))
attempt(f.readable)
attempt(f.tell)

with _io.FileIO(PATH) as f:
    print(f.mode, f.seekable(), f.isatty())
    print(f.read(3), f.tell(), f.readline(), f.read(), f.read())
    print(f.seek(0), f.readall())
    print(f.seek(-3, 2), f.read(10))
    f.seek(0)
    print(list(f))
    f.seek(0)
    print(f.readlines())
    attempt(lambda: f.write(b"x"))
    attempt(lambda: f.seek(1.0))
    attempt(lambda: f.read(1.5))
    print(f.name == PATH, "name" in f.__dict__)
print(f.closed)

data = _io.open_code(PATH).read()
print(type(data).__name__, len(data), data[:5])
with _io.open_code(PATH) as g:
    print(type(g).__name__, g.read(), g.raw.closed)
attempt(lambda: _io.open_code(b"x"))

g = _io.FileIO(PATH, "r+")
print(g.mode, g.truncate(5), g.read(), g.seek(0, 2))
g.close()
g = _io.FileIO(PATH, "ab")
print(g.mode, g.tell(), g.write(b"!"), g.tell())
g.close()
with _io.FileIO(PATH, "rb+") as g:
    print(g.mode, g.readall())

fd = _io.FileIO(PATH).fileno()  # the object dies at once and closes the descriptor
r = _io.FileIO(PATH, "rb")
print(repr(_io.FileIO(r.fileno(), closefd=False)).replace(str(r.fileno()), "FD"))
r.close()

attempt(lambda: _io.FileIO(PATH, "rw"))
attempt(lambda: _io.FileIO(PATH, "rr"))
attempt(lambda: _io.FileIO(PATH, "q"))
attempt(lambda: _io.FileIO(PATH, "rt"))
attempt(lambda: _io.FileIO(PATH, ""))
attempt(lambda: _io.FileIO(PATH, "r", closefd=False))
attempt(lambda: _io.FileIO(-1))
attempt(lambda: _io.FileIO(1.5))
attempt(lambda: _io.FileIO(None))
attempt(lambda: _io.FileIO("/tmp"))
attempt(lambda: _io.FileIO("/nonexistent/krait/x"))
attempt(lambda: _io.FileIO(PATH, opener=lambda n, fl: -3))
attempt(lambda: _io.FileIO(PATH, "r", True, None, 3))
attempt(lambda: _io.FileIO(PATH + "\0"))
attempt(lambda: _io.FileIO(PATH, "x"))
attempt(lambda: _io.FileIO(PATH, mode=5))


class Path:
    def __fspath__(self):
        return PATH


with _io.FileIO(Path()) as p:
    print(type(p.name).__name__, p.read(2))

seen = []
with _io.FileIO(PATH, opener=lambda n, fl: (seen.append(n), posix.open(n, fl))[1] if posix else None) as p:
    print(p.read(2), seen == [PATH])

print(issubclass(_io.FileIO, _io._RawIOBase), _io.FileIO.__mro__)
if posix:
    posix.unlink(PATH)

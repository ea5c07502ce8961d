# _io.open(): argument checking, the object built for each mode and buffering, _io's names.
import _io
try:
    import posix
    PATH = "/tmp/krait_io_open_%d.txt" % posix.getpid()
except ImportError:
    posix = None
    PATH = "/tmp/krait_io_open.txt"


def attempt(f):
    try:
        r = f()
        print("ok", type(r).__name__)
        r.close()
    except Exception as e:
        print(type(e).__name__, str(e).replace(PATH, "PATH"))


with _io.open(PATH, "w") as f:
    f.write("content\n")
for mode in ["r", "rb", "r+", "rb+", "w", "wb", "a", "ab", "a+", "rt", "br", "x"]:
    attempt(lambda: _io.open(PATH, mode))
for mode in ["rw", "rr", "q", "rbt", "", "+", "b", "t", "U", "rU", "wx"]:
    attempt(lambda: _io.open(PATH, mode))
attempt(lambda: _io.open(PATH, "rb", encoding="utf-8"))
attempt(lambda: _io.open(PATH, "rb", errors="strict"))
attempt(lambda: _io.open(PATH, "rb", newline="\n"))
attempt(lambda: _io.open(PATH, "r", buffering=0))
attempt(lambda: _io.open(PATH, "rb", buffering=0))
attempt(lambda: _io.open(PATH, "rb", buffering=-5))
attempt(lambda: _io.open(PATH, "r", buffering=1))
attempt(lambda: _io.open(PATH, "r", buffering=None))
attempt(lambda: _io.open(PATH, "r", buffering=1.5))
attempt(lambda: _io.open(None))
attempt(lambda: _io.open(1.5))
attempt(lambda: _io.open([]))
attempt(lambda: _io.open(PATH, 5))
attempt(lambda: _io.open(PATH, "r", "x"))
attempt(lambda: _io.open(PATH, "r", newline="x"))
attempt(lambda: _io.open(PATH, "r", newline=5))
attempt(lambda: _io.open(PATH, "r", encoding="foo"))
attempt(lambda: _io.open(PATH, "r", encoding=5))
attempt(lambda: _io.open(PATH, "r", errors=5))
attempt(lambda: _io.open(PATH, "r", closefd=False))
attempt(lambda: _io.open(PATH, "r", foo=1))
attempt(lambda: _io.open())
attempt(lambda: _io.open(PATH, "r", 1, None, None, None, True, None, 9))
attempt(lambda: _io.open("/nonexistent/krait/file"))
attempt(lambda: _io.open(b"/nonexistent/krait/file"))

f = _io.open(PATH, "r", buffering=1)
print(f.line_buffering, type(f.buffer).__name__)
f.close()
raw = _io.open(PATH, "rb", buffering=0)
g = _io.open(raw.fileno(), "r", closefd=False)
print(g.read(), g.name == raw.fileno(), g.buffer.raw.closefd)
g.close()
print(raw.closed)
raw.close()


class P:
    def __fspath__(self):
        return PATH


with _io.open(P()) as h:
    print(type(h.name).__name__, h.read())

print(_io.DEFAULT_BUFFER_SIZE, _io.BlockingIOError is BlockingIOError)
print(_io.UnsupportedOperation.__mro__, _io.UnsupportedOperation.__module__)
print(sorted(n for n in dir(_io) if not n.startswith("__")))
for cls in [_io._IOBase, _io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase]:
    print(cls.__name__, cls.__module__, cls.__mro__[1:])
try:
    _io.BytesIO().fileno()
except OSError as e:
    print("OSError", type(e).__name__)
try:
    _io.BytesIO().fileno()
except ValueError as e:
    print("ValueError", e)
if posix:
    posix.unlink(PATH)

# _io.BufferedReader/Writer/Random/RWPair over FileIO and BytesIO.
import _io
try:
    import posix
    PATH = "/tmp/krait_io_buffered_%d.bin" % posix.getpid()
except ImportError:
    posix = None
    PATH = "/tmp/krait_io_buffered.bin"


def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, str(e).replace(PATH, "PATH"))


w = _io.open(PATH, "wb")
print(type(w).__name__, repr(w).replace(PATH, "PATH"), w.mode, w.name == PATH, w.writable(), w.readable())
print(w.write(b"abc\n"), w.write(b"def\n"), w.tell())
print(_io.FileIO(PATH).read())  # still in the buffer
w.flush()
print(_io.FileIO(PATH).read())
w.writelines([b"ghi\n", b"jkl"])
raw = w.raw
w.close()
print(w.closed, raw.closed)
attempt(lambda: w.write(b"x"))
attempt(w.flush)

r = _io.open(PATH, "rb")
print(type(r).__name__, r.peek(2)[:2], r.read(2), r.read1(3), r.tell())
print(r.readline(), r.readline(2), r.readline())
print(r.seek(0), list(r))
r.seek(1)
print(r.read(5), r.read1(5), r.read(0), r.read())
print(r.seek(-3, 2), r.read(), r.read(), r.peek())
attempt(lambda: r.seek(0, 5))
attempt(lambda: r.read(-5))
attempt(lambda: r.write(b"x"))
print(r.seek(0), r.read(None), r.seekable(), r.readable(), r.writable(), r.isatty())
r.close()
for m in ["read", "read1", "peek", "readline", "__next__"]:
    attempt(getattr(r, m))
attempt(lambda: r.seek(0))
print(repr(r).replace(PATH, "PATH"))

r = _io.open(PATH, "rb")
raw = r.detach()
print(type(raw).__name__, raw.closed, repr(r))
attempt(r.read)
attempt(lambda: r.closed)
attempt(r.close)
raw.close()

rw = _io.open(PATH, "r+b")
print(type(rw).__name__, rw.read(3), rw.tell())
print(rw.write(b"XY"), rw.tell())
rw.seek(0)
print(rw.read())
print(rw.seek(0, 2), rw.write(b"END"), rw.tell())
rw.seek(0)
print(rw.read(), rw.truncate(4), rw.tell())
rw.seek(0)
print(rw.read())
rw.close()

br = _io.BufferedReader(_io.BytesIO(b"one\ntwo\nthree"), 4)
print(repr(br), br.read(5), br.peek(), list(br))
attempt(lambda: br.name)
attempt(lambda: _io.BufferedReader(_io.FileIO(PATH), 0))
attempt(lambda: _io.BufferedReader(_io.FileIO(PATH, "a")))
attempt(lambda: _io.BufferedWriter(_io.FileIO(PATH)))
attempt(lambda: _io.BufferedReader.__new__(_io.BufferedReader).read())

bw = _io.BufferedWriter(_io.BytesIO(), 4)
print(bw.write(b"ab"), bw.raw.getvalue(), bw.write(b"cdef"), bw.raw.getvalue())
bw.flush()
print(bw.raw.getvalue())

pair = _io.BufferedRWPair(_io.BytesIO(b"in\ndata"), _io.BytesIO())
print(pair.read(3), pair.peek(1)[:1], pair.readline(), pair.write(b"out"), pair.readable(), pair.writable())
pair.flush()
print(pair.closed, pair.isatty())
attempt(pair.tell)
pair.close()
print(pair.closed)

with _io.open(PATH, "wb", buffering=0) as u:
    print(type(u).__name__, u.write(b"unbuffered"))
with _io.open(PATH, "rb", buffering=3) as s:
    print(s.read(4), s.read())
with _io.open(PATH, "ab") as a:
    print(a.mode, a.tell(), a.write(b"+"), a.tell())
with _io.open(PATH, "rb") as s:
    print(s.read())

big = bytes(range(256)) * 100
with _io.open(PATH, "wb") as w:
    for i in range(0, len(big), 1000):
        w.write(big[i:i + 1000])
with _io.open(PATH, "rb") as s:
    print(s.read() == big)
with _io.open(PATH, "rb") as s:
    parts = []
    while True:
        chunk = s.read(777)
        if not chunk:
            break
        parts.append(chunk)
    print(b"".join(parts) == big, len(parts))

print(_io.BufferedRandom.__mro__[1:], issubclass(_io.BufferedRWPair, _io._BufferedIOBase))
if posix:
    posix.unlink(PATH)

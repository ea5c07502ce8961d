# _io.BytesIO: reads, writes, seeks past the end, lines, errors.
import _io


def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


b = _io.BytesIO(b"line one\nline two\nlast")
print(b.read(4), b.tell(), b.readline(), b.readline(2), b.readline(), b.readline(), b.read())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readlines(), b.readlines())
b.seek(0)
print(b.readlines(10))
print(b.seek(0, 2), b.seek(-4, 2), b.read(), b.seek(2, 1))
print(b.write(b"XY"), b.getvalue())
print(b.seek(30), b.write(b"!"), b.getvalue(), b.tell())
print(b.truncate(5), b.tell(), b.getvalue())
print(b.truncate(), b.getvalue())
b.seek(4)
print(b.read1(), b.read1(1))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
b.writelines([b"a", b"b"])
print(b.getvalue())
attempt(lambda: b.seek(-1))
attempt(lambda: b.seek(0, 3))
attempt(lambda: b.seek(1.5))
attempt(lambda: b.truncate(-1))
attempt(lambda: b.write("text"))
attempt(lambda: b.read(1.5))
attempt(lambda: b.read("x"))
attempt(lambda: _io.BytesIO("text"))
attempt(lambda: _io.BytesIO(b"", 1))
attempt(lambda: b.readinto(b"xx"))
with _io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)
for m in ["read", "getvalue", "tell", "readline", "readable", "flush", "isatty", "__iter__", "__enter__"]:
    attempt(getattr(c, m))
attempt(lambda: c.write(b"x"))
attempt(lambda: c.seek(0))
attempt(lambda: next(c))
c.close()
print(_io.BytesIO().getvalue(), _io.BytesIO(None).read(), _io.BytesIO(initial_bytes=b"kw").read())
print(_io.BytesIO.__mro__)
print(isinstance(b, _io._BufferedIOBase), isinstance(b, _io._IOBase))
d = _io.BytesIO()
d.x = 5
print(d.__dict__)


class Sub(_io.BytesIO):
    def readline(self, size=-1):
        return b"[" + super().readline(size) + b"]" if self.tell() < len(self.getvalue()) else b""


print(list(Sub(b"a\nb\n")))

# _io.TextIOWrapper and text-mode open(): encodings, errors, newlines, tell/seek, reconfigure.
import _io
try:
    import posix
    PATH = "/tmp/krait_io_textio_%d.txt" % posix.getpid()
except ImportError:
    posix = None
    PATH = "/tmp/krait_io_textio.txt"


def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, str(e).replace(PATH, "PATH"))


with _io.open(PATH, "w") as f:
    print(repr(f).replace(PATH, "PATH"), f.encoding, f.errors, f.line_buffering, f.write_through)
    print(f.write("héllo\nwörld\r\n"), f.write("€ and 𝄞\n"), f.tell())
    f.writelines(["a\rb\n", "end"])
    print(type(f.buffer).__name__, f.mode, f.name == PATH, f.writable(), f.readable(), f.seekable())
print(f.closed)
with _io.open(PATH, "rb") as f:
    print(f.read())

with _io.open(PATH) as f:
    print(f.readline(), f.tell())
    print(f.read(3), f.tell())
    print(f.readlines())  # (newlines here would show CPython's tell() resetting its decoder)
    print(f.seek(0), f.read(7), f.tell())
    print(f.seek(0, 2), f.read())
    attempt(lambda: f.seek(1, 1))
    attempt(lambda: f.seek(1, 2))
    attempt(lambda: f.seek(-1))
    attempt(lambda: f.seek(0, 7))
    attempt(lambda: f.write("x"))
    attempt(lambda: f.read(1.5))

with _io.open(PATH, newline="") as f:
    print(list(f), f.newlines)
with _io.open(PATH, newline="\r") as f:
    print(list(f))
with _io.open(PATH, newline="\r\n") as f:
    print(f.readlines())
with _io.open(PATH, newline="\n") as f:
    print(f.read().count("\r"))

with _io.open(PATH, "w") as f:
    f.write("héllo\nwörld\r\n€ and 𝄞\nend")
with _io.open(PATH) as f:
    positions = []
    while True:
        line = f.readline()
        if not line:
            break
        positions.append((line, f.tell()))
    print(positions)
    for pos in [0] + [p for _, p in positions]:
        f.seek(pos)
        print(repr(f.read(2)), end=" ")
    print()
    f.seek(0)
    print(f.read(1), f.tell(), f.read(2), f.tell(), f.readline(), f.tell())
with _io.open(PATH, "w", newline="\r\n") as f:
    f.write("one\ntwo\n")
with _io.open(PATH, "rb") as f:
    print(f.read())
with _io.open(PATH, "w", newline="") as f:
    f.write("one\ntwo\r\n")
with _io.open(PATH, "rb") as f:
    print(f.read())

with _io.open(PATH, "w", encoding="latin-1") as f:
    print(f.encoding, f.write("café ÿ\n"))
with _io.open(PATH, "rb") as f:
    print(f.read())
with _io.open(PATH, encoding="latin-1") as f:
    print(f.read(), f.tell())
with _io.open(PATH, encoding="utf-8") as f:
    attempt(f.read)
with _io.open(PATH, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with _io.open(PATH, encoding="utf-8", errors="surrogateescape") as f:
    s = f.read()
    print(repr(s))
with _io.open(PATH, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write(s)
with _io.open(PATH, "rb") as f:
    print(f.read())
with _io.open(PATH, "w", encoding="ascii") as f:
    attempt(lambda: f.write("é"))
with _io.open(PATH, "w", encoding="ascii", errors="backslashreplace") as f:
    f.write("é€\n")
with _io.open(PATH, encoding="ascii") as f:
    print(f.read())
with _io.open(PATH, "w", encoding="ascii", errors="replace") as f:
    f.write("é?\n")
with _io.open(PATH, encoding="ascii") as f:
    print(f.read())

# a multi-byte character split across chunks
with _io.open(PATH, "w", encoding="utf-8") as f:
    f.write("x" * 8191 + "é" + "\r\n" + "y" * 8190 + "\r" + "\nz")
with _io.open(PATH, encoding="utf-8") as f:
    data = f.read()
    print(len(data), data[8190:8194], data.count("\n"), f.newlines)
with _io.open(PATH, encoding="utf-8") as f:
    lines = f.readlines()
    print([len(l) for l in lines], f.tell())

b = _io.BytesIO(b"a\r\nb\rc\nd")
t = _io.TextIOWrapper(b)
print(repr(t), t.read(), t.newlines)
t = _io.TextIOWrapper(_io.BytesIO(b"abc"), encoding="ascii")
t.reconfigure(encoding="latin-1")
print(t.encoding, t.errors, t.read(1))
attempt(lambda: t.reconfigure(encoding="utf-8"))
t.reconfigure(line_buffering=True)
print(t.line_buffering)
attempt(lambda: t.reconfigure(5))
w = _io.TextIOWrapper(_io.BytesIO(), line_buffering=True)
w.write("no newline")
print(w.buffer.getvalue())
w.write("line\n")
print(w.buffer.getvalue())
w = _io.TextIOWrapper(_io.BytesIO(), write_through=True)
w.write("through")
print(w.buffer.getvalue())
raw = w.detach()
print(raw.getvalue(), repr(w))
attempt(w.read)
attempt(lambda: w.closed)
attempt(lambda: _io.TextIOWrapper.__new__(_io.TextIOWrapper).read())
attempt(lambda: _io.TextIOWrapper(_io.BytesIO(), encoding=5))
attempt(lambda: _io.TextIOWrapper(_io.BytesIO(), errors=5))
attempt(lambda: _io.TextIOWrapper(_io.BytesIO(), newline="x"))
attempt(lambda: _io.TextIOWrapper(_io.BytesIO(), newline=5))
attempt(lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="no-such-codec"))
r = _io.TextIOWrapper(_io.BufferedReader(_io.BytesIO(b"ro")))
attempt(lambda: r.write("x"))
print(r.read(-3))
w = _io.TextIOWrapper(_io.BytesIO(b"abc"))
w.close()
attempt(w.read)
attempt(lambda: w.write("x"))
attempt(w.tell)
print(repr(w), w.closed)
print(_io.TextIOWrapper.__mro__)
print(_io.text_encoding(None), _io.text_encoding("latin-1"))
if posix:
    posix.unlink(PATH)

# _io.StringIO and IncrementalNewlineDecoder.
import _io


def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


s = _io.StringIO("héllo\nwörld\n€nd")
print(s.read(3), s.tell(), s.readline(), s.readline(2), s.readlines(), s.read())
s.seek(0)
print(list(s), s.getvalue())
print(s.seek(0, 2), s.write("+𝄞"), s.tell(), s.getvalue())
print(s.seek(20), s.write("!"), repr(s.getvalue()), s.tell())
print(s.truncate(4), s.tell(), s.getvalue(), s.truncate(), s.getvalue())
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.newlines, s.encoding, s.errors, s.closed)
attempt(lambda: s.seek(1, 1))
attempt(lambda: s.seek(1, 2))
attempt(lambda: s.seek(-1))
attempt(lambda: s.seek(0, 3))
attempt(lambda: s.seek(1.5))
attempt(lambda: s.write(b"x"))
attempt(lambda: s.read(1.5))
attempt(lambda: s.truncate(-1))
attempt(s.detach)
attempt(s.fileno)
attempt(lambda: _io.StringIO(b"x"))
attempt(lambda: _io.StringIO("x", "q"))
attempt(lambda: _io.StringIO("x", 5))
s.close()
print(s.closed)
for m in ["read", "getvalue", "tell", "readline", "readable", "__next__"]:
    attempt(getattr(s, m))
attempt(lambda: s.write("x"))
for nl in [None, "", "\n", "\r", "\r\n"]:
    t = _io.StringIO("ab\r\ncd\ref\ngh", nl)
    print(repr(nl), t.readlines(), repr(t.getvalue()), t.newlines)
    t = _io.StringIO(newline=nl)
    t.write("x\ny\r\nz\r")
    print(repr(t.getvalue()), t.newlines)
print(_io.StringIO().getvalue() == "", _io.StringIO(None).read(), _io.StringIO(initial_value="kw").read())


class Upper(_io.StringIO):
    def readline(self, size=-1):
        return super().readline(size).upper()


print(list(Upper("a\nb\n")))
print(_io.StringIO.__mro__)

d = _io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
d = _io.IncrementalNewlineDecoder(None, False)
print(repr(d.decode("a\r\nb\rc\n", final=True)), d.newlines)
attempt(lambda: _io.IncrementalNewlineDecoder(None))

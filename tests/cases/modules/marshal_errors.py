# marshal errors: arguments, unmarshallable values, nesting, and malformed data (truncated at
# every position, unknown codes, forged sizes, bad references, bad UTF-8) with CPython's
# exception types and messages.
import marshal

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r)[:80])

attempt(marshal.dumps)
attempt(marshal.dumps, 1, 2, 3)
attempt(lambda: marshal.dumps(1, version=2))
attempt(marshal.dumps, 1, "a")
attempt(marshal.dumps, 1, 2.0)
attempt(marshal.dumps, 1, 2**40)
attempt(marshal.dumps, 1, -1)
attempt(marshal.dumps, 1, 99)
attempt(marshal.dumps, object())
attempt(marshal.dumps, [1, {2: object()}])
attempt(marshal.dumps, {object()})
attempt(marshal.dumps, print)
attempt(marshal.loads, "abc")
attempt(marshal.loads, b"N", 1)
attempt(marshal.loads)
attempt(lambda: marshal.loads(data=b"N"))
attempt(marshal.dump, 1)
attempt(marshal.dump, 1, None)
attempt(marshal.load, None)

deep = []
for i in range(1999):
    deep = [deep]
attempt(lambda: len(marshal.dumps(deep)))
deep = [deep]
attempt(marshal.dumps, deep)
deep = (deep,)
attempt(marshal.dumps, deep)
attempt(marshal.dumps, [object(), deep])
attempt(marshal.dumps, [deep, object()])
attempt(lambda: len(marshal.loads(b"[\x01\x00\x00\x00" * 1999 + b"N")))
attempt(marshal.loads, b"[\x01\x00\x00\x00" * 2000 + b"N")

samples = [1, 2**40, -(10**30), 1.5, 2j, "abc", "é" * 3, "z" * 300, b"xyz", (1, "a"), [1, [2]],
           {"a": 1}, {1, 2}, frozenset({3}), None, (1.5, 1.5), ["r", ("r",)]]
for value in samples:
    for version in (4, 1):
        data = marshal.dumps(value, version)
        for cut in range(len(data)):
            try:
                marshal.loads(data[:cut])
            except (EOFError, ValueError, TypeError) as e:
                print(version, cut, type(e).__name__, e)
            else:
                print(version, cut, "loaded?")

bad = [b"", b"X", b"\x00", b"0", b"r\x00\x00\x00\x00", b"r\xff\xff\xff\xff",
       b"\xe9\x01\x00\x00\x00r\x01\x00\x00\x00", b"[\xff\xff\xff\xff", b"(\xff\xff\xff\xff",
       b"s\xff\xff\xff\x7f", b"s\x00\x00\x00\x80", b"u\xff\xff\xff\x7f", b"a\x00\x00\x00\x80",
       b"l\xff\xff\xff\x7f", b"l\x01\x00\x00\x80", b"l\x02\x00\x00\x00\x01\x00\x00\x00",
       b"l\x01\x00\x00\x00\x00\x80", b"<\xff\xff\xff\xff", b">\x05\x00\x00\x00N",
       b"[\x02\x00\x00\x00N0", b"(\x01\x00\x00\x000", b")\x020N", b"<\x01\x00\x00\x000",
       b"{N", b"{NN", b"{[\x00\x00\x00\x00N0", b"<\x01\x00\x00\x00[\x00\x00\x00\x00",
       b"\xbe\x01\x00\x00\x00r\x00\x00\x00\x00", b"\xbc\x01\x00\x00\x00r\x00\x00\x00\x00",
       b"u\x01\x00\x00\x00\xff", b"u\x03\x00\x00\x00\xf0\x90(", b"u\x02\x00\x00\x00\xe2\x82",
       b"f\x03abc", b"f\x04 1.5", b"f\x041.5\x00", b"f\x032\x00.", b"f\x02\x00\x00", b"f\x00", b"x\x011\x02zz", b"g\x00\x00", b"y" + b"\x00" * 15,
       b"I\x01\x00\x00\x00\x00\x00\x00\x00", b"?", b"c\x00\x00\x00\x00", b"[\x01\x00\x00\x00\xd0"]
for data in bad:
    try:
        r = marshal.loads(data)
    except Exception as e:
        print(data[:12], type(e).__name__, e)
    else:
        print(data[:12], "->", repr(r)[:60])

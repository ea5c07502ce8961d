# marshal.loads: round trips of every type, refs, recursive containers, interning, and
# marshal.dump/load through a file object.
import marshal

def roundtrip(value, version=4):
    data = marshal.dumps(value, version)
    back = marshal.loads(data)
    print(version, repr(back)[:120], type(back).__name__, back == value or value != value)

values = [None, True, False, ..., StopIteration, 0, -1, 255, 2**31, -2**63, 10**50, 1.5, -0.0,
          float("inf"), 3j, -1.5 + 2j, "", "abc", "é€\U0001f600", "\ud800x", b"", b"abc",
          (), (1,), (1, (2, 3)), [], [1, [2]], {}, {"a": [1], 2: (3,)}, set(), {1, "a"},
          frozenset(), frozenset({1, (2, 3)}), list(range(1000)), tuple(range(300)),
          {i: str(i) for i in range(50)}, "x" * 1000]
for value in values:
    for version in (4, 3, 2, 1, 0):
        roundtrip(value, version)

# NaN is not equal to itself.
print(marshal.loads(marshal.dumps(float("nan"))), marshal.loads(marshal.dumps(float("nan"), 0)))
# Trailing bytes are ignored; loads takes any bytes-like object.
print(marshal.loads(marshal.dumps([1, 2]) + b"garbage"))

# Shared objects stay shared, recursive containers load.
x = [1, 2]
y = marshal.loads(marshal.dumps([x, x]))
print(y, y[0] is y[1])
d = marshal.loads(b"\xfb\xda\x01kr\x00\x00\x00\x000")
print(d)
print(marshal.loads(b"\xdb\x02\x00\x00\x00r\x00\x00\x00\x00i\x05\x00\x00\x00"))
t = marshal.loads(b"\xa9\x02i\x01\x00\x00\x00r\x00\x00\x00\x00")
print(t, t[1] is t)
# Interned codes give strs equal to (and the same object as) interned ones.
a = marshal.loads(b"\xda\x05hello")
print(a, a == "hello")
print(marshal.loads(b"z\x03abc"), marshal.loads(b"a\x03\x00\x00\x00abc"), marshal.loads(b"A\x03\x00\x00\x00abc"))
print(marshal.loads(b"t\x02\x00\x00\x00\xc3\xa9"), marshal.loads(b"u\x02\x00\x00\x00\xc3\xa9"))
# Old codes: text floats and complex, TYPE_INT64 is gone.
print(marshal.loads(b"f\x031.5"), marshal.loads(b"x\x011\x03-2.5"), marshal.loads(b"f\x03inf"), marshal.loads(b"f\x04-nan"))
print(marshal.loads(b"l\x00\x00\x00\x00"), marshal.loads(b"l\xfe\xff\xff\xff\x01\x00\x01\x00"))
print(marshal.version)

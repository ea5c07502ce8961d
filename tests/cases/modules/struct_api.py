# The struct API: formats, alignment, s/p/c/?/x, Struct objects, pack_into/unpack_from offsets,
# iter_unpack, the cache, and the argument errors.
import struct


def t(f):
    try:
        r = f()
        print(repr(r) if not hasattr(r, "__next__") else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


for f in ["2 i", "2", "z", "i\0", "\u00e9", "ni", "<n", "=P", "99999999999999999999i", "9223372036854775807i",
          " i ", "", "@bhbi", "@bq", "@bqb", "bP", "@b0i", "<b0i", "=bqb", "!bqb", "3s", "0s", "10p", "xxi", "ic",
          b"ii", 1, None]:
    try:
        print(repr(f), struct.calcsize(f))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
print(struct.pack("@bhbi", 1, 2, 3, 4), struct.pack("<bhbi", 1, 2, 3, 4), struct.pack(">bhbi", 1, 2, 3, 4))
for fmt, args in [("3s", (b"abcdef",)), ("5p", (b"abcdefg",)), ("1p", (b"abc",)), ("300p", (b"x" * 400,)),
                  ("s", (b"",)), ("4s", (bytearray(b"ab"),)), ("s", ("x",)), ("p", (1,)), ("c", (b"",)),
                  ("c", (b"ab",)), ("c", (bytearray(b"x"),)), ("?", ([],)), ("?", ("x",)), ("2?x3s0ce", (0, 5, b"ab", 2.5)),
                  ("0s", ()), ("0p", ()), ("i", ()), ("ii", (1,)), ("i", (1, 2))]:
    t(lambda: struct.pack(fmt, *args))
print(struct.unpack("300p", struct.pack("300p", b"x" * 400))[0][-3:], len(struct.unpack("300p", struct.pack("300p", b"x" * 400))[0]))
print(struct.unpack("?", b"\x02"), struct.unpack("5p", b"\x09abcd"), struct.unpack("P", b"\xff" * 8), struct.unpack("c2c", b"abc"))
print(struct.unpack("<2?x3s0ce", b"\x00\x05\x00ab\x00\x00A"))
t(lambda: struct.unpack("0p", b""))
t(lambda: struct.unpack("i", b"ab"))
t(lambda: struct.unpack("i", "abcd"))
t(lambda: struct.unpack("i", 5))
t(lambda: struct.unpack("i", memoryview(b"abcdabcd")[::2]))
t(lambda: struct.unpack("<i", memoryview(b"abcd")))
t(lambda: struct.unpack("<i", bytearray(b"abcd")))
t(lambda: struct.unpack_from("i", b"ab"))
t(lambda: struct.unpack_from("i", b"abcdef", 4))
t(lambda: struct.unpack_from("i", b"abcdef", -10))
t(lambda: struct.unpack_from("<i", b"abcdef", -4))
t(lambda: struct.unpack_from("<i", b"abcdef", 2))
t(lambda: struct.unpack_from("<i", buffer=b"abcd"))
t(lambda: struct.unpack_from("<i", b"abcd", offset=0))
t(lambda: struct.unpack_from("i", b"abcd", 0, 1))
t(lambda: struct.unpack_from("i"))
t(lambda: struct.unpack_from(format="i", buffer=b"abcd"))
ba = bytearray(b"\xee" * 6)
t(lambda: struct.pack_into("<i", ba, 2, 1))
print(ba)
t(lambda: struct.pack_into("<h", ba, -2, 3))
print(ba)
t(lambda: struct.pack_into("<i", ba, -2, 3))
t(lambda: struct.pack_into("i", ba, 4, 1))
t(lambda: struct.pack_into("i", ba, -10, 1))
t(lambda: struct.pack_into("i", ba, 7, 1))
t(lambda: struct.pack_into("i", b"abcdef", 0, 1))
t(lambda: struct.pack_into("i", ba))
t(lambda: struct.pack_into("i"))
t(lambda: struct.pack_into("i", ba, 0))
t(lambda: struct.pack_into("i", ba, "x", 1))
t(lambda: struct.pack_into("i", ba, 2 ** 70, 1))
t(lambda: struct.pack_into("<h", memoryview(ba), 0, 0x4142))
print(ba)
t(lambda: struct.iter_unpack("i", b"abc"))
t(lambda: struct.iter_unpack("x0s", b"abc"))
t(lambda: struct.iter_unpack("", b"abc"))
t(lambda: struct.iter_unpack("i", 5))
t(lambda: struct.pack())
t(lambda: struct.pack(format="i"))
t(lambda: struct.calcsize(fmt="i"))
t(lambda: struct.unpack("i"))
t(lambda: struct.Struct())
t(lambda: struct.Struct("i", "j"))
t(lambda: struct.Struct(5))
t(lambda: struct.Struct(format="<i").size)
s = struct.Struct("<hi")
print(s.format, s.size, type(s), struct.Struct(b"i").format, type(struct.Struct(b"i").format))
print(s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00\x00\x00"), s.unpack_from(b"xx\x01\x00\x02\x00\x00\x00", 2))
t(lambda: s.unpack_from(buffer=b"abcdef", offset=0))
t(lambda: s.unpack_from())
t(lambda: s.unpack())
t(lambda: s.pack_into())
t(lambda: s.iter_unpack())
t(lambda: s.pack(1.0, 2))
it = struct.iter_unpack("<h", b"abcdef")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
t(lambda: type(it)())
t(lambda: next(it))


class S(struct.Struct):
    pass


print(S(">h").pack(3), S("<q").size, isinstance(S("i"), struct.Struct))
print(struct.error, struct.error.__mro__, struct.error.__module__, issubclass(struct.error, Exception))
print(sorted(dir(struct)))
import _struct
print(sorted(dir(_struct)))
print(sorted(n for n in dir(_struct.Struct) if not n.startswith("__")))
print(struct.__doc__.splitlines()[0])
struct._clearcache()
for i in range(250):
    struct.calcsize("%di" % i)
print(struct.calcsize("249i"))
try:
    struct.pack("i", "x")
except struct.error as e:
    print("caught", e.args)

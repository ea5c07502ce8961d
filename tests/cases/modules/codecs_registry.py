# The codec registry: lookup and its name normalization, search functions, CodecInfo, codecs
# that are not text encodings, encode/decode of arbitrary objects, and argument errors.
import codecs, _codecs

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e, "| cause:", repr(e.__cause__))

seen = []
def search(name):
    seen.append(name)
    if name == "test_rev":
        return codecs.CodecInfo(lambda s, errors="strict": (s[::-1].encode(), len(s)),
                                lambda b, errors="strict": (bytes(b)[::-1].decode(), len(b)), name="test-rev")
    if name == "test_tuple":
        return (lambda s, e="strict": (s.upper().encode(), len(s)), lambda b, e="strict": (bytes(b).decode().lower(), len(b)), None, None)
    if name == "test_bad":
        return 5
    if name == "test_wrongtype":
        return codecs.CodecInfo(lambda s, e="strict": (42, 1), lambda b, e="strict": (b"x", 1), name="wrongtype")
    if name == "test_notuple":
        return codecs.CodecInfo(lambda s, e="strict": "x", lambda b, e="strict": None, name="notuple")
    if name == "test_valueerror":
        def fail(s, e="strict"):
            raise ValueError("nope")
        return codecs.CodecInfo(fail, fail, name="valueerror")
    return None
codecs.register(search)

for name in ["UTF-8", "utf8", "latin_1", "Latin-1", "ISO-8859-15", "cp1252", "windows-1252", "U8", "us-ascii",
             "utf-16-le", "UTF_32BE", "koi8-r", "mac-roman", "iso8859-5", "rot13", "test-rev",
             "TEST rev", "test.rev", "no-such", "", "  utf  8  "]:
    show(lambda: codecs.lookup(name).name)
print(seen)
print(codecs.lookup("utf-8") is codecs.lookup("UTF_8"), type(codecs.lookup("utf-8")).__name__)
show(lambda: "abc".encode("test-rev"))
show(lambda: b"abc".decode("test-rev"))
show(lambda: str(b"abc", "test-rev"))
show(lambda: bytearray(b"abc").decode("test_tuple"))
show(lambda: "abc".encode("test_tuple"))
show(lambda: "abc".encode("test_bad"))
show(lambda: "abc".encode("test_wrongtype"))
show(lambda: b"abc".decode("test_wrongtype"))
show(lambda: "abc".encode("test_notuple"))
show(lambda: b"abc".decode("test_notuple"))
show(lambda: "abc".encode("test_valueerror"))
show(lambda: codecs.encode("abc", "test_valueerror"))
show(lambda: codecs.decode(b"abc", "test_valueerror"))
show(lambda: codecs.encode("abc", "rot13"))
show(lambda: codecs.decode("nop", "rot_13"))
show(lambda: "abc".encode("rot13"))
show(lambda: b"abc".decode("rot13"))
show(lambda: "abc".encode("no-such-codec"))
show(lambda: b"abc".decode("no-such-codec"))
show(lambda: str(b"abc", "no-such-codec"))
show(lambda: codecs.encode("abc", "no-such-codec"))
show(lambda: codecs.encode("abc"))
show(lambda: codecs.decode(b"abc"))
show(lambda: codecs.decode(b"\xff", errors="replace"))
show(lambda: codecs.encode(obj="x", encoding="utf-16-le"))
show(lambda: codecs.encode("x", 5))
show(lambda: codecs.lookup(5))
show(lambda: codecs.register(5))
show(lambda: "x".encode(5))
show(lambda: "x".encode("utf-8", 5))
show(lambda: b"x".decode(5))
codecs.unregister(search)
show(lambda: codecs.lookup("test-rev"))
show(lambda: codecs.lookup("test_tuple"))
codecs.unregister(search)

for f, args in [(_codecs.utf_8_encode, (b"x",)), (_codecs.utf_8_decode, ("x",)), (_codecs.utf_8_decode, (b"x", 3)),
                (_codecs.utf_8_decode, (b"x", None, 2.5)), (_codecs.utf_8_encode, ()), (_codecs.utf_8_encode, ("a", "b", "c")),
                (_codecs.utf_16_ex_decode, (b"ab", None, 0, 0, 0)), (_codecs.charmap_build, (5,)),
                (_codecs.escape_encode, ("x",)), (_codecs.register_error, ("x",)), (_codecs.lookup_error, (5,)),
                (_codecs.utf_8_decode, (memoryview(b"ab\xc3\xa9"),)), (_codecs.latin_1_decode, (bytearray(b"\xe9"),)),
                (_codecs.readbuffer_encode, ("\xe9",)), (_codecs.readbuffer_encode, (b"ab",)),
                (_codecs.ascii_encode, ("ab", None)), (_codecs.ascii_decode, (b"ab", "strict")),
                (_codecs.latin_1_encode, ("\xe9",)), (_codecs.utf_7_encode, ("a+b\u20ac",)), (_codecs.utf_7_decode, (b"a+-b+IKw-",))]:
    show(lambda: f(*args))

m = codecs.charmap_build("".join(map(chr, range(256))))
print(type(m).__name__, m.size())
print(codecs.charmap_build("abc" * 80 + "x" * 16))
print(codecs.charmap_encode("abc", "strict", {97: 1, 98: b"BB", 99: None} if False else {97: 1, 98: b"BB"}) if False else "")
show(lambda: codecs.charmap_encode("abc", "strict", {97: 1, 98: b"BB"}))
show(lambda: codecs.charmap_encode("abc", "replace", {97: 1, 98: b"BB", 63: 63}))
show(lambda: codecs.charmap_encode("abc", "strict", {97: 300}))
show(lambda: codecs.charmap_encode("abc", "strict", {97: "x"}))
show(lambda: codecs.charmap_decode(b"\x00\x01\x02", "strict", {0: "a", 1: 0x20ac, 2: None}))
show(lambda: codecs.charmap_decode(b"\x00\x01\x02", "replace", {0: "ab", 1: 0x20ac}))
show(lambda: codecs.charmap_decode(b"\x00\x01", "strict", "x"))
show(lambda: codecs.charmap_decode(b"\x00\x01", "strict", "x\ufffe"))
show(lambda: codecs.charmap_decode(b"\x00", "strict", {0: 0x110000}))
show(lambda: codecs.charmap_decode(b"\x00", "strict", {0: 2.5}))
show(lambda: codecs.charmap_decode(b"\xe9"))
show(lambda: codecs.charmap_encode("\xe9\u20ac"))

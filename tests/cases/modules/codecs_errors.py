# Codec error handlers: the built-in ones on each kind of codec, user handlers, the exception
# objects and messages.
import codecs

HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]

def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
        if isinstance(e, UnicodeError):
            print("   ", e.encoding, repr(e.object), e.start, e.end, e.reason)

for enc in ["ascii", "latin-1", "utf-8", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "iso8859_5", "utf-7"]:
    for h in HANDLERS:
        print(enc, h, end=": ")
        show(lambda: "a\xe9\u20ac\udc80\ud800b\U0001F600".encode(enc, h))

BAD = [b"a\xffb", b"\xc3", b"\xe0\x80x", b"\xed\xa0\x80", b"\xf0\x90\x80", b"\xf4\x90\x80\x80", b"\x80\x81",
       b"\x00\xd8", b"\x00\xdc\x41\x00", b"a", b"\x00\x00\x11\x00"]
for enc in ["ascii", "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252", "cp437", "koi8_r", "utf-7", "charmap"]:
    for data in BAD:
        for h in HANDLERS:
            print(enc, data, h, end=": ")
            show(lambda: data.decode(enc, h))

# User handlers.
def skip2(e):
    return ("<%s %d-%d>" % (type(e).__name__, e.start, e.end), e.end + 1 if e.end < len(e.object) else e.end)
codecs.register_error("test.skip2", skip2)
print("abc\xe9def\u20acgh".encode("ascii", "test.skip2"))
print(b"ab\xffcd\xfeef".decode("utf-8", "test.skip2"))
print(b"ab\xffcd\xfeef".decode("ascii", "test.skip2"))
codecs.register_error("test.bytes", lambda e: (b"[" + str(e.start).encode() + b"]", e.end))
print("x\u20acy\u20ac\u20acz".encode("latin-1", "test.bytes"), "x\u20acy".encode("utf-16-le", "test.bytes") if False else "")
print("x\udc00y".encode("utf-16-le", "test.bytes"))
codecs.register_error("test.back", lambda e: ("", 0) if e.start > 5 else ("!", -1))
show(lambda: "ab\xe9".encode("ascii", "test.back"))
codecs.register_error("test.far", lambda e: ("?", 100))
show(lambda: "ab\xe9".encode("ascii", "test.far"))
show(lambda: b"ab\xff".decode("ascii", "test.far"))
codecs.register_error("test.bad", lambda e: 42)
show(lambda: "ab\xe9".encode("ascii", "test.bad"))
show(lambda: b"ab\xff".decode("ascii", "test.bad"))
codecs.register_error("test.badrep", lambda e: (b"x", e.end))
show(lambda: b"ab\xff".decode("ascii", "test.badrep"))
codecs.register_error("test.nonascii", lambda e: ("\xe9", e.end))
show(lambda: "ab\u20ac".encode("ascii", "test.nonascii"))
show(lambda: "ab\u20ac".encode("latin-1", "test.nonascii"))
show(lambda: "ab\udc00".encode("utf-8", "test.nonascii"))
codecs.register_error("test.raise", lambda e: 1 / 0)
show(lambda: "ab\u20ac".encode("ascii", "test.raise"))
show(lambda: "x".encode("ascii", "no.such.handler"))
show(lambda: "\xe9".encode("ascii", "no.such.handler"))
show(lambda: codecs.lookup_error("no.such.handler"))
show(lambda: codecs.register_error("x", 3))
print(codecs.lookup_error("strict"), codecs.lookup_error("replace").__name__)

# The built-in handlers called directly.
ee = UnicodeEncodeError("ascii", "a\xe9\u20acb", 1, 3, "oops")
de = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "oops")
te = UnicodeTranslateError("a\xe9\u20acb", 1, 3, "oops")
for name in HANDLERS:
    f = codecs.lookup_error(name)
    for e in [ee, de, te, ValueError("x"), "notexc"]:
        print(name, type(e).__name__, end=": ")
        show(lambda: f(e))
print(codecs.surrogateescape_errors if hasattr(codecs, "surrogateescape_errors") else "")
print(codecs.lookup_error("surrogatepass")(UnicodeEncodeError("utf-16-be", "\ud800\udfff", 0, 2, "x")))
print(codecs.lookup_error("surrogatepass")(UnicodeDecodeError("utf-32-be", b"\x00\x00\xd8\x00", 0, 4, "x")))
print(codecs.lookup_error("surrogateescape")(UnicodeDecodeError("x", b"\x80\x81\x82\x83\x84", 0, 5, "x")))
print(codecs.lookup_error("replace")(UnicodeEncodeError("ascii", "abc", 5, 1, "x")))
print(str(UnicodeEncodeError("ascii", "abc", 5, 1, "x")), str(UnicodeDecodeError("ascii", b"abc", 1, 2, "bad")))

# The escape codecs: unicode_escape, raw_unicode_escape, escape_encode/escape_decode.
import codecs, warnings

def show(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for d in [b"\\\\\\u12", b"ab\\u12", b"\\U00110000x", b"\\\\u1234", b"\\u12x4", b"\\u20ac\\U0001f600", b"\\\\\\u20ac", b"\xe9\\x41"]:
    for h in ["strict", "replace", "backslashreplace"]:
        show(lambda: d.decode("raw_unicode_escape", h))
for d in [b"\\x4", b"\\x41\\101\\n\\t\\'\\\"\\a\\b\\f\\v\\r\\\n.", b"\\N{foo}", b"\\N{", b"\\Nx", b"abc\\", b"\\U00110000",
          b"\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{EURO SIGN}", b"\\N{}", b"\\u20", b"\\xZZ", b"\xe9\xff"]:
    for h in ["strict", "replace", "ignore"]:
        show(lambda: d.decode("unicode_escape", h))
show(lambda: codecs.escape_encode(b"'\"\\\t\n\r\x00\x7f\xff abc"))
show(lambda: codecs.unicode_escape_encode("a'\"\\\t\n\r\x00\x7f\xe9\u20ac\U0001f600"))
show(lambda: codecs.raw_unicode_escape_encode("a\\\xe9\u20ac\U0001f600"))
show(lambda: codecs.unicode_escape_decode(b"ab\\u12", "strict", False))
show(lambda: codecs.raw_unicode_escape_decode(b"ab\\u12", "strict", False))
show(lambda: codecs.unicode_escape_decode(b"ab\\", "strict", False))
show(lambda: codecs.unicode_escape_decode("ab\\x41"))
show(lambda: codecs.escape_decode(b"\\x4g\\x", "replace"))
show(lambda: codecs.escape_decode(b"\\x4g\\x", "ignore"))
show(lambda: codecs.escape_decode(b"ab\\"))
show(lambda: codecs.escape_decode(b"ab\\x1"))
show(lambda: codecs.escape_decode(b"ab\\x1", "foo"))
show(lambda: codecs.escape_decode(b"\\x41\\101\\n\\t\\'\\\"\\a\\b\\f\\v\\r\\\n."))
show(lambda: codecs.escape_decode("caf\xe9\\x41"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    show(lambda: b"\\q\\777\\z".decode("unicode_escape"))
    show(lambda: b"\\777\\q".decode("unicode_escape"))
    show(lambda: b"\\\xe9".decode("unicode_escape"))
    show(lambda: codecs.escape_decode(b"\\q\\777"))
    show(lambda: codecs.escape_decode(b"\\777\\q"))
    for x in w:
        print(x.category.__name__, x.message)
for s in ["plain", "tab\tnew\nline", "\x00\x1f\x7f\x80\xff", "\u0100\uffff\U00010000\U0010ffff", "back\\slash"]:
    for enc in ["unicode_escape", "raw_unicode_escape"]:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)

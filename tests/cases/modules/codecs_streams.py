# codecs.py's stream and iterator helpers over the native codecs: open, iterencode/iterdecode,
# StreamWriter/Reader, EncodedFile, the BOM constants, and str/bytes conversions with codecs.
import codecs, io, os, tempfile

print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32, codecs.BOM)
print(list(codecs.iterencode(["a", "\u20ac", "b"], "utf-16-le")), "".join(codecs.iterdecode([b"\xe2", b"\x82", b"\xac!"], "utf-8")))
path = os.path.join(tempfile.mkdtemp(), "t.txt")
with codecs.open(path, "w", encoding="utf-16") as f:
    f.write("line one \u20ac\nline two\n")
with open(path, "rb") as f:
    print(f.read())
with codecs.open(path, "r", encoding="utf-16") as f:
    print(f.readlines())
with codecs.open(path, "r", encoding="utf-16") as f:
    print(repr(f.read(5)), repr(f.readline()), repr(f.read()))
os.remove(path)

buf = io.BytesIO()
w = codecs.getwriter("cp1252")(buf, "xmlcharrefreplace")
w.write("caf\xe9 \u20ac \u0416")
w.writelines(["x", "y"])
print(buf.getvalue())
ef = codecs.EncodedFile(io.BytesIO("caf\xe9\n".encode("latin-1")), "utf-8", "latin-1")
print(ef.read())
r = codecs.getreader("utf-8")(io.BytesIO(b"ab\xc3\xa9cd\nef\xff\n"), errors="replace")
print(r.readline(), r.readline(), repr(r.readline()))
print(codecs.encode("abc", "utf-32-be"), codecs.decode(b"\x00\x00\x00a", "utf-32-be"))
print(codecs.utf_16_be_decode(b"\x00a\x00b"), codecs.latin_1_encode("\xff"), codecs.ascii_decode(b"ab"))
print("x".encode("UTF8"), "x".encode(" utf 8 "), b"\xe9".decode("Latin_1"), b"\xe9".decode("iso-8859-1"), "\xe9".encode("L1"))
print(str(b"\xff\xfea\x00", "utf-16"), str(b"caf\xe9", "cp1252"), str(bytearray(b"\x80"), "cp437"), str(memoryview(b"\xa4"), "iso8859_15"))
print("\u20ac".encode("utf-8", "bogus"), "abc".encode("ascii", "bogus"), b"abc".decode("utf-8", "bogus"))
for bad in ["'\\xe9'.encode('ascii', 'bogus')", "b'\\xff'.decode('utf-8', 'bogus')", "'x'.encode('utf-16-le', 'bogus')"]:
    try:
        eval(bad)
    except LookupError as e:
        print(bad, "->", e)
print(codecs.lookup("utf-8-sig").decode(codecs.BOM_UTF8 + b"x"), "x".encode("utf-8-sig"), b"\xef\xbb\xbfx".decode("utf_8_sig"))
print("b\xfccher".encode("punycode"), b"bcher-kva".decode("punycode"))
print(codecs.decode(b"\\u20ac\\n", "unicode_escape"), codecs.encode("\u20ac\n", "raw_unicode_escape"))
print(codecs.decode("uryyb", "rot13"), codecs.getencoder("ascii")("abc"), codecs.getdecoder("latin-1")(b"\xe9"))

# Incremental decoders and encoders (codecs.getincrementaldecoder / encoder) fed piece by piece,
# the final flag of the _codecs functions, and stream readers over BytesIO.
import codecs, io, _codecs

TEXT = "a\xe9\u20ac\U0001F600+-~\\ z"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-7",
            "utf-8-sig", "unicode_escape", "raw_unicode_escape", "latin-1", "cp1252", "ascii"]:
    try:
        data = TEXT.encode(enc)
    except UnicodeError:
        data = TEXT.encode(enc, "replace")
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    parts.append(dec.decode(b"", final=True))
    print(enc, data, parts)
    enc_obj = codecs.getincrementalencoder(enc)(errors="replace")
    out = b"".join(enc_obj.encode(ch) for ch in TEXT) + enc_obj.encode("", final=True)
    print(" ", out == data, out)
    stream = codecs.getreader(enc)(io.BytesIO(data), errors="replace")
    print(" ", repr(stream.read()))

for f, data in [(_codecs.utf_8_decode, b"ab\xe2\x82"), (_codecs.utf_8_decode, b"a\xed\xa0"), (_codecs.utf_8_decode, b"a\xed\xe0"), (_codecs.utf_16_le_decode, b"a\x00b"),
                (_codecs.utf_16_le_decode, b"a\x00\x3d\xd8\x00"), (_codecs.utf_32_be_decode, b"\x00\x00\x00a\x00\x00"),
                (_codecs.utf_7_decode, b"a+AOk"), (_codecs.utf_7_decode, b"a+AOkA"), (_codecs.utf_7_decode, b"a+"),
                (_codecs.unicode_escape_decode, b"ab\\u20"), (_codecs.raw_unicode_escape_decode, b"ab\\U0001")]:
    for final in [False, True]:
        try:
            print(f.__name__, data, final, f(data, "strict", final))
        except UnicodeDecodeError as e:
            print(f.__name__, data, final, "UnicodeDecodeError:", e)

print(_codecs.utf_16_ex_decode(b"\xfe\xff\x00a", None, 0, True), _codecs.utf_16_ex_decode(b"\xff\xfea\x00", None, 0, False))
print(_codecs.utf_16_ex_decode(b"\xfe", None, 0, False), _codecs.utf_16_ex_decode(b"\xfe\xff", None, 0, False))
print(_codecs.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a", None, 0, False), _codecs.utf_32_decode(b"\xff\xfe\x00\x00a\x00\x00\x00"))
print(_codecs.utf_16_encode("ab"), _codecs.utf_16_encode("ab", None, 1), _codecs.utf_16_encode("ab", "strict", -1))
print(_codecs.utf_32_encode("ab"), _codecs.utf_32_le_encode("ab"), _codecs.utf_32_be_encode("\U0001F600"))
print(_codecs.utf_16_be_encode("\U0001F600"), _codecs.utf_16_decode(b"\xff\xfea\x00\xff\xfe"))
print(b"\xfe\xff\x00a\x00b".decode("utf-16"), b"\xff\xfe\x00\x00a\x00\x00\x00".decode("utf-32"), "ab".encode("utf-16"))
try:
    b"\xfe\xff\xd8\x00".decode("utf-16")
except UnicodeDecodeError as e:
    print(e)
s = codecs.StreamReaderWriter(io.BytesIO("x\u20acy\n2nd line\n".encode("utf-16")), *codecs.lookup("utf-16")[2:])
print(s.readline(), s.readlines())

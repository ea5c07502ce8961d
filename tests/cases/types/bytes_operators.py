a, b = b"abc", bytearray(b"xyz")
print(a + b, type(a + b).__name__, b + a, type(b + a).__name__, a * 2, 2 * b, a[1:], b[1:], a == b"abc", b == bytearray(b"xyz"))
print(a < b"abd", b > b"xyy", b"a" in a, 98 in a, b"" in a, a.count(b""), a.find(b""), a.rfind(b""), a[::-1], b[::-1])
print(a + memoryview(b"!"), b + memoryview(b"?"), bytes(5) + b"x", bytearray(2) * 2, b"%s|%5s|%-5s|" % (b"x", b"y", b"z"))
print(list(a), list(reversed(b)), sorted(b"bca"), max(a), min(b), sum(a), len(b), bool(b""), bool(bytearray()))
c = bytearray(b"hello")
c[1:3] = b""
c += b"!"
c[0] ^= 0x20
del c[-1]
print(c, c.pop(), c, c * 0, c.isupper(), c.lower())
print(b"abc".split(b"b"), bytearray(b"a b").split(), b"a\tb".expandtabs(2), b"x".ljust(3, b"."), b"AbC".swapcase())
print(hash(b"abc") == hash("abc".encode()), {b"k": 1}[b"k"], b"abc".decode("utf-16-le", "replace"), bytes.fromhex(a.hex()) == a)
print(repr(bytes(range(0x20, 0x30))), repr(bytearray(b"\x00\xff'\"")), str(bytearray(b"s")))

# _sha512: the digests random.py seeds from, and the hash object's API.
import _sha512

for data in [b"", b"abc", b"a" * 111, b"a" * 112, b"a" * 127, b"a" * 128, b"a" * 129, bytes(range(256)) * 5]:
    print(len(data), _sha512.sha512(data).hexdigest())
    print(_sha512.sha384(data).hexdigest())
h = _sha512.sha512(b"abc")
print(h.name, h.digest_size, h.block_size, type(h).__name__, _sha512.sha384().name, _sha512.sha384().digest_size)
c = h.copy()
h.update(b"def")
print(c.hexdigest()[:16], h.hexdigest()[:16], _sha512.sha512(b"abcdef").digest()[:8])
h.update(memoryview(b"xyz"))
h.update(bytearray(b"123"))
print(h.hexdigest() == _sha512.sha512(b"abcdefxyz123").hexdigest())
print(_sha512.sha512(string=b"a").hexdigest()[:8], _sha512.sha512(b"a", usedforsecurity=False).hexdigest()[:8])
for f in [lambda: _sha512.sha512("x"), lambda: _sha512.sha512(1), lambda: h.update("s"), lambda: _sha512.sha512(b"a", b"b")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(dir(_sha512)))

import struct
raw = struct.pack("<4i", 1, -2, 3, 2 ** 31 - 1)
m = memoryview(raw)
for fmt in ["B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q"]:
    try:
        c = m.cast(fmt)
        print(fmt, c.itemsize, len(c), c.tolist()[:6], c.nbytes, c.shape, c.format)
    except (TypeError, ValueError) as e:
        print(fmt, type(e).__name__, e)
f = memoryview(struct.pack("<2d", 1.5, -0.25)).cast("d")
print(f.tolist(), f[1], f.format)
b = bytearray(8)
mb = memoryview(b).cast("H")
mb[1] = 0xABCD
print(b, mb.tolist())
try:
    mb[0] = -1
except ValueError as e:
    print(e)
two = memoryview(bytes(range(12))).cast("B", (3, 4))
print(two.shape, two.ndim, two.strides, two.tolist(), two.tobytes()[:4])
try:
    two[0]
except NotImplementedError as e:
    print(e)
print(memoryview(b"abc") == memoryview(b"abc"), memoryview(b"abc") == b"abd", memoryview(b"ab").cast("c").tolist())
try:
    memoryview(b"abc").cast("H")
except TypeError as e:
    print(e)
try:
    memoryview(b"abcd").cast("Z")
except ValueError as e:
    print(e)
print(bytes(memoryview(bytearray(b"xyz"))[::2]), memoryview(b"hello")[1:4].tobytes(), memoryview(b"q").obj)

b = bytearray(b"abcdef")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist(), len(m), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
m[0] = 65
m[1:3] = b"XY"
print(b, m.hex(), m == b"AXYdef", m[::2].tobytes(), m[::-1].tobytes())
r = memoryview(b"\x01\x00\x02\x00")
i = r.cast("H")
print(i.tolist(), i.format, i.itemsize, len(i), i[1], r.readonly, r.c_contiguous, r.contiguous)
print(memoryview(b"ab").obj, bytes(memoryview(b"xyz")[1:]), list(memoryview(b"hi")))
try:
    r[0] = 1
except TypeError as e:
    print(e)
try:
    m[0] = 300
except ValueError as e:
    print(e)
try:
    m[0:2] = b"x"
except ValueError as e:
    print(e)
v = memoryview(b"abc")
v.release()
try:
    v[0]
except ValueError as e:
    print(e)
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
print(memoryview.__mro__, memoryview(b"q").toreadonly().readonly)

# deleting from the front of a bytearray (the start advances, as CPython's ob_start): sizes and __alloc__
b = bytearray(b'abcdefghijklmnopqrstuvwxyz' * 3)
for k in [1, 5, 3, 10, 20, 30]:
    del b[:k]
    print(len(b), b.__alloc__(), bytes(b[:5]))
b[:2] = b'X'
print(b, b.__alloc__())
b.append(1); b.extend(b'123'); print(b[-5:], b.__alloc__())
del b[0]; b.insert(0, 65); print(b[:3], b.__alloc__())
c = bytearray(b'0123456789')
del c[:3]; c += b'abc'; print(c, c.__alloc__())
del c[:8]; print(c, c.__alloc__())
m = memoryview(c); print(m.tobytes())
try:
    del c[:1]
except BufferError as e: print(e)
m.release(); del c[:1]; print(c)

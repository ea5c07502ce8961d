ba = bytearray(b"hello")
ba[0] = 72
ba += b"!!"
ba.append(63)
ba.extend([1, 2])
print(ba, len(ba), ba[1:3], type(ba[1:3]))
ba.insert(0, 32)
print(ba.pop(), ba.pop(0), ba)
ba.remove(33)
ba.reverse()
print(ba, ba.count(b"l"), ba.find(b"ll"))
del ba[0:2]
ba[1:3] = b"XYZW"
print(ba, ba.upper(), bytes(ba), ba == b"\x01lXYZWeH" or ba)
ba2 = bytearray(4)
ba2[::2] = b"ab"
print(ba2, bytearray(b"x") * 3, bytearray("é", "utf-8"), bytearray([1, 2]) + b"3")
print(bytearray.fromhex("41 42"), bytearray(b"abc").hex(), ba2.copy(), bytearray(range(3)))
ba2.clear()
print(ba2, repr(bytearray()), bytearray.__mro__)
m = bytearray(b"abc")
m *= 2
print(m, m.decode(), m.split(b"c"), m.replace(b"a", b"Q"), m.strip(b"ac"))
try:
    hash(m)
except TypeError as e:
    print(e)
try:
    m[0] = 256
except ValueError as e:
    print(e)
try:
    m.append("x")
except TypeError as e:
    print(e)

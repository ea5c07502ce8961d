# Subclasses of Struct and Random keep a __dict__ and survive the collector; weak references to
# Struct objects; Random subclasses that override random() or getrandbits().
import gc
import random
import struct
import weakref
import _random


class Record(struct.Struct):
    def __init__(self, fmt, name):
        super().__init__(fmt)
        self.name = name
        self.me = self  # a cycle


r = Record("<hh", "pair")
print(r.name, r.size, r.format, r.pack(1, 2), r.unpack(b"\x01\x00\x02\x00"))
w = weakref.ref(r)
del r
gc.collect()
print(w())
s = struct.Struct("i")
ws = weakref.ref(s)
print(ws() is s)
del s
print(ws())


class Fixed(random.Random):
    def random(self):
        return 0.5


f = Fixed()
print(f.randrange(10), f.choice("abc"), f.uniform(0, 4))


class Bits(random.Random):
    def getrandbits(self, k):
        return 1 if k else 0


b = Bits(3)
print(b.randrange(100), b.randrange(7))


class Core(_random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.extra = [self]


c = Core(42)
print(c.random(), c.extra[0] is c, random.Random(42).random())
del c
gc.collect()
print(type(struct.iter_unpack("b", b"ab")).__name__, list(struct.iter_unpack("b", bytearray(b"\x01\xff"))))
it = struct.iter_unpack("<H", b"\x01\x00\x02\x00")
data_ref = [it]
data_ref.append(data_ref)
del it, data_ref
gc.collect()
print("done")

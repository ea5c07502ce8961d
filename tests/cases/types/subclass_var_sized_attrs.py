# Instances of str, tuple, bytes and int subclasses keep instance attributes, slots and weak
# references as CPython's do (fields after the variable part of the built-in base).
import gc
import weakref
from collections import namedtuple


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("héllo wörld")
n.tag = "greeting"
print(repr(n), n.tag, n.shout(), len(n), vars(n), type(n + "x").__name__)
n.__dict__["other"] = [1, 2]
print(sorted(vars(n)), n.other, hash(n) == hash("héllo wörld"), n == "héllo wörld")
wide = Name("\U0001f600" * 50)
wide.size = len(wide)
print(wide.size, wide[:2] == "\U0001f600" * 2)

r = weakref.ref(n)
print(r() is n)
del n
gc.collect()
print(r())


class Pair(tuple):
    __slots__ = ()

    @property
    def first(self):
        return self[0]


class Tagged(tuple):
    pass


p = Pair((1, 2))
print(p, p.first, hasattr(p, "__dict__"))
t = Tagged(range(100))
t.label = "hundred"
t.items = t
print(len(t), t.label, t[99], t.items is t, vars(t).keys())
try:
    weakref.ref(t)
except TypeError as e:
    print("TypeError:", e)
del t
print(gc.collect() >= 1)

Point = namedtuple("Point", "x y")
pt = Point(3, 4)
print(pt, pt.x, pt._replace(y=9), pt._asdict())


class Blob(bytes):
    pass


b = Blob(b"\x00\x01abc" * 20)
b.kind = "blob"
print(len(b), b[:7], b.kind, type(b).__name__, bytes(b) == b"\x00\x01abc" * 20)
print(Blob(), Blob(3), Blob([65, 66]), Blob("x", "ascii"))
try:
    weakref.ref(b)
except TypeError as e:
    print("TypeError:", e)


class Big(int):
    pass


big = Big(2**100)
big.note = "big"
print(big, big.note, big + 1, type(big + 1).__name__)
try:
    weakref.ref(big)
except TypeError as e:
    print("TypeError:", e)

for base in (str, tuple, bytes, int, float):
    S = type("S", (base,), {})
    print(base.__name__, base.__itemsize__, S.__weakrefoffset__ != 0, "__weakref__" in S.__dict__)

for base in (tuple, bytes, int):
    try:
        type("S", (base,), {"__slots__": ("a",)})
    except TypeError as e:
        print("TypeError:", e)
    try:
        type("S", (base,), {"__slots__": ("__weakref__",)})
    except TypeError as e:
        print("TypeError:", e)


class Slotted(str):
    __slots__ = ("a", "b")


s = Slotted("slotted text")
s.a = 1
s.b = [s]
print(s, s.a, len(s.b), hasattr(s, "__dict__"))
del s.a
try:
    s.a
except AttributeError as e:
    print("AttributeError:", e)

# Dead refs return None; types without weakref support raise TypeError.
import weakref
class C: pass
r = weakref.ref(C())
print(r(), r)
for obj in [1, "s", (1,), [1], {}, None]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "weakrefable")
    except TypeError as e:
        print("TypeError:", e)
class Slotted:
    __slots__ = ("a",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
class WithWeak:
    __slots__ = ("a", "__weakref__")
w = WithWeak()
print(weakref.ref(w)() is w)
print(weakref.ref(len)() is len, weakref.ref(C)() is C)
c = C()
r1 = weakref.ref(c); r2 = weakref.ref(c)
print(r1 is r2, r1 == r2, hash(r1) == hash(c))

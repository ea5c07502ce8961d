# Several weakrefs: callbacks run newest first, before/after __del__ as CPython does.
import weakref
class C:
    def __del__(self): print("__del__")
c = C()
r1 = weakref.ref(c, lambda r: print("callback 1"))
r2 = weakref.ref(c, lambda r: print("callback 2"))
r3 = weakref.ref(c)
print(weakref.getweakrefcount(c), r3 is weakref.ref(c))
del c
print(r1(), r2(), r3())

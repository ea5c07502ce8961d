# An exception in a weakref callback is reported as ignored; execution continues.
import weakref
class C: pass
def bad(ref):
    raise RuntimeError("callback failed")
c = C()
r = weakref.ref(c, bad)
del c
print("continued after failing callback")

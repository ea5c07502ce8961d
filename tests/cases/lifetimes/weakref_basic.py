import weakref, gc
class C:
    pass
c = C()
r = weakref.ref(c, lambda ref: print("callback, ref dead:", ref() is None))
print(r() is c)
del c
print(r())
d = weakref.WeakValueDictionary()
k = C()
d["a"] = k
print(list(d))
del k
print(list(d))
a = C(); b = C(); a.b = b; b.a = a
wa = weakref.ref(a, lambda ref: print("cyclic callback"))
del a, b
print(gc.collect())
print(wa())

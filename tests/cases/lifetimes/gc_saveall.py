import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)

class N:
    pass

a = N(); b = N()
a.b = b; b.a = a
del a, b
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
l = []; l.append(l)
del l
print(gc.collect())
print(len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())

# Weakref callbacks fire when the collector frees a cycle.
import gc, weakref
gc.disable()
gc.collect()
class Node: pass
a = Node(); b = Node()
a.peer = b; b.peer = a
ra = weakref.ref(a, lambda r: print("a collected"))
rb = weakref.ref(b, lambda r: print("b collected"))
del a, b
print("dropped; still alive:", ra() is not None, rb() is not None)
n = gc.collect()
print("collected", n, ra(), rb())

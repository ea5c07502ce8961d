# An object hanging off a cycle dies when the collector breaks the cycle.
import gc
gc.disable()
gc.collect()
class Tail:
    def __del__(self): print("tail finalized")
class Node: pass
a, b = Node(), Node()
a.b, b.a = b, a
a.tail = Tail()
del a, b
print("before collect")
print("found", gc.collect())
print("end")

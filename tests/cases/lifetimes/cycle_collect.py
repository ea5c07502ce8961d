# Cyclic garbage waits for the collector; gc.collect() returns what it found.
import gc
gc.disable()
gc.collect()

class Node:
    pass

a = Node(); b = Node()
a.other = b; b.other = a
del a, b
print(gc.collect())
print(gc.collect())

x = Node(); x.me = x
del x
print(gc.collect())

l = []; l.append(l)
del l
print(gc.collect())

d = {}; d["self"] = d
del d
print(gc.collect())

ring = [Node() for _ in range(10)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 10]
del ring, n
print(gc.collect())

keep = Node(); keep.me = keep
print(gc.collect())
print(gc.isenabled())

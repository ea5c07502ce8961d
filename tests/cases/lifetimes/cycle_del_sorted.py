# Finalizers of a cycle run once each before the cycle is broken (names sorted to show membership).
import gc
gc.disable()
gc.collect()
names = []
class C:
    def __init__(self, n): self.n = n
    def __del__(self):
        names.append(self.n)
        print("peer alive in __del__:", self.peer.n)
a, b, c = C("a"), C("b"), C("c")
a.peer, b.peer, c.peer = b, c, a
del a, b, c
print(gc.collect())
print(sorted(names))
print(gc.collect())

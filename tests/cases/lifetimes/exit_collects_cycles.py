# At exit, cyclic garbage is finalized: a cycle dropped before the end (collected first, modules
# intact) and a global that is part of a cycle (after __main__ is torn down).
import gc
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = D("unreachable cycle"); a.me = a
del a
b = D("global in cycle"); b.me = b
c1 = D("pair 1"); c2 = D("pair 2"); c1.other = c2; c2.other = c1
del c1, c2
print("end", gc.isenabled())

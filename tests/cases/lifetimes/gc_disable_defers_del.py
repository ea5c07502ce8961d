# With gc disabled, cyclic garbage keeps its finalizers waiting until collect().
import gc
gc.disable()
gc.collect()
class C:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
for i in range(3):
    c = C(i); c.me = c
del c
print("cycles dropped, nothing finalized yet")
found = gc.collect()
print("collect found", found)
acyclic = C("acyclic")
del acyclic
print("end")

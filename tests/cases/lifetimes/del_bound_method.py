# A bound method keeps its instance alive.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def m(self): return self.n
m = D("via method").m
print("instance reachable only through bound method:", m())
del m
print("bound method gone")
callbacks = [D(i).m for i in range(2)]
print([c() for c in callbacks])
callbacks.pop(0)
print("popped first")
callbacks = None
print("end")

# Sets release members on discard; a tuple releases members when it dies.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = D("in set")
s = {a}
del a
print("still in set")
s.clear()
print("after set clear")
t = (D("t0"), D("t1"), D("t2"))
x = t[1]
del t
print("tuple gone, t1 kept")
del x
print("end")

# Replacing or deleting an attribute releases the old value; instance death releases its attributes.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Holder:
    pass
h = Holder()
h.a = D("a1")
h.a = D("a2")
print("after reassign")
del h.a
print("after delattr")
h.x = D("x")
h.y = D("y")
del h
print("holder gone")
class Slotted:
    __slots__ = ("p", "q")
s = Slotted()
s.p = D("p"); s.q = D("q")
del s
print("end")

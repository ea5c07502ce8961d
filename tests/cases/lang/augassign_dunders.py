# __iadd__ is preferred; falls back to __add__; NotImplemented falls through to __radd__.
class A:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        print("iadd"); self.v += o; return self
    def __repr__(self): return f"A({self.v})"
class B:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("add"); return B(self.v + o)
    def __repr__(self): return f"B({self.v})"
class C:
    def __iadd__(self, o):
        print("C.iadd -> NotImplemented"); return NotImplemented
class D:
    def __radd__(self, o):
        print("D.radd"); return "from radd"
a = A(1); a += 2; print(a)
b = B(1); b0 = b; b += 2; print(b, b0)
c = C(); c += D(); print(c)
x = C()
try:
    x += 1
except TypeError as e:
    print("TypeError:", e)

# Rich comparisons: reflection (__lt__ <-> __gt__), __eq__ default identity, __ne__ from __eq__.
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("C.lt"); return self.v < o.v
    def __eq__(self, o):
        print("C.eq"); return isinstance(o, C) and self.v == o.v
class D:
    pass
print(C(1) < C(2))
print(C(1) > C(2))
print(C(1) == C(1), C(1) != C(1))
print(C(1) == 5)
d = D()
print(d == d, d == D(), d != D())
class E:
    def __eq__(self, o): return NotImplemented
print(E() == E(), E() != E())
class Sub(C):
    def __gt__(self, o):
        print("Sub.gt"); return True
print(C(1) < Sub(0))
try:
    C(1) <= C(2)
except TypeError as e:
    print("TypeError:", e)

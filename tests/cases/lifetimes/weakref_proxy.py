# weakref.proxy forwards attribute access and raises ReferenceError once the referent dies.
import weakref
class C:
    def __init__(self): self.v = 42
    def m(self): return "method"
    def __len__(self): return 3
c = C()
p = weakref.proxy(c)
print(p.v, p.m(), len(p), type(p).__name__)
p.v = 7
print(c.v)
del c
try:
    p.v
except ReferenceError as e:
    print("ReferenceError:", e)
def f(): return "callable"
pf = weakref.proxy(f)
print(pf(), type(pf).__name__)

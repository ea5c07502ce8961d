# WeakMethod references a bound method without keeping its instance alive.
import weakref
class C:
    def __init__(self, n): self.n = n
    def hello(self): return f"hello {self.n}"
    def __del__(self): print("del", self.n)
c = C(1)
wm = weakref.WeakMethod(c.hello)
print(wm()())
plain = weakref.ref(c.hello)
print("plain ref to a bound method is dead at once:", plain() is None)
del c
print(wm())

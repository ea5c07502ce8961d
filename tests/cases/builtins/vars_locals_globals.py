class A:
    def __init__(self):
        self.a = 1
print(vars(A()), sorted(k for k in vars(A) if not k.startswith("__")) , "a" in vars(A()))
def f(x, y=2):
    z = x + y
    return sorted(locals().items())
print(f(1))
g = globals()
g["dyn"] = 42
print(dyn, "f" in globals(), globals() is vars())
try:
    vars(5)
except TypeError as e:
    print(e)
class S:
    __slots__ = ("q",)
try:
    vars(S())
except TypeError as e:
    print(e)
import types
ns = types.SimpleNamespace(a=1, b="x")
print(vars(ns))

class A:
    """Doc of A."""
    x = 1
    def method(self):
        "method doc"
    @staticmethod
    def st():
        pass
print(A.__doc__, A.method.__doc__, A.__name__, A.__qualname__, A.__module__)
print(sorted(k for k in A.__dict__ if not k.startswith("__")), type(A.__dict__).__name__)
try:
    A.__dict__["y"] = 2
except TypeError as e:
    print(e)
class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.__name__)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__, repr(f()).replace("__main__", "M"))
a = A()
a.__class__ = type("B", (A,), {})
print(type(a).__name__, isinstance(a, A))
A.x = 100
print(a.x, A.x)
a.__dict__ = {"x": "mine"}
print(a.x)
try:
    a.__dict__ = 5
except TypeError as e:
    print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
print(A.__annotations__ if hasattr(A, "__annotations__") else "no annotations")
class Ann:
    a: int
    b: str = "x"
print(Ann.__annotations__, Ann.b)

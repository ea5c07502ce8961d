class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
class C(A):
    def f(self):
        return "C.f>" + super().f()
class D(B, C):
    def f(self):
        return "D.f>" + super().f()
print(D().f(), D.c(), D.__mro__)
print(super(B, D()).f(), super(C, D()).f(), super(D, D).c())
s = super(B, D())
print(type(s).__name__, s.__thisclass__, type(s.__self__).__name__, s.__self_class__)
def free():
    return super().f()
try:
    free()
except RuntimeError as e:
    print(e)
try:
    super(int, "x")
except TypeError as e:
    print(e)
class E(A):
    def f(self):
        def inner():
            return super().f()
        return inner()
try:
    E().f()
except RuntimeError as e:
    print(e)
class F(A):
    def __init__(self):
        super().__init__()
        self.ok = True
    def g(self):
        return super().missing
print(F().ok)
try:
    F().g()
except AttributeError as e:
    print(e)

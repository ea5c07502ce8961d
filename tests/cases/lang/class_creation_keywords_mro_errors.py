# Class creation keywords, metaclass keyword forwarding, and MRO errors.
class A:
    def __init_subclass__(cls, /, **kw):
        super().__init_subclass__()
        cls.kw = kw
class B(A, x=1): pass
print(B.kw)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns["created_by"] = m.__name__
        return super().__new__(m, name, bases, ns)
    def __init__(cls, *a, **kw):
        super().__init__(*a)
class C(metaclass=Meta, extra=True): pass
print(C.created_by)
try:
    class D(metaclass=type, bogus=1): pass
except TypeError as e:
    print("TypeError:", e)
class E:
    pass
try:
    class F(E, E): pass
except TypeError as e:
    print("TypeError:", e)
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
print([k.__name__ for k in type("W", (Y,), {}).__mro__])
def f(**kw): return kw
class G(*[object], **{}): pass
print(G.__bases__)

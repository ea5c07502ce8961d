# Class statements with starred bases and **keywords.
class A: pass
class B: pass
bases = (A, B)
class C(*bases): pass
print(C.__mro__)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        cls = super().__new__(m, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, *a, **kw):
        super().__init__(*a)
opts = {"alpha": 1, "beta": 2}
class D(A, metaclass=Meta, **opts): pass
print(D.kw, type(D).__name__)
class E(): pass
print(E.__bases__)

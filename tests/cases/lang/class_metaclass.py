# Metaclasses: __new__, __init__, __call__, __prepare__, and keyword arguments.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": True}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print("call", cls.__name__, a)
        return super().__call__(*a)
class Base(metaclass=Meta, flag=1):
    x = 1
    def __init__(self, v): self.v = v
class Sub(Base):
    y = 2
s = Sub(5)
print(s.v, Sub.injected, type(Sub).__name__)
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class AB(A, B): pass
except TypeError as e:
    print("TypeError:", e)
Dyn = type("Dyn", (object,), {"hello": lambda self: "hello from Dyn"})
print(Dyn().hello(), Dyn.__name__)
def fmeta(name, bases, ns):
    return "not a class: " + name
class Weird(metaclass=fmeta): pass
print(Weird)

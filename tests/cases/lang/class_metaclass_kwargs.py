# Metaclass keywords flow to __new__, __init__ and __init_subclass__.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw.items()))
        cls = super().__new__(mcls, name, bases, ns)
        cls.opts = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, sorted(ns.keys() - {'__module__', '__qualname__'}))
        super().__init__(name, bases, ns)

class Base(metaclass=Meta, flavor="vanilla"):
    a = 1

class Child(Base, flavor="choc", size=2):
    b = 2

print(type(Child).__name__, Child.opts, Base.opts)

class Plain:
    def __init_subclass__(cls, tag=None, **kw):
        print("init_subclass", cls.__name__, tag, kw)
        cls.tag = tag
class P1(Plain, tag="x"): pass
class P2(Plain): pass
print(P1.tag, P2.tag)
try:
    class Bad(Plain, unknown=1, tag=2): pass
except TypeError as e:
    print("TypeError", e)

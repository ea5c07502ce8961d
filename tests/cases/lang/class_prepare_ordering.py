# __prepare__ returning a custom mapping observes every name bound in the class body, in order.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recorder()
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class C(metaclass=Meta):
    "doc"
    b = 1
    a = 2
    def m(self): pass
    b = 3
    x: int = 4
print(C.order)
class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5
try:
    class D(metaclass=BadPrepare): pass
except TypeError as e:
    print("TypeError:", e)

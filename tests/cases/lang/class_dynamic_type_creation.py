# type() with three arguments, __class_getitem__, and __mro_entries__.
def init(self, v):
    self.v = v
Dyn = type("Dyn", (object,), {"__init__": init, "double": lambda self: self.v * 2, "tag": "d"})
d = Dyn(21)
print(Dyn.__name__, d.double(), d.tag, Dyn.__qualname__, Dyn.__module__)
class Gen:
    def __class_getitem__(cls, item):
        return f"Gen[{item!r}]"
print(Gen[int], Gen["x", 1])
class Proxy:
    def __mro_entries__(self, bases):
        return (dict,)
class FromProxy(Proxy()):
    pass
print(FromProxy.__mro__[1].__name__, FromProxy.__orig_bases__[0].__class__.__name__)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    class X(1): pass
except TypeError as e:
    print("TypeError:", e)
print(type(type), type(Dyn), type(d).__bases__)

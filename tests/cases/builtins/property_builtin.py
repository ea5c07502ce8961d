class T:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "the value"
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
    @v.deleter
    def v(self):
        print("deleted")
        self._v = None
    ro = property(lambda self: "read-only")
t = T()
t.v = 5
print(t.v, T.v.__doc__, type(T.v).__name__, T.v.fget.__name__, T.v.fset is not None)
del t.v
print(t.v)
try:
    t.ro = 1
except AttributeError as e:
    print(e)
try:
    del t.ro
except AttributeError as e:
    print(e)
p = property()
try:
    p.__get__(t, T)
except AttributeError as e:
    print(e)
class U:
    x = property(doc="doc only")
print(U.x.__doc__, U.x.fget)
try:
    U().x
except AttributeError as e:
    print(e)
print(isinstance(T.v, property), T.__dict__["v"] is T.v)
class W:
    @property
    def a(self):
        return self.b
try:
    W().a
except AttributeError as e:
    print(e)

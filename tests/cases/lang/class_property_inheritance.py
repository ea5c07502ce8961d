# Overriding properties in subclasses, property.getter/setter copies, and super() access.
class Base:
    @property
    def name(self): return "base"
class Child(Base):
    @property
    def name(self): return "child of " + super().name
class Settable(Base):
    _n = None
    @Base.name.setter
    def name(self, v): self._n = v
c = Child()
print(c.name)
s = Settable()
s.name = "x"
print(s.name, s._n, Base.name is Settable.name)
class Cached:
    def __init__(self): self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return 42
cc = Cached()
cc.value; cc.value
print(cc.calls)
print(Base.name.fget, Base.name.fset)

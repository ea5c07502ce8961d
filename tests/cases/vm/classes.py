class Base:
    kind = "base"
    def __init__(self, name):
        self.name = name
    def greet(self):
        return f"{self.kind}:{self.name}"
    @classmethod
    def make(cls, n):
        return cls(n)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
class Derived(Base):
    kind = "derived"
    def greet(self):
        return "D(" + super().greet() + ")"
d = Derived.make("x")
print(d.greet(), d.upper, Base.helper(4), isinstance(d, Base), issubclass(Derived, Base))
print(Derived.__mro__, Derived.__name__, Derived.__qualname__, Derived.__module__)
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
print(Point(1, 2) + Point(3, 4), Point(1, 2) == Point(1, 2))
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta, tag="t1"):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with Ctx() as c:
    raise ValueError("swallowed")
print("after with")
class Init:
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__, kw)
class Sub(Init, flag=1):
    pass

print(type(1), type("s"), type(type), type(print), type(len).__name__, type(lambda: 0).__name__, type(x for x in ()).__name__)
X = type("X", (), {"a": 1, "f": lambda self: self.a + 1})
x = X()
print(X, X.__name__, X.__bases__, x.a, x.f(), type(x) is X, X.__module__, X.__qualname__)
Y = type("Y", (X,), {})
print(Y.__mro__, Y().f(), isinstance(Y(), X))
print(type.__name__, type.__qualname__, type.__mro__, type.__dict__["__name__"].__class__.__name__)
for call in [lambda: type(), lambda: type(1, 2), lambda: type("Z", (1,), {}), lambda: type("Z", (), []), lambda: type("Z", (bool,), {})]:
    try:
        print(call())
    except TypeError as e:
        print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__ + str(sorted(kw))
        return super().__new__(mcls, name, bases, ns)
class Z(metaclass=Meta, flag=1):
    pass
print(Z.made_by, type(Z), Meta.__mro__, type(Z).__name__)
print(X.__dict__["a"], "f" in X.__dict__, type(X.__dict__).__name__)

# __init_subclass__ runs for every subclass, with class keyword arguments.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, tag)
        Plugin.registry.append((cls.__name__, tag))
class A(Plugin, tag="a"): pass
class B(A): pass
class C(B, tag="c"): pass
print(Plugin.registry)
try:
    class D(Plugin, unknown=1, tag="d"): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(unknown=1): pass
except TypeError as e:
    print("TypeError:", e)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

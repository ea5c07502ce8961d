from types import SimpleNamespace
ns = SimpleNamespace(a=1, b=[2])
ns.c = 3
print(ns, repr(SimpleNamespace()), ns.a, ns.__dict__)
print(ns == SimpleNamespace(a=1, b=[2], c=3), ns == SimpleNamespace(a=1), SimpleNamespace(x=1) != SimpleNamespace(x=2))
del ns.a
print(ns, hasattr(ns, "a"))
nested = SimpleNamespace(inner=SimpleNamespace(v=1))
nested.self = nested
print(nested)
try:
    ns.zzz
except AttributeError as e:
    print(e)
try:
    SimpleNamespace(1)
except TypeError as e:
    print(e)
try:
    hash(ns)
except TypeError as e:
    print(e)
class Sub(SimpleNamespace):
    pass
print(Sub(k=1), SimpleNamespace({"k": 2}) if False else "dict-arg skipped")

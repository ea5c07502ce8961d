# WeakValueDictionary entries disappear when the values die.
import weakref
class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Obj({self.name})"
cache = weakref.WeakValueDictionary()
a, b = Obj("a"), Obj("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), len(cache))
del a
print(sorted(cache.keys()), cache.get("a"), "b" in cache)
b = None
print(len(cache), dict(cache))
try:
    cache["x"] = 5
except TypeError as e:
    print("TypeError:", e)
